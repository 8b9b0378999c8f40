//! The attendance desk of a school (docs/API.md, "The attendance desk"):
//!
//! - `GET /api/schools/{id}/reports`: the reports per group, for a period.
//! - `GET /api/schools/{id}/groups`: the groups with their pupils.
//! - `POST /api/schools/{id}/acknowledgements`: mark reports as seen.
//! - `POST /api/schools/{id}/late-arrivals`: a pupil came in late.
//! - `GET /api/schools/{id}/signals`: the protocol steps due per pupil.
//! - `GET /api/schools/{id}/audit-log`: who changed what (school admin).
//! - `GET /api/schools/{id}/exports/absences.csv`: absences per period, for
//!   the pupil administration.
//!
//! Absences the school marks without a report are in `absences`. Who may
//! do what is `shared::DeskAction::allowed`; anyone not working at the
//! school gets `404`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use chrono::{Datelike, Days, NaiveDate, Utc};
use serde::Deserialize;
use shared::desk::{DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, MAX_DESK_DAYS};
use shared::messages::{last_day_before_first, not_a_pupil_here};
use shared::protocol::{Period, StepState};
use shared::words;
use shared::{
    Acknowledgement, AuditEntry, DeskAction, DeskReport, DeskReports, FieldError, LateArrival,
    NewLateArrival, SchoolGroup, Signal, Words,
};

use super::created_or_ok;
use super::standing::Standing;
use crate::auth::CurrentUser;
use crate::clock::{school_date, school_today};
use crate::error::Error;
use crate::export::{absences_csv, overlaps, PupilAbsences};
use crate::json::AppJson;
use crate::store::desk::HistoryOf;
use crate::store::scope::GroupScope;
use crate::store::SchoolSettings;
use crate::AppState;

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schools/{id}/reports", get(schools_reports_list))
        .route("/schools/{id}/groups", get(schools_groups_list))
        .route(
            "/schools/{id}/acknowledgements",
            post(schools_acknowledgements_create),
        )
        .route(
            "/schools/{id}/late-arrivals",
            post(schools_late_arrivals_create),
        )
        .route("/schools/{id}/signals", get(schools_signals_list))
        .route("/schools/{id}/audit-log", get(schools_audit_log_list))
        .route(
            "/schools/{id}/exports/absences.csv",
            get(schools_absences_export),
        )
}

/// The caller may do `action` at `school_id` (else `403` or `404`); and
/// the groups they may do it for.
pub(super) async fn allow(
    state: &AppState,
    user: &CurrentUser,
    school_id: &str,
    action: DeskAction,
) -> Result<GroupScope, Error> {
    let standing = Standing::at_school(&state.store, &user.id, school_id).await?;
    standing.require_desk(action)?;
    Ok(state
        .store
        .group_scope(&user.id, school_id, &standing.roles)
        .await?)
}

/// The settings of a school the caller works at (checked before).
pub(super) async fn settings(state: &AppState, school_id: &str) -> Result<SchoolSettings, Error> {
    state
        .store
        .school_settings(school_id)
        .await?
        .ok_or(Error::NotFound)
}

/// `pupil_id` is a pupil of `school_id` in the caller's `scope`, and `day`
/// a school day there.
pub(super) async fn check_pupil_and_day(
    state: &AppState,
    school_id: &str,
    scope: &GroupScope,
    pupil_id: &str,
    day: NaiveDate,
) -> Result<(), Error> {
    check_pupil(state, school_id, scope, pupil_id).await?;
    if !settings(state, school_id)
        .await?
        .calendar(day)
        .is_school_day(day)
    {
        return Err(FieldError::new(
            "day",
            words!(
                nl: "Op deze dag is er geen school.",
                en: "There is no school on this day.",
                ar: "لا توجد مدرسة في هذا اليوم.",
                tr: "Bu gün okul yok.",
                pl: "W tym dniu nie ma szkoły.",
                uk: "У цей день немає школи.",
            ),
        )
        .into());
    }
    Ok(())
}

