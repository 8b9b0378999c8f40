//! `POST /api/session` logs in, `DELETE /api/session` logs out,
//! `DELETE /api/sessions` logs out everywhere.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{delete, post};
use axum::Router;
use chrono::Utc;
use shared::{LoginRequest, Me};

use crate::auth::{self, limit, verify_password, ClientAddress, CurrentUser};
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(session_create).delete(session_delete))
        .route("/sessions", delete(sessions_delete))
}

/// Checks e-mail and password; answers `Me` and sets the session cookie.
///
/// Nothing in the answer or its timing tells whether the e-mail address
/// has an account: an unknown one is checked against a dummy hash
/// (`verify_password`), counted by the rate limit like a known one, and
/// gets the same `401`. A locked account or address gets `429` with the
/// minutes to wait, also for the right password, and only after the same
/// password check, so a lock takes as long to answer as any try. (Timing
/// is not measured in a test, which would be flaky on a busy machine: the
/// tests check that every path does the same work and gives the same
/// answer.)
#[utoipa::path(
    post,
    path = "/api/session",
    tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in: who you are, with the session cookie", body = Me, headers(("Set-Cookie" = String, description = "The `vw_session` cookie"))),
        (status = 401, description = "The e-mail and password do not match (`wrong_credentials`), the same whether or not the e-mail exists", body = shared::ApiError),
        (status = 429, description = "Too many failed log-ins for this account or address (`too_many_attempts`): try again in the minutes the message gives (`Retry-After`)", body = shared::ApiError),
    )
)]
async fn session_create(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    AppJson(login): AppJson<LoginRequest>,
) -> Result<impl IntoResponse, Error> {
    login.validate()?;
    let now = Utc::now();
    let subjects = limit::log_in_subjects(&login.email, address);
    let user = state.store.user_for_login(&login.email).await?;
    let (user_id, hash) = match user {
        Some(user) => (Some(user.id), Some(user.password_hash)),
        None => (None, None),
    };
    let matches = verify_password(login.password, hash).await?;
    limit::refuse_if_locked(&state.store, &subjects, now).await?;
    let Some(user_id) = user_id.filter(|_| matches) else {
        return Err(limit::failed(&state.store, &subjects, now, Error::WrongCredentials).await);
    };
    // The account's failures are forgotten; the address's are not (one
    // known password must not reset the count of an attacker's tries).
    limit::succeeded(&state.store, &subjects[0]).await?;
    start_session(&state, &headers, &user_id).await
}

/// Logs `user_id` in: stores a new session and answers `Me` with its
/// cookie. Also the end of activating an account. The session the browser
/// sent along, if any, ends: a log-in always gets a new token, so a token
/// planted before logging in is worth nothing after (session fixation).
pub(super) async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: &str,
) -> Result<impl IntoResponse, Error> {
    let now = Utc::now();
    if let Some(old) = auth::session_token(headers) {
        state.store.delete_session(&auth::token_hash(&old)).await?;
    }
    state
        .store
        .delete_expired_sessions(user_id, now, auth::idle_since(now))
        .await?;
    let token = auth::new_session_token();
    state
        .store
        .create_session(
            &auth::token_hash(&token),
            user_id,
            now,
            auth::session_expiry(now),
        )
        .await?;
    let me: Me = state
        .store
        .me(user_id)
        .await?
        .ok_or(Error::WrongCredentials)?;
    let secure = auth::cookie_is_secure(state.config.cookie_secure, headers);
    Ok((
        [(header::SET_COOKIE, auth::session_cookie(&token, secure))],
        AppJson(me),
    ))
}

/// Ends the session (if any) and clears the cookie; always `204`.
#[utoipa::path(
    delete,
    path = "/api/session",
    tag = "session",
    responses(
        (status = 204, description = "Logged out: the session has ended and the cookie is cleared", headers(("Set-Cookie" = String, description = "Clears the `vw_session` cookie"))),
    )
)]
async fn session_delete(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, Error> {
    if let Some(token) = auth::session_token(&headers) {
        state
            .store
            .delete_session(&auth::token_hash(&token))
            .await?;
    }
    Ok(logged_out(&state, &headers))
}

/// Ends every session of the logged-in person, on every device (a lost
/// phone, a shared computer), and clears this cookie; `204`.
#[utoipa::path(
    delete,
    path = "/api/sessions",
    tag = "session",
    responses(
        (status = 204, description = "Logged out everywhere: every session of this person ended, this cookie cleared", headers(("Set-Cookie" = String, description = "Clears the `vw_session` cookie"))),
    )
)]
async fn sessions_delete(
    user: CurrentUser,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, Error> {
    let ended = state.store.delete_user_sessions(&user.id).await?;
    tracing::info!(sessions = ended, "logged out everywhere");
    Ok(logged_out(&state, &headers))
}

/// `204` with the cookie cleared.
fn logged_out(state: &AppState, headers: &HeaderMap) -> impl IntoResponse {
    let secure = auth::cookie_is_secure(state.config.cookie_secure, headers);
    (
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, auth::removal_cookie(secure))],
    )
}
