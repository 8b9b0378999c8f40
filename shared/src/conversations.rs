//! Conversations between parents and the school, as equal partners, with
//! the child present where that helps.
//!
//! A parent asks for one ([`NewConversation`]), or the school invites the
//! parents ([`NewInvitation`]). The school proposes times, the parent picks
//! one (or asks for others), and after the conversation the school closes
//! it, with a note the parents may read. Either side can cancel, with a
//! reason. The closed sets, their texts and the checks are here once, so
//! the app and the server agree.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::messages::{reason_too_long, unknown_child};
use crate::protocol::{Role, SchoolKind};
use crate::validation::{check_idempotency_key, done};
use crate::words;

/// The longest message, reason or note, in characters.
pub const MAX_CONVERSATION_TEXT_CHARS: usize = 500;
/// The most times the school proposes at once.
pub const MAX_PROPOSED_TIMES: usize = 5;
/// The longest conversation, in minutes.
pub const MAX_CONVERSATION_MINUTES: i64 = 180;
/// Times can be proposed up to this many days ahead.
pub const MAX_DAYS_AHEAD: u64 = 180;

named_set! {
    /// Whom the parents talk with.
    ConversationWith {
        /// The group teacher (primary school) or the mentor (secondary).
        Mentor => "mentor",
        /// The intern begeleider (primary) or the care coordinator.
        CareCoordinator => "care_coordinator",
        AttendanceDesk => "attendance_desk",
        Director => "director",
        /// The municipality's leerplichtambtenaar, through the school.
        AttendanceOfficer => "attendance_officer",
    }
}

impl ConversationWith {
    /// Plain Dutch, with the article: "De mentor".
    pub fn label(self, school: SchoolKind) -> &'static str {
        match (self, school) {
            (Self::Mentor, SchoolKind::Po) => "De leerkracht",
            (Self::Mentor, SchoolKind::Vo) => "De mentor",
            (Self::CareCoordinator, SchoolKind::Po) => "De intern begeleider (IB)",
            (Self::CareCoordinator, SchoolKind::Vo) => "De zorgcoördinator",
            (Self::AttendanceDesk, _) => "De verzuimbalie of administratie",
            (Self::Director, _) => "De directeur",
            (Self::AttendanceOfficer, _) => "De leerplichtambtenaar, via de school",
        }
    }

    /// The same before the kind of school is known: "De leerkracht of mentor".
    pub fn label_any_school(self) -> &'static str {
        match self {
            Self::Mentor => "De leerkracht of mentor",
            Self::CareCoordinator => "De intern begeleider of zorgcoördinator",
            other => other.label(SchoolKind::Vo),
        }
    }

    /// When to choose this person, in one plain sentence.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Mentor => "Kent uw kind in de klas. Vaak de beste eerste stap.",
            Self::CareCoordinator => {
                "Helpt als uw kind vaak ziek is, of als het niet goed gaat."
            }
            Self::AttendanceDesk => "Voor vragen over meldingen en afwezigheid.",
            Self::Director => "Als u er met de anderen niet uitkomt.",
            Self::AttendanceOfficer => {
                "Werkt bij de gemeente. Helpt als uw kind niet naar school gaat. De school regelt het gesprek."
            }
        }
    }

    /// The staff role at the school that answers these requests.
    pub fn answered_by(self) -> crate::StaffRoleKind {
        use crate::StaffRoleKind as Staff;
        match self {
            Self::Mentor => Staff::Teacher,
            Self::CareCoordinator => Staff::CareCoordinator,
            Self::AttendanceDesk | Self::AttendanceOfficer => Staff::AttendanceDesk,
            Self::Director => Staff::Director,
        }
    }

    /// Whom to ask for a conversation a protocol step speaks of.
    pub fn for_step_role(role: Role) -> Self {
        match role {
            Role::Teacher | Role::Mentor => Self::Mentor,
            Role::InternBegeleider | Role::CareCoordinator | Role::SchoolDoctor => {
                Self::CareCoordinator
            }
            Role::AttendanceDesk => Self::AttendanceDesk,
            Role::Director => Self::Director,
            Role::AttendanceOfficer => Self::AttendanceOfficer,
        }
    }

    /// The people a staff member with `role` answers for.
    pub fn answered_by_role(role: crate::StaffRoleKind) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|w| w.answered_by() == role)
            .collect()
    }
}

