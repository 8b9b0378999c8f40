//! The guard around every page that needs a logged-in parent.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use shared::ApiError;

use crate::api;
use crate::app::Auth;
use crate::components::feedback::{ErrorNotice, Loading};

/// Makes sure we know who is logged in (`GET /api/me`) before showing the
/// page inside it. Not logged in: the API helper sends the parent to
/// `/inloggen`, and back here after logging in.
#[component]
pub fn RequireLogin() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let known = LocalResource::new(move || async move {
        if auth.me.with_untracked(Option::is_none) {
            auth.me.set(Some(api::me().await?));
        }
        Ok::<(), ApiError>(())
    });

    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match known.await {
                    Ok(()) => view! { <Outlet /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
