//! The default protocols' texts in Dutch: the texts every translation
//! follows. B1: short sentences, everyday words, active voice, "u".

use chrono::NaiveTime;

use super::super::text::{clock, number};
use super::{texts, Count, Illness, Words};
use crate::protocol::{SchoolKind, StepTexts};

pub(super) struct Nl;

/// Who the leerplichtambtenaar is, said calmly and honestly.
const ATTENDANCE_OFFICER: &str = "De leerplichtambtenaar werkt voor de gemeente, niet voor de \
    school. Elk kind heeft recht op onderwijs. De leerplichtambtenaar let erop dat kinderen dat \
    ook krijgen. Meestal gaat het om helpen: luisteren, samen afspraken maken en hulp zoeken. \
    Pas als afspraken steeds niet lukken, kan er een straf volgen. Dat is altijd de laatste stap.";

/// What never goes to leerplicht.
const ILLNESS_STAYS_AT_SCHOOL: &str =
    "Of uw kind ziek was, geeft de school nooit door aan de leerplichtambtenaar.";

const REPORTING_IS_FINE: &str = "De school wil weten dat alle kinderen veilig zijn. Daarom houdt \
    elke school bij wie er niet is. Ziek zijn is een goede reden om thuis te blijven. Een \
    afspraak bij de dokter ook.";

/// The start of a summary: "Bij 4 ziekmeldingen binnen 12 schoolweken".
fn when(kind: SchoolKind, illness: Illness) -> String {
    match illness.count(kind) {
        Count::Reports { reports, weeks } => {
            format!("Bij {reports} ziekmeldingen binnen {weeks} schoolweken")
        }
        Count::DaysInRow { days } => format!("Bij {days} schooldagen ziek achter elkaar"),
    }
}

impl Words for Nl {
    fn report_received(&self, kind: SchoolKind) -> StepTexts {
        match kind {
            SchoolKind::Po => texts(
                "De school weet dat uw kind er niet is",
                "De leerkracht ziet uw melding en schrijft op dat uw kind er niet is.",
                "U heeft uw kind afgemeld. De leerkracht ziet uw melding. Die schrijft op dat uw \
                 kind er niet is, en waarom. Meer hoeft u nu niet te doen.",
                REPORTING_IS_FINE,
                "Is uw kind weer beter? Meld het dan beter in de app. Dan weet de leerkracht dat \
                 uw kind weer komt. Heeft u een vraag? Neem contact op met de leerkracht.",
                "De leerkracht van uw kind.",
            ),
            SchoolKind::Vo => texts(
                "De school weet dat uw kind er niet is",
                "De verzuimbalie zet uw melding in het systeem, en de mentor ziet die ook.",
                "U heeft uw kind afgemeld. De verzuimbalie zet uw melding in het systeem. Zo \
                 weten de docenten en de mentor dat uw kind er niet is. Meer hoeft u nu niet te \
                 doen.",
                REPORTING_IS_FINE,
                "Is uw kind weer beter? Meld het dan beter in de app. Heeft u een vraag over \
                 lessen of toetsen? Neem contact op met de mentor.",
                "De verzuimbalie en de mentor.",
            ),
        }
    }

    fn no_report(&self, kind: SchoolKind, at: NaiveTime) -> StepTexts {
        let at = clock(at);
        texts(
            "Geen melding? Dan neemt de school contact op",
            format!("Is uw kind om {at} niet op school en niet afgemeld, dan belt de school u."),
            "Soms is een kind er niet, en weet de school niet waarom. Dan belt de school u \
             dezelfde ochtend. Neemt niemand op? Dan schrijft de school voorlopig op dat uw kind \
             zonder bericht weg is. Was er een goede reden? Dan past de school dat aan.",
            "De school wil zeker weten dat uw kind veilig is. Misschien is er onderweg iets \
             gebeurd.",
            format!(
                "Meld uw kind af vóór {at}. Dan hoeft de school u niet te bellen. Zorg dat de \
                 school uw goede telefoonnummer heeft."
            ),
            match kind {
                SchoolKind::Po => "De leerkracht of de administratie van de school.",
                SchoolKind::Vo => "De verzuimbalie.",
            },
        )
    }

    fn teacher_asks_how_it_goes(&self) -> StepTexts {
        texts(
            "De leerkracht vraagt hoe het gaat",
            "Is uw kind een paar dagen ziek, dan vraagt de leerkracht binnen ongeveer 5 \
             schooldagen hoe het gaat.",
            "Blijft uw kind een paar dagen thuis? Dan belt of mailt de leerkracht u binnen \
             ongeveer 5 schooldagen. De leerkracht vraagt hoe het met uw kind gaat. U hoeft niet \
             te vertellen wat uw kind heeft.",
            "De leerkracht mist uw kind en wil contact houden. Zo kan de leerkracht ook helpen \
             met schoolwerk, als uw kind zich beter voelt.",
            "Vertel hoe het gaat, als u dat wilt. Vraag gerust of er werk is dat uw kind thuis \
             kan doen. Laat weten wanneer uw kind weer komt.",
            "De leerkracht.",
        )
    }

