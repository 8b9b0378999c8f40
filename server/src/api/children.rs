//! `GET /api/children` and, per child, its reports, its school's contacts
//! and where it stands on the school's protocol. Someone else's child is
//! "not found".

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use shared::{AbsenceReport, Child, ChildContacts, ChildProtocol};

use crate::auth::CurrentUser;
use crate::clock::school_today;
use crate::error::Error;
use crate::json::AppJson;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/children", get(children_list))
        .route("/children/{id}/reports", get(children_reports_list))
        .route("/children/{id}/contacts", get(children_contacts_show))
        .route("/children/{id}/protocol", get(children_protocol_show))
}

#[utoipa::path(
    get,
    path = "/api/children",
    tag = "children",
    responses(
        (status = 200, description = "The caller's children", body = Vec<Child>),
    )
)]
async fn children_list(
    user: CurrentUser,
    State(state): State<AppState>,
) -> Result<AppJson<Vec<Child>>, Error> {
    Ok(AppJson(state.store.children(&user.id).await?))
}

/// Newest first day first.
#[utoipa::path(
    get,
    path = "/api/children/{id}/reports",
    tag = "children",
    params(("id" = String, Path, description = "The child (pupil)")),
    responses(
        (status = 200, description = "The child's reports, newest first day first", body = Vec<AbsenceReport>),
    )
)]
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

/// Whom to contact at the child's school, in the school's order.
#[utoipa::path(
    get,
    path = "/api/children/{id}/contacts",
    tag = "children",
    params(("id" = String, Path, description = "The child (pupil)")),
    responses(
        (status = 200, description = "Whom to contact at the child's school", body = ChildContacts),
    )
)]
async fn children_contacts_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(pupil_id): Path<String>,
) -> Result<AppJson<ChildContacts>, Error> {
    let (school_name, contacts) = state
        .store
        .child_contacts(&user.id, &pupil_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(AppJson(ChildContacts {
        school_name,
        contacts,
    }))
}

/// The school's protocol, with where the child stands on it today.
#[utoipa::path(
    get,
    path = "/api/children/{id}/protocol",
    tag = "children",
    params(("id" = String, Path, description = "The child (pupil)")),
    responses(
        (status = 200, description = "The school's protocol and where the child stands on it today", body = ChildProtocol),
    )
)]
async fn children_protocol_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(pupil_id): Path<String>,
) -> Result<AppJson<ChildProtocol>, Error> {
    let child = state
        .store
        .children(&user.id)
        .await?
        .into_iter()
        .find(|c| c.id == pupil_id)
        .ok_or(Error::NotFound)?;
    let settings = state
        .store
        .child_school_settings(&user.id, &pupil_id)
        .await?
        .ok_or(Error::NotFound)?;
    // Reports, absences the school marked, late arrivals: as the school's
    // signals count them.
    let history = state.store.pupil_history(&pupil_id).await?;
    let (protocol, _, position) = settings.evaluate(&history, school_today());
    Ok(AppJson(ChildProtocol {
        first_name: child.first_name,
        school_name: settings.school_name,
        protocol,
        position,
    }))
}
