//! Every call to the server, through one helper ([`send`]) that decodes the
//! shared error body on any non-2xx answer.
//!
//! All addresses are relative (`/api/...`): the app and the API share an
//! origin, so the session cookie goes along by itself. A `401` on any call
//! but the log-in itself sends the parent to the log-in page, with the page
//! they were on remembered in `?terug=`.
//!
//! Every call says the app's language (`Accept-Language`), so the server's
//! messages come in the language the parent reads.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use gloo_net::http::{Method, Request, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::words;
use shared::{
    AbsenceExplanation, AbsenceJudgement, AbsenceReport, Acknowledgement, Activation,
    ActivationCode, ApiError, AskOtherTimes, AuditEntry, CancelConversation, ChildContacts,
    ChildProtocol, ChooseTime, Conversation, ConversationOutcome, DeskReport, DeskReports,
    ErrorCode, ImportRejection, ImportSummary, Language, LateArrival, LeaveDecision, LeaveRequest,
    LoginRequest, Me, NewAbsenceMark, NewAbsenceReport, NewActivationCodes, NewConversation,
    NewInvitation, NewLateArrival, NewLeaveRequest, NewStaffMember, ProposeTimes, ReportBetter,
    ReportChange, SchoolGroup, SchoolSettingsView, SettingsChange, Signal, StaffAccount,
    StaffMember, StaffRolesChange, UnexplainedAbsence, Words,
};

/// `POST /api/session`: log in. A wrong password is an `Err` with the
/// server's message, and no redirect.
pub async fn log_in(request: &LoginRequest) -> Result<Me, ApiError> {
    fetch_json(post("/api/session", request)?).await
}

/// `DELETE /api/session`: log out.
pub async fn log_out() -> Result<(), ApiError> {
    send(Request::delete("/api/session").build().map_err(not_sent)?)
        .await
        .map(drop)
}

/// `DELETE /api/sessions`: log out on every device.
pub async fn log_out_everywhere() -> Result<(), ApiError> {
    send(Request::delete("/api/sessions").build().map_err(not_sent)?)
        .await
        .map(drop)
}

/// `GET /api/me`: who is logged in, with their children.
pub async fn me() -> Result<Me, ApiError> {
    fetch_json(get("/api/me")).await
}

/// `PUT /api/me/language`: the language the app and the mails speak to them.
pub async fn set_language(language: shared::Language) -> Result<Me, ApiError> {
    fetch_json(
        Request::put("/api/me/language")
            .json(&shared::LanguageChoice { language })
            .map_err(not_sent)?,
    )
    .await
}

/// `GET /api/children/{id}/reports`: one child's reports, newest first.
pub async fn child_reports(child_id: &str) -> Result<Vec<AbsenceReport>, ApiError> {
    fetch_json(get(&format!(
        "/api/children/{}/reports",
        path_segment(child_id)
    )))
    .await
}

/// `GET /api/children/{id}/protocol`: the school's steps and where the child
/// stands on them.
pub async fn child_protocol(child_id: &str) -> Result<ChildProtocol, ApiError> {
    fetch_json(get(&format!(
        "/api/children/{}/protocol",
        path_segment(child_id)
    )))
    .await
}

/// `GET /api/children/{id}/contacts`: whom to contact at the child's school.
pub async fn child_contacts(child_id: &str) -> Result<ChildContacts, ApiError> {
    fetch_json(get(&format!(
        "/api/children/{}/contacts",
        path_segment(child_id)
    )))
    .await
}

/// `GET /api/reports/{id}`: one report.
pub async fn report(id: &str) -> Result<AbsenceReport, ApiError> {
    fetch_json(get(&report_path(id))).await
}

/// `PUT /api/reports/{id}`: new details, until the school has seen it.
pub async fn change_report(id: &str, change: &ReportChange) -> Result<AbsenceReport, ApiError> {
    fetch_json(
        Request::put(&report_path(id))
            .json(change)
            .map_err(not_sent)?,
    )
    .await
}

