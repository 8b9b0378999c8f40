//! Onboarding a school: importing groups, pupils and guardians from a CSV
//! export of the pupil administration, activation codes for the accounts
//! that import makes, activating an account (choosing a password), and the
//! school's staff and their roles.
//!
//! The CSV is read and checked here ([`read_pupil_csv`]), so the app can
//! show a school its mistakes before sending, with the same words the server
//! answers with.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::account::{MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS};
use crate::error::{ErrorCode, FieldError, Words};
use crate::language::Language;
use crate::validation::done;
use crate::words;
use crate::StaffRoleKind;

/// The most pupils one file may hold.
pub const MAX_IMPORT_ROWS: usize = 5000;
/// The most errors an answer lists (the count says how many there are).
pub const MAX_LISTED_IMPORT_ERRORS: usize = 200;
/// The longest pupil number, group name and person's name, in characters.
pub const MAX_PUPIL_NUMBER_CHARS: usize = 32;
pub const MAX_GROUP_CHARS: usize = 50;
pub const MAX_NAME_CHARS: usize = 100;
/// The shortest password a person may choose. NIST SP 800-63B rev. 4
/// (2025, section 3.1.1.2) asks for at least 15 characters when the
/// password alone logs someone in (single-factor), and 8 only when it is one
/// of two factors. Here the password is the only factor, so 15: a short
/// sentence ("de fiets staat bij het hek") is long enough and easy to
/// remember. The seeded demo password is not chosen and stays shorter.
pub const MIN_PASSWORD_CHARS: usize = 15;
/// The characters of an activation code: capitals and digits without the
/// ones people mix up (0 and O, 1, I and L, U and V... U is out).
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
/// How many characters a code has (about 49 bits).
pub const CODE_LENGTH: usize = 10;

// ---------------------------------------------------------------------------
// The CSV import

/// A column of the import file, with the names a header may use for it
/// (compared in lower case, with spaces and dashes read as `_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    PupilNumber,
    FirstName,
    /// Optional: "van", "de", "van der"... put before the last name.
    Infix,
    LastName,
    Group,
    Parent1Name,
    Parent1Email,
    Parent2Name,
    Parent2Email,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Self::PupilNumber,
        Self::FirstName,
        Self::Infix,
        Self::LastName,
        Self::Group,
        Self::Parent1Name,
        Self::Parent1Email,
        Self::Parent2Name,
        Self::Parent2Email,
    ];

    /// The name we use in messages (and the first one accepted).
    pub fn name(self) -> &'static str {
        self.names()[0]
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            Self::PupilNumber => &[
                "leerlingnummer",
                "leerling_nummer",
                "leerlingnr",
                "pupil_number",
            ],
            Self::FirstName => &["voornaam", "roepnaam", "first_name"],
            Self::Infix => &["tussenvoegsel", "tussenvoegsels", "infix"],
            Self::LastName => &["achternaam", "last_name"],
            Self::Group => &["groep", "klas", "group"],
            Self::Parent1Name => &["ouder1_naam", "parent1_name"],
            Self::Parent1Email => &["ouder1_email", "ouder1_e_mail", "parent1_email"],
            Self::Parent2Name => &["ouder2_naam", "parent2_name"],
            Self::Parent2Email => &["ouder2_email", "ouder2_e_mail", "parent2_email"],
        }
    }

    fn required(self) -> bool {
        !matches!(self, Self::Infix | Self::Parent2Name | Self::Parent2Email)
    }

    fn from_header(header: &str) -> Option<Self> {
        let key: String = header
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        Self::ALL.into_iter().find(|c| c.names().contains(&&*key))
    }
}

/// One pupil of an import file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// The line in the file where this pupil starts (the header is line 1).
    pub row: u32,
    pub pupil_number: String,
    pub first_name: String,
    /// With the infix, if the file has one: "de Vries".
    pub last_name: String,
    pub group: String,
    /// One or two; e-mail addresses in lower case.
    pub guardians: Vec<ImportGuardian>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportGuardian {
    pub name: String,
    pub email: String,
}

/// One problem in an import file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRowError {
    /// The line in the file (the header is line 1); `None`: the whole file.
    pub row: Option<u32>,
    /// The column, by the name we use (`leerlingnummer`, `ouder1_email`...);
    /// `None` when the problem is not in one column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What is wrong and what to do, in the reader's language.
    pub message: String,
}

/// One problem in an import file, as [`read_pupil_csv`] finds it: an
/// [`ImportRowError`] with its message in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub row: Option<u32>,
    pub field: Option<String>,
    pub message: Words,
}

impl ImportProblem {
    fn at(row: u32, column: Option<Column>, message: Words) -> Self {
        Self {
            row: Some(row),
            field: column.map(|c| c.name().to_owned()),
            message,
        }
    }

    fn file(message: Words) -> Self {
        Self {
            row: None,
            field: None,
            message,
        }
    }

    /// The problem as the API answers it, in `language`.
    pub fn in_language(&self, language: Language) -> ImportRowError {
        ImportRowError {
            row: self.row,
            field: self.field.clone(),
            message: self.message.get(language).to_owned(),
        }
    }
}

/// The `422` answer to an import with mistakes: the usual error body
/// (`code`, `message`, `field: "file"`) with the problems per row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRejection {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    /// The first [`MAX_LISTED_IMPORT_ERRORS`] problems, in file order.
    pub errors: Vec<ImportRowError>,
    /// How many problems there are in all.
    pub error_count: u32,
}

