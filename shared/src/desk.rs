//! The school's side: the attendance desk (reports per group, acknowledging
//! them, marking a pupil absent, late arrivals), the signals of the protocol
//! engine, and the audit log (docs/API.md, "The attendance desk").
//!
//! Who may do what is [`DeskAction::allowed`]: one table for the server and
//! for the app (to hide what a role cannot do).

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::messages::{end_before_start, no_note_for_illness, note_too_long};
use crate::protocol::{AbsenceCategory, Role, SchoolCalendar, Step, StepTexts, Trigger};
use crate::reports::{AbsenceKind, MAX_NOTE_CHARS};
use crate::validation::{check_idempotency_key, clean_text, done};
use crate::words;
use crate::{ConversationWith, StaffRoleKind};

/// What a staff member can do at the desk; see [`DeskAction::allowed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeskAction {
    /// See the reports per group, and the groups with their pupils.
    SeeDesk,
    /// Mark reports as seen.
    Acknowledge,
    /// Mark a pupil absent without a report, or register a late arrival.
    Register,
    /// Judge a parent's explanation of an absence.
    Judge,
    /// See the signals of the protocol.
    SeeSignals,
    /// Read the audit log.
    ReadAuditLog,
    /// Change the school's settings: protocol, calendar, contacts.
    ChangeSettings,
    /// Download reports and absences as CSV, for the pupil administration.
    Export,
    /// Read in pupils, make activation codes, manage staff and roles.
    ManageSchool,
    /// Decide on leave requests.
    DecideLeave,
}

impl DeskAction {
    /// Whether `role` may do this. Every role sees the desk list for now
    /// (the "teachers only their groups" is a later school setting);
    /// teachers see no signals: those are for care and the office.
    pub fn allowed(self, role: StaffRoleKind) -> bool {
        use StaffRoleKind::*;
        match self {
            Self::SeeDesk => true,
            Self::Acknowledge => matches!(role, AttendanceDesk | Teacher | Director | SchoolAdmin),
            Self::Register => matches!(role, AttendanceDesk | Teacher | SchoolAdmin),
            Self::Judge => matches!(role, AttendanceDesk | Director | SchoolAdmin),
            Self::SeeSignals => {
                matches!(
                    role,
                    AttendanceDesk | CareCoordinator | Director | SchoolAdmin
                )
            }
            Self::ReadAuditLog => role == SchoolAdmin,
            Self::ChangeSettings => matches!(role, Director | SchoolAdmin),
            Self::Export => matches!(role, AttendanceDesk | Director | SchoolAdmin),
            Self::ManageSchool => role == SchoolAdmin,
            Self::DecideLeave => role.decides_leave(),
        }
    }

