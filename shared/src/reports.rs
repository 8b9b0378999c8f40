//! Absence reports: what a parent sends, what they get back, and the rules.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::validation::{check_idempotency_key, clean_text, done};

/// Why the child is away. Deliberately coarse: a school may record "ill",
/// never what the child has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// `POST /api/reports`: report one or more children absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAbsenceReport {
    /// Every child this report is for; each gets a report of their own.
    pub pupil_ids: Vec<String>,
    pub kind: AbsenceKind,
    pub first_day: NaiveDate,
    /// `None`: until the child is reported better (illness only).
    #[serde(default)]
    pub last_day: Option<NaiveDate>,
    /// Part of a day (single-day reports only): away from this time...
    #[serde(default, with = "hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    /// ...until this time.
    #[serde(default, with = "hhmm_opt")]
    pub end_time: Option<NaiveTime>,
    /// A short practical note, never for illness; no medical details.
    #[serde(default)]
    pub note: Option<String>,
    /// Made once by the app per report attempt; a retry with the same key
    /// returns the reports made the first time instead of new ones.
    pub idempotency_key: String,
}

impl NewAbsenceReport {
    /// Every rule the server enforces, in the order of the form's fields.
    /// `today` is the school's date now.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, message: &str| errors.push(FieldError::new(field, message));

        if self.pupil_ids.is_empty() {
            fail("pupil_ids", "Kies voor welk kind u de melding doet.");
        } else if self.pupil_ids.len() > MAX_CHILDREN_PER_REPORT {
            fail(
                "pupil_ids",
                "U kunt voor hoogstens 10 kinderen tegelijk melden.",
            );
        } else if self
            .pupil_ids
            .iter()
            .any(|id| id.is_empty() || id.len() > 64)
        {
            fail("pupil_ids", "Dit kind kennen we niet.");
        } else if has_duplicates(&self.pupil_ids) {
            fail("pupil_ids", "U heeft een kind twee keer gekozen.");
        }

        let earliest = today - Days::new(MAX_DAYS_BACK);
        let latest = today + Days::new(MAX_DAYS_AHEAD);
        if self.first_day < earliest {
            fail(
                "first_day",
                "Deze dag is meer dan 2 weken geleden. Bel de school hierover.",
            );
        } else if self.first_day > latest {
            fail(
                "first_day",
                "Deze dag is meer dan een jaar vooruit. Kies een eerdere dag.",
            );
        }

        match self.last_day {
            None if self.kind != AbsenceKind::Ill => {
                fail("last_day", "Kies de laatste dag dat uw kind weg is.")
            }
            Some(last) if last < self.first_day => fail(
                "last_day",
                "De laatste dag kan niet vóór de eerste dag liggen.",
            ),
            Some(last) if last > self.first_day + Days::new(MAX_SPAN_DAYS) => {
                fail("last_day", "Een melding kan hoogstens een jaar duren.")
            }
            _ => {}
        }

        let part_of_day = self.start_time.is_some() || self.end_time.is_some();
        if part_of_day && self.last_day != Some(self.first_day) {
            fail(
                "start_time",
                "Tijden kunt u alleen geven als uw kind één dag weg is.",
            );
        } else if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            if end <= start {
                fail("end_time", "De eindtijd moet later zijn dan de begintijd.");
            }
        }

        let note = self.note.as_deref().map(str::trim).unwrap_or("");
        if !note.is_empty() && !self.kind.allows_note() {
            fail(
                "note",
                "Bij ziek hoort geen toelichting. Wat uw kind heeft, blijft privé.",
            );
        } else if note.chars().count() > MAX_NOTE_CHARS {
            fail(
                "note",
                "De toelichting is te lang. Gebruik hoogstens 200 tekens.",
            );
        }

        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }

    /// The note as it is stored: trimmed, and absent when empty.
    pub fn clean_note(&self) -> Option<String> {
        clean_text(self.note.as_deref())
    }
}

fn has_duplicates(ids: &[String]) -> bool {
    ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id))
}

