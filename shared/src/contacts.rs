//! Whom a parent can turn to: the school's contacts per role (from the
//! school's settings), and the independent bodies outside the school.

use serde::{Deserialize, Serialize};

use crate::protocol::Role;

/// One person or desk at (or working with) the school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolContact {
    pub role: Role,
    pub name: String,
    /// As the school writes it, e.g. "020 555 0101".
    pub phone: Option<String>,
    pub email: Option<String>,
    /// When they can be reached, e.g. "Schooldagen van 8.00 tot 8.30 uur".
    pub hours: Option<String>,
}

impl SchoolContact {
    /// The phone number for a `tel:` link: digits and a leading `+` only
    /// (and without the "(0)" of "+31 (0)20").
    pub fn phone_link(&self) -> Option<String> {
        let phone = self.phone.as_deref()?.replace("(0)", "");
        let digits: String = phone
            .chars()
            .enumerate()
            .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
            .map(|(_, c)| c)
            .collect();
        (!digits.is_empty()).then(|| format!("tel:{digits}"))
    }
}

/// `GET /api/children/{id}/contacts`: the contacts of one child's school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildContacts {
    pub school_name: String,
    /// In the order the school set them.
    pub contacts: Vec<SchoolContact>,
}

/// When a parent turns to someone in this role, in plain Dutch.
pub fn when_to_contact(role: Role) -> &'static str {
    match role {
        Role::Teacher => "Voor vragen over de melding en hoe het in de klas gaat.",
        Role::Mentor => "Voor vragen over de melding en hoe het op school gaat.",
        Role::AttendanceDesk => "Om uw kind ziek of afwezig te melden, of als u iets wilt veranderen.",
        Role::InternBegeleider | Role::CareCoordinator => {
            "Als u zich zorgen maakt over uw kind, of als uw kind vaak ziek is."
        }
        Role::Director => "Voor verlof tot 10 schooldagen, en als u er met de school niet uitkomt.",
        Role::SchoolDoctor => {
            "Als uw kind vaak ziek is en u wilt weten wat kan helpen. Wat u vertelt, blijft geheim."
        }
        Role::AttendanceOfficer => {
            "Voor verlof van meer dan 10 schooldagen, of als u hulp zoekt omdat uw kind niet naar school gaat."
        }
    }
}

/// A free, independent organisation outside the school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndependentBody {
    pub name: &'static str,
    /// When to turn to them.
    pub when: &'static str,
    pub phone: Option<&'static str>,
    pub website: &'static str,
}

/// The bodies every parent can turn to, in the order a parent would need them.
pub const INDEPENDENT_BODIES: &[IndependentBody] = &[
    IndependentBody {
        name: "Ouders & Onderwijs",
        when: "Voor gratis advies over school, verzuim en verlof. Zij staan naast u, niet naast de school.",
        phone: Some("0800 5010"),
        website: "https://www.oudersenonderwijs.nl",
    },
    IndependentBody {
        name: "Onderwijsconsulenten",
        when: "Als uw kind langer dan 4 weken niet naar school gaat omdat er geen passende plek is. Gratis.",
        phone: None,
        website: "https://www.onderwijsconsulenten.nl",
    },
    IndependentBody {
        name: "Inspectie van het Onderwijs",
        when: "Als u zorgen heeft over hoe een school werkt. De inspectie lost geen ruzie op, maar kijkt of de school het goed doet.",
        phone: None,
        website: "https://www.onderwijsinspectie.nl",
    },
    IndependentBody {
        name: "De Kinderombudsman",
        when: "Als u een klacht heeft en die bij de school niet is opgelost.",
        phone: None,
        website: "https://www.kinderombudsman.nl",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(phone: Option<&str>) -> SchoolContact {
        SchoolContact {
            role: Role::AttendanceDesk,
            name: "Verzuimbalie".into(),
            phone: phone.map(str::to_owned),
            email: None,
            hours: None,
        }
    }

    #[test]
    fn a_phone_number_becomes_a_tap_to_call_link() {
        assert_eq!(
            contact(Some("020 555 0101")).phone_link().as_deref(),
            Some("tel:0205550101")
        );
        assert_eq!(
            contact(Some("+31 (0)20-555")).phone_link().as_deref(),
            Some("tel:+3120555")
        );
        assert_eq!(contact(Some("bel de school")).phone_link(), None);
        assert_eq!(contact(None).phone_link(), None);
    }

    #[test]
    fn every_role_says_when_to_turn_to_it() {
        for role in Role::ALL {
            assert!(when_to_contact(role).ends_with('.'), "{role:?}");
        }
    }
}