/// `DELETE /api/reports/{id}`: withdraw it, until the school has seen it.
pub async fn withdraw_report(id: &str) -> Result<(), ApiError> {
    send(
        Request::delete(&report_path(id))
            .build()
            .map_err(not_sent)?,
    )
    .await
    .map(drop)
}

/// `POST /api/reports/{id}/better`: the child of an open-ended sick report
/// is better.
pub async fn report_better(id: &str, better: &ReportBetter) -> Result<AbsenceReport, ApiError> {
    fetch_json(post(&format!("{}/better", report_path(id)), better)?).await
}

fn report_path(id: &str) -> String {
    format!("/api/reports/{}", path_segment(id))
}

/// `POST /api/reports`: report children absent; one report per child.
///
/// For the form and the outbox, which must know whether the server
/// answered at all: a failure says its HTTP status (`None`: no answer), and
/// a `401` does not leave the page (the caller keeps the report first).
pub async fn send_reports(report: &NewAbsenceReport) -> Result<Vec<AbsenceReport>, NotStored> {
    let request = post("/api/reports", report).map_err(|error| NotStored {
        status: Some(400),
        error,
    })?;
    let response = send_without_redirect::<ApiError>(request)
        .await
        .map_err(|(status, error)| NotStored { status, error })?;
    // Stored, but the answer got lost on the way: sending it again under
    // the same key brings the same reports.
    response.json().await.map_err(|_| NotStored {
        status: None,
        error: unreachable_server(),
    })
}

/// Why [`send_reports`] did not store a report: the server's status
/// (`None` when there was no answer) and its error.
#[derive(Debug)]
pub struct NotStored {
    pub status: Option<u16>,
    pub error: ApiError,
}

/// `POST /api/leave-requests`: ask leave for a child.
pub async fn create_leave_request(request: &NewLeaveRequest) -> Result<LeaveRequest, ApiError> {
    fetch_json(post("/api/leave-requests", request)?).await
}

/// `GET /api/leave-requests/{id}`: one leave request.
pub async fn leave_request(id: &str) -> Result<LeaveRequest, ApiError> {
    fetch_json(get(&format!("/api/leave-requests/{}", path_segment(id)))).await
}

/// `DELETE /api/leave-requests/{id}`: withdraw a leave request the school
/// has not decided on yet.
pub async fn withdraw_leave_request(id: &str) -> Result<LeaveRequest, ApiError> {
    let path = format!("/api/leave-requests/{}", path_segment(id));
    fetch_json(Request::delete(&path).build().map_err(not_sent)?).await
}

/// `GET /api/children/{id}/leave-requests`: one child's leave requests,
/// newest first.
pub async fn child_leave_requests(child_id: &str) -> Result<Vec<LeaveRequest>, ApiError> {
    fetch_json(get(&format!(
        "/api/children/{}/leave-requests",
        path_segment(child_id)
    )))
    .await
}

/// `GET /api/schools/{id}/leave-requests`: the school's leave requests,
/// the soonest first day first; those waiting for a decision, or `all`.
pub async fn school_leave_requests(
    school_id: &str,
    all: bool,
) -> Result<Vec<LeaveRequest>, ApiError> {
    let mut path = school_path(school_id, "leave-requests");
    if !all {
        path.push_str("?status=pending");
    }
    fetch_json(get(&path)).await
}

/// `POST /api/leave-requests/{id}/decision`: the director or school admin
/// decides, with a reason for the parents.
pub async fn decide_leave(id: &str, decision: &LeaveDecision) -> Result<LeaveRequest, ApiError> {
    fetch_json(post(
        &format!("/api/leave-requests/{}/decision", path_segment(id)),
        decision,
    )?)
    .await
}

/// `POST /api/conversations`: a parent asks for a conversation.
pub async fn create_conversation(request: &NewConversation) -> Result<Conversation, ApiError> {
    fetch_json(post("/api/conversations", request)?).await
}

/// `GET /api/conversations`: the parent's conversations, open ones first.
pub async fn conversations() -> Result<Vec<Conversation>, ApiError> {
    fetch_json(get("/api/conversations")).await
}

/// `GET /api/conversations/{id}`: one conversation, for its parents and
/// the school.
pub async fn conversation(id: &str) -> Result<Conversation, ApiError> {
    fetch_json(get(&conversation_path(id))).await
}

