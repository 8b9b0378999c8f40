//! Small helpers for writing numbers and lists in plain Dutch.

use chrono::{NaiveTime, Timelike};

/// A number with at most one decimal, Dutch style: `6`, `2,5`, `0,3`.
pub(super) fn number(x: f32) -> String {
    let tenths = (x * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0).replace('.', ",")
    }
}

/// `x` rounded to one decimal, the way [`number`] shows it.
pub(super) fn round_tenth(x: f32) -> f32 {
    (x * 10.0).round() / 10.0
}

/// `x` rounded up to one decimal: what is still to go is never shown smaller
/// than it is (a little slack absorbs float noise such as 3.0000002).
pub(super) fn ceil_tenth(x: f32) -> f32 {
    ((x * 10.0) - 1e-3).ceil().max(0.0) / 10.0
}

/// A count with its noun: `1 dag`, `0,5 dag`, `2 dagen`.
pub(super) fn count_of(x: f32, one: &str, many: &str) -> String {
    let noun = if round_tenth(x) <= 1.0 { one } else { many };
    format!("{} {noun}", number(x))
}

/// `a`, `a en b`, `a, b en c`.
pub(super) fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// A time as parents write it: `8.30 uur`.
pub(super) fn clock(t: NaiveTime) -> String {
    format!("{}.{:02} uur", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_dutch_way() {
        let cases = [
            (6.0, "6"),
            (2.5, "2,5"),
            (1.0 / 3.0, "0,3"),
            (0.96, "1"),
            (0.0, "0"),
        ];
        for (x, shown) in cases {
            assert_eq!(number(x), shown, "{x}");
        }
        assert_eq!(count_of(1.0, "dag", "dagen"), "1 dag");
        assert_eq!(count_of(0.5, "dag", "dagen"), "0,5 dag");
        assert_eq!(count_of(1.5, "dag", "dagen"), "1,5 dagen");
        assert_eq!(ceil_tenth(3.0000002), 3.0);
        assert_eq!(ceil_tenth(3.01), 3.1);
        assert_eq!(ceil_tenth(-1.0), 0.0);
    }

    #[test]
    fn lists_and_clock_times() {
        let parts = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&parts(&[])), "");
        assert_eq!(and_list(&parts(&["a"])), "a");
        assert_eq!(and_list(&parts(&["a", "b"])), "a en b");
        assert_eq!(and_list(&parts(&["a", "b", "c"])), "a, b en c");
        assert_eq!(clock(NaiveTime::from_hms_opt(8, 5, 0).unwrap()), "8.05 uur");
    }
}
