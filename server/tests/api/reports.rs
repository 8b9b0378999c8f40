//! Reporting children absent, and reading reports back.

use chrono::Days;
use reqwest::StatusCode;
use serde_json::json;
use shared::{AbsenceKind, AbsenceReport, ErrorCode};

use crate::helpers::{
    body, expect_error, expect_invalid_fields, new_key, sick_today, spawn_app, today, Db,
};

on_both_backends!(
    a_parent_reports_a_child_ill_and_finds_it_in_the_list,
    a_retry_with_the_same_key_returns_the_same_reports,
    another_parents_child_is_out_of_reach,
);

async fn a_parent_reports_a_child_ill_and_finds_it_in_the_list(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;

    let res = app.post_report(&sick_today(&[&noor], &new_key())).await;

    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Vec<AbsenceReport> = body(res).await;
    assert_eq!(created.len(), 1);
    let report = &created[0];
    assert_eq!(report.pupil_id, noor);
    assert_eq!(report.pupil_first_name, "Noor");
    assert_eq!(report.details.kind, AbsenceKind::Ill);
    assert_eq!(report.details.first_day, today());
    assert_eq!(report.details.last_day, None);
    assert_eq!(report.reported_by, "Sanne de Vries");
    assert_eq!(app.child_reports(&noor).await, created);
    let one: AbsenceReport = body(app.get(&format!("/api/reports/{}", report.id)).await).await;
    assert_eq!(&one, report);
}

async fn a_retry_with_the_same_key_returns_the_same_reports(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let (noor, daan) = (app.child_id("Noor").await, app.child_id("Daan").await);
    let report = sick_today(&[&daan, &noor], &new_key());

    let first = app.post_report(&report).await;
    let retry = app.post_report(&report).await;

    assert_eq!(first.status(), StatusCode::CREATED);
    assert_eq!(retry.status(), StatusCode::OK);
    let first: Vec<AbsenceReport> = body(first).await;
    let retry: Vec<AbsenceReport> = body(retry).await;
    assert_eq!(retry, first);
    let pupils: Vec<_> = first.iter().map(|r| r.pupil_id.as_str()).collect();
    assert_eq!(
        pupils,
        [daan.as_str(), noor.as_str()],
        "one per child, in order"
    );
    assert_eq!(app.child_reports(&noor).await.len(), 1);
    assert_eq!(app.child_reports(&daan).await.len(), 1);
}