/// `POST /api/conversations/{id}/times`: the school proposes times.
pub async fn propose_times(id: &str, times: &ProposeTimes) -> Result<Conversation, ApiError> {
    fetch_json(post(&format!("{}/times", conversation_path(id)), times)?).await
}

/// `POST /api/conversations/{id}/choice`: a parent picks a time, or the
/// school confirms one.
pub async fn choose_time(id: &str, choice: &ChooseTime) -> Result<Conversation, ApiError> {
    fetch_json(post(&format!("{}/choice", conversation_path(id)), choice)?).await
}

/// `POST /api/conversations/{id}/other-times`: a parent asks for others.
pub async fn ask_other_times(id: &str, ask: &AskOtherTimes) -> Result<Conversation, ApiError> {
    fetch_json(post(
        &format!("{}/other-times", conversation_path(id)),
        ask,
    )?)
    .await
}

/// `POST /api/conversations/{id}/cancel`: either side calls it off.
pub async fn cancel_conversation(
    id: &str,
    cancel: &CancelConversation,
) -> Result<Conversation, ApiError> {
    fetch_json(post(&format!("{}/cancel", conversation_path(id)), cancel)?).await
}

/// `POST /api/conversations/{id}/outcome`: the school closes it, with a note.
pub async fn close_conversation(
    id: &str,
    outcome: &ConversationOutcome,
) -> Result<Conversation, ApiError> {
    fetch_json(post(
        &format!("{}/outcome", conversation_path(id)),
        outcome,
    )?)
    .await
}

/// `GET /api/conversations/{id}/calendar.ics`: the agreed time as a
/// calendar file. A plain link downloads it, so this is only its address.
pub fn calendar_path(id: &str) -> String {
    format!("{}/calendar.ics", conversation_path(id))
}

fn conversation_path(id: &str) -> String {
    format!("/api/conversations/{}", path_segment(id))
}

/// `GET /api/schools/{id}/conversations`: the conversations staff answer at
/// this school, the soonest first; the open ones, or `all`.
pub async fn school_conversations(
    school_id: &str,
    all: bool,
) -> Result<Vec<Conversation>, ApiError> {
    let status = if all { "all" } else { "open" };
    fetch_json(get(&format!(
        "/api/schools/{}/conversations?status={status}",
        path_segment(school_id)
    )))
    .await
}

/// `POST /api/schools/{id}/conversations`: the school invites a child's
/// parents, with times.
pub async fn invite(school_id: &str, invitation: &NewInvitation) -> Result<Conversation, ApiError> {
    fetch_json(post(&school_path(school_id, "conversations"), invitation)?).await
}

/// `GET /api/schools/{id}/reports?from&to&group`: the reports of these days
/// per group (`group` empty: all groups).
pub async fn desk_reports(
    school_id: &str,
    from: NaiveDate,
    to: NaiveDate,
    group: &str,
) -> Result<DeskReports, ApiError> {
    let mut path = format!("{}?from={from}&to={to}", school_path(school_id, "reports"));
    if !group.is_empty() {
        path.push_str(&format!("&group={}", path_segment(group)));
    }
    fetch_json(get(&path)).await
}

/// `GET /api/schools/{id}/groups`: the groups, each with its pupils.
pub async fn school_groups(school_id: &str) -> Result<Vec<SchoolGroup>, ApiError> {
    fetch_json(get(&school_path(school_id, "groups"))).await
}

/// `POST /api/schools/{id}/acknowledgements`: mark reports as seen, all or
/// nothing.
pub async fn acknowledge(
    school_id: &str,
    acknowledgement: &Acknowledgement,
) -> Result<Vec<DeskReport>, ApiError> {
    fetch_json(post(
        &school_path(school_id, "acknowledgements"),
        acknowledgement,
    )?)
    .await
}

/// `POST /api/schools/{id}/absences`: the school marks a pupil absent
/// without a report; the parents are asked why.
pub async fn mark_absent(
    school_id: &str,
    mark: &NewAbsenceMark,
) -> Result<UnexplainedAbsence, ApiError> {
    fetch_json(post(&school_path(school_id, "absences"), mark)?).await
}

