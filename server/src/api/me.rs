//! `GET /api/me`: who is logged in, their children and staff roles.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use shared::Me;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/me", get(me_show))
}

async fn me_show(user: CurrentUser, State(state): State<AppState>) -> Result<AppJson<Me>, Error> {
    // A session whose user is gone counts as no session.
    let me = state
        .store
        .me(&user.id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok(AppJson(me))
}
