//! How the pages say "loading" and "that went wrong".

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{ApiError, ErrorCode};

use crate::app::set_title;

/// A calm "Even geduld…" while data loads, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            "Even geduld…"
        </p>
    }
}

/// A failed request, in the server's words, with a way back home.
///
/// Shows nothing for "not logged in": the API helper is already on its way to
/// the log-in page.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    (error.code != ErrorCode::Unauthenticated).then(|| {
        view! {
            <div class="notice notice--error" role="alert">
                <p>{error.message}</p>
                <p>
                    <A href="/">"Naar de startpagina"</A>
                </p>
            </div>
        }
    })
}

/// What a page about one child shows instead of the child: "Kind niet
/// gevonden" for another parent's child or no child at all (no `error`, or
/// not found), else the error under the page's `title`.
#[component]
pub fn ChildPageProblem(error: Option<ApiError>, title: &'static str) -> impl IntoView {
    match error.filter(|e| e.code != ErrorCode::NotFound) {
        Some(error) => {
            set_title(title);
            view! {
                <h1>{title}</h1>
                <ErrorNotice error />
            }
            .into_any()
        }
        None => {
            set_title("Kind niet gevonden");
            view! {
                <h1>"Kind niet gevonden"</h1>
                <p class="notice">"Dit kind vinden we niet bij uw account."</p>
                <p>
                    <A href="/">"Naar de startpagina"</A>
                </p>
            }
            .into_any()
        }
    }
}

/// For a form about children, when no child is linked to the account yet.
#[component]
pub fn NoChildren() -> impl IntoView {
    view! {
        <p class="notice">
            "Er is nog geen kind aan uw account gekoppeld. Neem contact op met de school."
        </p>
        <p>
            <A href="/">"Naar de startpagina"</A>
        </p>
    }
}
