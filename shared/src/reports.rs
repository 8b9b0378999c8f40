//! Absence reports: what a parent sends, what they get back, and the rules.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::messages::{
    end_before_start, last_day_before_first, more_than_a_year_ahead, no_note_for_illness,
    note_too_long, unknown_child,
};
use crate::validation::{check_idempotency_key, clean_text, done};
use crate::words;

/// Why the child is away. Deliberately coarse: a school may record "ill",
/// never what the child has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    Ill,
    /// A doctor's, dentist's or hospital appointment.
    Appointment,
    Other,
}

impl AbsenceKind {
    pub const ALL: [AbsenceKind; 3] = [Self::Ill, Self::Appointment, Self::Other];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ill => "ill",
            Self::Appointment => "appointment",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Plain Dutch, for parents.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ill => "Ziek",
            Self::Appointment => "Afspraak bij dokter, tandarts of ziekenhuis",
            Self::Other => "Iets anders",
        }
    }

    /// Only non-medical kinds may carry a practical note.
    pub fn allows_note(self) -> bool {
        !matches!(self, Self::Ill)
    }
}

/// At most this many children in one report.
pub const MAX_CHILDREN_PER_REPORT: usize = 10;
/// A report may start at most this many days ago (a late report).
pub const MAX_DAYS_BACK: u64 = 14;
/// A report may start at most this many days ahead (an announced absence).
pub const MAX_DAYS_AHEAD: u64 = 365;
/// A report may span at most this many days.
pub const MAX_SPAN_DAYS: u64 = 365;
/// The longest practical note, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// What a report says about the absence: why, and when. The part of a
/// report a parent fills in, and may change until the school has seen it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceDetails {
    pub kind: AbsenceKind,
    pub first_day: NaiveDate,
    /// `None`: until the child is reported better (illness only).
    #[serde(default)]
    pub last_day: Option<NaiveDate>,
    /// Part of a day (single-day reports only): away from this time...
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: Option<NaiveTime>,
    /// ...until this time.
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: Option<NaiveTime>,
    /// A short practical note, never for illness; no medical details.
    #[serde(default)]
    pub note: Option<String>,
}

/// `PUT /api/reports/{id}`: the report's details as they should be now.
pub type ReportChange = AbsenceDetails;

impl AbsenceDetails {
    /// Every rule for the details, in the order of the form's fields.
    /// `today` is the school's date now.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        self.check(today, &mut errors);
        done(errors)
    }

    /// Adds the problems with the details to `errors`.
    fn check(&self, today: NaiveDate, errors: &mut Vec<FieldError>) {
        let mut fail = |field, message: Words| errors.push(FieldError::new(field, message));

        let earliest = today - Days::new(MAX_DAYS_BACK);
        let latest = today + Days::new(MAX_DAYS_AHEAD);
        if self.first_day < earliest {
            fail(
                "first_day",
                words!(
                    nl: "Deze dag is meer dan 2 weken geleden. Bel de school hierover.",
                    en: "This day was more than 2 weeks ago. Please call the school about it.",
                    ar: "مرّ على هذا اليوم أكثر من أسبوعين. اتصل بالمدرسة بخصوص ذلك.",
                    tr: "Bu gün 2 haftadan daha önceydi. Bunun için okulu arayın.",
                    pl: "Ten dzień był ponad 2 tygodnie temu. Proszę zadzwonić w tej sprawie do szkoły.",
                    uk: "Цей день був понад 2 тижні тому. Зателефонуйте про це до школи.",
                ),
            );
        } else if self.first_day > latest {
            fail("first_day", more_than_a_year_ahead());
        }

        match self.last_day {
            None if self.kind != AbsenceKind::Ill => fail(
                "last_day",
                words!(
                    nl: "Kies de laatste dag dat uw kind weg is.",
                    en: "Please choose the last day your child is away.",
                    ar: "اختر آخر يوم يغيب فيه طفلك.",
                    tr: "Çocuğunuzun okula gelmeyeceği son günü seçin.",
                    pl: "Proszę wybrać ostatni dzień nieobecności dziecka.",
                    uk: "Виберіть останній день, коли вашої дитини не буде.",
                ),
            ),
            Some(last) if last < self.first_day => fail("last_day", last_day_before_first()),
            // `checked_`: a first day at the end of time must not panic.
            Some(last)
                if self
                    .first_day
                    .checked_add_days(Days::new(MAX_SPAN_DAYS))
                    .is_some_and(|latest_last| last > latest_last) =>
            {
                fail(
                    "last_day",
                    words!(
                        nl: "Een melding kan hoogstens een jaar duren.",
                        en: "A report can last one year at most.",
                        ar: "يمكن أن يستمر البلاغ سنة واحدة على الأكثر.",
                        tr: "Bir bildirim en fazla bir yıl sürebilir.",
                        pl: "Zgłoszenie może trwać najwyżej rok.",
                        uk: "Повідомлення може тривати не більше року.",
                    ),
                )
            }
            _ => {}
        }

        let part_of_day = self.start_time.is_some() || self.end_time.is_some();
        if part_of_day && self.last_day != Some(self.first_day) {
            fail(
                "start_time",
                words!(
                    nl: "Tijden kunt u alleen geven als uw kind één dag weg is.",
                    en: "You can only give times when your child is away for one day.",
                    ar: "يمكنك كتابة الأوقات فقط إذا غاب طفلك يومًا واحدًا.",
                    tr: "Saatleri yalnızca çocuğunuz bir gün gelmeyecekse yazabilirsiniz.",
                    pl: "Godziny można podać tylko wtedy, gdy dziecka nie ma jeden dzień.",
                    uk: "Час можна вказати, лише якщо дитини не буде один день.",
                ),
            );
        } else if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            if end <= start {
                fail("end_time", end_before_start());
            }
        }

        let note = self.note.as_deref().map(str::trim).unwrap_or("");
        if !note.is_empty() && !self.kind.allows_note() {
            fail("note", no_note_for_illness());
        } else if note.chars().count() > MAX_NOTE_CHARS {
            fail("note", note_too_long());
        }
    }

    /// The note as it is stored: trimmed, and absent when empty.
    pub fn clean_note(&self) -> Option<String> {
        clean_text(self.note.as_deref())
    }
}

