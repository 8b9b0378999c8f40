//! After a report: a parent changes or withdraws it until the school has
//! seen it, and reports an open-ended illness better (also after that).

use chrono::Days;
use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::{AbsenceKind, AbsenceReport, AuditAction, ErrorCode};

use crate::helpers::{body, expect_error, new_key, sick_today, spawn_app, today, Db, TestApp};

on_both_backends!(
    a_parent_changes_a_report_until_the_school_has_seen_it,
    a_withdrawn_report_is_gone_for_parents,
    an_open_ended_illness_is_reported_better_also_after_the_school_saw_it,
    another_parents_report_is_out_of_reach,
);

/// The message for any change after the school has seen a report.
const SEEN: &str = "De school heeft deze melding al gezien. Wilt u iets veranderen? \
                    Neem dan contact op met de school.";

/// A one-day appointment `days` from today, as `PUT` takes it.
fn appointment_in(days: u64) -> Value {
    let day = today() + Days::new(days);
    json!({
        "kind": "appointment",
        "first_day": day,
        "last_day": day,
        "start_time": "09:00",
        "note": "Tandarts",
    })
}

/// `POST /api/reports` for one child: `details` and the child and a key.
fn new_report(pupil_id: &str, details: &Value) -> Value {
    let mut report = details.clone();
    report["pupil_ids"] = json!([pupil_id]);
    report["idempotency_key"] = json!(new_key());
    report
}

/// Sanne, logged in, with an open-ended sick report for Noor.
async fn sanne_with_sick_noor(db: &Db) -> (TestApp, AbsenceReport) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let report = app.report_one(&sick_today(&[&noor], &new_key())).await;
    (app, report)
}

fn better_from(days_from_today: i64) -> Value {
    let day = today() + chrono::Duration::days(days_from_today);
    json!({ "better_from": day })
}

async fn a_parent_changes_a_report_until_the_school_has_seen_it(db: Db) {
    let (app, report) = sanne_with_sick_noor(&db).await;
    let path = format!("/api/reports/{}", report.id);

    let res = app.put_json(&path, &appointment_in(2)).await;

    assert_eq!(res.status(), StatusCode::OK);
    let changed: AbsenceReport = body(res).await;
    assert_eq!(changed.id, report.id);
    assert_eq!(changed.details.kind, AbsenceKind::Appointment);
    assert_eq!(changed.details.first_day, today() + Days::new(2));
    assert_eq!(changed.details.note.as_deref(), Some("Tandarts"));
    assert_eq!(changed.reported_at, report.reported_at, "still made then");
    assert!(changed.updated_at.is_some());
    assert!(changed.can_change(), "not seen yet");
    assert_eq!(
        app.child_reports(&report.pupil_id).await,
        std::slice::from_ref(&changed)
    );

    app.acknowledge(&report.id, "els@example.nl").await;
    let seen: AbsenceReport = body(app.get(&path).await).await;
    assert!(!seen.can_change());
    assert_eq!(seen.acknowledged_by.as_deref(), Some("Els Bakker"));

    let change = expect_error(
        app.put_json(&path, &appointment_in(3)).await,
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
    )
    .await;
    let withdraw = expect_error(
        app.delete(&path).await,
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
    )
    .await;
    assert_eq!(change.message, SEEN);
    assert_eq!(withdraw.message, SEEN);
    let unchanged: AbsenceReport = body(app.get(&path).await).await;
    assert_eq!(unchanged.details, changed.details);
    // The school's audit log has what was done, and not what was refused.
    assert_eq!(
        audit_of(&app, &report).await,
        [AuditAction::ReportMade, AuditAction::ReportChanged]
    );
}

/// What the audit log of the report's school says was done to it, oldest
/// first (acknowledging aside: the test did that through the store).
async fn audit_of(app: &TestApp, report: &AbsenceReport) -> Vec<AuditAction> {
    let school = app
        .store
        .pupil_school(&report.pupil_id)
        .await
        .unwrap()
        .unwrap();
    let mut log = app.store.audit_log(&school, 50).await.unwrap();
    log.retain(|e| e.subject_id == report.id);
    log.iter().rev().map(|e| e.action).collect()
}