impl ImportRejection {
    /// The answer to a file with these problems, in `language`.
    pub fn new(problems: &[ImportProblem], language: Language) -> Self {
        let message = words!(
            nl: "Er staan fouten in het bestand. We hebben niets ingelezen. \
                 Verbeter de regels hieronder en stuur het bestand opnieuw.",
            en: "The file has mistakes. We have not read anything in. \
                 Please correct the lines below and send the file again.",
            ar: "في الملف أخطاء. لم نقرأ أي شيء منه. \
                 صحّح الأسطر أدناه وأرسل الملف مرة أخرى.",
            tr: "Dosyada hatalar var. Hiçbir şeyi içeri almadık. \
                 Aşağıdaki satırları düzeltin ve dosyayı yeniden gönderin.",
            pl: "W pliku są błędy. Nic nie zostało wczytane. \
                 Proszę poprawić wiersze poniżej i wysłać plik ponownie.",
            uk: "У файлі є помилки. Ми нічого не завантажили. \
                 Виправте рядки нижче і надішліть файл ще раз.",
        );
        Self {
            code: ErrorCode::InvalidInput,
            message: message.get(language).to_owned(),
            field: Some("file".into()),
            errors: problems
                .iter()
                .take(MAX_LISTED_IMPORT_ERRORS)
                .map(|p| p.in_language(language))
                .collect(),
            error_count: u32::try_from(problems.len()).unwrap_or(u32::MAX),
        }
    }
}

/// The answer to an import (`dry_run`: what it would do; nothing stored).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportSummary {
    pub dry_run: bool,
    /// Pupils in the file.
    pub rows: u32,
    pub groups_created: u32,
    pub pupils_created: u32,
    /// Known pupils (by pupil number) whose name or group changed.
    pub pupils_updated: u32,
    pub pupils_unchanged: u32,
    /// New accounts for guardians (they activate them with a code).
    pub guardians_created: u32,
    /// New links between a guardian and a pupil.
    pub guardians_linked: u32,
    /// Known pupils the file no longer lists: marked as left school today
    /// (their data is deleted after the school's retention period).
    #[serde(default)]
    pub pupils_left: u32,
}

