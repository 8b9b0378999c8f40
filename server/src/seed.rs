//! Demo data for a first start: two schools, four children, four parents
//! and six staff members (a director among them, who answers leave
//! requests, and a school admin, who imports pupils, manages staff and
//! reads the audit log), all with the password `welkom-demo`, an invitation
//! to a conversation and a few absences the school marked. Stored only when
//! the database has no school yet (and `VW_SEED_DEMO` is not false), in one
//! transaction (the invitation and the marked absences right after it).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveTime, Utc};
use shared::protocol::Role;
use shared::{
    AbsenceDetails, AbsenceKind, ConversationTopic, ConversationWith, MeetingMode, NewAbsenceMark,
    NewAbsenceReport, NewInvitation, SchoolContact, StaffRoleKind, TimeSlot,
};

use crate::auth::hash_password;
use crate::clock::school_date;
use crate::error::Error;
use crate::store::accounts::insert_user;
use crate::store::reports::{acknowledge_report, insert_reports};
use crate::store::schools::{
    has_schools, insert_contact, insert_group, insert_guardianship, insert_pupil, insert_school,
    insert_staff_role, standard_calendar,
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
    ("Sem", "Bakker", "Basisschool De Regenboog", "Groep 6"),
];

/// (name, e-mail, first names of the children they are a guardian of)
const PARENTS: &[(&str, &str, &[&str])] = &[
    ("Sanne de Vries", "sanne@example.nl", &["Noor", "Daan"]),
    ("Mark de Vries", "mark@example.nl", &["Noor"]),
    ("Ahmed El Amrani", "ahmed@example.nl", &["Yara"]),
    ("Lotte Bakker", "lotte@example.nl", &["Sem"]),
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
        "Ruben Visser",
        "mentor@example.nl",
        "Het Baken College",
        StaffRoleKind::Teacher,
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
    (
        "Mila Koster",
        "admin@example.nl",
        "Het Baken College",
        StaffRoleKind::SchoolAdmin,
    ),
];

