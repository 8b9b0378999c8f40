//! The default protocols' texts in Polish: polite and neutral ("Państwo",
//! "Państwa dziecko"), as plain as the Dutch.

use chrono::NaiveTime;

use super::super::text::number;
use super::{clock_colon, slavic, texts, Count, Illness, Words};
use crate::protocol::{SchoolKind, StepTexts};

pub(super) struct Pl;

const ATTENDANCE_OFFICER: &str = "Urzędnik ds. obowiązku szkolnego (leerplichtambtenaar) \
    pracuje dla gminy, a nie dla szkoły. Każde dziecko ma prawo do nauki. Urzędnik dba o to, \
    żeby dzieci naprawdę się uczyły. Najczęściej chodzi o pomoc: wysłuchanie, wspólne ustalenia \
    i szukanie wsparcia. Kara może być dopiero wtedy, gdy ustalenia ciągle się nie udają. To \
    zawsze ostatni krok.";

const ILLNESS_STAYS_AT_SCHOOL: &str = "Szkoła nigdy nie mówi urzędnikowi ds. obowiązku \
    szkolnego, czy Państwa dziecko było chore.";

const REPORTING_IS_FINE: &str = "Szkoła chce wiedzieć, że wszystkie dzieci są bezpieczne. \
    Dlatego każda szkoła zapisuje, kogo nie ma. Choroba to dobry powód, żeby zostać w domu. \
    Wizyta u lekarza też.";

fn when(kind: SchoolKind, illness: Illness) -> String {
    match illness.count(kind) {
        Count::Reports { reports, weeks } => {
            format!("Po {reports} zgłoszeniach choroby w ciągu {weeks} tygodni szkolnych")
        }
        Count::DaysInRow { days } => format!("Po {days} dniach szkolnych choroby z rzędu"),
    }
}

impl Words for Pl {
    fn report_received(&self, kind: SchoolKind) -> StepTexts {
        match kind {
            SchoolKind::Po => texts(
                "Szkoła wie, że Państwa dziecka nie ma",
                "Nauczyciel widzi Państwa zgłoszenie i zapisuje, że dziecka nie ma.",
                "Zgłosili Państwo nieobecność dziecka. Nauczyciel widzi zgłoszenie. Zapisuje, że \
                 dziecka nie ma i dlaczego. Teraz nie muszą Państwo nic więcej robić.",
                REPORTING_IS_FINE,
                "Dziecko jest już zdrowe? Prosimy zgłosić to w aplikacji. Wtedy nauczyciel wie, \
                 że dziecko wraca. Mają Państwo pytanie? Prosimy skontaktować się z \
                 nauczycielem.",
                "Nauczyciel Państwa dziecka.",
            ),
            SchoolKind::Vo => texts(
                "Szkoła wie, że Państwa dziecka nie ma",
                "Punkt zgłaszania nieobecności (verzuimbalie) wpisuje zgłoszenie do systemu, a \
                 mentor też je widzi.",
                "Zgłosili Państwo nieobecność dziecka. Punkt zgłaszania nieobecności \
                 (verzuimbalie) wpisuje zgłoszenie do systemu. Dzięki temu nauczyciele i mentor \
                 wiedzą, że dziecka nie ma. Teraz nie muszą Państwo nic więcej robić.",
                REPORTING_IS_FINE,
                "Dziecko jest już zdrowe? Prosimy zgłosić to w aplikacji. Mają Państwo pytanie o \
                 lekcje lub sprawdziany? Prosimy skontaktować się z mentorem.",
                "Punkt zgłaszania nieobecności (verzuimbalie) i mentor.",
            ),
        }
    }

    fn no_report(&self, kind: SchoolKind, at: NaiveTime) -> StepTexts {
        let at = clock_colon(at);
        texts(
            "Brak zgłoszenia? Wtedy szkoła się kontaktuje",
            format!(
                "Jeśli o {at} dziecka nie ma w szkole i nie zgłoszono nieobecności, szkoła do \
                 Państwa dzwoni."
            ),
            "Czasem dziecka nie ma, a szkoła nie wie dlaczego. Wtedy szkoła dzwoni do Państwa \
             tego samego ranka. Nikt nie odbiera? Wtedy szkoła zapisuje na razie, że dziecka \
             nie ma bez wiadomości. Był dobry powód? Wtedy szkoła to poprawia.",
            "Szkoła chce mieć pewność, że dziecko jest bezpieczne. Może coś się stało po drodze.",
            format!(
                "Prosimy zgłosić nieobecność dziecka przed {at}. Wtedy szkoła nie musi dzwonić. \
                 Prosimy zadbać, żeby szkoła miała Państwa aktualny numer telefonu."
            ),
            match kind {
                SchoolKind::Po => "Nauczyciel lub sekretariat szkoły.",
                SchoolKind::Vo => "Punkt zgłaszania nieobecności (verzuimbalie).",
            },
        )
    }

