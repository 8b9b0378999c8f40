//! Leave (verlof): asking the school for permission to keep a child home.
//!
//! Leave is not an absence report. A parent asks beforehand; the school's
//! director decides up to 10 school days, the municipality's
//! leerplichtambtenaar above that. The rules per kind, the texts that
//! explain them and the checks are here once, so the app and the server
//! agree.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Words};
use crate::messages::{
    last_day_before_first, more_than_a_year_ahead, reason_too_long, unknown_child,
};
use crate::validation::{check_idempotency_key, done};
use crate::words;

/// The longest reason (a parent's or the school's), in characters.
pub const MAX_LEAVE_REASON_CHARS: usize = 500;
/// Leave for important circumstances may be asked this many days afterwards.
pub const LEAVE_DAYS_BACK: u64 = 2;
/// Leave may start at most this many days ahead.
pub const LEAVE_MAX_DAYS_AHEAD: u64 = 365;
/// Up to this many school days the director decides; above it the
/// leerplichtambtenaar. Also the most holiday leave there can be.
pub const DIRECTOR_MAX_SCHOOL_DAYS: u64 = 10;
/// Holiday leave is best asked this many days ahead (8 weeks).
pub const HOLIDAY_NOTICE_DAYS: u64 = 56;
/// A religious duty is best told to the school this many days ahead.
pub const RELIGIOUS_NOTICE_DAYS: u64 = 2;

/// What leave is, before the kinds: plain Dutch, one sentence a line.
pub const LEAVE_BASICS: [&str; 4] = [
    "Verlof is geen ziekmelding of afwezigheidsmelding. U vraagt de school om toestemming, en de school beslist.",
    "Tot en met 10 schooldagen beslist de directeur van de school. Bij meer dan 10 schooldagen beslist de leerplichtambtenaar van de gemeente.",
    "Vakantie buiten de schoolvakanties mag alleen als het werk van een ouder geen vakantie in de schoolvakanties toelaat.",
    "U krijgt altijd een antwoord met de reden. Bent u het niet eens met een nee? Dan kunt u schriftelijk bezwaar maken bij de school.",
];

/// Shown with a refusal.
pub const LEAVE_OBJECTION: &str =
    "Bent u het niet eens met de beslissing? U kunt schriftelijk bezwaar maken bij de school.";

/// Why a parent asks for leave; each kind has its own rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    /// Vakantieverlof: a parent's job makes a holiday in the school
    /// holidays impossible.
    HolidayForWork,
    /// Gewichtige omstandigheden: a wedding, a funeral, moving house...
    ImportantCircumstances,
    /// A religious duty or holy day.
    Religious,
}

impl LeaveKind {
    pub const ALL: [LeaveKind; 3] = [
        Self::ImportantCircumstances,
        Self::HolidayForWork,
        Self::Religious,
    ];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HolidayForWork => "holiday_for_work",
            Self::ImportantCircumstances => "important_circumstances",
            Self::Religious => "religious",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Plain Dutch, for parents.
    pub fn label(self) -> &'static str {
        match self {
            Self::HolidayForWork => "Vakantie, vanwege het werk van een ouder",
            Self::ImportantCircumstances => {
                "Een bijzondere gebeurtenis, zoals een bruiloft, begrafenis of verhuizing"
            }
            Self::Religious => "Een religieuze feestdag of plicht",
        }
    }

    /// The rules of this kind, one sentence a line, in plain Dutch.
    pub fn rules(self) -> &'static [&'static str] {
        match self {
            Self::HolidayForWork => &[
                "Alleen als het werk van een ouder een vakantie in de schoolvakanties onmogelijk maakt. Een verklaring van de werkgever is nodig.",
                "Eén keer per schooljaar, en hoogstens 10 schooldagen.",
                "Nooit in de eerste 2 weken van het schooljaar.",
                "Vraag het minstens 8 weken van tevoren aan.",
            ],
            Self::ImportantCircumstances => &[
                "Bijvoorbeeld een bruiloft of begrafenis in de familie, of een verhuizing.",
                "Vraag het van tevoren aan. Kon dat niet? Dan uiterlijk 2 dagen erna.",
                "Meestal is het: verhuizen 1 dag; overlijden van een ouder, broer of zus tot 5 dagen; van een opa of oma tot 2 dagen.",
                "Tot en met 10 schooldagen beslist de directeur. Bij meer dagen beslist de leerplichtambtenaar.",
            ],
            Self::Religious => &[
                "Voor een plicht die bij uw geloof of levensovertuiging hoort, zoals een religieuze feestdag.",
                "Meestal is dat 1 dag per feest of plicht.",
                "Laat het de school minstens 2 dagen van tevoren weten.",
            ],
        }
    }
}

