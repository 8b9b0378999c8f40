//! Times of day on the wire as `"HH:MM"`, as everywhere in the API (also
//! reads `"HH:MM:SS"`). Use with `#[serde(with = "crate::hhmm")]`, or
//! `crate::hhmm::option` for an `Option<NaiveTime>`.

use chrono::NaiveTime;
use serde::{de::Error, Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.format("%H:%M").to_string())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    parse(&String::deserialize(d)?).map_err(D::Error::custom)
}

fn parse(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| format!("'{s}' is not a time of day (HH:MM)"))
}

/// The same for optional times; `null`, a missing field and `""` are `None`.
pub mod option {
    use chrono::NaiveTime;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)?.as_deref() {
            None | Some("") => Ok(None),
            Some(s) => super::parse(s).map(Some).map_err(D::Error::custom),
        }
    }
}
