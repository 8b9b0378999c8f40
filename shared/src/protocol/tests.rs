//! The engine against every trigger (edges included) and both default
//! protocols, the totals sentence, and the wire format.

use chrono::{Days, NaiveDate, NaiveTime};

use super::*;

const TODAY: &str = "2026-11-24"; // a Tuesday; 12 school weeks back is 2026-08-31

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn time(s: &str) -> Option<NaiveTime> {
    Some(NaiveTime::parse_from_str(s, "%H:%M").unwrap())
}

fn calendar() -> SchoolCalendar {
    SchoolCalendar::netherlands_example(2026)
}

fn record(category: AbsenceCategory, first: &str, last: Option<&str>) -> AbsenceRecord {
    AbsenceRecord {
        category,
        first_day: day(first),
        last_day: last.map(day),
        start_time: None,
        end_time: None,
    }
}

/// Ill on one day.
fn ill(first: &str) -> AbsenceRecord {
    record(AbsenceCategory::Ill, first, Some(first))
}

/// Ill from `first` to `last` (`None`: still ill).
fn ill_until(first: &str, last: Option<&str>) -> AbsenceRecord {
    record(AbsenceCategory::Ill, first, last)
}

fn unauthorised(first: &str, last: Option<&str>) -> AbsenceRecord {
    record(AbsenceCategory::Unauthorised, first, last)
}

fn late(first: &str) -> AbsenceRecord {
    record(AbsenceCategory::Late, first, Some(first))
}

/// From `from` (and until `to`) on one day.
fn part(mut r: AbsenceRecord, from: Option<NaiveTime>, to: Option<NaiveTime>) -> AbsenceRecord {
    r.start_time = from;
    r.end_time = to;
    r
}

/// The state of a lone step with this trigger.
fn state_of(trigger: &Trigger, history: &[AbsenceRecord], today: &str) -> StepState {
    let protocol = Protocol {
        kind: SchoolKind::Po,
        name: "Een stap".into(),
        steps: vec![Step {
            id: "stap".into(),
            trigger: trigger.clone(),
            role: Role::Teacher,
            involves_conversation: false,
            texts: Protocol::default_po().steps[0].texts.clone(),
            translations: Default::default(),
        }],
    };
    evaluate(&protocol, &calendar(), history, day(today)).steps[0].state
}

