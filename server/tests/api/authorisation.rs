//! The authorisation matrix: every endpoint of the API, called by everyone
//! who might call it, with the answer each must get. One table
//! ([`matrix`]): a line per endpoint, a column per caller. The test is
//! generated from it, and docs/API.md ("Who may do what") shows the same
//! table (checked by [`the_docs_show_the_matrix`]).
//!
//! The child is Noor, in Groep 3 at Basisschool De Regenboog, a school
//! where teachers see only their own groups. The callers ([`Caller`]): no
//! one logged in; Ahmed, a parent of another child at her school; Sanne,
//! her mother; a colleague of Het Baken College with every role there; and
//! at De Regenboog the attendance desk, Els (who teaches Groep 3), the
//! teacher of Groep 6, the care coordinator, the director and the school
//! admin.
//!
//! Every cell stands alone: a row that acts on a record (a report, a leave
//! request, a conversation in the state the row needs, ...) gets a fresh
//! one for every cell, made through the store, and a row that ends sessions
//! a fresh session for every caller. A refused cell must change nothing (no row comes or goes in
//! any table, the record and the school's settings read as before), and
//! answers the JSON error shape without naming Noor. All wrong cells are
//! reported at once.

use std::collections::{BTreeSet, HashMap};
use std::io::Write as _;
use std::time::Instant;

use chrono::{Days, Duration, NaiveTime, Utc};
use reqwest::{header, Client, Method};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use server::auth::{new_activation_code, token_hash, NO_PASSWORD};
use server::store::accounts::insert_user;
use server::store::schools::insert_staff_role;
use server::store::scope::set_staff_groups;
use shared::{
    ApiError, NewAbsenceMark, NewAbsenceReport, NewConversation, NewInvitation, NewLeaveRequest,
    SettingsChange, StaffRoleKind,
};
use sqlx::Row as _;

use crate::helpers::{new_key, sick_today, today, wedding_leave, Db, TestApp, PASSWORD};

on_both_backends!(every_caller_gets_what_the_matrix_says);

/// What a cell expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// This status.
    Status(u16),
    /// `200`, with Noor (or the row's record) in the answer.
    Sees,
    /// `200`, without Noor (or the row's record): the caller's own list.
    Blind,
}

const OK: Expect = Expect::Status(200);
const CREATED: Expect = Expect::Status(201);
/// `204 No Content`.
const DONE: Expect = Expect::Status(204);
/// `401`: log in first.
const ANON: Expect = Expect::Status(401);
/// `403`: a guardian, or staff of the school, whose part this is not.
const DENIED: Expect = Expect::Status(403);
/// `404`: no link to the child or the school; we do not say it exists.
const HIDDEN: Expect = Expect::Status(404);
/// `422`: may do this, but not for Noor (not in their group, school).
const INVALID: Expect = Expect::Status(422);
const SEES: Expect = Expect::Sees;
const BLIND: Expect = Expect::Blind;

impl Expect {
    fn status(self) -> u16 {
        match self {
            Expect::Status(status) => status,
            Expect::Sees | Expect::Blind => 200,
        }
    }

    fn refused(self) -> bool {
        self.status() >= 400
    }

    /// As docs/API.md writes it.
    fn in_docs(self) -> String {
        match self {
            Expect::Blind => "200°".to_owned(),
            other => other.status().to_string(),
        }
    }
}

/// The columns of the matrix, in order.
#[derive(Clone, Copy, Debug)]
enum Caller {
    NoSession,
    OtherParent,
    Parent,
    OtherSchool,
    Desk,
    Teacher,
    OtherTeacher,
    Care,
    Director,
    Admin,
}

const CALLERS: [Caller; 10] = [
    Caller::NoSession,
    Caller::OtherParent,
    Caller::Parent,
    Caller::OtherSchool,
    Caller::Desk,
    Caller::Teacher,
    Caller::OtherTeacher,
    Caller::Care,
    Caller::Director,
    Caller::Admin,
];

