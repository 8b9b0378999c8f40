//! The two protocols we ship: primary school (PO) and secondary school (VO,
//! after the GGD's MAZL method). The thresholds are the common defaults from
//! the domain notes; a school starts from one and changes what it does
//! differently. The texts are built from the same numbers, so they agree.
//!
//! Writing rules for the texts: B1 Dutch, short sentences, everyday words,
//! calm; the child is welcome in every conversation; no medical details are
//! ever asked for; illness is never passed on to leerplicht.

use chrono::NaiveTime;

use super::steps::{Protocol, Role, SchoolKind, Step, StepTexts, Trigger};
use super::text::{clock, number};

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

/// Who the leerplichtambtenaar is, said calmly and honestly.
const ATTENDANCE_OFFICER: &str = "De leerplichtambtenaar werkt voor de gemeente, niet voor de \
    school. Elk kind heeft recht op onderwijs. De leerplichtambtenaar let erop dat kinderen dat \
    ook krijgen. Meestal gaat het om helpen: luisteren, samen afspraken maken en hulp zoeken. \
    Pas als afspraken steeds niet lukken, kan er een straf volgen. Dat is altijd de laatste stap.";

/// What never goes to leerplicht.
const ILLNESS_STAYS_AT_SCHOOL: &str =
    "Of uw kind ziek was, geeft de school nooit door aan de leerplichtambtenaar.";

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

/// The two ways illness leads to a conversation: often, or long.
#[derive(Clone, Copy)]
enum Illness {
    Often,
    Long,
}

impl Illness {
    fn trigger(self, kind: SchoolKind) -> Trigger {
        match self {
            Self::Often => Trigger::SickReports {
                count: SICK_REPORTS,
                within_school_weeks: SICK_REPORTS_WEEKS,
            },
            Self::Long => Trigger::SickDaysInRow {
                school_days: days_in_row(kind),
            },
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Self::Often => "vaak-ziek",
            Self::Long => "lang-ziek",
        }
    }

    /// The start of a summary: "Bij 4 ziekmeldingen binnen 12 schoolweken".
    fn when(self, kind: SchoolKind) -> String {
        match self {
            Self::Often => {
                format!("Bij {SICK_REPORTS} ziekmeldingen binnen {SICK_REPORTS_WEEKS} schoolweken")
            }
            Self::Long => format!("Bij {} schooldagen ziek achter elkaar", days_in_row(kind)),
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Self::Often => {
                "Ziek zijn mag, en dit gesprek is geen straf. Wie vaak ziek is, mist veel lessen. \
                 Soms zit er iets achter waarbij de school kan helpen."
            }
            Self::Long => {
                "Ziek zijn mag, en dit gesprek is geen straf. Wie lang ziek is, mist veel lessen. \
                 De school wil helpen, zodat uw kind goed kan bijblijven."
            }
        }
    }
}

fn days_in_row(kind: SchoolKind) -> u32 {
    match kind {
        SchoolKind::Po => PO_SICK_DAYS_IN_ROW,
        SchoolKind::Vo => VO_SICK_DAYS_IN_ROW,
    }
}

