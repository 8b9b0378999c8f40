//! A school's settings: the admin changes the protocol and the contacts,
//! and parents see the change at once; a bad protocol changes nothing.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use shared::protocol::{Role, Trigger};
use shared::Language;
use shared::{ChildContacts, ChildProtocol, ErrorCode, SchoolSettingsView};

use crate::helpers::{body, expect_error, send, Db, TestApp};

on_both_backends!(
    the_admin_changes_a_threshold_and_a_contact_and_parents_see_it,
    a_bad_protocol_is_refused_and_nothing_changes,
    only_the_director_or_admin_changes_settings,
    translations_are_stored_checked_and_dropped_when_the_dutch_changes,
);

const ADMIN: &str = "admin@example.nl";

async fn school_of(app: &TestApp, staff: &Client) -> String {
    let me: shared::Me = body(send(app, staff, reqwest::Method::GET, "/api/me", None).await).await;
    me.staff_roles[0].school_id.clone()
}

async fn current(app: &TestApp, who: &Client, school: &str) -> SchoolSettingsView {
    let path = format!("/api/schools/{school}/settings");
    body(send(app, who, reqwest::Method::GET, &path, None).await).await
}

/// The settings as a change (the protocol as the school's own, the
/// calendar kept as it is), with `edit` applied to the JSON.
fn change(view: &SchoolSettingsView, edit: impl FnOnce(&mut Value)) -> Value {
    let mut change = json!({
        "protocol": view.protocol,
        "calendar": view.own_calendar.then_some(&view.calendar),
        "contacts": view.contacts,
        "conversations_shared": view.conversations_shared,
    });
    edit(&mut change);
    change
}

fn sick_reports_step(protocol: &Value) -> usize {
    protocol["steps"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["trigger"]["type"] == "sick_reports")
        .expect("a sick-reports step")
}

async fn the_admin_changes_a_threshold_and_a_contact_and_parents_see_it(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let before = current(&app, &admin, &school).await;
    assert!(!before.own_protocol);
    assert_eq!(before.kind, shared::protocol::SchoolKind::Vo);

    let new = change(&before, |c| {
        let step = sick_reports_step(&c["protocol"]);
        c["protocol"]["steps"][step]["trigger"]["count"] = json!(2);
        c["contacts"][0]["name"] = json!("Ruben Visser, mentor van 2B");
    });
    let path = format!("/api/schools/{school}/settings");
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&new)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after: SchoolSettingsView = body(res).await;
    assert!(after.own_protocol);
    assert!(!after.own_calendar);

    // Sanne sees the new threshold and the new name for Daan.
    let sanne = app.client_for("sanne@example.nl").await;
    let children: Vec<shared::Child> =
        body(send(&app, &sanne, reqwest::Method::GET, "/api/children", None).await).await;
    let daan = children.iter().find(|c| c.first_name == "Daan").unwrap();
    let path = format!("/api/children/{}/protocol", daan.id);
    let protocol: ChildProtocol =
        body(send(&app, &sanne, reqwest::Method::GET, &path, None).await).await;
    assert!(protocol
        .protocol
        .steps
        .iter()
        .any(|s| matches!(s.trigger, Trigger::SickReports { count: 2, .. })));
    let path = format!("/api/children/{}/contacts", daan.id);
    let contacts: ChildContacts =
        body(send(&app, &sanne, reqwest::Method::GET, &path, None).await).await;
    assert_eq!(contacts.contacts[0].name, "Ruben Visser, mentor van 2B");

    // The change is in the audit log.
    let path = format!("/api/schools/{school}/audit-log");
    let log: Vec<shared::AuditEntry> =
        body(send(&app, &admin, reqwest::Method::GET, &path, None).await).await;
    assert_eq!(log[0].action, shared::AuditAction::SettingsChanged);
    assert_eq!(log[0].by, "Mila Koster");
}

async fn a_bad_protocol_is_refused_and_nothing_changes(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let before = current(&app, &admin, &school).await;
    let path = format!("/api/schools/{school}/settings");

    // Illness straight to the leerplichtambtenaar.
    let bad = change(&before, |c| {
        let step = sick_reports_step(&c["protocol"]);
        c["protocol"]["steps"][step]["role"] = json!(Role::AttendanceOfficer);
    });
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&bad)).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("protocol"));
    assert!(
        error.message.contains("ziekte leidt nooit"),
        "{}",
        error.message
    );

    // Lessons that end before they begin; a contact with a role we do not know.
    let bad = change(&before, |c| {
        c["calendar"] = json!(before.calendar);
        c["calendar"]["lesson_end"] = json!("07:00");
    });
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&bad)).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("calendar"));
    let bad = change(&before, |c| c["contacts"][0]["role"] = json!("janitor"));
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&bad)).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("contacts"));

    assert_eq!(current(&app, &admin, &school).await, before);
}

