//! Conversations between parents and the school (docs/API.md,
//! "Conversations").
//!
//! - `POST /api/conversations`: a guardian asks for one.
//! - `GET /api/conversations`: a guardian's conversations.
//! - `GET /api/conversations/{id}`, `.../calendar.ics`: one, for those who
//!   see it.
//! - `POST /api/conversations/{id}/times|choice|other-times|cancel|outcome`:
//!   the changes, each for the side that makes it.
//! - `GET|POST /api/schools/{id}/conversations`: the school's list, and an
//!   invitation by the school.
//!
//! Every change is told by e-mail to everyone involved ([`tell`]).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde::Deserialize;
use shared::messages::open_or_all;
use shared::words;
use shared::{
    AskOtherTimes, CancelConversation, ChooseTime, Conversation, ConversationOutcome,
    ConversationStatus, FieldError, NewConversation, NewInvitation, ProposeTimes, StaffRoleKind,
    Words,
};

use super::created_or_ok;
use super::desk::check_pupil;
use super::standing::{only_parents, only_school, Standing};
use crate::auth::CurrentUser;
use crate::clock::school_time;
use crate::error::Error;
use crate::json::AppJson;
use crate::mail::{Notice, NoticeKind};
use crate::store::conversations::{ConversationAtSchool, NotChanged};
use crate::{ics, AppState};

/// The routes of this resource, relative to `/api`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/conversations",
            get(conversations_list).post(conversations_create),
        )
        .route("/conversations/{id}", get(conversations_show))
        .route(
            "/conversations/{id}/calendar.ics",
            get(conversations_calendar),
        )
        .route("/conversations/{id}/times", post(conversations_times))
        .route("/conversations/{id}/choice", post(conversations_choose))
        .route(
            "/conversations/{id}/other-times",
            post(conversations_other_times),
        )
        .route("/conversations/{id}/cancel", post(conversations_cancel))
        .route("/conversations/{id}/outcome", post(conversations_outcome))
        .route(
            "/schools/{id}/conversations",
            get(schools_conversations_list).post(schools_conversations_invite),
        )
}

/// `201` with the new conversation, or `200` with the one stored earlier
/// under the same idempotency key.
#[utoipa::path(
    post,
    path = "/api/conversations",
    tag = "conversations",
    request_body = NewConversation,
    responses(
        (status = 201, description = "The new conversation (status `requested`)", body = Conversation),
        (status = 200, description = "The conversation stored earlier under the same idempotency key", body = Conversation),
        (status = 403, description = "Not your child (`field`: `pupil_id`)", body = shared::ApiError),
        (status = 409, description = "There is an open conversation with this person about this child already", body = shared::ApiError),
    )
)]
async fn conversations_create(
    user: CurrentUser,
    State(state): State<AppState>,
    AppJson(new): AppJson<NewConversation>,
) -> Result<(StatusCode, AppJson<Conversation>), Error> {
    let store = &state.store;
    if let Some(id) = store
        .conversation_by_key(&user.id, &new.idempotency_key)
        .await?
    {
        let c = load(&state, &id).await?;
        return Ok((StatusCode::OK, AppJson(for_parent(c.conversation))));
    }
    new.validate()?;
    if !store.is_guardian(&user.id, &new.pupil_id).await? {
        return Err(Error::Forbidden {
            field: Some("pupil_id"),
            message: words!(
                nl: "U kunt alleen een gesprek aanvragen over uw eigen kinderen.",
                en: "You can only ask for a meeting about your own children.",
                ar: "يمكنك طلب لقاء عن أطفالك فقط.",
                tr: "Yalnızca kendi çocuklarınız hakkında görüşme isteyebilirsiniz.",
                pl: "O rozmowę można prosić tylko w sprawie własnych dzieci.",
                uk: "Ви можете просити про розмову лише щодо своїх дітей.",
            ),
        });
    }
    if store
        .open_conversation_with(&user.id, &new.pupil_id, new.with)
        .await?
        .is_some()
    {
        return Err(Error::Conflict(words!(
            nl: "Er loopt al een gesprek met deze persoon over dit kind. U vindt het op de startpagina.",
            en: "There is already a meeting with this person about this child. You can find it on the start page.",
            ar: "يوجد بالفعل لقاء مع هذا الشخص بشأن هذا الطفل. تجده في الصفحة الرئيسية.",
            tr: "Bu kişiyle bu çocuk hakkında zaten bir görüşme var. Onu ana sayfada bulabilirsiniz.",
            pl: "Trwa już rozmowa z tą osobą w sprawie tego dziecka. Można ją znaleźć na stronie startowej.",
            uk: "Розмова з цією людиною про цю дитину вже триває. Ви знайдете її на головній сторінці.",
        )));
    }
    let shared =
        new.shared_with_guardians && store.school_shares_conversations(&new.pupil_id).await?;
    let (id, created) = store
        .save_conversation_request(&user.id, &new, shared, Utc::now())
        .await?;
    let c = load(&state, &id).await?;
    if created {
        tell(&state, &c, Happened::Requested, Some(&user.id)).await?;
    }
    Ok((created_or_ok(created), AppJson(for_parent(c.conversation))))
}

