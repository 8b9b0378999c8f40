//! The names of days and months in every language of the app, once for
//! the app, the server's texts and its mails.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::Language;

/// Monday first.
fn weekdays(language: Language) -> [&'static str; 7] {
    match language {
        Language::Nl => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
        Language::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
        Language::Ar => [
            "الاثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد",
        ],
        Language::Tr => [
            "Pazartesi",
            "Salı",
            "Çarşamba",
            "Perşembe",
            "Cuma",
            "Cumartesi",
            "Pazar",
        ],
        Language::Pl => [
            "poniedziałek",
            "wtorek",
            "środa",
            "czwartek",
            "piątek",
            "sobota",
            "niedziela",
        ],
        Language::Uk => [
            "понеділок",
            "вівторок",
            "середа",
            "четвер",
            "пʼятниця",
            "субота",
            "неділя",
        ],
    }
}

/// As they follow a day's number: Polish and Ukrainian use the genitive
/// ("1 grudnia", "1 грудня").
fn months(language: Language) -> [&'static str; 12] {
    match language {
        Language::Nl => [
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
        ],
        Language::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Language::Ar => [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
        Language::Tr => [
            "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
            "Ekim", "Kasım", "Aralık",
        ],
        Language::Pl => [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
        Language::Uk => [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ],
    }
}

/// "dinsdag", "Tuesday".
pub fn weekday_name(language: Language, day: Weekday) -> &'static str {
    weekdays(language)[day.num_days_from_monday() as usize]
}

/// "november", "listopada" (after a day's number).
pub fn month_name(language: Language, date: NaiveDate) -> &'static str {
    months(language)[date.month0() as usize]
}

/// "dinsdag 24 november": Dutch, for the server's texts to the school.
pub fn day_and_month(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(Language::Nl, date.weekday()),
        date.day(),
        month_name(Language::Nl, date)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_reads_as_dutch() {
        assert_eq!(day_and_month(day("2026-11-24")), "dinsdag 24 november");
        assert_eq!(day_and_month(day("2027-01-03")), "zondag 3 januari");
    }

    #[test]
    fn every_language_names_days_and_months() {
        let date = day("2026-12-01");
        let names: Vec<_> = Language::ALL
            .into_iter()
            .map(|l| (weekday_name(l, date.weekday()), month_name(l, date)))
            .collect();
        assert_eq!(
            names,
            [
                ("dinsdag", "december"),
                ("Tuesday", "December"),
                ("الثلاثاء", "ديسمبر"),
                ("Salı", "Aralık"),
                ("wtorek", "grudnia"),
                ("вівторок", "грудня"),
            ]
        );
    }
}
