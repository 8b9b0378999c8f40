//! The engine's input: a child's absences, each with the category the school
//! counts it under.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::calendar::{Period, SchoolCalendar};
use crate::reports::{AbsenceKind, AbsenceReport};

/// How the school counts an absence. Open on purpose: the law may come to ask
/// schools to register allowed absence by category too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AbsenceCategory {
    Ill,
    /// A doctor's, dentist's or hospital appointment.
    Appointment,
    /// Leave (verlof) the director or the leerplichtambtenaar granted.
    Leave,
    /// Announced absence for another reason that the school has not judged
    /// yet. Not unauthorised by itself.
    Other,
    /// Absence without a valid reason, as the school judged it.
    Unauthorised,
    /// A late arrival; `end_time` is when the child came in, if known.
    Late,
}

impl AbsenceCategory {
    pub const ALL: [AbsenceCategory; 6] = [
        Self::Ill,
        Self::Appointment,
        Self::Leave,
        Self::Other,
        Self::Unauthorised,
        Self::Late,
    ];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ill => "ill",
            Self::Appointment => "appointment",
            Self::Leave => "leave",
            Self::Other => "other",
            Self::Unauthorised => "unauthorised",
            Self::Late => "late",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Plain Dutch, for parents.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ill => "Ziek",
            Self::Appointment => "Afspraak bij dokter, tandarts of ziekenhuis",
            Self::Leave => "Verlof",
            Self::Other => "Iets anders",
            Self::Unauthorised => "Afwezig zonder toestemming",
            Self::Late => "Te laat",
        }
    }
}

impl From<AbsenceKind> for AbsenceCategory {
    fn from(kind: AbsenceKind) -> Self {
        match kind {
            AbsenceKind::Ill => Self::Ill,
            AbsenceKind::Appointment => Self::Appointment,
            AbsenceKind::Other => Self::Other,
        }
    }
}

/// One absence as the engine counts it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AbsenceRecord {
    pub category: AbsenceCategory,
    pub first_day: NaiveDate,
    /// `None`: open-ended, runs until today.
    #[serde(default)]
    pub last_day: Option<NaiveDate>,
    /// Away from this time on the first day (`None`: from the start).
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub start_time: Option<NaiveTime>,
    /// Away until this time on the last day (`None`: to the end).
    #[serde(default, with = "crate::hhmm::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub end_time: Option<NaiveTime>,
}

impl From<&AbsenceReport> for AbsenceRecord {
    fn from(report: &AbsenceReport) -> Self {
        let details = &report.details;
        Self {
            category: details.kind.into(),
            first_day: details.first_day,
            last_day: details.last_day,
            start_time: details.start_time,
            end_time: details.end_time,
        }
    }
}

impl AbsenceRecord {
    /// The school days this record covers up to `today`, each with the share
    /// of its lessons missed. Days after `today` have not happened yet.
    pub fn school_day_shares<'a>(
        &'a self,
        calendar: &'a SchoolCalendar,
        today: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDate, f32)> + 'a {
        let is_late = self.category == AbsenceCategory::Late;
        // A late arrival is one moment on one day.
        let last_day = if is_late {
            Some(self.first_day)
        } else {
            self.last_day
        };
        let period = Period {
            from: self.first_day,
            to: last_day.unwrap_or(today).min(today),
        };
        calendar.school_days(period).map(move |day| {
            let from = self.start_time.filter(|_| day == self.first_day);
            let to = self.end_time.filter(|_| Some(day) == last_day);
            let share = if is_late && to.is_none() {
                0.0 // came in late, but we do not know when: no time to count
            } else {
                calendar.lesson_share(from, to)
            };
            (day, share)
        })
    }
}