/// The caller's conversations as a guardian.
#[utoipa::path(
    get,
    path = "/api/conversations",
    tag = "conversations",
    responses(
        (status = 200, description = "The caller's conversations as a guardian, open ones first", body = Vec<Conversation>),
    )
)]
async fn conversations_list(
    user: CurrentUser,
    State(state): State<AppState>,
) -> Result<AppJson<Vec<Conversation>>, Error> {
    let list = state.store.guardian_conversations(&user.id).await?;
    Ok(AppJson(list.into_iter().map(for_parent).collect()))
}

#[utoipa::path(
    get,
    path = "/api/conversations/{id}",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
    )
)]
async fn conversations_show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<Conversation>, Error> {
    let (c, side) = load_for(&state, &user, &id).await?;
    Ok(AppJson(side.view(c.conversation)))
}

/// The agreed time as a calendar file; `409` while none is agreed.
#[utoipa::path(
    get,
    path = "/api/conversations/{id}/calendar.ics",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    responses(
        (status = 200, description = "An iCalendar file with the agreed time", body = String, content_type = "text/calendar"),
        (status = 409, description = "No time is agreed yet", body = shared::ApiError),
    )
)]
async fn conversations_calendar(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, Error> {
    let (c, _) = load_for(&state, &user, &id).await?;
    let conversation = &c.conversation;
    let slot = match (conversation.status, conversation.agreed_time) {
        (ConversationStatus::Agreed, Some(slot)) => slot,
        _ => {
            return Err(Error::Conflict(words!(
                nl: "Er is nog geen tijd afgesproken. Dan is er ook nog niets voor uw agenda.",
                en: "No time has been agreed yet. So there is nothing for your calendar yet.",
                ar: "لم يتم الاتفاق على وقت بعد. لذلك لا يوجد شيء لتقويمك بعد.",
                tr: "Henüz bir saat belirlenmedi. Bu yüzden takviminiz için henüz bir şey yok.",
                pl: "Termin nie został jeszcze ustalony. Dlatego nie ma jeszcze nic do kalendarza.",
                uk: "Час ще не узгоджено. Тому для вашого календаря ще нічого немає.",
            )))
        }
    };
    let file = ics::conversation_event(conversation, &slot, Utc::now());
    let name = format!(
        "attachment; filename=\"gesprek-{}.ics\"",
        slot.day.format("%Y-%m-%d")
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (header::CONTENT_DISPOSITION, name),
        ],
        file,
    ))
}

/// Staff propose times (also to move an agreed time).
#[utoipa::path(
    post,
    path = "/api/conversations/{id}/times",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    request_body = ProposeTimes,
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
        (status = 403, description = "Only the school proposes times", body = shared::ApiError),
        (status = 409, description = "The conversation has moved on, or the time clashes with another one", body = shared::ApiError),
    )
)]
async fn conversations_times(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(propose): AppJson<ProposeTimes>,
) -> Result<AppJson<Conversation>, Error> {
    let (c, side) = load_for(&state, &user, &id).await?;
    side.require_staff()?;
    propose.validate(school_time(Utc::now()))?;
    let pupil = &c.conversation.pupil_id;
    let clashes = state
        .store
        .first_clash(&propose.times, &user.id, pupil, &id);
    if clashes.await?.is_some() {
        return Err(clash());
    }
    let done = state
        .store
        .propose_times(&id, &user.id, &propose.times, &propose.message, Utc::now())
        .await?;
    Ok(AppJson(
        changed(&state, &id, done, Happened::TimesProposed, None).await?,
    ))
}