/// Reads and checks a whole import file: every row, before anything is
/// stored. UTF-8 text (a BOM is fine) with a header row; the separator is
/// `,` or `;` (what Dutch Excel writes), whichever the header uses; fields
/// may be quoted with `"`.
pub fn read_pupil_csv(text: &str) -> Result<Vec<ImportRow>, Vec<ImportProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = guess_separator(text);
    let mut records = split_records(text, separator)
        .into_iter()
        // Empty lines (Excel adds them at the end) are no pupils.
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = records.next() else {
        return Err(vec![ImportProblem::file(words!(
            nl: "Het bestand is leeg. Stuur een bestand met een kopregel en een regel per leerling.",
            en: "The file is empty. Please send a file with a header line and one line per pupil.",
            ar: "الملف فارغ. أرسل ملفًا فيه سطر عناوين وسطر لكل تلميذ.",
            tr: "Dosya boş. Başlık satırı ve her öğrenci için bir satır olan bir dosya gönderin.",
            pl: "Plik jest pusty. Proszę wysłać plik z wierszem nagłówka i jednym wierszem na ucznia.",
            uk: "Файл порожній. Надішліть файл із рядком заголовків і рядком для кожного учня.",
        ))]);
    };
    let columns = read_header(&header)?;
    let records: Vec<_> = records.collect();
    if records.is_empty() {
        return Err(vec![ImportProblem::file(words!(
            nl: "Het bestand heeft geen leerlingen, alleen een kopregel.",
            en: "The file has no pupils, only a header line.",
            ar: "الملف لا يحتوي على تلاميذ، فقط سطر العناوين.",
            tr: "Dosyada öğrenci yok, yalnızca bir başlık satırı var.",
            pl: "W pliku nie ma uczniów, jest tylko wiersz nagłówka.",
            uk: "У файлі немає учнів, лише рядок заголовків.",
        ))]);
    }
    if records.len() > MAX_IMPORT_ROWS {
        let count = records.len();
        return Err(vec![ImportProblem::file(words!(
            nl: "Het bestand heeft {count} leerlingen. Dat zijn er te veel: het kan met ten hoogste \
                 {MAX_IMPORT_ROWS} tegelijk. Verdeel de leerlingen over meer bestanden.",
            en: "The file has {count} pupils. That is too many: {MAX_IMPORT_ROWS} at most \
                 at one time. Please spread the pupils over more files.",
            ar: "في الملف {count} تلميذًا. هذا كثير جدًا: الحد الأقصى {MAX_IMPORT_ROWS} \
                 في المرة الواحدة. وزّع التلاميذ على ملفات أكثر.",
            tr: "Dosyada {count} öğrenci var. Bu çok fazla: aynı anda en fazla \
                 {MAX_IMPORT_ROWS} olabilir. Öğrencileri daha fazla dosyaya bölün.",
            pl: "W pliku jest {count} uczniów. To za dużo: najwyżej {MAX_IMPORT_ROWS} \
                 naraz. Proszę podzielić uczniów na więcej plików.",
            uk: "У файлі {count} учнів. Це забагато: не більше {MAX_IMPORT_ROWS} \
                 за раз. Розподіліть учнів на більше файлів.",
        ))]);
    }

    let mut errors = Vec::new();
    let mut rows: Vec<ImportRow> = Vec::new();
    let mut numbers = std::collections::HashMap::new();
    for (row, cells) in records {
        if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.is_empty()) {
            errors.push(ImportProblem::at(
                row,
                None,
                words!(
                    nl: "Deze regel heeft meer vakjes dan de kopregel. Staat er ergens een scheidingsteken te veel?",
                    en: "This line has more cells than the header line. Is there an extra separator somewhere?",
                    ar: "في هذا السطر خانات أكثر من سطر العناوين. هل توجد فاصلة زائدة في مكان ما؟",
                    tr: "Bu satırda başlık satırından daha fazla hücre var. Bir yerde fazladan ayırıcı mı var?",
                    pl: "Ten wiersz ma więcej pól niż wiersz nagłówka. Czy gdzieś jest o jeden separator za dużo?",
                    uk: "У цьому рядку більше клітинок, ніж у рядку заголовків. Можливо, десь зайвий роздільник?",
                ),
            ));
            continue;
        }
        let cell = |column: Column| {
            columns
                .iter()
                .position(|c| *c == column)
                .and_then(|i| cells.get(i))
                .map(|c| c.trim().to_owned())
                .unwrap_or_default()
        };
        let before = errors.len();
        let pupil_number = cell(Column::PupilNumber);
        check_text(&mut errors, row, Column::PupilNumber, &pupil_number);
        if let Some(first) = numbers.get(&pupil_number) {
            errors.push(ImportProblem::at(
                row,
                Some(Column::PupilNumber),
                words!(
                    nl: "Dit leerlingnummer staat ook in regel {first}. Elk leerlingnummer mag maar één keer in het bestand staan.",
                    en: "This pupil number is also on line {first}. Each pupil number may be in the file only once.",
                    ar: "رقم التلميذ هذا موجود أيضًا في السطر {first}. يجب أن يظهر كل رقم تلميذ مرة واحدة فقط في الملف.",
                    tr: "Bu öğrenci numarası {first}. satırda da var. Her öğrenci numarası dosyada yalnızca bir kez olabilir.",
                    pl: "Ten numer ucznia jest też w wierszu {first}. Każdy numer ucznia może być w pliku tylko raz.",
                    uk: "Цей номер учня є також у рядку {first}. Кожен номер учня може бути у файлі лише один раз.",
                ),
            ));
        } else if !pupil_number.is_empty() {
            numbers.insert(pupil_number.clone(), row);
        }
        let first_name = cell(Column::FirstName);
        check_text(&mut errors, row, Column::FirstName, &first_name);
        let infix = cell(Column::Infix);
        check_text(&mut errors, row, Column::Infix, &infix);
        let last_name = cell(Column::LastName);
        check_text(&mut errors, row, Column::LastName, &last_name);
        let group = cell(Column::Group);
        check_text(&mut errors, row, Column::Group, &group);

        let mut guardians = Vec::new();
        let parents = [
            (Column::Parent1Name, Column::Parent1Email),
            (Column::Parent2Name, Column::Parent2Email),
        ];
        for (name_column, email_column) in parents {
            let (name, email) = (cell(name_column), cell(email_column).to_lowercase());
            if !name_column.required() && name.is_empty() && email.is_empty() {
                continue;
            }
            // A second parent is optional, but then with both name and e-mail.
            check_cell(&mut errors, row, name_column, &name, true);
            if email.is_empty() {
                errors.push(ImportProblem::at(
                    row,
                    Some(email_column),
                    words!(
                        nl: "Het e-mailadres van deze ouder ontbreekt. Vul het in.",
                        en: "This parent's email address is missing. Please fill it in.",
                        ar: "البريد الإلكتروني لهذا الوالد غير موجود. اكتبه.",
                        tr: "Bu velinin e-posta adresi eksik. Lütfen yazın.",
                        pl: "Brakuje adresu e-mail tego rodzica. Proszę go wpisać.",
                        uk: "Немає електронної адреси цього з батьків. Впишіть її.",
                    ),
                ));
            } else if !looks_like_email(&email) {
                errors.push(ImportProblem::at(
                    row,
                    Some(email_column),
                    words!(
                        nl: "Dit is geen goed e-mailadres. Kijk of het goed is overgenomen.",
                        en: "This is not a valid email address. Please check that it was copied correctly.",
                        ar: "هذا ليس بريدًا إلكترونيًا صحيحًا. تأكد أنه نُسخ بشكل صحيح.",
                        tr: "Bu geçerli bir e-posta adresi değil. Doğru aktarılıp aktarılmadığına bakın.",
                        pl: "To nie jest poprawny adres e-mail. Proszę sprawdzić, czy został dobrze przepisany.",
                        uk: "Це неправильна електронна адреса. Перевірте, чи її правильно перенесли.",
                    ),
                ));
            } else if guardians.iter().any(|g: &ImportGuardian| g.email == email) {
                errors.push(ImportProblem::at(
                    row,
                    Some(email_column),
                    words!(
                        nl: "Dit is hetzelfde e-mailadres als van ouder 1. Laat ouder 2 leeg, of vul het e-mailadres van ouder 2 in.",
                        en: "This is the same email address as parent 1's. Leave parent 2 empty, or fill in parent 2's email address.",
                        ar: "هذا هو البريد الإلكتروني نفسه للوالد 1. اترك الوالد 2 فارغًا، أو اكتب البريد الإلكتروني للوالد 2.",
                        tr: "Bu, 1. velinin e-posta adresiyle aynı. 2. veliyi boş bırakın veya 2. velinin e-posta adresini yazın.",
                        pl: "To ten sam adres e-mail co rodzica 1. Proszę zostawić rodzica 2 pustego albo wpisać adres e-mail rodzica 2.",
                        uk: "Це та сама електронна адреса, що й у першого з батьків. Залиште другого порожнім або впишіть його адресу.",
                    ),
                ));
            }
            guardians.push(ImportGuardian { name, email });
        }
        if errors.len() == before {
            let last_name = match infix.is_empty() {
                true => last_name,
                false => format!("{infix} {last_name}"),
            };
            rows.push(ImportRow {
                row,
                pupil_number,
                first_name,
                last_name,
                group,
                guardians,
            });
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// The columns of the header, in order; every required one must be there,
/// and no column we do not know (it might hold data we must not keep).
fn read_header(header: &[String]) -> Result<Vec<Column>, Vec<ImportProblem>> {
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    for name in header {
        match Column::from_header(name) {
            Some(column) if columns.contains(&column) => errors.push(ImportProblem::at(
                1,
                Some(column),
                words!(
                    nl: "Deze kolom staat twee keer in de kopregel. Haal er één weg.",
                    en: "This column is in the header line twice. Please remove one.",
                    ar: "هذا العمود موجود مرتين في سطر العناوين. احذف واحدًا منهما.",
                    tr: "Bu sütun başlık satırında iki kez var. Birini silin.",
                    pl: "Ta kolumna jest dwa razy w wierszu nagłówka. Proszę usunąć jedną.",
                    uk: "Цей стовпець двічі є в рядку заголовків. Видаліть один.",
                ),
            )),
            Some(column) => columns.push(column),
            None => {
                let list = column_list();
                errors.push(ImportProblem {
                    row: Some(1),
                    field: Some(name.trim().chars().take(64).collect()),
                    message: words!(
                        nl: "Deze kolom kennen we niet. Haal hem weg. De kolommen zijn: {list}.",
                        en: "We do not know this column. Please remove it. The columns are: {list}.",
                        ar: "لا نعرف هذا العمود. احذفه. الأعمدة هي: {list}.",
                        tr: "Bu sütunu tanımıyoruz. Lütfen silin. Sütunlar şunlar: {list}.",
                        pl: "Nie znamy tej kolumny. Proszę ją usunąć. Kolumny to: {list}.",
                        uk: "Ми не знаємо цього стовпця. Видаліть його. Стовпці такі: {list}.",
                    ),
                })
            }
        }
    }
    for column in Column::ALL {
        if column.required() && !columns.contains(&column) {
            let (name, list) = (column.name(), column_list());
            errors.push(ImportProblem::at(
                1,
                Some(column),
                words!(
                    nl: "De kolom {name} ontbreekt in de kopregel. De kolommen zijn: {list}.",
                    en: "The column {name} is missing from the header line. The columns are: {list}.",
                    ar: "العمود {name} غير موجود في سطر العناوين. الأعمدة هي: {list}.",
                    tr: "{name} sütunu başlık satırında yok. Sütunlar şunlar: {list}.",
                    pl: "W wierszu nagłówka brakuje kolumny {name}. Kolumny to: {list}.",
                    uk: "У рядку заголовків немає стовпця {name}. Стовпці такі: {list}.",
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

fn column_list() -> String {
    Column::ALL.map(Column::name).join(", ")
}

/// A required text is there and not too long; an optional one not too long.
fn check_text(errors: &mut Vec<ImportProblem>, row: u32, column: Column, text: &str) {
    check_cell(errors, row, column, text, column.required());
}

fn check_cell(
    errors: &mut Vec<ImportProblem>,
    row: u32,
    column: Column,
    text: &str,
    required: bool,
) {
    let max = match column {
        Column::PupilNumber => MAX_PUPIL_NUMBER_CHARS,
        Column::Group => MAX_GROUP_CHARS,
        _ => MAX_NAME_CHARS,
    };
    let name = column.name();
    let message = if text.is_empty() && required {
        words!(
            nl: "Het vakje {name} is leeg. Vul het in.",
            en: "The cell {name} is empty. Please fill it in.",
            ar: "الخانة {name} فارغة. املأها.",
            tr: "{name} hücresi boş. Lütfen doldurun.",
            pl: "Pole {name} jest puste. Proszę je wypełnić.",
            uk: "Клітинка {name} порожня. Заповніть її.",
        )
    } else if text.chars().count() > max {
        words!(
            nl: "Het vakje {name} is te lang: ten hoogste {max} tekens.",
            en: "The cell {name} is too long: {max} characters at most.",
            ar: "الخانة {name} طويلة جدًا: {max} حرفًا على الأكثر.",
            tr: "{name} hücresi çok uzun: en fazla {max} karakter.",
            pl: "Pole {name} jest za długie: najwyżej {max} znaków.",
            uk: "Клітинка {name} задовга: не більше {max} символів.",
        )
    } else if text.chars().any(char::is_control) {
        words!(
            nl: "In het vakje {name} staat een teken dat niet kan, zoals een tab of een nieuwe regel.",
            en: "The cell {name} has a character that is not allowed, such as a tab or a new line.",
            ar: "في الخانة {name} رمز غير مسموح به، مثل مسافة جدولة أو سطر جديد.",
            tr: "{name} hücresinde izin verilmeyen bir karakter var, örneğin sekme veya yeni satır.",
            pl: "W polu {name} jest niedozwolony znak, na przykład tabulator lub nowy wiersz.",
            uk: "У клітинці {name} є недозволений символ, наприклад табуляція або новий рядок.",
        )
    } else {
        return;
    };
    errors.push(ImportProblem::at(row, Some(column), message));
}

/// A plain check of the form: one `@`, something before it, a domain with a
/// dot after it, no spaces. (Whether it reaches someone, only a mail says.)
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.chars().count() <= MAX_EMAIL_CHARS
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `;` when the header line has more of them than commas (Dutch Excel),
/// else `,`.
fn guess_separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    let count = |sep| header.chars().filter(|c| *c == sep).count();
    if count(';') > count(',') {
        ';'
    } else {
        ','
    }
}

/// Splits CSV text into records of cells (RFC 4180: `"` quotes a cell, `""`
/// in it is one `"`), each with the line it starts on.
fn split_records(text: &str, separator: char) -> Vec<(u32, Vec<String>)> {
    let mut records = Vec::new();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut line, mut start) = (1u32, 1u32);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            '\n' if quoted => {
                line += 1;
                cell.push('\n');
            }
            c if c == separator && !quoted => cells.push(std::mem::take(&mut cell)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' | '\r' if !quoted => {
                cells.push(std::mem::take(&mut cell));
                records.push((start, std::mem::take(&mut cells)));
                line += 1;
                start = line;
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        records.push((start, cells));
    }
    records
}

// ---------------------------------------------------------------------------
// Activation codes and activation

/// `POST /api/schools/{id}/activation-codes`: codes for these guardians, or
/// (no list) for every guardian of the school's pupils who has not activated
/// their account yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewActivationCodes {
    #[serde(default)]
    pub guardian_ids: Option<Vec<String>>,
}

/// A fresh code for one person, shown once: the school prints or mails it.
/// Only a hash is stored, so it cannot be shown again (make a new one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationCode {
    pub user_id: String,
    pub name: String,
    pub email: String,
    /// Like `K7QM-3XWP-9D`; capitals or not, dashes or not, all work.
    pub code: String,
    pub expires_at: DateTime<Utc>,
    /// Their children at this school (none for staff).
    pub children: Vec<ImportedChild>,
}

/// A child as the school's letter to a guardian names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportedChild {
    pub first_name: String,
    pub last_name: String,
    pub group_name: String,
}

/// `POST /api/activation`: the code from the school, and a new password.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activation {
    pub code: String,
    pub password: String,
}

/// The one answer to any code that does not work, so nobody learns whether
/// it never existed, has expired or was used.
pub fn code_refused() -> Words {
    words!(
        nl: "Deze code werkt niet. Kijk of u hem goed heeft overgetypt. \
             Lukt het nog steeds niet? Vraag de school om een nieuwe code.",
        en: "This code does not work. Please check that you copied it correctly. \
             Still not working? Ask the school for a new code.",
        ar: "هذا الرمز لا يعمل. تأكد أنك نسخته بشكل صحيح. \
             ألا يزال لا يعمل؟ اطلب من المدرسة رمزًا جديدًا.",
        tr: "Bu kod çalışmıyor. Doğru yazıp yazmadığınıza bakın. \
             Hâlâ olmuyor mu? Okuldan yeni bir kod isteyin.",
        pl: "Ten kod nie działa. Proszę sprawdzić, czy jest dobrze przepisany. \
             Nadal nie działa? Proszę poprosić szkołę o nowy kod.",
        uk: "Цей код не працює. Перевірте, чи правильно ви його переписали. \
             Усе ще не працює? Попросіть у школи новий код.",
    )
}

impl Activation {
    /// The code's form and the password's own rules; the server also checks
    /// the password against the account's e-mail ([`check_password_for`]).
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.code.trim().is_empty() {
            // An empty code is not one that "does not work".
            errors.push(FieldError::new(
                "code",
                words!(
                    nl: "Vul de code in die u van school heeft gekregen.",
                    en: "Please enter the code you got from the school.",
                    ar: "اكتب الرمز الذي حصلت عليه من المدرسة.",
                    tr: "Okuldan aldığınız kodu yazın.",
                    pl: "Proszę wpisać kod otrzymany ze szkoły.",
                    uk: "Введіть код, який ви отримали від школи.",
                ),
            ));
        } else if normalize_code(&self.code).is_none() {
            errors.push(FieldError::new("code", code_refused()));
        }
        errors.extend(check_new_password(&self.password));
        done(errors)
    }
}

