//! Dates, times and periods written out in the chosen language
//! ("dinsdag 24 november", "van 24 tot en met 26 november"): the names of
//! days and months from `shared::dates`, the words around them from
//! `common.dates` in the locale files.

use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use leptos::prelude::use_context;
use leptos_i18n::I18nContext;
use shared::dates::{month_name, weekday_name};
use shared::{AbsenceDetails, Language, TimeSlot};

use crate::i18n::{fill, language_of, td_string, Locale};

/// Today's date on this device.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The time on this device's clock, as the school's times are written.
pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// The app's language now. Read inside a reactive closure, a view that
/// writes a date follows a switch of language. Dutch outside the app
/// (the unit tests).
fn locale() -> Locale {
    use_context::<I18nContext<Locale>>()
        .map(|i18n| i18n.get_locale())
        .unwrap_or_default()
}

/// "dinsdag 24 november" (with the year when it is not this year).
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    day_in(locale(), date, today)
}

fn day_in(locale: Locale, date: NaiveDate, today: NaiveDate) -> String {
    let language = language_of(locale);
    let weekday = weekday_name(language, date.weekday());
    let (day, month) = (date.day(), month_name(language, date));
    if date.year() == today.year() {
        fill(
            td_string!(locale, common.dates.day),
            &[("weekday", &weekday), ("day", &day), ("month", &month)],
        )
    } else {
        let year = date.year();
        fill(
            td_string!(locale, common.dates.day_year),
            &[
                ("weekday", &weekday),
                ("day", &day),
                ("month", &month),
                ("year", &year),
            ],
        )
    }
}

/// "24 november" / "24 november 2027", without the weekday.
fn day_and_month(locale: Locale, date: NaiveDate, with_year: bool) -> String {
    let (day, month) = (date.day(), month_name(language_of(locale), date));
    if with_year {
        let year = date.year();
        fill(
            td_string!(locale, common.dates.day_month_year),
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    } else {
        fill(
            td_string!(locale, common.dates.day_month),
            &[("day", &day), ("month", &month)],
        )
    }
}

/// "10:00".
pub fn time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// A conversation's time: "woensdag 2 december, 10:00 tot 10:30 uur".
pub fn slot(slot: &TimeSlot, today: NaiveDate) -> String {
    slot_in(locale(), slot, today)
}

fn slot_in(locale: Locale, slot: &TimeSlot, today: NaiveDate) -> String {
    let day = day_in(locale, slot.day, today);
    let (start, end) = (time(slot.start_time), time(slot.end_time));
    fill(
        td_string!(locale, common.dates.slot),
        &[("day", &day), ("start", &start), ("end", &end)],
    )
}

/// Labels as one phrase: ["Maandag", "Dinsdag", "Vrijdag"] -> "Maandag,
/// dinsdag en vrijdag" (in Dutch, Polish and Ukrainian only the first
/// keeps its capital; English and Turkish write days with one).
pub fn list(labels: &[&str]) -> String {
    list_in(locale(), labels)
}

fn list_in(locale: Locale, labels: &[&str]) -> String {
    let lowercase = matches!(
        language_of(locale),
        Language::Nl | Language::Pl | Language::Uk
    );
    let mut words: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || !lowercase {
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
        let items = words.join(td_string!(locale, common.dates.list_separator));
        fill(
            td_string!(locale, common.dates.list),
            &[("items", &items), ("last", &last)],
        )
    }
}

/// When the child is away, in words:
/// "vanaf dinsdag 24 november, tot uw kind beter is",
/// "op dinsdag 24 november van 10:00 tot 11:30",
/// "van 24 tot en met 26 november".
pub fn period(absence: &AbsenceDetails, today: NaiveDate) -> String {
    period_in(locale(), absence, today)
}

fn period_in(locale: Locale, absence: &AbsenceDetails, today: NaiveDate) -> String {
    let first = absence.first_day;
    let Some(last) = absence.last_day else {
        let day = day_in(locale, first, today);
        return fill(
            td_string!(locale, common.dates.until_better),
            &[("day", &day)],
        );
    };
    let on = days_in(locale, first, last, today);
    if last != first {
        return on;
    }
    match (absence.start_time.map(time), absence.end_time.map(time)) {
        (Some(start), Some(end)) => fill(
            td_string!(locale, common.dates.on_from_to),
            &[("on", &on), ("start", &start), ("end", &end)],
        ),
        (Some(start), None) => fill(
            td_string!(locale, common.dates.on_from),
            &[("on", &on), ("start", &start)],
        ),
        (None, Some(end)) => fill(
            td_string!(locale, common.dates.on_to),
            &[("on", &on), ("end", &end)],
        ),
        (None, None) => on,
    }
}

/// Whole days from `first` to `last`, in words: "op dinsdag 24 november",
/// "van 24 tot en met 26 november".
pub fn days(first: NaiveDate, last: NaiveDate, today: NaiveDate) -> String {
    days_in(locale(), first, last, today)
}

fn days_in(locale: Locale, first: NaiveDate, last: NaiveDate, today: NaiveDate) -> String {
    if last == first {
        let day = day_in(locale, first, today);
        return fill(td_string!(locale, common.dates.on), &[("day", &day)]);
    }
    let first = if first.year() != last.year() {
        day_and_month(locale, first, true)
    } else if first.month() != last.month() {
        day_and_month(locale, first, false)
    } else {
        first.day().to_string()
    };
    let last = day_and_month(locale, last, last.year() != today.year());
    fill(
        td_string!(locale, common.dates.range),
        &[("first", &first), ("last", &last)],
    )
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
    (day(local.date_naive(), today), time(local.time()))
}

/// A number as the chosen language writes it: "3", "1,5" ("1.5" in
/// English and Arabic).
pub fn number(value: f32) -> String {
    number_in(language_of(locale()), value)
}

fn number_in(language: Language, value: f32) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}")
    } else if matches!(language, Language::En | Language::Ar) {
        format!("{tenths:.1}")
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

    #[test]
    fn other_languages_write_dates_their_own_way() {
        use crate::i18n::locale_of;
        let today = date("2026-11-24");
        let english = locale_of(Language::En);
        assert_eq!(
            period_in(english, &report("2026-11-24", None, (None, None)), today),
            "from Tuesday 24 November, until your child is better"
        );
        assert_eq!(
            period_in(
                english,
                &report("2026-11-24", Some("2026-11-26"), (None, None)),
                today
            ),
            "from 24 to 26 November"
        );
        assert_eq!(
            day_in(locale_of(Language::Tr), date("2026-12-01"), today),
            "1 Aralık Salı"
        );
        assert_eq!(
            day_in(locale_of(Language::Pl), date("2027-01-05"), today),
            "wtorek, 5 stycznia 2027"
        );
        assert_eq!(
            list_in(locale_of(Language::En), &["Monday", "Friday", "Tuesday"]),
            "Monday, Friday and Tuesday"
        );
        assert_eq!(
            list_in(locale_of(Language::Ar), &["أ", "ب", "ج"]),
            "أ، ب وج"
        );
        assert_eq!(number_in(Language::En, 1.5), "1.5");
    }
}