/// `pupil_id` is a pupil of `school_id` in the caller's `scope`: else `422`
/// naming `pupil_id`.
pub(super) async fn check_pupil(
    state: &AppState,
    school_id: &str,
    scope: &GroupScope,
    pupil_id: &str,
) -> Result<(), Error> {
    if state.store.pupil_school(pupil_id).await?.as_deref() != Some(school_id) {
        return Err(FieldError::new("pupil_id", not_a_pupil_here()).into());
    }
    let group = state.store.pupil_group(pupil_id).await?;
    if !group.is_some_and(|g| scope.includes(&g)) {
        return Err(FieldError::new(
            "pupil_id",
            words!(
                nl: "Deze leerling zit niet in uw groep.",
                en: "This pupil is not in your group.",
                ar: "هذا التلميذ ليس في مجموعتك.",
                tr: "Bu öğrenci sizin grubunuzda değil.",
                pl: "Ten uczeń nie jest w Państwa grupie.",
                uk: "Цей учень не у вашій групі.",
            ),
        )
        .into());
    }
    Ok(())
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD&group={id}`, all optional.
#[derive(Debug, Deserialize)]
struct DeskQuery {
    from: Option<String>,
    to: Option<String>,
    group: Option<String>,
}

/// From today to a week ahead unless asked otherwise; at most 62 days.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/reports",
    tag = "desk",
    params(("id" = String, Path, description = "The school"), ("from" = Option<String>, Query, description = "The first day, `YYYY-MM-DD` (default: today)"), ("to" = Option<String>, Query, description = "The last day, `YYYY-MM-DD` (default: a week after `from`; at most 62 days after it)"), ("group" = Option<String>, Query, description = "Only this group (its id)")),
    responses(
        (status = 200, description = "The reports per group", body = DeskReports),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_reports_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<DeskQuery>, QueryRejection>,
) -> Result<AppJson<DeskReports>, Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::SeeDesk).await?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let today = school_today();
    let from = date_param("from", query.from.as_deref())?.unwrap_or(today);
    let to = date_param("to", query.to.as_deref())?.unwrap_or(from + Days::new(7));
    if to < from {
        return Err(FieldError::new("to", last_day_before_first()).into());
    }
    if to > from + Days::new(MAX_DESK_DAYS) {
        return Err(FieldError::new("to", at_most_days(MAX_DESK_DAYS)).into());
    }
    let group = query.group.as_deref().filter(|g| !g.is_empty());
    let mut list = state
        .store
        .desk_reports(&school_id, from, to, group)
        .await?;
    list.groups.retain(|g| scope.includes(&g.id));
    if group.is_some() && list.groups.is_empty() {
        return Err(FieldError::new(
            "group",
            words!(
                nl: "Deze groep hoort niet bij deze school.",
                en: "This group does not belong to this school.",
                ar: "هذه المجموعة لا تتبع هذه المدرسة.",
                tr: "Bu grup bu okula ait değil.",
                pl: "Ta grupa nie należy do tej szkoły.",
                uk: "Ця група не належить до цієї школи.",
            ),
        )
        .into());
    }
    Ok(AppJson(list))
}

/// A day in `YYYY-MM-DD`. chrono also reads years far beyond 9999
/// (`+262142-12-31`), where adding a week no longer fits: not those.
fn date_param(field: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    match value.filter(|v| !v.is_empty()) {
        None => Ok(None),
        // Four-digit years only: chrono also reads `+262142-12-31`, and the
        // day after that is beyond what a date can hold.
        Some(v) => v
            .parse::<NaiveDate>()
            .ok()
            .filter(|d| (1000..=9999).contains(&d.year()))
            .map(Some)
            .ok_or_else(|| {
                FieldError::new(
                    field,
                    words!(
                        nl: "Schrijf de datum als JJJJ-MM-DD.",
                        en: "Please write the date as YYYY-MM-DD.",
                        ar: "اكتب التاريخ بالشكل YYYY-MM-DD.",
                        tr: "Tarihi YYYY-AA-GG olarak yazın.",
                        pl: "Proszę zapisać datę jako RRRR-MM-DD.",
                        uk: "Напишіть дату у форматі РРРР-ММ-ДД.",
                    ),
                )
                .into()
            }),
    }
}

/// A period longer than `max` days.
fn at_most_days(max: u64) -> Words {
    words!(
        nl: "Kies hoogstens {max} dagen tegelijk.",
        en: "Please choose {max} days at most at one time.",
        ar: "اختر {max} يومًا على الأكثر في المرة الواحدة.",
        tr: "Aynı anda en fazla {max} gün seçin.",
        pl: "Proszę wybrać najwyżej {max} dni naraz.",
        uk: "Виберіть не більше {max} днів одночасно.",
    )
}

/// The groups by name, each with its pupils by first name.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/groups",
    tag = "desk",
    params(("id" = String, Path, description = "The school")),
    responses(
        (status = 200, description = "The groups by name, each with its pupils", body = Vec<SchoolGroup>),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_groups_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
) -> Result<AppJson<Vec<SchoolGroup>>, Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::SeeDesk).await?;
    let mut groups = state.store.school_groups(&school_id).await?;
    groups.retain(|g| scope.includes(&g.id));
    Ok(AppJson(groups))
}

/// All or nothing: every id must be a report of this school. `200` with
/// the reports as they are now (those seen before keep who saw them).
#[utoipa::path(
    post,
    path = "/api/schools/{id}/acknowledgements",
    tag = "desk",
    params(("id" = String, Path, description = "The school")),
    request_body = Acknowledgement,
    responses(
        (status = 200, description = "The reports as they are now", body = Vec<DeskReport>),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_acknowledgements_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(ack): AppJson<Acknowledgement>,
) -> Result<AppJson<Vec<DeskReport>>, Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::Acknowledge).await?;
    ack.validate()?;
    let mut ids = ack.report_ids;
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    let store = &state.store;
    if let Some(id) = store.first_report_elsewhere(&school_id, &ids).await? {
        // The id came from the client: keep it short in the answer.
        let id: String = id.chars().take(64).collect();
        return Err(FieldError::new(
            "report_ids",
            words!(
                nl: "Deze melding hoort niet bij deze school: {id}. Er is niets afgevinkt.",
                en: "This report does not belong to this school: {id}. Nothing has been ticked off.",
                ar: "هذا البلاغ لا يتبع هذه المدرسة: {id}. لم يتم تأشير أي شيء.",
                tr: "Bu bildirim bu okula ait değil: {id}. Hiçbir şey işaretlenmedi.",
                pl: "To zgłoszenie nie należy do tej szkoły: {id}. Nic nie zostało odhaczone.",
                uk: "Це повідомлення не належить до цієї школи: {id}. Нічого не позначено.",
            ),
        )
        .into());
    }
    let outside = store
        .reports_by_ids(&school_id, &ids)
        .await?
        .into_iter()
        .find(|r| !scope.includes(&r.group_id));
    if let Some(report) = outside {
        return Err(FieldError::new("report_ids", {
            let id = &report.id;
            words!(
                nl: "Deze melding hoort niet bij uw groep: {id}. Er is niets afgevinkt.",
                en: "This report does not belong to your group: {id}. Nothing has been ticked off.",
                ar: "هذا البلاغ لا يتبع مجموعتك: {id}. لم يتم تأشير أي شيء.",
                tr: "Bu bildirim sizin grubunuza ait değil: {id}. Hiçbir şey işaretlenmedi.",
                pl: "To zgłoszenie nie należy do Państwa grupy: {id}. Nic nie zostało odhaczone.",
                uk: "Це повідомлення не належить до вашої групи: {id}. Нічого не позначено.",
            )
        })
        .into());
    }
    store
        .acknowledge_reports(&school_id, &ids, &user.id, Utc::now())
        .await?;
    Ok(AppJson(store.reports_by_ids(&school_id, &ids).await?))
}

/// `201` with the late arrival, or `200` with the one stored earlier under
/// the same idempotency key.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/late-arrivals",
    tag = "desk",
    params(("id" = String, Path, description = "The school")),
    request_body = NewLateArrival,
    responses(
        (status = 201, description = "The late arrival", body = LateArrival),
        (status = 200, description = "The late arrival stored earlier under the same idempotency key", body = LateArrival),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_late_arrivals_create(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(new): AppJson<NewLateArrival>,
) -> Result<(StatusCode, AppJson<LateArrival>), Error> {
    let scope = allow(&state, &user, &school_id, DeskAction::Register).await?;
    new.validate(school_date(Utc::now()))?;
    check_pupil_and_day(&state, &school_id, &scope, &new.pupil_id, new.day).await?;
    let (late, created) = state
        .store
        .register_late_arrival(&school_id, &user.id, &new, Utc::now())
        .await?;
    Ok((created_or_ok(created), AppJson(late)))
}

/// For every pupil, the protocol steps that apply today: the same
/// evaluation a parent sees (`SchoolSettings::evaluate`), by group and
/// pupil, in the protocol's order.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/signals",
    tag = "desk",
    params(("id" = String, Path, description = "The school")),
    responses(
        (status = 200, description = "Per pupil, the protocol steps that apply today", body = Vec<Signal>),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_signals_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
) -> Result<AppJson<Vec<Signal>>, Error> {
    allow(&state, &user, &school_id, DeskAction::SeeSignals).await?;
    let settings = settings(&state, &school_id).await?;
    let store = &state.store;
    let groups = store.school_groups(&school_id).await?;
    let mut histories = store.histories(HistoryOf::School(&school_id)).await?;
    let today = school_today();
    let mut signals = Vec::new();
    for group in &groups {
        for pupil in &group.pupils {
            // Nothing counted: no step can apply.
            let Some(history) = histories.remove(&pupil.id) else {
                continue;
            };
            let (protocol, calendar, position) = settings.evaluate(&history, today);
            for (step, status) in protocol.steps.iter().zip(&position.steps) {
                let StepState::Applies { since } = status.state else {
                    continue;
                };
                signals.push(Signal {
                    pupil_id: pupil.id.clone(),
                    pupil_first_name: pupil.first_name.clone(),
                    pupil_last_name: pupil.last_name.clone(),
                    group_id: group.id.clone(),
                    group_name: group.name.clone(),
                    step_id: step.id.clone(),
                    role: step.role,
                    since,
                    texts: step.texts.clone(),
                    deadline: Signal::deadline_of(step, since, &calendar),
                    invite: Signal::invite_for(step),
                });
            }
        }
    }
    Ok(AppJson(signals))
}

/// `?limit=` (1 to 500, default 100).
#[derive(Debug, Deserialize)]
struct AuditQuery {
    limit: Option<String>,
}

/// The newest lines first.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/audit-log",
    tag = "desk",
    params(("id" = String, Path, description = "The school"), ("limit" = Option<String>, Query, description = "How many lines: 1 to 500 (default 100)")),
    responses(
        (status = 200, description = "Who changed what, newest first", body = Vec<AuditEntry>),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_audit_log_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<AppJson<Vec<AuditEntry>>, Error> {
    allow(&state, &user, &school_id, DeskAction::ReadAuditLog).await?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let limit = match query.limit.as_deref().filter(|l| !l.is_empty()) {
        None => DEFAULT_AUDIT_LIMIT,
        Some(l) => l
            .parse()
            .ok()
            .filter(|n| (1..=MAX_AUDIT_LIMIT).contains(n))
            .ok_or_else(|| {
                FieldError::new(
                    "limit",
                    words!(
                        nl: "Kies een aantal van 1 tot 500.",
                        en: "Please choose a number from 1 to 500.",
                        ar: "اختر عددًا من 1 إلى 500.",
                        tr: "1 ile 500 arasında bir sayı seçin.",
                        pl: "Proszę wybrać liczbę od 1 do 500.",
                        uk: "Виберіть число від 1 до 500.",
                    ),
                )
            })?,
    };
    Ok(AppJson(state.store.audit_log(&school_id, limit).await?))
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional.
#[derive(Debug, Deserialize)]
struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// The longest period one export holds.
const MAX_EXPORT_DAYS: u64 = 400;

/// Reports and absences in a period (default: this school year up to
/// today) as CSV, for the pupil administration.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/exports/absences.csv",
    tag = "desk",
    params(("id" = String, Path, description = "The school"), ("from" = Option<String>, Query, description = "The first day, `YYYY-MM-DD` (default: the start of this school year)"), ("to" = Option<String>, Query, description = "The last day, `YYYY-MM-DD` (default: today; at most 400 days after `from`)")),
    responses(
        (status = 200, description = "Every absence in the period, `;`-separated with a UTF-8 BOM", body = String, content_type = "text/csv"),
        (status = 403, description = "Staff of the school whose role does not allow this", body = shared::ApiError),
    )
)]
async fn schools_absences_export(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<impl IntoResponse, Error> {
    allow(&state, &user, &school_id, DeskAction::Export).await?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let today = school_today();
    let year = settings(&state, &school_id)
        .await?
        .calendar(today)
        .school_year(today);
    let from = date_param("from", query.from.as_deref())?.unwrap_or(year.from);
    let to = date_param("to", query.to.as_deref())?.unwrap_or(today);
    if to < from {
        return Err(FieldError::new("to", last_day_before_first()).into());
    }
    if to > from + Days::new(MAX_EXPORT_DAYS) {
        return Err(FieldError::new("to", at_most_days(MAX_EXPORT_DAYS)).into());
    }
    let period = Period { from, to };
    let store = &state.store;
    let histories = store.histories(HistoryOf::School(&school_id)).await?;
    let numbers = store.pupil_numbers(&school_id).await?;
    let groups = store.school_groups(&school_id).await?;
    let pupils: Vec<PupilAbsences> = groups
        .iter()
        .flat_map(|group| group.pupils.iter().map(move |pupil| (group, pupil)))
        .map(|(group, pupil)| PupilAbsences {
            pupil_number: numbers.get(&pupil.id).map(String::as_str),
            first_name: &pupil.first_name,
            last_name: &pupil.last_name,
            group: &group.name,
            records: histories
                .get(&pupil.id)
                .into_iter()
                .flatten()
                .filter(|r| overlaps(r, period))
                .collect(),
        })
        .collect();
    let name = format!("attachment; filename=\"verzuim-{from}-{to}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        absences_csv(&pupils),
    ))
}