    /// For a `403`, and for the page that cannot show it.
    pub fn refusal(self) -> Words {
        match self {
            Self::SeeDesk => words!(
                nl: "Met uw rol op deze school kunt u dit niet zien.",
                en: "With your role at this school, you cannot see this.",
                ar: "بدورك في هذه المدرسة لا يمكنك رؤية هذا.",
                tr: "Bu okuldaki rolünüzle bunu göremezsiniz.",
                pl: "Z tą rolą w tej szkole nie można tego zobaczyć.",
                uk: "З вашою роллю в цій школі ви не можете цього бачити.",
            ),
            Self::Acknowledge => words!(
                nl: "Met uw rol op deze school kunt u meldingen niet afvinken.",
                en: "With your role at this school, you cannot tick off reports.",
                ar: "بدورك في هذه المدرسة لا يمكنك تأشير البلاغات.",
                tr: "Bu okuldaki rolünüzle bildirimleri işaretleyemezsiniz.",
                pl: "Z tą rolą w tej szkole nie można odhaczać zgłoszeń.",
                uk: "З вашою роллю в цій школі ви не можете позначати повідомлення.",
            ),
            Self::Register => words!(
                nl: "Met uw rol op deze school kunt u geen afwezigheid noteren.",
                en: "With your role at this school, you cannot record absence.",
                ar: "بدورك في هذه المدرسة لا يمكنك تسجيل الغياب.",
                tr: "Bu okuldaki rolünüzle devamsızlık kaydedemezsiniz.",
                pl: "Z tą rolą w tej szkole nie można zapisywać nieobecności.",
                uk: "З вашою роллю в цій школі ви не можете записувати відсутність.",
            ),
            Self::Judge => words!(
                nl: "Met uw rol op deze school kunt u hierover niet beslissen.",
                en: "With your role at this school, you cannot decide about this.",
                ar: "بدورك في هذه المدرسة لا يمكنك أن تقرر في هذا.",
                tr: "Bu okuldaki rolünüzle bu konuda karar veremezsiniz.",
                pl: "Z tą rolą w tej szkole nie można o tym decydować.",
                uk: "З вашою роллю в цій школі ви не можете це вирішувати.",
            ),
            Self::SeeSignals => words!(
                nl: "Met uw rol op deze school ziet u geen signalen.",
                en: "With your role at this school, you do not see signals.",
                ar: "بدورك في هذه المدرسة لا ترى الإشارات.",
                tr: "Bu okuldaki rolünüzle sinyalleri göremezsiniz.",
                pl: "Z tą rolą w tej szkole nie widać sygnałów.",
                uk: "З вашою роллю в цій школі ви не бачите сигналів.",
            ),
            Self::ReadAuditLog => words!(
                nl: "Alleen de beheerder van de school ziet het logboek.",
                en: "Only the school's administrator sees the log.",
                ar: "لا يرى السجل إلا مسؤول المدرسة.",
                tr: "Kayıt defterini yalnızca okulun yöneticisi görür.",
                pl: "Dziennik zmian widzi tylko administrator szkoły.",
                uk: "Журнал бачить лише адміністратор школи.",
            ),
            Self::ChangeSettings => words!(
                nl: "Alleen de directeur of de beheerder verandert de instellingen van de school.",
                en: "Only the head or the administrator changes the school's settings.",
                ar: "لا يغيّر إعدادات المدرسة إلا المدير أو المسؤول.",
                tr: "Okulun ayarlarını yalnızca müdür veya yönetici değiştirir.",
                pl: "Ustawienia szkoły zmienia tylko dyrektor lub administrator.",
                uk: "Налаштування школи змінює лише директор або адміністратор.",
            ),
            Self::Export => words!(
                nl: "Met uw rol op deze school kunt u geen overzicht downloaden.",
                en: "With your role at this school, you cannot download an overview.",
                ar: "بدورك في هذه المدرسة لا يمكنك تنزيل ملخص.",
                tr: "Bu okuldaki rolünüzle bir özet indiremezsiniz.",
                pl: "Z tą rolą w tej szkole nie można pobrać zestawienia.",
                uk: "З вашою роллю в цій школі ви не можете завантажити огляд.",
            ),
            Self::ManageSchool => words!(
                nl: "Deze pagina is alleen voor de beheerder van de school.",
                en: "This page is only for the school's administrator.",
                ar: "هذه الصفحة لمسؤول المدرسة فقط.",
                tr: "Bu sayfa yalnızca okulun yöneticisi içindir.",
                pl: "Ta strona jest tylko dla administratora szkoły.",
                uk: "Ця сторінка лише для адміністратора школи.",
            ),
            Self::DecideLeave => words!(
                nl: "Alleen de directeur of de beheerder van de school beslist over verlof.",
                en: "Only the school's head or administrator decides about leave.",
                ar: "لا يقرر في الإجازة إلا مدير المدرسة أو مسؤولها.",
                tr: "İzin hakkında yalnızca okulun müdürü veya yöneticisi karar verir.",
                pl: "O urlopie decyduje tylko dyrektor lub administrator szkoły.",
                uk: "Про відпустку вирішує лише директор або адміністратор школи.",
            ),
        }
    }
}

/// A pupil, as the school sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pupil {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
}

/// `GET /api/schools/{id}/groups`: a group or class with its pupils.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolGroup {
    pub id: String,
    pub name: String,
    /// By first name.
    pub pupils: Vec<Pupil>,
}

/// The longest period the desk list shows at once.
pub const MAX_DESK_DAYS: u64 = 62;

/// `GET /api/schools/{id}/reports`: the reports that overlap `from..=to`,
/// per group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskReports {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Every group of the school (or the one asked for), by name; a group
    /// without reports has an empty list.
    pub groups: Vec<DeskGroup>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskGroup {
    pub id: String,
    pub name: String,
    /// By first day, then the pupil's first name.
    pub reports: Vec<DeskReport>,
}