async fn only_the_director_or_admin_changes_settings(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let view = current(&app, &admin, &school).await;
    let same = change(&view, |_| {});
    let path = format!("/api/schools/{school}/settings");

    let mentor = app.client_for("mentor@example.nl").await;
    assert_eq!(current(&app, &mentor, &school).await, view);
    let res = send(&app, &mentor, reqwest::Method::PUT, &path, Some(&same)).await;
    expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    for outsider in ["sanne@example.nl", "directie@example.nl"] {
        let client = app.client_for(outsider).await;
        let res = send(&app, &client, reqwest::Method::PUT, &path, Some(&same)).await;
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    }
    let res = send(&app, &Client::new(), reqwest::Method::GET, &path, None).await;
    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
}

/// A step's translations are stored with it and checked; where the school
/// changes the Dutch but not a translation, parents get the Dutch (with a
/// note) instead of an outdated translation.
async fn translations_are_stored_checked_and_dropped_when_the_dutch_changes(db: Db) {
    let app = db.spawn_app().await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &admin).await;
    let before = current(&app, &admin, &school).await;
    let path = format!("/api/schools/{school}/settings");
    let step = sick_reports_step(&serde_json::to_value(&before.protocol).unwrap());
    let late = before
        .protocol
        .steps
        .iter()
        .position(|s| matches!(s.trigger, Trigger::LateArrivals { .. }))
        .unwrap();
    assert_eq!(before.protocol.steps[step].translations.len(), 5);

    // An English title without a title, or far too long: refused.
    for title in [json!(""), json!("x".repeat(151))] {
        let bad = change(&before, |c| {
            c["protocol"]["steps"][step]["translations"]["en"]["title"] = title;
        });
        let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&bad)).await;
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some("protocol"));
        assert!(
            error.message.contains("Engelse vertaling"),
            "{}",
            error.message
        );
    }
    assert_eq!(current(&app, &admin, &school).await, before);

    // A new English title is stored and read back.
    let english = change(&before, |c| {
        c["protocol"]["steps"][late]["translations"]["en"]["title"] = json!("Late again");
    });
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&english)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let stored: SchoolSettingsView = body(res).await;
    let texts = stored.protocol.steps[late].texts_in(Language::En);
    assert_eq!(texts.texts.title, "Late again");
    assert!(!texts.dutch_instead);

    // The Dutch of one step changes, its translations do not: they go, and
    // the parent reading Arabic gets the Dutch with a note. The step whose
    // Dutch stayed keeps its translations.
    let edited = change(&stored, |c| {
        c["protocol"]["steps"][step]["texts"]["summary"] = json!("Een nieuwe samenvatting.");
    });
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&edited)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let stored: SchoolSettingsView = body(res).await;
    assert!(stored.protocol.steps[step].translations.is_empty());
    assert_eq!(stored.protocol.steps[late].translations.len(), 5);

    let sanne = app.client_for("sanne@example.nl").await;
    let children: Vec<shared::Child> =
        body(send(&app, &sanne, reqwest::Method::GET, "/api/children", None).await).await;
    let daan = children.iter().find(|c| c.first_name == "Daan").unwrap();
    let child_path = format!("/api/children/{}/protocol", daan.id);
    let protocol: ChildProtocol =
        body(send(&app, &sanne, reqwest::Method::GET, &child_path, None).await).await;
    let texts = protocol.protocol.steps[step].texts_in(Language::Ar);
    assert!(texts.dutch_instead);
    assert_eq!(texts.texts.summary, "Een nieuwe samenvatting.");
    let texts = protocol.protocol.steps[late].texts_in(Language::En);
    assert_eq!(texts.texts.title, "Late again");

    // The Dutch and the English change in one save: the English stays.
    let both = change(&stored, |c| {
        let s = &mut c["protocol"]["steps"][late];
        s["texts"]["title"] = json!("Weer te laat");
        s["translations"]["en"]["title"] = json!("Late once more");
    });
    let res = send(&app, &admin, reqwest::Method::PUT, &path, Some(&both)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let stored: SchoolSettingsView = body(res).await;
    let kept: Vec<Language> = stored.protocol.steps[late]
        .translations
        .keys()
        .copied()
        .collect();
    assert_eq!(kept, [Language::En]);
    assert_eq!(
        stored.protocol.steps[late]
            .texts_in(Language::En)
            .texts
            .title,
        "Late once more"
    );
}
