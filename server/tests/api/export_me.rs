//! `GET /api/me/export`: a person downloads everything the app holds about
//! them and their children, and nothing about anyone else's child.

use reqwest::StatusCode;
use serde_json::json;
use shared::privacy::{export_file_name, MyData};
use shared::{AbsenceReport, Conversation, ErrorCode, LeaveRequest};

use crate::helpers::{
    body, expect_error, get, new_client, new_key, post, send, sick_today, today, wedding_leave, Db,
    TestApp,
};

on_both_backends!(
    a_parent_downloads_everything_about_them_and_their_children,
    the_file_speaks_the_parents_language_and_holds_only_their_child,
    staff_download_their_own_account,
);

async fn child_of(app: &TestApp, parent: &reqwest::Client, first_name: &str) -> String {
    let children: Vec<shared::Child> = body(get(app, parent, "/api/children").await).await;
    children
        .into_iter()
        .find(|c| c.first_name == first_name)
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("no child {first_name}"))
}

/// Downloads the file as `who`; checks that it is a JSON attachment named
/// after today, and returns its text.
async fn download(app: &TestApp, who: &reqwest::Client) -> String {
    let res = get(app, who, "/api/me/export").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(
        res.headers()["content-disposition"],
        format!("attachment; filename=\"{}\"", export_file_name(today())).as_str()
    );
    res.text().await.unwrap()
}

async fn a_parent_downloads_everything_about_them_and_their_children(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mark = app.client_for("mark@example.nl").await;
    let mentor = app.client_for("mentor@example.nl").await;
    let (noor, daan) = (
        child_of(&app, &sanne, "Noor").await,
        child_of(&app, &sanne, "Daan").await,
    );

    // Sanne reports Noor, the school sees it; Mark reports Noor too.
    let res = post(
        &app,
        &sanne,
        "/api/reports",
        &sick_today(&[&noor], &new_key()),
    )
    .await;
    let by_sanne: Vec<AbsenceReport> = body(res).await;
    let desk = app.client_for("balie@example.nl").await;
    let me: shared::Me = body(get(&app, &desk, "/api/me").await).await;
    let path = format!(
        "/api/schools/{}/acknowledgements",
        me.staff_roles[0].school_id
    );
    let seen = json!({ "report_ids": [by_sanne[0].id] });
    assert_eq!(
        post(&app, &desk, &path, &seen).await.status(),
        StatusCode::OK
    );
    let res = post(
        &app,
        &mark,
        "/api/reports",
        &sick_today(&[&noor], &new_key()),
    )
    .await;
    let by_mark: Vec<AbsenceReport> = body(res).await;
    // Sanne reports Daan and withdraws it.
    let res = post(
        &app,
        &sanne,
        "/api/reports",
        &sick_today(&[&daan], &new_key()),
    )
    .await;
    let withdrawn: Vec<AbsenceReport> = body(res).await;
    let path = format!("/api/reports/{}", withdrawn[0].id);
    let res = send(&app, &sanne, reqwest::Method::DELETE, &path, None).await;
    assert!(res.status().is_success(), "{}", res.status());
    // A leave request for Daan.
    let res = post(
        &app,
        &sanne,
        "/api/leave-requests",
        &wedding_leave(&daan, &new_key()),
    )
    .await;
    let leave: LeaveRequest = body(res).await;
    // A conversation about Daan with the mentor, who proposes a time and
    // keeps a note to the school.
    let request = json!({
        "pupil_id": daan, "with": "mentor", "topic": "absence", "child_joins": true,
        "mode": "at_school", "days": [], "day_parts": [], "message": "Kunnen we praten?",
        "shared_with_guardians": true, "idempotency_key": new_key(),
    });
    let talk: Conversation = body(post(&app, &sanne, "/api/conversations", &request).await).await;
    let day = today() + chrono::Days::new(7);
    let times = json!({ "times": [{ "day": day, "start_time": "15:00", "end_time": "15:30" }] });
    let path = format!("/api/conversations/{}/times", talk.id);
    assert_eq!(
        post(&app, &mentor, &path, &times).await.status(),
        StatusCode::OK
    );
    sqlx::query(
        "UPDATE conversations SET outcome_note = 'Alleen voor de school', \
         outcome_note_visible = 0 WHERE id = $1",
    )
    .bind(&talk.id)
    .execute(app.store.pool())
    .await
    .unwrap();
    // Mark asks for a conversation about Noor only he sees.
    let mut own = request.clone();
    own["pupil_id"] = json!(noor);
    own["shared_with_guardians"] = json!(false);
    own["message"] = json!("Alleen voor Mark");
    own["idempotency_key"] = json!(new_key());
    let marks: Conversation = body(post(&app, &mark, "/api/conversations", &own).await).await;

    let text = download(&app, &sanne).await;
    let data: MyData = serde_json::from_str(&text).unwrap();

    assert!(data.about.starts_with("Dit bestand bevat alle gegevens"));
    assert_eq!(data.account.email, "sanne@example.nl");
    assert_eq!(data.account.name, "Sanne de Vries");
    assert!(data.account.activated);
    assert!(!data.sessions.is_empty(), "this log-in");
    assert!(data.staff_roles.is_empty());
    let names: Vec<_> = data
        .children
        .iter()
        .map(|c| format!("{} {} {}", c.first_name, c.group_name, c.school_name))
        .collect();
    assert_eq!(
        names,
        [
            "Daan 2B Het Baken College",
            "Noor Groep 3 Basisschool De Regenboog"
        ]
    );
    let (daan_data, noor_data) = (&data.children[0], &data.children[1]);
    assert_eq!(noor_data.retention_years, 5);
    assert_eq!(noor_data.left_on, None);

    // Noor's reports: Sanne's, seen by the school, and Mark's.
    let seen = noor_data
        .reports
        .iter()
        .find(|r| r.report.id == by_sanne[0].id)
        .expect("Sanne's report");
    assert_eq!(seen.report.acknowledged_by.as_deref(), Some("Kees Jansen"));
    let marks_report = noor_data
        .reports
        .iter()
        .find(|r| r.report.id == by_mark[0].id)
        .expect("Mark's report about Noor");
    assert_eq!(marks_report.report.reported_by, "Mark de Vries");
    // Daan's withdrawn report is there, marked withdrawn.
    let gone = daan_data
        .reports
        .iter()
        .find(|r| r.report.id == withdrawn[0].id)
        .expect("the withdrawn report");
    assert!(gone.withdrawn_at.is_some());
    assert!(daan_data.leave_requests.iter().any(|l| l.id == leave.id));

    // The conversation with its proposed time, without the school's note;
    // not Mark's own conversation.
    let shared = daan_data
        .conversations
        .iter()
        .find(|c| c.id == talk.id)
        .expect("the conversation");
    assert_eq!(shared.proposed_times.len(), 1);
    assert_eq!(shared.outcome_note, None);
    assert!(noor_data.conversations.iter().all(|c| c.id != marks.id));
    assert!(!text.contains("Alleen voor"), "a note or message not hers");

    // The mail about the proposed time, and the audit lines: the school saw
    // her report (by someone else), she withdrew one (herself).
    assert!(!data.mails.is_empty());
    let line = |id: &str, by_me: bool| {
        data.audit_log
            .iter()
            .any(|a| a.subject_id == id && a.by_me == by_me)
    };
    assert!(line(&by_sanne[0].id, false), "{:?}", data.audit_log);
    assert!(line(&withdrawn[0].id, true), "{:?}", data.audit_log);

    // Nobody else's e-mail address, nor another family's child.
    for other in ["mark@example.nl", "balie@example.nl", "Yara", "El Amrani"] {
        assert!(!text.contains(other), "{other} in the file");
    }
}

