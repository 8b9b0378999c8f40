//! The JSON API under `/api` (see docs/API.md): one module per resource,
//! each with its own `router()`, merged here. Handlers are named
//! `<resource>_<verb>`.

mod absences;
mod address;
mod children;
mod conversations;
mod desk;
mod export_me;
mod health;
mod leave_requests;
mod me;
mod onboarding;
mod openapi;
mod reports;
mod session;
mod settings;
mod standing;

use axum::http::StatusCode;
use axum::{middleware, Router};

use crate::error::{api_method_not_allowed, api_not_found};
use crate::AppState;

/// Every API route, to be nested under `/api`. Unknown paths and methods,
/// and addresses that cannot be read, answer in the API's error shape.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(session::router())
        .merge(me::router())
        .merge(export_me::router())
        .merge(children::router())
        .merge(reports::router())
        .merge(leave_requests::router())
        .merge(conversations::router())
        .merge(desk::router())
        .merge(absences::router())
        .merge(onboarding::router())
        .merge(settings::router())
        .merge(openapi::router())
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed)
        .layer(middleware::from_fn(address::refuse_unreadable))
}

/// `201 Created` for something stored now, `200 OK` for what an earlier
/// attempt with the same idempotency key stored.
fn created_or_ok(created: bool) -> StatusCode {
    if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    }
}
