//! Reports and absences per period as a CSV file for the school's pupil
//! administration: one line per absence, in the categories the protocol
//! counts (ill, appointment, leave, other, unauthorised, late).
//!
//! Written for Dutch spreadsheets: `;` between cells, a UTF-8 byte-order
//! mark so Excel reads the accents, and cells that a spreadsheet would run
//! as a formula (starting with `=`, `+`, `-` or `@`) made plain text.

use chrono::NaiveDate;
use shared::protocol::{AbsenceCategory, AbsenceRecord, Period};

/// One pupil with their absences in the period.
pub struct PupilAbsences<'a> {
    pub pupil_number: Option<&'a str>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub group: &'a str,
    pub records: Vec<&'a AbsenceRecord>,
}

const HEADER: [&str; 9] = [
    "leerlingnummer",
    "voornaam",
    "achternaam",
    "groep",
    "soort",
    "eerste_dag",
    "laatste_dag",
    "van",
    "tot",
];

/// The file: a header, then a line per absence, pupils in the given order.
pub fn absences_csv(pupils: &[PupilAbsences<'_>]) -> String {
    let mut out = String::from("\u{feff}");
    push_line(&mut out, HEADER.iter().map(|h| h.to_string()));
    for pupil in pupils {
        for record in &pupil.records {
            let time = |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string());
            push_line(
                &mut out,
                [
                    pupil.pupil_number.unwrap_or_default().to_owned(),
                    pupil.first_name.to_owned(),
                    pupil.last_name.to_owned(),
                    pupil.group.to_owned(),
                    category_name(record.category).to_owned(),
                    record.first_day.to_string(),
                    record.last_day.map(|d| d.to_string()).unwrap_or_default(),
                    time(record.start_time).unwrap_or_default(),
                    time(record.end_time).unwrap_or_default(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

/// Whether `record` has a day in `period` (an open-ended one runs on).
pub fn overlaps(record: &AbsenceRecord, period: Period) -> bool {
    let last: NaiveDate = record.last_day.unwrap_or(NaiveDate::MAX);
    record.first_day <= period.to && last >= period.from
}

/// Dutch, as the pupil administration reads it.
fn category_name(category: AbsenceCategory) -> &'static str {
    match category {
        AbsenceCategory::Ill => "ziek",
        AbsenceCategory::Appointment => "afspraak",
        AbsenceCategory::Leave => "verlof",
        AbsenceCategory::Other => "anders",
        AbsenceCategory::Unauthorised => "ongeoorloofd",
        AbsenceCategory::Late => "te laat",
    }
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}

/// A cell, quoted when it holds `;`, `"` or a line break, and never a
/// formula.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("Noor"), "Noor");
        assert_eq!(cell("de Vries; Jansen"), "\"de Vries; Jansen\"");
        assert_eq!(cell("zeg \"hoi\""), "\"zeg \"\"hoi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-1"), "'-1");
    }

    #[test]
    fn a_line_per_absence_with_a_header() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let ill = AbsenceRecord {
            category: AbsenceCategory::Ill,
            first_day: day("2026-11-23"),
            last_day: None,
            start_time: None,
            end_time: None,
        };
        let file = absences_csv(&[PupilAbsences {
            pupil_number: Some("1001"),
            first_name: "Daan",
            last_name: "de Vries",
            group: "2B",
            records: vec![&ill],
        }]);
        let lines: Vec<&str> = file.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], HEADER.join(";"));
        assert_eq!(lines[1], "1001;Daan;de Vries;2B;ziek;2026-11-23;;;");
        let period = |from: &str, to: &str| Period {
            from: day(from),
            to: day(to),
        };
        assert!(overlaps(&ill, period("2026-12-01", "2026-12-31")));
        assert!(!overlaps(&ill, period("2026-11-01", "2026-11-22")));
    }
}