/// `POST /api/schools/{id}/late-arrivals`: a pupil came in late.
pub async fn register_late_arrival(
    school_id: &str,
    late: &NewLateArrival,
) -> Result<LateArrival, ApiError> {
    fetch_json(post(&school_path(school_id, "late-arrivals"), late)?).await
}

/// `GET /api/schools/{id}/absences?status=open`: the absences the school
/// marked and has not judged yet, the parents' answers first.
pub async fn school_absences(school_id: &str) -> Result<Vec<UnexplainedAbsence>, ApiError> {
    fetch_json(get(&format!(
        "{}?status=open",
        school_path(school_id, "absences")
    )))
    .await
}

/// `POST /api/unexplained-absences/{id}/judgement`: does the school accept
/// the parents' reason?
pub async fn judge_absence(
    id: &str,
    judgement: &AbsenceJudgement,
) -> Result<UnexplainedAbsence, ApiError> {
    fetch_json(post(
        &format!("/api/unexplained-absences/{}/judgement", path_segment(id)),
        judgement,
    )?)
    .await
}

/// `GET /api/schools/{id}/exports/absences.csv?from&to`: every absence of
/// these days as a CSV file. A plain link downloads it, so this is only its
/// address.
pub fn absences_export_path(school_id: &str, from: NaiveDate, to: NaiveDate) -> String {
    format!(
        "{}?from={from}&to={to}",
        school_path(school_id, "exports/absences.csv")
    )
}

/// `GET /api/schools/{id}/signals`: the protocol steps due per pupil.
pub async fn signals(school_id: &str) -> Result<Vec<Signal>, ApiError> {
    fetch_json(get(&school_path(school_id, "signals"))).await
}

/// `GET /api/schools/{id}/audit-log`: the newest changes first.
pub async fn audit_log(school_id: &str) -> Result<Vec<AuditEntry>, ApiError> {
    fetch_json(get(&school_path(school_id, "audit-log"))).await
}

/// `GET /api/schools/{id}/settings`: the school's protocol, calendar,
/// contacts and choices (the defaults where it set none).
pub async fn school_settings(school_id: &str) -> Result<SchoolSettingsView, ApiError> {
    fetch_json(get(&school_path(school_id, "settings"))).await
}

/// `PUT /api/schools/{id}/settings`: all settings at once.
pub async fn save_settings(
    school_id: &str,
    change: &SettingsChange,
) -> Result<SchoolSettingsView, ApiError> {
    let request = Request::put(&school_path(school_id, "settings"))
        .json(change)
        .map_err(not_sent)?;
    fetch_json(request).await
}

fn school_path(school_id: &str, rest: &str) -> String {
    format!("/api/schools/{}/{rest}", path_segment(school_id))
}

/// `GET /api/children/{id}/unexplained-absences`: the days the school
/// missed the child without a report, newest first.
pub async fn unexplained_absences(child_id: &str) -> Result<Vec<UnexplainedAbsence>, ApiError> {
    fetch_json(get(&format!(
        "/api/children/{}/unexplained-absences",
        path_segment(child_id)
    )))
    .await
}

/// `POST /api/unexplained-absences/{id}/explanation`: a parent says why.
pub async fn explain_absence(
    id: &str,
    explanation: &AbsenceExplanation,
) -> Result<UnexplainedAbsence, ApiError> {
    fetch_json(post(
        &format!("/api/unexplained-absences/{}/explanation", path_segment(id)),
        explanation,
    )?)
    .await
}

/// `POST /api/schools/{id}/imports`: the school admin sends a CSV file's
/// text; `dry_run` checks and counts it without storing anything. A file
/// with mistakes is refused with every mistake per row; any other refusal
/// comes as an [`ImportRejection`] without rows.
pub async fn import_pupils(
    school_id: &str,
    csv: &str,
    dry_run: bool,
) -> Result<ImportSummary, ImportRejection> {
    let path = format!(
        "/api/schools/{}/imports?dry_run={dry_run}",
        path_segment(school_id)
    );
    let request = Request::post(&path)
        .header("Content-Type", "text/csv; charset=utf-8")
        .body(csv)
        .map_err(|e| ImportRejection::from_api(not_sent(e)))?;
    fetch_json_as(request).await
}

