//! `GET /api/me`: who is logged in, their children and staff roles.
//! `PUT /api/me/language`: the language they read mail in.

use axum::extract::State;
use axum::routing::{get, put};
use axum::Router;
use shared::{LanguageChoice, Me};

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me", get(me_show))
        .route("/me/language", put(me_language_update))
}

#[utoipa::path(
    get,
    path = "/api/me",
    tag = "me",
    responses(
        (status = 200, description = "Who is logged in, their children and staff roles", body = Me),
    )
)]
async fn me_show(user: CurrentUser, State(state): State<AppState>) -> Result<AppJson<Me>, Error> {
    // A session whose user is gone counts as no session.
    let me = state
        .store
        .me(&user.id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok(AppJson(me))
}

/// `200` with `Me` in the new language.
#[utoipa::path(
    put,
    path = "/api/me/language",
    tag = "me",
    request_body = LanguageChoice,
    responses(
        (status = 200, description = "Mails come in this language from now on", body = Me),
    )
)]
async fn me_language_update(
    user: CurrentUser,
    State(state): State<AppState>,
    AppJson(choice): AppJson<LanguageChoice>,
) -> Result<AppJson<Me>, Error> {
    state
        .store
        .set_user_language(&user.id, choice.language)
        .await?;
    me_show(user, State(state)).await
}