async fn another_parents_child_is_out_of_reach(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let created: Vec<AbsenceReport> =
        body(app.post_report(&sick_today(&[&noor], &new_key())).await).await;
    let ahmed = app.client_for("ahmed@example.nl").await;

    let list = ahmed
        .get(app.url(&format!("/api/children/{noor}/reports")))
        .send()
        .await
        .unwrap();
    let one = ahmed
        .get(app.url(&format!("/api/reports/{}", created[0].id)))
        .send()
        .await
        .unwrap();
    let report = ahmed
        .post(app.url("/api/reports"))
        .json(&sick_today(&[&noor], &new_key()))
        .send()
        .await
        .unwrap();

    expect_error(list, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(one, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    let error = expect_error(report, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    assert_eq!(error.field.as_deref(), Some("pupil_ids"));
    assert_eq!(app.child_reports(&noor).await, created, "nothing added");
}

#[tokio::test]
async fn a_report_for_a_mix_of_own_and_other_children_is_refused_whole() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    let sanne = app.client_for("sanne@example.nl").await;
    let children: Vec<shared::Child> =
        body(sanne.get(app.url("/api/children")).send().await.unwrap()).await;
    let noor = &children.iter().find(|c| c.first_name == "Noor").unwrap().id;
    let yaras_before = app.child_reports(&yara).await;

    let res = app
        .post_report(&sick_today(&[&yara, noor], &new_key()))
        .await;

    let error = expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    assert_eq!(error.field.as_deref(), Some("pupil_ids"));
    assert_eq!(app.child_reports(&yara).await, yaras_before);
}

#[tokio::test]
async fn an_unknown_report_or_child_is_not_found() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;

    let report = app.get("/api/reports/does-not-exist").await;
    let child = app.get("/api/children/does-not-exist/reports").await;

    expect_error(report, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(child, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}

#[tokio::test]
async fn reporting_needs_a_login() {
    let app = spawn_app().await;

    let post = app.post_report(&sick_today(&["x"], &new_key())).await;
    let children = app.get("/api/children").await;

    expect_error(post, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
    expect_error(
        children,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
}

#[tokio::test]
async fn validation_errors_name_the_field() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let yesterday = today() - Days::new(1);
    let cases = [
        (
            "last day before first day",
            json!({ "kind": "other", "last_day": yesterday, "note": "Bruiloft" }),
            "last_day",
        ),
        ("a note on illness", json!({ "note": "griep" }), "note"),
        (
            "more than two weeks back",
            json!({ "first_day": today() - Days::new(15) }),
            "first_day",
        ),
        (
            "times on more than one day",
            json!({ "start_time": "10:00" }),
            "start_time",
        ),
        ("no child", json!({ "pupil_ids": [] }), "pupil_ids"),
    ];

    expect_invalid_fields(
        &app,
        "/api/reports",
        || sick_today(&[&noor], &new_key()),
        &cases,
    )
    .await;
    assert!(app.child_reports(&noor).await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn a_body_that_is_not_the_expected_json_is_answered_in_the_error_shape() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let send = |body: &'static str, content_type: &'static str| {
        app.client
            .post(app.url("/api/reports"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let broken = send("{\"pupil_ids\": [", "application/json").await.unwrap();
    let not_json = send("pupil_ids=1", "application/x-www-form-urlencoded")
        .await
        .unwrap();
    let wrong_type = send(
        r#"{"pupil_ids":"noor","kind":"ill","first_day":"2026-11-24","idempotency_key":"0123456789abcdef"}"#,
        "application/json",
    )
    .await
    .unwrap();
    let missing = send(
        r#"{"pupil_ids":["a"],"kind":"ill","idempotency_key":"0123456789abcdef"}"#,
        "application/json",
    )
    .await
    .unwrap();
    let unknown_kind = send(
        r#"{"pupil_ids":["a"],"kind":"flu","first_day":"2026-11-24","idempotency_key":"0123456789abcdef"}"#,
        "application/json",
    )
    .await
    .unwrap();

    expect_error(broken, StatusCode::BAD_REQUEST, ErrorCode::BadRequest).await;
    expect_error(
        not_json,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::BadRequest,
    )
    .await;
    let e = expect_error(
        wrong_type,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(e.field.as_deref(), Some("pupil_ids"));
    let e = expect_error(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(e.field.as_deref(), Some("first_day"));
    let e = expect_error(
        unknown_kind,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(e.field.as_deref(), Some("kind"));
}

#[tokio::test]
async fn a_guardian_sees_what_the_other_guardian_reported() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let report = json!({
        "pupil_ids": [noor],
        "kind": "appointment",
        "first_day": today(),
        "last_day": today(),
        "start_time": "09:00",
        "end_time": "10:30",
        "note": "Tandarts",
        "idempotency_key": new_key(),
    });
    let created: Vec<AbsenceReport> = body(app.post_report(&report).await).await;
    let mark = app.client_for("mark@example.nl").await;

    let res = mark
        .get(app.url(&format!("/api/children/{noor}/reports")))
        .send()
        .await
        .unwrap();

    let seen: Vec<AbsenceReport> = body(res).await;
    assert_eq!(seen, created);
    let json: serde_json::Value = body(
        mark.get(app.url(&format!("/api/reports/{}", created[0].id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(json["start_time"], "09:00");
    assert_eq!(json["end_time"], "10:30");
    assert_eq!(json["note"], "Tandarts");
    assert_eq!(json["reported_by"], "Sanne de Vries");
}