    fn mentor_keeps_in_touch(&self) -> StepTexts {
        texts(
            "De mentor houdt contact",
            "Is uw kind ziek, dan neemt de mentor contact op met uw kind of met u.",
            "De mentor ziet de ziekmelding. Is uw kind een paar dagen weg? Dan belt of mailt de \
             mentor met uw kind of met u. De mentor vraagt hoe het gaat. Samen kijkt u naar \
             gemist werk en toetsen. U hoeft niet te vertellen wat uw kind heeft.",
            "De mentor is op school de vaste persoon voor uw kind. Contact houden helpt uw kind \
             om straks weer mee te doen.",
            "Laat weten hoe het gaat, als u dat wilt. Vraag naar gemist werk en naar toetsen die \
             uw kind later kan maken.",
            "De mentor, uw kind en u.",
        )
    }

    fn illness_conversation(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let title = match illness {
            Illness::Often => "Een gesprek omdat uw kind vaak ziek is",
            Illness::Long => "Een gesprek omdat uw kind lang ziek is",
        };
        let when = when(kind, illness);
        let why = match illness {
            Illness::Often => {
                "Ziek zijn mag, en dit gesprek is geen straf. Wie vaak ziek is, mist veel \
                 lessen. Soms zit er iets achter waarbij de school kan helpen."
            }
            Illness::Long => {
                "Ziek zijn mag, en dit gesprek is geen straf. Wie lang ziek is, mist veel \
                 lessen. De school wil helpen, zodat uw kind goed kan bijblijven."
            }
        };
        let what_you_can_do = "Vertel wat u ziet en wat u nodig heeft. U hoeft niet te vertellen \
            wat uw kind precies heeft. Past het moment niet? Vraag dan om een andere dag.";
        match kind {
            SchoolKind::Po => texts(
                title,
                format!("{when} nodigt de school u uit voor een gesprek."),
                "De leerkracht en de intern begeleider (IB) nodigen u uit. Ze vragen hoe het met \
                 uw kind gaat, thuis en op school. Samen kijkt u wat uw kind nodig heeft. Uw kind \
                 is van harte welkom bij het gesprek. Als u dat goed vindt, denkt ook de \
                 jeugdarts mee.",
                why,
                what_you_can_do,
                "De leerkracht, de intern begeleider (IB), u en uw kind. Als u dat goed vindt, \
                 ook de jeugdarts van de GGD.",
            ),
            SchoolKind::Vo => texts(
                title,
                format!("{when} nodigt de mentor uw kind en u uit voor een gesprek."),
                "De mentor of de zorgcoördinator nodigt uw kind en u uit. Ze vragen hoe het gaat, \
                 met de gezondheid en op school. Samen kijkt u wat uw kind nodig heeft. Uw kind \
                 is van harte welkom bij het gesprek, en u ook. Daarna vraagt de school de \
                 jeugdarts om mee te denken.",
                why,
                what_you_can_do,
                "De mentor of de zorgcoördinator, uw kind en u.",
            ),
        }
    }

    fn school_doctor(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let when = when(kind, illness);
        match kind {
            SchoolKind::Po => texts(
                "De jeugdarts denkt mee, als u dat goed vindt",
                format!("{when} kan de jeugdarts meedenken, als u dat goed vindt."),
                "De jeugdarts werkt bij de GGD, niet bij de school. De school vraagt eerst of u \
                 het goed vindt. Daarna nodigt de jeugdarts u en uw kind uit. Uw kind is van \
                 harte welkom. De jeugdarts kijkt hoe het met uw kind gaat en wat kan helpen.",
                "De jeugdarts weet veel over kinderen en gezondheid. Soms helpt een advies, een \
                 aanpassing op school of hulp van buiten. Het gaat om zorg, niet om controle.",
                "U beslist zelf of u meedoet. Bij de jeugdarts kunt u vrij praten. De jeugdarts \
                 heeft een beroepsgeheim. Wat u vertelt, blijft bij de jeugdarts. De school hoort \
                 alleen het advies dat u samen afspreekt, nooit wat uw kind heeft.",
                "De jeugdarts van de GGD, u en uw kind.",
            ),
            SchoolKind::Vo => texts(
                "Een gesprek met de jeugdarts",
                format!("{when} vraagt de school de jeugdarts om uw kind uit te nodigen."),
                "De jeugdarts werkt bij de GGD, niet bij de school. De school vraagt de jeugdarts \
                 om advies. Meestal krijgt u binnen 2 weken een uitnodiging. Uw kind is van harte \
                 welkom, en u ook. De jeugdarts kijkt hoe het gaat en wat kan helpen.",
                "De jeugdarts weet veel over jongeren en gezondheid. Soms helpt een advies, een \
                 aanpassing op school of hulp van buiten. Het gaat om zorg, niet om controle.",
                "Ga samen met uw kind naar het gesprek. De jeugdarts heeft een beroepsgeheim. De \
                 school hoort nooit wat uw kind heeft, alleen een advies. Is uw kind tussen 12 en \
                 16 jaar? Dan beslist u samen met uw kind wat de school hoort. Vanaf 16 jaar \
                 beslist uw kind dat zelf. U mag zelf kiezen of u meedoet. Maar komt er niemand, \
                 en hoort de school niets? Dan mag de school de leerplichtambtenaar vragen om mee \
                 te kijken. Past de afspraak niet? Laat het de jeugdarts dan weten.",
                "De jeugdarts van de GGD, uw kind en u.",
            ),
        }
    }