impl Caller {
    /// Who it is (the ones the demo does not have are made by `World::new`).
    fn email(self) -> Option<&'static str> {
        Some(match self {
            Caller::NoSession => return None,
            Caller::OtherParent => "ahmed@example.nl",
            Caller::Parent => "sanne@example.nl",
            Caller::OtherSchool => "alles@baken.example.nl",
            Caller::Desk => "balie@example.nl",
            Caller::Teacher => "els@example.nl",
            Caller::OtherTeacher => "groep6@regenboog.example.nl",
            Caller::Care => "zorg@regenboog.example.nl",
            Caller::Director => "directie@example.nl",
            Caller::Admin => "beheer@regenboog.example.nl",
        })
    }

    /// The column's heading in docs/API.md.
    fn heading(self) -> &'static str {
        match self {
            Caller::NoSession => "no session",
            Caller::OtherParent => "parent of another child",
            Caller::Parent => "parent",
            Caller::OtherSchool => "staff of another school (all roles)",
            Caller::Desk => "attendance desk",
            Caller::Teacher => "teacher of the child's group",
            Caller::OtherTeacher => "teacher of another group",
            Caller::Care => "care coordinator",
            Caller::Director => "director",
            Caller::Admin => "school admin",
        }
    }
}

/// What a row acts on (`{id}`), made fresh for every cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Record {
    Nothing,
    /// Sanne reports Noor ill from today, open-ended.
    Report,
    /// Sanne asks leave for Noor (pending).
    Leave,
    /// Sanne asks Noor's mentor for a conversation (requested).
    Asked,
    /// Els invites Noor's parents, with one time, `{time}` (proposed).
    Proposed,
    /// ... and Sanne picked that time (agreed).
    Agreed,
    /// Agreed on a time that has passed: it can be closed.
    Held,
    /// The desk marked Noor absent; the school asks her parents why.
    Absence,
    /// A teacher of De Regenboog.
    Colleague,
    /// A parent of De Regenboog with an activation code, `{code}`, and no
    /// password yet.
    Code,
    /// Someone, `{email}`, with the demo password.
    Account,
}

/// One line of the matrix.
struct Row {
    method: Method,
    path: &'static str,
    record: Record,
    /// JSON when it starts with `{`, else CSV; empty: none.
    body: &'static str,
    cells: [Expect; 10],
}

fn row(
    method: Method,
    path: &'static str,
    record: Record,
    body: &'static str,
    cells: [Expect; 10],
) -> Row {
    Row {
        method,
        path,
        record,
        body,
        cells,
    }
}

const GET: Method = Method::GET;
const POST: Method = Method::POST;
const PUT: Method = Method::PUT;
const DELETE: Method = Method::DELETE;

// The bodies. Filled in per cell: `{noor}`, `{school}`, `{id}` (the row's
// record), `{time}`, `{code}`, `{key}` (a fresh idempotency key),
// `{email}` and `{number}` (fresh), `{slot}` (a time to come that no other
// cell uses), dates, and `{contacts}` (the school's, as they are).
const NONE: &str = "";
const LOGIN: &str = r#"{"email": "{email}", "password": "welkom-demo"}"#;
const ACTIVATE: &str = r#"{"code": "{code}", "password": "zonnebloem-avond-42"}"#;
const LANGUAGE: &str = r#"{"language": "nl"}"#;
const SICK: &str = r#"{"pupil_ids": ["{noor}"], "kind": "ill", "first_day": "{today}", "idempotency_key": "{key}"}"#;
const CHANGE: &str = r#"{"kind": "ill", "first_day": "{today}"}"#;
const BETTER: &str = r#"{"better_from": "{tomorrow}"}"#;
const WEDDING: &str = r#"{"pupil_id": "{noor}", "kind": "important_circumstances", "first_day": "{in_two_weeks}", "last_day": "{in_two_weeks}", "reason": "De bruiloft van mijn broer", "idempotency_key": "{key}"}"#;
const DECISION: &str = r#"{"granted": true, "reason": "Veel plezier."}"#;
const ASK: &str = r#"{"pupil_id": "{noor}", "with": "director", "topic": "absence", "child_joins": false, "mode": "phone", "shared_with_guardians": true, "idempotency_key": "{key}"}"#;
const TIMES: &str = r#"{"times": [{slot}]}"#;
const CHOICE: &str = r#"{"time_id": "{time}"}"#;
const OTHER_TIMES: &str = r#"{"message": "Liever na drie uur."}"#;
const CANCEL: &str = r#"{"reason": "Het gaat weer goed."}"#;
const OUTCOME: &str = r#"{"note": "Goed gesprek.", "note_visible_to_parents": true}"#;
const INVITE: &str = r#"{"pupil_id": "{noor}", "with": "mentor", "topic": "absence", "child_joins": true, "mode": "at_school", "times": [{slot}], "idempotency_key": "{key}"}"#;
const ACK: &str = r#"{"report_ids": ["{id}"]}"#;
const MARK: &str = r#"{"pupil_id": "{noor}", "day": "{school_day}", "idempotency_key": "{key}"}"#;
const LATE: &str = r#"{"pupil_id": "{noor}", "day": "{school_day}", "arrived_at": "08:50", "idempotency_key": "{key}"}"#;
const EXPLAIN: &str = r#"{"kind": "ill"}"#;
const JUDGE: &str = r#"{"authorised": true}"#;
const SETTINGS: &str = r#"{"protocol": null, "calendar": null, "contacts": {contacts}, "conversations_shared": true, "teachers_see_only_their_groups": true}"#;
const PUPILS_CSV: &str = "leerlingnummer;voornaam;achternaam;groep;ouder1_naam;ouder1_email\n{number};Lotje;Nieuw;Groep 8;Nieuwe Ouder;{email}\n";
const ALL_CODES: &str = "{}";
const AHMEDS_CODE: &str = r#"{"guardian_ids": ["{ahmed}"]}"#;
const NEW_STAFF: &str = r#"{"name": "Nieuwe Collega", "email": "{email}", "roles": ["teacher"]}"#;
const ROLES: &str = r#"{"roles": ["teacher", "attendance_desk"]}"#;

