//! From one bundle to the next: the log-in door, the front door, the whole
//! app.
//!
//! A door has only a few pages. Asked for any other page (the start page
//! after logging in, a link, the confirmation after a report), it loads
//! that address again from the server, which sends the bundle that has it
//! (server/src/spa.rs). The browser keeps every bundle, so this costs a
//! download once; and each door fetches the next bundle's files while the
//! parent fills in its form.

use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::feedback::Loading;
use crate::pages::not_found::NotFoundPage;

/// The address a door last handed over, for one reload only.
const HANDED_OVER: &str = "vw-handed-over";

/// Which bundle is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    LogInDoor,
    FrontDoor,
    WholeApp,
}

thread_local! {
    /// The bundle running, set as it starts.
    static RUNNING: Cell<Bundle> = const { Cell::new(Bundle::WholeApp) };
    /// Whether the next bundle's files were fetched already.
    static FETCHED: Cell<bool> = const { Cell::new(false) };
}

/// Called as a bundle starts. The whole app has every page: a hand-over
/// has worked. A door keeps the mark only for its own address, where
/// [`LoadAgain`] reads it to stop a loop; any other mark is old.
pub fn started(bundle: Bundle) {
    RUNNING.set(bundle);
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(storage) = window.session_storage().ok().flatten() else {
        return;
    };
    let location = window.location();
    let here = address(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    let remembered = storage.get_item(HANDED_OVER).ok().flatten();
    if bundle == Bundle::WholeApp || remembered.as_deref() != Some(here.as_str()) {
        _ = storage.remove_item(HANDED_OVER);
    }
}

/// A door's answer to an address it does not have: load it again from the
/// server.
#[component]
pub fn LoadAgain() -> impl IntoView {
    // The router's address: the browser's may still be the page before.
    let location = use_location();
    let address = address(
        &location.pathname.get_untracked(),
        &location.search.get_untracked(),
    );
    let Some(window) = web_sys::window() else {
        return NotFoundPage().into_any();
    };
    let storage = window.session_storage().ok().flatten();
    let remembered = storage
        .as_ref()
        .and_then(|s| s.get_item(HANDED_OVER).ok().flatten());
    if remembered.as_deref() == Some(address.as_str()) {
        // Handed over already, and the server sent the front door again: it
        // is not a page of the app. (Never load it in a loop.)
        if let Some(storage) = &storage {
            _ = storage.remove_item(HANDED_OVER);
        }
        return NotFoundPage().into_any();
    }
    if let Some(storage) = &storage {
        _ = storage.set_item(HANDED_OVER, &address);
    }
    _ = window.location().assign(&address);
    view! { <Loading /> }.into_any()
}

/// A path and the router's query (without its `?`) as one address.
fn address(path: &str, query: &str) -> String {
    match query.trim_start_matches('?') {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// In the front door: fetches the whole app's files in the background, so
/// that the next page (the confirmation after a report) opens without
/// waiting for them.
pub fn fetch_whole_app() {
    if RUNNING.get() == Bundle::FrontDoor {
        fetch_bundle("/index.html");
    }
}

/// In the log-in door: fetches the front door's files in the background,
/// so that the start page opens at once after logging in.
pub fn fetch_front_door() {
    if RUNNING.get() == Bundle::LogInDoor {
        fetch_bundle("/front/index.html");
    }
}

/// Fetches the files a bundle's page preloads. The browser keeps them:
/// their names carry a content hash.
fn fetch_bundle(page: &'static str) {
    if FETCHED.replace(true) {
        return;
    }
    leptos::task::spawn_local(async move {
        let Some(page) = fetch(Body::Text, page).await else {
            return;
        };
        let Some(page) = page.as_string() else { return };
        for file in preloaded_files(&page) {
            _ = fetch(Body::Bytes, &file).await;
        }
    });
}

/// How to read a fetched body. Read it must be: only a body read to the
/// end is kept by the browser.
enum Body {
    Text,
    /// Left in the browser, never copied into the app.
    Bytes,
}

/// The files a bundle's page preloads (trunk's `rel="preload"` and
/// `rel="modulepreload"` links: its JS and wasm).
fn preloaded_files(page: &str) -> Vec<String> {
    page.split('<')
        .filter(|tag| tag.starts_with("link") && tag.contains("preload"))
        .filter_map(|tag| {
            let start = tag.find("href=\"")? + "href=\"".len();
            let end = start + tag[start..].find('"')?;
            Some(tag[start..end].to_owned())
        })
        .collect()
}

/// Fetches `address` and reads its body.
async fn fetch(body: Body, address: &str) -> Option<wasm_bindgen::JsValue> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(address))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let read = match body {
        Body::Text => response.text(),
        Body::Bytes => response.array_buffer(),
    };
    JsFuture::from(read.ok()?).await.ok()
}

#[cfg(test)]
mod tests {
    use super::{address, preloaded_files};

    #[test]
    fn an_address_keeps_its_query() {
        assert_eq!(
            address("/school/meldingen", "school=5"),
            "/school/meldingen?school=5"
        );
        assert_eq!(address("/kinderen/1", ""), "/kinderen/1");
        assert_eq!(address("/verlof", "?kind=2"), "/verlof?kind=2");
    }

    #[test]
    fn a_bundles_preloaded_files_are_found_in_its_page() {
        let page = r#"<head><link rel="stylesheet" href="/main-1.css"/>
<script type="module" src="/start.js" data-js="/app-2.js"></script>
<link rel="modulepreload" href="/app-2.js" crossorigin="anonymous"><link rel="preload" href="/app-2_bg.wasm" as="fetch"></head>"#;

        assert_eq!(preloaded_files(page), ["/app-2.js", "/app-2_bg.wasm"]);
    }
}