/// One report as the desk sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskReport {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub pupil_last_name: String,
    pub group_id: String,
    pub group_name: String,
    pub kind: AbsenceKind,
    pub first_day: NaiveDate,
    /// `None`: ill until reported better.
    pub last_day: Option<NaiveDate>,
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: Option<NaiveTime>,
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: Option<NaiveTime>,
    pub note: Option<String>,
    /// The guardian's name.
    pub reported_by: String,
    pub reported_at: chrono::DateTime<chrono::Utc>,
    pub acknowledged_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The staff member's name.
    pub acknowledged_by: Option<String>,
}

/// How many reports one acknowledgement may hold.
pub const MAX_ACKNOWLEDGE: usize = 200;

/// `POST /api/schools/{id}/acknowledgements`: mark these reports as seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledgement {
    pub report_ids: Vec<String>,
}

impl Acknowledgement {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.report_ids.is_empty() {
            errors.push(FieldError::new(
                "report_ids",
                words!(
                    nl: "Kies minstens één melding.",
                    en: "Please choose at least one report.",
                    ar: "اختر بلاغًا واحدًا على الأقل.",
                    tr: "En az bir bildirim seçin.",
                    pl: "Proszę wybrać co najmniej jedno zgłoszenie.",
                    uk: "Виберіть хоча б одне повідомлення.",
                ),
            ));
        } else if self.report_ids.len() > MAX_ACKNOWLEDGE {
            errors.push(FieldError::new(
                "report_ids",
                words!(
                    nl: "U kunt hoogstens 200 meldingen tegelijk afvinken.",
                    en: "You can tick off 200 reports at most at one time.",
                    ar: "يمكنك تأشير 200 بلاغ على الأكثر في المرة الواحدة.",
                    tr: "Aynı anda en fazla 200 bildirimi işaretleyebilirsiniz.",
                    pl: "Jednocześnie można odhaczyć najwyżej 200 zgłoszeń.",
                    uk: "Ви можете позначити не більше 200 повідомлень одночасно.",
                ),
            ));
        }
        done(errors)
    }
}

/// How far back the school can mark a pupil absent or late.
pub const MAX_REGISTER_DAYS_BACK: u64 = 28;

/// `POST /api/schools/{id}/absences`: the pupil is missing, and there is no
/// report. The guardians are asked why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAbsenceMark {
    pub pupil_id: String,
    pub day: NaiveDate,
    /// Part of the day: missing from this time (`None`: from the start)...
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: Option<NaiveTime>,
    /// ...until this time (`None`: to the end).
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: Option<NaiveTime>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewAbsenceMark {
    /// `today` is the school's date now. Whether `day` is a school day is
    /// the server's check (it has the school's calendar).
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        errors.extend(check_pupil_id(&self.pupil_id));
        errors.extend(check_register_day("day", self.day, today));
        if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            if end <= start {
                errors.push(FieldError::new("end_time", end_before_start()));
            }
        }
        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }
}

/// `POST /api/schools/{id}/late-arrivals`: the pupil came in late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLateArrival {
    pub pupil_id: String,
    pub day: NaiveDate,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub arrived_at: NaiveTime,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewLateArrival {
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        errors.extend(check_pupil_id(&self.pupil_id));
        errors.extend(check_register_day("day", self.day, today));
        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }
}

/// A late arrival, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LateArrival {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub day: NaiveDate,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub arrived_at: NaiveTime,
    /// The staff member's name.
    pub registered_by: String,
    pub registered_at: chrono::DateTime<chrono::Utc>,
}

fn check_pupil_id(id: &str) -> Option<FieldError> {
    (id.is_empty() || id.len() > 64).then(|| {
        FieldError::new(
            "pupil_id",
            words!(
                nl: "Deze leerling kennen we niet.",
                en: "We do not know this pupil.",
                ar: "لا نعرف هذا التلميذ.",
                tr: "Bu öğrenciyi tanımıyoruz.",
                pl: "Nie znamy tego ucznia.",
                uk: "Ми не знаємо цього учня.",
            ),
        )
    })
}

