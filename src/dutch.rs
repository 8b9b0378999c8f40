//! Dates, times and periods written out in plain Dutch
//! ("dinsdag 24 november", "van 24 tot en met 26 november").
//!
//! Small on purpose: the few names we need, no i18n library.

use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use shared::{AbsenceDetails, TimeSlot};

/// Today's date on this device.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The time on this device's clock, as the school's times are written.
pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

fn weekday(day: Weekday) -> &'static str {
    shared::dutch::weekday_name(day)
}

fn month(date: NaiveDate) -> &'static str {
    shared::dutch::month_name(date)
}

/// " 2027" when `date` is not in `today`'s year, else nothing.
fn year_suffix(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        String::new()
    } else {
        format!(" {}", date.year())
    }
}

/// "dinsdag 24 november" (with the year when it is not this year).
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    format!(
        "{} {} {}{}",
        weekday(date.weekday()),
        date.day(),
        month(date),
        year_suffix(date, today)
    )
}

/// "10:00".
pub fn time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// A conversation's time: "woensdag 2 december, 10:00 tot 10:30 uur".
pub fn slot(slot: &TimeSlot, today: NaiveDate) -> String {
    format!(
        "{}, {} tot {} uur",
        day(slot.day, today),
        time(slot.start_time),
        time(slot.end_time)
    )
}

/// Labels as one phrase: ["Maandag", "Dinsdag", "Vrijdag"] -> "Maandag,
/// dinsdag en vrijdag" (only the first keeps its capital).
pub fn list(labels: &[&str]) -> String {
    let mut words: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                (*l).to_owned()
            } else {
                l.to_lowercase()
            }
        })
        .collect();
    let last = words.pop().unwrap_or_default();
    if words.is_empty() {
        last
    } else {
        format!("{} en {last}", words.join(", "))
    }
}

/// "24 november" / "24 november 2027", without the weekday.
fn day_and_month(date: NaiveDate, today: NaiveDate) -> String {
    format!("{} {}{}", date.day(), month(date), year_suffix(date, today))
}

/// When the child is away, in words:
/// "vanaf dinsdag 24 november, tot uw kind beter is",
/// "op dinsdag 24 november van 10:00 tot 11:30",
/// "van 24 tot en met 26 november".
pub fn period(absence: &AbsenceDetails, today: NaiveDate) -> String {
    let first = absence.first_day;
    let Some(last) = absence.last_day else {
        return format!("vanaf {}, tot uw kind beter is", day(first, today));
    };
    if last == first {
        let on = days(first, last, today);
        return match (absence.start_time, absence.end_time) {
            (Some(start), Some(end)) => format!("{on} van {} tot {}", time(start), time(end)),
            (Some(start), None) => format!("{on} vanaf {}", time(start)),
            (None, Some(end)) => format!("{on} tot {}", time(end)),
            (None, None) => on,
        };
    }
    days(first, last, today)
}

/// Whole days from `first` to `last`, in words: "op dinsdag 24 november",
/// "van 24 tot en met 26 november".
pub fn days(first: NaiveDate, last: NaiveDate, today: NaiveDate) -> String {
    if last == first {
        return format!("op {}", day(first, today));
    }
    let from = if first.year() != last.year() {
        format!("{} {} {}", first.day(), month(first), first.year())
    } else if first.month() != last.month() {
        format!("{} {}", first.day(), month(first))
    } else {
        first.day().to_string()
    };
    format!("van {from} tot en met {}", day_and_month(last, today))
}

/// What a time input holds (`HH:MM`, some browsers add `:SS`), or `None`
/// when it is empty or not a time.
pub fn time_input(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .ok()
}

/// What a date input holds (`YYYY-MM-DD`), or `None` when it is empty or
/// not a date.
pub fn date_input(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// An instant as ("dinsdag 24 november", "08:12"), in this device's time zone.
pub fn moment(at: DateTime<Utc>, today: NaiveDate) -> (String, String) {
    let local = at.with_timezone(&Local);
    (
        day(local.date_naive(), today),
        local.format("%H:%M").to_string(),
    )
}

/// A number as Dutch writes it: "3", "1,5".
pub fn number(value: f32) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else {
        format!("{tenths:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_a_decimal_comma_only_when_needed() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(1.5), "1,5");
        assert_eq!(number(0.04), "0");
        assert_eq!(number(2.25), "2,3");
    }
    use shared::AbsenceKind;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn report(
        first: &str,
        last: Option<&str>,
        times: (Option<&str>, Option<&str>),
    ) -> AbsenceDetails {
        let t = |s: Option<&str>| s.map(|s| NaiveTime::parse_from_str(s, "%H:%M").unwrap());
        AbsenceDetails {
            kind: AbsenceKind::Ill,
            first_day: date(first),
            last_day: last.map(date),
            start_time: t(times.0),
            end_time: t(times.1),
            note: None,
        }
    }

    #[test]
    fn conversation_times_read_as_plain_dutch() {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        let at = TimeSlot {
            day: date("2026-12-02"),
            start_time: t("10:00"),
            end_time: t("10:30"),
        };
        assert_eq!(
            slot(&at, date("2026-11-24")),
            "woensdag 2 december, 10:00 tot 10:30 uur"
        );
        assert_eq!(
            slot(&at, date("2027-01-05")),
            "woensdag 2 december 2026, 10:00 tot 10:30 uur"
        );
    }

    #[test]
    fn lists_read_as_one_phrase() {
        assert_eq!(list(&[]), "");
        assert_eq!(list(&["Ochtend"]), "Ochtend");
        assert_eq!(
            list(&["Maandag", "Dinsdag", "Vrijdag"]),
            "Maandag, dinsdag en vrijdag"
        );
    }

    #[test]
    fn periods_read_as_plain_dutch() {
        let today = date("2026-11-24");
        let cases = [
            (
                report("2026-11-24", None, (None, None)),
                "vanaf dinsdag 24 november, tot uw kind beter is",
            ),
            (
                report(
                    "2026-11-24",
                    Some("2026-11-24"),
                    (Some("10:00"), Some("11:30")),
                ),
                "op dinsdag 24 november van 10:00 tot 11:30",
            ),
            (
                report("2026-11-24", Some("2026-11-26"), (None, None)),
                "van 24 tot en met 26 november",
            ),
            (
                report("2026-11-30", Some("2026-12-02"), (None, None)),
                "van 30 november tot en met 2 december",
            ),
            (
                report("2026-12-30", Some("2027-01-02"), (None, None)),
                "van 30 december 2026 tot en met 2 januari 2027",
            ),
        ];
        for (r, want) in cases {
            assert_eq!(period(&r, today), want);
        }
    }
}
