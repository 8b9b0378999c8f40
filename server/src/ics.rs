//! An agreed conversation as an iCalendar file (RFC 5545), for the
//! parent's or the staff member's own calendar. Times are written in UTC,
//! so no time-zone table is needed.

use chrono::{DateTime, Utc};
use shared::{Conversation, MeetingMode, TimeSlot};

use crate::clock::instant_of_school_time;

/// The calendar file for `conversation` at `slot`, made at `now`.
pub fn conversation_event(
    conversation: &Conversation,
    slot: &TimeSlot,
    now: DateTime<Utc>,
) -> String {
    let with = conversation.with_label().to_lowercase();
    let child = &conversation.pupil_first_name;
    let location = match conversation.mode {
        MeetingMode::AtSchool => conversation.school_name.clone(),
        MeetingMode::Phone => "Telefonisch".to_owned(),
        MeetingMode::Video => "Videogesprek".to_owned(),
    };
    let description = format!(
        "Gesprek met {with} van {} over {child}. Afgesproken in Verzuimwijzer.",
        conversation.school_name
    );
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Verzuimwijzer//Gesprekken//NL".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@verzuimwijzer", conversation.id),
        format!("DTSTAMP:{}", utc(now)),
        format!("DTSTART:{}", utc(instant_of_school_time(slot.starts()))),
        format!("DTEND:{}", utc(instant_of_school_time(slot.ends()))),
        format!(
            "SUMMARY:{}",
            escape(&format!("Gesprek over {child} met {with}"))
        ),
        format!("LOCATION:{}", escape(&location)),
        format!("DESCRIPTION:{}", escape(&description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|line| fold(line)).collect()
}

/// `20261201T090000Z`.
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A text value with the characters RFC 5545 reserves escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// One content line ending in CRLF, folded so that no line is longer than
/// 75 bytes (never inside a UTF-8 character).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_bytes_and_never_inside_a_character() {
        let line = format!("DESCRIPTION:{}", "é".repeat(60));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for part in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(part.len() <= 75, "{part}");
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
