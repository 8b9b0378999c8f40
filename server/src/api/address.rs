//! What an address under `/api` may hold. Two things are answered here,
//! before any handler, in the API's error shape:
//!
//! - a path that is not UTF-8 once decoded (`/api/reports/%FF`): axum's
//!   `Path` would refuse it in plain text;
//! - a NUL character anywhere in the address (`%00`): PostgreSQL cannot
//!   store text with one, nor even look it up.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::error::Error;

/// Middleware: such a path is `404` (no id looks like that), such a query
/// `400`.
pub async fn refuse_unreadable(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let path_readable = percent_decode_str(uri.path())
        .decode_utf8()
        .is_ok_and(|path| !path.contains('\0'));
    if !path_readable {
        return Error::NotFound.into_response();
    }
    let query_has_nul = uri.query().is_some_and(|query| {
        url::form_urlencoded::parse(query.as_bytes())
            .any(|(name, value)| name.contains('\0') || value.contains('\0'))
    });
    if query_has_nul {
        return Error::bad_address().into_response();
    }
    next.run(request).await
}