/// `POST /api/reports`: report one or more children absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAbsenceReport {
    /// Every child this report is for; each gets a report of their own.
    pub pupil_ids: Vec<String>,
    /// Why and when; in the JSON beside `pupil_ids`, not nested.
    #[serde(flatten)]
    pub details: AbsenceDetails,
    /// Made once by the app per report attempt; a retry with the same key
    /// returns the reports made the first time instead of new ones.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewAbsenceReport {
    /// Every rule the server enforces, in the order of the form's fields.
    /// `today` is the school's date now.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, message: Words| errors.push(FieldError::new(field, message));

        if self.pupil_ids.is_empty() {
            fail(
                "pupil_ids",
                words!(
                    nl: "Kies voor welk kind u de melding doet.",
                    en: "Please choose the child you are reporting for.",
                    ar: "اختر الطفل الذي تقدم البلاغ عنه.",
                    tr: "Hangi çocuk için bildirim yaptığınızı seçin.",
                    pl: "Proszę wybrać dziecko, którego dotyczy zgłoszenie.",
                    uk: "Виберіть дитину, про яку ви повідомляєте.",
                ),
            );
        } else if self.pupil_ids.len() > MAX_CHILDREN_PER_REPORT {
            fail(
                "pupil_ids",
                words!(
                    nl: "U kunt voor hoogstens 10 kinderen tegelijk melden.",
                    en: "You can report for 10 children at most at one time.",
                    ar: "يمكنك الإبلاغ عن 10 أطفال على الأكثر في المرة الواحدة.",
                    tr: "Aynı anda en fazla 10 çocuk için bildirim yapabilirsiniz.",
                    pl: "Jednocześnie można zgłosić najwyżej 10 dzieci.",
                    uk: "Ви можете повідомити щонайбільше про 10 дітей одночасно.",
                ),
            );
        } else if self
            .pupil_ids
            .iter()
            .any(|id| id.is_empty() || id.len() > 64)
        {
            fail("pupil_ids", unknown_child());
        } else if has_duplicates(&self.pupil_ids) {
            fail(
                "pupil_ids",
                words!(
                    nl: "U heeft een kind twee keer gekozen.",
                    en: "You chose one child twice.",
                    ar: "اخترت طفلًا واحدًا مرتين.",
                    tr: "Bir çocuğu iki kez seçtiniz.",
                    pl: "To samo dziecko zostało wybrane dwa razy.",
                    uk: "Ви вибрали одну дитину двічі.",
                ),
            );
        }

        self.details.check(today, &mut errors);

        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }
}

/// How far ahead a parent can say when their child is better.
pub const MAX_BETTER_DAYS_AHEAD: u64 = 14;