/// Where a leave request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LeaveStatus {
    /// Sent; the school has not decided yet.
    Pending,
    Granted,
    Refused,
    /// The parent took it back before the school decided.
    Withdrawn,
}

impl LeaveStatus {
    pub const ALL: [LeaveStatus; 4] =
        [Self::Pending, Self::Granted, Self::Refused, Self::Withdrawn];

    /// The name stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Granted => "granted",
            Self::Refused => "refused",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// One or two words, for a list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "Verstuurd",
            Self::Granted => "Toegestaan",
            Self::Refused => "Niet toegestaan",
            Self::Withdrawn => "Ingetrokken",
        }
    }

    /// What it means for the parent, in a sentence.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Pending => "Verstuurd. De school laat u weten wat zij beslist.",
            Self::Granted => "De school heeft uw aanvraag toegestaan.",
            Self::Refused => "De school heeft uw aanvraag niet toegestaan.",
            Self::Withdrawn => "Deze aanvraag is ingetrokken. De school beslist er niet meer over.",
        }
    }
}

/// `POST /api/leave-requests`: ask leave for one child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewLeaveRequest {
    pub pupil_id: String,
    pub kind: LeaveKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Why, in a few words: a wedding, a funeral, a parent's job. Never
    /// medical details.
    pub reason: String,
    /// Made once by the app per attempt, as for absence reports: a retry
    /// with the same key returns the request stored the first time.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9-]{16,64}$"))]
    pub idempotency_key: String,
}

impl NewLeaveRequest {
    /// Every rule the server enforces, in the order of the form's fields.
    /// `today` is the school's date now.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, message: Words| errors.push(FieldError::new(field, message));

        if self.pupil_id.is_empty() {
            fail(
                "pupil_id",
                words!(
                    nl: "Kies voor welk kind u verlof vraagt.",
                    en: "Please choose the child you are asking leave for.",
                    ar: "اختر الطفل الذي تطلب له الإجازة.",
                    tr: "Hangi çocuk için izin istediğinizi seçin.",
                    pl: "Proszę wybrać dziecko, dla którego prosią Państwo o urlop.",
                    uk: "Виберіть дитину, для якої ви просите відпустку.",
                ),
            );
        } else if self.pupil_id.len() > 64 {
            fail("pupil_id", unknown_child());
        }

        let latest = today + Days::new(LEAVE_MAX_DAYS_AHEAD);
        if self.kind == LeaveKind::ImportantCircumstances {
            if self.first_day < today - Days::new(LEAVE_DAYS_BACK) {
                fail(
                    "first_day",
                    words!(
                        nl: "Deze dag is meer dan 2 dagen geleden. Daarvoor kunt u geen verlof meer aanvragen. Bel de school.",
                        en: "This day was more than 2 days ago. You can no longer ask leave for it. Please call the school.",
                        ar: "مرّ على هذا اليوم أكثر من يومين. لا يمكنك طلب إجازة له الآن. اتصل بالمدرسة.",
                        tr: "Bu gün 2 günden daha önceydi. Bunun için artık izin isteyemezsiniz. Okulu arayın.",
                        pl: "Ten dzień był ponad 2 dni temu. Nie można już prosić o urlop na ten dzień. Proszę zadzwonić do szkoły.",
                        uk: "Цей день був понад 2 дні тому. На нього вже не можна попросити відпустку. Зателефонуйте до школи.",
                    ),
                );
            }
        } else if self.first_day < today {
            fail(
                "first_day",
                words!(
                    nl: "Dit verlof vraagt u van tevoren aan. Kies vandaag of een latere dag.",
                    en: "You ask for this leave in advance. Please choose today or a later day.",
                    ar: "تطلب هذه الإجازة مسبقًا. اختر اليوم أو يومًا بعده.",
                    tr: "Bu izni önceden istersiniz. Bugünü veya daha sonraki bir günü seçin.",
                    pl: "O ten urlop prosi się wcześniej. Proszę wybrać dzisiejszy lub późniejszy dzień.",
                    uk: "Цю відпустку просять заздалегідь. Виберіть сьогодні або пізніший день.",
                ),
            );
        }
        if self.first_day > latest {
            fail("first_day", more_than_a_year_ahead());
        }

