//! The built app: served for every path outside `/api`, with the right
//! types, cache headers and compression.

use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use reqwest::StatusCode;
use shared::ErrorCode;
use tempfile::TempDir;

use crate::helpers::{expect_error, spawn_app, spawn_app_with, AppOptions, TestApp};

const INDEX: &str = "<!doctype html><title>Verzuimwijzer</title><p>fake app</p>";
const WASM: &str = "verzuimwijzer-app-3f1c2a9b8d7e6f50_bg.wasm";
const CSS: &str = "style-0a1b2c3d4e5f6789.css";

/// A fake trunk build: index.html and two hashed assets.
fn fake_dist() -> TempDir {
    let dist = TempDir::new().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    std::fs::write(dist.path().join(WASM), b"\0asm\x01\0\0\0".repeat(200)).unwrap();
    std::fs::write(dist.path().join(CSS), "body { color: #222; }\n".repeat(100)).unwrap();
    dist
}

#[tokio::test]
async fn an_app_route_gets_index_html_that_is_not_cached() {
    let dist = fake_dist();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    for path in ["/", "/kinderen/x", "/index.html"] {
        let res = app.get(path).await;

        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert_eq!(res.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert_eq!(res.text().await.unwrap(), INDEX, "{path}");
    }
}

#[tokio::test]
async fn a_hashed_asset_is_immutable_and_compressed_when_asked() {
    let dist = fake_dist();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    let wasm = app
        .client
        .get(app.url(&format!("/{WASM}")))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    let css = app.get(&format!("/{CSS}")).await;

    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(wasm.headers()[CONTENT_TYPE], "application/wasm");
    assert_eq!(
        wasm.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(wasm.headers()[CONTENT_ENCODING], "gzip");
    let compressed = wasm.bytes().await.unwrap();
    assert!(
        compressed.len() < 1600,
        "compressed: {} bytes",
        compressed.len()
    );
    assert_eq!(css.status(), StatusCode::OK);
    assert!(css.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert_eq!(
        css.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert!(css.headers().get(CONTENT_ENCODING).is_none(), "not asked");
}

#[tokio::test]
async fn brotli_is_used_when_the_browser_prefers_it() {
    let dist = fake_dist();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    let res = app
        .client
        .get(app.url(&format!("/{CSS}")))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();

    assert_eq!(res.headers()[CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn the_api_is_not_hidden_by_the_app() {
    let dist = fake_dist();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    let res = app.get("/api/nope").await;

    expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}

#[tokio::test]
async fn without_a_built_app_the_api_works_and_the_app_says_to_build_it() {
    let app = spawn_app().await;

    let page = app.get("/kinderen").await;
    let health = app.get("/api/health").await;

    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text().await.unwrap().contains("trunk build"));
    assert_eq!(health.status(), StatusCode::OK);
}

/// Sends `path` to the app with `Accept-Encoding: accept`.
async fn get_encoded(app: &TestApp, path: &str, accept: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header(ACCEPT_ENCODING, accept)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_precompressed_copy_is_sent_as_it_is_to_a_browser_that_takes_it() {
    let dist = fake_dist();
    // Marked copies: the test sees which file was sent.
    for (name, body) in [
        (format!("{WASM}.br"), "brotli copy of the wasm"),
        (format!("{WASM}.gz"), "gzip copy of the wasm"),
        ("index.html.br".to_owned(), "brotli copy of index.html"),
    ] {
        std::fs::write(dist.path().join(name), body).unwrap();
    }
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;
    let wasm = format!("/{WASM}");

    let br = get_encoded(&app, &wasm, "gzip, deflate, br").await;
    assert_eq!(br.headers()[CONTENT_ENCODING], "br");
    assert_eq!(br.headers()[CONTENT_TYPE], "application/wasm");
    assert_eq!(br.headers()[VARY], "accept-encoding");
    assert_eq!(
        br.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(br.text().await.unwrap(), "brotli copy of the wasm");

    let gz = get_encoded(&app, &wasm, "gzip").await;
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    assert_eq!(gz.text().await.unwrap(), "gzip copy of the wasm");

    let plain = get_encoded(&app, &wasm, "identity").await;
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert_eq!(plain.headers()[VARY], "accept-encoding");
    assert_eq!(plain.bytes().await.unwrap().len(), 8 * 200);

    // An app route gets index.html's copy, never cached.
    let page = get_encoded(&app, "/kinderen/x", "br").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[CONTENT_ENCODING], "br");
    assert_eq!(page.headers()[CACHE_CONTROL], "no-cache");
    assert!(page.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(page.text().await.unwrap(), "brotli copy of index.html");
}

#[tokio::test]
async fn the_doors_addresses_get_their_page_and_all_others_the_whole_app() {
    let dist = fake_dist();
    let door = |folder: &str, text: &str| {
        std::fs::create_dir(dist.path().join(folder)).unwrap();
        let page = format!("<!doctype html><title>Verzuimwijzer</title><p>{text}</p>");
        std::fs::write(dist.path().join(folder).join("index.html"), &page).unwrap();
        page
    };
    let front_door = door("front", "front door");
    let log_in_door = door("login", "log-in door");
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    for (path, page) in [
        ("/", &front_door),
        ("/melden", &front_door),
        ("/inloggen", &log_in_door),
        ("/inloggen?terug=%2Fkinderen%2Fx", &log_in_door),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert_eq!(&res.text().await.unwrap(), page, "{path}");
    }
    for path in [
        "/kinderen/x",
        "/meldingen/1",
        "/melden/extra",
        "/inloggen/extra",
        "/index.html",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.text().await.unwrap(), INDEX, "{path}");
    }
}

#[tokio::test]
async fn without_the_doors_their_addresses_get_the_whole_app() {
    let dist = fake_dist();
    let app = spawn_app_with(Some(dist.path()), AppOptions::default()).await;

    for path in ["/", "/inloggen", "/melden"] {
        assert_eq!(app.get(path).await.text().await.unwrap(), INDEX, "{path}");
    }
}
