//! A school's own settings: its absence protocol (steps, thresholds, texts,
//! and with them the time by which parents report), its calendar, whom
//! parents contact per role, and whether both parents see a conversation.
//!
//! The school's admin (or director) sends them whole; the checks are here
//! once, so the settings page can show a mistake before sending, and can
//! preview what parents see with the same engine the server uses.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::protocol::{Protocol, SchoolCalendar, SchoolKind, Trigger};
use crate::validation::done;
use crate::SchoolContact;

/// The most contacts a school lists.
pub const MAX_CONTACTS: usize = 30;
/// The most holidays in a calendar (a few school years' worth).
pub const MAX_HOLIDAYS: usize = 60;

/// `GET /api/schools/{id}/settings`: what the school has set, with the
/// defaults filled in where it set nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
                    "Dit protocol is voor een ander soort school.",
                ));
            } else if let Err(problems) = protocol.validate() {
                errors.extend(
                    problems
                        .into_iter()
                        .take(1)
                        .map(|p| FieldError::new("protocol", p.message)),
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

fn check_calendar(calendar: &SchoolCalendar) -> Option<FieldError> {
    let fail = |message: &str| Some(FieldError::new("calendar", message));
    let hours = calendar.lesson_hours_per_day;
    if calendar.lesson_end <= calendar.lesson_start {
        return fail("De lessen moeten eindigen na het begin.");
    }
    if !(hours.is_finite() && hours > 0.0 && hours <= 12.0) {
        return fail("Een schooldag telt voor meer dan 0 en hoogstens 12 lesuren.");
    }
    if calendar.holidays.len() > MAX_HOLIDAYS {
        return fail("Er zijn te veel vakanties. Gebruik er hoogstens 60.");
    }
    for holiday in &calendar.holidays {
        let name = holiday.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return fail("Geef elke vakantie een naam van hoogstens 100 tekens.");
        }
        if holiday.last_day < holiday.first_day {
            return fail(&format!("{name}: de laatste dag ligt vóór de eerste dag."));
        }
    }
    None
}

fn check_contacts(contacts: &[SchoolContact]) -> Option<FieldError> {
    let fail = |message: String| Some(FieldError::new("contacts", message));
    if contacts.len() > MAX_CONTACTS {
        return fail(format!(
            "Zet hoogstens {MAX_CONTACTS} contactpersonen in de lijst."
        ));
    }
    for (i, contact) in contacts.iter().enumerate() {
        let n = i + 1;
        let too_long = |text: &Option<String>, max: usize| {
            text.as_deref().is_some_and(|t| t.chars().count() > max)
        };
        let name = contact.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return fail(format!(
                "Contact {n}: vul een naam in van hoogstens 100 tekens."
            ));
        }
        if too_long(&contact.phone, 30) {
            return fail(format!("Contact {n}: het telefoonnummer is te lang."));
        }
        if let Some(email) = contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if !email.contains('@') || email.chars().count() > 254 {
                return fail(format!("Contact {n}: dit is geen e-mailadres."));
            }
        }
        if too_long(&contact.hours, 100) {
            return fail(format!(
                "Contact {n}: de tijden zijn te lang. Gebruik hoogstens 100 tekens."
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
            .map(|e| format!("{}: {}", e[0].field, e[0].message))
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