        if self.last_day < self.first_day {
            fail("last_day", last_day_before_first());
        } else if self.last_day > latest && self.first_day <= latest {
            fail("last_day", more_than_a_year_ahead());
        }

        errors.extend(check_reason(
            &self.reason,
            words!(
                nl: "Schrijf kort waarom u verlof vraagt.",
                en: "Please write in a few words why you are asking for leave.",
                ar: "اكتب باختصار لماذا تطلب الإجازة.",
                tr: "Neden izin istediğinizi kısaca yazın.",
                pl: "Proszę krótko napisać, dlaczego prosią Państwo o urlop.",
                uk: "Коротко напишіть, чому ви просите відпустку.",
            ),
        ));
        errors.extend(check_idempotency_key(&self.idempotency_key));
        done(errors)
    }

    /// Things the parent should know before sending, though the school may
    /// still agree: asked late, or longer than usual. Plain Dutch, one
    /// sentence or two each; empty when nothing applies.
    pub fn advice(&self, today: NaiveDate) -> Vec<String> {
        let mut advice = Vec::new();
        let days = school_days(self.first_day, self.last_day);
        let ahead = (self.first_day - today).num_days();
        match self.kind {
            LeaveKind::HolidayForWork => {
                if ahead < HOLIDAY_NOTICE_DAYS as i64 {
                    advice.push(
                        "De school beslist. Vraag het liefst 8 weken van tevoren aan.".to_owned(),
                    );
                }
                if days > DIRECTOR_MAX_SCHOOL_DAYS {
                    advice.push(format!(
                        "Vakantieverlof kan voor hoogstens 10 schooldagen. U vraagt er {days}. Meer dagen mag de school niet toestaan."
                    ));
                }
            }
            LeaveKind::ImportantCircumstances => {
                if ahead < 0 {
                    advice.push(
                        "U vraagt het verlof achteraf. Dat kan tot 2 dagen erna. Schrijf bij de reden waarom het niet eerder kon."
                            .to_owned(),
                    );
                }
                if days > DIRECTOR_MAX_SCHOOL_DAYS {
                    advice.push(format!(
                        "U vraagt {days} schooldagen. Bij meer dan 10 schooldagen beslist niet de directeur, maar de leerplichtambtenaar van de gemeente. Dat kan langer duren."
                    ));
                }
            }
            LeaveKind::Religious => {
                if ahead < RELIGIOUS_NOTICE_DAYS as i64 {
                    advice.push("Laat het de school liefst 2 dagen van tevoren weten.".to_owned());
                }
                if days > 1 {
                    advice.push(format!(
                        "Meestal is het 1 dag per feest of plicht. U vraagt er {days}. De school beslist."
                    ));
                }
            }
        }
        advice
    }
}

/// The school's answer: `POST /api/leave-requests/{id}/decision`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveDecision {
    pub granted: bool,
    /// Why, for the parents to read; required for a yes and a no alike.
    pub reason: String,
}

impl LeaveDecision {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        done(
            check_reason(
                &self.reason,
                words!(
                    nl: "Schrijf de reden van de beslissing op. De ouders lezen die.",
                    en: "Please write down the reason for the decision. The parents will read it.",
                    ar: "اكتب سبب القرار. سيقرؤه الوالدان.",
                    tr: "Kararın nedenini yazın. Veliler bunu okur.",
                    pl: "Proszę zapisać powód decyzji. Rodzice go przeczytają.",
                    uk: "Напишіть причину рішення. Батьки її прочитають.",
                ),
            )
            .into_iter()
            .collect(),
        )
    }
}

