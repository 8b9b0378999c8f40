//! Leave requests (verlof): a guardian asks, the school decides.
//!
//! - `POST /api/leave-requests`: a guardian asks leave for their child.
//! - `GET /api/children/{id}/leave-requests`: a child's requests.
//! - `GET /api/leave-requests/{id}`: one request, for its child's guardians
//!   and for those who decide at the child's school.
//! - `DELETE /api/leave-requests/{id}`: a guardian withdraws a pending one.
//! - `POST /api/leave-requests/{id}/decision`: the director (or school
//!   admin) of the child's school decides.
//! - `GET /api/schools/{id}/leave-requests?status=pending`: the school's
//!   requests, for those who decide.
//!
//! Someone with no link to the child or the school gets "not found"; a
//! guardian or staff member of the school who may not do this gets 403.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use shared::{
    FieldError, LeaveDecision, LeaveRequest, LeaveStatus, NewLeaveRequest, StaffRoleKind,
};

use super::created_or_ok;
use super::standing::Standing;
use crate::auth::CurrentUser;
use crate::clock::school_date;
use crate::error::Error;
use crate::json::AppJson;
use crate::store::leave::LeaveAtSchool;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/leave-requests", post(leave_requests_create))
        .route(
            "/leave-requests/{id}",
            get(leave_requests_show).delete(leave_requests_delete),
        )
        .route("/leave-requests/{id}/decision", post(leave_requests_decide))
        .route(
            "/children/{id}/leave-requests",
            get(children_leave_requests_list),
        )
        .route(
            "/schools/{id}/leave-requests",
            get(schools_leave_requests_list),
        )
}

/// `201` with the new request, or `200` with the one stored earlier under
/// the same idempotency key.
async fn leave_requests_create(
    user: CurrentUser,
    State(state): State<AppState>,
    AppJson(new): AppJson<NewLeaveRequest>,
) -> Result<(StatusCode, AppJson<LeaveRequest>), Error> {
    let now = Utc::now();
    // A retry is answered with what was stored, even if "today" has moved on.
    let earlier = state
        .store
        .leave_request_by_key(&user.id, &new.idempotency_key)
        .await?;
    if let Some(earlier) = earlier {
        return Ok((StatusCode::OK, AppJson(earlier)));
    }

    new.validate(school_date(now))?;
    if !state.store.is_guardian(&user.id, &new.pupil_id).await? {
        return Err(Error::Forbidden {
            field: Some("pupil_id"),
            message: "U kunt alleen verlof aanvragen voor uw eigen kinderen.",
        });
    }

    let saved = state.store.save_leave_request(&user.id, &new, now).await?;
    Ok((created_or_ok(saved.created), AppJson(saved.request)))
}

/// Newest first.
async fn children_leave_requests_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(pupil_id): Path<String>,
) -> Result<AppJson<Vec<LeaveRequest>>, Error> {
    let requests = state
        .store
        .child_leave_requests(&user.id, &pupil_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(AppJson(requests))
}

async fn leave_requests_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (leave, standing) = load(&state, &user, &id).await?;
    standing.require(
        sees(&standing),
        "Alleen de ouders en de directeur of beheerder van de school zien deze aanvraag.",
    )?;
    Ok(AppJson(leave.request))
}

/// `200` with the withdrawn request (also when it was withdrawn already);
/// `409` once the school decided.
async fn leave_requests_delete(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (_, standing) = load(&state, &user, &id).await?;
    standing.require(
        standing.guardian,
        "Alleen een ouder kan een aanvraag intrekken.",
    )?;
    state
        .store
        .withdraw_leave_request(&id, &user.id, Utc::now())
        .await?;
    let (leave, _) = load(&state, &user, &id).await?;
    if leave.request.status != LeaveStatus::Withdrawn {
        return Err(Error::Conflict(
            "De school heeft al beslist. Intrekken kan niet meer. Is er iets veranderd? Neem dan contact op met de school.",
        ));
    }
    Ok(AppJson(leave.request))
}

/// `200` with the decided request; `409` when it is not pending any more.
async fn leave_requests_decide(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(decision): AppJson<LeaveDecision>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (_, standing) = load(&state, &user, &id).await?;
    standing.require(
        decides(&standing),
        "Alleen de directeur of de beheerder van de school beslist over verlof.",
    )?;
    decision.validate()?;
    let decided = state
        .store
        .decide_leave_request(&id, &user.id, &decision, Utc::now())
        .await?;
    if !decided {
        return Err(Error::Conflict(
            "Over deze aanvraag is al beslist, of de ouder heeft haar ingetrokken.",
        ));
    }
    let (leave, _) = load(&state, &user, &id).await?;
    Ok(AppJson(leave.request))
}

/// `?status=`: only requests with this status (`pending`, ...).
#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
}

/// The school's requests, the soonest first day first.
async fn schools_leave_requests_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<AppJson<Vec<LeaveRequest>>, Error> {
    let standing = Standing {
        guardian: false,
        roles: state.store.staff_roles_at(&user.id, &school_id).await?,
    };
    standing.require(
        decides(&standing),
        "Alleen de directeur of de beheerder van de school ziet de verlofaanvragen.",
    )?;
    let Query(query) = query.map_err(|_| Error::BadRequest("Dit adres klopt niet."))?;
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(name) => Some(LeaveStatus::parse(name).ok_or_else(|| {
            FieldError::new(
                "status",
                "Deze status bestaat niet. Kies pending, granted, refused of withdrawn.",
            )
        })?),
    };
    let requests = state
        .store
        .school_leave_requests(&school_id, status)
        .await?;
    Ok(AppJson(requests))
}

/// Answers leave requests at this school.
fn decides(standing: &Standing) -> bool {
    standing.has_role(StaffRoleKind::decides_leave)
}

/// May read the request.
fn sees(standing: &Standing) -> bool {
    standing.guardian || decides(standing)
}

/// The request and how the caller stands to it; `404` when there is none.
async fn load(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<(LeaveAtSchool, Standing), Error> {
    let leave = state
        .store
        .leave_request(id)
        .await?
        .ok_or(Error::NotFound)?;
    let standing = Standing {
        guardian: state
            .store
            .is_guardian(&user.id, &leave.request.pupil_id)
            .await?,
        roles: state
            .store
            .staff_roles_at(&user.id, &leave.school_id)
            .await?,
    };
    Ok((leave, standing))
}