/// What a counting step should come to: applies since a day, or so many more.
#[derive(Debug)]
enum Expect {
    Since(&'static str),
    More(u32),
}

fn check_counts(trigger: Trigger, cases: Vec<(&str, &str, Vec<AbsenceRecord>, Expect)>) {
    for (name, today, history, expect) in cases {
        let got = state_of(&trigger, &history, today);
        let expected = match expect {
            Expect::Since(d) => StepState::Applies { since: day(d) },
            Expect::More(more) => StepState::NotYet {
                distance: match trigger {
                    Trigger::SickReports {
                        within_school_weeks,
                        ..
                    } => Distance::SickReports {
                        more,
                        within_school_weeks,
                    },
                    Trigger::SickDaysInRow { .. } => Distance::SickDaysInRow { more },
                    Trigger::LateArrivals { .. } => Distance::LateArrivals { more },
                    _ => unreachable!("not a counting trigger"),
                },
            },
        };
        assert_eq!(got, expected, "case: {name}");
    }
}

#[test]
fn sick_reports_count_within_school_weeks() {
    use Expect::*;
    let three = || vec![ill("2026-09-14"), ill("2026-10-07"), ill("2026-11-10")];
    let with = |extra: Vec<AbsenceRecord>| [three(), extra].concat();
    let cases = vec![
        ("nothing yet", TODAY, vec![], More(4)),
        ("one report", TODAY, vec![ill("2026-11-10")], More(3)),
        ("three reports", TODAY, three(), More(1)),
        (
            "the fourth applies from its day",
            TODAY,
            with(vec![ill_until(TODAY, None)]),
            Since(TODAY),
        ),
        (
            "a report just outside the 12 weeks",
            TODAY,
            with(vec![ill("2026-08-28")]),
            More(1),
        ),
        (
            "a report on the first day of the 12 weeks",
            TODAY,
            with(vec![ill("2026-08-31")]),
            Since("2026-11-10"),
        ),
        (
            "a report in the future is not counted yet",
            TODAY,
            with(vec![ill("2026-11-30")]),
            More(1),
        ),
        (
            "reports on following school days are one illness",
            TODAY,
            vec![
                ill("2026-09-14"),
                ill("2026-10-07"),
                ill("2026-11-13"),
                ill("2026-11-16"),
            ],
            More(1),
        ),
        (
            "a school day in between makes two",
            TODAY,
            vec![
                ill("2026-09-14"),
                ill("2026-10-07"),
                ill("2026-11-12"),
                ill("2026-11-16"),
            ],
            Since("2026-11-16"),
        ),
        (
            "a report spanning herfstvakantie is one",
            TODAY,
            vec![
                ill("2026-09-14"),
                ill_until("2026-10-16", Some("2026-10-26")),
                ill("2026-10-27"),
                ill("2026-11-10"),
            ],
            More(1),
        ),
        (
            "a report on a Saturday only is no sick report",
            TODAY,
            with(vec![ill("2026-11-21")]),
            More(1),
        ),
        (
            "ill from noon is a sick report",
            TODAY,
            with(vec![part(ill(TODAY), time("11:30"), None)]),
            Since(TODAY),
        ),
        (
            "other kinds of absence are no sick reports",
            TODAY,
            with(vec![
                record(
                    AbsenceCategory::Appointment,
                    "2026-11-23",
                    Some("2026-11-23"),
                ),
                record(AbsenceCategory::Other, "2026-11-19", Some("2026-11-19")),
                unauthorised("2026-11-17", Some("2026-11-17")),
                late("2026-11-12"),
            ]),
            More(1),
        ),
        (
            // From 5 November, 12 school weeks reach back past herfstvakantie
            // and the summer holiday to 29 June.
            "holiday weeks are not school weeks",
            "2026-11-05",
            vec![
                ill("2026-06-29"),
                ill("2026-09-14"),
                ill("2026-10-07"),
                ill("2026-11-02"),
            ],
            Since("2026-11-02"),
        ),
        (
            "just before those weeks",
            "2026-11-05",
            vec![
                ill("2026-06-26"),
                ill("2026-09-14"),
                ill("2026-10-07"),
                ill("2026-11-02"),
            ],
            More(1),
        ),
    ];
    check_counts(
        Trigger::SickReports {
            count: 4,
            within_school_weeks: 12,
        },
        cases,
    );
}

#[test]
fn sick_days_in_a_row_skip_weekends_and_holidays() {
    use Expect::*;
    let cases = vec![
        ("nothing yet", TODAY, vec![], More(8)),
        (
            "open-ended since last Monday runs until today",
            TODAY,
            vec![ill_until("2026-11-16", None)],
            More(1),
        ),
        (
            "the eighth school day applies",
            TODAY,
            vec![ill_until("2026-11-13", None)],
            Since(TODAY),
        ),
        (
            "reports that follow each other make one run",
            TODAY,
            vec![
                ill_until("2026-11-12", Some("2026-11-13")),
                ill_until("2026-11-16", Some("2026-11-20")),
                ill_until("2026-11-23", None),
            ],
            Since("2026-11-23"),
        ),
        (
            "a report spanning herfstvakantie counts only school days",
            TODAY,
            vec![ill_until("2026-10-14", Some("2026-10-29"))],
            More(8), // 7 school days, and over: nothing is on the way
        ),
        (
            "one more school day after herfstvakantie",
            TODAY,
            vec![ill_until("2026-10-14", Some("2026-10-30"))],
            Since("2026-10-30"),
        ),
        (
            "a school day in between breaks the run",
            TODAY,
            vec![
                ill_until("2026-11-11", Some("2026-11-13")),
                ill_until("2026-11-17", None),
            ],
            More(2),
        ),
        (
            "days in the future are not counted yet",
            TODAY,
            vec![ill_until("2026-11-20", Some("2026-12-11"))],
            More(5),
        ),
        (
            "a run that ended is not on the way",
            TODAY,
            vec![ill_until("2026-11-16", Some("2026-11-20"))],
            More(8),
        ),
        (
            "a run that ended on Friday still goes on at the weekend",
            "2026-11-21",
            vec![ill_until("2026-11-16", Some("2026-11-20"))],
            More(3),
        ),
        (
            "a part day counts as a day",
            TODAY,
            vec![
                part(ill("2026-11-13"), time("11:30"), None),
                ill_until("2026-11-16", None),
            ],
            Since(TODAY),
        ),
        (
            "a long illness earlier this school year still applies",
            TODAY,
            vec![ill_until("2026-09-14", Some("2026-09-23"))],
            Since("2026-09-23"),
        ),
        (
            "last school year's illness does not",
            "2026-09-01",
            vec![ill_until("2026-06-15", Some("2026-07-03"))],
            More(8),
        ),
    ];
    check_counts(Trigger::SickDaysInRow { school_days: 8 }, cases);
}

#[test]
fn late_arrivals_count_this_school_year() {
    use Expect::*;
    let cases = vec![
        ("nothing yet", TODAY, vec![], More(3)),
        (
            "two",
            TODAY,
            vec![late("2026-11-10"), late("2026-11-12")],
            More(1),
        ),
        (
            "the third applies from its day",
            TODAY,
            vec![late("2026-09-10"), late("2026-11-10"), late("2026-11-12")],
            Since("2026-11-12"),
        ),
        (
            "last school year's do not count",
            TODAY,
            vec![late("2026-07-01"), late("2026-07-02"), late("2026-11-12")],
            More(2),
        ),
        (
            "the future does not count yet",
            TODAY,
            vec![late("2026-11-10"), late("2026-11-12"), late("2026-11-30")],
            More(1),
        ),
        (
            "twice on one day is once",
            TODAY,
            vec![late("2026-11-10"), late("2026-11-10"), late("2026-11-12")],
            More(1),
        ),
        (
            "a holiday has no late arrivals",
            TODAY,
            vec![late("2026-10-20"), late("2026-11-10"), late("2026-11-12")],
            More(1),
        ),
        (
            "with the time of arrival",
            TODAY,
            vec![
                part(late("2026-11-10"), None, time("08:40")),
                late("2026-11-12"),
                part(late(TODAY), None, time("09:15")),
            ],
            Since(TODAY),
        ),
    ];
    check_counts(Trigger::LateArrivals { count: 3 }, cases);
}

#[test]
fn unauthorised_hours_count_within_lesson_weeks() {
    // The example calendar counts a school day as 6 hours, 08:30 to 14:30.
    let trigger = Trigger::UnauthorisedHours {
        hours: 16.0,
        within_lesson_weeks: 4,
    };
    let one_day = |d: &'static str| unauthorised(d, Some(d));
    let two_days = || vec![one_day("2026-11-10"), one_day("2026-11-11")];
    // (name, today, history, Ok(applies since) or Err(hours still to go))
    type Case = (
        &'static str,
        &'static str,
        Vec<AbsenceRecord>,
        Result<&'static str, f32>,
    );
    let cases: Vec<Case> = vec![
        ("nothing yet", TODAY, vec![], Err(16.0)),
        ("two days", TODAY, two_days(), Err(4.0)),
        (
            "a part day of 4 hours reaches 16",
            TODAY,
            [
                two_days(),
                vec![part(one_day("2026-11-12"), time("10:30"), None)],
            ]
            .concat(),
            Ok("2026-11-12"),
        ),
        (
            "a minute short",
            TODAY,
            [
                two_days(),
                vec![part(one_day("2026-11-12"), time("10:31"), None)],
            ]
            .concat(),
            Err(1.0 / 60.0),
        ),
        (
            "a weekend inside a report does not count",
            TODAY,
            vec![unauthorised("2026-11-20", Some("2026-11-23"))],
            Err(4.0),
        ),
        (
            "outside the 4 lesson weeks",
            TODAY,
            [two_days(), vec![one_day("2026-10-30")]].concat(),
            Err(4.0),
        ),
        (
            "herfstvakantie is no lesson week",
            "2026-11-05",
            vec![
                one_day("2026-10-05"),
                one_day("2026-10-06"),
                one_day("2026-11-02"),
            ],
            Ok("2026-11-02"),
        ),
        (
            "just before those weeks",
            "2026-11-05",
            vec![
                one_day("2026-10-02"),
                one_day("2026-10-06"),
                one_day("2026-11-02"),
            ],
            Err(4.0),
        ),
        (
            "open-ended runs until today",
            TODAY,
            vec![unauthorised("2026-11-20", None)],
            Ok(TODAY),
        ),
        (
            "the future does not count yet",
            TODAY,
            vec![unauthorised(TODAY, Some("2026-11-27"))],
            Err(10.0),
        ),
        (
            "illness, appointments and unjudged absence never count",
            TODAY,
            vec![
                ill_until("2026-11-02", None),
                record(
                    AbsenceCategory::Appointment,
                    "2026-11-03",
                    Some("2026-11-04"),
                ),
                record(AbsenceCategory::Other, "2026-11-16", Some("2026-11-20")),
                record(AbsenceCategory::Leave, "2026-11-09", Some("2026-11-13")),
            ],
            Err(16.0),
        ),
    ];
    for (name, today, history, expect) in cases {
        let got = state_of(&trigger, &history, today);
        match (got, expect) {
            (StepState::Applies { since }, Ok(d)) => assert_eq!(since, day(d), "case: {name}"),
            (
                StepState::NotYet {
                    distance:
                        Distance::UnauthorisedHours {
                            more,
                            within_lesson_weeks: 4,
                        },
                },
                Err(expected),
            ) => assert!((more - expected).abs() < 1e-3, "case: {name}: {more}"),
            (got, expect) => panic!("case: {name}: got {got:?}, expected {expect:?}"),
        }
    }
}

#[test]
fn information_steps_are_always_informational() {
    let triggers = [
        Trigger::EveryReport,
        Trigger::NoReportBy {
            time: time("08:30").unwrap(),
        },
    ];
    let histories = [
        vec![],
        vec![
            ill_until("2026-11-02", None),
            unauthorised("2026-09-01", None),
        ],
    ];
    for trigger in &triggers {
        for history in &histories {
            assert_eq!(
                state_of(trigger, history, TODAY),
                StepState::Informational,
                "{trigger:?}"
            );
        }
    }
}

fn defaults() -> [Protocol; 2] {
    [Protocol::default_po(), Protocol::default_vo()]
}

#[test]
fn both_default_protocols_validate() {
    for protocol in defaults() {
        assert_eq!(protocol.validate(), Ok(()), "{}", protocol.name);
    }
    assert_eq!(Protocol::default_po().kind, SchoolKind::Po);
    assert_eq!(Protocol::default_vo().kind, SchoolKind::Vo);
    for kind in SchoolKind::ALL {
        assert_eq!(Protocol::default_for(kind).kind, kind);
    }
}

/// The ids of the steps in each state.
fn ids_where(position: &Position, keep: fn(&StepState) -> bool) -> Vec<&str> {
    position
        .steps
        .iter()
        .filter(|s| keep(&s.state))
        .map(|s| s.step_id.as_str())
        .collect()
}

fn applies(state: &StepState) -> bool {
    matches!(state, StepState::Applies { .. })
}

#[test]
fn a_single_report_shows_only_the_reassuring_first_steps() {
    let expected_first = [
        ["melding-ontvangen", "geen-melding", "hoe-gaat-het"],
        ["melding-ontvangen", "geen-melding", "mentor-houdt-contact"],
    ];
    for (protocol, first) in defaults().iter().zip(expected_first) {
        let history = [ill_until(TODAY, None)];
        let position = evaluate(protocol, &calendar(), &history, day(TODAY));
        assert_eq!(ids_where(&position, applies), Vec::<&str>::new());
        assert_eq!(
            ids_where(&position, |s| *s == StepState::Informational),
            first,
            "{}",
            protocol.name
        );
        let next = position
            .next
            .as_ref()
            .expect("a sick child is on the way to a step");
        assert_eq!(next.step_id, "gesprek-vaak-ziek", "{}", protocol.name);
        assert_eq!(
            next.distance.describe(),
            "Nog 3 ziekmeldingen binnen 12 schoolweken"
        );
        assert_eq!(
            position.state("lessen-gemist-leerplicht"),
            Some(&StepState::NotYet {
                distance: Distance::UnauthorisedHours {
                    more: 16.0,
                    within_lesson_weeks: 4
                }
            })
        );
    }
}

#[test]
fn steps_with_nothing_counted_are_at_their_first_distance() {
    let history = [ill("2026-10-07"), ill("2026-11-10"), late("2026-11-12")];
    let protocol = Protocol::default_po();
    let position = evaluate(&protocol, &calendar(), &history, day(TODAY));
    let untouched: Vec<&str> = protocol
        .steps
        .iter()
        .zip(&position.steps)
        .filter(|(step, status)| match status.state {
            StepState::NotYet { distance } => step.trigger.first_distance() == Some(distance),
            _ => false,
        })
        .map(|(step, _)| step.id.as_str())
        .collect();
    // Not ill today, so the long-illness steps are not in view either.
    assert_eq!(
        untouched,
        [
            "gesprek-lang-ziek",
            "jeugdarts-lang-ziek",
            "lessen-gemist-leerplicht"
        ]
    );
}

#[test]
fn an_appointment_alone_has_no_next_step() {
    for protocol in defaults() {
        let history = [record(AbsenceCategory::Appointment, TODAY, Some(TODAY))];
        let position = evaluate(&protocol, &calendar(), &history, day(TODAY));
        assert_eq!(position.next, None, "{}", protocol.name);
        assert_eq!(ids_where(&position, applies), Vec::<&str>::new());
    }
}

#[test]
fn three_sick_reports_make_the_conversation_next() {
    let history = [ill("2026-09-14"), ill("2026-10-07"), ill("2026-11-10")];
    for protocol in defaults() {
        let position = evaluate(&protocol, &calendar(), &history, day(TODAY));
        let next = position.next.as_ref().unwrap();
        // The school doctor's step is as close; the conversation comes first.
        assert_eq!(next.step_id, "gesprek-vaak-ziek", "{}", protocol.name);
        assert_eq!(
            next.distance,
            Distance::SickReports {
                more: 1,
                within_school_weeks: 12
            }
        );
        assert_eq!(
            next.distance.describe(),
            "Nog 1 ziekmelding binnen 12 schoolweken"
        );
    }
}

#[test]
fn the_fourth_sick_report_starts_the_conversation_and_next_moves_on() {
    let history = [
        ill("2026-09-14"),
        ill("2026-10-07"),
        ill("2026-11-10"),
        ill_until(TODAY, None),
    ];
    for (protocol, days_left) in defaults().iter().zip([7, 6]) {
        let position = evaluate(protocol, &calendar(), &history, day(TODAY));
        assert_eq!(
            ids_where(&position, applies),
            ["gesprek-vaak-ziek", "jeugdarts-vaak-ziek"],
            "{}",
            protocol.name
        );
        assert_eq!(
            position.state("gesprek-vaak-ziek"),
            Some(&StepState::Applies { since: day(TODAY) })
        );
        let next = position.next.as_ref().unwrap();
        assert_eq!(next.step_id, "gesprek-lang-ziek", "{}", protocol.name);
        assert_eq!(next.distance, Distance::SickDaysInRow { more: days_left });
    }
    // Better again: nothing more is on the way.
    let mut better = history.clone();
    better[3].last_day = Some(day(TODAY));
    let position = evaluate(
        &Protocol::default_po(),
        &calendar(),
        &better,
        day("2026-11-25"),
    );
    assert_eq!(position.next, None);
}

#[test]
fn vo_starts_the_long_illness_steps_on_the_seventh_day() {
    let history = [ill_until("2026-11-16", None)];
    let position = evaluate(&Protocol::default_vo(), &calendar(), &history, day(TODAY));
    assert_eq!(
        ids_where(&position, applies),
        ["gesprek-lang-ziek", "jeugdarts-lang-ziek"]
    );
    let position = evaluate(&Protocol::default_po(), &calendar(), &history, day(TODAY));
    assert_eq!(ids_where(&position, applies), Vec::<&str>::new());
}

#[test]
fn the_closest_step_is_next_across_tracks() {
    let lates = [late("2026-11-10"), late("2026-11-12")]; // PO: 1 more of 3
    let cases = [
        // 1 more of 4 sick reports beats 1 more of 3 late arrivals.
        (
            vec![ill("2026-09-14"), ill("2026-10-07"), ill("2026-11-10")],
            "gesprek-vaak-ziek",
        ),
        // 2 more of 4 does not.
        (
            vec![ill("2026-10-07"), ill("2026-11-10")],
            "te-laat-gesprek",
        ),
    ];
    for (sick, expected) in cases {
        let history = [sick, lates.to_vec()].concat();
        let position = evaluate(&Protocol::default_po(), &calendar(), &history, day(TODAY));
        assert_eq!(position.next.unwrap().step_id, expected);
    }
}

#[test]
fn unauthorised_absence_does_lead_to_leerplicht() {
    let history = [unauthorised("2026-11-18", Some("2026-11-20"))];
    for protocol in defaults() {
        let position = evaluate(&protocol, &calendar(), &history, day(TODAY));
        assert_eq!(ids_where(&position, applies), ["lessen-gemist-leerplicht"]);
        let history = [unauthorised("2026-11-18", Some("2026-11-19"))];
        let position = evaluate(&protocol, &calendar(), &history, day(TODAY));
        assert_eq!(
            position.next.unwrap().distance.describe(),
            "Nog 4 uur les zonder toestemming binnen 4 lesweken"
        );
    }
}

/// A small deterministic random generator, so the loop below needs no crate.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn illness_alone_never_leads_to_leerplicht() {
    let calendar = calendar();
    let mut random = Lcg(7);
    let mut illness_steps_reached = 0;
    for _ in 0..400 {
        let today = day("2026-09-01") + Days::new(random.below(300));
        let history: Vec<AbsenceRecord> = (0..random.below(16))
            .map(|_| {
                let first = today - Days::new(random.below(150)) + Days::new(3);
                let length = random.below(15);
                let mut r = AbsenceRecord {
                    category: AbsenceCategory::Ill,
                    first_day: first,
                    last_day: (length > 0).then(|| first + Days::new(length - 1)),
                    start_time: None,
                    end_time: None,
                };
                if random.below(4) == 0 {
                    r.last_day = Some(first);
                    r.start_time = time("11:00");
                }
                r
            })
            .collect();
        for protocol in defaults() {
            let position = evaluate(&protocol, &calendar, &history, today);
            for (step, status) in protocol.steps.iter().zip(&position.steps) {
                if step.role == Role::AttendanceOfficer {
                    assert!(!applies(&status.state), "{}: {history:?}", step.id);
                }
                if step.trigger.track() == Track::Illness && applies(&status.state) {
                    illness_steps_reached += 1;
                }
            }
            if let Some(next) = &position.next {
                let step = protocol.step(&next.step_id).unwrap();
                assert_eq!(step.trigger.track(), Track::Illness, "{history:?}");
                assert_ne!(step.role, Role::AttendanceOfficer);
            }
        }
    }
    // The histories did reach the illness steps, so the loop tested something.
    assert!(illness_steps_reached > 100, "{illness_steps_reached}");
}

