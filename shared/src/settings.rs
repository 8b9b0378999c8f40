//! A school's own settings: its absence protocol (steps, thresholds, texts,
//! and with them the time by which parents report), its calendar, whom
//! parents contact per role, and whether both parents see a conversation.
//!
//! The school's admin (or director) sends them whole; the checks are here
//! once, so the settings page can show a mistake before sending, and can
//! preview what parents see with the same engine the server uses.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::protocol::{Protocol, SchoolCalendar, SchoolKind, Trigger};
use crate::validation::done;
use crate::words;
use crate::SchoolContact;

/// The most contacts a school lists.
pub const MAX_CONTACTS: usize = 30;
/// The most holidays in a calendar (a few school years' worth).
pub const MAX_HOLIDAYS: usize = 60;
/// The longest name of a holiday or a contact, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest phone number of a contact, in characters.
pub const MAX_PHONE_CHARS: usize = 30;
/// The longest "when to reach them" of a contact, in characters.
pub const MAX_HOURS_CHARS: usize = 100;
/// The calendar's dates lie in these years: school years are counted from
/// its start, day by day, so a start in the distant past would be slow.
pub const MIN_CALENDAR_YEAR: i32 = 2000;
/// See [`MIN_CALENDAR_YEAR`].
pub const MAX_CALENDAR_YEAR: i32 = 2100;

/// `GET /api/schools/{id}/settings`: what the school has set, with the
/// defaults filled in where it set nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolSettingsView {
    pub school_name: String,
    pub kind: SchoolKind,
    pub protocol: Protocol,
    /// False: `protocol` is the default for the school's kind.
    pub own_protocol: bool,
    pub calendar: SchoolCalendar,
    /// False: `calendar` is the standard Dutch calendar.
    pub own_calendar: bool,
    pub contacts: Vec<SchoolContact>,
    pub conversations_shared: bool,
    pub teachers_see_only_their_groups: bool,
}

/// `PUT /api/schools/{id}/settings`: all settings at once. `None` for the
/// protocol or the calendar means: use the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SettingsChange {
    pub protocol: Option<Protocol>,
    pub calendar: Option<SchoolCalendar>,
    pub contacts: Vec<SchoolContact>,
    /// Whether all of a child's guardians see a conversation one of them
    /// asked for (a parent can still keep one to themselves).
    pub conversations_shared: bool,
    /// Whether a teacher (with no other role) sees the reports, pupils and
    /// conversations of their own groups only.
    #[serde(default)]
    pub teachers_see_only_their_groups: bool,
}

impl SettingsChange {
    /// Every rule, for a school of `kind`; the first problem of each part.
    pub fn validate(&self, kind: SchoolKind) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(protocol) = &self.protocol {
            if protocol.kind != kind {
                errors.push(FieldError::new(
                    "protocol",
                    words!(
                        nl: "Dit protocol is voor een ander soort school.",
                        en: "This protocol is for another type of school.",
                        ar: "هذا البروتوكول لنوع آخر من المدارس.",
                        tr: "Bu protokol başka bir okul türü için.",
                        pl: "Ten protokół jest dla innego rodzaju szkoły.",
                        uk: "Цей протокол для іншого типу школи.",
                    ),
                ));
            } else if let Err(problems) = protocol.validate() {
                errors.extend(
                    problems
                        .into_iter()
                        .take(1)
                        .map(|p| FieldError::new("protocol", protocol_problem(&p.message))),
                );
            }
        }
        if let Some(calendar) = &self.calendar {
            errors.extend(check_calendar(calendar));
        }
        errors.extend(check_contacts(&self.contacts));
        done(errors)
    }
}

/// The time by which parents report their child absent: that of the
/// protocol's "no report by" step, if it has one.
pub fn report_deadline(protocol: &Protocol) -> Option<NaiveTime> {
    protocol.steps.iter().find_map(|step| match step.trigger {
        Trigger::NoReportBy { time } => Some(time),
        _ => None,
    })
}

/// A protocol's problem, which the protocol's rules give in Dutch only:
/// said so in the other languages.
fn protocol_problem(dutch: &str) -> Words {
    words!(
        nl: "{dutch}",
        en: "The protocol has a problem. In Dutch: {dutch}",
        ar: "في البروتوكول مشكلة. بالهولندية: {dutch}",
        tr: "Protokolde bir sorun var. Felemenkçe: {dutch}",
        pl: "W protokole jest problem. Po niderlandzku: {dutch}",
        uk: "У протоколі є проблема. Нідерландською: {dutch}",
    )
}