/// A code as typed, in its stored form (capitals, no dashes or spaces), if
/// it has the form of a code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let fine = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    fine.then_some(code)
}

/// A code in its stored form, grouped for reading: `K7QM-3XWP-9D`.
pub fn format_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Passwords everyone tries first: the 1000 most used ones of 8
/// characters or more from the "xato" list of leaked passwords (as shipped
/// by zxcvbn-ts, MIT licence), and Dutch and other ones of our own. One a
/// line, in lower case. Compact on purpose: the app carries it too.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Words that belong to this app: a password made of them is guessed first.
const APP_WORDS: [&str; 3] = ["verzuimwijzer", "verzuim", "wijzer"];

/// A new password, by current NIST advice (SP 800-63B rev. 4, 3.1.1.2):
/// at least [`MIN_PASSWORD_CHARS`] and at most [`MAX_PASSWORD_CHARS`]
/// characters (each Unicode code point counts as one; spaces and every
/// script are fine), no rules about kinds of characters, never a forced
/// change, no hints; but not a password that is easy to guess
/// ([`is_easy_to_guess`]). The easy-to-guess message goes first: it says
/// more than "too short" for `wachtwoord123`.
pub fn check_new_password(password: &str) -> Option<FieldError> {
    let length = password.chars().count();
    let message = if length > MAX_PASSWORD_CHARS {
        words!(
            nl: "Dit wachtwoord is te lang: ten hoogste 256 tekens.",
            en: "This password is too long: 256 characters at most.",
            ar: "كلمة المرور هذه طويلة جدًا: 256 حرفًا على الأكثر.",
            tr: "Bu şifre çok uzun: en fazla 256 karakter.",
            pl: "To hasło jest za długie: najwyżej 256 znaków.",
            uk: "Цей пароль задовгий: не більше 256 символів.",
        )
    } else if is_easy_to_guess(password) {
        easy_to_guess()
    } else if length < MIN_PASSWORD_CHARS {
        words!(
            nl: "Kies een wachtwoord van minstens 15 tekens. Een zin van een paar woorden is makkelijk te onthouden.",
            en: "Please choose a password of at least 15 characters. A sentence of a few words is easy to remember.",
            ar: "اختر كلمة مرور من 15 حرفًا على الأقل. جملة من بضع كلمات سهلة التذكر.",
            tr: "En az 15 karakterlik bir şifre seçin. Birkaç kelimelik bir cümleyi hatırlamak kolaydır.",
            pl: "Proszę wybrać hasło z co najmniej 15 znaków. Zdanie z kilku słów łatwo zapamiętać.",
            uk: "Виберіть пароль щонайменше з 15 символів. Речення з кількох слів легко запам'ятати.",
        )
    } else {
        return None;
    };
    Some(FieldError::new("password", message))
}

