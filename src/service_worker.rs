//! Registers the service worker (`public/sw.js`), which keeps the app on
//! the phone so that it opens without a network.
//!
//! One address for both bundles, `/sw.js`: scripts/lib.sh writes the
//! build's id into it, so a new build is a new worker (the browser checks
//! the file on each visit) and the same build leaves the worker as it is.

use wasm_bindgen::JsValue;

/// Registers `/sw.js` where the browser has service workers (https, or
/// http on this computer); elsewhere the app simply needs the network to
/// open.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let has_workers =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !has_workers {
        return;
    }
    let registering = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Without it the app still works, online.
        _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}
