//! A school's settings (docs/API.md, "Settings"): its protocol, calendar,
//! contacts and whether both parents see a conversation.
//!
//! - `GET /api/schools/{id}/settings`: for every staff member of the school.
//! - `PUT /api/schools/{id}/settings`: for the director or the school admin.
//!
//! Parents see the new protocol, calendar and contacts at once: the
//! child's protocol page reads them from the same place.

use axum::extract::{Path, State};
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

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/schools/{id}/settings",
        get(schools_settings_show).put(schools_settings_update),
    )
}

async fn schools_settings_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
) -> Result<AppJson<SchoolSettingsView>, Error> {
    allow(&state, &user, &school_id, DeskAction::SeeDesk).await?;
    view(&state, &school_id).await
}

/// `200` with the settings as they are now.
async fn schools_settings_update(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(change): AppJson<SettingsChange>,
) -> Result<AppJson<SchoolSettingsView>, Error> {
    allow(&state, &user, &school_id, DeskAction::ChangeSettings).await?;
    change.validate(settings(&state, &school_id).await?.kind)?;
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
