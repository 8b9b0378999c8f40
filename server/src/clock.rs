//! The school's calendar date: report rules ("at most 14 days back") count
//! in days as they are in the Netherlands, not in UTC.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;

/// The date in the Netherlands at `now`.
pub fn school_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Amsterdam).date_naive()
}

/// Today's date in the Netherlands.
pub fn school_today() -> NaiveDate {
    school_date(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_dutch_day_starts_before_the_utc_day() {
        // Winter: UTC+1.
        assert_eq!(
            school_date(at("2026-11-24T22:59:00Z")).to_string(),
            "2026-11-24"
        );
        assert_eq!(
            school_date(at("2026-11-24T23:00:00Z")).to_string(),
            "2026-11-25"
        );
        // Summer: UTC+2.
        assert_eq!(
            school_date(at("2026-06-01T21:59:00Z")).to_string(),
            "2026-06-01"
        );
        assert_eq!(
            school_date(at("2026-06-01T22:00:00Z")).to_string(),
            "2026-06-02"
        );
    }
}