/// A guardian picks a proposed time, or a staff member confirms one.
#[utoipa::path(
    post,
    path = "/api/conversations/{id}/choice",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    request_body = ChooseTime,
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
        (status = 409, description = "The conversation has moved on, or the time clashes with another one", body = shared::ApiError),
    )
)]
async fn conversations_choose(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(choice): AppJson<ChooseTime>,
) -> Result<AppJson<Conversation>, Error> {
    let (c, side) = load_for(&state, &user, &id).await?;
    let now = Utc::now();
    let chosen = c
        .conversation
        .proposed_times
        .iter()
        .find(|t| t.id == choice.time_id);
    if chosen.is_some_and(|t| t.slot.starts() <= school_time(now)) {
        return Err(FieldError::new(
            "time_id",
            words!(
                nl: "Deze tijd is al voorbij. Kies een andere tijd, of vraag om andere tijden.",
                en: "This time has already passed. Please choose another time, or ask for other times.",
                ar: "هذا الوقت قد مضى. اختر وقتًا آخر، أو اطلب أوقاتًا أخرى.",
                tr: "Bu saat geçti. Başka bir saat seçin veya başka saatler isteyin.",
                pl: "Ten termin już minął. Proszę wybrać inny termin albo poprosić o inne terminy.",
                uk: "Цей час уже минув. Виберіть інший час або попросіть інші варіанти.",
            ),
        )
        .into());
    }
    let done = state
        .store
        .agree_time(&id, &choice.time_id, &user.id, side.is_staff(), now)
        .await?;
    let c = changed(&state, &id, done, Happened::TimeAgreed, None).await?;
    Ok(AppJson(side.view(c)))
}

/// A guardian asks for other times.
#[utoipa::path(
    post,
    path = "/api/conversations/{id}/other-times",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    request_body = AskOtherTimes,
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
        (status = 403, description = "Only a guardian asks for other times", body = shared::ApiError),
        (status = 409, description = "The conversation has moved on, or the time clashes with another one", body = shared::ApiError),
    )
)]
async fn conversations_other_times(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(ask): AppJson<AskOtherTimes>,
) -> Result<AppJson<Conversation>, Error> {
    let (_, side) = load_for(&state, &user, &id).await?;
    side.require_parent()?;
    ask.validate()?;
    let done = state
        .store
        .ask_other_times(&id, &user.id, &ask.message, Utc::now())
        .await?;
    let c = changed(&state, &id, done, Happened::OtherTimesAsked, Some(&user.id)).await?;
    Ok(AppJson(for_parent(c)))
}

/// Either side cancels.
#[utoipa::path(
    post,
    path = "/api/conversations/{id}/cancel",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    request_body = CancelConversation,
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
        (status = 409, description = "The conversation has moved on, or the time clashes with another one", body = shared::ApiError),
    )
)]
async fn conversations_cancel(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(cancel): AppJson<CancelConversation>,
) -> Result<AppJson<Conversation>, Error> {
    let (_, side) = load_for(&state, &user, &id).await?;
    cancel.validate()?;
    let by_school = side.is_staff();
    let done = state
        .store
        .cancel_conversation(&id, &user.id, by_school, &cancel.reason, Utc::now())
        .await?;
    let parent = (!by_school).then_some(user.id.as_str());
    let c = changed(&state, &id, done, Happened::Cancelled { by_school }, parent).await?;
    Ok(AppJson(side.view(c)))
}