/// The password is not made of the person's own e-mail address (all of
/// it, the part before @, or the name of its domain) or of the school's
/// name: the first things someone who knows them tries. Checked by the
/// server, which knows them; [`check_new_password`] comes first.
pub fn check_password_for(password: &str, email: &str, school: Option<&str>) -> Option<FieldError> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@').unwrap_or((&email, ""));
    let domain_name = domain.split('.').next().unwrap_or_default();
    let mut own = vec![email.as_str(), local, domain_name];
    own.extend(school);
    let own: Vec<String> = own.into_iter().map(letters_of).collect();
    is_one_of(password, |form| own.iter().any(|word| word == form)).then(|| {
        FieldError::new(
            "password",
            words!(
                nl: "Uw wachtwoord mag niet uw e-mailadres of de naam van de school zijn. Kies een ander wachtwoord.",
                en: "Your password cannot be your email address or the name of the school. Please choose another password.",
                ar: "لا يجوز أن تكون كلمة المرور هي بريدك الإلكتروني أو اسم المدرسة. اختر كلمة مرور أخرى.",
                tr: "Şifreniz e-posta adresiniz veya okulun adı olamaz. Başka bir şifre seçin.",
                pl: "Hasło nie może być adresem e-mail ani nazwą szkoły. Proszę wybrać inne hasło.",
                uk: "Пароль не може бути вашою електронною адресою або назвою школи. Виберіть інший пароль.",
            ),
        )
    })
}