named_set! {
    /// What the conversation is about.
    ConversationTopic {
        Absence => "absence",
        /// How the child is doing.
        Wellbeing => "wellbeing",
        /// The child finds it hard to go to school.
        HardToGo => "hard_to_go",
        Leave => "leave",
        Other => "other",
    }
}

impl ConversationTopic {
    /// Plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Self::Absence => "Afwezigheid",
            Self::Wellbeing => "Hoe het met mijn kind gaat",
            Self::HardToGo => "Mijn kind vindt het moeilijk om naar school te gaan",
            Self::Leave => "Verlof",
            Self::Other => "Iets anders",
        }
    }
}

named_set! {
    /// How the conversation takes place.
    MeetingMode {
        AtSchool => "at_school",
        Phone => "phone",
        Video => "video",
    }
}

impl MeetingMode {
    /// Plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Self::AtSchool => "Op school",
            Self::Phone => "Telefonisch",
            Self::Video => "Met video",
        }
    }
}

named_set! {
    /// A part of a school day that suits the parents.
    DayPart {
        Morning => "morning",
        Afternoon => "afternoon",
        AfterSchool => "after_school",
    }
}

impl DayPart {
    /// Plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Self::Morning => "Ochtend",
            Self::Afternoon => "Middag",
            Self::AfterSchool => "Na schooltijd",
        }
    }
}

named_set! {
    /// A school day of the week.
    SchoolDay {
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
    }
}

impl SchoolDay {
    /// Plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Self::Monday => "Maandag",
            Self::Tuesday => "Dinsdag",
            Self::Wednesday => "Woensdag",
            Self::Thursday => "Donderdag",
            Self::Friday => "Vrijdag",
        }
    }

    pub fn weekday(self) -> Weekday {
        match self {
            Self::Monday => Weekday::Mon,
            Self::Tuesday => Weekday::Tue,
            Self::Wednesday => Weekday::Wed,
            Self::Thursday => Weekday::Thu,
            Self::Friday => Weekday::Fri,
        }
    }
}

named_set! {
    /// Where a conversation stands.
    ConversationStatus {
        /// Asked for; the school has not proposed a time (yet, or again).
        Requested => "requested",
        /// The school proposed times; the parents pick one.
        Proposed => "proposed",
        /// A time is agreed.
        Agreed => "agreed",
        /// It took place, and the school closed it.
        Done => "done",
        Cancelled => "cancelled",
    }
}

impl ConversationStatus {
    /// One or two words, for a list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Requested => "Verstuurd",
            Self::Proposed => "Tijden voorgesteld",
            Self::Agreed => "Afgesproken",
            Self::Done => "Geweest",
            Self::Cancelled => "Afgezegd",
        }
    }

    /// What it means for the parent, in a sentence or two.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Requested => "De school zoekt een paar tijden en laat ze hier zien. U krijgt dan een e-mail.",
            Self::Proposed => "De school heeft tijden voorgesteld. Kies de tijd die u past, of vraag om andere tijden.",
            Self::Agreed => "De tijd staat vast. Past het toch niet? Vraag dan om een andere tijd.",
            Self::Done => "Het gesprek is geweest.",
            Self::Cancelled => "Dit gesprek gaat niet door.",
        }
    }

    /// The same as [`Self::label`], for the school, where a request asks
    /// something of them: "Stel tijden voor".
    pub fn school_label(self) -> &'static str {
        match self {
            Self::Requested => "Stel tijden voor",
            Self::Proposed => "Tijden voorgesteld",
            Self::Agreed => "Afgesproken",
            Self::Done => "Geweest",
            Self::Cancelled => "Afgezegd",
        }
    }

    /// The same as [`Self::explanation`], for the school.
    pub fn school_explanation(self) -> &'static str {
        match self {
            Self::Requested => "Stel een paar tijden voor. De ouders kiezen er één.",
            Self::Proposed => "De ouders kiezen een tijd. U kunt ook zelf een tijd bevestigen, als u die samen al heeft afgesproken.",
            Self::Agreed => "De tijd staat vast. Rond het gesprek af als het is geweest.",
            Self::Done => "Het gesprek is geweest.",
            Self::Cancelled => "Dit gesprek gaat niet door.",
        }
    }

    /// Still going: requested, proposed or agreed.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Requested | Self::Proposed | Self::Agreed)
    }
}