/// Staff close an agreed conversation that took place.
#[utoipa::path(
    post,
    path = "/api/conversations/{id}/outcome",
    tag = "conversations",
    params(("id" = String, Path, description = "The conversation")),
    request_body = ConversationOutcome,
    responses(
        (status = 200, description = "The conversation as it is now", body = Conversation),
        (status = 403, description = "Only the school closes a conversation", body = shared::ApiError),
        (status = 409, description = "Not agreed, or its time has not come yet", body = shared::ApiError),
    )
)]
async fn conversations_outcome(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(outcome): AppJson<ConversationOutcome>,
) -> Result<AppJson<Conversation>, Error> {
    let (c, side) = load_for(&state, &user, &id).await?;
    side.require_staff()?;
    outcome.validate()?;
    let agreed = c.conversation.agreed_time.map(|t| t.starts());
    if agreed.is_some_and(|start| start > school_time(Utc::now())) {
        return Err(Error::Conflict(words!(
            nl: "Het gesprek is nog niet geweest. Rond het af als het geweest is.",
            en: "The meeting has not taken place yet. Close it once it has.",
            ar: "لم يتم اللقاء بعد. أغلقه بعد أن يتم.",
            tr: "Görüşme henüz yapılmadı. Yapıldıktan sonra kapatın.",
            pl: "Rozmowa jeszcze się nie odbyła. Proszę ją zamknąć, gdy się odbędzie.",
            uk: "Розмова ще не відбулася. Завершіть її, коли вона відбудеться.",
        )));
    }
    let done = state
        .store
        .close_conversation(&id, &user.id, &outcome, Utc::now())
        .await?;
    let note = outcome.note_visible_to_parents && !outcome.note.trim().is_empty();
    Ok(AppJson(
        changed(&state, &id, done, Happened::Done { note }, None).await?,
    ))
}

/// `?status=open` (default) or `all`.
#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
}

/// The conversations the caller answers at this school.
#[utoipa::path(
    get,
    path = "/api/schools/{id}/conversations",
    tag = "conversations",
    params(("id" = String, Path, description = "The school"), ("status" = Option<String>, Query, description = "`open` (the default: requested, proposed, agreed) or `all`")),
    responses(
        (status = 200, description = "The conversations the caller answers at this school, the soonest first", body = Vec<Conversation>),
    )
)]
async fn schools_conversations_list(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<AppJson<Vec<Conversation>>, Error> {
    let roles = state.store.staff_roles_at(&user.id, &school_id).await?;
    if roles.is_empty() {
        return Err(Error::NotFound);
    }
    let Query(query) = query.map_err(|_| Error::bad_address())?;
    let all = match query.status.as_deref() {
        None | Some("") | Some("open") => false,
        Some("all") => true,
        Some(_) => {
            return Err(FieldError::new("status", open_or_all()).into());
        }
    };
    let scope = state
        .store
        .group_scope(&user.id, &school_id, &roles)
        .await?;
    let list = state
        .store
        .school_conversations(&school_id, &user.id, &roles, &scope, all)
        .await?;
    Ok(AppJson(list))
}

/// The school invites a child's parents, with times.
#[utoipa::path(
    post,
    path = "/api/schools/{id}/conversations",
    tag = "conversations",
    params(("id" = String, Path, description = "The school")),
    request_body = NewInvitation,
    responses(
        (status = 201, description = "The new conversation (status `proposed`)", body = Conversation),
        (status = 200, description = "The conversation stored earlier under the same idempotency key", body = Conversation),
        (status = 403, description = "Your role cannot invite on behalf of this person (`field`: `with`)", body = shared::ApiError),
        (status = 409, description = "A time clashes with another conversation", body = shared::ApiError),
    )
)]
async fn schools_conversations_invite(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(school_id): Path<String>,
    AppJson(new): AppJson<NewInvitation>,
) -> Result<(StatusCode, AppJson<Conversation>), Error> {
    let roles = state.store.staff_roles_at(&user.id, &school_id).await?;
    if roles.is_empty() {
        return Err(Error::NotFound);
    }
    let store = &state.store;
    if let Some(id) = store
        .conversation_by_key(&user.id, &new.idempotency_key)
        .await?
    {
        return Ok((
            StatusCode::OK,
            AppJson(load(&state, &id).await?.conversation),
        ));
    }
    new.validate(school_time(Utc::now()))?;
    let answers = roles
        .iter()
        .any(|r| *r == new.with.answered_by() || *r == StaffRoleKind::SchoolAdmin);
    if !answers {
        return Err(Error::Forbidden {
            field: Some("with"),
            message: words!(
                nl: "Met uw rol op deze school kunt u niet namens deze persoon uitnodigen.",
                en: "With your role at this school, you cannot invite on behalf of this person.",
                ar: "بدورك في هذه المدرسة لا يمكنك الدعوة نيابة عن هذا الشخص.",
                tr: "Bu okuldaki rolünüzle bu kişi adına davet gönderemezsiniz.",
                pl: "Z tą rolą w tej szkole nie można zapraszać w imieniu tej osoby.",
                uk: "З вашою роллю в цій школі ви не можете запрошувати від імені цієї людини.",
            ),
        });
    }
    // A teacher who sees only their own groups invites for those only.
    let scope = store.group_scope(&user.id, &school_id, &roles).await?;
    check_pupil(&state, &school_id, &scope, &new.pupil_id).await?;
    if store
        .first_clash(&new.times, &user.id, &new.pupil_id, "")
        .await?
        .is_some()
    {
        return Err(clash());
    }
    let (id, created) = store.save_invitation(&user.id, &new, Utc::now()).await?;
    let c = load(&state, &id).await?;
    if created {
        tell(&state, &c, Happened::Invited, None).await?;
    }
    Ok((created_or_ok(created), AppJson(c.conversation)))
}