fn easy_to_guess() -> Words {
    words!(
        nl: "Dit wachtwoord gebruiken veel mensen. Het is daarom makkelijk te raden. Kies een ander wachtwoord.",
        en: "Many people use this password. That makes it easy to guess. Please choose another password.",
        ar: "كثير من الناس يستخدمون كلمة المرور هذه. لذلك من السهل تخمينها. اختر كلمة مرور أخرى.",
        tr: "Bu şifreyi birçok kişi kullanıyor. Bu yüzden tahmin etmesi kolay. Başka bir şifre seçin.",
        pl: "Wiele osób używa tego hasła. Dlatego łatwo je odgadnąć. Proszę wybrać inne hasło.",
        uk: "Цей пароль використовує багато людей. Тому його легко вгадати. Виберіть інший пароль.",
    )
}

/// Whether a password is one that is tried first: a common password (see
/// [`COMMON_PASSWORDS`]) or the app's name, as it is or with only digits,
/// signs and spaces around it ("Wachtwoord123!", "verzuimwijzer 2026"); one
/// character or a short piece repeated ("aaaaaaaa", "abcabcabc"); or a run
/// of digits or letters ("123456789012345", "abcdefghijklmno").
pub fn is_easy_to_guess(password: &str) -> bool {
    let common = |form: &str| {
        COMMON_PASSWORDS.lines().any(|common| common == form) || APP_WORDS.contains(&form)
    };
    let compact: String = password
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    is_one_of(password, common) || is_repeated(&compact) || is_run(&compact)
}

/// Whether `known` takes the password, in lower case without spaces, or
/// only its letters (without the digits and signs people add to a word).
fn is_one_of(password: &str, known: impl Fn(&str) -> bool) -> bool {
    let compact: String = password
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let letters = letters_of(password);
    known(&compact) || (!letters.is_empty() && known(&letters))
}

/// The letters of a text, in lower case: "Sanne.deVries@x.nl" -> "sannedevriesxnl".
fn letters_of(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// One piece said again and again: "aaaaaaaa", "abcabcabc", "passwordpassword".
fn is_repeated(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..=chars.len() / 2).any(|size| {
        chars.len().is_multiple_of(size) && chars.chunks(size).all(|piece| piece == &chars[..size])
    })
}

/// Each character the one after the one before (or before it), like
/// "1234567890123" or "zyxwvu": counting on the keyboard, not choosing.
fn is_run(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let step = |a: char, b: char| {
        if a.is_ascii_digit() && b.is_ascii_digit() {
            (b as i32 - a as i32).rem_euclid(10)
        } else {
            b as i32 - a as i32
        }
    };
    let steps: Vec<i32> = chars.windows(2).map(|w| step(w[0], w[1])).collect();
    !steps.is_empty()
        && (steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == -1 || *s == 9))
}

// ---------------------------------------------------------------------------
// Staff

/// A staff member of a school (`GET /api/schools/{id}/staff`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub user_id: String,
    pub name: String,
    pub email: String,
    /// Their roles at this school.
    pub roles: Vec<StaffRoleKind>,
    /// Whether they have chosen a password (activated their account).
    pub activated: bool,
    /// The ids of the groups they teach (see the school's setting
    /// `teachers_see_only_their_groups`).
    #[serde(default)]
    pub groups: Vec<String>,
}

/// `POST /api/schools/{id}/staff`: a new staff member, or new roles for
/// someone who has an account already (found by e-mail).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaffMember {
    pub name: String,
    pub email: String,
    pub roles: Vec<StaffRoleKind>,
    /// The ids of the groups they teach, if any.
    #[serde(default)]
    pub groups: Vec<String>,
}

impl NewStaffMember {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(
                "name",
                words!(
                    nl: "Vul de naam in.",
                    en: "Please enter the name.",
                    ar: "اكتب الاسم.",
                    tr: "Adı yazın.",
                    pl: "Proszę wpisać imię i nazwisko.",
                    uk: "Введіть ім'я.",
                ),
            ));
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError::new(
                "name",
                words!(
                    nl: "Deze naam is te lang: ten hoogste 100 tekens.",
                    en: "This name is too long: 100 characters at most.",
                    ar: "هذا الاسم طويل جدًا: 100 حرف على الأكثر.",
                    tr: "Bu ad çok uzun: en fazla 100 karakter.",
                    pl: "To imię i nazwisko jest za długie: najwyżej 100 znaków.",
                    uk: "Це ім'я задовге: не більше 100 символів.",
                ),
            ));
        }
        if !looks_like_email(&self.email.trim().to_lowercase()) {
            errors.push(FieldError::new(
                "email",
                words!(
                    nl: "Dit is geen goed e-mailadres. Kijk of u het goed heeft getypt.",
                    en: "This is not a valid email address. Please check how you typed it.",
                    ar: "هذا ليس بريدًا إلكترونيًا صحيحًا. تأكد أنك كتبته بشكل صحيح.",
                    tr: "Bu geçerli bir e-posta adresi değil. Doğru yazıp yazmadığınıza bakın.",
                    pl: "To nie jest poprawny adres e-mail. Proszę sprawdzić, czy jest dobrze wpisany.",
                    uk: "Це неправильна електронна адреса. Перевірте, чи ви правильно її ввели.",
                ),
            ));
        }
        errors.extend(check_roles(&self.roles, false));
        errors.extend(check_groups(&self.groups));
        done(errors)
    }
}

