//! The school calendar: which days are school days, how school weeks are
//! counted back, and how much of a day's lessons a part day is.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// A holiday or free day: no school from `first_day` to `last_day`, both
/// included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holiday {
    /// For people: "Kerstvakantie".
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// A stretch of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Whether `day` lies in the period, ends included.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// A school's calendar. School is on Monday to Friday, except on holidays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolCalendar {
    /// The first day of a school year (in the Netherlands 1 August); the same
    /// day of the month starts every other school year.
    pub school_year_start: NaiveDate,
    /// When lessons begin and end on a school day: a part day counts for the
    /// share of this time it covers.
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub lesson_start: NaiveTime,
    /// When lessons end.
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
    pub lesson_end: NaiveTime,
    /// The hours a whole school day counts for. Lesson hours or clock hours,
    /// as the school counts them for the 16-hour rule.
    pub lesson_hours_per_day: f32,
    pub holidays: Vec<Holiday>,
}

/// How far back a week count looks before it gives up: a calendar without
/// any school day must not loop for ever.
const MAX_WEEKS_BACK: u32 = 520;

impl SchoolCalendar {
    /// Monday to Friday, and not in a holiday.
    pub fn is_school_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !self
                .holidays
                .iter()
                .any(|h| h.first_day <= day && day <= h.last_day)
    }

    /// Whether the week (Monday to Sunday) holding `day` has a school day. A
    /// week spent entirely in a holiday is no school week, and no lesson week.
    pub fn is_school_week(&self, day: NaiveDate) -> bool {
        let monday = monday_of(day);
        (0..5).any(|i| self.is_school_day(monday + Days::new(i)))
    }

    /// The first day (a Monday) of the last `weeks` school weeks up to and
    /// including the week of `today`. Weeks without school are skipped, so
    /// "12 school weeks" may reach back further than 12 weeks.
    pub fn school_weeks_start(&self, today: NaiveDate, weeks: u32) -> NaiveDate {
        if weeks == 0 {
            return today + Days::new(1);
        }
        let mut monday = monday_of(today);
        let mut found = 0;
        for _ in 0..MAX_WEEKS_BACK {
            if self.is_school_week(monday) {
                found += 1;
                if found == weeks {
                    break;
                }
            }
            monday = monday - Days::new(7);
        }
        monday
    }

    /// The school days in `period`, in order.
    pub fn school_days(&self, period: Period) -> impl Iterator<Item = NaiveDate> + '_ {
        period
            .from
            .iter_days()
            .take_while(move |d| *d <= period.to)
            .filter(|d| self.is_school_day(*d))
    }

    /// The whole school year that holds `day`.
    pub fn school_year(&self, day: NaiveDate) -> Period {
        let year = Months::new(12);
        let mut from = self.school_year_start;
        while from > day {
            match from.checked_sub_months(year) {
                Some(earlier) => from = earlier,
                None => break,
            }
        }
        while let Some(next) = from.checked_add_months(year).filter(|n| *n <= day) {
            from = next;
        }
        let to = from
            .checked_add_months(year)
            .and_then(|n| n.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        Period { from, to }
    }

    /// The share of a school day's lessons between `from` and `to` (`None`:
    /// the start or end of lessons). 1.0 for a whole day; 0.0 if the times
    /// lie outside lessons or are in the wrong order.
    pub fn lesson_share(&self, from: Option<NaiveTime>, to: Option<NaiveTime>) -> f32 {
        let lessons = seconds(self.lesson_start, self.lesson_end);
        if lessons <= 0 {
            // A calendar without lesson times: only whole days can count.
            return if from.is_none() && to.is_none() {
                1.0
            } else {
                0.0
            };
        }
        let from = from.map_or(self.lesson_start, |t| t.max(self.lesson_start));
        let to = to.map_or(self.lesson_end, |t| t.min(self.lesson_end));
        seconds(from, to).max(0) as f32 / lessons as f32
    }

    /// A realistic Dutch calendar for the school year that starts on
    /// 1 August `first_year`, for demos and tests: lessons 08:30 to 14:30
    /// counted as 6 hours, and holidays by the usual pattern (roughly region
    /// midden). Not any region's official dates: a school sets its own.
    pub fn netherlands_example(first_year: i32) -> Self {
        let next_year = first_year + 1;
        let easter = easter_sunday(next_year);
        let days = |n: u64| Days::new(n);
        let holiday = |name: &str, first_day: NaiveDate, last_day: NaiveDate| Holiday {
            name: name.into(),
            first_day,
            last_day,
        };
        // The Saturday before `week`'s Monday up to the Sunday `weeks` later.
        let weeks_off = |name: &str, year: i32, week: u32, weeks: u64| {
            let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
                .unwrap_or(NaiveDate::MIN + days(2));
            holiday(name, monday - days(2), monday + days(7 * weeks - 1))
        };
        let christmas_start = (19..=25)
            .filter_map(|d| NaiveDate::from_ymd_opt(first_year, 12, d))
            .find(|d| d.weekday() == Weekday::Sat)
            .unwrap_or(NaiveDate::MIN);
        let kings_day_week =
            NaiveDate::from_ymd_opt(next_year, 4, 27).map_or(17, |d| d.iso_week().week());
        let one_day = |name: &str, day: NaiveDate| holiday(name, day, day);
        SchoolCalendar {
            school_year_start: NaiveDate::from_ymd_opt(first_year, 8, 1).unwrap_or(NaiveDate::MIN),
            lesson_start: NaiveTime::from_hms_opt(8, 30, 0).unwrap_or(NaiveTime::MIN),
            lesson_end: NaiveTime::from_hms_opt(14, 30, 0).unwrap_or(NaiveTime::MIN),
            lesson_hours_per_day: 6.0,
            holidays: vec![
                weeks_off("Zomervakantie", first_year, 29, 6),
                weeks_off("Herfstvakantie", first_year, 43, 1),
                holiday("Kerstvakantie", christmas_start, christmas_start + days(15)),
                weeks_off("Voorjaarsvakantie", next_year, 8, 1),
                one_day("Goede Vrijdag", easter - days(2)),
                one_day("Tweede Paasdag", easter + days(1)),
                weeks_off("Meivakantie", next_year, kings_day_week, 2),
                holiday("Hemelvaart", easter + days(39), easter + days(40)),
                one_day("Tweede Pinksterdag", easter + days(50)),
                weeks_off("Zomervakantie", next_year, 29, 6),
            ],
        }
    }
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(day.weekday().num_days_from_monday().into())
}