/// `POST /api/schools/{id}/activation-codes`: a fresh code for every
/// guardian of the school's pupils who has no password yet, shown once.
pub async fn make_activation_codes(school_id: &str) -> Result<Vec<ActivationCode>, ApiError> {
    let path = format!("/api/schools/{}/activation-codes", path_segment(school_id));
    fetch_json(post(&path, &NewActivationCodes::default())?).await
}

/// `POST /api/activation`: the code from the school and a new password;
/// logs in (no session needed before).
pub async fn activate(activation: &Activation) -> Result<Me, ApiError> {
    fetch_json(post("/api/activation", activation)?).await
}

/// `GET /api/schools/{id}/staff`: the school's staff, by name.
pub async fn staff(school_id: &str) -> Result<Vec<StaffMember>, ApiError> {
    fetch_json(get(&staff_path(school_id))).await
}

/// `POST /api/schools/{id}/staff`: a new staff member (with a code to
/// activate their account), or new roles for someone with an account.
pub async fn add_staff(school_id: &str, member: &NewStaffMember) -> Result<StaffAccount, ApiError> {
    fetch_json(post(&staff_path(school_id), member)?).await
}

/// `PUT /api/schools/{id}/staff/{user_id}`: someone's roles from now on.
pub async fn change_staff_roles(
    school_id: &str,
    user_id: &str,
    change: &StaffRolesChange,
) -> Result<StaffMember, ApiError> {
    let path = format!("{}/{}", staff_path(school_id), path_segment(user_id));
    fetch_json(Request::put(&path).json(change).map_err(not_sent)?).await
}

fn staff_path(school_id: &str) -> String {
    format!("/api/schools/{}/staff", path_segment(school_id))
}

/// What the log-in redirect calls to change page inside the app (set by the
/// layout, which lives inside the router).
type Navigate = Rc<dyn Fn(&str)>;

thread_local! {
    static NAVIGATE: RefCell<Option<Navigate>> = const { RefCell::new(None) };
}

/// Lets [`send`] move to the log-in page without reloading the app.
pub fn set_navigator(navigate: impl Fn(&str) + 'static) {
    NAVIGATE.with(|n| *n.borrow_mut() = Some(Rc::new(navigate)));
}

fn get(path: &str) -> Request {
    // Building a GET without a body cannot fail.
    Request::get(path).build().expect("a GET request")
}

fn post(path: &str, body: &impl Serialize) -> Result<Request, ApiError> {
    Request::post(path).json(body).map_err(not_sent)
}

async fn fetch_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    fetch_json_as(request).await
}

async fn fetch_json_as<T: DeserializeOwned, E: ErrorBody>(request: Request) -> Result<T, E> {
    let response = send_as(request).await?;
    response.json().await.map_err(|_| E::from_api(unexpected()))
}

/// Sends a request; any non-2xx answer becomes the server's [`ApiError`].
async fn send(request: Request) -> Result<Response, ApiError> {
    send_as(request).await
}

/// An error body: the usual [`ApiError`], or one with more in it.
trait ErrorBody: DeserializeOwned {
    fn from_api(error: ApiError) -> Self;
}

impl ErrorBody for ApiError {
    fn from_api(error: ApiError) -> Self {
        error
    }
}

impl ErrorBody for ImportRejection {
    /// A refusal that is not about the file's rows: no rows.
    fn from_api(error: ApiError) -> Self {
        Self {
            code: error.code,
            message: error.message,
            field: error.field,
            errors: Vec::new(),
            error_count: 0,
        }
    }
}

/// Sends a request; any non-2xx answer becomes the server's error body, as
/// an `E` when it has that form, else as its [`ApiError`].
async fn send_as<E: ErrorBody>(request: Request) -> Result<Response, E> {
    let is_log_in = request.method() == Method::POST && request.url().ends_with("/api/session");
    send_without_redirect(request)
        .await
        .map_err(|(status, error)| {
            if status == Some(401) && !is_log_in {
                redirect_to_log_in();
            }
            error
        })
}

