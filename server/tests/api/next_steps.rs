//! What happens next: a child's position on the school's protocol, and whom
//! to contact. Both only for the child's own guardians.

use reqwest::StatusCode;
use shared::protocol::{Distance, Role, StepState};
use shared::{ChildContacts, ChildProtocol, ErrorCode};

use crate::helpers::{body, expect_error, new_key, sick_today, spawn_app, Db};

#[tokio::test]
async fn three_earlier_sick_reports_put_a_conversation_one_report_away() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;

    let earlier = app.child_reports(&yara).await;
    assert_eq!(earlier.len(), 3);
    assert!(
        earlier
            .iter()
            .all(|r| r.acknowledged_by.as_deref() == Some("Kees Jansen")),
        "the school saw the demo's earlier reports: {earlier:?}"
    );

    let before: ChildProtocol =
        body(app.get(&format!("/api/children/{yara}/protocol")).await).await;

    assert_eq!(before.first_name, "Yara");
    assert_eq!(before.school_name, "Basisschool De Regenboog");
    let next = before.position.next.as_ref().expect("a next step");
    let step = before
        .protocol
        .step(&next.step_id)
        .expect("a step of the protocol");
    assert!(step.involves_conversation, "{}", step.id);
    assert_eq!(
        next.distance,
        Distance::SickReports {
            more: 1,
            within_school_weeks: 12
        }
    );

    let res = app.post_report(&sick_today(&[&yara], &new_key())).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let after: ChildProtocol = body(app.get(&format!("/api/children/{yara}/protocol")).await).await;

    let status = after
        .position
        .steps
        .iter()
        .find(|s| s.step_id == step.id)
        .expect("the same step");
    assert!(
        matches!(status.state, StepState::Applies { .. }),
        "{status:?}"
    );
    assert_ne!(
        after.position.next.map(|n| n.step_id),
        Some(step.id.clone())
    );
}

#[tokio::test]
async fn another_parent_gets_neither_the_protocol_nor_the_contacts() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    app.logout().await;
    app.login_as("sanne@example.nl").await;

    for what in ["protocol", "contacts"] {
        let res = app.get(&format!("/api/children/{yara}/{what}")).await;
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    }
}

async fn each_child_gets_the_contacts_of_their_own_school(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let daan = app.child_id("Daan").await;

    let primary: ChildContacts =
        body(app.get(&format!("/api/children/{noor}/contacts")).await).await;
    let secondary: ChildContacts =
        body(app.get(&format!("/api/children/{daan}/contacts")).await).await;

    assert_eq!(primary.school_name, "Basisschool De Regenboog");
    assert_eq!(primary.contacts[0].role, Role::AttendanceDesk);
    assert!(primary
        .contacts
        .iter()
        .any(|c| c.role == Role::InternBegeleider));
    assert_eq!(secondary.school_name, "Het Baken College");
    assert!(secondary
        .contacts
        .iter()
        .any(|c| c.role == Role::CareCoordinator && c.name == "Fatma Yilmaz"));
    assert!(secondary
        .contacts
        .iter()
        .all(|c| c.role != Role::InternBegeleider));
}

on_both_backends!(each_child_gets_the_contacts_of_their_own_school);