/// A stored absence report, for one child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceReport {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub kind: AbsenceKind,
    pub first_day: NaiveDate,
    /// `None`: until the child is reported better.
    pub last_day: Option<NaiveDate>,
    #[serde(default, with = "hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    #[serde(default, with = "hhmm_opt")]
    pub end_time: Option<NaiveTime>,
    pub note: Option<String>,
    /// The name of the guardian who made the report.
    pub reported_by: String,
    /// When the school's server stored it.
    pub reported_at: DateTime<Utc>,
}

/// Optional times of day as `"HH:MM"` (also accepts `"HH:MM:SS"`).
mod hhmm_opt {
    use chrono::NaiveTime;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.format("%H:%M").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)?.as_deref() {
            None | Some("") => Ok(None),
            Some(s) => NaiveTime::parse_from_str(s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
                .map(Some)
                .map_err(|_| D::Error::custom(format!("'{s}' is not a time of day (HH:MM)"))),
        }
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
            kind: AbsenceKind::Ill,
            first_day: day(TODAY),
            last_day: None,
            start_time: None,
            end_time: None,
            note: None,
            idempotency_key: "0123456789abcdef-key".into(),
        }
    }

    /// The fields that fail validation, in order.
    fn failing_fields(r: &NewAbsenceReport) -> Vec<&'static str> {
        match r.validate(day(TODAY)) {
            Ok(()) => vec![],
            Err(errors) => errors.iter().map(|e| e.field).collect(),
        }
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
                |r| r.first_day = day("2026-11-09"),
                "first_day",
            ),
            (
                "366 days ahead",
                |r| r.first_day = day("2027-11-26"),
                "first_day",
            ),
            (
                "last before first",
                |r| r.last_day = Some(day("2026-11-23")),
                "last_day",
            ),
            (
                "longer than a year",
                |r| r.last_day = Some(day("2027-11-25")),
                "last_day",
            ),
            (
                "open-ended appointment",
                |r| r.kind = AbsenceKind::Appointment,
                "last_day",
            ),
            (
                "times on an open-ended report",
                |r| r.start_time = time("10:00"),
                "start_time",
            ),
            (
                "times over several days",
                |r| {
                    r.last_day = Some(day("2026-11-25"));
                    r.end_time = time("10:00");
                },
                "start_time",
            ),
            (
                "end before start",
                |r| {
                    r.last_day = Some(r.first_day);
                    r.start_time = time("11:00");
                    r.end_time = time("10:00");
                },
                "end_time",
            ),
            (
                "a note on illness",
                |r| r.note = Some("griep".into()),
                "note",
            ),
            (
                "a note too long",
                |r| {
                    r.kind = AbsenceKind::Other;
                    r.last_day = Some(r.first_day);
                    r.note = Some("x".repeat(201));
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
            ("14 days ago", |r| r.first_day = day("2026-11-10")),
            ("365 days ahead", |r| r.first_day = day("2027-11-24")),
            ("10 children", |r| {
                r.pupil_ids = (0..10).map(|i| i.to_string()).collect()
            }),
            ("an appointment in the morning", |r| {
                r.kind = AbsenceKind::Appointment;
                r.last_day = Some(r.first_day);
                r.end_time = time("10:30");
                r.note = Some("Tandarts, daarna komt ze naar school.".into());
            }),
            ("ill from noon", |r| {
                r.last_day = Some(r.first_day);
                r.start_time = time("12:00");
            }),
            ("a blank note on illness", |r| r.note = Some("  ".into())),
            ("a note of exactly 200 characters", |r| {
                r.kind = AbsenceKind::Other;
                r.last_day = Some(r.first_day);
                r.note = Some("é".repeat(200));
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
        report.last_day = Some(report.first_day);
        report.start_time = time("09:15");
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
    fn the_note_is_stored_trimmed_or_not_at_all() {
        let mut report = ill_today();
        report.note = Some("  ".into());
        assert_eq!(report.clean_note(), None);
        report.note = Some(" Bruiloft oom ".into());
        assert_eq!(report.clean_note().as_deref(), Some("Bruiloft oom"));
    }
}
