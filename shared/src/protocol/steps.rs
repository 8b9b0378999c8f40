//! A school's absence protocol as data: the steps, what starts each one, who
//! acts, and the texts parents read.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::engine::Distance;
use crate::Language;

/// The kind of school; each has its own default protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    /// Primary school (primair onderwijs).
    Po,
    /// Secondary school (voortgezet onderwijs).
    Vo,
}

impl SchoolKind {
    pub const ALL: [SchoolKind; 2] = [Self::Po, Self::Vo];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Po => "po",
            Self::Vo => "vo",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Plain Dutch, for parents.
    pub fn label(self) -> &'static str {
        match self {
            Self::Po => "Basisschool",
            Self::Vo => "Middelbare school",
        }
    }
}

/// Who acts in a step. The school's settings say which person that is and how
/// to reach them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The group teacher (leerkracht), primary school.
    Teacher,
    /// The pupil's mentor, secondary school.
    Mentor,
    /// The attendance desk or the office (verzuimbalie, administratie).
    AttendanceDesk,
    /// The intern begeleider (IB): care for pupils, primary school.
    InternBegeleider,
    /// The zorgcoördinator: care for pupils, secondary school.
    CareCoordinator,
    Director,
    /// The jeugdarts of the GGD; not employed by the school.
    SchoolDoctor,
    /// The leerplichtambtenaar of the municipality.
    AttendanceOfficer,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Self::Teacher,
        Self::Mentor,
        Self::AttendanceDesk,
        Self::InternBegeleider,
        Self::CareCoordinator,
        Self::Director,
        Self::SchoolDoctor,
        Self::AttendanceOfficer,
    ];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Teacher => "teacher",
            Self::Mentor => "mentor",
            Self::AttendanceDesk => "attendance_desk",
            Self::InternBegeleider => "intern_begeleider",
            Self::CareCoordinator => "care_coordinator",
            Self::Director => "director",
            Self::SchoolDoctor => "school_doctor",
            Self::AttendanceOfficer => "attendance_officer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Plain Dutch, for parents, without an article: "Leerkracht".
    pub fn label(self) -> &'static str {
        match self {
            Self::Teacher => "Leerkracht",
            Self::Mentor => "Mentor",
            Self::AttendanceDesk => "Verzuimbalie of administratie",
            Self::InternBegeleider => "Intern begeleider (IB)",
            Self::CareCoordinator => "Zorgcoördinator",
            Self::Director => "Directeur",
            Self::SchoolDoctor => "Jeugdarts van de GGD",
            Self::AttendanceOfficer => "Leerplichtambtenaar",
        }
    }
}

/// What makes a step happen. On the wire: `{"type": "sick_reports",
/// "count": 4, "within_school_weeks": 12}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Trigger {
    /// Every report, of any kind: a fact, not a threshold.
    EveryReport,
    /// The child is missing without a report by this time. The history holds
    /// no such events, so this step is always information, never "applies".
    NoReportBy {
        #[serde(with = "crate::hhmm")]
        #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", example = "08:30"))]
        time: NaiveTime,
    },
    /// The `count`th sick report within the last `within_school_weeks` school
    /// weeks. Sick reports that follow each other without a school day in
    /// between are one illness and count once.
    SickReports {
        count: u32,
        within_school_weeks: u32,
    },
    /// `school_days` school days ill in a row, this school year. Weekends and
    /// holidays neither count nor break the run.
    SickDaysInRow { school_days: u32 },
    /// `hours` lesson hours of unauthorised absence within the last
    /// `within_lesson_weeks` lesson weeks (the law: 16 in 4).
    UnauthorisedHours {
        hours: f32,
        within_lesson_weeks: u32,
    },
    /// `count` late arrivals this school year.
    LateArrivals { count: u32 },
}