/// Sends a request; any non-2xx answer becomes the server's error body,
/// with the answer's status (`None`: no answer at all).
async fn send_without_redirect<E: ErrorBody>(
    request: Request,
) -> Result<Response, (Option<u16>, E)> {
    request
        .headers()
        .set("Accept-Language", language().as_str());
    let response = request
        .send()
        .await
        .map_err(|_| (None, E::from_api(unreachable_server())))?;
    if response.ok() {
        return Ok(response);
    }
    let body = response.text().await.unwrap_or_default();
    let error = serde_json::from_str::<E>(&body)
        .or_else(|_| serde_json::from_str::<ApiError>(&body).map(E::from_api))
        .unwrap_or_else(|_| E::from_api(unexpected()));
    Err((Some(response.status()), error))
}

/// Goes to `/inloggen?terug=<this page>`, unless we are already there.
pub fn redirect_to_log_in() {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let path = location.pathname().unwrap_or_default();
    if path == "/inloggen" {
        return;
    }
    let here = path + &location.search().unwrap_or_default();
    let target = match web_sys::UrlSearchParams::new() {
        Ok(query) if here != "/" => {
            query.append("terug", &here);
            format!("/inloggen?{}", String::from(query.to_string()))
        }
        _ => "/inloggen".to_owned(),
    };
    match NAVIGATE.with(|n| n.borrow().clone()) {
        Some(navigate) => navigate(&target),
        None => _ = location.set_href(&target),
    }
}

/// Ids are opaque; keep one from changing the path it is put in.
fn path_segment(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The app's language now, as leptos_i18n puts it on `<html lang>`: also
/// readable outside the components (no reactive owner needed).
pub fn language() -> Language {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| {
            let primary = lang
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            Language::parse(&primary)
        })
        .unwrap_or_default()
}

/// An error the app makes itself, in the app's language.
fn own_error(code: ErrorCode, message: Words) -> ApiError {
    ApiError::new(code, message.get(language()))
}

fn not_sent(_: gloo_net::Error) -> ApiError {
    own_error(
        ErrorCode::BadRequest,
        words!(
            nl: "Er ging iets mis in de app. Laad de pagina opnieuw.",
            en: "Something went wrong in the app. Please reload the page.",
            ar: "حدث خطأ في التطبيق. أعد تحميل الصفحة.",
            tr: "Uygulamada bir sorun oldu. Lütfen sayfayı yeniden yükleyin.",
            pl: "Coś poszło nie tak w aplikacji. Proszę odświeżyć stronę.",
            uk: "У застосунку щось пішло не так. Оновіть сторінку.",
        ),
    )
}

fn unreachable_server() -> ApiError {
    own_error(
        ErrorCode::Internal,
        words!(
            nl: "We kunnen de server nu niet bereiken. Controleer uw internetverbinding en probeer het opnieuw.",
            en: "We cannot reach the server right now. Please check your internet connection and try again.",
            ar: "لا نستطيع الوصول إلى الخادم الآن. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.",
            tr: "Şu anda sunucuya ulaşamıyoruz. İnternet bağlantınızı kontrol edin ve yeniden deneyin.",
            pl: "Nie możemy teraz połączyć się z serwerem. Proszę sprawdzić połączenie z internetem i spróbować ponownie.",
            uk: "Ми зараз не можемо з'єднатися із сервером. Перевірте з'єднання з інтернетом і спробуйте ще раз.",
        ),
    )
}

fn unexpected() -> ApiError {
    own_error(
        ErrorCode::Internal,
        words!(
            nl: "Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.",
            en: "Something went wrong on our side. Please try again in a few minutes.",
            ar: "حدث خطأ من جهتنا. حاول مرة أخرى بعد بضع دقائق.",
            tr: "Bizim tarafımızda bir sorun oldu. Lütfen birkaç dakika sonra yeniden deneyin.",
            pl: "Coś poszło nie tak po naszej stronie. Proszę spróbować za kilka minut.",
            uk: "У нас щось пішло не так. Спробуйте ще раз за кілька хвилин.",
        ),
    )
}