async fn the_file_speaks_the_parents_language_and_holds_only_their_child(db: Db) {
    let app = db.spawn_app().await;
    let res = get(&app, &new_client(), "/api/me/export").await;
    expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;

    let ahmed = app.client_for("ahmed@example.nl").await;
    let res = send(
        &app,
        &ahmed,
        reqwest::Method::PUT,
        "/api/me/language",
        Some(&json!({ "language": "en" })),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let text = download(&app, &ahmed).await;
    let data: MyData = serde_json::from_str(&text).unwrap();
    assert!(data.about.starts_with("This file holds all the data"));
    let names: Vec<_> = data
        .children
        .iter()
        .map(|c| c.first_name.as_str())
        .collect();
    assert_eq!(names, ["Yara"]);
    // Yara's history from the demo: reports by Ahmed.
    assert!(!data.children[0].reports.is_empty());
    for other in ["Noor", "Daan", "Sanne", "sanne@example.nl"] {
        assert!(!text.contains(other), "{other} in the file");
    }
}

async fn staff_download_their_own_account(db: Db) {
    let app = db.spawn_app().await;
    let els = app.client_for("els@example.nl").await;
    let data: MyData = serde_json::from_str(&download(&app, &els).await).unwrap();
    assert_eq!(data.account.email, "els@example.nl");
    assert!(data.children.is_empty());
    let schools: Vec<_> = data
        .staff_roles
        .iter()
        .map(|r| r.school_name.as_str())
        .collect();
    assert_eq!(schools, ["Basisschool De Regenboog"]);
}