/// Which side the caller is on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Parent,
    Staff,
}

impl Side {
    fn is_staff(self) -> bool {
        self == Side::Staff
    }

    fn require_staff(self) -> Result<(), Error> {
        self.require(Side::Staff, only_school())
    }

    fn require_parent(self) -> Result<(), Error> {
        self.require(Side::Parent, only_parents())
    }

    fn require(self, side: Side, message: Words) -> Result<(), Error> {
        if self == side {
            Ok(())
        } else {
            Err(Error::Forbidden {
                field: None,
                message,
            })
        }
    }

    /// The conversation as this side may see it.
    fn view(self, conversation: Conversation) -> Conversation {
        match self {
            Side::Parent => for_parent(conversation),
            Side::Staff => conversation,
        }
    }
}

/// Leaves out the school's note unless the school shares it.
fn for_parent(mut conversation: Conversation) -> Conversation {
    if !conversation.outcome_note_visible_to_parents {
        conversation.outcome_note = None;
    }
    conversation
}

/// The conversation and the caller's side; `404` for those who do not see
/// it (or `403` for staff of the school whose role does not answer it).
/// Someone both guardian and staff acts as staff.
async fn load_for(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<(ConversationAtSchool, Side), Error> {
    let c = load(state, id).await?;
    let roles = state.store.staff_roles_at(&user.id, &c.school_id).await?;
    let scope = state
        .store
        .group_scope(&user.id, &c.school_id, &roles)
        .await?;
    let answers = (scope.includes(&c.group_id)
        && roles
            .iter()
            .any(|r| *r == c.conversation.with.answered_by() || *r == StaffRoleKind::SchoolAdmin))
        || c.handled_by_id.as_deref() == Some(user.id.as_str());
    let guardian = state
        .store
        .is_guardian(&user.id, &c.conversation.pupil_id)
        .await?
        && c.shown_to_guardian(&user.id);
    let standing = Standing { guardian, roles };
    standing.require(
        answers || guardian,
        words!(
            nl: "Dit gesprek is voor een andere collega op school.",
            en: "This meeting is for another colleague at the school.",
            ar: "هذا اللقاء لزميل آخر في المدرسة.",
            tr: "Bu görüşme okuldaki başka bir meslektaş için.",
            pl: "Ta rozmowa jest dla innej osoby z zespołu szkoły.",
            uk: "Ця розмова для іншого колеги в школі.",
        ),
    )?;
    let side = if answers { Side::Staff } else { Side::Parent };
    Ok((c, side))
}

async fn load(state: &AppState, id: &str) -> Result<ConversationAtSchool, Error> {
    state.store.conversation(id).await?.ok_or(Error::NotFound)
}

/// The answer to a change: `409` or `422` when it was not made; else the
/// conversation as it is now, after telling everyone involved.
async fn changed(
    state: &AppState,
    id: &str,
    done: Result<(), NotChanged>,
    happened: Happened,
    acting_parent: Option<&str>,
) -> Result<Conversation, Error> {
    match done {
        Ok(()) => {}
        Err(NotChanged::WrongStatus) => {
            return Err(Error::Conflict(words!(
                nl: "Dit kan nu niet meer: het gesprek is intussen veranderd. Laad de pagina opnieuw.",
                en: "This is no longer possible: the meeting has changed in the meantime. Please reload the page.",
                ar: "لم يعد هذا ممكنًا: تغيّر اللقاء في هذه الأثناء. أعد تحميل الصفحة.",
                tr: "Bu artık yapılamaz: görüşme bu arada değişti. Lütfen sayfayı yeniden yükleyin.",
                pl: "To już niemożliwe: rozmowa w międzyczasie się zmieniła. Proszę odświeżyć stronę.",
                uk: "Це вже неможливо: розмова тим часом змінилася. Оновіть сторінку.",
            )))
        }
        Err(NotChanged::UnknownTime) => {
            return Err(FieldError::new(
                "time_id",
                words!(
                    nl: "Kies een van de voorgestelde tijden.",
                    en: "Please choose one of the suggested times.",
                    ar: "اختر أحد الأوقات المقترحة.",
                    tr: "Önerilen saatlerden birini seçin.",
                    pl: "Proszę wybrać jeden z proponowanych terminów.",
                    uk: "Виберіть один із запропонованих варіантів часу.",
                ),
            )
            .into())
        }
        Err(NotChanged::Clash) => return Err(clash()),
    }
    let c = load(state, id).await?;
    tell(state, &c, happened, acting_parent).await?;
    Ok(c.conversation)
}

fn clash() -> Error {
    Error::Conflict(words!(
        nl: "Op die tijd staat al een ander gesprek vast. Kies een andere tijd, of vraag om andere tijden.",
        en: "Another meeting is already set at that time. Please choose another time, or ask for other times.",
        ar: "يوجد لقاء آخر محدد في ذلك الوقت. اختر وقتًا آخر، أو اطلب أوقاتًا أخرى.",
        tr: "O saatte zaten başka bir görüşme var. Başka bir saat seçin veya başka saatler isteyin.",
        pl: "Na ten termin jest już ustalona inna rozmowa. Proszę wybrać inny termin albo poprosić o inne terminy.",
        uk: "На цей час уже призначена інша розмова. Виберіть інший час або попросіть інші варіанти.",
    ))
}

/// What changed, for the mail.
#[derive(Clone, Copy, Debug)]
enum Happened {
    Requested,
    Invited,
    TimesProposed,
    OtherTimesAsked,
    TimeAgreed,
    Cancelled { by_school: bool },
    Done { note: bool },
}

/// Tells everyone involved about a change, by e-mail.
/// `acting_parent`: the guardian who made the change, if one did.
async fn tell(
    state: &AppState,
    c: &ConversationAtSchool,
    happened: Happened,
    acting_parent: Option<&str>,
) -> Result<(), Error> {
    let conversation = &c.conversation;
    let times = conversation.proposed_times.len();
    let kind = match happened {
        Happened::Requested => NoticeKind::Requested,
        Happened::Invited => NoticeKind::Invited { times },
        Happened::TimesProposed => NoticeKind::TimesProposed { times },
        Happened::OtherTimesAsked => NoticeKind::OtherTimesAsked,
        Happened::TimeAgreed => {
            let Some(slot) = conversation.agreed_time else {
                return Err(Error::Internal(
                    "an agreed conversation without a time".into(),
                ));
            };
            NoticeKind::TimeAgreed {
                day: slot.day,
                start: slot.start_time,
                end: slot.end_time,
            }
        }
        Happened::Cancelled { by_school } => NoticeKind::Cancelled { by_school },
        Happened::Done { note } => NoticeKind::Done { note },
    };
    let notice = Notice {
        kind,
        child_first_name: conversation.pupil_first_name.clone(),
        school_name: conversation.school_name.clone(),
        parent_path: format!("/gesprekken/{}", conversation.id),
        staff_path: format!("/school/gesprekken/{}", conversation.id),
    };
    let recipients = state
        .store
        .conversation_recipients(c, acting_parent)
        .await?;
    state.mail.notify(&recipients, &notice).await
}
