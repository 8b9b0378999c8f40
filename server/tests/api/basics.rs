//! Health, and the answers for paths and methods the API does not have.

use reqwest::StatusCode;
use serde_json::Value;
use shared::ErrorCode;

use crate::helpers::{body, expect_error, spawn_app};

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