/// Why the child joins: shown beside the choice.
pub const CHILD_JOINS_WHY: &str = "Het gaat over uw kind. Als uw kind erbij is, kan het zelf vertellen wat het nodig heeft. Samen vindt u vaak sneller iets dat helpt.";

/// `POST /api/conversations`: a parent asks for a conversation about one
/// of their children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewConversation {
    pub pupil_id: String,
    pub with: ConversationWith,
    pub topic: ConversationTopic,
    /// Whether the child joins (the form's default: yes).
    pub child_joins: bool,
    pub mode: MeetingMode,
    /// The days that suit; empty: any school day.
    #[serde(default)]
    pub days: Vec<SchoolDay>,
    /// The parts of the day that suit; empty: any.
    #[serde(default)]
    pub day_parts: Vec<DayPart>,
    /// A short message for the school; may be empty. Never medical details.
    #[serde(default)]
    pub message: String,
    /// Whether the child's other guardians may see it too, where the school
    /// allows that. A separated parent can keep their own.
    pub shared_with_guardians: bool,
    /// Made once by the app per attempt: a retry with the same key returns
    /// the conversation stored the first time.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewConversation {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        errors.extend(check_pupil_id(&self.pupil_id));
        // Each at most once: so the lists stay as short as the form's.
        if has_repeats(&self.days) {
            errors.push(FieldError::new("days", chosen_twice()));
        }
        if has_repeats(&self.day_parts) {
            errors.push(FieldError::new("day_parts", chosen_twice()));
        }
        errors.extend(check_message(&self.message));
        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }
}

fn has_repeats<T: PartialEq>(list: &[T]) -> bool {
    list.iter().enumerate().any(|(i, x)| list[..i].contains(x))
}

fn chosen_twice() -> Words {
    words!(
        nl: "U heeft iets twee keer gekozen. Kies elke keuze maar één keer.",
        en: "You chose something twice. Please choose each option only once.",
        ar: "اخترت شيئًا مرتين. اختر كل خيار مرة واحدة فقط.",
        tr: "Bir şeyi iki kez seçtiniz. Her seçeneği yalnızca bir kez seçin.",
        pl: "Coś zostało wybrane dwa razy. Proszę wybrać każdą opcję tylko raz.",
        uk: "Ви вибрали щось двічі. Виберіть кожен варіант лише один раз.",
    )
}

/// One time a conversation could take place, in the school's local time
/// (Europe/Amsterdam), as on every screen and in every mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimeSlot {
    pub day: NaiveDate,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: NaiveTime,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: NaiveTime,
}

impl TimeSlot {
    pub fn starts(&self) -> NaiveDateTime {
        self.day.and_time(self.start_time)
    }

    pub fn ends(&self) -> NaiveDateTime {
        self.day.and_time(self.end_time)
    }

    /// Whether the two share a moment (touching ends do not).
    pub fn overlaps(&self, other: &TimeSlot) -> bool {
        self.starts() < other.ends() && other.starts() < self.ends()
    }
}

/// A proposed time as stored, with its id to pick it by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposedTime {
    pub id: String,
    #[serde(flatten)]
    pub slot: TimeSlot,
}

/// `POST /api/conversations/{id}/times`: the school proposes times (and
/// so replaces any it proposed before).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposeTimes {
    pub times: Vec<TimeSlot>,
    /// A short message with the times, e.g. the room; may be empty.
    #[serde(default)]
    pub message: String,
}

impl ProposeTimes {
    /// `now` is the school's local time.
    pub fn validate(&self, now: NaiveDateTime) -> Result<(), Vec<FieldError>> {
        let mut errors = check_times(&self.times, now);
        errors.extend(check_message(&self.message));
        done(errors)
    }
}

/// `POST /api/schools/{id}/conversations`: the school invites a child's
/// parents, with times to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInvitation {
    pub pupil_id: String,
    pub with: ConversationWith,
    pub topic: ConversationTopic,
    pub child_joins: bool,
    pub mode: MeetingMode,
    pub times: Vec<TimeSlot>,
    /// Why the school invites, in a few kind words; may be empty.
    #[serde(default)]
    pub message: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewInvitation {
    /// `now` is the school's local time.
    pub fn validate(&self, now: NaiveDateTime) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        errors.extend(check_pupil_id(&self.pupil_id));
        errors.extend(check_times(&self.times, now));
        errors.extend(check_message(&self.message));
        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }
}