    fn late_teacher(&self, count: u32) -> StepTexts {
        texts(
            "Vaker te laat: de leerkracht praat met u",
            format!("Bij {count} keer te laat in dit schooljaar praat de leerkracht met u."),
            "De leerkracht vraagt of u even tijd heeft voor een gesprek. Samen zoekt u uit hoe de \
             ochtend makkelijker kan. Uw kind is welkom bij het gesprek.",
            "Wie te laat komt, mist het begin van de dag. Dan is de uitleg al gegeven. Dat maakt \
             meedoen lastig.",
            "Vertel wat 's ochtends lastig is. Misschien kan de school meedenken of helpen.",
            "De leerkracht, u en uw kind.",
        )
    }

    fn late_director(&self, count: u32) -> StepTexts {
        texts(
            "Vaak te laat: een gesprek met de directeur",
            format!(
                "Bij {count} keer te laat in dit schooljaar nodigt de directeur u uit voor een \
                 gesprek."
            ),
            "De directeur nodigt u uit voor een gesprek. Samen maakt u afspraken, zodat uw kind \
             op tijd kan komen. Uw kind is welkom bij het gesprek.",
            "Vaak te laat komen kost veel lestijd. De school wil dit samen met u oplossen, \
             voordat het een groter probleem wordt.",
            "Bespreek wat er nodig is. Is de ochtend thuis moeilijk? Vraag dan gerust om hulp.",
            "De directeur, u en uw kind. Soms ook de leerkracht.",
        )
    }

    fn late_letter(&self, count: u32) -> StepTexts {
        texts(
            "Vaker te laat: een brief en een gesprek",
            format!(
                "Bij {count} keer te laat in dit schooljaar volgen een brief en een gesprek met \
                 de mentor."
            ),
            "U krijgt een brief van de school. De mentor praat met uw kind over op tijd komen. U \
             bent ook welkom bij dat gesprek. Samen maakt u afspraken.",
            "Wie te laat komt, mist het begin van de les. Dat is lastig voor uw kind en stoort \
             de klas.",
            "Praat thuis over de ochtend: hoe laat opstaan, hoe laat weg. Is er iets dat het \
             moeilijk maakt? Vertel het de mentor.",
            "De mentor, uw kind en u.",
        )
    }

    fn late_leerplicht(&self, count: u32) -> StepTexts {
        texts(
            "Heel vaak te laat: de leerplichtambtenaar hoort het",
            format!(
                "Bij {count} keer te laat in dit schooljaar krijgt u een brief, en hoort de \
                 leerplichtambtenaar het."
            ),
            "U krijgt een brief van de school. De school vertelt de leerplichtambtenaar hoe vaak \
             uw kind te laat kwam. De leerplichtambtenaar nodigt u en uw kind vaak uit voor een \
             gesprek. Uw kind is van harte welkom.",
            ATTENDANCE_OFFICER,
            format!(
                "Ga naar het gesprek en vertel wat er speelt. Zo kan de leerplichtambtenaar \
                 meedenken. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "De school, de leerplichtambtenaar van uw gemeente, u en uw kind.",
        )
    }

    fn lessons_missed(&self, hours: f32, weeks: u32) -> StepTexts {
        let hours = number(hours);
        texts(
            "Lessen gemist zonder toestemming: melding bij leerplicht",
            format!(
                "Mist uw kind {hours} uur les zonder toestemming binnen {weeks} lesweken, dan \
                 moet de school dat melden."
            ),
            format!(
                "Soms is een kind weg zonder goede reden. Dan telt de school de gemiste uren. Bij \
                 {hours} uur binnen {weeks} lesweken meldt de school dit bij DUO. DUO geeft het \
                 door aan de leerplichtambtenaar van uw gemeente. Die nodigt u en uw kind meestal \
                 uit voor een gesprek. Uw kind is van harte welkom."
            ),
            format!(
                "Dit staat in de Leerplichtwet. De school kan er niet zelf voor kiezen. Ziek zijn \
                 telt hier nooit mee. {ATTENDANCE_OFFICER}"
            ),
            format!(
                "Was er wel een goede reden? Vertel het de school zo snel mogelijk. Speelt er iets \
                 thuis of op school? Praat er eerst over met de school. In het gesprek met de \
                 leerplichtambtenaar kunt u alles vertellen. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "De school, DUO en de leerplichtambtenaar van uw gemeente, u en uw kind.",
        )
    }
}
