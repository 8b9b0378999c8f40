//! The two protocols we ship: primary school (PO) and secondary school (VO,
//! after the GGD's MAZL method). The thresholds are the common defaults from
//! the domain notes; a school starts from one and changes what it does
//! differently. The texts are built from the same numbers, so they agree.
//!
//! Every step has its texts in all six languages: the Dutch in `nl.rs`, a
//! translation of it per language beside it. Writing rules: B1 Dutch,
//! short sentences, everyday words, calm; the translations as plain; a
//! Dutch school term a parent will hear stays in brackets after its
//! translation, the first time in a step ("attendance officer
//! (leerplichtambtenaar)"); the child is welcome in every conversation; no
//! medical details are ever asked for; illness is never passed on to
//! leerplicht.

mod ar;
mod en;
mod nl;
mod pl;
mod tr;
mod uk;

use std::collections::BTreeMap;

use chrono::{NaiveTime, Timelike};

use super::steps::{Protocol, Role, SchoolKind, Step, StepTexts, Trigger};
use crate::Language;

/// Parents report before this time; after it the school calls.
const REPORT_BEFORE: (u32, u32) = (8, 30);
/// MAZL and most primary schools: the 4th sick report within 12 school weeks.
const SICK_REPORTS: u32 = 4;
const SICK_REPORTS_WEEKS: u32 = 12;
/// Primary schools: "more than 7 school days in a row".
const PO_SICK_DAYS_IN_ROW: u32 = 8;
/// MAZL: "the 7th school day in a row".
const VO_SICK_DAYS_IN_ROW: u32 = 7;
/// The law: unauthorised absence of 16 hours within 4 lesson weeks is
/// reported to DUO.
const UNAUTHORISED_HOURS: f32 = 16.0;
const UNAUTHORISED_WEEKS: u32 = 4;
/// Primary schools' "3-7-10" for late arrivals.
const PO_LATE: [u32; 3] = [3, 7, 10];
/// A common secondary school rule: a letter at 5, leerplicht at 10.
const VO_LATE: [u32; 2] = [5, 10];

impl Protocol {
    /// The default protocol of a primary school.
    pub fn default_po() -> Self {
        let kind = SchoolKind::Po;
        let [talk, director, leerplicht] = PO_LATE;
        Protocol {
            kind,
            name: "Verzuimprotocol basisschool".into(),
            steps: vec![
                report_received(kind),
                no_report(kind),
                teacher_asks_how_it_goes(),
                illness_conversation(kind, Illness::Often),
                illness_conversation(kind, Illness::Long),
                school_doctor(kind, Illness::Often),
                school_doctor(kind, Illness::Long),
                late_teacher(talk),
                late_director(director),
                late_leerplicht(leerplicht),
                lessons_missed(),
            ],
        }
    }

    /// The default protocol of a secondary school, after the MAZL method.
    pub fn default_vo() -> Self {
        let kind = SchoolKind::Vo;
        let [letter, leerplicht] = VO_LATE;
        Protocol {
            kind,
            name: "Verzuimprotocol middelbare school (MAZL)".into(),
            steps: vec![
                report_received(kind),
                no_report(kind),
                mentor_keeps_in_touch(),
                illness_conversation(kind, Illness::Often),
                illness_conversation(kind, Illness::Long),
                school_doctor(kind, Illness::Often),
                school_doctor(kind, Illness::Long),
                late_letter(letter),
                late_leerplicht(leerplicht),
                lessons_missed(),
            ],
        }
    }
}

/// The texts of every default step, in one language. Each method gets the
/// numbers the step counts with, so every language says the same.
trait Words {
    fn report_received(&self, kind: SchoolKind) -> StepTexts;
    fn no_report(&self, kind: SchoolKind, at: NaiveTime) -> StepTexts;
    fn teacher_asks_how_it_goes(&self) -> StepTexts;
    fn mentor_keeps_in_touch(&self) -> StepTexts;
    fn illness_conversation(&self, kind: SchoolKind, illness: Illness) -> StepTexts;
    fn school_doctor(&self, kind: SchoolKind, illness: Illness) -> StepTexts;
    fn late_teacher(&self, count: u32) -> StepTexts;
    fn late_director(&self, count: u32) -> StepTexts;
    fn late_letter(&self, count: u32) -> StepTexts;
    fn late_leerplicht(&self, count: u32) -> StepTexts;
    fn lessons_missed(&self, hours: f32, weeks: u32) -> StepTexts;
}

