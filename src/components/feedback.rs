//! How the pages say "loading" and "that went wrong".

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{ApiError, ErrorCode};

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