/// Per school day up to `today`, the share of lessons missed in `category`.
/// Records that overlap add up, but a day never counts for more than one.
pub(super) fn shares_per_day(
    history: &[AbsenceRecord],
    category: AbsenceCategory,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> BTreeMap<NaiveDate, f32> {
    let mut days = BTreeMap::new();
    for record in history.iter().filter(|r| r.category == category) {
        for (day, share) in record.school_day_shares(calendar, today) {
            let total: &mut f32 = days.entry(day).or_default();
            *total = (*total + share).min(1.0);
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use crate::reports::AbsenceDetails;

    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn time(s: &str) -> Option<NaiveTime> {
        Some(NaiveTime::parse_from_str(s, "%H:%M").unwrap())
    }

    #[test]
    fn a_report_becomes_a_record() {
        let cases = [
            (AbsenceKind::Ill, AbsenceCategory::Ill),
            (AbsenceKind::Appointment, AbsenceCategory::Appointment),
            (AbsenceKind::Other, AbsenceCategory::Other),
        ];
        for (kind, category) in cases {
            let report = AbsenceReport {
                id: "r".into(),
                pupil_id: "p".into(),
                pupil_first_name: "Noor".into(),
                details: AbsenceDetails {
                    kind,
                    first_day: day("2026-11-24"),
                    last_day: Some(day("2026-11-24")),
                    start_time: time("10:00"),
                    end_time: time("11:00"),
                    note: None,
                },
                reported_by: "Sanne".into(),
                reported_at: DateTime::<Utc>::from_timestamp(0, 0).unwrap(),
                acknowledged_at: None,
                acknowledged_by: None,
                updated_at: None,
            };
            let record = AbsenceRecord::from(&report);
            assert_eq!(
                record,
                AbsenceRecord {
                    category,
                    first_day: day("2026-11-24"),
                    last_day: Some(day("2026-11-24")),
                    start_time: time("10:00"),
                    end_time: time("11:00"),
                }
            );
        }
    }

    #[test]
    fn categories_round_trip_through_their_names() {
        for category in AbsenceCategory::ALL {
            assert_eq!(AbsenceCategory::parse(category.as_str()), Some(category));
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::json!(category.as_str())
            );
        }
        assert_eq!(AbsenceCategory::parse("luxe"), None);
    }

    #[test]
    fn records_cover_school_days_up_to_today() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let record = |category, first: &str, last: Option<&str>, from, to| AbsenceRecord {
            category,
            first_day: day(first),
            last_day: last.map(day),
            start_time: from,
            end_time: to,
        };
        use AbsenceCategory::*;
        let today = day("2026-11-25");
        // (name, record, the days it covers with their shares)
        type Case = (&'static str, AbsenceRecord, Vec<(&'static str, f32)>);
        let cases: Vec<Case> = vec![
            (
                "open-ended over a weekend runs until today",
                record(Ill, "2026-11-20", None, None, None),
                vec![
                    ("2026-11-20", 1.0),
                    ("2026-11-23", 1.0),
                    ("2026-11-24", 1.0),
                    ("2026-11-25", 1.0),
                ],
            ),
            (
                "future days are not counted yet",
                record(Appointment, "2026-11-25", Some("2026-11-26"), None, None),
                vec![("2026-11-25", 1.0)],
            ),
            (
                "a report starting next week is nothing yet",
                record(Ill, "2026-11-30", None, None, None),
                vec![],
            ),
            (
                "a report spanning herfstvakantie counts only school days",
                record(Leave, "2026-10-16", Some("2026-10-26"), None, None),
                vec![("2026-10-16", 1.0), ("2026-10-26", 1.0)],
            ),
            (
                "a part day",
                record(
                    Appointment,
                    "2026-11-24",
                    Some("2026-11-24"),
                    time("08:30"),
                    time("10:00"),
                ),
                vec![("2026-11-24", 0.25)],
            ),
            (
                "ill from noon, then whole days",
                record(Ill, "2026-11-23", None, time("11:30"), None),
                vec![
                    ("2026-11-23", 0.5),
                    ("2026-11-24", 1.0),
                    ("2026-11-25", 1.0),
                ],
            ),
            (
                "a late arrival with its time",
                record(Late, "2026-11-24", None, None, time("09:00")),
                vec![("2026-11-24", 0.5 / 6.0)],
            ),
            (
                "a late arrival without a time",
                record(Late, "2026-11-24", None, None, None),
                vec![("2026-11-24", 0.0)],
            ),
            (
                "a Saturday only",
                record(Ill, "2026-11-21", Some("2026-11-21"), None, None),
                vec![],
            ),
        ];
        for (name, record, expected) in cases {
            let got: Vec<(NaiveDate, f32)> = record.school_day_shares(&calendar, today).collect();
            let expected: Vec<(NaiveDate, f32)> =
                expected.into_iter().map(|(d, s)| (day(d), s)).collect();
            assert_eq!(got.len(), expected.len(), "{name}: {got:?}");
            for ((d, s), (ed, es)) in got.iter().zip(&expected) {
                assert_eq!(d, ed, "{name}");
                assert!((s - es).abs() < 1e-6, "{name}: {d} {s} != {es}");
            }
        }
    }

    #[test]
    fn overlapping_records_never_make_a_day_count_twice() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let ill = |first: &str, from, to| AbsenceRecord {
            category: AbsenceCategory::Ill,
            first_day: day(first),
            last_day: Some(day(first)),
            start_time: from,
            end_time: to,
        };
        let history = [
            ill("2026-11-23", None, None),
            ill("2026-11-23", None, None),
            ill("2026-11-24", None, time("10:00")),
            ill("2026-11-24", time("13:00"), None),
        ];
        let days = shares_per_day(&history, AbsenceCategory::Ill, &calendar, day("2026-11-30"));
        assert_eq!(days[&day("2026-11-23")], 1.0);
        assert!((days[&day("2026-11-24")] - 0.5).abs() < 1e-6);
        assert!(shares_per_day(
            &history,
            AbsenceCategory::Late,
            &calendar,
            day("2026-11-30")
        )
        .is_empty());
    }
}