fn check_register_day(field: &'static str, day: NaiveDate, today: NaiveDate) -> Option<FieldError> {
    if day > today {
        Some(FieldError::new(
            field,
            words!(
                nl: "Deze dag is nog niet geweest.",
                en: "This day has not happened yet.",
                ar: "هذا اليوم لم يأتِ بعد.",
                tr: "Bu gün henüz gelmedi.",
                pl: "Ten dzień jeszcze nie nadszedł.",
                uk: "Цей день ще не настав.",
            ),
        ))
    } else if day < today - Days::new(MAX_REGISTER_DAYS_BACK) {
        Some(FieldError::new(
            field,
            words!(
                nl: "Deze dag is meer dan 4 weken geleden. Dat kan hier niet meer.",
                en: "This day was more than 4 weeks ago. That is no longer possible here.",
                ar: "مرّ على هذا اليوم أكثر من 4 أسابيع. لم يعد ذلك ممكنًا هنا.",
                tr: "Bu gün 4 haftadan daha önceydi. Bu artık burada yapılamaz.",
                pl: "Ten dzień był ponad 4 tygodnie temu. Tutaj nie jest to już możliwe.",
                uk: "Цей день був понад 4 тижні тому. Тут це вже неможливо.",
            ),
        ))
    } else {
        None
    }
}

/// Where an unexplained absence stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnexplainedStatus {
    /// The school asks the parents why; no answer yet.
    AskingParents,
    /// The parents explained; the school has not judged it yet.
    Explained,
    /// The school accepts the reason: allowed absence.
    Authorised,
    /// The school does not accept it (or there was no answer).
    Unauthorised,
}

impl UnexplainedStatus {
    /// From what is stored: whether a guardian answered, and the school's
    /// judgement.
    pub fn of(explained: bool, authorised: Option<bool>) -> Self {
        match (authorised, explained) {
            (Some(true), _) => Self::Authorised,
            (Some(false), _) => Self::Unauthorised,
            (None, true) => Self::Explained,
            (None, false) => Self::AskingParents,
        }
    }

    /// How the protocol engine counts it: unauthorised until the school
    /// accepts the reason, then as the reason the parents gave.
    pub fn category(self, explained: Option<AbsenceKind>) -> AbsenceCategory {
        match (self, explained) {
            (Self::Authorised, Some(kind)) => kind.into(),
            (Self::Authorised, None) => AbsenceCategory::Other,
            _ => AbsenceCategory::Unauthorised,
        }
    }
}

/// An absence the school noticed without a report
/// (`GET /api/children/{id}/unexplained-absences`, and the answers to the
/// school's and the parents' changes). It counts as unauthorised until the
/// school accepts the parents' reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnexplainedAbsence {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    #[serde(default)]
    pub pupil_last_name: String,
    #[serde(default)]
    pub group_id: String,
    #[serde(default)]
    pub group_name: String,
    pub day: NaiveDate,
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: Option<NaiveTime>,
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: Option<NaiveTime>,
    /// For the parents, plain Dutch: "De school mist Noor op dinsdag 24
    /// november. Wilt u laten weten waarom?"
    pub question: String,
    pub status: UnexplainedStatus,
    /// The staff member's name.
    pub marked_by: String,
    pub marked_at: chrono::DateTime<chrono::Utc>,
    pub explanation: Option<AbsenceExplanation>,
    /// The guardian's name.
    pub explained_by: Option<String>,
    pub explained_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The staff member's name.
    pub judged_by: Option<String>,
    pub judged_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl UnexplainedAbsence {
    /// The question to the parents.
    pub fn question_for(first_name: &str, day: NaiveDate) -> String {
        format!(
            "De school mist {first_name} op {}. Wilt u laten weten waarom?",
            crate::dates::day_and_month(day)
        )
    }

    /// Whether the parents can still (re)explain: until the school judged.
    pub fn can_explain(&self) -> bool {
        matches!(
            self.status,
            UnexplainedStatus::AskingParents | UnexplainedStatus::Explained
        )
    }
}

/// `POST /api/unexplained-absences/{id}/explanation`: why the child was
/// away. The same kinds as a report, and the same rule: no note with
/// illness, never medical details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceExplanation {
    pub kind: AbsenceKind,
    #[serde(default)]
    pub note: Option<String>,
}

impl AbsenceExplanation {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let note = self.note.as_deref().map(str::trim).unwrap_or("");
        if !note.is_empty() && !self.kind.allows_note() {
            errors.push(FieldError::new("note", no_note_for_illness()));
        } else if note.chars().count() > MAX_NOTE_CHARS {
            errors.push(FieldError::new("note", note_too_long()));
        }
        done(errors)
    }

    /// The note as it is stored: trimmed, and absent when empty.
    pub fn clean_note(&self) -> Option<String> {
        clean_text(self.note.as_deref())
    }
}

/// `POST /api/unexplained-absences/{id}/judgement`: does the school accept
/// the reason?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceJudgement {
    pub authorised: bool,
}

