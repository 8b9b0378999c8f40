//! The engine: where a child stands on the school's protocol today.
//!
//! Pure: the same history, calendar, protocol and date always give the same
//! [`Position`]. Days after `today` do not count yet; an open-ended report
//! runs until `today`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{Period, SchoolCalendar};
use super::record::{shares_per_day, AbsenceCategory, AbsenceRecord};
use super::steps::{Protocol, Trigger};
use super::text::{ceil_tenth, count_of, number};
use super::totals::Totals;

/// Where a child stands on the protocol today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Position {
    /// Every step of the protocol, in the protocol's order.
    pub steps: Vec<StepStatus>,
    /// The step closest to applying, if the child is on the way to one; see
    /// [`evaluate`] for how it is chosen.
    pub next: Option<NextStep>,
    pub totals: Totals,
}

impl Position {
    /// The state of the step with this id.
    pub fn state(&self, step_id: &str) -> Option<&StepState> {
        self.steps
            .iter()
            .find(|s| s.step_id == step_id)
            .map(|s| &s.state)
    }
}

/// One step and where the child stands on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepStatus {
    pub step_id: String,
    pub state: StepState,
}

/// On the wire: `{"state": "applies", "since": "2026-11-24"}`,
/// `{"state": "informational"}`, `{"state": "not_yet", "distance": {...}}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum StepState {
    /// The threshold is reached; `since` is the day it was reached.
    Applies { since: NaiveDate },
    /// A fact for every report ("the teacher registers it"), not a
    /// threshold: show it as what the school does anyway.
    Informational,
    /// Not reached; `distance` says how far away it is.
    NotYet { distance: Distance },
}

/// The step closest to applying, and how far away it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextStep {
    pub step_id: String,
    pub distance: Distance,
}

/// How far a step is from applying. On the wire:
/// `{"type": "sick_reports", "more": 1, "within_school_weeks": 12}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Distance {
    /// `more` sick reports within the last `within_school_weeks` school weeks.
    SickReports { more: u32, within_school_weeks: u32 },
    /// `more` school days ill in a row, counting on from the current run.
    SickDaysInRow { more: u32 },
    /// `more` hours of unauthorised absence within the last
    /// `within_lesson_weeks` lesson weeks.
    UnauthorisedHours { more: f32, within_lesson_weeks: u32 },
    /// `more` late arrivals this school year.
    LateArrivals { more: u32 },
}

impl Distance {
    /// Plain Dutch for parents: "Nog 1 ziekmelding binnen 12 schoolweken".
    pub fn describe(&self) -> String {
        let weeks = |n: u32, one, many| count_of(n as f32, one, many);
        match *self {
            Self::SickReports {
                more,
                within_school_weeks,
            } => format!(
                "Nog {} binnen {}",
                count_of(more as f32, "ziekmelding", "ziekmeldingen"),
                weeks(within_school_weeks, "schoolweek", "schoolweken"),
            ),
            Self::SickDaysInRow { more } => format!(
                "Nog {} ziek achter elkaar",
                count_of(more as f32, "schooldag", "schooldagen")
            ),
            Self::UnauthorisedHours {
                more,
                within_lesson_weeks,
            } => format!(
                "Nog {} uur les zonder toestemming binnen {}",
                number(ceil_tenth(more)),
                weeks(within_lesson_weeks, "lesweek", "lesweken"),
            ),
            Self::LateArrivals { more } => format!("Nog {more} keer te laat dit schooljaar"),
        }
    }
}

