//! Absences the school notices without a report (docs/API.md, "The
//! attendance desk"): the school marks the pupil absent, the guardians see
//! the school's question and answer it, and the school judges the reason.
//! Until it accepts the reason, the absence counts as unauthorised.
//!
//! - `POST /api/schools/{id}/absences`: the school marks a pupil absent.
//! - `GET /api/schools/{id}/absences?status=open|all`: the school's list,
//!   the parents' answers waiting for a judgement first of all.
//! - `GET /api/children/{id}/unexplained-absences`: a guardian's view.
//! - `POST /api/unexplained-absences/{id}/explanation`: a guardian answers.
//! - `POST /api/unexplained-absences/{id}/judgement`: the school judges.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use shared::messages::open_or_all;
use shared::words;
use shared::{
    AbsenceExplanation, AbsenceJudgement, DeskAction, FieldError, NewAbsenceMark,
    UnexplainedAbsence,
};

use super::created_or_ok;
use super::desk::{allow, check_pupil_and_day, settings};
use super::standing::only_parents;
use super::standing::Standing;
use crate::auth::CurrentUser;
use crate::clock::school_date;
use crate::error::Error;
use crate::json::AppJson;
use crate::mail::{Notice, NoticeKind};
use crate::store::desk::UnexplainedAtSchool;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/schools/{id}/absences",
            get(schools_absences_list).post(schools_absences_create),
        )
        .route(
            "/children/{id}/unexplained-absences",
            get(children_unexplained_absences_list),
        )
        .route(
            "/unexplained-absences/{id}/explanation",
            post(unexplained_absences_explain),
        )
        .route(
            "/unexplained-absences/{id}/judgement",
            post(unexplained_absences_judge),
        )
}

/// `201` with the absence, or `200` with the one stored earlier under the
/// same idempotency key.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/absences",
    tag = "desk",
    params(("id" = String, Path, description = "The school")),
    request_body = NewAbsenceMark,
    responses(
        (status = 201, description = "The absence (status `asking_parents`)", body = UnexplainedAbsence),
        (status = 200, description = "The absence stored earlier under the same idempotency key", body = UnexplainedAbsence),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_absences_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(new): AppJson<NewAbsenceMark>,
) -> Result<(StatusCode, AppJson<UnexplainedAbsence>), Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::Register).await?;
    new.validate(school_date(Utc::now()))?;
    check_pupil_and_day(&state, &school_id, &scope, &new.pupil_id, new.day).await?;
    let (id, created) = state
        .store
        .mark_absent(&school_id, &user.id, &new, Utc::now())
        .await?;
    let absence = load(&state, &id).await?.absence;
    if created {
        ask_the_guardians(&state, &school_id, &absence).await?;
    }
    Ok((created_or_ok(created), AppJson(absence)))
}

/// `?status=open` (default: not judged yet) or `all`.
#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
}

/// The school's unexplained absences in the caller's groups, newest day
/// first.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/absences",
    tag = "desk",
    params(("id" = String, Path, description = "The school"), ("status" = Option<String>, Query, description = "`open` (the default: not judged yet) or `all`")),
    responses(
        (status = 200, description = "The absences the school marked, newest day first", body = Vec<UnexplainedAbsence>),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_absences_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<AppJson<Vec<UnexplainedAbsence>>, Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::SeeDesk).await?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let all = match query.status.as_deref() {
        None | Some("") | Some("open") => false,
        Some("all") => true,
        Some(_) => return Err(FieldError::new("status", open_or_all()).into()),
    };
    let mut list = state
        .store
        .school_unexplained_absences(&school_id, all)
        .await?;
    list.retain(|a| scope.includes(&a.group_id));
    Ok(AppJson(list))
}

/// Mails the child's guardians that the school has a question: no day, no
/// absence, just a link to where they read and answer it.
async fn ask_the_guardians(
    state: &AppState,
    school_id: &str,
    absence: &UnexplainedAbsence,
) -> Result<(), Error> {
    let notice = Notice {
        kind: NoticeKind::AbsenceQuestion,
        child_first_name: absence.pupil_first_name.clone(),
        school_name: settings(state, school_id).await?.school_name,
        parent_path: format!("/kinderen/{}", absence.pupil_id),
        staff_path: "/school/meldingen".into(),
    };
    let recipients = state.store.guardian_recipients(&absence.pupil_id).await?;
    state.mail.notify(&recipients, &notice).await
}