#[test]
fn distances_read_in_plain_dutch() {
    let cases = [
        (
            Distance::SickReports {
                more: 1,
                within_school_weeks: 12,
            },
            "Nog 1 ziekmelding binnen 12 schoolweken",
        ),
        (
            Distance::SickReports {
                more: 2,
                within_school_weeks: 1,
            },
            "Nog 2 ziekmeldingen binnen 1 schoolweek",
        ),
        (
            Distance::SickDaysInRow { more: 3 },
            "Nog 3 schooldagen ziek achter elkaar",
        ),
        (
            Distance::SickDaysInRow { more: 1 },
            "Nog 1 schooldag ziek achter elkaar",
        ),
        (
            Distance::UnauthorisedHours {
                more: 1.0 / 60.0,
                within_lesson_weeks: 4,
            },
            "Nog 0,1 uur les zonder toestemming binnen 4 lesweken",
        ),
        (
            Distance::UnauthorisedHours {
                more: 3.5,
                within_lesson_weeks: 4,
            },
            "Nog 3,5 uur les zonder toestemming binnen 4 lesweken",
        ),
        (
            Distance::LateArrivals { more: 2 },
            "Nog 2 keer te laat dit schooljaar",
        ),
    ];
    for (distance, text) in cases {
        assert_eq!(distance.describe(), text);
    }
}