fn report_before() -> NaiveTime {
    let (h, m) = REPORT_BEFORE;
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

fn step(
    id: &str,
    trigger: Trigger,
    role: Role,
    involves_conversation: bool,
    texts: StepTexts,
) -> Step {
    Step {
        id: id.into(),
        trigger,
        role,
        involves_conversation,
        texts,
        translations: Default::default(),
    }
}

const REPORTING_IS_FINE: &str = "De school wil weten dat alle kinderen veilig zijn. Daarom houdt \
    elke school bij wie er niet is. Ziek zijn is een goede reden om thuis te blijven. Een \
    afspraak bij de dokter ook.";

fn report_received(kind: SchoolKind) -> Step {
    let texts = match kind {
        SchoolKind::Po => StepTexts {
            title: "De school weet dat uw kind er niet is".into(),
            summary: "De leerkracht ziet uw melding en schrijft op dat uw kind er niet is.".into(),
            what_happens: "U heeft uw kind afgemeld. De leerkracht ziet uw melding. Die schrijft \
                op dat uw kind er niet is, en waarom. Meer hoeft u nu niet te doen."
                .into(),
            why: REPORTING_IS_FINE.into(),
            what_you_can_do: "Is uw kind weer beter? Meld het dan beter in de app. Dan weet de \
                leerkracht dat uw kind weer komt. Heeft u een vraag? Neem contact op met de \
                leerkracht."
                .into(),
            who_is_involved: "De leerkracht van uw kind.".into(),
        },
        SchoolKind::Vo => StepTexts {
            title: "De school weet dat uw kind er niet is".into(),
            summary: "De verzuimbalie zet uw melding in het systeem, en de mentor ziet die ook."
                .into(),
            what_happens: "U heeft uw kind afgemeld. De verzuimbalie zet uw melding in het \
                systeem. Zo weten de docenten en de mentor dat uw kind er niet is. Meer hoeft u \
                nu niet te doen."
                .into(),
            why: REPORTING_IS_FINE.into(),
            what_you_can_do: "Is uw kind weer beter? Meld het dan beter in de app. Heeft u een \
                vraag over lessen of toetsen? Neem contact op met de mentor."
                .into(),
            who_is_involved: "De verzuimbalie en de mentor.".into(),
        },
    };
    let role = match kind {
        SchoolKind::Po => Role::Teacher,
        SchoolKind::Vo => Role::AttendanceDesk,
    };
    step(
        "melding-ontvangen",
        Trigger::EveryReport,
        role,
        false,
        texts,
    )
}

fn no_report(kind: SchoolKind) -> Step {
    let time = report_before();
    let at = clock(time);
    let (role, who) = match kind {
        SchoolKind::Po => (
            Role::Teacher,
            "De leerkracht of de administratie van de school.",
        ),
        SchoolKind::Vo => (Role::AttendanceDesk, "De verzuimbalie."),
    };
    let texts = StepTexts {
        title: "Geen melding? Dan neemt de school contact op".into(),
        summary: format!(
            "Is uw kind om {at} niet op school en niet afgemeld, dan belt de school u."
        ),
        what_happens: "Soms is een kind er niet, en weet de school niet waarom. Dan belt de \
            school u dezelfde ochtend. Neemt niemand op? Dan schrijft de school voorlopig op dat \
            uw kind zonder bericht weg is. Was er een goede reden? Dan past de school dat aan."
            .into(),
        why: "De school wil zeker weten dat uw kind veilig is. Misschien is er onderweg iets \
            gebeurd."
            .into(),
        what_you_can_do: format!(
            "Meld uw kind af vóór {at}. Dan hoeft de school u niet te bellen. Zorg dat de school \
             uw goede telefoonnummer heeft."
        ),
        who_is_involved: who.into(),
    };
    step(
        "geen-melding",
        Trigger::NoReportBy { time },
        role,
        false,
        texts,
    )
}

fn teacher_asks_how_it_goes() -> Step {
    let texts = StepTexts {
        title: "De leerkracht vraagt hoe het gaat".into(),
        summary: "Is uw kind een paar dagen ziek, dan vraagt de leerkracht binnen ongeveer 5 \
            schooldagen hoe het gaat."
            .into(),
        what_happens: "Blijft uw kind een paar dagen thuis? Dan belt of mailt de leerkracht u \
            binnen ongeveer 5 schooldagen. De leerkracht vraagt hoe het met uw kind gaat. U \
            hoeft niet te vertellen wat uw kind heeft."
            .into(),
        why: "De leerkracht mist uw kind en wil contact houden. Zo kan de leerkracht ook helpen \
            met schoolwerk, als uw kind zich beter voelt."
            .into(),
        what_you_can_do: "Vertel hoe het gaat, als u dat wilt. Vraag gerust of er werk is dat \
            uw kind thuis kan doen. Laat weten wanneer uw kind weer komt."
            .into(),
        who_is_involved: "De leerkracht.".into(),
    };
    step(
        "hoe-gaat-het",
        Trigger::EveryReport,
        Role::Teacher,
        false,
        texts,
    )
}

fn mentor_keeps_in_touch() -> Step {
    let texts = StepTexts {
        title: "De mentor houdt contact".into(),
        summary: "Is uw kind ziek, dan neemt de mentor contact op met uw kind of met u.".into(),
        what_happens: "De mentor ziet de ziekmelding. Is uw kind een paar dagen weg? Dan belt of \
            mailt de mentor met uw kind of met u. De mentor vraagt hoe het gaat. Samen kijkt u \
            naar gemist werk en toetsen. U hoeft niet te vertellen wat uw kind heeft."
            .into(),
        why: "De mentor is het vaste aanspreekpunt van uw kind op school. Contact houden helpt \
            uw kind om straks weer mee te doen."
            .into(),
        what_you_can_do: "Laat weten hoe het gaat, als u dat wilt. Vraag naar gemist werk en \
            naar toetsen die uw kind later kan maken."
            .into(),
        who_is_involved: "De mentor, uw kind en u.".into(),
    };
    step(
        "mentor-houdt-contact",
        Trigger::EveryReport,
        Role::Mentor,
        false,
        texts,
    )
}

fn illness_conversation(kind: SchoolKind, illness: Illness) -> Step {
    let title = match illness {
        Illness::Often => "Een gesprek omdat uw kind vaak ziek is",
        Illness::Long => "Een gesprek omdat uw kind lang ziek is",
    };
    let when = illness.when(kind);
    let what_you_can_do = "Vertel wat u ziet en wat u nodig heeft. U hoeft niet te vertellen \
        wat uw kind precies heeft. Past het moment niet? Vraag dan om een andere dag.";
    let (role, texts) = match kind {
        SchoolKind::Po => (
            Role::InternBegeleider,
            StepTexts {
                title: title.into(),
                summary: format!("{when} nodigt de school u uit voor een gesprek."),
                what_happens: "De leerkracht en de intern begeleider (IB) nodigen u uit. Ze \
                    vragen hoe het met uw kind gaat, thuis en op school. Samen kijkt u wat uw \
                    kind nodig heeft. Uw kind is van harte welkom bij het gesprek. Als u dat \
                    goed vindt, denkt ook de jeugdarts mee."
                    .into(),
                why: illness.reason().into(),
                what_you_can_do: what_you_can_do.into(),
                who_is_involved: "De leerkracht, de intern begeleider (IB), u en uw kind. Als u \
                    dat goed vindt, ook de jeugdarts van de GGD."
                    .into(),
            },
        ),
        SchoolKind::Vo => (
            Role::Mentor,
            StepTexts {
                title: title.into(),
                summary: format!("{when} nodigt de mentor uw kind en u uit voor een gesprek."),
                what_happens: "De mentor of de zorgcoördinator nodigt uw kind en u uit. Ze \
                    vragen hoe het gaat, met de gezondheid en op school. Samen kijkt u wat uw \
                    kind nodig heeft. Uw kind is van harte welkom bij het gesprek, en u ook. \
                    Daarna vraagt de school de jeugdarts om mee te denken."
                    .into(),
                why: illness.reason().into(),
                what_you_can_do: what_you_can_do.into(),
                who_is_involved: "De mentor of de zorgcoördinator, uw kind en u.".into(),
            },
        ),
    };
    let id = format!("gesprek-{}", illness.slug());
    step(&id, illness.trigger(kind), role, true, texts)
}

fn school_doctor(kind: SchoolKind, illness: Illness) -> Step {
    let when = illness.when(kind);
    let texts = match kind {
        SchoolKind::Po => StepTexts {
            title: "De jeugdarts denkt mee, als u dat goed vindt".into(),
            summary: format!("{when} kan de jeugdarts meedenken, als u dat goed vindt."),
            what_happens: "De jeugdarts werkt bij de GGD, niet bij de school. De school vraagt \
                eerst of u het goed vindt. Daarna nodigt de jeugdarts u en uw kind uit. Uw kind \
                is van harte welkom. De jeugdarts kijkt hoe het met uw kind gaat en wat kan \
                helpen."
                .into(),
            why: "De jeugdarts weet veel over kinderen en gezondheid. Soms helpt een advies, een \
                aanpassing op school of hulp van buiten. Het gaat om zorg, niet om controle."
                .into(),
            what_you_can_do: "U beslist zelf of u meedoet. Bij de jeugdarts kunt u vrij praten. \
                De jeugdarts heeft een beroepsgeheim. Wat u vertelt, blijft bij de jeugdarts. De \
                school hoort alleen het advies dat u samen afspreekt, nooit wat uw kind heeft."
                .into(),
            who_is_involved: "De jeugdarts van de GGD, u en uw kind.".into(),
        },
        SchoolKind::Vo => StepTexts {
            title: "Een gesprek met de jeugdarts".into(),
            summary: format!("{when} vraagt de school de jeugdarts om uw kind uit te nodigen."),
            what_happens: "De jeugdarts werkt bij de GGD, niet bij de school. De school vraagt \
                de jeugdarts om advies. Meestal krijgt u binnen 2 weken een uitnodiging. Uw kind \
                is van harte welkom, en u ook. De jeugdarts kijkt hoe het gaat en wat kan helpen."
                .into(),
            why: "De jeugdarts weet veel over jongeren en gezondheid. Soms helpt een advies, een \
                aanpassing op school of hulp van buiten. Het gaat om zorg, niet om controle."
                .into(),
            what_you_can_do: "Ga samen met uw kind naar het gesprek. De jeugdarts heeft een \
                beroepsgeheim. De school hoort nooit wat uw kind heeft, alleen een advies. Is uw \
                kind tussen 12 en 16 jaar? Dan beslist u samen met uw kind wat de school hoort. \
                Vanaf 16 jaar beslist uw kind dat zelf. Meedoen is vrijwillig. Maar komt er \
                niemand, en hoort de school niets? Dan mag de school de leerplichtambtenaar \
                vragen om mee te kijken. Past de afspraak niet? Laat het de jeugdarts dan weten."
                .into(),
            who_is_involved: "De jeugdarts van de GGD, uw kind en u.".into(),
        },
    };
    let id = format!("jeugdarts-{}", illness.slug());
    step(&id, illness.trigger(kind), Role::SchoolDoctor, true, texts)
}

fn late_teacher(count: u32) -> Step {
    let texts = StepTexts {
        title: "Vaker te laat: de leerkracht praat met u".into(),
        summary: format!("Bij {count} keer te laat in dit schooljaar praat de leerkracht met u."),
        what_happens: "De leerkracht vraagt of u even tijd heeft voor een gesprek. Samen zoekt \
            u uit hoe de ochtend makkelijker kan. Uw kind is welkom bij het gesprek."
            .into(),
        why: "Wie te laat komt, mist het begin van de dag. Dan is de uitleg al gegeven. Dat \
            maakt meedoen lastig."
            .into(),
        what_you_can_do: "Vertel wat 's ochtends lastig is. Misschien kan de school meedenken \
            of helpen."
            .into(),
        who_is_involved: "De leerkracht, u en uw kind.".into(),
    };
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-gesprek", trigger, Role::Teacher, true, texts)
}

fn late_director(count: u32) -> Step {
    let texts = StepTexts {
        title: "Vaak te laat: een gesprek met de directeur".into(),
        summary: format!(
            "Bij {count} keer te laat in dit schooljaar nodigt de directeur u uit voor een \
             gesprek."
        ),
        what_happens: "De directeur nodigt u uit voor een gesprek. Samen maakt u afspraken, \
            zodat uw kind op tijd kan komen. Uw kind is welkom bij het gesprek."
            .into(),
        why: "Vaak te laat komen kost veel lestijd. De school wil dit samen met u oplossen, \
            voordat het een groter probleem wordt."
            .into(),
        what_you_can_do: "Bespreek wat er nodig is. Is de ochtend thuis moeilijk? Vraag dan \
            gerust om hulp."
            .into(),
        who_is_involved: "De directeur, u en uw kind. Soms ook de leerkracht.".into(),
    };
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-directeur", trigger, Role::Director, true, texts)
}

fn late_letter(count: u32) -> Step {
    let texts = StepTexts {
        title: "Vaker te laat: een brief en een gesprek".into(),
        summary: format!(
            "Bij {count} keer te laat in dit schooljaar volgen een brief en een gesprek met de \
             mentor."
        ),
        what_happens: "U krijgt een brief van de school. De mentor praat met uw kind over op \
            tijd komen. U bent ook welkom bij dat gesprek. Samen maakt u afspraken."
            .into(),
        why: "Wie te laat komt, mist het begin van de les. Dat is lastig voor uw kind en stoort \
            de klas."
            .into(),
        what_you_can_do: "Praat thuis over de ochtend: hoe laat opstaan, hoe laat weg. Is er \
            iets dat het moeilijk maakt? Vertel het de mentor."
            .into(),
        who_is_involved: "De mentor, uw kind en u.".into(),
    };
    let trigger = Trigger::LateArrivals { count };
    step("te-laat-brief", trigger, Role::Mentor, true, texts)
}

fn late_leerplicht(count: u32) -> Step {
    let texts = StepTexts {
        title: "Heel vaak te laat: de leerplichtambtenaar hoort het".into(),
        summary: format!(
            "Bij {count} keer te laat in dit schooljaar krijgt u een brief, en hoort de \
             leerplichtambtenaar het."
        ),
        what_happens: "U krijgt een brief van de school. De school vertelt de \
            leerplichtambtenaar hoe vaak uw kind te laat kwam. De leerplichtambtenaar nodigt u \
            en uw kind vaak uit voor een gesprek. Uw kind is van harte welkom."
            .into(),
        why: ATTENDANCE_OFFICER.into(),
        what_you_can_do: format!(
            "Ga naar het gesprek en vertel wat er speelt. Zo kan de leerplichtambtenaar \
             meedenken. {ILLNESS_STAYS_AT_SCHOOL}"
        ),
        who_is_involved: "De school, de leerplichtambtenaar van uw gemeente, u en uw kind.".into(),
    };
    let trigger = Trigger::LateArrivals { count };
    step(
        "te-laat-leerplicht",
        trigger,
        Role::AttendanceOfficer,
        true,
        texts,
    )
}

fn lessons_missed() -> Step {
    let hours = number(UNAUTHORISED_HOURS);
    let weeks = UNAUTHORISED_WEEKS;
    let texts = StepTexts {
        title: "Lessen gemist zonder toestemming: melding bij leerplicht".into(),
        summary: format!(
            "Mist uw kind {hours} uur les zonder toestemming binnen {weeks} lesweken, dan moet de \
             school dat melden."
        ),
        what_happens: format!(
            "Soms is een kind weg zonder goede reden. Dan telt de school de gemiste uren. Bij \
             {hours} uur binnen {weeks} lesweken meldt de school dit bij DUO. DUO geeft het door \
             aan de leerplichtambtenaar van uw gemeente. Die nodigt u en uw kind meestal uit \
             voor een gesprek. Uw kind is van harte welkom."
        ),
        why: format!(
            "Dit staat in de Leerplichtwet. De school kan er niet zelf voor kiezen. Ziek zijn \
             telt hier nooit mee. {ATTENDANCE_OFFICER}"
        ),
        what_you_can_do: format!(
            "Was er wel een goede reden? Vertel het de school zo snel mogelijk. Speelt er iets \
             thuis of op school? Praat er eerst over met de school. In het gesprek met de \
             leerplichtambtenaar kunt u alles vertellen. {ILLNESS_STAYS_AT_SCHOOL}"
        ),
        who_is_involved: "De school, DUO en de leerplichtambtenaar van uw gemeente, u en uw kind."
            .into(),
    };
    let trigger = Trigger::UnauthorisedHours {
        hours: UNAUTHORISED_HOURS,
        within_lesson_weeks: UNAUTHORISED_WEEKS,
    };
    step(
        "lessen-gemist-leerplicht",
        trigger,
        Role::AttendanceOfficer,
        true,
        texts,
    )
}
