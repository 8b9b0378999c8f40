//! Demo data for a first start: two schools, three children, three parents
//! and four staff members (a director among them, who answers leave
//! requests), all with the password `welkom-demo`. Stored only
//! when the database has no school yet (and `VW_SEED_DEMO` is not false), in
//! one transaction.

use std::collections::HashMap;
use std::sync::OnceLock;

use shared::StaffRoleKind;

use crate::auth::hash_password;
use crate::error::Error;
use crate::store::accounts::insert_user;
use crate::store::schools::{
    has_schools, insert_group, insert_guardianship, insert_pupil, insert_school, insert_staff_role,
};
use crate::store::{SchoolKind, Store};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "welkom-demo";

/// (school, kind, its groups or classes)
const SCHOOLS: &[(&str, SchoolKind, &[&str])] = &[
    (
        "Basisschool De Regenboog",
        SchoolKind::Po,
        &["Groep 3", "Groep 6"],
    ),
    ("Het Baken College", SchoolKind::Vo, &["2B"]),
];

/// (first name, last name, school, group)
const PUPILS: &[(&str, &str, &str, &str)] = &[
    ("Noor", "de Vries", "Basisschool De Regenboog", "Groep 3"),
    ("Daan", "de Vries", "Het Baken College", "2B"),
    ("Yara", "El Amrani", "Basisschool De Regenboog", "Groep 6"),
];

/// (name, e-mail, first names of the children they are a guardian of)
const PARENTS: &[(&str, &str, &[&str])] = &[
    ("Sanne de Vries", "sanne@example.nl", &["Noor", "Daan"]),
    ("Mark de Vries", "mark@example.nl", &["Noor"]),
    ("Ahmed El Amrani", "ahmed@example.nl", &["Yara"]),
];

/// (name, e-mail, school, role)
const STAFF: &[(&str, &str, &str, StaffRoleKind)] = &[
    (
        "Els Bakker",
        "els@example.nl",
        "Basisschool De Regenboog",
        StaffRoleKind::Teacher,
    ),
    (
        "Kees Jansen",
        "balie@example.nl",
        "Basisschool De Regenboog",
        StaffRoleKind::AttendanceDesk,
    ),
    (
        "Fatma Yilmaz",
        "fatma@example.nl",
        "Het Baken College",
        StaffRoleKind::CareCoordinator,
    ),
    (
        "Ingrid Smit",
        "directie@example.nl",
        "Basisschool De Regenboog",
        StaffRoleKind::Director,
    ),
];

/// A demo log-in, to print at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoLogin {
    pub email: &'static str,
    pub who: String,
}

/// Stores the demo data if the database has no school yet. Returns the
/// demo log-ins when it did, `None` when there was data already.
pub async fn seed_demo(store: &Store) -> Result<Option<Vec<DemoLogin>>, Error> {
    if store.has_schools().await? {
        return Ok(None);
    }
    let hash = demo_password_hash().await?;
    let mut tx = store.begin().await?;
    // Checked again inside the transaction, in case of a simultaneous start.
    if has_schools(&mut tx).await? {
        return Ok(None);
    }

    let mut schools = HashMap::new();
    let mut groups = HashMap::new();
    for (school, kind, group_names) in SCHOOLS {
        let school_id = insert_school(&mut tx, school, *kind).await?;
        for group in *group_names {
            let group_id = insert_group(&mut tx, &school_id, group).await?;
            groups.insert((*school, *group), group_id);
        }
        schools.insert(*school, school_id);
    }
    let mut pupils = HashMap::new();
    for (first, last, school, group) in PUPILS {
        let pupil_id = insert_pupil(&mut tx, &groups[&(*school, *group)], first, last).await?;
        pupils.insert(*first, pupil_id);
    }

    let mut logins = Vec::new();
    for (name, email, children) in PARENTS {
        let user_id = insert_user(&mut tx, email, name, &hash).await?;
        for child in *children {
            insert_guardianship(&mut tx, &user_id, &pupils[child]).await?;
        }
        logins.push(DemoLogin {
            email,
            who: format!("{name}, ouder van {}", children.join(" en ")),
        });
    }
    for (name, email, school, role) in STAFF {
        let user_id = insert_user(&mut tx, email, name, &hash).await?;
        insert_staff_role(&mut tx, &user_id, &schools[school], *role).await?;
        logins.push(DemoLogin {
            email,
            who: format!("{name}, {} bij {school}", role_label(*role)),
        });
    }
    tx.commit().await?;
    Ok(Some(logins))
}

/// The role in plain Dutch, for the start-up message.
fn role_label(role: StaffRoleKind) -> &'static str {
    match role {
        StaffRoleKind::AttendanceDesk => "verzuimbalie",
        StaffRoleKind::Teacher => "leerkracht",
        StaffRoleKind::CareCoordinator => "zorgcoördinator",
        StaffRoleKind::Director => "directeur",
        StaffRoleKind::SchoolAdmin => "beheerder",
    }
}

/// Prints the demo log-ins for the person starting the server.
pub fn print_logins(logins: &[DemoLogin]) {
    println!("Demo data stored. Log in with password `{DEMO_PASSWORD}` as:");
    for login in logins {
        println!("  {:<20} {}", login.email, login.who);
    }
}

/// One argon2 hash of the demo password, shared by all demo accounts and
/// made once per process (hashing is slow on purpose; tests seed often).
async fn demo_password_hash() -> Result<String, Error> {
    static HASH: OnceLock<String> = OnceLock::new();
    if let Some(hash) = HASH.get() {
        return Ok(hash.clone());
    }
    let hash = hash_password(DEMO_PASSWORD.into()).await?;
    Ok(HASH.get_or_init(|| hash).clone())
}