async fn a_withdrawn_report_is_gone_for_parents(db: Db) {
    let (app, report) = sanne_with_sick_noor(&db).await;
    let path = format!("/api/reports/{}", report.id);

    let res = app.delete(&path).await;

    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(app.child_reports(&report.pupil_id).await.is_empty());
    assert_eq!(
        audit_of(&app, &report).await,
        [AuditAction::ReportMade, AuditAction::ReportWithdrawn]
    );
    for res in [
        app.get(&path).await,
        app.delete(&path).await,
        app.put_json(&path, &appointment_in(1)).await,
        app.post_json(&format!("{path}/better"), &better_from(0))
            .await,
    ] {
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    }
    // Noor's other guardian does not see it either.
    let mark = app.client_for("mark@example.nl").await;
    let marks: Vec<AbsenceReport> = body(
        mark.get(app.url(&format!("/api/children/{}/reports", report.pupil_id)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(marks.is_empty());
}

async fn an_open_ended_illness_is_reported_better_also_after_the_school_saw_it(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let daan = app.child_id("Daan").await;
    let three_days_ago = today() - Days::new(3);
    let ill = json!({ "kind": "ill", "first_day": three_days_ago });
    let report = app.report_one(&new_report(&daan, &ill)).await;
    app.acknowledge(&report.id, "fatma@example.nl").await;
    let path = format!("/api/reports/{}/better", report.id);

    let res = app.post_json(&path, &better_from(0)).await;

    assert_eq!(res.status(), StatusCode::OK);
    let better: AbsenceReport = body(res).await;
    assert_eq!(better.details.first_day, three_days_ago);
    assert_eq!(better.details.last_day, Some(today() - Days::new(1)));
    assert!(better.updated_at.is_some());
    assert_eq!(better.acknowledged_by.as_deref(), Some("Fatma Yilmaz"));
    assert_eq!(app.child_reports(&daan).await, [better]);
    let again = expect_error(
        app.post_json(&path, &better_from(0)).await,
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
    )
    .await;
    assert!(again.message.contains("al een laatste dag"), "{again:?}");
}

async fn another_parents_report_is_out_of_reach(db: Db) {
    let (app, report) = sanne_with_sick_noor(&db).await;
    let path = format!("/api/reports/{}", report.id);
    app.logout().await;
    app.login_as("ahmed@example.nl").await;

    for res in [
        app.put_json(&path, &appointment_in(1)).await,
        app.delete(&path).await,
        app.post_json(&format!("{path}/better"), &better_from(0))
            .await,
    ] {
        expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    }
    app.logout().await;
    app.login_as("sanne@example.nl").await;
    let untouched: AbsenceReport = body(app.get(&path).await).await;
    assert_eq!(untouched, report);
}

#[tokio::test]
async fn a_change_follows_the_rules_of_a_new_report() {
    let app = spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let noor = app.child_id("Noor").await;
    let report = app.report_one(&sick_today(&[&noor], &new_key())).await;
    let path = format!("/api/reports/{}", report.id);
    let cases = [
        (
            "last day before the first",
            json!({ "last_day": today() - Days::new(1) }),
            "last_day",
        ),
        ("a note on illness", json!({ "kind": "ill" }), "note"),
        (
            "first day too long ago",
            json!({ "first_day": today() - Days::new(15), "last_day": null, "start_time": null }),
            "first_day",
        ),
        ("an unknown kind", json!({ "kind": "flu" }), "kind"),
        (
            "a wrong time",
            json!({ "start_time": "25:00" }),
            "start_time",
        ),
    ];

    for (case, change, field) in cases {
        let mut body = appointment_in(0);
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let error = expect_error(
            app.put_json(&path, &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{case}");
    }
    let missing = expect_error(
        app.put_json(&path, &json!({ "first_day": today() })).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(missing.field.as_deref(), Some("kind"));
    assert_eq!(app.child_reports(&noor).await, [report], "nothing changed");
}

#[tokio::test]
async fn better_checks_its_day_and_the_kind_of_report() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    let ill = app.report_one(&sick_today(&[&yara], &new_key())).await;
    let appointment = app.report_one(&new_report(&yara, &appointment_in(1))).await;
    let better = |id: &str| format!("/api/reports/{id}/better");

    for (case, body) in [
        ("before the first day", better_from(-1)),
        ("more than 2 weeks ahead", better_from(15)),
        ("no day", json!({})),
        ("not a day", json!({ "better_from": "morgen" })),
    ] {
        let error = expect_error(
            app.post_json(&better(&ill.id), &body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some("better_from"), "{case}");
    }
    let not_open = expect_error(
        app.post_json(&better(&appointment.id), &better_from(0))
            .await,
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
    )
    .await;
    assert!(
        not_open.message.contains("zonder laatste dag"),
        "{not_open:?}"
    );

    let res = app.post_json(&better(&ill.id), &better_from(0)).await;

    assert_eq!(res.status(), StatusCode::OK);
    let same_day: AbsenceReport = body(res).await;
    assert_eq!(
        same_day.details.last_day,
        Some(today()),
        "better on the first day: ill on that day only"
    );
}

#[tokio::test]
async fn a_retry_after_withdrawing_does_not_report_again() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    // The demo's earlier sick days.
    let before = app.child_reports(&yara).await;
    let new = sick_today(&[&yara], &new_key());
    let report = app.report_one(&new).await;
    let res = app.delete(&format!("/api/reports/{}", report.id)).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let retry = app.post_report(&new).await;

    assert_eq!(retry.status(), StatusCode::OK, "handled before");
    assert_eq!(app.child_reports(&yara).await, before, "nothing new");
}