/// (school, role, name, phone, e-mail, hours): whom parents contact.
type Contact = (
    &'static str,
    Role,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
const CONTACTS: &[Contact] = &[
    (
        "Basisschool De Regenboog",
        Role::AttendanceDesk,
        "Kees Jansen",
        "020 555 0100",
        "balie@example.nl",
        "Schooldagen van 7.45 tot 8.30 uur",
    ),
    (
        "Basisschool De Regenboog",
        Role::Teacher,
        "Els Bakker (groep 3)",
        "020 555 0103",
        "els@example.nl",
        "Na schooltijd, tot 16.00 uur",
    ),
    (
        "Basisschool De Regenboog",
        Role::InternBegeleider,
        "Mirjam de Boer",
        "020 555 0104",
        "ib@example.nl",
        "Maandag, dinsdag en donderdag",
    ),
    (
        "Basisschool De Regenboog",
        Role::Director,
        "Ingrid Smit",
        "020 555 0105",
        "directie@example.nl",
        "Schooldagen van 8.00 tot 16.00 uur",
    ),
    (
        "Basisschool De Regenboog",
        Role::SchoolDoctor,
        "Jeugdarts GGD, dokter Visser",
        "020 555 0190",
        "jeugdarts@example.nl",
        "Werkdagen van 9.00 tot 12.00 uur",
    ),
    (
        "Basisschool De Regenboog",
        Role::AttendanceOfficer,
        "Leerplicht gemeente, Jan Pos",
        "020 555 0199",
        "leerplicht@example.nl",
        "Werkdagen van 9.00 tot 17.00 uur",
    ),
    (
        "Het Baken College",
        Role::AttendanceDesk,
        "Verzuimbalie",
        "030 555 0200",
        "verzuim@example.nl",
        "Schooldagen van 7.30 tot 16.00 uur",
    ),
    (
        "Het Baken College",
        Role::Mentor,
        "Ruben Visser (mentor 2B)",
        "030 555 0202",
        "mentor@example.nl",
        "Schooldagen na het 6e uur",
    ),
    (
        "Het Baken College",
        Role::CareCoordinator,
        "Fatma Yilmaz",
        "030 555 0203",
        "fatma@example.nl",
        "Maandag tot en met donderdag",
    ),
    (
        "Het Baken College",
        Role::Director,
        "Rob Kuipers",
        "030 555 0205",
        "rector@example.nl",
        "Via de verzuimbalie",
    ),
    (
        "Het Baken College",
        Role::SchoolDoctor,
        "Jeugdarts GGD, dokter Öztürk",
        "030 555 0290",
        "ggd@example.nl",
        "Werkdagen van 9.00 tot 12.00 uur",
    ),
    (
        "Het Baken College",
        Role::AttendanceOfficer,
        "Leerplicht gemeente, Sara Bos",
        "030 555 0299",
        "leerplicht.baken@example.nl",
        "Werkdagen van 9.00 tot 17.00 uur",
    ),
];

/// (child, parent's e-mail, school days ago, staff who saw it): one-day sick
/// reports the demo starts with, so that the protocol has something to show.
/// Yara has had three in the last 12 school weeks: one more brings a
/// conversation. The school saw them long ago.
const EARLIER_SICK_DAYS: &[(&str, &str, u32, &str)] = &[
    ("Yara", "ahmed@example.nl", 5, "balie@example.nl"),
    ("Yara", "ahmed@example.nl", 20, "balie@example.nl"),
    ("Yara", "ahmed@example.nl", 35, "balie@example.nl"),
];

/// (child, school days ago, staff who marked it): whole days the school
/// marked a child absent without a report, and later judged unauthorised
/// (no answer came). Sem's three make 18 unauthorised hours within 4
/// lesson weeks: the school must report him to DUO, so the desk has a
/// signal with a deadline to show.
const EARLIER_UNEXPLAINED_DAYS: &[(&str, u32, &str)] = &[
    ("Sem", 4, "balie@example.nl"),
    ("Sem", 3, "balie@example.nl"),
    ("Sem", 2, "balie@example.nl"),
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
    // Exclusive, and checked again inside: servers that start at the same
    // moment seed one after the other, so only the first one seeds.
    let mut tx = store.begin_exclusive().await?;
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

    for (position, (school, role, name, phone, email, hours)) in CONTACTS.iter().enumerate() {
        let contact = SchoolContact {
            role: *role,
            name: (*name).into(),
            phone: Some((*phone).into()),
            email: Some((*email).into()),
            hours: Some((*hours).into()),
        };
        let position = i32::try_from(position).unwrap_or(i32::MAX);
        insert_contact(&mut tx, &schools[school], position, &contact).await?;
    }

    let mut logins = Vec::new();
    let mut users = HashMap::new();
    for (name, email, children) in PARENTS {
        let user_id = insert_user(&mut tx, email, name, &hash).await?;
        users.insert(*email, user_id.clone());
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
        users.insert(*email, user_id.clone());
        insert_staff_role(&mut tx, &user_id, &schools[school], *role).await?;
        logins.push(DemoLogin {
            email,
            who: format!("{name}, {} bij {school}", role_label(*role)),
        });
    }
    let now = Utc::now();
    for (child, parent, days_ago, seen_by) in EARLIER_SICK_DAYS {
        let day = school_days_before(school_date(now), *days_ago);
        let report = NewAbsenceReport {
            pupil_ids: vec![pupils[child].clone()],
            details: AbsenceDetails {
                kind: AbsenceKind::Ill,
                first_day: day,
                last_day: Some(day),
                start_time: None,
                end_time: None,
                note: None,
            },
            idempotency_key: format!("demo-history-{days_ago}-0000000000"),
        };
        // Reported on the morning of that day.
        let reported_at = day.and_hms_opt(7, 15, 0).map_or(now, |t| t.and_utc());
        for id in insert_reports(&mut tx, &users[parent], &report, reported_at).await? {
            let seen_at = reported_at + chrono::Duration::minutes(40);
            acknowledge_report(&mut tx, &id, &users[seen_by], seen_at).await?;
        }
    }
    tx.commit().await?;

    // Yara's teacher invites her father to talk, after school.
    let (first, second) = (
        school_days_after(school_date(now), 2),
        school_days_after(school_date(now), 3),
    );
    let after_school = |day| TimeSlot {
        day,
        start_time: NaiveTime::from_hms_opt(15, 0, 0).unwrap_or_default(),
        end_time: NaiveTime::from_hms_opt(15, 20, 0).unwrap_or_default(),
    };
    let invitation = NewInvitation {
        pupil_id: pupils["Yara"].clone(),
        with: ConversationWith::Mentor,
        topic: ConversationTopic::Wellbeing,
        child_joins: true,
        mode: MeetingMode::AtSchool,
        times: vec![after_school(first), after_school(second)],
        message:
            "Yara was een paar keer ziek. Ik hoor graag van jullie hoe het gaat. Yara is welkom."
                .into(),
        idempotency_key: "demo-invitation-yara-0000".into(),
    };
    store
        .save_invitation(&users["els@example.nl"], &invitation, now)
        .await?;

    for (child, days_ago, marked_by) in EARLIER_UNEXPLAINED_DAYS {
        let day = school_days_before(school_date(now), *days_ago);
        let mark = NewAbsenceMark {
            pupil_id: pupils[child].clone(),
            day,
            start_time: None,
            end_time: None,
            idempotency_key: format!("demo-unexplained-{child}-{days_ago}-0000"),
        };
        let school = &schools["Basisschool De Regenboog"];
        // Marked that morning, judged a week later.
        let marked_at = day.and_hms_opt(9, 0, 0).map_or(now, |t| t.and_utc());
        let (id, _) = store
            .mark_absent(school, &users[marked_by], &mark, marked_at)
            .await?;
        if let Some(absence) = store.unexplained_absence(&id).await? {
            let judged_at = (marked_at + chrono::Duration::days(7)).min(now);
            store
                .judge_absence(&absence, &users[marked_by], false, judged_at)
                .await?;
        }
    }
    Ok(Some(logins))
}

/// The school day `count` school days before `today` (standard calendar).
fn school_days_before(today: NaiveDate, count: u32) -> NaiveDate {
    let calendar = standard_calendar(today);
    std::iter::successors(today.pred_opt(), NaiveDate::pred_opt)
        .filter(|day| calendar.is_school_day(*day))
        .nth(count.saturating_sub(1) as usize)
        .unwrap_or(today)
}

/// The school day `count` school days after `today` (standard calendar).
fn school_days_after(today: NaiveDate, count: u32) -> NaiveDate {
    let calendar = standard_calendar(today);
    std::iter::successors(today.succ_opt(), NaiveDate::succ_opt)
        .filter(|day| calendar.is_school_day(*day))
        .nth(count.saturating_sub(1) as usize)
        .unwrap_or(today)
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
