//! The app's words in every language: `locales/<language>/<part>.json`,
//! compiled in by leptos_i18n. In a view: `t!(i18n, part.key)` with
//! `let i18n = use_i18n();`; outside one: `t_string!(i18n, part.key)`.
//!
//! The test below fails when a language lacks a key that Dutch has (or has
//! one Dutch lacks), or names other `{{ values }}` than the Dutch does.

// The build.rs route leptos_i18n now prefers would build ICU's data
// generator on every clean build; the macro reads the same files.
#![allow(deprecated)]
leptos_i18n::load_locales!();

pub use i18n::*;
use leptos_i18n::Locale as _;

/// A text from the locale files with its `{name}` places filled in, where
/// a plain string is needed (a title, a label, a status line).
/// (leptos_i18n's own `{{ name }}` works in views only: with
/// `load_locales!` its `t_string!` cannot fill it in.)
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

/// The cookie that keeps the language chosen on this device (leptos_i18n's
/// own name, so a choice made with earlier versions of the app holds).
const CHOSEN_LANGUAGE_COOKIE: &str = "i18n_pref_locale";
/// A choice is kept for a year.
const CHOSEN_LANGUAGE_MAX_AGE_S: u32 = 365 * 24 * 60 * 60;

/// The language chosen on this device before, if any: it comes before the
/// browser's own language.
pub fn chosen_on_this_device() -> Option<Locale> {
    let cookies = html_document()?.cookie().ok()?;
    let value = cookies.split(';').find_map(|pair| {
        pair.trim()
            .strip_prefix(CHOSEN_LANGUAGE_COOKIE)?
            .strip_prefix('=')
    })?;
    shared::Language::parse(value).map(locale_of)
}

/// Remembers a language chosen in the language switch on this device.
pub fn choose_on_this_device(locale: Locale) {
    if let Some(document) = html_document() {
        _ = document.set_cookie(&format!(
            "{CHOSEN_LANGUAGE_COOKIE}={}; path=/; max-age={CHOSEN_LANGUAGE_MAX_AGE_S}; samesite=lax",
            locale.as_str()
        ));
    }
}

fn html_document() -> Option<web_sys::HtmlDocument> {
    use wasm_bindgen::JsCast;
    web_sys::window()?.document()?.dyn_into().ok()
}

/// The app's locale for a language the server knows.
pub fn locale_of(language: shared::Language) -> Locale {
    Locale::get_all()
        .iter()
        .copied()
        .find(|locale| locale.as_str() == language.as_str())
        .unwrap_or_default()
}

/// The language the server knows for one of the app's locales.
pub fn language_of(locale: Locale) -> shared::Language {
    shared::Language::parse(locale.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use leptos_i18n::Locale as _;
    use serde_json::Value;

    /// Plural forms differ per language (Arabic has six, English two):
    /// `days_one` and `days_few` are both the key `days`.
    const PLURAL_FORMS: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

    /// Every key of one file, nested keys joined with dots, with the names
    /// of the `{{ values }}` its texts use.
    fn keys(file: &Path) -> BTreeMap<String, BTreeSet<String>> {
        fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, BTreeSet<String>>) {
            match value {
                Value::Object(map) => {
                    for (key, value) in map {
                        let key = if prefix.is_empty() {
                            key.clone()
                        } else {
                            format!("{prefix}.{key}")
                        };
                        walk(&key, value, out);
                    }
                }
                Value::String(text) => {
                    let key = PLURAL_FORMS
                        .iter()
                        .find_map(|form| prefix.strip_suffix(form))
                        .unwrap_or(prefix);
                    let names = text
                        .split("{{")
                        .skip(1)
                        .filter_map(|rest| rest.split("}}").next())
                        .map(|name| name.trim().to_owned())
                        .filter(|name| name != "count");
                    out.entry(key.to_owned()).or_default().extend(names);
                }
                other => panic!("{prefix} is not text: {other}"),
            }
        }
        let text = std::fs::read_to_string(file).unwrap();
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", file.display()));
        let mut out = BTreeMap::new();
        walk("", &json, &mut out);
        out
    }

    #[test]
    fn places_are_filled_by_name() {
        assert_eq!(
            super::fill("{a} en {b}, {a}", &[("a", &1), ("b", &"twee")]),
            "1 en twee, 1"
        );
    }

    #[test]
    fn every_language_has_every_key_with_the_same_values() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut problems = Vec::new();
        let mut counted = 0;
        for part in std::fs::read_dir(root.join("nl")).unwrap() {
            let part = part.unwrap().file_name();
            let dutch = keys(&root.join("nl").join(&part));
            for locale in super::Locale::get_all() {
                let file = root.join(locale.as_str()).join(&part);
                if !file.exists() {
                    problems.push(format!("{} is missing", file.display()));
                    continue;
                }
                let theirs = keys(&file);
                for (key, names) in &dutch {
                    match theirs.get(key) {
                        None => problems.push(format!("{}: no key {key}", file.display())),
                        Some(their_names) if their_names != names => problems.push(format!(
                            "{}: {key} uses {their_names:?}, Dutch uses {names:?}",
                            file.display()
                        )),
                        Some(_) => counted += 1,
                    }
                }
                for key in theirs.keys().filter(|k| !dutch.contains_key(*k)) {
                    problems.push(format!("{}: {key} is not in Dutch", file.display()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(counted > 0, "no translations found");
    }
}