fn words(language: Language) -> &'static dyn Words {
    match language {
        Language::Nl => &nl::Nl,
        Language::En => &en::En,
        Language::Ar => &ar::Ar,
        Language::Tr => &tr::Tr,
        Language::Pl => &pl::Pl,
        Language::Uk => &uk::Uk,
    }
}

/// A step's six texts, in the order of [`StepTexts`].
fn texts(
    title: impl Into<String>,
    summary: impl Into<String>,
    what_happens: impl Into<String>,
    why: impl Into<String>,
    what_you_can_do: impl Into<String>,
    who_is_involved: impl Into<String>,
) -> StepTexts {
    StepTexts {
        title: title.into(),
        summary: summary.into(),
        what_happens: what_happens.into(),
        why: why.into(),
        what_you_can_do: what_you_can_do.into(),
        who_is_involved: who_is_involved.into(),
    }
}

/// The two ways illness leads to a conversation: often, or long.
#[derive(Clone, Copy)]
enum Illness {
    Often,
    Long,
}

/// What the illness steps count, for their texts.
#[derive(Clone, Copy)]
enum Count {
    /// `reports` sick reports within `weeks` school weeks.
    Reports { reports: u32, weeks: u32 },
    /// `days` school days ill in a row.
    DaysInRow { days: u32 },
}

impl Illness {
    fn trigger(self, kind: SchoolKind) -> Trigger {
        match self.count(kind) {
            Count::Reports { reports, weeks } => Trigger::SickReports {
                count: reports,
                within_school_weeks: weeks,
            },
            Count::DaysInRow { days } => Trigger::SickDaysInRow { school_days: days },
        }
    }

    fn count(self, kind: SchoolKind) -> Count {
        match self {
            Self::Often => Count::Reports {
                reports: SICK_REPORTS,
                weeks: SICK_REPORTS_WEEKS,
            },
            Self::Long => Count::DaysInRow {
                days: match kind {
                    SchoolKind::Po => PO_SICK_DAYS_IN_ROW,
                    SchoolKind::Vo => VO_SICK_DAYS_IN_ROW,
                },
            },
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Self::Often => "vaak-ziek",
            Self::Long => "lang-ziek",
        }
    }
}

/// A time as most languages other than Dutch write it: `8:30`.
fn clock_colon(t: NaiveTime) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// The form of a noun after the number `n` in Polish and Ukrainian: `one`
/// for 1, `few` for 2–4 (not 12–14), `many` for the rest.
fn slavic<'a>(n: u32, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    }
}

/// A number with the Arabic noun after it: the plural from 3 to 10, the
/// singular from 11 on (`3 أسابيع`, `12 أسبوعًا`).
fn arabic_count(n: u32, plural: &str, singular_from_11: &str) -> String {
    if (3..=10).contains(&n) {
        format!("{n} {plural}")
    } else {
        format!("{n} {singular_from_11}")
    }
}