/// `POST /api/reports/{id}/better`: the child is better, for an open-ended
/// sick report ([`AbsenceReport::is_open_ended_illness`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportBetter {
    /// The first day the child is well again (back at school).
    pub better_from: NaiveDate,
}

impl ReportBetter {
    /// The rules for the date, for a report that starts on `first_day`.
    pub fn validate(&self, first_day: NaiveDate, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.better_from < first_day {
            errors.push(FieldError::new(
                "better_from",
                words!(
                    nl: "Deze dag ligt vóór de eerste dag van de ziekmelding. Kies een latere dag.",
                    en: "This day is before the first day of the sick report. Please choose a later day.",
                    ar: "هذا اليوم قبل اليوم الأول من بلاغ المرض. اختر يومًا بعده.",
                    tr: "Bu gün, hastalık bildiriminin ilk gününden önce. Daha sonraki bir gün seçin.",
                    pl: "Ten dzień jest przed pierwszym dniem zgłoszenia choroby. Proszę wybrać późniejszy dzień.",
                    uk: "Цей день раніше за перший день повідомлення про хворобу. Виберіть пізніший день.",
                ),
            ));
        } else if self.better_from > today + Days::new(MAX_BETTER_DAYS_AHEAD) {
            errors.push(FieldError::new(
                "better_from",
                words!(
                    nl: "Deze dag is meer dan 2 weken vooruit. Kies een eerdere dag.",
                    en: "This day is more than 2 weeks ahead. Please choose an earlier day.",
                    ar: "هذا اليوم بعد أكثر من أسبوعين. اختر يومًا أقرب.",
                    tr: "Bu gün 2 haftadan daha ileride. Daha erken bir gün seçin.",
                    pl: "Ten dzień jest za ponad 2 tygodnie. Proszę wybrać wcześniejszy dzień.",
                    uk: "Цей день більш ніж через 2 тижні. Виберіть раніший день.",
                ),
            ));
        }
        done(errors)
    }

    /// The last sick day this sets: the day before `better_from`, but never
    /// before `first_day` (better on the first day: ill on that day only).
    pub fn last_day(&self, first_day: NaiveDate) -> NaiveDate {
        let day_before = self.better_from.pred_opt().unwrap_or(self.better_from);
        first_day.max(day_before)
    }
}

fn has_duplicates(ids: &[String]) -> bool {
    ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id))
}

/// A stored absence report, for one child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceReport {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    /// Why and when; in the JSON beside the other fields, not nested.
    #[serde(flatten)]
    pub details: AbsenceDetails,
    /// The name of the guardian who made the report.
    pub reported_by: String,
    /// When the school's server stored it.
    pub reported_at: DateTime<Utc>,
    /// When the school saw it; from then on only the school can change it.
    #[serde(default)]
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// The name of the staff member who saw it.
    #[serde(default)]
    pub acknowledged_by: Option<String>,
    /// When a parent last changed it (or reported the child better).
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

impl AbsenceReport {
    /// A parent can change or withdraw a report until the school has seen it.
    pub fn can_change(&self) -> bool {
        self.acknowledged_at.is_none()
    }