/// `POST /api/conversations/{id}/choice`: a parent picks a proposed time,
/// or a staff member confirms one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChooseTime {
    pub time_id: String,
}

/// `POST /api/conversations/{id}/other-times`: none of the times suits the
/// parent (or the agreed one no longer does).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskOtherTimes {
    /// What would suit better; required, so the school can find a time.
    pub message: String,
}

impl AskOtherTimes {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        done(
            check_text(
                "message",
                &self.message,
                Some(words!(
                    nl: "Schrijf kort welke dagen of tijden u beter passen.",
                    en: "Please write in a few words which days or times suit you better.",
                    ar: "اكتب باختصار أي أيام أو أوقات تناسبك أكثر.",
                    tr: "Size hangi gün veya saatlerin daha uygun olduğunu kısaca yazın.",
                    pl: "Proszę krótko napisać, jakie dni lub godziny bardziej Państwu pasują.",
                    uk: "Коротко напишіть, які дні або години вам більше підходять.",
                )),
                message_too_long(),
            )
            .into_iter()
            .collect(),
        )
    }
}

/// `POST /api/conversations/{id}/cancel`: either side calls it off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancelConversation {
    pub reason: String,
}

impl CancelConversation {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        done(
            check_text(
                "reason",
                &self.reason,
                Some(words!(
                    nl: "Schrijf kort waarom het gesprek niet doorgaat. De ander leest dat.",
                    en: "Please write in a few words why the meeting is not going ahead. The other person will read it.",
                    ar: "اكتب باختصار لماذا لن يتم اللقاء. سيقرأ الطرف الآخر ذلك.",
                    tr: "Görüşmenin neden yapılmayacağını kısaca yazın. Karşı taraf bunu okur.",
                    pl: "Proszę krótko napisać, dlaczego rozmowa się nie odbędzie. Druga strona to przeczyta.",
                    uk: "Коротко напишіть, чому розмова не відбудеться. Інша сторона це прочитає.",
                )),
                reason_too_long(),
            )
            .into_iter()
            .collect(),
        )
    }
}

/// `POST /api/conversations/{id}/outcome`: the school closes a conversation
/// that took place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationOutcome {
    /// What was agreed, in a few sentences; may be empty.
    #[serde(default)]
    pub note: String,
    /// Whether the parents may read the note.
    pub note_visible_to_parents: bool,
}

impl ConversationOutcome {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        done(
            check_text(
                "note",
                &self.note,
                None,
                words!(
                    nl: "De notitie is te lang. Gebruik hoogstens 500 tekens.",
                    en: "The note is too long. Please use 500 characters at most.",
                    ar: "الملاحظة طويلة جدًا. استخدم 500 حرف على الأكثر.",
                    tr: "Not çok uzun. En fazla 500 karakter kullanın.",
                    pl: "Notatka jest za długa. Proszę użyć najwyżej 500 znaków.",
                    uk: "Нотатка задовга. Використайте не більше 500 символів.",
                ),
            )
            .into_iter()
            .collect(),
        )
    }
}

named_set! {
    /// What happened to a conversation, for its history.
    ConversationEventKind {
        Requested => "requested",
        Invited => "invited",
        TimesProposed => "times_proposed",
        OtherTimesAsked => "other_times_asked",
        TimeAgreed => "time_agreed",
        Cancelled => "cancelled",
        Done => "done",
    }
}

impl ConversationEventKind {
    /// Plain Dutch, for the history: "Tijden voorgesteld".
    pub fn label(self) -> &'static str {
        match self {
            Self::Requested => "Gesprek aangevraagd",
            Self::Invited => "Uitgenodigd door de school",
            Self::TimesProposed => "Tijden voorgesteld",
            Self::OtherTimesAsked => "Andere tijden gevraagd",
            Self::TimeAgreed => "Tijd afgesproken",
            Self::Cancelled => "Afgezegd",
            Self::Done => "Gesprek geweest",
        }
    }
}

/// One change in a conversation's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConversationEvent {
    pub kind: ConversationEventKind,
    pub at: DateTime<Utc>,
    /// The name of who did it.
    pub by: String,
    /// Whether a staff member did it.
    pub by_school: bool,
    /// The message or reason that came with it, if any.
    pub message: Option<String>,
}