/// Every endpoint (docs/API.md) and who gets what. `SEES`/`BLIND` look for
/// the row's record, or Noor when it has none.
#[rustfmt::skip]
fn matrix() -> Vec<Row> {
    use Record::*;
    vec![
        //                                                                                    no       other    parent   other    desk     teacher  other    care     director admin
        //                                                                                    session  parent            school            (hers)   teacher
        // Anyone.
        row(GET,    "/api/health",                                 Nothing,    NONE,         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        row(GET,    "/api/live",                                   Nothing,    NONE,         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        row(POST,   "/api/session",                                Account,    LOGIN,        [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        row(DELETE, "/api/session",                                Nothing,    NONE,         [DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE   ]),
        row(POST,   "/api/activation",                             Code,       ACTIVATE,     [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        // Anyone logged in, about themselves.
        row(GET,    "/api/me",                                     Nothing,    NONE,         [ANON,    BLIND,   SEES,    BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND  ]),
        row(PUT,    "/api/me/language",                            Nothing,    LANGUAGE,     [ANON,    OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        row(GET,    "/api/children",                               Nothing,    NONE,         [ANON,    BLIND,   SEES,    BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND  ]),
        // The parents' side: their own children only; staff use the school's paths.
        row(GET,    "/api/children/{noor}/reports",                Report,     NONE,         [ANON,    HIDDEN,  SEES,    HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(GET,    "/api/children/{noor}/protocol",               Nothing,    NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(GET,    "/api/children/{noor}/contacts",               Nothing,    NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(GET,    "/api/children/{noor}/leave-requests",         Leave,      NONE,         [ANON,    HIDDEN,  SEES,    HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(GET,    "/api/children/{noor}/unexplained-absences",   Absence,    NONE,         [ANON,    HIDDEN,  SEES,    HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/reports",                                Nothing,    SICK,         [ANON,    DENIED,  CREATED, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(GET,    "/api/reports/{id}",                           Report,     NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(PUT,    "/api/reports/{id}",                           Report,     CHANGE,       [ANON,    HIDDEN,  OK,      HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(DELETE, "/api/reports/{id}",                           Report,     NONE,         [ANON,    HIDDEN,  DONE,    HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/reports/{id}/better",                    Report,     BETTER,       [ANON,    HIDDEN,  OK,      HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        // Leave: the parents ask, the director (or school admin) decides.
        row(POST,   "/api/leave-requests",                         Nothing,    WEDDING,      [ANON,    DENIED,  CREATED, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(GET,    "/api/leave-requests/{id}",                    Leave,      NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  OK,      OK     ]),
        row(DELETE, "/api/leave-requests/{id}",                    Leave,      NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(POST,   "/api/leave-requests/{id}/decision",           Leave,      DECISION,     [ANON,    HIDDEN,  DENIED,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  OK,      OK     ]),
        row(GET,    "/api/schools/{school}/leave-requests",        Leave,      NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  SEES,    SEES   ]),
        // Conversations with the mentor: the parents, Els and the school admin.
        row(POST,   "/api/conversations",                          Nothing,    ASK,          [ANON,    DENIED,  CREATED, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(GET,    "/api/conversations",                          Asked,      NONE,         [ANON,    BLIND,   SEES,    BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND  ]),
        row(GET,    "/api/conversations/{id}",                     Asked,      NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(GET,    "/api/conversations/{id}/calendar.ics",        Agreed,     NONE,         [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/conversations/{id}/times",               Asked,      TIMES,        [ANON,    HIDDEN,  DENIED,  HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/conversations/{id}/choice",              Proposed,   CHOICE,       [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/conversations/{id}/other-times",         Proposed,   OTHER_TIMES,  [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(POST,   "/api/conversations/{id}/cancel",              Asked,      CANCEL,       [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/conversations/{id}/outcome",             Held,       OUTCOME,      [ANON,    HIDDEN,  DENIED,  HIDDEN,  DENIED,  OK,      DENIED,  DENIED,  DENIED,  OK     ]),
        row(GET,    "/api/schools/{school}/conversations",         Asked,      NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  BLIND,   SEES,    BLIND,   BLIND,   BLIND,   SEES   ]),
        row(POST,   "/api/schools/{school}/conversations",         Nothing,    INVITE,       [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  CREATED, INVALID, DENIED,  DENIED,  CREATED]),
        // The attendance desk.
        row(GET,    "/api/schools/{school}/reports",               Report,     NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  SEES,    SEES,    BLIND,   SEES,    SEES,    SEES   ]),
        row(GET,    "/api/schools/{school}/groups",                Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  SEES,    SEES,    BLIND,   SEES,    SEES,    SEES   ]),
        row(POST,   "/api/schools/{school}/acknowledgements",      Report,     ACK,          [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  OK,      OK,      INVALID, DENIED,  OK,      OK     ]),
        row(POST,   "/api/schools/{school}/absences",              Nothing,    MARK,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  CREATED, CREATED, INVALID, DENIED,  DENIED,  CREATED]),
        row(GET,    "/api/schools/{school}/absences",              Absence,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  SEES,    SEES,    BLIND,   SEES,    SEES,    SEES   ]),
        row(POST,   "/api/unexplained-absences/{id}/explanation",  Absence,    EXPLAIN,      [ANON,    HIDDEN,  OK,      HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED ]),
        row(POST,   "/api/unexplained-absences/{id}/judgement",    Absence,    JUDGE,        [ANON,    HIDDEN,  DENIED,  HIDDEN,  OK,      DENIED,  DENIED,  DENIED,  OK,      OK     ]),
        row(POST,   "/api/schools/{school}/late-arrivals",         Nothing,    LATE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  CREATED, CREATED, INVALID, DENIED,  DENIED,  CREATED]),
        row(GET,    "/api/schools/{school}/signals",               Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  OK,      DENIED,  DENIED,  OK,      OK,      OK     ]),
        row(GET,    "/api/schools/{school}/audit-log",             Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK     ]),
        row(GET,    "/api/schools/{school}/exports/absences.csv",  Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  OK,      DENIED,  DENIED,  DENIED,  OK,      OK     ]),
        // Settings.
        row(GET,    "/api/schools/{school}/settings",              Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  OK,      OK,      OK,      OK,      OK,      OK     ]),
        row(PUT,    "/api/schools/{school}/settings",              Nothing,    SETTINGS,     [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  OK,      OK     ]),
        // Onboarding: the school admin.
        row(POST,   "/api/schools/{school}/imports",               Nothing,    PUPILS_CSV,   [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/schools/{school}/activation-codes",      Nothing,    ALL_CODES,    [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  CREATED]),
        row(GET,    "/api/schools/{school}/staff",                 Nothing,    NONE,         [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK     ]),
        row(POST,   "/api/schools/{school}/staff",                 Nothing,    NEW_STAFF,    [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  CREATED]),
        row(PUT,    "/api/schools/{school}/staff/{id}",            Colleague,  ROLES,        [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK     ]),
        row(GET,    "/api/me/export",                              Report,     NONE,         [ANON,    BLIND,   SEES,    BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND,   BLIND  ]),
        row(GET,    "/api/openapi.json",                           Nothing,    NONE,         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
        // New endpoints go above this line (other helpers: log out
        // everywhere, GET /api/me/export, GET /api/openapi.json).
        //
        // The other school's own paths, naming Noor or her records in the body.
        row(POST,   "/api/schools/{baken}/acknowledgements",       Report,     ACK,          [ANON,    HIDDEN,  HIDDEN,  INVALID, HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/schools/{baken}/absences",               Nothing,    MARK,         [ANON,    HIDDEN,  HIDDEN,  INVALID, HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/schools/{baken}/late-arrivals",          Nothing,    LATE,         [ANON,    HIDDEN,  HIDDEN,  INVALID, HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/schools/{baken}/conversations",          Nothing,    INVITE,       [ANON,    HIDDEN,  HIDDEN,  INVALID, HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(POST,   "/api/schools/{baken}/activation-codes",       Nothing,    AHMEDS_CODE,  [ANON,    HIDDEN,  HIDDEN,  INVALID, HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        row(PUT,    "/api/schools/{baken}/staff/{els}",            Nothing,    ROLES,        [ANON,    HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN,  HIDDEN ]),
        // Last: logging out everywhere ends every session of the caller, the
        // ones the rows above share too.
        row(DELETE, "/api/sessions",                               Nothing,    NONE,         [ANON,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE,    DONE   ]),
    ]
}

/// The paths whose rows end the caller's session (a log-in or an activation
/// ends the session the browser sent along; log out everywhere ends them
/// all): each cell of theirs gets a session of its own.
const ENDS_SESSIONS: &[&str] = &["/api/session", "/api/activation", "/api/sessions"];

/// Every table but `sessions` (some cells make or end one): a refused call must
/// not add or remove a row in any of them. Changes show in `audit_log`.
const TABLES: &[&str] = &[
    "schools",
    "groups",
    "pupils",
    "users",
    "guardianships",
    "staff_roles",
    "absence_reports",
    "leave_requests",
    "school_contacts",
    "mail_outbox",
    "conversations",
    "conversation_times",
    "conversation_events",
    "unexplained_absences",
    "late_arrivals",
    "audit_log",
    "pupil_numbers",
    "activation_codes",
    "staff_groups",
];

/// The demo, with what the matrix needs besides, and the ids the rows
/// refer to.
struct World {
    app: TestApp,
    /// Without a cookie jar: each call brings its own session.
    http: Client,
    school: String,
    baken: String,
    noor: String,
    sanne: String,
    els: String,
    desk: String,
    admin: String,
    ahmed: String,
    /// A recent school day, to mark Noor absent or late.
    school_day: String,
    contacts: String,
    demo_hash: String,
    /// Each caller's session, by e-mail address.
    sessions: HashMap<&'static str, String>,
}

/// The fresh values of one cell.
struct Fresh {
    n: usize,
    key: String,
    email: String,
    id: String,
    time: String,
    code: String,
}

/// The state of the database that a refused call must leave alone.
struct Snapshot {
    rows: Vec<i64>,
    record: String,
    settings: String,
}

impl Snapshot {
    /// What differs in `after`, in words.
    fn changes(&self, after: &Snapshot) -> Vec<String> {
        let rows = TABLES.iter().zip(self.rows.iter().zip(&after.rows));
        let mut changes: Vec<String> = rows
            .filter(|(_, (before, after))| before != after)
            .map(|(table, (before, after))| format!("{table} ({before} rows, now {after})"))
            .collect();
        if self.record != after.record {
            changes.push(format!("the record (now {:.300})", after.record));
        }
        if self.settings != after.settings {
            changes.push("the school's settings".to_owned());
        }
        changes
    }
}

async fn every_caller_gets_what_the_matrix_says(db: Db) {
    let world = World::new(db.spawn_app().await).await;
    let rows = matrix();
    let started = Instant::now();
    let mut wrong = Vec::new();
    let mut n = 0;
    for row in &rows {
        for (caller, expect) in CALLERS.into_iter().zip(row.cells) {
            n += 1;
            if let Some(problem) = world.cell(row, caller, expect, n).await {
                wrong.push(format!(
                    "{caller:?}: {} {}: {problem}",
                    row.method, row.path
                ));
            }
        }
    }
    let endpoints: BTreeSet<_> = rows
        .iter()
        .map(|r| {
            (
                r.method.as_str(),
                r.path
                    .replace("{baken}", "{school}")
                    .replace("{els}", "{id}"),
            )
        })
        .collect();
    let _ = writeln!(
        std::io::stderr(),
        "authorisation matrix on {:?}: {} endpoints in {} rows x {} callers = {n} cells, \
         {} wrong, in {:.1} s",
        db.backend,
        endpoints.len(),
        rows.len(),
        CALLERS.len(),
        wrong.len(),
        started.elapsed().as_secs_f64(),
    );
    assert!(
        wrong.is_empty(),
        "{} of {n} cells are wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

impl World {
    async fn new(app: TestApp) -> World {
        let store = &app.store;
        let id = |email: &'static str| async move {
            store.user_for_login(email).await.unwrap().unwrap().id
        };
        let (sanne, els, desk, ahmed) = (
            id("sanne@example.nl").await,
            id("els@example.nl").await,
            id("balie@example.nl").await,
            id("ahmed@example.nl").await,
        );
        let school_of = |user: String| async move {
            let me = store.me(&user).await.unwrap().unwrap();
            me.staff_roles[0].school_id.clone()
        };
        let school = school_of(els.clone()).await;
        let baken = school_of(id("admin@example.nl").await).await;
        let groups = store.school_groups(&school).await.unwrap();
        let group = |name: &str| groups.iter().find(|g| g.name == name).unwrap();
        let noor = group("Groep 3")
            .pupils
            .iter()
            .find(|p| p.first_name == "Noor")
            .unwrap()
            .id
            .clone();

        // The callers the demo does not have.
        let mut conn = store.pool().acquire().await.unwrap();
        use StaffRoleKind::{CareCoordinator, SchoolAdmin, Teacher};
        add_staff(
            &mut conn,
            "alles@baken.example.nl",
            &baken,
            &StaffRoleKind::ALL,
        )
        .await;
        let teacher6 = add_staff(
            &mut conn,
            "groep6@regenboog.example.nl",
            &school,
            &[Teacher],
        )
        .await;
        add_staff(
            &mut conn,
            "zorg@regenboog.example.nl",
            &school,
            &[CareCoordinator],
        )
        .await;
        let admin = add_staff(
            &mut conn,
            "beheer@regenboog.example.nl",
            &school,
            &[SchoolAdmin],
        )
        .await;
        // Els teaches Groep 3, the new colleague Groep 6; and the school
        // wants teachers to see only their own groups.
        set_staff_groups(&mut conn, &els, &school, &[group("Groep 3").id.clone()])
            .await
            .unwrap();
        set_staff_groups(
            &mut conn,
            &teacher6,
            &school,
            &[group("Groep 6").id.clone()],
        )
        .await
        .unwrap();
        drop(conn);
        let view = store
            .school_settings_view(&school, today())
            .await
            .unwrap()
            .unwrap();
        let change = SettingsChange {
            protocol: None,
            calendar: None,
            contacts: view.contacts.clone(),
            conversations_shared: true,
            teachers_see_only_their_groups: true,
        };
        store
            .save_school_settings(&school, &admin, &change, Utc::now())
            .await
            .unwrap();

        let settings = store.school_settings(&school).await.unwrap().unwrap();
        let school_day = (0..=28)
            .map(|back| today() - Days::new(back))
            .find(|day| settings.calendar(*day).is_school_day(*day))
            .expect("a school day in the last four weeks");
        let mut sessions = HashMap::new();
        for email in CALLERS.iter().filter_map(|c| c.email()) {
            sessions.insert(email, app.session_token(email).await);
        }
        let demo_hash = server::auth::hash_password(PASSWORD.into()).await.unwrap();
        World {
            http: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            school,
            baken,
            noor,
            sanne,
            els,
            desk,
            admin,
            ahmed,
            school_day: school_day.to_string(),
            contacts: serde_json::to_string(&view.contacts).unwrap(),
            demo_hash,
            sessions,
            app,
        }
    }

    /// Calls one cell; what is wrong with the answer, if anything.
    async fn cell(&self, row: &Row, caller: Caller, expect: Expect, n: usize) -> Option<String> {
        let mut fresh = Fresh {
            n,
            key: new_key(),
            email: format!("nieuw{n}@example.nl"),
            id: String::new(),
            time: String::new(),
            code: String::new(),
        };
        self.make(row.record, &mut fresh).await;
        let before = if expect.refused() {
            Some(self.snapshot(row.record, &fresh.id).await)
        } else {
            None
        };
        let url = self.app.url(&self.fill(row.path, &fresh));
        let mut request = self
            .http
            .request(row.method.clone(), url)
            // As the browser sends it with the app's own calls.
            .header(header::ORIGIN, &self.app.address);
        if let Some(token) = self.session(row, caller).await {
            request = request.header(header::COOKIE, format!("vw_session={token}"));
        }
        if !row.body.is_empty() {
            let kind = if row.body.starts_with('{') {
                "application/json"
            } else {
                "text/csv"
            };
            request = request
                .header(header::CONTENT_TYPE, kind)
                .body(self.fill(row.body, &fresh));
        }
        let res = request.send().await.expect("request");
        let status = res.status().as_u16();
        let text = res.text().await.expect("a body");

        let wanted = if row.record == Record::Nothing {
            &self.noor
        } else {
            &fresh.id
        };
        if status != expect.status() {
            return Some(format!(
                "{} expected, got {status}: {text:.300}",
                expect.in_docs()
            ));
        }
        match expect {
            Expect::Sees if !text.contains(wanted.as_str()) => {
                return Some(format!("200 without what it should show: {text:.300}"));
            }
            Expect::Blind if text.contains(wanted.as_str()) => {
                return Some(format!("200 showing what it should not: {text:.300}"));
            }
            _ => {}
        }
        if let Some(before) = before {
            match serde_json::from_str::<ApiError>(&text) {
                Err(_) => return Some(format!("not the error shape: {text:.300}")),
                Ok(error) if error.message.contains("Noor") => {
                    return Some(format!("names Noor: {}", error.message));
                }
                Ok(_) => {}
            }
            let changes = before.changes(&self.snapshot(row.record, &fresh.id).await);
            if !changes.is_empty() {
                return Some(format!("refused, but changed {}", changes.join(", ")));
            }
        }
        None
    }

    /// The caller's session: the same for the whole matrix, or a fresh one
    /// where the row ends sessions.
    async fn session(&self, row: &Row, caller: Caller) -> Option<String> {
        let email = caller.email()?;
        if ENDS_SESSIONS.contains(&row.path) {
            return Some(self.app.session_token(email).await);
        }
        Some(self.sessions[email].clone())
    }

    /// `template` with this world's ids and the cell's fresh values.
    fn fill(&self, template: &str, fresh: &Fresh) -> String {
        let day = |days: u64| (today() + Days::new(days)).to_string();
        [
            ("{school}", self.school.clone()),
            ("{baken}", self.baken.clone()),
            ("{noor}", self.noor.clone()),
            ("{els}", self.els.clone()),
            ("{ahmed}", self.ahmed.clone()),
            ("{id}", fresh.id.clone()),
            ("{time}", fresh.time.clone()),
            ("{code}", fresh.code.clone()),
            ("{key}", fresh.key.clone()),
            ("{email}", fresh.email.clone()),
            ("{number}", format!("9{:05}", fresh.n)),
            ("{slot}", slot(fresh.n, true).to_string()),
            ("{today}", day(0)),
            ("{tomorrow}", day(1)),
            ("{in_two_weeks}", day(14)),
            ("{school_day}", self.school_day.clone()),
            ("{contacts}", self.contacts.clone()),
        ]
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(name, value)
        })
    }

    /// Makes the cell's record, through the store; sets `fresh.id` (and
    /// `time`, `code`).
    async fn make(&self, record: Record, fresh: &mut Fresh) {
        let store = &self.app.store;
        let now = Utc::now();
        let invitation = |slot: Value| {
            from(json!({
                "pupil_id": self.noor, "with": "mentor", "topic": "absence", "child_joins": true,
                "mode": "at_school", "times": [slot], "idempotency_key": fresh.key,
            }))
        };
        fresh.id = match record {
            Record::Nothing => String::new(),
            Record::Report => {
                let new: NewAbsenceReport = from(sick_today(&[&self.noor], &fresh.key));
                let saved = store.save_reports(&self.sanne, &new, now).await.unwrap();
                saved.reports[0].id.clone()
            }
            Record::Leave => {
                let new: NewLeaveRequest = from(wedding_leave(&self.noor, &fresh.key));
                let saved = store.save_leave_request(&self.sanne, &new, now);
                saved.await.unwrap().request.id
            }
            Record::Asked => {
                let new: NewConversation = from(json!({
                    "pupil_id": self.noor, "with": "mentor", "topic": "absence",
                    "child_joins": true, "mode": "at_school", "shared_with_guardians": true,
                    "idempotency_key": fresh.key,
                }));
                let saved = store.save_conversation_request(&self.sanne, &new, true, now);
                saved.await.unwrap().0
            }
            Record::Proposed | Record::Agreed | Record::Held => {
                let new: NewInvitation = invitation(slot(fresh.n, record != Record::Held));
                let (id, _) = store.save_invitation(&self.els, &new, now).await.unwrap();
                let c = store.conversation(&id).await.unwrap().unwrap();
                fresh.time = c.conversation.proposed_times[0].id.clone();
                if record != Record::Proposed {
                    let agreed = store.agree_time(&id, &fresh.time, &self.sanne, false, now);
                    assert_eq!(agreed.await.unwrap(), Ok(()), "agreed");
                }
                id
            }
            Record::Absence => {
                let new: NewAbsenceMark = from(json!({
                    "pupil_id": self.noor, "day": self.school_day, "idempotency_key": fresh.key,
                }));
                let saved = store.mark_absent(&self.school, &self.desk, &new, now);
                saved.await.unwrap().0
            }
            Record::Colleague | Record::Code | Record::Account => {
                let hash = match record {
                    Record::Account => &self.demo_hash,
                    _ => NO_PASSWORD,
                };
                let mut conn = store.pool().acquire().await.unwrap();
                let user = insert_user(&mut conn, &fresh.email, "Nieuw", hash)
                    .await
                    .unwrap();
                if record == Record::Colleague {
                    insert_staff_role(&mut conn, &user, &self.school, StaffRoleKind::Teacher)
                        .await
                        .unwrap();
                }
                drop(conn);
                if record == Record::Code {
                    fresh.code = new_activation_code();
                    let codes = [(user.as_str(), token_hash(&fresh.code))];
                    let expires = now + Duration::days(30);
                    store
                        .save_activation_codes(&self.school, &self.admin, &codes, now, expires)
                        .await
                        .unwrap();
                }
                user
            }
        };
    }

    async fn snapshot(&self, record: Record, id: &str) -> Snapshot {
        let store = &self.app.store;
        let counts: Vec<String> = TABLES
            .iter()
            .map(|t| format!("(SELECT COUNT(*) FROM {t})"))
            .collect();
        let counts = sqlx::query(&format!("SELECT {}", counts.join(", ")))
            .fetch_one(store.pool())
            .await
            .unwrap();
        let rows = (0..TABLES.len())
            .map(|i| counts.try_get::<i64, _>(i).unwrap())
            .collect();
        let record = match record {
            Record::Report => text(store.report(&self.sanne, id).await),
            Record::Leave => text(store.leave_request(id).await.map(|l| l.map(|l| l.request))),
            Record::Asked | Record::Proposed | Record::Agreed | Record::Held => text(
                store
                    .conversation(id)
                    .await
                    .map(|c| c.map(|c| c.conversation)),
            ),
            Record::Absence => text(
                store
                    .unexplained_absence(id)
                    .await
                    .map(|a| a.map(|a| a.absence)),
            ),
            Record::Colleague => text(store.staff_member(&self.school, id).await),
            Record::Nothing | Record::Code | Record::Account => String::new(),
        };
        let settings = text(store.school_settings_view(&self.school, today()).await);
        Snapshot {
            rows,
            record,
            settings,
        }
    }
}

/// A user with these roles at a school; their id.
async fn add_staff(
    conn: &mut sqlx::AnyConnection,
    email: &str,
    school: &str,
    roles: &[StaffRoleKind],
) -> String {
    let user = insert_user(conn, email, "Collega", NO_PASSWORD)
        .await
        .unwrap();
    for role in roles {
        insert_staff_role(conn, &user, school, *role).await.unwrap();
    }
    user
}

fn from<T: DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("a valid record")
}

fn text<T: Serialize>(read: Result<T, sqlx::Error>) -> String {
    serde_json::to_string(&read.expect("read the record")).unwrap()
}

/// A time slot of half an hour that no other cell uses: weeks ahead, or
/// (for a conversation that took place) weeks back.
fn slot(n: usize, ahead: bool) -> Value {
    let days = Days::new(7 + (n / 16) as u64);
    let day = if ahead {
        today() + days
    } else {
        today() - days
    };
    let start = NaiveTime::from_hms_opt(8, 0, 0).unwrap() + Duration::minutes(30 * (n % 16) as i64);
    let end = start + Duration::minutes(30);
    json!({
        "day": day,
        "start_time": start.format("%H:%M").to_string(),
        "end_time": end.format("%H:%M").to_string(),
    })
}

/// The matrix as docs/API.md shows it ("Who may do what").
fn in_docs(rows: &[Row]) -> String {
    let mut lines = vec![
        format!(
            "| endpoint | {} |",
            CALLERS.map(Caller::heading).join(" | ")
        ),
        format!("| --- |{}", " --- |".repeat(CALLERS.len())),
    ];
    for row in rows {
        let cells: Vec<String> = row.cells.iter().map(|c| c.in_docs()).collect();
        lines.push(format!(
            "| `{} {}` | {} |",
            row.method,
            row.path,
            cells.join(" | ")
        ));
    }
    lines.join("\n")
}

#[test]
fn the_docs_show_the_matrix() {
    let docs = include_str!("../../../docs/API.md");
    let (begin, end) = ("<!-- matrix: begin -->", "<!-- matrix: end -->");
    let shown = docs
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(table, _)| table.trim())
        .expect("docs/API.md has the matrix between its markers");
    let matrix = in_docs(&matrix());
    assert!(
        shown == matrix,
        "docs/API.md shows another matrix than server/tests/api/authorisation.rs; \
         this is the test's:\n\n{matrix}\n"
    );
}