/// Where the child stands on `protocol` on `today`.
///
/// Each step gets a state. Information steps ([`Trigger::EveryReport`],
/// [`Trigger::NoReportBy`]) are always [`StepState::Informational`].
///
/// `next` is the not-yet step with the smallest share of its own threshold
/// still to go: 1 more of 4 sick reports (0.25) comes before 3 more of 8 days
/// (0.375); on a tie the earlier step in the protocol wins. Only a step on a
/// track where the child already has something counted can be next, so a
/// child who was only ill never sees a lateness or leerplicht step as next,
/// and a child with nothing counted has no next step.
///
/// Expects a protocol that passed [`Protocol::validate`].
pub fn evaluate(
    protocol: &Protocol,
    calendar: &SchoolCalendar,
    history: &[AbsenceRecord],
    today: NaiveDate,
) -> Position {
    let facts = Facts::gather(calendar, history, today);
    let mut steps = Vec::with_capacity(protocol.steps.len());
    let mut next: Option<(f32, NextStep)> = None;
    for step in &protocol.steps {
        let state = match facts.assess(&step.trigger) {
            Assessment::Informational => StepState::Informational,
            Assessment::Applies(since) => StepState::Applies { since },
            Assessment::NotYet { distance, left } => {
                // `left < 1.0`: the child has something counted on this track.
                if left < 1.0 && next.as_ref().is_none_or(|(best, _)| left < *best) {
                    let step_id = step.id.clone();
                    next = Some((left, NextStep { step_id, distance }));
                }
                StepState::NotYet { distance }
            }
        };
        steps.push(StepStatus {
            step_id: step.id.clone(),
            state,
        });
    }
    Position {
        steps,
        next: next.map(|(_, n)| n),
        totals: Totals::compute(calendar, history, today),
    }
}

/// What a trigger comes to for this child.
enum Assessment {
    Informational,
    Applies(NaiveDate),
    /// `left`: the share of the threshold still to go, 1.0 when nothing
    /// counts yet.
    NotYet {
        distance: Distance,
        left: f32,
    },
}

/// Float sums of part days may land a hair under a whole number.
const HOURS_SLACK: f32 = 1e-3;

/// The child's history, read once for all steps.
struct Facts<'a> {
    calendar: &'a SchoolCalendar,
    today: NaiveDate,
    /// From the first day of this school year to today.
    school_year: Period,
    /// Runs of school days ill in a row, oldest first; each one illness.
    ill_spells: Vec<Vec<NaiveDate>>,
    /// Per school day, the share of lessons missed without permission.
    unauthorised: BTreeMap<NaiveDate, f32>,
    /// The days the child came late this school year, oldest first.
    late_days: Vec<NaiveDate>,
}

impl<'a> Facts<'a> {
    fn gather(calendar: &'a SchoolCalendar, history: &[AbsenceRecord], today: NaiveDate) -> Self {
        let school_year = Period {
            from: calendar.school_year(today).from,
            to: today,
        };
        let ill_days = shares_per_day(history, AbsenceCategory::Ill, calendar, today)
            .into_iter()
            .filter(|(_, share)| *share > 0.0)
            .map(|(day, _)| day);
        let late_days: BTreeSet<NaiveDate> = history
            .iter()
            .filter(|r| r.category == AbsenceCategory::Late)
            .map(|r| r.first_day)
            .filter(|d| school_year.contains(*d) && calendar.is_school_day(*d))
            .collect();
        Facts {
            calendar,
            today,
            school_year,
            ill_spells: spells(calendar, ill_days),
            unauthorised: shares_per_day(history, AbsenceCategory::Unauthorised, calendar, today),
            late_days: late_days.into_iter().collect(),
        }
    }

    fn assess(&self, trigger: &Trigger) -> Assessment {
        match *trigger {
            Trigger::EveryReport | Trigger::NoReportBy { .. } => Assessment::Informational,
            Trigger::SickReports {
                count,
                within_school_weeks,
            } => {
                let from = self
                    .calendar
                    .school_weeks_start(self.today, within_school_weeks);
                // An illness counts in the window it was first reported in.
                let starts: Vec<NaiveDate> = self
                    .ill_spells
                    .iter()
                    .filter_map(|spell| spell.first().copied())
                    .filter(|day| *day >= from)
                    .collect();
                counted(count, &starts, |more| Distance::SickReports {
                    more,
                    within_school_weeks,
                })
            }
            Trigger::SickDaysInRow { school_days } => self.days_in_row(school_days.max(1)),
            Trigger::UnauthorisedHours {
                hours,
                within_lesson_weeks,
            } => self.unauthorised_hours(hours, within_lesson_weeks),
            Trigger::LateArrivals { count } => counted(count, &self.late_days, |more| {
                Distance::LateArrivals { more }
            }),
        }
    }

