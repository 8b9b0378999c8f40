//! The guard around every page that needs a logged-in parent.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use shared::ApiError;

use crate::api;
use crate::app::Auth;
use crate::components::feedback::{ErrorNotice, Loading};
use crate::components::waiting_reports::WaitingReports;

/// The guard as the router's parent route (the whole app): the page of the
/// nested route, once we know who is logged in.
#[component]
pub fn RequireLogin() -> impl IntoView {
    view! { <WhenLoggedIn page=|| view! { <Outlet /> }.into_any() /> }
}

/// Makes sure we know who is logged in (`GET /api/me`) before showing
/// `page`. Not logged in: the API helper sends the parent to
/// `/inloggen`, and back here after logging in. No network: the reports
/// kept on this phone, and another try when the connection is back.
#[component]
pub fn WhenLoggedIn(page: fn() -> AnyView) -> impl IntoView {
    let auth = expect_context::<Auth>();
    if auth.me.with_untracked(Option::is_some) {
        // Known from the page before (a door's pages are not nested in
        // one guard): no moment of "loading" in between.
        return page();
    }
    let connection_back = RwSignal::new(0_u32);
    let listener =
        window_event_listener_untyped("online", move |_| connection_back.update(|n| *n += 1));
    on_cleanup(move || listener.remove());
    let known = LocalResource::new(move || {
        connection_back.track();
        async move {
            if auth.me.with_untracked(Option::is_none) {
                auth.me.set(Some(api::me().await?));
            }
            Ok::<(), ApiError>(())
        }
    });

    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match known.await {
                    Ok(()) => page(),
                    Err(error) => view! {
                        <ErrorNotice error />
                        <WaitingReports />
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
