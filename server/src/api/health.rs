//! `GET /api/health`: the server is up and its database answers.
//! `GET /api/live`: the server process answers, without asking the
//! database (a liveness check, and the floor of the load benchmark).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::Error;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health_show))
        .route("/live", get(live_show))
}

/// `200 {"status":"ok"}` when the database can be reached.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "health",
    responses(
        (status = 200, description = "The server is up and its database answers", body = super::openapi::Health),
    )
)]
async fn health_show(State(state): State<AppState>) -> Result<Json<Value>, Error> {
    sqlx::query("SELECT 1").execute(state.store.pool()).await?;
    Ok(Json(json!({ "status": "ok" })))
}

/// `200 {"status":"ok"}` whenever the server answers at all: no database.
#[utoipa::path(
    get,
    path = "/api/live",
    tag = "health",
    responses(
        (status = 200, description = "The server answers (the database is not asked)", body = super::openapi::Health),
    )
)]
async fn live_show() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}
