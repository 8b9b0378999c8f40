//! The built app: served for every path outside `/api`, with the right
//! types, cache headers and compression.

use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::StatusCode;
use shared::ErrorCode;
use tempfile::TempDir;

use crate::helpers::{expect_error, spawn_app, spawn_app_with, AppOptions};

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
