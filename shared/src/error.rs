//! The one error body every API failure is answered with.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// What kind of failure: stable, for code to act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A field is missing or wrong; `field` names it. HTTP 422.
    InvalidInput,
    /// The body is not the JSON we expect. HTTP 400.
    BadRequest,
    /// Not logged in, or the session has ended. HTTP 401.
    Unauthenticated,
    /// The e-mail and password do not match an account. HTTP 401.
    WrongCredentials,
    /// Logged in, but this is not yours to see or change. HTTP 403.
    Forbidden,
    /// A change sent from another site's page, not from the app itself
    /// (cross-site request forgery). HTTP 403.
    CrossSite,
    /// Nothing at this address. HTTP 404.
    NotFound,
    /// Clashes with what is already stored. HTTP 409.
    Conflict,
    /// Too many failed log-ins (or activation codes) for now; the message
    /// says in how many minutes to try again, as does `Retry-After`. HTTP 429.
    TooManyAttempts,
    /// Our fault; the details are in the server log. HTTP 500.
    Internal,
    /// Too busy for a moment (a peak: every database connection is in
    /// use); try again in a few seconds, as `Retry-After` says. HTTP 503.
    Busy,
}

/// The JSON body of every 4xx and 5xx answer.
///
/// `message` is ready to show to a parent, in the language the request
/// asked for (`Accept-Language`; Dutch otherwise); `field` names the input
/// it is about (as in the request body, e.g. `first_day`), if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
        }
    }
}

/// One problem with one input field, found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request body.
    pub field: &'static str,
    /// What is wrong and what to do, in every language.
    pub message: Words,
}

impl FieldError {
    pub fn new(field: &'static str, message: Words) -> Self {
        Self { field, message }
    }

    /// The message in `language`.
    pub fn text(&self, language: Language) -> &str {
        self.message.get(language)
    }

    /// The error body for this problem, in `language`.
    pub fn to_api(&self, language: Language) -> ApiError {
        ApiError {
            code: ErrorCode::InvalidInput,
            message: self.text(language).to_owned(),
            field: Some(self.field.to_owned()),
        }
    }
}

/// A message in each of the six languages, in the order of
/// [`Language::ALL`]. Make one with [`words!`](crate::words): a check keeps
/// its message, in every language, right beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words(Box<[Cow<'static, str>; 6]>);

impl Words {
    /// Use [`words!`](crate::words), which checks that no text is empty.
    #[doc(hidden)]
    pub fn from_texts(texts: [Cow<'static, str>; 6]) -> Self {
        // Boxed: errors carry a message, and should stay small.
        Self(Box::new(texts))
    }

    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        let index = Language::ALL
            .iter()
            .position(|l| *l == language)
            .unwrap_or(0);
        &self.0[index]
    }

    /// The Dutch text: what the API answers without a language.
    pub fn dutch(&self) -> &str {
        self.get(Language::Nl)
    }
}

/// A [`Words`] from six format strings, each named by its language, in
/// this order: `nl: "Kies {n} dagen.", en: "Choose {n} days.", ar: …, tr:
/// …, pl: …, uk: …`. A text may name values in scope, as in `format!`. An
/// empty text does not compile; a test checks that the six name the same
/// values.
#[macro_export]
macro_rules! words {
    (nl: $nl:literal, en: $en:literal, ar: $ar:literal, tr: $tr:literal,
     pl: $pl:literal, uk: $uk:literal $(,)?) => {{
        const _: () = assert!(
            !$nl.is_empty() && !$en.is_empty() && !$ar.is_empty()
                && !$tr.is_empty() && !$pl.is_empty() && !$uk.is_empty(),
            "every language needs a text"
        );
        $crate::error::Words::from_texts([
            $crate::words!(@one $nl),
            $crate::words!(@one $en),
            $crate::words!(@one $ar),
            $crate::words!(@one $tr),
            $crate::words!(@one $pl),
            $crate::words!(@one $uk),
        ])
    }};
    // A text without values is not copied. The `let` ends the life of
    // `format_args!`'s value (not `Send`) before any `.await` after it.
    (@one $text:literal) => {{
        let text: ::std::borrow::Cow<'static, str> = match ::std::format_args!($text).as_str() {
            ::std::option::Option::Some(fixed) => ::std::borrow::Cow::Borrowed(fixed),
            ::std::option::Option::None => ::std::borrow::Cow::Owned(::std::format!($text)),
        };
        text
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    const LANGUAGES: [&str; 6] = ["nl", "en", "ar", "tr", "pl", "uk"];

    /// The six texts of each `words!` in the Rust files under `dir`, with
    /// where they are.
    fn all_words(dir: &Path, found: &mut Vec<(String, Vec<String>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                all_words(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for (at, _) in source.match_indices("words!(") {
                    let mut rest = &source[at + "words!(".len()..];
                    if !rest.trim_start().starts_with("nl:") {
                        continue; // Not a use: the macro itself, or this test.
                    }
                    let mut texts = Vec::new();
                    for language in LANGUAGES {
                        let start = rest
                            .find(&format!("{language}: \""))
                            .unwrap_or_else(|| panic!("{}: {language} in words!", path.display()));
                        rest = &rest[start + language.len() + 3..];
                        let end = rest
                            .char_indices()
                            .find(|&(i, c)| c == '"' && !rest[..i].ends_with('\\'))
                            .map(|(i, _)| i)
                            .unwrap();
                        texts.push(rest[..end].to_owned());
                        rest = &rest[end..];
                    }
                    found.push((format!("{}: {}", path.display(), texts[0]), texts));
                }
            }
        }
    }

    /// The `{values}` a format string names.
    fn values(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_names_the_same_values_and_is_translated() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut found = Vec::new();
        for dir in ["shared/src", "server/src", "src"] {
            all_words(&root.join(dir), &mut found);
        }
        assert!(found.len() > 100, "only {} messages found", found.len());
        eprintln!("{} messages, each in six languages", found.len());
        for (place, texts) in &found {
            let dutch = &texts[0];
            for (language, text) in LANGUAGES.iter().zip(texts).skip(1) {
                assert_eq!(values(text), values(dutch), "{language} of {place}");
                assert_ne!(text, dutch, "{language} of {place}");
            }
        }
    }

    #[test]
    fn words_give_each_language_its_own_text() {
        let days = 3;
        let words = crate::words!(
            nl: "Kies {days} dagen.",
            en: "Choose {days} days.",
            ar: "اختر {days} أيام.",
            tr: "{days} gün seçin.",
            pl: "Proszę wybrać {days} dni.",
            uk: "Виберіть {days} дні.",
        );
        assert_eq!(words.dutch(), "Kies 3 dagen.");
        assert_eq!(words.get(Language::En), "Choose 3 days.");
        assert_eq!(words.get(Language::Ar), "اختر 3 أيام.");
        assert_eq!(words.get(Language::Uk), "Виберіть 3 дні.");
        let error = FieldError::new("days", words);
        let body = error.to_api(Language::Tr);
        assert_eq!(body.message, "3 gün seçin.");
        assert_eq!(body.field.as_deref(), Some("days"));
        assert_eq!(body.code, ErrorCode::InvalidInput);
    }
}