/// The separate tracks a step can be on. Illness and unauthorised absence
/// never mix: the law keeps them apart, and so does the engine's next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// Facts that hold for every report ([`Trigger::EveryReport`],
    /// [`Trigger::NoReportBy`]).
    Information,
    Illness,
    Lateness,
    Unauthorised,
}

impl Trigger {
    /// The track this trigger counts on.
    pub fn track(&self) -> Track {
        match self {
            Self::EveryReport | Self::NoReportBy { .. } => Track::Information,
            Self::SickReports { .. } | Self::SickDaysInRow { .. } => Track::Illness,
            Self::UnauthorisedHours { .. } => Track::Unauthorised,
            Self::LateArrivals { .. } => Track::Lateness,
        }
    }

    /// Whether illness alone can start this step. Every report counts: a
    /// report may be a sick report.
    pub fn is_about_illness(&self) -> bool {
        matches!(
            self,
            Self::EveryReport | Self::SickReports { .. } | Self::SickDaysInRow { .. }
        )
    }

    /// How far a step is when nothing counts yet on its track (`None` for
    /// information steps). A not-yet step at exactly this distance is not in
    /// view for the child: say so, rather than count down to it ("Nog 16 uur
    /// les zonder toestemming" for a child who was only ill would alarm).
    pub fn first_distance(&self) -> Option<Distance> {
        match *self {
            Self::EveryReport | Self::NoReportBy { .. } => None,
            Self::SickReports {
                count,
                within_school_weeks,
            } => Some(Distance::SickReports {
                more: count.max(1),
                within_school_weeks,
            }),
            Self::SickDaysInRow { school_days } => Some(Distance::SickDaysInRow {
                more: school_days.max(1),
            }),
            Self::UnauthorisedHours {
                hours,
                within_lesson_weeks,
            } => Some(Distance::UnauthorisedHours {
                more: hours,
                within_lesson_weeks,
            }),
            Self::LateArrivals { count } => Some(Distance::LateArrivals { more: count.max(1) }),
        }
    }

    /// What is wrong with the numbers, if anything.
    fn problem(&self) -> Option<&'static str> {
        match *self {
            Self::SickReports { count: 0, .. }
            | Self::SickDaysInRow { school_days: 0 }
            | Self::LateArrivals { count: 0 } => Some("het aantal moet minstens 1 zijn."),
            Self::SickReports {
                within_school_weeks: 0,
                ..
            }
            | Self::UnauthorisedHours {
                within_lesson_weeks: 0,
                ..
            } => Some("het aantal weken moet minstens 1 zijn."),
            Self::UnauthorisedHours { hours, .. } if !(hours.is_finite() && hours > 0.0) => {
                Some("het aantal uren moet meer dan 0 zijn.")
            }
            _ => None,
        }
    }
}

/// The texts of a step, for parents: plain Dutch at B1 level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepTexts {
    /// A few words: "Een gesprek omdat uw kind vaak ziek is".
    pub title: String,
    /// One sentence for the timeline.
    pub summary: String,
    pub what_happens: String,
    pub why: String,
    pub what_you_can_do: String,
    pub who_is_involved: String,
}

/// The longest title, in characters.
pub const MAX_TITLE: usize = 150;
/// The longest of the other texts, in characters.
pub const MAX_TEXT: usize = 2000;
/// The most steps a protocol has (the defaults have about ten).
pub const MAX_STEPS: usize = 40;

impl StepTexts {
    /// The six texts, in the order parents read them.
    pub fn all(&self) -> [&str; 6] {
        [
            &self.title,
            &self.summary,
            &self.what_happens,
            &self.why,
            &self.what_you_can_do,
            &self.who_is_involved,
        ]
    }

    /// Whether every text is empty (a language the school did not write).
    pub fn is_empty(&self) -> bool {
        self.all().iter().all(|t| t.trim().is_empty())
    }

