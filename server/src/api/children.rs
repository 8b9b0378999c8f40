//! `GET /api/children` and `GET /api/children/{id}/reports`: the caller's
//! children and their reports. Someone else's child is "not found".

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use shared::{AbsenceReport, Child};

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/children", get(children_list))
        .route("/children/{id}/reports", get(children_reports_list))
}

async fn children_list(
    user: CurrentUser,
    State(state): State<AppState>,
) -> Result<AppJson<Vec<Child>>, Error> {
    Ok(AppJson(state.store.children(&user.id).await?))
}

/// Newest first day first.
async fn children_reports_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(pupil_id): Path<String>,
) -> Result<AppJson<Vec<AbsenceReport>>, Error> {
    let reports = state
        .store
        .child_reports(&user.id, &pupil_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(AppJson(reports))
}