fn check_calendar(calendar: &SchoolCalendar) -> Option<FieldError> {
    let fail = |message: Words| Some(FieldError::new("calendar", message));
    let hours = calendar.lesson_hours_per_day;
    if calendar.lesson_end <= calendar.lesson_start {
        return fail(words!(
            nl: "De lessen moeten eindigen na het begin.",
            en: "Lessons must end after they start.",
            ar: "يجب أن تنتهي الدروس بعد بدايتها.",
            tr: "Dersler başladıktan sonra bitmeli.",
            pl: "Lekcje muszą kończyć się po swoim początku.",
            uk: "Уроки мають закінчуватися після початку.",
        ));
    }
    if !(hours.is_finite() && hours > 0.0 && hours <= 12.0) {
        return fail(words!(
            nl: "Een schooldag telt voor meer dan 0 en hoogstens 12 lesuren.",
            en: "A school day counts as more than 0 and at most 12 lesson hours.",
            ar: "يُحسب اليوم الدراسي بأكثر من 0 وبـ 12 ساعة دراسية على الأكثر.",
            tr: "Bir okul günü 0'dan fazla, en fazla 12 ders saati sayılır.",
            pl: "Dzień szkolny liczy się jako więcej niż 0 i najwyżej 12 godzin lekcyjnych.",
            uk: "Шкільний день рахується як більше 0 і не більше 12 уроків.",
        ));
    }
    let in_range = |day: NaiveDate| (MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR).contains(&day.year());
    let days = calendar
        .holidays
        .iter()
        .flat_map(|h| [h.first_day, h.last_day]);
    if !std::iter::once(calendar.school_year_start)
        .chain(days)
        .all(in_range)
    {
        return fail(words!(
            nl: "Elke datum in de kalender ligt tussen {MIN_CALENDAR_YEAR} en {MAX_CALENDAR_YEAR}.",
            en: "Every date in the calendar lies between {MIN_CALENDAR_YEAR} and {MAX_CALENDAR_YEAR}.",
            ar: "يجب أن يقع كل تاريخ في التقويم بين {MIN_CALENDAR_YEAR} و{MAX_CALENDAR_YEAR}.",
            tr: "Takvimdeki her tarih {MIN_CALENDAR_YEAR} ile {MAX_CALENDAR_YEAR} arasında olmalı.",
            pl: "Każda data w kalendarzu musi być między {MIN_CALENDAR_YEAR} a {MAX_CALENDAR_YEAR}.",
            uk: "Кожна дата в календарі має бути між {MIN_CALENDAR_YEAR} і {MAX_CALENDAR_YEAR}.",
        ));
    }
    if calendar.holidays.len() > MAX_HOLIDAYS {
        return fail(words!(
            nl: "Er zijn te veel vakanties. Gebruik er hoogstens 60.",
            en: "There are too many holidays. Please use 60 at most.",
            ar: "العطل كثيرة جدًا. استخدم 60 على الأكثر.",
            tr: "Çok fazla tatil var. En fazla 60 tane kullanın.",
            pl: "Jest za dużo ferii. Proszę podać najwyżej 60.",
            uk: "Забагато канікул. Використайте не більше 60.",
        ));
    }
    for holiday in &calendar.holidays {
        let name = holiday.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return fail(words!(
                nl: "Geef elke vakantie een naam van hoogstens 100 tekens.",
                en: "Please give each holiday a name of 100 characters at most.",
                ar: "أعطِ كل عطلة اسمًا من 100 حرف على الأكثر.",
                tr: "Her tatile en fazla 100 karakterlik bir ad verin.",
                pl: "Proszę nadać każdym feriom nazwę z najwyżej 100 znaków.",
                uk: "Дайте кожним канікулам назву не довшу за 100 символів.",
            ));
        }
        if holiday.last_day < holiday.first_day {
            return fail(words!(
                nl: "{name}: de laatste dag ligt vóór de eerste dag.",
                en: "{name}: the last day is before the first day.",
                ar: "{name}: اليوم الأخير قبل اليوم الأول.",
                tr: "{name}: son gün, ilk günden önce.",
                pl: "{name}: ostatni dzień jest przed pierwszym dniem.",
                uk: "{name}: останній день раніше за перший день.",
            ));
        }
    }
    None
}