    fn teacher_asks_how_it_goes(&self) -> StepTexts {
        texts(
            "Nauczyciel pyta, jak się czuje dziecko",
            "Jeśli dziecko choruje kilka dni, nauczyciel w ciągu około 5 dni szkolnych pyta, jak \
             się czuje.",
            "Dziecko zostaje w domu kilka dni? Wtedy nauczyciel dzwoni lub pisze e-mail w ciągu \
             około 5 dni szkolnych. Nauczyciel pyta, jak się czuje dziecko. Nie muszą Państwo \
             mówić, na co dziecko choruje.",
            "Nauczycielowi brakuje dziecka i chce być w kontakcie. Dzięki temu może też pomóc w \
             nauce, gdy dziecko poczuje się lepiej.",
            "Jeśli Państwo chcą, prosimy powiedzieć, jak się czuje dziecko. Można zapytać, czy \
             dziecko może robić jakieś zadania w domu. Prosimy dać znać, kiedy dziecko wraca.",
            "Nauczyciel.",
        )
    }

    fn mentor_keeps_in_touch(&self) -> StepTexts {
        texts(
            "Mentor jest w kontakcie",
            "Jeśli dziecko jest chore, mentor kontaktuje się z dzieckiem lub z Państwem.",
            "Mentor widzi zgłoszenie choroby. Dziecka nie ma kilka dni? Wtedy mentor dzwoni lub \
             pisze e-mail do dziecka lub do Państwa. Mentor pyta, jak się czuje dziecko. Razem \
             patrzą Państwo na zaległą pracę i sprawdziany. Nie muszą Państwo mówić, na co \
             dziecko choruje.",
            "Mentor to stała osoba kontaktowa dziecka w szkole. Kontakt pomaga dziecku potem \
             wrócić do nauki.",
            "Jeśli Państwo chcą, prosimy powiedzieć, jak się czuje dziecko. Można zapytać o \
             zaległą pracę i o sprawdziany, które dziecko napisze później.",
            "Mentor, dziecko i Państwo.",
        )
    }

    fn illness_conversation(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let title = match illness {
            Illness::Often => "Rozmowa, bo dziecko często choruje",
            Illness::Long => "Rozmowa, bo dziecko długo choruje",
        };
        let when = when(kind, illness);
        let why = match illness {
            Illness::Often => {
                "Chorować wolno, a ta rozmowa nie jest karą. Kto często choruje, opuszcza dużo \
                 lekcji. Czasem stoi za tym coś, w czym szkoła może pomóc."
            }
            Illness::Long => {
                "Chorować wolno, a ta rozmowa nie jest karą. Kto długo choruje, opuszcza dużo \
                 lekcji. Szkoła chce pomóc, żeby dziecko nadążało z nauką."
            }
        };
        let what_you_can_do = "Prosimy powiedzieć, co Państwo widzą i czego potrzebują. Nie \
            muszą Państwo mówić, na co dokładnie dziecko choruje. Termin nie pasuje? Prosimy \
            poprosić o inny dzień.";
        match kind {
            SchoolKind::Po => texts(
                title,
                format!("{when} szkoła zaprasza Państwa na rozmowę."),
                "Nauczyciel i koordynator wsparcia uczniów (intern begeleider, IB) zapraszają \
                 Państwa. Pytają, jak dziecku idzie w domu i w szkole. Razem sprawdzają Państwo, \
                 czego dziecko potrzebuje. Dziecko jest serdecznie zaproszone na rozmowę. Jeśli \
                 Państwo się zgodzą, doradza też lekarz szkolny (jeugdarts).",
                why,
                what_you_can_do,
                "Nauczyciel, koordynator wsparcia uczniów (intern begeleider, IB), Państwo i \
                 dziecko. Jeśli Państwo się zgodzą, także lekarz szkolny (jeugdarts) z GGD, \
                 publicznej służby zdrowia.",
            ),
            SchoolKind::Vo => texts(
                title,
                format!("{when} mentor zaprasza dziecko i Państwa na rozmowę."),
                "Mentor lub koordynator opieki (zorgcoördinator) zaprasza dziecko i Państwa. \
                 Pytają, jak idzie ze zdrowiem i w szkole. Razem sprawdzają Państwo, czego \
                 dziecko potrzebuje. Dziecko jest serdecznie zaproszone na rozmowę, Państwo też. \
                 Potem szkoła prosi o radę lekarza szkolnego (jeugdarts).",
                why,
                what_you_can_do,
                "Mentor lub koordynator opieki (zorgcoördinator), dziecko i Państwo.",
            ),
        }
    }

