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
    words, DeskAction, FieldError, LeaveDecision, LeaveRequest, LeaveStatus, NewLeaveRequest,
    StaffRoleKind,
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
#[utoipa::path(
    post,
    path = "/api/leave-requests",
    tag = "leave",
    request_body = NewLeaveRequest,
    responses(
        (status = 201, description = "The new request (status `pending`)", body = LeaveRequest),
        (status = 200, description = "The request stored earlier under the same idempotency key", body = LeaveRequest),
        (status = 403, description = "Not your child (`field`: `pupil_id`)", body = shared::ApiError),
    )
)]
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
            message: words!(
                nl: "U kunt alleen verlof aanvragen voor uw eigen kinderen.",
                en: "You can only ask for leave for your own children.",
                ar: "يمكنك طلب إجازة لأطفالك فقط.",
                tr: "Yalnızca kendi çocuklarınız için izin isteyebilirsiniz.",
                pl: "O urlop można prosić tylko dla własnych dzieci.",
                uk: "Ви можете просити відпустку лише для своїх дітей.",
            ),
        });
    }

    let saved = state.store.save_leave_request(&user.id, &new, now).await?;
    Ok((created_or_ok(saved.created), AppJson(saved.request)))
}

/// Newest first.
#[utoipa::path(
    get,
    path = "/api/children/{id}/leave-requests",
    tag = "leave",
    params(("id" = String, Path, description = "The child (pupil)")),
    responses(
        (status = 200, description = "The child's leave requests, newest first", body = Vec<LeaveRequest>),
    )
)]
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

#[utoipa::path(
    get,
    path = "/api/leave-requests/{id}",
    tag = "leave",
    params(("id" = String, Path, description = "The leave request")),
    responses(
        (status = 200, description = "The request", body = LeaveRequest),
        (status = 403, description = "Staff of the school who do not decide on leave", body = shared::ApiError),
    )
)]
async fn leave_requests_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (leave, standing) = load(&state, &user, &id).await?;
    standing.require(
        sees(&standing),
        words!(
            nl: "Alleen de ouders en de directeur of beheerder van de school zien deze aanvraag.",
            en: "Only the parents and the school's head or administrator see this request.",
            ar: "لا يرى هذا الطلب إلا الوالدان ومدير المدرسة أو مسؤولها.",
            tr: "Bu başvuruyu yalnızca veliler ve okulun müdürü veya yöneticisi görür.",
            pl: "Ten wniosek widzą tylko rodzice oraz dyrektor lub administrator szkoły.",
            uk: "Цю заяву бачать лише батьки та директор або адміністратор школи.",
        ),
    )?;
    Ok(AppJson(leave.request))
}

/// `200` with the withdrawn request (also when it was withdrawn already);
/// `409` once the school decided.
#[utoipa::path(
    delete,
    path = "/api/leave-requests/{id}",
    tag = "leave",
    params(("id" = String, Path, description = "The leave request")),
    responses(
        (status = 200, description = "The withdrawn request (also when it was withdrawn already)", body = LeaveRequest),
        (status = 403, description = "Only a guardian withdraws", body = shared::ApiError),
        (status = 409, description = "The school has already decided", body = shared::ApiError),
    )
)]
async fn leave_requests_delete(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (_, standing) = load(&state, &user, &id).await?;
    standing.require(
        standing.guardian,
        words!(
            nl: "Alleen een ouder kan een aanvraag intrekken.",
            en: "Only a parent can withdraw a request.",
            ar: "لا يمكن إلا للوالد سحب الطلب.",
            tr: "Bir başvuruyu yalnızca veli geri çekebilir.",
            pl: "Tylko rodzic może wycofać wniosek.",
            uk: "Лише батьки можуть відкликати заяву.",
        ),
    )?;
    state
        .store
        .withdraw_leave_request(&id, &user.id, Utc::now())
        .await?;
    let (leave, _) = load(&state, &user, &id).await?;
    if leave.request.status != LeaveStatus::Withdrawn {
        return Err(Error::Conflict(words!(
            nl: "De school heeft al beslist. Intrekken kan niet meer. Is er iets veranderd? Neem dan contact op met de school.",
            en: "The school has already decided. You can no longer withdraw. Has something changed? Then please contact the school.",
            ar: "قررت المدرسة بالفعل. لم يعد السحب ممكنًا. هل تغيّر شيء؟ تواصل مع المدرسة.",
            tr: "Okul zaten karar verdi. Artık geri çekemezsiniz. Bir şey mi değişti? O zaman okulla iletişime geçin.",
            pl: "Szkoła już zdecydowała. Nie można już wycofać wniosku. Czy coś się zmieniło? Proszę skontaktować się ze szkołą.",
            uk: "Школа вже ухвалила рішення. Відкликати вже не можна. Щось змінилося? Тоді зверніться до школи.",
        )));
    }
    Ok(AppJson(leave.request))
}

