//! The names of days and months in Dutch, once for the app, the server's
//! texts and its mails.

use chrono::{Datelike, NaiveDate, Weekday};

const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "dinsdag".
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

/// "november".
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "dinsdag 24 november".
pub fn day_and_month(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(date.weekday()),
        date.day(),
        month_name(date)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_reads_as_dutch() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(day_and_month(day("2026-11-24")), "dinsdag 24 november");
        assert_eq!(day_and_month(day("2027-01-03")), "zondag 3 januari");
    }
}
