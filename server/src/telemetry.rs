//! Logging: `tracing` to stdout, level `info` unless `RUST_LOG` says
//! otherwise, and one line per request with its method, route template,
//! status and latency.
//!
//! No personal data in the logs: the route template (`/api/children/{id}/
//! reports`) is logged, never the path itself, nor query strings, headers,
//! cookies or bodies.

use std::time::Duration;

use axum::extract::MatchedPath;
use axum::http::{Request, Response};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnBodyChunk, DefaultOnEos, MakeSpan, OnResponse, TraceLayer};
use tracing::Span;
use tracing_subscriber::EnvFilter;

/// Logs to stdout with `RUST_LOG` (default `info`). Call once, in `main`.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
}

/// The request-logging layer.
pub fn trace_layer() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    RequestSpan,
    (),
    ResponseLine,
    DefaultOnBodyChunk,
    DefaultOnEos,
    (),
> {
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_request(())
        .on_response(ResponseLine)
        // Failures are logged where they happen (see `error`), and their
        // status is on the response line.
        .on_failure(())
}

/// A span per request with its method and route template.
#[derive(Clone, Copy, Debug)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, req: &Request<B>) -> Span {
        let route = route_template(req.extensions().get::<MatchedPath>(), req.uri().path());
        tracing::info_span!("request", method = %req.method(), route)
    }
}

/// What is logged as the route: the template of the matched API route, or
/// a fixed word for anything else (the app's paths may hold ids).
fn route_template<'a>(matched: Option<&'a MatchedPath>, path: &str) -> &'a str {
    match matched.map(MatchedPath::as_str) {
        Some(template) if !template.contains("__private__") => template,
        _ if path == "/api" || path.starts_with("/api/") => "/api (unknown)",
        _ => "(app)",
    }
}

/// One line per answered request.
#[derive(Clone, Copy, Debug)]
pub struct ResponseLine;

impl<B> OnResponse<B> for ResponseLine {
    fn on_response(self, res: &Response<B>, latency: Duration, _span: &Span) {
        tracing::info!(status = res.status().as_u16(), ?latency, "answered");
    }
}
