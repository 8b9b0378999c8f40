//! `GET /api/me/export`: everything the app holds about the logged-in
//! person and their children, as a JSON file to download (the right of
//! access, AVG article 15). The shape is `shared::privacy::MyData`.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use shared::privacy::export_file_name;

use crate::auth::CurrentUser;
use crate::clock::school_date;
use crate::error::Error;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route("/me/export", get(me_export_show))
}

/// `200` with the file, indented so that a person can read it.
#[utoipa::path(
    get,
    path = "/api/me/export",
    tag = "me",
    responses(
        (status = 200, description = "Everything the app holds about the logged-in person and their children, as a file to download (AVG article 15)", body = shared::privacy::MyData,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"verzuimwijzer-gegevens-YYYY-MM-DD.json\""))),
    )
)]
async fn me_export_show(
    user: CurrentUser,
    State(state): State<AppState>,
) -> Result<impl IntoResponse, Error> {
    let now = Utc::now();
    // A session whose user is gone counts as no session.
    let data = state
        .store
        .my_data(&user.id, now)
        .await?
        .ok_or(Error::Unauthenticated)?;
    let body = serde_json::to_string_pretty(&data).map_err(|e| Error::Internal(e.to_string()))?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        export_file_name(school_date(now))
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    ))
}