/// A reason (the parent's or the school's): 1 to 500 characters, trimmed.
fn check_reason(reason: &str, when_empty: Words) -> Option<FieldError> {
    let reason = reason.trim();
    if reason.is_empty() {
        Some(FieldError::new("reason", when_empty))
    } else if reason.chars().count() > MAX_LEAVE_REASON_CHARS {
        Some(FieldError::new("reason", reason_too_long()))
    } else {
        None
    }
}

/// The days from `first` to `last` (both included) that are a Monday to
/// Friday: the school days, as far as we can tell without the school's
/// holidays. 0 when `last` is before `first`.
pub fn school_days(first: NaiveDate, last: NaiveDate) -> u64 {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as u64
}

/// A stored leave request, as its guardians and the school see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LeaveRequest {
    pub id: String,
    pub pupil_id: String,
    pub pupil_first_name: String,
    pub kind: LeaveKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The parent's reason, trimmed.
    pub reason: String,
    /// The name of the guardian who asked.
    pub requested_by: String,
    /// When the school's server stored it.
    pub requested_at: DateTime<Utc>,
    pub status: LeaveStatus,
    /// The school's reason for its decision; `None` until it decided.
    pub decision_reason: Option<String>,
    /// The name of who decided (or withdrew the request); `None` while
    /// pending.
    pub decided_by: Option<String>,
    /// When that was.
    pub decided_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A Tuesday.
    const TODAY: &str = "2026-11-24";

    fn wedding_in_two_weeks() -> NewLeaveRequest {
        NewLeaveRequest {
            pupil_id: "p1".into(),
            kind: LeaveKind::ImportantCircumstances,
            first_day: day("2026-12-08"),
            last_day: day("2026-12-08"),
            reason: "Bruiloft van mijn broer".into(),
            idempotency_key: "0123456789abcdef-key".into(),
        }
    }

    fn failing_fields(r: &NewLeaveRequest) -> Vec<&'static str> {
        match r.validate(day(TODAY)) {
            Ok(()) => vec![],
            Err(errors) => errors.iter().map(|e| e.field).collect(),
        }
    }

    type Change = fn(&mut NewLeaveRequest);

    #[test]
    fn each_rule_names_its_field() {
        let cases: &[(&str, Change, &str)] = &[
            ("no child", |r| r.pupil_id.clear(), "pupil_id"),
            ("odd child", |r| r.pupil_id = "x".repeat(65), "pupil_id"),
            (
                "3 days back for a funeral",
                |r| r.first_day = day("2026-11-21"),
                "first_day",
            ),
            (
                "yesterday for a holiday",
                |r| {
                    r.kind = LeaveKind::HolidayForWork;
                    r.first_day = day("2026-11-23");
                },
                "first_day",
            ),
            (
                "yesterday for a religious duty",
                |r| {
                    r.kind = LeaveKind::Religious;
                    r.first_day = day("2026-11-23");
                },
                "first_day",
            ),
            (
                "366 days ahead",
                |r| {
                    r.first_day = day("2027-11-25");
                    r.last_day = r.first_day;
                },
                "first_day",
            ),
            (
                "last before first",
                |r| r.last_day = day("2026-12-07"),
                "last_day",
            ),
            (
                "last more than a year ahead",
                |r| r.last_day = day("2027-11-25"),
                "last_day",
            ),
            ("blank reason", |r| r.reason = "   ".into(), "reason"),
            ("long reason", |r| r.reason = "x".repeat(501), "reason"),
            (
                "short key",
                |r| r.idempotency_key = "abc".into(),
                "idempotency_key",
            ),
        ];
        for (name, change, field) in cases {
            let mut request = wedding_in_two_weeks();
            change(&mut request);
            assert_eq!(failing_fields(&request), vec![*field], "case: {name}");
        }
    }

    #[test]
    fn the_edges_of_the_rules_are_allowed() {
        let cases: &[(&str, Change)] = &[
            ("as it is", |_| {}),
            ("a funeral 2 days ago", |r| {
                r.first_day = day("2026-11-22");
                r.last_day = day("2026-11-25");
            }),
            ("a holiday from today", |r| {
                r.kind = LeaveKind::HolidayForWork;
                r.first_day = day(TODAY);
            }),
            ("365 days ahead", |r| {
                r.first_day = day("2027-11-24");
                r.last_day = r.first_day;
            }),
            ("500 characters, and spaces around", |r| {
                r.reason = format!("  {}  ", "é".repeat(500))
            }),
        ];
        for (name, change) in cases {
            let mut request = wedding_in_two_weeks();
            change(&mut request);
            assert_eq!(failing_fields(&request), Vec::<&str>::new(), "case: {name}");
        }
    }

    #[test]
    fn advice_warns_when_asked_late_or_for_long() {
        use LeaveKind::*;
        type Case<'a> = (&'a str, LeaveKind, &'a str, &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "a wedding in 2 weeks",
                ImportantCircumstances,
                "2026-12-08",
                "2026-12-08",
                &[],
            ),
            (
                "a funeral yesterday",
                ImportantCircumstances,
                "2026-11-23",
                "2026-11-23",
                &["U vraagt het verlof achteraf."],
            ),
            (
                "11 school days for a funeral",
                ImportantCircumstances,
                "2026-12-08",
                "2026-12-22",
                &["beslist niet de directeur, maar de leerplichtambtenaar"],
            ),
            (
                "a holiday in 2 weeks",
                HolidayForWork,
                "2026-12-08",
                "2026-12-08",
                &["De school beslist. Vraag het liefst 8 weken van tevoren aan."],
            ),
            // 8 weeks ahead: Tuesday 19 January to Tuesday 2 February.
            (
                "11 school days of holiday",
                HolidayForWork,
                "2027-01-19",
                "2027-02-02",
                &["hoogstens 10 schooldagen. U vraagt er 11."],
            ),
            (
                "10 school days of holiday, 8 weeks ahead",
                HolidayForWork,
                "2027-01-19",
                "2027-02-01",
                &[],
            ),
            (
                "a holy day tomorrow",
                Religious,
                "2026-11-25",
                "2026-11-25",
                &["Laat het de school liefst 2 dagen van tevoren weten."],
            ),
            (
                "2 days for a holy day",
                Religious,
                "2026-12-08",
                "2026-12-09",
                &["U vraagt er 2."],
            ),
        ];
        for (name, kind, first, last, expected) in cases {
            let request = NewLeaveRequest {
                kind: *kind,
                first_day: day(first),
                last_day: day(last),
                ..wedding_in_two_weeks()
            };
            let advice = request.advice(day(TODAY));
            assert_eq!(advice.len(), expected.len(), "{name}: {advice:?}");
            for (line, part) in advice.iter().zip(*expected) {
                assert!(line.contains(part), "{name}: {line}");
            }
        }
    }

    #[test]
    fn school_days_skip_weekends() {
        assert_eq!(school_days(day("2026-11-27"), day("2026-11-30")), 2);
        assert_eq!(school_days(day("2026-11-28"), day("2026-11-29")), 0);
        assert_eq!(school_days(day("2026-11-24"), day("2026-11-24")), 1);
        assert_eq!(school_days(day("2026-11-24"), day("2026-11-23")), 0);
        assert_eq!(school_days(day("2026-11-23"), day("2026-12-04")), 10);
    }

    #[test]
    fn a_decision_needs_a_reason() {
        let decision = |reason: &str| LeaveDecision {
            granted: false,
            reason: reason.into(),
        };
        assert!(decision("Geen werkgeversverklaring.").validate().is_ok());
        for reason in ["", "  ", &"x".repeat(501)] {
            let errors = decision(reason).validate().unwrap_err();
            assert_eq!(errors[0].field, "reason");
        }
    }

    #[test]
    fn kinds_and_statuses_round_trip_through_their_names() {
        for kind in LeaveKind::ALL {
            assert_eq!(LeaveKind::parse(kind.as_str()), Some(kind));
            assert!(!kind.rules().is_empty());
        }
        for status in LeaveStatus::ALL {
            assert_eq!(LeaveStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(LeaveKind::parse("holiday"), None);
        let json = serde_json::to_value(wedding_in_two_weeks()).unwrap();
        assert_eq!(json["kind"], "important_circumstances");
        assert_eq!(json["first_day"], "2026-12-08");
    }
}