    /// What is wrong with these texts, if anything: a title, a summary and
    /// no text too long.
    fn problem(&self) -> Option<&'static str> {
        if self.title.trim().is_empty() || self.summary.trim().is_empty() {
            Some("geef de stap een titel en een korte samenvatting.")
        } else if self.title.chars().count() > MAX_TITLE {
            Some("de titel is te lang. Gebruik hoogstens 150 tekens.")
        } else if self.all()[1..].iter().any(|t| t.chars().count() > MAX_TEXT) {
            Some("een tekst is te lang. Gebruik hoogstens 2000 tekens per tekst.")
        } else {
            None
        }
    }
}

impl StepTexts {
    /// Each text with its field name, in reading order.
    pub fn fields(&self) -> [(&'static str, &str); 6] {
        [
            ("title", &self.title),
            ("summary", &self.summary),
            ("what_happens", &self.what_happens),
            ("why", &self.why),
            ("what_you_can_do", &self.what_you_can_do),
            ("who_is_involved", &self.who_is_involved),
        ]
    }
}

/// One step of a protocol.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    /// A slug, unique in the protocol: `gesprek-vaak-ziek`.
    pub id: String,
    pub trigger: Trigger,
    /// Who acts.
    pub role: Role,
    /// Whether the step is a conversation the parents (and the child) are
    /// invited to.
    pub involves_conversation: bool,
    /// In Dutch: every step has them.
    pub texts: StepTexts,
    /// The same texts in other languages, where there are any.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Language, StepTexts>,
}

/// A step's texts for a reader of one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextsIn<'a> {
    pub texts: &'a StepTexts,
    /// The reader asked for another language, which this step lacks: these
    /// are the Dutch texts, and the reader should be told so.
    pub dutch_instead: bool,
}

impl Step {
    /// The texts in `language`, or the Dutch ones when the step has none in it.
    pub fn texts_in(&self, language: Language) -> TextsIn<'_> {
        match (language, self.translations.get(&language)) {
            (Language::Nl, _) => TextsIn {
                texts: &self.texts,
                dutch_instead: false,
            },
            (_, Some(texts)) => TextsIn {
                texts,
                dutch_instead: false,
            },
            (_, None) => TextsIn {
                texts: &self.texts,
                dutch_instead: true,
            },
        }
    }
}

/// A school's absence protocol: its steps in the order parents read them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Protocol {
    pub kind: SchoolKind,
    pub name: String,
    pub steps: Vec<Step>,
}

/// Why a protocol is refused, in plain Dutch, naming the step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProtocolError {
    /// The step at fault; `None` for the protocol as a whole.
    pub step_id: Option<String>,
    pub message: String,
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProtocolError {}