/// A conversation as its parents and the school see it
/// (`GET /api/conversations/{id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversation {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub pupil_last_name: String,
    pub group_name: String,
    pub school_name: String,
    pub school_kind: SchoolKind,
    pub with: ConversationWith,
    pub topic: ConversationTopic,
    pub child_joins: bool,
    pub mode: MeetingMode,
    pub days: Vec<SchoolDay>,
    pub day_parts: Vec<DayPart>,
    /// True when the school invited; false when a parent asked.
    pub initiated_by_school: bool,
    /// The name of the parent who asked, or the staff member who invited.
    pub started_by: String,
    pub started_at: DateTime<Utc>,
    /// The first message (a parent's question or the school's invitation).
    pub message: Option<String>,
    /// Whether all of the child's guardians see it.
    pub shared_with_guardians: bool,
    pub status: ConversationStatus,
    /// The times to choose from, soonest first, while `status` is
    /// `proposed`; empty otherwise.
    pub proposed_times: Vec<ProposedTime>,
    /// The time agreed, while `status` is `agreed` (and after `done`).
    pub agreed_time: Option<TimeSlot>,
    /// The staff member who looks after it, once someone does.
    pub handled_by: Option<String>,
    /// The school's note after the conversation. Parents get it only when
    /// the school chose to share it.
    pub outcome_note: Option<String>,
    pub outcome_note_visible_to_parents: bool,
    /// Everything that happened, oldest first.
    pub history: Vec<ConversationEvent>,
}

impl Conversation {
    /// The person, in plain Dutch: "De mentor".
    pub fn with_label(&self) -> &'static str {
        self.with.label(self.school_kind)
    }
}

fn check_pupil_id(pupil_id: &str) -> Option<FieldError> {
    if pupil_id.is_empty() {
        Some(FieldError::new(
            "pupil_id",
            words!(
                nl: "Kies over welk kind het gaat.",
                en: "Please choose which child it is about.",
                ar: "اختر الطفل الذي يتعلق به الأمر.",
                tr: "Hangi çocukla ilgili olduğunu seçin.",
                pl: "Proszę wybrać dziecko, którego to dotyczy.",
                uk: "Виберіть, якої дитини це стосується.",
            ),
        ))
    } else if pupil_id.len() > 64 {
        Some(FieldError::new("pupil_id", unknown_child()))
    } else {
        None
    }
}

/// An optional message: at most 500 characters.
fn check_message(message: &str) -> Option<FieldError> {
    check_text("message", message, None, message_too_long())
}

fn message_too_long() -> Words {
    words!(
        nl: "Het bericht is te lang. Gebruik hoogstens 500 tekens.",
        en: "The message is too long. Please use 500 characters at most.",
        ar: "الرسالة طويلة جدًا. استخدم 500 حرف على الأكثر.",
        tr: "Mesaj çok uzun. En fazla 500 karakter kullanın.",
        pl: "Wiadomość jest za długa. Proszę użyć najwyżej 500 znaków.",
        uk: "Повідомлення задовге. Використайте не більше 500 символів.",
    )
}

/// A free text: at most 500 characters once trimmed, and not empty when
/// `when_empty` says so.
fn check_text(
    field: &'static str,
    text: &str,
    when_empty: Option<Words>,
    too_long: Words,
) -> Option<FieldError> {
    let text = text.trim();
    match when_empty {
        Some(message) if text.is_empty() => Some(FieldError::new(field, message)),
        _ if text.chars().count() > MAX_CONVERSATION_TEXT_CHARS => {
            Some(FieldError::new(field, too_long))
        }
        _ => None,
    }
}