fn seconds(from: NaiveTime, to: NaiveTime) -> i64 {
    to.signed_duration_since(from).num_seconds()
}

/// Easter Sunday in the Gregorian calendar (the "anonymous" algorithm).
fn easter_sunday(year: i32) -> NaiveDate {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    #[test]
    fn easter_falls_on_the_known_sundays() {
        let known = [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ];
        for (year, easter) in known {
            assert_eq!(easter_sunday(year), day(easter), "{year}");
        }
    }

    #[test]
    fn school_days_skip_weekends_and_holidays() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let cases = [
            ("2026-11-24", true, "a Tuesday"),
            ("2026-11-21", false, "a Saturday"),
            ("2026-11-22", false, "a Sunday"),
            ("2026-08-21", false, "summer holiday, last Friday"),
            ("2026-08-24", true, "first school day after summer"),
            ("2026-10-19", false, "herfstvakantie, Monday"),
            ("2026-10-23", false, "herfstvakantie, Friday"),
            ("2026-10-26", true, "after herfstvakantie"),
            ("2026-12-18", true, "last day before Christmas"),
            ("2026-12-21", false, "kerstvakantie"),
            ("2027-01-01", false, "New Year's Day"),
            ("2027-01-04", true, "back after Christmas"),
            ("2027-02-22", false, "voorjaarsvakantie"),
            ("2027-03-26", false, "Goede Vrijdag"),
            ("2027-03-29", false, "Tweede Paasdag"),
            ("2027-04-27", false, "Koningsdag, in meivakantie"),
            ("2027-05-07", false, "meivakantie, second week"),
            ("2027-05-10", true, "after meivakantie"),
            ("2027-05-17", false, "Tweede Pinksterdag"),
            ("2027-07-16", true, "last day before summer"),
            ("2027-07-19", false, "zomervakantie 2027"),
        ];
        for (date, expected, name) in cases {
            assert_eq!(
                calendar.is_school_day(day(date)),
                expected,
                "{date}: {name}"
            );
        }
    }

    #[test]
    fn weeks_without_school_are_not_school_weeks() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        // (today, weeks back, first day of the window)
        let cases = [
            ("2026-11-24", 1, "2026-11-23", "this week only"),
            (
                "2026-11-29",
                1,
                "2026-11-23",
                "a Sunday belongs to its week",
            ),
            ("2026-11-24", 4, "2026-11-02", "four plain weeks"),
            ("2026-11-05", 4, "2026-10-05", "herfstvakantie is skipped"),
            (
                "2026-11-24",
                12,
                "2026-08-31",
                "twelve weeks back to summer",
            ),
            (
                "2027-01-06",
                2,
                "2026-12-14",
                "two weeks of Christmas skipped",
            ),
            (
                "2027-01-02",
                1,
                "2026-12-14",
                "today in a holiday: last school week",
            ),
            (
                "2027-03-31",
                2,
                "2027-03-22",
                "a week with Easter Monday is a school week",
            ),
        ];
        for (today, weeks, first, name) in cases {
            assert_eq!(
                calendar.school_weeks_start(day(today), weeks),
                day(first),
                "{name}"
            );
        }
        assert!(!calendar.is_school_week(day("2026-10-21")));
        assert!(
            calendar.is_school_week(day("2026-12-20")),
            "Mon to Fri before"
        );
    }

    #[test]
    fn a_calendar_without_school_does_not_hang() {
        let mut calendar = SchoolCalendar::netherlands_example(2026);
        calendar.holidays = vec![Holiday {
            name: "Altijd vrij".into(),
            first_day: NaiveDate::MIN,
            last_day: NaiveDate::MAX,
        }];
        let start = calendar.school_weeks_start(day("2026-11-24"), 4);
        assert!(start < day("2017-01-01"), "{start}");
    }

    #[test]
    fn part_days_count_their_share_of_lessons() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let t = |s| Some(time(s));
        let cases = [
            (None, None, 1.0),
            (t("11:30"), None, 0.5),
            (None, t("10:00"), 0.25),
            (t("07:00"), t("09:00"), 0.5 / 6.0),
            (t("14:30"), None, 0.0),
            (t("12:00"), t("10:00"), 0.0),
            (t("06:00"), t("20:00"), 1.0),
        ];
        for (from, to, share) in cases {
            let got = calendar.lesson_share(from, to);
            assert!((got - share).abs() < 1e-6, "{from:?}-{to:?}: {got}");
        }
    }

    #[test]
    fn the_school_year_is_found_from_any_day() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let cases = [
            ("2026-11-24", "2026-08-01", "2027-07-31"),
            ("2026-08-01", "2026-08-01", "2027-07-31"),
            ("2026-07-31", "2025-08-01", "2026-07-31"),
            ("2028-03-01", "2027-08-01", "2028-07-31"),
        ];
        for (today, from, to) in cases {
            let year = calendar.school_year(day(today));
            assert_eq!((year.from, year.to), (day(from), day(to)), "{today}");
        }
    }

    #[test]
    fn the_calendar_travels_with_times_as_hours_and_minutes() {
        let calendar = SchoolCalendar::netherlands_example(2026);
        let json = serde_json::to_value(&calendar).unwrap();
        assert_eq!(json["lesson_start"], "08:30");
        assert_eq!(json["holidays"][2]["first_day"], "2026-12-19");
        assert_eq!(json["holidays"][2]["last_day"], "2027-01-03");
        let back: SchoolCalendar = serde_json::from_value(json).unwrap();
        assert_eq!(back, calendar);
    }
}