/// The school days the law gives to report unauthorised absence to DUO.
pub const DUO_REPORT_SCHOOL_DAYS: u32 = 5;

/// `GET /api/schools/{id}/signals`: a protocol step that applies to a pupil
/// now, with what to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signal {
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub pupil_last_name: String,
    pub group_id: String,
    pub group_name: String,
    pub step_id: String,
    /// Who acts.
    pub role: Role,
    /// The day the step's threshold was reached.
    pub since: NaiveDate,
    /// The step's texts: title, what happens, what parents can do.
    pub texts: StepTexts,
    /// The last day the law allows, where it sets one: the DUO report of
    /// unauthorised absence, within 5 school days of `since`.
    pub deadline: Option<NaiveDate>,
    /// Whom to invite, when the step is a conversation with the parents
    /// (`POST /api/schools/{id}/conversations` with this `with`).
    pub invite: Option<ConversationWith>,
}

impl Signal {
    /// The deadline of `step`, reached on `since`, by `calendar`.
    pub fn deadline_of(
        step: &Step,
        since: NaiveDate,
        calendar: &SchoolCalendar,
    ) -> Option<NaiveDate> {
        match step.trigger {
            Trigger::UnauthorisedHours { .. } => {
                Some(school_days_after(calendar, since, DUO_REPORT_SCHOOL_DAYS))
            }
            _ => None,
        }
    }

    /// Whom to invite for `step`, if it is a conversation.
    pub fn invite_for(step: &Step) -> Option<ConversationWith> {
        step.involves_conversation
            .then(|| ConversationWith::for_step_role(step.role))
    }
}

/// The `count`th school day after `day` (a year on at most, for a calendar
/// without school days).
pub fn school_days_after(calendar: &SchoolCalendar, day: NaiveDate, count: u32) -> NaiveDate {
    day.iter_days()
        .skip(1)
        .take(366)
        .filter(|d| calendar.is_school_day(*d))
        .nth(count.saturating_sub(1) as usize)
        .unwrap_or(day + Days::new(count.into()))
}

named_set! {
    /// What a change in the audit log was. Stored by name.
    AuditAction {
        ReportAcknowledged => "report_acknowledged",
        AbsenceMarked => "absence_marked",
        AbsenceExplained => "absence_explained",
        AbsenceJudged => "absence_judged",
        LateArrivalRegistered => "late_arrival_registered",
        /// A conversation was asked for, got times, ... (`detail`: what).
        ConversationChanged => "conversation_changed",
        LeaveDecided => "leave_decided",
        PupilsImported => "pupils_imported",
        ActivationCodesMade => "activation_codes_made",
        StaffAdded => "staff_added",
        StaffRolesChanged => "staff_roles_changed",
        SettingsChanged => "settings_changed",
        ReportMade => "report_made",
        ReportChanged => "report_changed",
        ReportWithdrawn => "report_withdrawn",
        ReportedBetter => "reported_better",
        LeaveRequested => "leave_requested",
        LeaveWithdrawn => "leave_withdrawn",
    }
}

impl AuditAction {
    /// Plain Dutch, for the school admin.
    pub fn label(self) -> &'static str {
        match self {
            Self::ReportAcknowledged => "Melding gezien",
            Self::AbsenceMarked => "Afwezig gemeld door school",
            Self::AbsenceExplained => "Ouder gaf een reden",
            Self::AbsenceJudged => "School besliste over de reden",
            Self::LateArrivalRegistered => "Te laat genoteerd",
            Self::ConversationChanged => "Gesprek bijgewerkt",
            Self::LeaveDecided => "Besluit over verlof",
            Self::PupilsImported => "Leerlingen ingelezen",
            Self::ActivationCodesMade => "Activeringscodes gemaakt",
            Self::StaffAdded => "Medewerker toegevoegd",
            Self::StaffRolesChanged => "Rollen van een medewerker gewijzigd",
            Self::SettingsChanged => "Instellingen van de school gewijzigd",
            Self::ReportMade => "Melding gedaan",
            Self::ReportChanged => "Melding veranderd",
            Self::ReportWithdrawn => "Melding ingetrokken",
            Self::ReportedBetter => "Beter gemeld",
            Self::LeaveRequested => "Verlof aangevraagd",
            Self::LeaveWithdrawn => "Verlofaanvraag ingetrokken",
        }
    }
}