fn report_before() -> NaiveTime {
    let (h, m) = REPORT_BEFORE;
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

/// A step with its Dutch texts and their translations, all from `texts`.
fn step(
    id: &str,
    trigger: Trigger,
    role: Role,
    involves_conversation: bool,
    texts: impl Fn(&dyn Words) -> StepTexts,
) -> Step {
    let translations: BTreeMap<Language, StepTexts> = Language::ALL
        .into_iter()
        .filter(|l| *l != Language::Nl)
        .map(|l| (l, texts(words(l))))
        .collect();
    Step {
        id: id.into(),
        trigger,
        role,
        involves_conversation,
        texts: texts(words(Language::Nl)),
        translations,
    }
}

fn report_received(kind: SchoolKind) -> Step {
    let role = match kind {
        SchoolKind::Po => Role::Teacher,
        SchoolKind::Vo => Role::AttendanceDesk,
    };
    step(
        "melding-ontvangen",
        Trigger::EveryReport,
        role,
        false,
        |w| w.report_received(kind),
    )
}

fn no_report(kind: SchoolKind) -> Step {
    let time = report_before();
    let role = match kind {
        SchoolKind::Po => Role::Teacher,
        SchoolKind::Vo => Role::AttendanceDesk,
    };
    step(
        "geen-melding",
        Trigger::NoReportBy { time },
        role,
        false,
        |w| w.no_report(kind, time),
    )
}

fn teacher_asks_how_it_goes() -> Step {
    step(
        "hoe-gaat-het",
        Trigger::EveryReport,
        Role::Teacher,
        false,
        |w| w.teacher_asks_how_it_goes(),
    )
}

fn mentor_keeps_in_touch() -> Step {
    step(
        "mentor-houdt-contact",
        Trigger::EveryReport,
        Role::Mentor,
        false,
        |w| w.mentor_keeps_in_touch(),
    )
}

fn illness_conversation(kind: SchoolKind, illness: Illness) -> Step {
    let role = match kind {
        SchoolKind::Po => Role::InternBegeleider,
        SchoolKind::Vo => Role::Mentor,
    };
    let id = format!("gesprek-{}", illness.slug());
    step(&id, illness.trigger(kind), role, true, |w| {
        w.illness_conversation(kind, illness)
    })
}

fn school_doctor(kind: SchoolKind, illness: Illness) -> Step {
    let id = format!("jeugdarts-{}", illness.slug());
    step(&id, illness.trigger(kind), Role::SchoolDoctor, true, |w| {
        w.school_doctor(kind, illness)
    })
}

fn late_teacher(count: u32) -> Step {
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-gesprek", trigger, Role::Teacher, true, |w| {
        w.late_teacher(count)
    })
}

fn late_director(count: u32) -> Step {
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-directeur", trigger, Role::Director, true, |w| {
        w.late_director(count)
    })
}

fn late_letter(count: u32) -> Step {
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-brief", trigger, Role::Mentor, true, |w| {
        w.late_letter(count)
    })
}

fn late_leerplicht(count: u32) -> Step {
    let trigger = Trigger::LateArrivals { count };
    step(
        "te-laat-leerplicht",
        trigger,
        Role::AttendanceOfficer,
        true,
        |w| w.late_leerplicht(count),
    )
}

fn lessons_missed() -> Step {
    let trigger = Trigger::UnauthorisedHours {
        hours: UNAUTHORISED_HOURS,
        within_lesson_weeks: UNAUTHORISED_WEEKS,
    };
    step(
        "lessen-gemist-leerplicht",
        trigger,
        Role::AttendanceOfficer,
        true,
        |w| w.lessons_missed(UNAUTHORISED_HOURS, UNAUTHORISED_WEEKS),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_step_speaks_all_six_languages() {
        for kind in SchoolKind::ALL {
            for step in Protocol::default_for(kind).steps {
                for language in Language::ALL {
                    let texts = step.texts_in(language);
                    assert!(!texts.dutch_instead, "{} {language:?}", step.id);
                    for (field, text) in texts.texts.fields() {
                        assert!(
                            !text.trim().is_empty(),
                            "{kind:?} {} {language:?} {field}",
                            step.id
                        );
                    }
                }
                // A translation is not the Dutch again.
                for (language, t) in &step.translations {
                    assert_ne!(t.title, step.texts.title, "{} {language:?}", step.id);
                }
            }
        }
    }

    #[test]
    fn plural_forms() {
        assert_eq!(slavic(1, "a", "b", "c"), "a");
        assert_eq!(slavic(4, "a", "b", "c"), "b");
        assert_eq!(slavic(12, "a", "b", "c"), "c");
        assert_eq!(slavic(22, "a", "b", "c"), "b");
        assert_eq!(slavic(16, "a", "b", "c"), "c");
        assert_eq!(arabic_count(4, "مرات", "مرة"), "4 مرات");
        assert_eq!(arabic_count(16, "ساعات", "ساعة"), "16 ساعة");
    }
}
