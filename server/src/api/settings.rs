//! A school's settings (docs/API.md, "Settings"): its protocol, calendar,
//! contacts and whether both parents see a conversation.
//!
//! - `GET /api/schools/{id}/settings`: for every staff member of the school.
//! - `PUT /api/schools/{id}/settings`: for the director or the school admin.
//!
//! Parents see the new protocol, calendar and contacts at once: the
//! child's protocol page reads them from the same place. A step's
//! translations travel in its JSON; where the school changed a step's Dutch
//! but not a translation, that translation is dropped on saving
//! (`Protocol::drop_stale_translations`): parents then read the Dutch with
//! a note rather than an outdated translation. The settings page says so
//! before the school saves.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use shared::{DeskAction, SchoolSettingsView, SettingsChange};

use super::desk::{allow, settings};
use crate::auth::CurrentUser;
use crate::clock::school_date;
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The largest settings body: a whole protocol in six languages (the
/// default one with its calendar is about 70 KB), more than the API's
/// usual limit (`json::MAX_BODY_BYTES`).
const MAX_SETTINGS_BYTES: usize = 512 * 1024;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/schools/{id}/settings",
        get(schools_settings_show)
            .put(schools_settings_update)
            .layer(DefaultBodyLimit::max(MAX_SETTINGS_BYTES)),
    )
}

#[utoipa::path(
    get,
    path = "/api/schools/{id}/settings",
    tag = "settings",
    params(("id" = String, Path, description = "The school")),
    responses(
        (status = 200, description = "The school's settings", body = SchoolSettingsView),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_settings_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
) -> Result<AppJson<SchoolSettingsView>, Error> {
    allow(&state, &user, &school_id, DeskAction::SeeDesk).await?;
    view(&state, &school_id).await
}

/// `200` with the settings as they are now.
#[utoipa::path(
    put,
    path = "/api/schools/{id}/settings",
    tag = "settings",
    params(("id" = String, Path, description = "The school")),
    request_body = SettingsChange,
    responses(
        (status = 200, description = "The settings as they are now", body = SchoolSettingsView),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_settings_update(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(mut change): AppJson<SettingsChange>,
) -> Result<AppJson<SchoolSettingsView>, Error> {
    allow(&state, &user, &school_id, DeskAction::ChangeSettings).await?;
    let before = settings(&state, &school_id).await?;
    change.validate(before.kind)?;
    if let Some(protocol) = &mut change.protocol {
        protocol.drop_stale_translations(&before.protocol());
    }
    state
        .store
        .save_school_settings(&school_id, &user.id, &change, Utc::now())
        .await?;
    view(&state, &school_id).await
}

async fn view(state: &AppState, school_id: &str) -> Result<AppJson<SchoolSettingsView>, Error> {
    let today = school_date(Utc::now());
    let view = state.store.school_settings_view(school_id, today).await?;
    Ok(AppJson(view.ok_or(Error::NotFound)?))
}
