//! `POST /api/session` logs in, `DELETE /api/session` logs out.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use chrono::Utc;
use shared::{LoginRequest, Me};

use crate::auth::{self, verify_password};
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/session", post(session_create).delete(session_delete))
}

/// Checks e-mail and password; answers `Me` and sets the session cookie.
/// An unknown e-mail and a wrong password get the same answer, after about
/// the same time.
#[utoipa::path(
    post,
    path = "/api/session",
    tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in: who you are, with the session cookie", body = Me, headers(("Set-Cookie" = String, description = "The `vw_session` cookie"))),
        (status = 401, description = "The e-mail and password do not match (`wrong_credentials`), the same whether or not the e-mail exists", body = shared::ApiError),
    )
)]
async fn session_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(login): AppJson<LoginRequest>,
) -> Result<impl IntoResponse, Error> {
    login.validate()?;
    let user = state.store.user_for_login(&login.email).await?;
    let (user_id, hash) = match user {
        Some(user) => (Some(user.id), Some(user.password_hash)),
        None => (None, None),
    };
    let matches = verify_password(login.password, hash).await?;
    let user_id = user_id.filter(|_| matches).ok_or(Error::WrongCredentials)?;
    start_session(&state, &headers, &user_id).await
}

/// Logs `user_id` in: stores a new session and answers `Me` with its
/// cookie. Also the end of activating an account.
pub(super) async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: &str,
) -> Result<impl IntoResponse, Error> {
    let now = Utc::now();
    state.store.delete_expired_sessions(user_id, now).await?;
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
    let secure = auth::cookie_is_secure(state.config.cookie_secure, &headers);
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, auth::removal_cookie(secure))],
    ))
}