impl Protocol {
    /// The default protocol for this kind of school.
    pub fn default_for(kind: SchoolKind) -> Self {
        match kind {
            SchoolKind::Po => Self::default_po(),
            SchoolKind::Vo => Self::default_vo(),
        }
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Every rule a protocol must follow before a school may use it, above
    /// all: illness never leads to a leerplicht step by itself.
    pub fn validate(&self) -> Result<(), Vec<ProtocolError>> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(ProtocolError {
                step_id: None,
                message: "Geef het protocol een naam.".into(),
            });
        } else if self.name.chars().count() > MAX_TITLE {
            errors.push(ProtocolError {
                step_id: None,
                message: format!(
                    "De naam van het protocol is te lang: hoogstens {MAX_TITLE} tekens."
                ),
            });
        }
        if self.steps.len() > MAX_STEPS {
            errors.push(ProtocolError {
                step_id: None,
                message: format!("Het protocol heeft te veel stappen: hoogstens {MAX_STEPS}."),
            });
        }
        for (i, step) in self.steps.iter().enumerate() {
            let mut fail = |problem: &str| {
                errors.push(ProtocolError {
                    step_id: Some(step.id.clone()),
                    message: format!("Stap '{}': {problem}", step.id),
                })
            };
            if !is_slug(&step.id) {
                fail("de id mag alleen kleine letters, cijfers en streepjes hebben.");
            } else if self.steps[..i].iter().any(|s| s.id == step.id) {
                fail("deze id komt twee keer voor.");
            }
            if let Some(problem) = step.trigger.problem() {
                fail(problem);
            }
            if step.role == Role::AttendanceOfficer && step.trigger.is_about_illness() {
                fail(
                    "ziekte leidt nooit vanzelf tot de leerplichtambtenaar. \
                     De wet houdt ziekte en ongeoorloofd verzuim apart; bij twijfel \
                     over ziekte gaat de school eerst naar de jeugdarts. \
                     Kies een andere rol of een andere aanleiding.",
                );
            }
            if let Some(problem) = step.texts.problem() {
                fail(problem);
            }
            for (language, texts) in &step.translations {
                if *language == Language::Nl {
                    fail("de Nederlandse teksten horen niet bij de vertalingen.");
                } else if let Some(problem) = texts.problem() {
                    fail(&format!(
                        "{} vertaling: {problem}",
                        language_in_dutch(*language)
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl Step {
    /// The translations an edit from `before` (the same step as stored)
    /// leaves behind: where the Dutch changed, those that did not.
    pub fn stale_translations(&self, before: &Step) -> Vec<Language> {
        if before.texts == self.texts {
            return Vec::new();
        }
        self.translations
            .iter()
            .filter(|(language, texts)| before.translations.get(language) == Some(texts))
            .map(|(language, _)| *language)
            .collect()
    }
}

impl Protocol {
    /// Drops the translations a school's edit left behind: where a step's
    /// Dutch texts changed since `before` (the protocol stored until now),
    /// a translation that did not change in the same edit no longer says
    /// the same. Parents then read the Dutch, with a note, rather than an
    /// outdated translation. Returns the ids of the steps that lost any.
    pub fn drop_stale_translations(&mut self, before: &Protocol) -> Vec<String> {
        let mut dropped = Vec::new();
        for step in &mut self.steps {
            let Some(old) = before.step(&step.id) else {
                continue;
            };
            let stale = step.stale_translations(old);
            for language in &stale {
                step.translations.remove(language);
            }
            if !stale.is_empty() {
                dropped.push(step.id.clone());
            }
        }
        dropped
    }

    /// Gives the default translations to steps stored without any (a
    /// school's own protocol saved before steps had translations) whose
    /// Dutch is still the default's, word for word.
    pub fn fill_default_translations(&mut self) {
        let default = Protocol::default_for(self.kind);
        for step in &mut self.steps {
            if !step.translations.is_empty() {
                continue;
            }
            if let Some(d) = default.step(&step.id).filter(|d| d.texts == step.texts) {
                step.translations = d.translations.clone();
            }
        }
    }
}

/// A language's name in Dutch, for the school's error messages.
fn language_in_dutch(language: Language) -> &'static str {
    match language {
        Language::Nl => "Nederlandse",
        Language::En => "Engelse",
        Language::Ar => "Arabische",
        Language::Tr => "Turkse",
        Language::Pl => "Poolse",
        Language::Uk => "Oekraïense",
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, trigger: Trigger, role: Role) -> Step {
        Step {
            id: id.into(),
            trigger,
            role,
            involves_conversation: false,
            texts: StepTexts {
                title: "Titel".into(),
                summary: "Samenvatting.".into(),
                what_happens: String::new(),
                why: String::new(),
                what_you_can_do: String::new(),
                who_is_involved: String::new(),
            },
            translations: Default::default(),
        }
    }

    fn protocol(steps: Vec<Step>) -> Protocol {
        Protocol {
            kind: SchoolKind::Po,
            name: "Test".into(),
            steps,
        }
    }

    /// The ids of the failing steps.
    fn refused(p: &Protocol) -> Vec<Option<String>> {
        p.validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.step_id)
            .collect()
    }

    const ILLNESS: [Trigger; 3] = [
        Trigger::EveryReport,
        Trigger::SickReports {
            count: 4,
            within_school_weeks: 12,
        },
        Trigger::SickDaysInRow { school_days: 7 },
    ];

    #[test]
    fn illness_never_leads_to_the_attendance_officer() {
        for trigger in ILLNESS {
            let p = protocol(vec![step(
                "leerplicht",
                trigger.clone(),
                Role::AttendanceOfficer,
            )]);
            let errors = p.validate().unwrap_err();
            assert_eq!(errors.len(), 1, "{trigger:?}");
            assert_eq!(errors[0].step_id.as_deref(), Some("leerplicht"));
            assert!(errors[0].message.contains("'leerplicht'"), "{}", errors[0]);
            assert!(errors[0].message.contains("ziekte"), "{}", errors[0]);
            // The same trigger is fine for anyone else.
            for role in Role::ALL
                .into_iter()
                .filter(|r| *r != Role::AttendanceOfficer)
            {
                let p = protocol(vec![step("s", trigger.clone(), role)]);
                assert_eq!(refused(&p), vec![], "{trigger:?} {role:?}");
            }
        }
    }

    #[test]
    fn the_attendance_officer_may_follow_lateness_and_unauthorised_absence() {
        let p = protocol(vec![
            step(
                "laat",
                Trigger::LateArrivals { count: 10 },
                Role::AttendanceOfficer,
            ),
            step(
                "uren",
                Trigger::UnauthorisedHours {
                    hours: 16.0,
                    within_lesson_weeks: 4,
                },
                Role::AttendanceOfficer,
            ),
        ]);
        assert_eq!(p.validate(), Ok(()));
    }

    #[test]
    fn each_other_rule_names_its_step() {
        type Change = fn(&mut Protocol);
        let cases: &[(&str, Change, Option<&str>)] = &[
            ("no name", |p| p.name = " ".into(), None),
            (
                "capital in id",
                |p| p.steps[1].id = "Twee".into(),
                Some("Twee"),
            ),
            ("empty id", |p| p.steps[1].id = String::new(), Some("")),
            (
                "same id twice",
                |p| p.steps[1].id = "een".into(),
                Some("een"),
            ),
            (
                "zero reports",
                |p| {
                    p.steps[1].trigger = Trigger::SickReports {
                        count: 0,
                        within_school_weeks: 12,
                    }
                },
                Some("twee"),
            ),
            (
                "zero weeks",
                |p| {
                    p.steps[1].trigger = Trigger::UnauthorisedHours {
                        hours: 16.0,
                        within_lesson_weeks: 0,
                    }
                },
                Some("twee"),
            ),
            (
                "no hours",
                |p| {
                    p.steps[1].trigger = Trigger::UnauthorisedHours {
                        hours: f32::NAN,
                        within_lesson_weeks: 4,
                    }
                },
                Some("twee"),
            ),
            (
                "no title",
                |p| p.steps[1].texts.title = String::new(),
                Some("twee"),
            ),
        ];
        for (name, change, step_id) in cases {
            let mut p = protocol(vec![
                step("een", Trigger::EveryReport, Role::Teacher),
                step("twee", Trigger::LateArrivals { count: 3 }, Role::Teacher),
            ]);
            assert_eq!(refused(&p), vec![], "before: {name}");
            change(&mut p);
            assert_eq!(refused(&p), vec![step_id.map(String::from)], "case: {name}");
        }
    }

    #[test]
    fn translations_are_checked_like_the_dutch() {
        let mut p = protocol(vec![step("een", Trigger::EveryReport, Role::Teacher)]);
        let mut english = p.steps[0].texts.clone();
        english.title = "Title".into();
        p.steps[0].translations.insert(Language::En, english);
        assert_eq!(p.validate(), Ok(()));

        let mut no_title = p.clone();
        no_title.steps[0]
            .translations
            .get_mut(&Language::En)
            .unwrap()
            .title = " ".into();
        let errors = no_title.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("Engelse vertaling"),
            "{}",
            errors[0]
        );

        let mut too_long = p.clone();
        too_long.steps[0]
            .translations
            .get_mut(&Language::En)
            .unwrap()
            .why = "a".repeat(2001);
        assert_eq!(refused(&too_long), vec![Some("een".to_owned())]);
        let mut long_title = p.clone();
        long_title.steps[0].texts.title = "a".repeat(151);
        assert_eq!(refused(&long_title), vec![Some("een".to_owned())]);

        let mut dutch = p.clone();
        let texts = dutch.steps[0].texts.clone();
        dutch.steps[0].translations.insert(Language::Nl, texts);
        assert_eq!(refused(&dutch), vec![Some("een".to_owned())]);
    }

    #[test]
    fn a_dutch_edit_drops_the_translations_it_left_behind() {
        let before = Protocol::default_for(SchoolKind::Vo);
        let id = before.steps[3].id.clone();

        // Only the number changed: every translation stays.
        let mut after = before.clone();
        after.steps[3].trigger = Trigger::SickReports {
            count: 3,
            within_school_weeks: 12,
        };
        assert!(after.drop_stale_translations(&before).is_empty());
        assert_eq!(after.steps[3].translations.len(), 5);

        // The Dutch changed: the translations go.
        let mut after = before.clone();
        after.steps[3].texts.summary = "Een nieuwe zin.".into();
        assert_eq!(after.drop_stale_translations(&before), vec![id.clone()]);
        assert!(after.steps[3].translations.is_empty());
        assert!(after.steps[3].texts_in(Language::En).dutch_instead);
        assert_eq!(after.steps[4], before.steps[4], "other steps keep theirs");

        // The Dutch and the English changed together: the English stays.
        let mut after = before.clone();
        after.steps[3].texts.summary = "Een nieuwe zin.".into();
        after.steps[3]
            .translations
            .get_mut(&Language::En)
            .unwrap()
            .summary = "A new sentence.".into();
        assert_eq!(after.drop_stale_translations(&before), vec![id]);
        let kept: Vec<_> = after.steps[3].translations.keys().copied().collect();
        assert_eq!(kept, [Language::En]);

        // A new step keeps what it has.
        let mut after = before.clone();
        after.steps[3].id = "nieuw".into();
        after.steps[3].texts.title = "Nieuw".into();
        assert!(after.drop_stale_translations(&before).is_empty());
    }

    #[test]
    fn an_old_stored_protocol_gets_the_default_translations_where_it_kept_the_dutch() {
        let default = Protocol::default_for(SchoolKind::Po);
        let mut stored = default.clone();
        for step in &mut stored.steps {
            step.translations.clear();
        }
        stored.steps[1].texts.title = "Eigen titel".into();
        stored.fill_default_translations();
        assert_eq!(stored.steps[0], default.steps[0]);
        assert!(stored.steps[1].translations.is_empty());
    }

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert_eq!(
                serde_json::to_value(role).unwrap(),
                serde_json::json!(role.as_str())
            );
        }
        for kind in SchoolKind::ALL {
            assert_eq!(SchoolKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Role::parse("leraar"), None);
        assert_eq!(SchoolKind::parse("mbo"), None);
    }

    #[test]
    fn triggers_travel_tagged_with_times_as_hours_and_minutes() {
        let trigger = Trigger::NoReportBy {
            time: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
        };
        let json = serde_json::to_value(&trigger).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "no_report_by", "time": "08:30"})
        );
        assert_eq!(serde_json::from_value::<Trigger>(json).unwrap(), trigger);
        let json = serde_json::to_value(&ILLNESS[1]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "sick_reports", "count": 4, "within_school_weeks": 12})
        );
    }
}