/// `200` with the decided request; `409` when it is not pending any more.
#[utoipa::path(
    post,
    path = "/api/leave-requests/{id}/decision",
    tag = "leave",
    params(("id" = String, Path, description = "The leave request")),
    request_body = LeaveDecision,
    responses(
        (status = 200, description = "The decided request", body = LeaveRequest),
        (status = 403, description = "Guardians, and staff who do not decide on leave", body = shared::ApiError),
        (status = 409, description = "Not pending any more", body = shared::ApiError),
    )
)]
async fn leave_requests_decide(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(decision): AppJson<LeaveDecision>,
) -> Result<AppJson<LeaveRequest>, Error> {
    let (_, standing) = load(&state, &user, &id).await?;
    standing.require(decides(&standing), DeskAction::DecideLeave.refusal())?;
    decision.validate()?;
    let decided = state
        .store
        .decide_leave_request(&id, &user.id, &decision, Utc::now())
        .await?;
    if !decided {
        return Err(Error::Conflict(words!(
            nl: "Over deze aanvraag is al beslist, of de ouder heeft haar ingetrokken.",
            en: "This request has already been decided, or the parent has withdrawn it.",
            ar: "تم البت في هذا الطلب بالفعل، أو سحبه الوالد.",
            tr: "Bu başvuru hakkında zaten karar verildi veya veli onu geri çekti.",
            pl: "O tym wniosku już zdecydowano albo rodzic go wycofał.",
            uk: "Щодо цієї заяви вже ухвалено рішення, або батьки її відкликали.",
        )));
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
#[utoipa::path(
    get,
    path = "/api/schools/{id}/leave-requests",
    tag = "leave",
    params(("id" = String, Path, description = "The school"), ("status" = Option<String>, Query, description = "Only requests with this status: `pending`, `granted`, `refused` or `withdrawn`")),
    responses(
        (status = 200, description = "The school's requests, the soonest first day first", body = Vec<LeaveRequest>),
        (status = 403, description = "Staff who do not decide on leave", body = shared::ApiError),
    )
)]
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
        words!(
            nl: "Alleen de directeur of de beheerder van de school ziet de verlofaanvragen.",
            en: "Only the school's head or administrator sees the leave requests.",
            ar: "لا يرى طلبات الإجازة إلا مدير المدرسة أو مسؤولها.",
            tr: "İzin başvurularını yalnızca okulun müdürü veya yöneticisi görür.",
            pl: "Wnioski o urlop widzi tylko dyrektor lub administrator szkoły.",
            uk: "Заяви на відпустку бачить лише директор або адміністратор школи.",
        ),
    )?;
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(name) => Some(LeaveStatus::parse(name).ok_or_else(|| {
            FieldError::new(
                "status",
                words!(
                    nl: "Deze status bestaat niet. Kies pending, granted, refused of withdrawn.",
                    en: "This status does not exist. Choose pending, granted, refused or withdrawn.",
                    ar: "هذه الحالة غير موجودة. اختر pending أو granted أو refused أو withdrawn.",
                    tr: "Bu durum yok. pending, granted, refused veya withdrawn seçin.",
                    pl: "Taki status nie istnieje. Proszę wybrać pending, granted, refused albo withdrawn.",
                    uk: "Такого статусу немає. Виберіть pending, granted, refused або withdrawn.",
                ),
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