#[test]
fn totals_count_this_school_year_up_to_today() {
    let history = [
        ill_until("2026-11-16", Some("2026-11-20")), // 5 days
        part(
            record(
                AbsenceCategory::Appointment,
                "2026-11-23",
                Some("2026-11-23"),
            ),
            time("08:30"),
            time("11:30"),
        ), // half a day
        part(late("2026-11-12"), None, time("09:00")),
        late("2026-11-13"),
        ill("2026-07-01"),                              // last school year
        ill_until("2026-11-30", None),                  // not yet
        unauthorised("2026-10-19", Some("2026-10-23")), // all herfstvakantie
    ];
    let totals = Totals::compute(&calendar(), &history, day(TODAY));
    assert_eq!(
        totals.school_year,
        Period {
            from: day("2026-08-01"),
            to: day(TODAY)
        }
    );
    let of = |c| {
        let t = totals.of(c);
        (t.reports, t.school_days, t.lesson_hours)
    };
    assert_eq!(of(AbsenceCategory::Ill), (1, 5.0, 30.0));
    assert_eq!(of(AbsenceCategory::Appointment), (1, 0.5, 3.0));
    let (reports, days, hours) = of(AbsenceCategory::Late);
    assert_eq!(reports, 2);
    assert!((days - 0.5 / 6.0).abs() < 1e-6 && (hours - 0.5).abs() < 1e-5);
    assert_eq!(of(AbsenceCategory::Unauthorised), (0, 0.0, 0.0));
    assert_eq!(totals.school_days_away(), 5.5);
    assert_eq!(totals.categories.len(), AbsenceCategory::ALL.len());
}