    /// Applies once a run of `needed` school days ill was reached this school
    /// year; otherwise the distance counts on from the run going on today.
    fn days_in_row(&self, needed: u32) -> Assessment {
        let this_year = |spell: &'_ Vec<NaiveDate>| {
            spell
                .iter()
                .copied()
                .filter(|d| self.school_year.contains(*d))
                .collect::<Vec<_>>()
        };
        let reached = self
            .ill_spells
            .iter()
            .rev()
            .find_map(|spell| this_year(spell).get(needed as usize - 1).copied());
        if let Some(since) = reached {
            return Assessment::Applies(since);
        }
        let run = self
            .ill_spells
            .last()
            .filter(|spell| spell.last().is_some_and(|last| self.no_school_since(*last)))
            .map_or(0, |spell| this_year(spell).len() as u32);
        let more = needed.saturating_sub(run).max(1);
        Assessment::NotYet {
            distance: Distance::SickDaysInRow { more },
            left: more as f32 / needed as f32,
        }
    }

    fn unauthorised_hours(&self, hours: f32, within_lesson_weeks: u32) -> Assessment {
        let from = self
            .calendar
            .school_weeks_start(self.today, within_lesson_weeks);
        let mut counted = 0.0;
        let mut since = None;
        for (day, share) in self.unauthorised.range(from..) {
            counted += share * self.calendar.lesson_hours_per_day;
            if since.is_none() && counted >= hours - HOURS_SLACK {
                since = Some(*day);
            }
        }
        match since {
            Some(day) => Assessment::Applies(day),
            None => {
                let more = (hours - counted).max(0.0);
                Assessment::NotYet {
                    distance: Distance::UnauthorisedHours {
                        more,
                        within_lesson_weeks,
                    },
                    left: more / hours,
                }
            }
        }
    }

    /// Whether no school day came after `day`, up to today: a run that ended
    /// on `day` is still going on.
    fn no_school_since(&self, day: NaiveDate) -> bool {
        let after = Period {
            from: day + Days::new(1),
            to: self.today,
        };
        self.calendar.school_days(after).next().is_none()
    }
}

/// Applies on the day of the `needed`th date; otherwise how many more.
fn counted(needed: u32, dates: &[NaiveDate], distance: impl FnOnce(u32) -> Distance) -> Assessment {
    let needed = needed.max(1);
    match dates.get(needed as usize - 1) {
        Some(day) => Assessment::Applies(*day),
        None => {
            let more = needed - dates.len() as u32;
            Assessment::NotYet {
                distance: distance(more),
                left: more as f32 / needed as f32,
            }
        }
    }
}

/// Groups school days (in order) into runs with no school day in between:
/// weekends and holidays neither count nor break a run.
fn spells(calendar: &SchoolCalendar, days: impl Iterator<Item = NaiveDate>) -> Vec<Vec<NaiveDate>> {
    let mut spells: Vec<Vec<NaiveDate>> = Vec::new();
    for day in days {
        let follows = |last: &NaiveDate| {
            let between = Period {
                from: *last + Days::new(1),
                to: day - Days::new(1),
            };
            calendar.school_days(between).next().is_none()
        };
        match spells.last_mut() {
            Some(spell) if spell.last().is_some_and(follows) => spell.push(day),
            _ => spells.push(vec![day]),
        }
    }
    spells
}
