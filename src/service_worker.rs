//! Registers the service worker (`public/sw.js`), which keeps the app's
//! shell on the phone so the app opens without a network.
//!
//! Its address carries a fingerprint of this build's files (trunk puts a
//! hash in their names): a new build is a new address, so the browser
//! installs a new worker, which replaces the old shell. The same build
//! keeps the same address, and the browser leaves the worker as it is.

use wasm_bindgen::JsValue;

/// Registers `/sw.js?v=<fingerprint>`, where the browser has service
/// workers (https, or http on this computer); elsewhere the app simply
/// needs the network to open.
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
    let url = format!("/sw.js?v={}", fingerprint(&build_files(&window)));
    let registering = navigator.service_worker().register(&url);
    wasm_bindgen_futures::spawn_local(async move {
        // Without it the app still works, online.
        _ = wasm_bindgen_futures::JsFuture::from(registering).await;
    });
}

/// The addresses in the page's `<link href>` and `<script src>`: trunk's
/// hashed file names among them.
fn build_files(window: &web_sys::Window) -> Vec<String> {
    let Some(tags) = window
        .document()
        .and_then(|d| d.query_selector_all("link[href], script[src]").ok())
    else {
        return Vec::new();
    };
    (0..tags.length())
        .filter_map(|i| tags.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .filter_map(|tag| {
            tag.get_attribute("href")
                .or_else(|| tag.get_attribute("src"))
        })
        .collect()
}

/// A short, stable fingerprint of these addresses (FNV-1a, 64 bits, hex).
fn fingerprint(files: &[String]) -> String {
    let hash = files
        .iter()
        .flat_map(|file| file.bytes().chain([b'\n']))
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn another_build_has_another_fingerprint_the_same_build_the_same() {
        let build = |hash: &str| {
            vec![
                format!("/style-{hash}.css"),
                format!("/verzuimwijzer-app-{hash}.js"),
                "/manifest.webmanifest".to_owned(),
            ]
        };
        assert_eq!(
            fingerprint(&build("0a1b2c3d")),
            fingerprint(&build("0a1b2c3d"))
        );
        assert_ne!(
            fingerprint(&build("0a1b2c3d")),
            fingerprint(&build("0a1b2c3e"))
        );
        assert_eq!(fingerprint(&build("0a1b2c3d")).len(), 16);
    }
}
