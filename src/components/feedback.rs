//! How the pages say "loading" and "that went wrong".

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{ApiError, ErrorCode};

use crate::app::set_title;
use crate::i18n::{t, t_string, use_i18n};

/// A calm "Even geduld…" while data loads, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status">
            {t!(i18n, common.loading)}
        </p>
    }
}

/// A failed request, in the server's words, with a way back home.
///
/// Shows nothing for "not logged in": the API helper is already on its way to
/// the log-in page.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    (error.code != ErrorCode::Unauthenticated).then(|| {
        view! {
            <div class="notice notice--error" role="alert">
                <p>{error.message}</p>
                <p>
                    <A href="/">{t!(i18n, common.to_home)}</A>
                </p>
            </div>
        }
    })
}

/// What a page about one child shows instead of the child: "Kind niet
/// gevonden" for another parent's child or no child at all (no `error`, or
/// not found), else the error under the page's `title`.
#[component]
pub fn ChildPageProblem(error: Option<ApiError>, #[prop(into)] title: TextProp) -> impl IntoView {
    let i18n = use_i18n();
    match error.filter(|e| e.code != ErrorCode::NotFound) {
        Some(error) => {
            let heading = title.clone();
            Effect::new(move || set_title(&title.get()));
            view! {
                <h1>{move || heading.get()}</h1>
                <ErrorNotice error />
            }
            .into_any()
        }
        None => {
            Effect::new(move || set_title(t_string!(i18n, common.child_not_found)));
            view! {
                <h1>{t!(i18n, common.child_not_found)}</h1>
                <p class="notice">{t!(i18n, common.child_not_yours)}</p>
                <p>
                    <A href="/">{t!(i18n, common.to_home)}</A>
                </p>
            }
            .into_any()
        }
    }
}

/// For a form about children, when no child is linked to the account yet.
#[component]
pub fn NoChildren() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice">
            {t!(i18n, common.no_children)}
        </p>
        <p>
            <A href="/">{t!(i18n, common.to_home)}</A>
        </p>
    }
}