#[test]
fn the_totals_read_as_one_calm_sentence() {
    use AbsenceCategory::*;
    let cases: Vec<(&str, Vec<AbsenceRecord>, &str)> = vec![
        (
            "the example",
            vec![
                ill_until("2026-11-16", Some("2026-11-20")),
                record(Appointment, "2026-10-07", Some("2026-10-07")),
            ],
            "Noor was dit schooljaar 6 schooldagen afwezig: 5 dagen ziek en 1 dag voor een afspraak.",
        ),
        (
            "nothing",
            vec![ill("2026-07-01")],
            "Noor was dit schooljaar nog geen dag afwezig.",
        ),
        (
            "one kind",
            vec![ill("2026-11-10"), ill("2026-11-12")],
            "Noor was dit schooljaar 2 schooldagen ziek.",
        ),
        (
            "a part day",
            vec![part(
                record(Appointment, "2026-11-23", Some("2026-11-23")),
                time("08:30"),
                time("11:30"),
            )],
            "Noor was dit schooljaar 0,5 schooldag afwezig voor een afspraak.",
        ),
        (
            "three kinds",
            vec![
                ill("2026-11-10"),
                record(Leave, "2026-10-01", Some("2026-10-02")),
                part(unauthorised("2026-11-23", Some("2026-11-23")), time("11:30"), None),
            ],
            "Noor was dit schooljaar 3,5 schooldagen afwezig: 1 dag ziek, 2 dagen met verlof \
             en 0,5 dag zonder toestemming.",
        ),
        (
            "late arrivals",
            vec![
                record(Other, "2026-11-02", Some("2026-11-02")),
                late("2026-11-10"),
                late("2026-11-12"),
            ],
            "Noor was dit schooljaar 1 schooldag afwezig om een andere reden. \
             Noor kwam 2 keer te laat.",
        ),
        (
            // Rounded first, so the parts add up to the total shown.
            "thirds of a day",
            vec![
                part(ill("2026-11-10"), None, time("10:30")),
                part(record(Appointment, "2026-11-11", Some("2026-11-11")), None, time("10:30")),
                part(record(Leave, "2026-11-12", Some("2026-11-12")), None, time("10:30")),
            ],
            "Noor was dit schooljaar 0,9 schooldag afwezig: 0,3 dag ziek, 0,3 dag voor een \
             afspraak en 0,3 dag met verlof.",
        ),
        (
            "only late",
            vec![late("2026-11-10")],
            "Noor was dit schooljaar nog geen dag afwezig. Noor kwam 1 keer te laat.",
        ),
    ];
    for (name, history, sentence) in cases {
        let totals = Totals::compute(&calendar(), &history, day(TODAY));
        assert_eq!(totals.sentence("Noor"), sentence, "case: {name}");
    }
}