    fn school_doctor(&self, kind: SchoolKind, illness: Illness) -> StepTexts {
        let when = when(kind, illness);
        match kind {
            SchoolKind::Po => texts(
                "Lekarz szkolny (jeugdarts) doradza, jeśli Państwo się zgodzą",
                format!("{when} lekarz szkolny może doradzić, jeśli Państwo się zgodzą."),
                "Lekarz szkolny pracuje w GGD, publicznej służbie zdrowia, a nie w szkole. Szkoła \
                 najpierw pyta, czy Państwo się zgadzają. Potem lekarz szkolny zaprasza Państwa \
                 i dziecko. Dziecko jest serdecznie zaproszone. Lekarz sprawdza, jak się czuje \
                 dziecko i co może pomóc.",
                "Lekarz szkolny dużo wie o dzieciach i zdrowiu. Czasem pomaga rada, zmiana w \
                 szkole albo pomoc z zewnątrz. Chodzi o opiekę, a nie o kontrolę.",
                "Państwo sami decydują, czy biorą udział. U lekarza szkolnego można mówić \
                 swobodnie. Lekarza obowiązuje tajemnica lekarska. To, co Państwo powiedzą, \
                 zostaje u lekarza. Szkoła słyszy tylko radę, którą Państwo razem ustalą. Nigdy \
                 nie słyszy, na co dziecko choruje.",
                "Lekarz szkolny (jeugdarts) z GGD, Państwo i dziecko.",
            ),
            SchoolKind::Vo => texts(
                "Rozmowa z lekarzem szkolnym (jeugdarts)",
                format!("{when} szkoła prosi lekarza szkolnego, żeby zaprosił dziecko."),
                "Lekarz szkolny pracuje w GGD, publicznej służbie zdrowia, a nie w szkole. Szkoła \
                 prosi lekarza o radę. Zwykle w ciągu 2 tygodni dostają Państwo zaproszenie. \
                 Dziecko jest serdecznie zaproszone, Państwo też. Lekarz sprawdza, jak idzie i co \
                 może pomóc.",
                "Lekarz szkolny dużo wie o młodzieży i zdrowiu. Czasem pomaga rada, zmiana w \
                 szkole albo pomoc z zewnątrz. Chodzi o opiekę, a nie o kontrolę.",
                "Prosimy pójść na rozmowę razem z dzieckiem. Lekarza obowiązuje tajemnica \
                 lekarska. Szkoła nigdy nie słyszy, na co dziecko choruje, tylko radę. Dziecko ma \
                 od 12 do 16 lat? Wtedy Państwo razem z dzieckiem decydują, co usłyszy szkoła. Od \
                 16 lat dziecko decyduje samo. Udział jest dobrowolny. Ale jeśli nikt nie \
                 przyjdzie, a szkoła nic nie usłyszy? Wtedy szkoła może poprosić o pomoc \
                 urzędnika ds. obowiązku szkolnego (leerplichtambtenaar). Termin nie pasuje? \
                 Prosimy powiedzieć o tym lekarzowi.",
                "Lekarz szkolny (jeugdarts) z GGD, dziecko i Państwo.",
            ),
        }
    }

    fn late_teacher(&self, count: u32) -> StepTexts {
        texts(
            "Częstsze spóźnienia: nauczyciel rozmawia z Państwem",
            format!("Po {count} spóźnieniach w tym roku szkolnym nauczyciel rozmawia z Państwem."),
            "Nauczyciel pyta, czy mają Państwo chwilę na rozmowę. Razem szukają Państwo sposobu, \
             żeby poranki były łatwiejsze. Dziecko jest zaproszone na rozmowę.",
            "Kto się spóźnia, traci początek dnia. Wtedy wyjaśnienia już były. To utrudnia \
             udział w lekcji.",
            "Prosimy powiedzieć, co jest trudne rano. Może szkoła pomoże albo coś doradzi.",
            "Nauczyciel, Państwo i dziecko.",
        )
    }

