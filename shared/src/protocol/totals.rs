//! The child's absence this school year, per category, and one friendly
//! sentence about it. Parents tend to think their child missed about half as
//! much as they did; telling them kindly helps (see the domain notes).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::{Period, SchoolCalendar};
use super::record::{shares_per_day, AbsenceCategory, AbsenceRecord};
use super::text::{and_list, count_of, round_tenth};

/// The totals of this school year up to today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// From the first day of the school year to the last day counted (today).
    pub school_year: Period,
    /// One entry per category, in the order of [`AbsenceCategory::ALL`].
    pub categories: Vec<CategoryTotal>,
}

/// The totals of one category.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryTotal {
    pub category: AbsenceCategory,
    /// Reports that cover at least one school day so far this school year.
    pub reports: u32,
    /// School days missed; a part day counts for its share of the lessons.
    pub school_days: f32,
    /// The same in lesson hours (the calendar's hours per day).
    pub lesson_hours: f32,
}

/// The categories that are time away from school, in the sentence's order.
const AWAY: [AbsenceCategory; 5] = [
    AbsenceCategory::Ill,
    AbsenceCategory::Appointment,
    AbsenceCategory::Leave,
    AbsenceCategory::Other,
    AbsenceCategory::Unauthorised,
];

impl Totals {
    /// Counts `history` from the start of the school year up to `today`.
    pub fn compute(calendar: &SchoolCalendar, history: &[AbsenceRecord], today: NaiveDate) -> Self {
        let counted = Period {
            from: calendar.school_year(today).from,
            to: today,
        };
        let categories = AbsenceCategory::ALL
            .into_iter()
            .map(|category| {
                let reports = history
                    .iter()
                    .filter(|r| r.category == category)
                    .filter(|r| {
                        r.school_day_shares(calendar, today)
                            .any(|(day, _)| counted.contains(day))
                    })
                    .count() as u32;
                // A fold from +0.0: `sum()` of nothing is -0.0 and would
                // travel as "-0.0".
                let school_days = shares_per_day(history, category, calendar, today)
                    .range(counted.from..=counted.to)
                    .fold(0.0_f32, |days, (_, share)| days + share);
                CategoryTotal {
                    category,
                    reports,
                    school_days,
                    lesson_hours: school_days * calendar.lesson_hours_per_day,
                }
            })
            .collect();
        Totals {
            school_year: counted,
            categories,
        }
    }

    /// The totals of one category (zero if it is missing).
    pub fn of(&self, category: AbsenceCategory) -> CategoryTotal {
        self.categories
            .iter()
            .find(|c| c.category == category)
            .copied()
            .unwrap_or(CategoryTotal {
                category,
                reports: 0,
                school_days: 0.0,
                lesson_hours: 0.0,
            })
    }

    /// The school days away from school, all categories but lateness.
    pub fn school_days_away(&self) -> f32 {
        AWAY.iter().map(|c| self.of(*c).school_days).sum()
    }

    /// The totals in one or two calm sentences, with the child's first name:
    /// "Noor was dit schooljaar 6 schooldagen afwezig: 5 dagen ziek en 1 dag
    /// voor een afspraak."
    pub fn sentence(&self, first_name: &str) -> String {
        // Rounded first, so that the parts add up to the total shown.
        let parts: Vec<(AbsenceCategory, f32)> = AWAY
            .iter()
            .map(|c| (*c, round_tenth(self.of(*c).school_days)))
            .filter(|(_, days)| *days > 0.0)
            .collect();
        let mut sentence = match parts.as_slice() {
            [] => format!("{first_name} was dit schooljaar nog geen dag afwezig."),
            [(category, days)] => format!(
                "{first_name} was dit schooljaar {} {}.",
                count_of(*days, "schooldag", "schooldagen"),
                alone(*category)
            ),
            _ => {
                let total: f32 = parts.iter().map(|(_, days)| days).sum();
                let listed: Vec<String> = parts
                    .iter()
                    .map(|(c, days)| format!("{} {}", count_of(*days, "dag", "dagen"), in_list(*c)))
                    .collect();
                format!(
                    "{first_name} was dit schooljaar {} afwezig: {}.",
                    count_of(total, "schooldag", "schooldagen"),
                    and_list(&listed)
                )
            }
        };
        let late = self.of(AbsenceCategory::Late).reports;
        if late > 0 {
            sentence.push_str(&format!(" {first_name} kwam {late} keer te laat."));
        }
        sentence
    }
}

/// "Noor was dit schooljaar 2 schooldagen {alone}."
fn alone(category: AbsenceCategory) -> &'static str {
    match category {
        AbsenceCategory::Ill => "ziek",
        AbsenceCategory::Appointment => "afwezig voor een afspraak",
        AbsenceCategory::Leave => "afwezig met verlof",
        AbsenceCategory::Other => "afwezig om een andere reden",
        AbsenceCategory::Unauthorised => "afwezig zonder toestemming",
        AbsenceCategory::Late => "te laat",
    }
}

/// "..., 2 dagen {in_list} en ..."
fn in_list(category: AbsenceCategory) -> &'static str {
    match category {
        AbsenceCategory::Ill => "ziek",
        AbsenceCategory::Appointment => "voor een afspraak",
        AbsenceCategory::Leave => "met verlof",
        AbsenceCategory::Other => "om een andere reden",
        AbsenceCategory::Unauthorised => "zonder toestemming",
        AbsenceCategory::Late => "te laat",
    }
}
