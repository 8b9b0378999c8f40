//! The languages a parent can read their mail in.
//!
//! The app itself speaks Dutch; mails about a conversation with the school
//! go out in the language the parent chose, so that a parent who reads
//! Dutch with difficulty still knows what happened and what to do.

use serde::{Deserialize, Serialize};

/// A language for mail. Dutch unless the parent chose another.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Nl,
    En,
    Ar,
    Tr,
    Pl,
    Uk,
}

impl Language {
    pub const ALL: [Language; 6] = [Self::Nl, Self::En, Self::Ar, Self::Tr, Self::Pl, Self::Uk];

    /// The name stored in the database and sent over the wire: the ISO
    /// 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
            Self::Ar => "ar",
            Self::Tr => "tr",
            Self::Pl => "pl",
            Self::Uk => "uk",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Written from right to left.
    pub fn is_rtl(self) -> bool {
        self == Self::Ar
    }

    /// The language's name in itself, as a choice list shows it: a reader
    /// finds their own language without reading Dutch.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Nl => "Nederlands",
            Self::En => "English",
            Self::Ar => "العربية",
            Self::Tr => "Türkçe",
            Self::Pl => "Polski",
            Self::Uk => "Українська",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_both_ways_and_match_the_wire() {
        for language in Language::ALL {
            assert_eq!(Language::parse(language.as_str()), Some(language));
            let json = serde_json::to_string(&language).unwrap();
            assert_eq!(json, format!("\"{}\"", language.as_str()));
            assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), language);
            assert!(!language.native_name().is_empty());
        }
        assert_eq!(Language::parse("NL"), None);
        assert_eq!(Language::parse("de"), None);
    }

    #[test]
    fn dutch_is_the_default_and_only_arabic_is_right_to_left() {
        assert_eq!(Language::default(), Language::Nl);
        let rtl: Vec<_> = Language::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Language::Ar]);
        assert_eq!(Language::Uk.native_name(), "Українська");
    }
}
