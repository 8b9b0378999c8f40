//! The school's calendar date: report rules ("at most 14 days back") count
//! in days as they are in the Netherlands, not in UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

/// The date in the Netherlands at `now`.
pub fn school_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Amsterdam).date_naive()
}

/// The date and time on a clock in the Netherlands at `now`.
pub fn school_time(now: DateTime<Utc>) -> NaiveDateTime {
    now.with_timezone(&Amsterdam).naive_local()
}

/// The instant a Dutch clock shows `local`; in the hour skipped in spring,
/// the instant an hour later, and in the hour repeated in autumn the first.
pub fn instant_of_school_time(local: NaiveDateTime) -> DateTime<Utc> {
    Amsterdam
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            Amsterdam
                .from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// Today's date in the Netherlands.
pub fn school_today() -> NaiveDate {
    school_date(Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dutch_clock_time_is_an_instant_in_winter_and_in_summer() {
        let local = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            instant_of_school_time(local("2026-12-01T10:00:00")).to_string(),
            "2026-12-01 09:00:00 UTC"
        );
        assert_eq!(
            instant_of_school_time(local("2026-06-01T10:00:00")).to_string(),
            "2026-06-01 08:00:00 UTC"
        );
        // 02:30 does not exist on 29 March 2026: 03:30 summer time.
        assert_eq!(
            instant_of_school_time(local("2026-03-29T02:30:00")).to_string(),
            "2026-03-29 01:30:00 UTC"
        );
        assert_eq!(
            school_time(instant_of_school_time(local("2026-12-01T10:00:00"))),
            local("2026-12-01T10:00:00")
        );
    }

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