#[test]
fn protocols_and_positions_round_trip_through_json() {
    for protocol in defaults() {
        let json = serde_json::to_string(&protocol).unwrap();
        let back: Protocol = serde_json::from_str(&json).unwrap();
        assert_eq!(back, protocol);
    }
    let history = [ill("2026-09-14"), ill("2026-10-07"), ill("2026-11-10")];
    let position = evaluate(&Protocol::default_po(), &calendar(), &history, day(TODAY));
    let json = serde_json::to_value(&position).unwrap();
    assert_eq!(
        json["steps"][0],
        serde_json::json!({"step_id": "melding-ontvangen", "state": {"state": "informational"}})
    );
    assert_eq!(
        json["next"],
        serde_json::json!({"step_id": "gesprek-vaak-ziek",
            "distance": {"type": "sick_reports", "more": 1, "within_school_weeks": 12}})
    );
    assert_eq!(json["totals"]["categories"][0]["category"], "ill");
    let back: Position = serde_json::from_value(json).unwrap();
    assert_eq!(back, position);
    let record = serde_json::to_value(part(ill(TODAY), time("11:30"), None)).unwrap();
    assert_eq!(
        record,
        serde_json::json!({"category": "ill", "first_day": TODAY, "last_day": TODAY,
            "start_time": "11:30", "end_time": null})
    );
}