fn check_contacts(contacts: &[SchoolContact]) -> Option<FieldError> {
    let fail = |message: Words| Some(FieldError::new("contacts", message));
    if contacts.len() > MAX_CONTACTS {
        return fail(words!(
            nl: "Zet hoogstens {MAX_CONTACTS} contactpersonen in de lijst.",
            en: "Please put {MAX_CONTACTS} contact persons at most in the list.",
            ar: "ضع {MAX_CONTACTS} أشخاص اتصال على الأكثر في القائمة.",
            tr: "Listeye en fazla {MAX_CONTACTS} iletişim kişisi ekleyin.",
            pl: "Proszę wpisać na listę najwyżej {MAX_CONTACTS} osób do kontaktu.",
            uk: "Додайте до списку не більше {MAX_CONTACTS} контактних осіб.",
        ));
    }
    for (i, contact) in contacts.iter().enumerate() {
        let n = i + 1;
        let too_long = |text: &Option<String>, max: usize| {
            text.as_deref().is_some_and(|t| t.chars().count() > max)
        };
        let name = contact.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return fail(words!(
                nl: "Contact {n}: vul een naam in van hoogstens 100 tekens.",
                en: "Contact {n}: please enter a name of 100 characters at most.",
                ar: "جهة الاتصال {n}: اكتب اسمًا من 100 حرف على الأكثر.",
                tr: "Kişi {n}: en fazla 100 karakterlik bir ad yazın.",
                pl: "Kontakt {n}: proszę wpisać imię i nazwisko z najwyżej 100 znaków.",
                uk: "Контакт {n}: введіть ім'я не довше за 100 символів.",
            ));
        }
        if too_long(&contact.phone, MAX_PHONE_CHARS) {
            return fail(words!(
                nl: "Contact {n}: het telefoonnummer is te lang.",
                en: "Contact {n}: the phone number is too long.",
                ar: "جهة الاتصال {n}: رقم الهاتف طويل جدًا.",
                tr: "Kişi {n}: telefon numarası çok uzun.",
                pl: "Kontakt {n}: numer telefonu jest za długi.",
                uk: "Контакт {n}: номер телефону задовгий.",
            ));
        }
        if let Some(email) = contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if !email.contains('@') || email.chars().count() > crate::account::MAX_EMAIL_CHARS {
                return fail(words!(
                    nl: "Contact {n}: dit is geen e-mailadres.",
                    en: "Contact {n}: this is not an email address.",
                    ar: "جهة الاتصال {n}: هذا ليس بريدًا إلكترونيًا.",
                    tr: "Kişi {n}: bu bir e-posta adresi değil.",
                    pl: "Kontakt {n}: to nie jest adres e-mail.",
                    uk: "Контакт {n}: це не електронна адреса.",
                ));
            }
        }
        if too_long(&contact.hours, MAX_HOURS_CHARS) {
            return fail(words!(
                nl: "Contact {n}: de tijden zijn te lang. Gebruik hoogstens 100 tekens.",
                en: "Contact {n}: the hours are too long. Please use 100 characters at most.",
                ar: "جهة الاتصال {n}: الأوقات طويلة جدًا. استخدم 100 حرف على الأكثر.",
                tr: "Kişi {n}: saatler çok uzun. En fazla 100 karakter kullanın.",
                pl: "Kontakt {n}: godziny są za długie. Proszę użyć najwyżej 100 znaków.",
                uk: "Контакт {n}: час задовгий. Використайте не більше 100 символів.",
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Role;

    fn defaults(kind: SchoolKind) -> SettingsChange {
        SettingsChange {
            protocol: Some(Protocol::default_for(kind)),
            calendar: Some(SchoolCalendar::netherlands_example(2026)),
            contacts: vec![SchoolContact {
                role: Role::Mentor,
                name: "Ruben Visser".into(),
                phone: Some("010 555 0100".into()),
                email: Some("mentor@example.nl".into()),
                hours: None,
            }],
            conversations_shared: true,
            teachers_see_only_their_groups: false,
        }
    }

    fn problem(change: &SettingsChange) -> Option<String> {
        change
            .validate(SchoolKind::Vo)
            .err()
            .map(|e| format!("{}: {}", e[0].field, e[0].message.dutch()))
    }

    #[test]
    fn the_defaults_pass_and_each_rule_names_its_part() {
        assert_eq!(problem(&defaults(SchoolKind::Vo)), None);
        assert!(problem(&defaults(SchoolKind::Po))
            .unwrap()
            .starts_with("protocol: Dit protocol is voor een ander soort school"));

        let mut late = defaults(SchoolKind::Vo);
        let calendar = late.calendar.as_mut().unwrap();
        calendar.lesson_end = calendar.lesson_start;
        assert!(problem(&late).unwrap().starts_with("calendar:"));

        let mut holiday = defaults(SchoolKind::Vo);
        let h = &mut holiday.calendar.as_mut().unwrap().holidays[0];
        std::mem::swap(&mut h.first_day, &mut h.last_day);
        assert!(problem(&holiday)
            .unwrap()
            .contains("de laatste dag ligt vóór"));

        let mut contact = defaults(SchoolKind::Vo);
        contact.contacts[0].email = Some("mentor.example.nl".into());
        assert_eq!(
            problem(&contact).unwrap(),
            "contacts: Contact 1: dit is geen e-mailadres."
        );

        // Illness never leads to the leerplichtambtenaar by itself.
        let mut protocol = defaults(SchoolKind::Vo);
        let steps = &mut protocol.protocol.as_mut().unwrap().steps;
        let sick = steps
            .iter_mut()
            .find(|s| matches!(s.trigger, Trigger::SickReports { .. }))
            .unwrap();
        sick.role = Role::AttendanceOfficer;
        assert!(problem(&protocol).unwrap().contains("ziekte leidt nooit"));
    }

    #[test]
    fn the_report_deadline_is_the_protocols() {
        let protocol = Protocol::default_for(SchoolKind::Po);
        assert!(report_deadline(&protocol).is_some());
    }
}
