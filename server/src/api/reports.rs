//! `POST /api/reports` reports children absent; `GET /api/reports/{id}`
//! shows one report; `PUT` changes and `DELETE` withdraws it until the
//! school has seen it; `POST /api/reports/{id}/better` ends an open-ended
//! sick report.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use shared::{words, AbsenceReport, NewAbsenceReport, ReportBetter, ReportChange};

use super::created_or_ok;
use crate::auth::CurrentUser;
use crate::clock::school_date;
use crate::error::Error;
use crate::json::AppJson;
use crate::store::Refusal;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/reports", post(reports_create))
        .route(
            "/reports/{id}",
            get(reports_show).put(reports_update).delete(reports_delete),
        )
        .route("/reports/{id}/better", post(reports_better))
}

/// One report per child, all or none: `201` with the new reports, or `200`
/// with the reports stored earlier under the same idempotency key.
#[utoipa::path(
    post,
    path = "/api/reports",
    tag = "reports",
    request_body = NewAbsenceReport,
    responses(
        (status = 201, description = "One new report per child, in the order of `pupil_ids`", body = Vec<AbsenceReport>),
        (status = 200, description = "The reports stored earlier under the same idempotency key", body = Vec<AbsenceReport>),
        (status = 403, description = "Not all of these children are yours (`field`: `pupil_ids`)", body = shared::ApiError),
    )
)]
async fn reports_create(
    user: CurrentUser,
    State(state): State<AppState>,
    AppJson(new): AppJson<NewAbsenceReport>,
) -> Result<(StatusCode, AppJson<Vec<AbsenceReport>>), Error> {
    let now = Utc::now();
    // Who reports, for which children, and whether the key was used: one
    // query, as every query is a round trip to the database.
    let reporter = state.store.reporter(&user.id, &new.idempotency_key).await?;
    // A retry is answered with what was stored, even if "today" has moved on
    // since the first attempt.
    if reporter.key_used {
        let earlier = state
            .store
            .reports_by_key(&user.id, &new.idempotency_key, &new.pupil_ids)
            .await?;
        if !earlier.is_empty() {
            return Ok((StatusCode::OK, AppJson(earlier)));
        }
    }

    new.validate(school_date(now))?;
    if !new
        .pupil_ids
        .iter()
        .all(|id| reporter.children.contains_key(id))
    {
        return Err(Error::Forbidden {
            field: Some("pupil_ids"),
            message: words!(
                nl: "U kunt alleen een melding doen voor uw eigen kinderen.",
                en: "You can only report for your own children.",
                ar: "يمكنك الإبلاغ عن أطفالك فقط.",
                tr: "Yalnızca kendi çocuklarınız için bildirim yapabilirsiniz.",
                pl: "Zgłoszenia można robić tylko dla własnych dzieci.",
                uk: "Ви можете повідомляти лише про своїх дітей.",
            ),
        });
    }

    let saved = state
        .store
        .save_reports_of(&user.id, &reporter, &new, now)
        .await?;
    Ok((created_or_ok(saved.created), AppJson(saved.reports)))
}

/// A report about one of the caller's children; anything else is 404.
#[utoipa::path(
    get,
    path = "/api/reports/{id}",
    tag = "reports",
    params(("id" = String, Path, description = "The report")),
    responses(
        (status = 200, description = "The report", body = AbsenceReport),
    )
)]
async fn reports_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(report_id): Path<String>,
) -> Result<AppJson<AbsenceReport>, Error> {
    let report = state
        .store
        .report(&user.id, &report_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(AppJson(report))
}

/// New details for a report the school has not seen yet: `200` with the
/// report as it is now.
#[utoipa::path(
    put,
    path = "/api/reports/{id}",
    tag = "reports",
    params(("id" = String, Path, description = "The report")),
    request_body = shared::AbsenceDetails,
    responses(
        (status = 200, description = "The report with its new details", body = AbsenceReport),
        (status = 409, description = "The school has already seen the report", body = shared::ApiError),
    )
)]
async fn reports_update(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(report_id): Path<String>,
    AppJson(change): AppJson<ReportChange>,
) -> Result<AppJson<AbsenceReport>, Error> {
    let now = Utc::now();
    change.validate(school_date(now))?;
    // The outer `?` is the database, the inner the refusal.
    let report = state
        .store
        .change_report(&user.id, &report_id, &change, now)
        .await??;
    Ok(AppJson(report))
}

/// Withdraws a report the school has not seen yet: `204`.
#[utoipa::path(
    delete,
    path = "/api/reports/{id}",
    tag = "reports",
    params(("id" = String, Path, description = "The report")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 409, description = "The school has already seen the report", body = shared::ApiError),
    )
)]
async fn reports_delete(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(report_id): Path<String>,
) -> Result<StatusCode, Error> {
    state
        .store
        .withdraw_report(&user.id, &report_id, Utc::now())
        .await??;
    Ok(StatusCode::NO_CONTENT)
}

/// The child of an open-ended sick report is better: `200` with the report,
/// which now has a last day.
#[utoipa::path(
    post,
    path = "/api/reports/{id}/better",
    tag = "reports",
    params(("id" = String, Path, description = "The report")),
    request_body = ReportBetter,
    responses(
        (status = 200, description = "The report, now with a last day", body = AbsenceReport),
        (status = 409, description = "Not an open-ended sick report", body = shared::ApiError),
    )
)]
async fn reports_better(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(report_id): Path<String>,
    AppJson(better): AppJson<ReportBetter>,
) -> Result<AppJson<AbsenceReport>, Error> {
    let now = Utc::now();
    let report = state
        .store
        .report(&user.id, &report_id)
        .await?
        .ok_or(Error::NotFound)?;
    if !report.is_open_ended_illness() {
        return Err(Refusal::NotOpenEndedIllness.into());
    }
    let first_day = report.details.first_day;
    better.validate(first_day, school_date(now))?;
    let report = state
        .store
        .report_better(&user.id, &report_id, better.last_day(first_day), now)
        .await??;
    Ok(AppJson(report))
}