/// Proposed times: 1 to 5, each in the future (school time `now`) and
/// within 180 days, ending after it starts and within 3 hours, and not
/// overlapping each other.
fn check_times(times: &[TimeSlot], now: NaiveDateTime) -> Vec<FieldError> {
    let fail = |message: Words| vec![FieldError::new("times", message)];
    if times.is_empty() {
        return fail(words!(
            nl: "Stel minstens één tijd voor.",
            en: "Please suggest at least one time.",
            ar: "اقترح وقتًا واحدًا على الأقل.",
            tr: "En az bir saat önerin.",
            pl: "Proszę zaproponować co najmniej jeden termin.",
            uk: "Запропонуйте хоча б один час.",
        ));
    }
    if times.len() > MAX_PROPOSED_TIMES {
        return fail(words!(
            nl: "Stel hoogstens 5 tijden tegelijk voor.",
            en: "Please suggest 5 times at most at once.",
            ar: "اقترح 5 أوقات على الأكثر في المرة الواحدة.",
            tr: "Aynı anda en fazla 5 saat önerin.",
            pl: "Proszę zaproponować najwyżej 5 terminów naraz.",
            uk: "Запропонуйте не більше 5 варіантів часу одночасно.",
        ));
    }
    let latest = now.date() + Days::new(MAX_DAYS_AHEAD);
    for (i, slot) in times.iter().enumerate() {
        let minutes = (slot.ends() - slot.starts()).num_minutes();
        let n = i + 1;
        let problem = if slot.starts() <= now {
            Some(words!(
                nl: "Tijd {n} ligt in het verleden. Kies een moment dat nog moet komen.",
                en: "Time {n} is in the past. Please choose a moment still to come.",
                ar: "الوقت {n} في الماضي. اختر وقتًا في المستقبل.",
                tr: "{n}. saat geçmişte kaldı. Henüz gelmemiş bir zaman seçin.",
                pl: "Termin {n} już minął. Proszę wybrać termin w przyszłości.",
                uk: "Час {n} уже минув. Виберіть час у майбутньому.",
            ))
        } else if slot.day > latest {
            Some(words!(
                nl: "Tijd {n} is meer dan een half jaar vooruit. Kies een eerdere dag.",
                en: "Time {n} is more than half a year ahead. Please choose an earlier day.",
                ar: "الوقت {n} بعد أكثر من نصف سنة. اختر يومًا أقرب.",
                tr: "{n}. saat altı aydan daha ileride. Daha erken bir gün seçin.",
                pl: "Termin {n} jest za ponad pół roku. Proszę wybrać wcześniejszy dzień.",
                uk: "Час {n} більш ніж через пів року. Виберіть раніший день.",
            ))
        } else if minutes <= 0 {
            Some(words!(
                nl: "Tijd {n} eindigt niet na het begin.",
                en: "Time {n} does not end after it starts.",
                ar: "الوقت {n} لا ينتهي بعد بدايته.",
                tr: "{n}. saat, başladıktan sonra bitmiyor.",
                pl: "Termin {n} nie kończy się po swoim początku.",
                uk: "Час {n} не закінчується після початку.",
            ))
        } else if minutes > MAX_CONVERSATION_MINUTES {
            Some(words!(
                nl: "Tijd {n} duurt langer dan 3 uur.",
                en: "Time {n} lasts longer than 3 hours.",
                ar: "الوقت {n} أطول من 3 ساعات.",
                tr: "{n}. saat 3 saatten uzun sürüyor.",
                pl: "Termin {n} trwa dłużej niż 3 godziny.",
                uk: "Час {n} триває довше ніж 3 години.",
            ))
        } else if times[..i].iter().any(|t| t.overlaps(slot)) {
            Some(words!(
                nl: "Tijd {n} valt samen met een andere voorgestelde tijd.",
                en: "Time {n} overlaps with another suggested time.",
                ar: "الوقت {n} يتداخل مع وقت مقترح آخر.",
                tr: "{n}. saat, önerilen başka bir saatle çakışıyor.",
                pl: "Termin {n} nakłada się na inny proponowany termin.",
                uk: "Час {n} збігається з іншим запропонованим часом.",
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            return fail(problem);
        }
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(day: &str, start: &str, end: &str) -> TimeSlot {
        TimeSlot {
            day: day.parse().unwrap(),
            start_time: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
            end_time: NaiveTime::parse_from_str(end, "%H:%M").unwrap(),
        }
    }

    /// Tuesday 24 November 2026, 9:00 at school.
    fn now() -> NaiveDateTime {
        "2026-11-24T09:00:00".parse().unwrap()
    }

    fn times_problem(times: &[TimeSlot]) -> Option<String> {
        check_times(times, now())
            .pop()
            .map(|e| e.message.dutch().to_owned())
    }

    #[test]
    fn proposed_times_must_be_ahead_short_and_apart() {
        assert_eq!(times_problem(&[slot("2026-11-24", "09:30", "10:00")]), None);
        assert_eq!(
            times_problem(&[
                slot("2026-11-25", "10:00", "10:30"),
                slot("2026-11-25", "10:30", "11:00"),
            ]),
            None
        );
        let cases: &[(&[TimeSlot], &str)] = &[
            (&[], "minstens één"),
            (&[slot("2026-11-24", "08:30", "09:00")], "verleden"),
            (&[slot("2026-11-24", "09:00", "09:30")], "verleden"),
            (&[slot("2027-06-01", "09:00", "09:30")], "half jaar"),
            (&[slot("2026-11-25", "10:00", "10:00")], "niet na het begin"),
            (&[slot("2026-11-25", "10:00", "13:01")], "3 uur"),
            (
                &[
                    slot("2026-11-25", "10:00", "10:30"),
                    slot("2026-11-25", "10:15", "10:45"),
                ],
                "Tijd 2 valt samen",
            ),
        ];
        for (times, expected) in cases {
            let problem = times_problem(times).unwrap_or_default();
            assert!(problem.contains(expected), "{times:?}: {problem}");
        }
        let six = vec![slot("2026-11-25", "10:00", "10:30"); 6];
        assert!(times_problem(&six).unwrap().contains("hoogstens 5"));
    }

    #[test]
    fn texts_have_limits() {
        let ask = |message: &str| AskOtherTimes {
            message: message.into(),
        };
        assert!(ask("Liever op woensdag").validate().is_ok());
        assert_eq!(ask("  ").validate().unwrap_err()[0].field, "message");
        assert!(ask(&"é".repeat(500)).validate().is_ok());
        assert!(ask(&"é".repeat(501)).validate().is_err());
        let cancel = CancelConversation { reason: "".into() };
        assert_eq!(cancel.validate().unwrap_err()[0].field, "reason");
        let outcome = ConversationOutcome {
            note: "".into(),
            note_visible_to_parents: false,
        };
        assert!(outcome.validate().is_ok());
    }

    #[test]
    fn a_request_names_a_child_and_a_key() {
        let request = NewConversation {
            pupil_id: "p1".into(),
            with: ConversationWith::Mentor,
            topic: ConversationTopic::Absence,
            child_joins: true,
            mode: MeetingMode::AtSchool,
            days: vec![SchoolDay::Wednesday],
            day_parts: vec![],
            message: String::new(),
            shared_with_guardians: true,
            idempotency_key: "0123456789abcdef-key".into(),
        };
        assert!(request.validate().is_ok());
        let fields = |r: NewConversation| -> Vec<&str> {
            r.validate().unwrap_err().iter().map(|e| e.field).collect()
        };
        assert_eq!(
            fields(NewConversation {
                pupil_id: String::new(),
                message: "x".repeat(501),
                idempotency_key: "kort".into(),
                ..request.clone()
            }),
            ["pupil_id", "message", "idempotency_key"]
        );
    }

    #[test]
    fn names_round_trip_and_unknown_ones_are_refused() {
        for with in ConversationWith::ALL {
            assert_eq!(ConversationWith::parse(with.as_str()), Some(*with));
            assert!(with.hint().ends_with('.'));
        }
        for status in ConversationStatus::ALL {
            assert_eq!(ConversationStatus::parse(status.as_str()), Some(*status));
        }
        assert!(serde_json::from_str::<ConversationWith>("\"janitor\"").is_err());
        assert_eq!(
            serde_json::to_value(ConversationTopic::HardToGo).unwrap(),
            "hard_to_go"
        );
    }

    #[test]
    fn every_step_role_has_someone_to_talk_to_and_every_person_a_staff_role() {
        for role in Role::ALL {
            let with = ConversationWith::for_step_role(role);
            assert!(ConversationWith::answered_by_role(with.answered_by()).contains(&with));
        }
        assert_eq!(
            ConversationWith::for_step_role(Role::AttendanceOfficer).answered_by(),
            crate::StaffRoleKind::AttendanceDesk
        );
    }

    #[test]
    fn touching_slots_do_not_overlap() {
        let a = slot("2026-12-01", "10:00", "10:30");
        assert!(!a.overlaps(&slot("2026-12-01", "10:30", "11:00")));
        assert!(a.overlaps(&slot("2026-12-01", "10:29", "11:00")));
        assert!(!a.overlaps(&slot("2026-12-02", "10:00", "10:30")));
    }
}