    /// Ill, until the child is better: the kind of report a parent reports
    /// better ([`ReportBetter`]), also after the school has seen it.
    pub fn is_open_ended_illness(&self) -> bool {
        self.details.kind == AbsenceKind::Ill && self.details.last_day.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn time(s: &str) -> Option<NaiveTime> {
        Some(NaiveTime::parse_from_str(s, "%H:%M").unwrap())
    }

    const TODAY: &str = "2026-11-24";

    fn ill_today() -> NewAbsenceReport {
        NewAbsenceReport {
            pupil_ids: vec!["p1".into()],
            details: AbsenceDetails {
                kind: AbsenceKind::Ill,
                first_day: day(TODAY),
                last_day: None,
                start_time: None,
                end_time: None,
                note: None,
            },
            idempotency_key: "0123456789abcdef-key".into(),
        }
    }

    /// The fields named by a validation, in order.
    fn fields(result: Result<(), Vec<FieldError>>) -> Vec<&'static str> {
        result
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.field)
            .collect()
    }

    /// The fields that fail validation, in order.
    fn failing_fields(r: &NewAbsenceReport) -> Vec<&'static str> {
        let failing = fields(r.validate(day(TODAY)));
        // A change to a report follows the same rules for its details.
        let details_only: Vec<_> = failing
            .iter()
            .copied()
            .filter(|f| !["pupil_ids", "idempotency_key"].contains(f))
            .collect();
        assert_eq!(fields(r.details.validate(day(TODAY))), details_only);
        failing
    }

    #[test]
    fn an_open_ended_sick_report_for_today_is_valid() {
        assert_eq!(failing_fields(&ill_today()), Vec::<&str>::new());
    }

    #[test]
    fn each_rule_names_its_field() {
        type Change = fn(&mut NewAbsenceReport);
        let cases: &[(&str, Change, &str)] = &[
            ("no child", |r| r.pupil_ids.clear(), "pupil_ids"),
            (
                "11 children",
                |r| r.pupil_ids = (0..11).map(|i| i.to_string()).collect(),
                "pupil_ids",
            ),
            (
                "same child twice",
                |r| r.pupil_ids = vec!["a".into(), "a".into()],
                "pupil_ids",
            ),
            (
                "empty id",
                |r| r.pupil_ids = vec![String::new()],
                "pupil_ids",
            ),
            (
                "15 days ago",
                |r| r.details.first_day = day("2026-11-09"),
                "first_day",
            ),
            (
                "366 days ahead",
                |r| r.details.first_day = day("2027-11-26"),
                "first_day",
            ),
            (
                "last before first",
                |r| r.details.last_day = Some(day("2026-11-23")),
                "last_day",
            ),
            (
                "longer than a year",
                |r| r.details.last_day = Some(day("2027-11-25")),
                "last_day",
            ),
            (
                "open-ended appointment",
                |r| r.details.kind = AbsenceKind::Appointment,
                "last_day",
            ),
            (
                "times on an open-ended report",
                |r| r.details.start_time = time("10:00"),
                "start_time",
            ),
            (
                "times over several days",
                |r| {
                    r.details.last_day = Some(day("2026-11-25"));
                    r.details.end_time = time("10:00");
                },
                "start_time",
            ),
            (
                "end before start",
                |r| {
                    r.details.last_day = Some(r.details.first_day);
                    r.details.start_time = time("11:00");
                    r.details.end_time = time("10:00");
                },
                "end_time",
            ),
            (
                "a note on illness",
                |r| r.details.note = Some("griep".into()),
                "note",
            ),
            (
                "a note too long",
                |r| {
                    r.details.kind = AbsenceKind::Other;
                    r.details.last_day = Some(r.details.first_day);
                    r.details.note = Some("x".repeat(201));
                },
                "note",
            ),
            (
                "short key",
                |r| r.idempotency_key = "abc".into(),
                "idempotency_key",
            ),
            (
                "odd key",
                |r| r.idempotency_key = "0123456789abcdef<>".into(),
                "idempotency_key",
            ),
        ];
        for (name, change, field) in cases {
            let mut report = ill_today();
            change(&mut report);
            assert_eq!(failing_fields(&report), vec![*field], "case: {name}");
        }
    }

    #[test]
    fn the_edges_of_the_rules_are_allowed() {
        type Change = fn(&mut NewAbsenceReport);
        let cases: &[(&str, Change)] = &[
            ("14 days ago", |r| r.details.first_day = day("2026-11-10")),
            ("365 days ahead", |r| {
                r.details.first_day = day("2027-11-24")
            }),
            ("10 children", |r| {
                r.pupil_ids = (0..10).map(|i| i.to_string()).collect()
            }),
            ("an appointment in the morning", |r| {
                r.details.kind = AbsenceKind::Appointment;
                r.details.last_day = Some(r.details.first_day);
                r.details.end_time = time("10:30");
                r.details.note = Some("Tandarts, daarna komt ze naar school.".into());
            }),
            ("ill from noon", |r| {
                r.details.last_day = Some(r.details.first_day);
                r.details.start_time = time("12:00");
            }),
            ("a blank note on illness", |r| {
                r.details.note = Some("  ".into())
            }),
            ("a note of exactly 200 characters", |r| {
                r.details.kind = AbsenceKind::Other;
                r.details.last_day = Some(r.details.first_day);
                r.details.note = Some("é".repeat(200));
            }),
        ];
        for (name, change) in cases {
            let mut report = ill_today();
            change(&mut report);
            assert_eq!(failing_fields(&report), Vec::<&str>::new(), "case: {name}");
        }
    }

    #[test]
    fn times_travel_as_hours_and_minutes() {
        let mut report = ill_today();
        report.details.last_day = Some(report.details.first_day);
        report.details.start_time = time("09:15");
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["start_time"], "09:15");
        assert_eq!(json["end_time"], serde_json::Value::Null);
        assert_eq!(json["kind"], "ill");
        assert_eq!(json["first_day"], TODAY);
        let back: NewAbsenceReport = serde_json::from_value(json).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn a_wrong_time_is_refused_when_read() {
        let json = r#"{"pupil_ids":["p"],"kind":"ill","first_day":"2026-11-24",
            "start_time":"25:00","idempotency_key":"0123456789abcdef"}"#;
        let err = serde_json::from_str::<NewAbsenceReport>(json).unwrap_err();
        assert!(err.to_string().contains("not a time of day"), "{err}");
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in AbsenceKind::ALL {
            assert_eq!(AbsenceKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AbsenceKind::parse("flu"), None);
    }

    #[test]
    fn a_new_report_travels_as_one_flat_object() {
        let json = serde_json::to_value(ill_today()).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "end_time",
                "first_day",
                "idempotency_key",
                "kind",
                "last_day",
                "note",
                "pupil_ids",
                "start_time"
            ]
        );
        let minimal = r#"{"pupil_ids":["p1"],"kind":"ill","first_day":"2026-11-24",
            "idempotency_key":"0123456789abcdef-key"}"#;
        let back: NewAbsenceReport = serde_json::from_str(minimal).unwrap();
        assert_eq!(back, ill_today());
    }

    #[test]
    fn a_report_from_an_older_server_reads_as_not_yet_seen() {
        let json = r#"{"id":"r1","pupil_id":"p1","pupil_first_name":"Daan","kind":"ill",
            "first_day":"2026-11-24","last_day":null,"start_time":null,"end_time":null,
            "note":null,"reported_by":"Sanne de Vries","reported_at":"2026-11-24T07:15:00Z"}"#;
        let report: AbsenceReport = serde_json::from_str(json).unwrap();
        assert_eq!(report.details, ill_today().details);
        assert_eq!(report.acknowledged_at, None);
        assert_eq!(report.updated_at, None);
        assert!(report.can_change());
        assert!(report.is_open_ended_illness());
    }

    #[test]
    fn better_is_for_open_ended_illness_only() {
        let mut report: AbsenceReport = serde_json::from_value(serde_json::json!({
            "id": "r1", "pupil_id": "p1", "pupil_first_name": "Daan", "kind": "ill",
            "first_day": TODAY, "reported_by": "Sanne", "reported_at": "2026-11-24T07:15:00Z",
            "acknowledged_at": "2026-11-24T08:00:00Z", "acknowledged_by": "Els Bakker",
        }))
        .unwrap();
        assert!(!report.can_change(), "the school has seen it");
        assert!(report.is_open_ended_illness(), "better is still possible");
        report.details.last_day = Some(day(TODAY));
        assert!(!report.is_open_ended_illness());
        report.details.last_day = None;
        report.details.kind = AbsenceKind::Other;
        assert!(!report.is_open_ended_illness());
    }

    #[test]
    fn better_from_is_checked_against_the_report_and_today() {
        let first = day("2026-11-20");
        let better = |s: &str| ReportBetter {
            better_from: day(s),
        };
        let check = |s: &str| fields(better(s).validate(first, day(TODAY)));
        assert_eq!(check("2026-11-19"), ["better_from"], "before the first day");
        assert_eq!(check("2026-12-09"), ["better_from"], "15 days ahead");
        for fine in ["2026-11-20", "2026-11-24", "2026-12-08"] {
            assert_eq!(check(fine), Vec::<&str>::new(), "{fine}");
        }
    }

    #[test]
    fn the_last_sick_day_is_the_day_before_better_but_never_before_the_first() {
        let first = day("2026-11-20");
        let last = |s: &str| {
            ReportBetter {
                better_from: day(s),
            }
            .last_day(first)
        };
        assert_eq!(last("2026-11-24"), day("2026-11-23"));
        assert_eq!(last("2026-11-21"), first);
        assert_eq!(last("2026-11-20"), first, "better on the first day");
    }

    #[test]
    fn the_note_is_stored_trimmed_or_not_at_all() {
        let mut report = ill_today();
        report.details.note = Some("  ".into());
        assert_eq!(report.details.clean_note(), None);
        report.details.note = Some(" Bruiloft oom ".into());
        assert_eq!(report.details.clean_note().as_deref(), Some("Bruiloft oom"));
    }
}