/// The answer to `POST /api/schools/{id}/staff`: the member, and a code to
/// activate their account, shown once (`None` when they have a password
/// already: the school cannot set or reset it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub member: StaffMember,
    pub activation: Option<ActivationCode>,
}

/// `PUT /api/schools/{id}/staff/{user_id}`: their roles from now on; none
/// means they no longer work at the school in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRolesChange {
    pub roles: Vec<StaffRoleKind>,
    /// The ids of the groups they teach; `None`: as they were.
    #[serde(default)]
    pub groups: Option<Vec<String>>,
}

impl StaffRolesChange {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors: Vec<FieldError> = check_roles(&self.roles, true).into_iter().collect();
        errors.extend(self.groups.as_deref().and_then(check_groups));
        done(errors)
    }
}

/// The most groups one teacher teaches.
pub const MAX_TAUGHT_GROUPS: usize = 50;

/// The groups a teacher teaches: each once, and not more than
/// [`MAX_TAUGHT_GROUPS`]. (Whether they are the school's, the server checks.)
fn check_groups(groups: &[String]) -> Option<FieldError> {
    if groups.len() > MAX_TAUGHT_GROUPS {
        Some(FieldError::new(
            "groups",
            words!(
                nl: "Kies hoogstens {MAX_TAUGHT_GROUPS} groepen of klassen.",
                en: "Please choose {MAX_TAUGHT_GROUPS} groups or classes at most.",
                ar: "اختر {MAX_TAUGHT_GROUPS} مجموعة أو صفًا على الأكثر.",
                tr: "En fazla {MAX_TAUGHT_GROUPS} grup veya sınıf seçin.",
                pl: "Proszę wybrać najwyżej {MAX_TAUGHT_GROUPS} grup lub klas.",
                uk: "Виберіть не більше {MAX_TAUGHT_GROUPS} груп або класів.",
            ),
        ))
    } else if groups
        .iter()
        .enumerate()
        .any(|(i, g)| groups[..i].contains(g))
    {
        Some(FieldError::new(
            "groups",
            words!(
                nl: "Elke groep of klas mag maar één keer.",
                en: "Each group or class may appear only once.",
                ar: "يمكن اختيار كل مجموعة أو صف مرة واحدة فقط.",
                tr: "Her grup veya sınıf yalnızca bir kez seçilebilir.",
                pl: "Każda grupa lub klasa może wystąpić tylko raz.",
                uk: "Кожна група або клас може бути лише один раз.",
            ),
        ))
    } else {
        None
    }
}