/// The child's unexplained absences, newest day first; for its guardians.
#[utoipa::path(
    get,
    path = "/api/children/{id}/unexplained-absences",
    tag = "children",
    params(("id" = String, Path, description = "The child (pupil)")),
    responses(
        (status = 200, description = "The child's unexplained absences, newest day first", body = Vec<UnexplainedAbsence>),
    )
)]
async fn children_unexplained_absences_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(pupil_id): Path<String>,
) -> Result<AppJson<Vec<UnexplainedAbsence>>, Error> {
    if !state.store.is_guardian(&user.id, &pupil_id).await? {
        return Err(Error::NotFound);
    }
    Ok(AppJson(
        state.store.pupil_unexplained_absences(&pupil_id).await?,
    ))
}

/// A guardian gives the reason, until the school has judged it (`409`
/// after). `200` with the absence as it is now.
#[utoipa::path(
    post,
    path = "/api/unexplained-absences/{id}/explanation",
    tag = "children",
    params(("id" = String, Path, description = "The unexplained absence")),
    request_body = AbsenceExplanation,
    responses(
        (status = 200, description = "The absence, now explained", body = UnexplainedAbsence),
        (status = 403, description = "Only a guardian explains", body = shared::ApiError),
        (status = 409, description = "The school has already judged it", body = shared::ApiError),
    )
)]
async fn unexplained_absences_explain(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(explanation): AppJson<AbsenceExplanation>,
) -> Result<AppJson<UnexplainedAbsence>, Error> {
    let (absence, standing) = load_for(&state, &user, &id).await?;
    standing.require(standing.guardian, only_parents())?;
    explanation.validate()?;
    let explained = absence.absence.can_explain()
        && state
            .store
            .explain_absence(&absence, &user.id, &explanation, Utc::now())
            .await?;
    if !explained {
        return Err(Error::Conflict(words!(
            nl: "De school heeft hier al over beslist. Wilt u nog iets vertellen? \
                 Neem dan contact op met de school.",
            en: "The school has already decided about this. Do you want to tell them more? \
                 Then please contact the school.",
            ar: "قررت المدرسة بشأن هذا بالفعل. هل تريد قول شيء آخر؟ \
                 تواصل مع المدرسة.",
            tr: "Okul bu konuda zaten karar verdi. Başka bir şey söylemek mi istiyorsunuz? \
                 O zaman okulla iletişime geçin.",
            pl: "Szkoła już o tym zdecydowała. Chcą Państwo coś jeszcze przekazać? \
                 Proszę skontaktować się ze szkołą.",
            uk: "Школа вже ухвалила рішення щодо цього. Хочете ще щось сказати? \
                 Тоді зверніться до школи.",
        )));
    }
    Ok(AppJson(load(&state, &id).await?.absence))
}

/// The school accepts the reason (`authorised: true`) or not. A later
/// judgement replaces an earlier one. `200` with the absence as it is now.
#[utoipa::path(
    post,
    path = "/api/unexplained-absences/{id}/judgement",
    tag = "desk",
    params(("id" = String, Path, description = "The unexplained absence")),
    request_body = AbsenceJudgement,
    responses(
        (status = 200, description = "The absence, now judged", body = UnexplainedAbsence),
        (status = 403, description = "Guardians, and staff whose role does not judge", body = shared::ApiError),
    )
)]
async fn unexplained_absences_judge(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(judgement): AppJson<AbsenceJudgement>,
) -> Result<AppJson<UnexplainedAbsence>, Error> {
    let (absence, standing) = load_for(&state, &user, &id).await?;
    standing.require_desk(DeskAction::Judge)?;
    state
        .store
        .judge_absence(&absence, &user.id, judgement.authorised, Utc::now())
        .await?;
    Ok(AppJson(load(&state, &id).await?.absence))
}

async fn load(state: &AppState, id: &str) -> Result<UnexplainedAtSchool, Error> {
    state
        .store
        .unexplained_absence(id)
        .await?
        .ok_or(Error::NotFound)
}

/// The absence and how the caller stands to it; `404` for those who have
/// no link to the child or its school.
async fn load_for(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<(UnexplainedAtSchool, Standing), Error> {
    let absence = load(state, id).await?;
    let store = &state.store;
    let standing = Standing {
        guardian: store
            .is_guardian(&user.id, &absence.absence.pupil_id)
            .await?,
        roles: store.staff_roles_at(&user.id, &absence.school_id).await?,
    };
    if !standing.guardian && standing.roles.is_empty() {
        return Err(Error::NotFound);
    }
    Ok((absence, standing))
}
