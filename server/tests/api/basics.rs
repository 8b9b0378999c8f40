//! Health, the answers for paths and methods the API does not have, and
//! the answer of a server too busy for a moment.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use server::store::PoolSettings;
use shared::ErrorCode;

use crate::helpers::{body, expect_error, spawn_app, AppOptions, Db};

on_both_backends!(a_server_out_of_connections_says_when_to_try_again);

/// A peak: every database connection stays in use for longer than a request
/// waits for one. The answer is 503 "busy" with `Retry-After` (the app
/// keeps a report and sends it again), not 500 "our fault"; and once a
/// connection is free, the same request works.
async fn a_server_out_of_connections_says_when_to_try_again(db: Db) {
    let app = db
        .spawn_app_with(AppOptions {
            db_pool: Some(PoolSettings {
                max_connections: Some(2),
                acquire_timeout: Duration::from_millis(300),
            }),
            ..AppOptions::default()
        })
        .await;
    app.login_as("sanne@example.nl").await;
    // Every connection the pool will lend, until it lends no more.
    let mut held = Vec::new();
    while let Ok(connection) = app.store.pool().acquire().await {
        held.push(connection);
    }

    let busy = app.get("/api/me").await;
    let retry_after = busy.headers().get("retry-after").cloned();
    let error = expect_error(busy, StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Busy).await;
    assert_eq!(
        retry_after.as_ref().and_then(|v| v.to_str().ok()),
        Some("2")
    );
    assert!(error.message.contains("druk"), "{}", error.message);

    drop(held);
    assert_eq!(app.get("/api/me").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_app().await;

    let res = app.get("/api/health").await;

    assert_eq!(res.status(), StatusCode::OK);
    let json: Value = body(res).await;
    assert_eq!(json, serde_json::json!({ "status": "ok" }));
}

#[tokio::test]
async fn api_answers_are_not_stored_by_browsers() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;

    for path in ["/api/me", "/api/children", "/api/nope"] {
        let res = app.get(path).await;

        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
    }
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = spawn_app().await;

    for path in ["/api/nope", "/api/children/x/y/z", "/api"] {
        let res = app.get(path).await;
        let error = expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
        assert!(!error.message.is_empty(), "{path}");
    }
}

#[tokio::test]
async fn a_wrong_method_is_answered_in_the_error_shape() {
    let app = spawn_app().await;

    let res = app
        .client
        .put(app.url("/api/session"))
        .send()
        .await
        .unwrap();

    expect_error(res, StatusCode::METHOD_NOT_ALLOWED, ErrorCode::BadRequest).await;
}

#[tokio::test]
async fn live_answers_ok_without_a_session() {
    let app = spawn_app().await;

    let res = app.get("/api/live").await;

    assert_eq!(res.status(), StatusCode::OK);
    let json: Value = body(res).await;
    assert_eq!(json, serde_json::json!({ "status": "ok" }));
}