/// One line of `GET /api/schools/{id}/audit-log`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    /// The name of who did it.
    pub by: String,
    pub action: AuditAction,
    /// [`AuditAction::label`].
    pub action_label: String,
    /// What it was done to: `report`, `unexplained_absence`, `late_arrival`.
    pub subject_type: String,
    pub subject_id: String,
    /// A short fact without personal data, e.g. `authorised`.
    pub detail: Option<String>,
}

/// The most lines one audit-log page holds, and the default.
pub const MAX_AUDIT_LIMIT: u32 = 500;
pub const DEFAULT_AUDIT_LIMIT: u32 = 100;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Protocol, SchoolKind};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_question_names_the_child_and_the_day() {
        assert_eq!(
            UnexplainedAbsence::question_for("Noor", day("2026-11-24")),
            "De school mist Noor op dinsdag 24 november. Wilt u laten weten waarom?"
        );
    }

    #[test]
    fn the_duo_deadline_is_five_school_days_on() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        for kind in SchoolKind::ALL {
            let protocol = Protocol::default_for(kind);
            for step in &protocol.steps {
                let deadline = Signal::deadline_of(step, day("2026-11-26"), &calendar);
                match step.trigger {
                    // Thursday: Fri, Mon, Tue, Wed, Thu.
                    Trigger::UnauthorisedHours { .. } => {
                        assert_eq!(deadline, Some(day("2026-12-03")))
                    }
                    _ => assert_eq!(deadline, None, "{}", step.id),
                }
            }
        }
        // Across the autumn holiday (19 to 23 October 2026).
        assert_eq!(
            school_days_after(&calendar, day("2026-10-15"), 5),
            day("2026-10-29")
        );
    }

    #[test]
    fn roles_and_what_they_may_do() {
        use StaffRoleKind::*;
        assert!(StaffRoleKind::ALL
            .iter()
            .all(|r| DeskAction::SeeDesk.allowed(*r)));
        assert!(!DeskAction::SeeSignals.allowed(Teacher));
        assert!(!DeskAction::Register.allowed(CareCoordinator));
        assert!(!DeskAction::Judge.allowed(Teacher));
        assert!(!DeskAction::Acknowledge.allowed(CareCoordinator));
        assert!(DeskAction::ReadAuditLog.allowed(SchoolAdmin));
        assert!(!DeskAction::ReadAuditLog.allowed(Director));
    }

    #[test]
    fn bad_input_names_its_field() {
        let today = day("2026-11-24");
        let mark = NewAbsenceMark {
            pupil_id: "p".into(),
            day: today,
            start_time: None,
            end_time: None,
            idempotency_key: "0123456789abcdef".into(),
        };
        assert!(mark.validate(today).is_ok());
        let field = |m: NewAbsenceMark| m.validate(today).unwrap_err()[0].field;
        assert_eq!(
            field(NewAbsenceMark {
                day: day("2026-11-25"),
                ..mark.clone()
            }),
            "day"
        );
        assert_eq!(
            field(NewAbsenceMark {
                start_time: NaiveTime::from_hms_opt(10, 0, 0),
                end_time: NaiveTime::from_hms_opt(9, 0, 0),
                ..mark.clone()
            }),
            "end_time"
        );
        let ill_with_note = AbsenceExplanation {
            kind: AbsenceKind::Ill,
            note: Some("griep".into()),
        };
        assert_eq!(ill_with_note.validate().unwrap_err()[0].field, "note");
        let none = Acknowledgement { report_ids: vec![] };
        assert_eq!(none.validate().unwrap_err()[0].field, "report_ids");
    }

    #[test]
    fn unexplained_counts_as_unauthorised_until_the_school_accepts_the_reason() {
        use UnexplainedStatus::*;
        let ill = Some(AbsenceKind::Ill);
        assert_eq!(UnexplainedStatus::of(false, None), AskingParents);
        assert_eq!(UnexplainedStatus::of(true, None), Explained);
        assert_eq!(AskingParents.category(None), AbsenceCategory::Unauthorised);
        assert_eq!(Explained.category(ill), AbsenceCategory::Unauthorised);
        assert_eq!(Unauthorised.category(ill), AbsenceCategory::Unauthorised);
        assert_eq!(Authorised.category(ill), AbsenceCategory::Ill);
        assert_eq!(Authorised.category(None), AbsenceCategory::Other);
    }

    #[test]
    fn audit_actions_round_trip() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
            // On the wire as in the database.
            assert_eq!(serde_json::to_value(action).unwrap(), action.as_str());
        }
    }
}