/// Splits a text into sentences (and clauses after a colon or semicolon); a
/// dot inside "8.30 uur" ends nothing.
fn sentences(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let ends = chars
            .get(i + 1)
            .is_none_or(|(_, next)| next.is_whitespace());
        if ".?:;".contains(c) && ends {
            parts.push(text[start..at].trim());
            start = at + c.len_utf8();
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Rough Dutch syllables: groups of vowels.
fn syllables(word: &str) -> usize {
    let vowel = |c: char| "aeiouyáéíóúàèëïöü".contains(c);
    let mut count = 0;
    let mut in_vowels = false;
    for c in word.to_lowercase().chars() {
        if vowel(c) && !in_vowels {
            count += 1;
        }
        in_vowels = vowel(c);
    }
    count.max(1)
}

#[test]
fn the_texts_are_plain_calm_and_complete() {
    const JARGON: [&str; 7] = [
        "ongeoorloofd",
        "verzuimregister",
        "sanctie",
        "proces-verbaal",
        "handhav",
        "dient u",
        "verplicht bent",
    ];
    let (mut words, mut sentence_count, mut syllable_count) = (0, 0, 0);
    for protocol in defaults() {
        for step in &protocol.steps {
            let t = &step.texts;
            let fields = [
                &t.title,
                &t.summary,
                &t.what_happens,
                &t.why,
                &t.what_you_can_do,
                &t.who_is_involved,
            ];
            let all = fields.map(|f| f.as_str()).join(" ");
            let at = format!("{} / {}", protocol.name, step.id);
            assert!(
                fields.iter().all(|f| !f.trim().is_empty()),
                "{at}: empty text"
            );
            assert!(!all.contains("  ") && !all.contains('!'), "{at}: {all}");
            for word in JARGON {
                assert!(!all.to_lowercase().contains(word), "{at}: '{word}'");
            }
            assert_eq!(sentences(&t.summary).len(), 1, "{at}: one sentence");
            if step.involves_conversation {
                assert!(all.contains("welkom"), "{at}: the child is welcome");
            }
            match step.role {
                Role::SchoolDoctor => assert!(all.contains("beroepsgeheim"), "{at}"),
                Role::AttendanceOfficer => {
                    assert!(all.contains("werkt voor de gemeente"), "{at}");
                    assert!(all.contains("ziek"), "{at}: illness is not passed on");
                }
                _ => {}
            }
            for sentence in fields.iter().flat_map(|f| sentences(f)) {
                let n = sentence.split_whitespace().count();
                assert!(n <= 18, "{at}: {n} words: {sentence}");
                sentence_count += 1;
                words += n;
                syllable_count += sentence.split_whitespace().map(syllables).sum::<usize>();
            }
        }
    }
    // Flesch-Douma (with rough syllables): ours scores about 95; official
    // letters score far lower.
    let score = 206.835
        - 0.93 * words as f64 / sentence_count as f64
        - 77.0 * syllable_count as f64 / words as f64;
    assert!(score >= 75.0, "Flesch-Douma {score:.0}");
}