    fn late_director(&self, count: u32) -> StepTexts {
        texts(
            "Częste spóźnienia: rozmowa z dyrektorem",
            format!(
                "Po {count} spóźnieniach w tym roku szkolnym dyrektor zaprasza Państwa na \
                 rozmowę."
            ),
            "Dyrektor zaprasza Państwa na rozmowę. Razem ustalają Państwo, jak dziecko może \
             przychodzić na czas. Dziecko jest zaproszone na rozmowę.",
            "Częste spóźnienia zabierają dużo czasu lekcji. Szkoła chce to rozwiązać razem z \
             Państwem, zanim problem będzie większy.",
            "Prosimy porozmawiać o tym, co jest potrzebne. Poranki w domu są trudne? Można \
             śmiało poprosić o pomoc.",
            "Dyrektor, Państwo i dziecko. Czasem też nauczyciel.",
        )
    }

    fn late_letter(&self, count: u32) -> StepTexts {
        texts(
            "Częstsze spóźnienia: list i rozmowa",
            format!(
                "Po {count} spóźnieniach w tym roku szkolnym przychodzi list i jest rozmowa z \
                 mentorem."
            ),
            "Dostają Państwo list ze szkoły. Mentor rozmawia z dzieckiem o przychodzeniu na \
             czas. Państwo też są zaproszeni na tę rozmowę. Razem ustalają Państwo zasady.",
            "Kto się spóźnia, traci początek lekcji. To trudne dla dziecka i przeszkadza klasie.",
            "Prosimy porozmawiać w domu o poranku: o której wstać, o której wyjść. Coś to \
             utrudnia? Prosimy powiedzieć mentorowi.",
            "Mentor, dziecko i Państwo.",
        )
    }

    fn late_leerplicht(&self, count: u32) -> StepTexts {
        texts(
            "Bardzo częste spóźnienia: szkoła informuje urzędnika ds. obowiązku szkolnego \
             (leerplichtambtenaar)",
            format!(
                "Po {count} spóźnieniach w tym roku szkolnym dostają Państwo list, a szkoła \
                 informuje urzędnika ds. obowiązku szkolnego."
            ),
            "Dostają Państwo list ze szkoły. Szkoła mówi urzędnikowi, jak często dziecko się \
             spóźniało. Urzędnik często zaprasza Państwa i dziecko na rozmowę. Dziecko jest \
             serdecznie zaproszone.",
            ATTENDANCE_OFFICER,
            format!(
                "Prosimy przyjść na rozmowę i powiedzieć, co się dzieje. Wtedy urzędnik może \
                 pomóc. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "Szkoła, urzędnik ds. obowiązku szkolnego (leerplichtambtenaar) z Państwa gminy, \
             Państwo i dziecko.",
        )
    }

    fn lessons_missed(&self, hours: f32, weeks: u32) -> StepTexts {
        let whole = hours.round() as u32;
        let hours_text = format!(
            "{} {}",
            number(hours),
            slavic(whole, "godzinę", "godziny", "godzin")
        );
        texts(
            "Lekcje opuszczone bez zgody: zgłoszenie do urzędnika ds. obowiązku szkolnego \
             (leerplichtambtenaar)",
            format!(
                "Jeśli dziecko opuści bez zgody {hours_text} lekcji w ciągu {weeks} tygodni \
                 nauki, szkoła musi to zgłosić."
            ),
            format!(
                "Czasem dziecka nie ma bez dobrego powodu. Wtedy szkoła liczy opuszczone \
                 godziny. Jeśli to {hours_text} w ciągu {weeks} tygodni nauki, szkoła zgłasza \
                 to do DUO, urzędu do spraw edukacji. DUO przekazuje to urzędnikowi z Państwa gminy. \
                 Urzędnik zwykle zaprasza Państwa i dziecko na rozmowę. Dziecko jest serdecznie \
                 zaproszone."
            ),
            format!(
                "Tak mówi ustawa o obowiązku szkolnym (Leerplichtwet). Szkoła nie może sama o \
                 tym decydować. Choroba nigdy się tu nie liczy. {ATTENDANCE_OFFICER}"
            ),
            format!(
                "Był jednak dobry powód? Prosimy jak najszybciej powiedzieć o tym szkole. Dzieje \
                 się coś w domu lub w szkole? Prosimy najpierw porozmawiać o tym ze szkołą. Na \
                 rozmowie z urzędnikiem można powiedzieć wszystko. {ILLNESS_STAYS_AT_SCHOOL}"
            ),
            "Szkoła, DUO i urzędnik ds. obowiązku szkolnego (leerplichtambtenaar) z Państwa \
             gminy, Państwo i dziecko.",
        )
    }
}