fn check_roles(roles: &[StaffRoleKind], may_be_empty: bool) -> Option<FieldError> {
    if roles.is_empty() && !may_be_empty {
        Some(FieldError::new(
            "roles",
            words!(
                nl: "Kies minstens één rol.",
                en: "Please choose at least one role.",
                ar: "اختر دورًا واحدًا على الأقل.",
                tr: "En az bir rol seçin.",
                pl: "Proszę wybrać co najmniej jedną rolę.",
                uk: "Виберіть хоча б одну роль.",
            ),
        ))
    } else if roles
        .iter()
        .enumerate()
        .any(|(i, r)| roles[..i].contains(r))
    {
        Some(FieldError::new(
            "roles",
            words!(
                nl: "Elke rol mag maar één keer.",
                en: "Each role may appear only once.",
                ar: "يمكن اختيار كل دور مرة واحدة فقط.",
                tr: "Her rol yalnızca bir kez seçilebilir.",
                pl: "Każda rola może wystąpić tylko raz.",
                uk: "Кожна роль може бути лише один раз.",
            ),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "leerlingnummer,voornaam,achternaam,groep,ouder1_naam,ouder1_email,ouder2_naam,ouder2_email";

    fn errors(text: &str) -> Vec<(Option<u32>, Option<String>)> {
        read_pupil_csv(text)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.row, e.field))
            .collect()
    }

    #[test]
    fn a_good_file_is_read_with_either_separator_and_a_bom() {
        let comma = format!(
            "{HEADER}\n1001,Noor,de Vries,Groep 3,Sanne de Vries,Sanne@Example.nl,Mark de Vries,mark@example.nl\n\
             1002,Yara,El Amrani,Groep 6,Ahmed El Amrani,ahmed@example.nl,,\n\n"
        );
        let rows = read_pupil_csv(&comma).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].row, 2);
        assert_eq!(rows[0].guardians[0].email, "sanne@example.nl");
        assert_eq!(rows[0].guardians.len(), 2);
        assert_eq!(rows[1].guardians.len(), 1);

        let semicolon = format!("\u{feff}{}", comma.replace(',', ";").replace('\n', "\r\n"));
        assert_eq!(read_pupil_csv(&semicolon).unwrap(), rows);
    }

    #[test]
    fn headers_may_use_other_names_and_cells_may_be_quoted() {
        let text =
            "Leerling-nummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Ouder1 Naam;Ouder1_Email\n\
                    \"7\";\"Jan \"\"Jantje\"\"\";van der;Berg;2B;\"Berg; P.\";p@example.nl\n";
        let rows = read_pupil_csv(text).unwrap();
        assert_eq!(rows[0].first_name, "Jan \"Jantje\"");
        assert_eq!(rows[0].last_name, "van der Berg");
        assert_eq!(rows[0].guardians[0].name, "Berg; P.");
    }

    #[test]
    fn every_bad_row_is_listed_with_its_line_and_column() {
        let text = format!(
            "{HEADER}\n1,A,B,G,P,p@example.nl,,\n\
             2,,B,G,P,not-an-email,,\n\
             1,C,D,G,P,p@example.nl,Q,\n\
             3,E,F,G,P,p@example.nl,,p@example.nl\n\
             4,E,F,{},P,p@example.nl,,,extra\n",
            "x".repeat(51)
        );
        assert_eq!(
            errors(&text),
            [
                (Some(3), Some("voornaam".into())),
                (Some(3), Some("ouder1_email".into())),
                (Some(4), Some("leerlingnummer".into())),
                (Some(4), Some("ouder2_email".into())),
                (Some(5), Some("ouder2_naam".into())),
                (Some(5), Some("ouder2_email".into())),
                (Some(6), None),
            ]
        );
    }

    #[test]
    fn the_header_must_have_the_columns_we_know() {
        assert_eq!(
            errors("leerlingnummer,voornaam,bsn,achternaam,groep,ouder1_naam\n1,a,b,c,d,e\n"),
            [
                (Some(1), Some("bsn".into())),
                (Some(1), Some("ouder1_email".into())),
            ]
        );
        assert_eq!(errors(""), [(None, None)]);
        assert_eq!(errors(&format!("{HEADER}\n")), [(None, None)]);
    }

    #[test]
    fn at_most_5000_pupils() {
        let mut text = format!("{HEADER}\n");
        for n in 0..=MAX_IMPORT_ROWS {
            text.push_str(&format!("{n},A,B,G,P,p@example.nl,,\n"));
        }
        assert_eq!(errors(&text), [(None, None)]);
    }

    #[test]
    fn a_line_inside_quotes_is_counted() {
        let text = format!("{HEADER}\n1,\"A\nB\",C,G,P,p@example.nl,,\n2,,C,G,P,p@example.nl,,\n");
        // (A new line inside a name is refused too.)
        assert_eq!(
            errors(&text),
            [
                (Some(2), Some("voornaam".into())),
                (Some(4), Some("voornaam".into()))
            ]
        );
    }

    #[test]
    fn codes_are_read_in_any_case_and_with_or_without_dashes() {
        assert_eq!(
            normalize_code("k7qm-3xwp-9d").as_deref(),
            Some("K7QM3XWP9D")
        );
        assert_eq!(
            normalize_code(" K7QM 3XWP 9D ").as_deref(),
            Some("K7QM3XWP9D")
        );
        assert_eq!(normalize_code("K7QM-3XWP-9"), None);
        assert_eq!(normalize_code("K7QM-3XWP-9O"), None, "no O");
        assert_eq!(format_code("K7QM3XWP9D"), "K7QM-3XWP-9D");
    }

    #[test]
    fn passwords_follow_nist_advice() {
        let refused = |password: &str| check_new_password(password).map(|e| e.message);
        assert_eq!(refused("lange zin met woorden"), None);
        assert_eq!(
            refused("alleen kleine letters"),
            None,
            "no composition rules"
        );
        assert_eq!(refused("ünïcödé en spaties ☂"), None, "any characters");
        let longest = format!("{}{}", "ab".repeat(100), "c".repeat(56));
        assert_eq!(refused(&longest), None, "256 is fine");
        assert!(refused(&"x".repeat(257)).is_some());
        // Too short: since rev. 4, 15 for a password that is the only factor.
        let short = refused("veertien teken").unwrap();
        assert!(short.dutch().contains("minstens 15 tekens"), "{short:?}");
        assert_eq!(refused("vijftien tekens"), None);
        // Easy to guess: said before "too short".
        for guessable in [
            "Wachtwoord1",
            "wachtwoord123",
            "Wachtwoord12345!",
            "passwordpassword",
            "1qaz2wsx3edc4rfv",
            "aaaaaaaaaaaaaaaa",
            "abcabcabcabcabcabc",
            "123456789012345",
            "9876543210987654",
            "abcdefghijklmnop",
            "Verzuimwijzer2026!",
        ] {
            let problem = refused(guessable).unwrap_or_else(|| panic!("{guessable}"));
            assert!(
                problem.dutch().contains("makkelijk te raden"),
                "{guessable}: {problem:?}"
            );
        }
    }

    #[test]
    fn a_password_is_not_made_of_the_persons_own_words() {
        let email = "sanne.devries@regenboog.nl";
        let school = Some("De Regenboog");
        let refused = |password: &str| check_password_for(password, email, school);
        for own in [
            "Sanne.deVries@regenboog.nl",
            "sanne.devries@regenboog.nl",
            "sannedevries2026",
            "regenboog2026!!!",
            "De Regenboog 2026",
        ] {
            let problem = refused(own).unwrap_or_else(|| panic!("{own}"));
            assert!(problem.message.dutch().contains("e-mailadres"), "{own}");
        }
        assert!(refused("sanne fietst naar de regenboog").is_none());
    }

    #[test]
    fn staff_need_a_name_an_address_and_a_role() {
        let fields = |name: &str, email: &str, roles: Vec<StaffRoleKind>| -> Vec<&str> {
            NewStaffMember {
                name: name.into(),
                email: email.into(),
                roles,
                groups: vec![],
            }
            .validate()
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.field)
            .collect()
        };
        let desk = vec![StaffRoleKind::AttendanceDesk];
        assert!(fields("Kim", "kim@example.nl", desk.clone()).is_empty());
        assert_eq!(fields(" ", "kim", vec![]), ["name", "email", "roles"]);
        assert_eq!(
            fields("Kim", "kim@example.nl", [desk.clone(), desk].concat()),
            ["roles"]
        );
    }

    #[test]
    fn an_empty_code_asks_for_the_code_and_a_wrong_one_says_it_does_not_work() {
        let problem = |code: &str| {
            let activation = Activation {
                code: code.into(),
                password: "een lange zin als wachtwoord".into(),
            };
            activation.validate().unwrap_err()[0].message.clone()
        };
        assert!(problem("  ").dutch().starts_with("Vul de code in"));
        assert_eq!(problem("K7QM-3XWP"), code_refused());
    }
}
