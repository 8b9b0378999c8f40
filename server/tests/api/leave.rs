//! Leave requests: a guardian asks, the director of the child's school
//! decides, the guardian reads the decision.

use chrono::Days;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use shared::{ErrorCode, LeaveKind, LeaveRequest, LeaveStatus};

use crate::helpers::{
    body, expect_error, expect_invalid_fields, get, new_key, spawn_app, today, wedding_leave, Db,
    TestApp,
};

on_both_backends!(
    a_parent_asks_leave_and_reads_the_directors_decision,
    a_retry_with_the_same_key_returns_the_same_request,
    another_parents_child_is_out_of_reach,
    only_the_director_of_the_childs_school_decides,
    a_pending_request_can_be_withdrawn_and_a_decided_one_not,
);

/// Ahmed asks leave for Yara's wedding; returns the stored request.
async fn ahmed_asks_for_yara(app: &TestApp) -> LeaveRequest {
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    let res = app
        .post_json("/api/leave-requests", &wedding_leave(&yara, &new_key()))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    body(res).await
}

async fn decide(app: &TestApp, client: &Client, id: &str, decision: Value) -> Response {
    client
        .post(app.url(&format!("/api/leave-requests/{id}/decision")))
        .json(&decision)
        .send()
        .await
        .expect("request")
}

async fn withdraw(app: &TestApp, client: &Client, id: &str) -> Response {
    client
        .delete(app.url(&format!("/api/leave-requests/{id}")))
        .send()
        .await
        .expect("request")
}

fn granted(reason: &str) -> Value {
    json!({ "granted": true, "reason": reason })
}

async fn a_parent_asks_leave_and_reads_the_directors_decision(db: Db) {
    let app = db.spawn_app().await;
    let asked = ahmed_asks_for_yara(&app).await;
    assert_eq!(asked.pupil_first_name, "Yara");
    assert_eq!(asked.kind, LeaveKind::ImportantCircumstances);
    assert_eq!(asked.first_day, today() + Days::new(14));
    assert_eq!(asked.reason, "De bruiloft van mijn broer");
    assert_eq!(asked.requested_by, "Ahmed El Amrani");
    assert_eq!(asked.status, LeaveStatus::Pending);
    assert_eq!(asked.decided_by, None);
    let director = app.client_for("directie@example.nl").await;

    let res = decide(
        &app,
        &director,
        &asked.id,
        granted("  Veel plezier op de bruiloft.  "),
    )
    .await;

    assert_eq!(res.status(), StatusCode::OK);
    let decided: LeaveRequest = body(res).await;
    assert_eq!(decided.status, LeaveStatus::Granted);
    assert_eq!(
        decided.decision_reason.as_deref(),
        Some("Veel plezier op de bruiloft.")
    );
    assert_eq!(decided.decided_by.as_deref(), Some("Ingrid Smit"));
    assert!(decided.decided_at.is_some());
    let seen: LeaveRequest =
        body(app.get(&format!("/api/leave-requests/{}", asked.id)).await).await;
    assert_eq!(seen, decided);
    let list: Vec<LeaveRequest> = body(
        app.get(&format!("/api/children/{}/leave-requests", asked.pupil_id))
            .await,
    )
    .await;
    assert_eq!(list, [decided]);
    // The school's audit log has the decision, not the reasons.
    let school = app
        .store
        .pupil_school(&asked.pupil_id)
        .await
        .unwrap()
        .unwrap();
    let log = app.store.audit_log(&school, 10).await.unwrap();
    let line = log
        .iter()
        .find(|e| e.subject_id == asked.id)
        .expect("logged");
    assert_eq!(line.action, shared::AuditAction::LeaveDecided);
    assert_eq!(line.by, "Ingrid Smit");
    assert_eq!(line.detail.as_deref(), Some("granted"));
}

async fn a_retry_with_the_same_key_returns_the_same_request(db: Db) {
    let app = db.spawn_app().await;
    app.login_as("sanne@example.nl").await;
    let daan = app.child_id("Daan").await;
    let request = wedding_leave(&daan, &new_key());

    let first = app.post_json("/api/leave-requests", &request).await;
    let retry = app.post_json("/api/leave-requests", &request).await;

    assert_eq!(first.status(), StatusCode::CREATED);
    assert_eq!(retry.status(), StatusCode::OK);
    let first: LeaveRequest = body(first).await;
    let retry: LeaveRequest = body(retry).await;
    assert_eq!(retry, first);
    let list: Vec<LeaveRequest> = body(
        app.get(&format!("/api/children/{daan}/leave-requests"))
            .await,
    )
    .await;
    assert_eq!(list, [first]);
}

async fn another_parents_child_is_out_of_reach(db: Db) {
    let app = db.spawn_app().await;
    let asked = ahmed_asks_for_yara(&app).await;
    let sanne = app.client_for("sanne@example.nl").await;

    let list = get(
        &app,
        &sanne,
        &format!("/api/children/{}/leave-requests", asked.pupil_id),
    )
    .await;
    let one = get(&app, &sanne, &format!("/api/leave-requests/{}", asked.id)).await;
    let ask = sanne
        .post(app.url("/api/leave-requests"))
        .json(&wedding_leave(&asked.pupil_id, &new_key()))
        .send()
        .await
        .unwrap();
    let take_back = withdraw(&app, &sanne, &asked.id).await;

    expect_error(list, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(one, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    let error = expect_error(ask, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    assert_eq!(error.field.as_deref(), Some("pupil_id"));
    expect_error(take_back, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    let list: Vec<LeaveRequest> = body(
        app.get(&format!("/api/children/{}/leave-requests", asked.pupil_id))
            .await,
    )
    .await;
    assert_eq!(list.len(), 1, "nothing added");
    assert_eq!(list[0].status, LeaveStatus::Pending, "nothing changed");
}

async fn only_the_director_of_the_childs_school_decides(db: Db) {
    let app = db.spawn_app().await;
    let yaras = ahmed_asks_for_yara(&app).await;
    let sanne = app.client_for("sanne@example.nl").await;
    let children: Vec<shared::Child> = body(get(&app, &sanne, "/api/children").await).await;
    let daan = &children.iter().find(|c| c.first_name == "Daan").unwrap().id;
    let daans: LeaveRequest = body(
        sanne
            .post(app.url("/api/leave-requests"))
            .json(&wedding_leave(daan, &new_key()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let teacher = app.client_for("els@example.nl").await;
    let other_school = app.client_for("fatma@example.nl").await;
    let director = app.client_for("directie@example.nl").await;
    let yes = granted("Akkoord.");

    let by_teacher = decide(&app, &teacher, &yaras.id, yes.clone()).await;
    let by_parent = decide(&app, &app.client, &yaras.id, yes.clone()).await;
    let by_other_school = decide(&app, &other_school, &yaras.id, yes.clone()).await;
    let director_elsewhere = decide(&app, &director, &daans.id, yes.clone()).await;
    let director_reads_elsewhere = get(
        &app,
        &director,
        &format!("/api/leave-requests/{}", daans.id),
    )
    .await;

    expect_error(by_teacher, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    expect_error(by_parent, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    expect_error(by_other_school, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(
        director_elsewhere,
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
    )
    .await;
    expect_error(
        director_reads_elsewhere,
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
    )
    .await;
    let still: LeaveRequest =
        body(app.get(&format!("/api/leave-requests/{}", yaras.id)).await).await;
    assert_eq!(still.status, LeaveStatus::Pending);
    let read: LeaveRequest = body(
        get(
            &app,
            &director,
            &format!("/api/leave-requests/{}", yaras.id),
        )
        .await,
    )
    .await;
    assert_eq!(read, still, "the director reads her school's requests");

    let refused = decide(
        &app,
        &director,
        &yaras.id,
        json!({ "granted": false, "reason": "Dit valt niet onder gewichtige omstandigheden." }),
    )
    .await;
    let again = decide(&app, &director, &yaras.id, yes).await;

    assert_eq!(refused.status(), StatusCode::OK);
    let refused: LeaveRequest = body(refused).await;
    assert_eq!(refused.status, LeaveStatus::Refused);
    let error = expect_error(again, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    assert!(!error.message.is_empty());
    let seen: LeaveRequest =
        body(app.get(&format!("/api/leave-requests/{}", yaras.id)).await).await;
    assert_eq!(seen, refused, "the first decision stands");
}

async fn a_pending_request_can_be_withdrawn_and_a_decided_one_not(db: Db) {
    let app = db.spawn_app().await;
    let first = ahmed_asks_for_yara(&app).await;
    let second: LeaveRequest = body(
        app.post_json(
            "/api/leave-requests",
            &wedding_leave(&first.pupil_id, &new_key()),
        )
        .await,
    )
    .await;
    let director = app.client_for("directie@example.nl").await;
    let res = decide(&app, &director, &second.id, granted("Akkoord.")).await;
    assert_eq!(res.status(), StatusCode::OK);

    let pending = withdraw(&app, &app.client, &first.id).await;
    let twice = withdraw(&app, &app.client, &first.id).await;
    let decided = withdraw(&app, &app.client, &second.id).await;
    let by_director = withdraw(&app, &director, &second.id).await;
    let decide_withdrawn = decide(&app, &director, &first.id, granted("Akkoord.")).await;

    assert_eq!(pending.status(), StatusCode::OK);
    let withdrawn: LeaveRequest = body(pending).await;
    assert_eq!(withdrawn.status, LeaveStatus::Withdrawn);
    assert_eq!(withdrawn.decided_by.as_deref(), Some("Ahmed El Amrani"));
    assert_eq!(withdrawn.decision_reason, None);
    assert_eq!(twice.status(), StatusCode::OK, "withdrawing is repeatable");
    expect_error(decided, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    expect_error(by_director, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    expect_error(decide_withdrawn, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    let list: Vec<LeaveRequest> = body(
        app.get(&format!("/api/children/{}/leave-requests", first.pupil_id))
            .await,
    )
    .await;
    let statuses: Vec<_> = list.iter().map(|r| (r.id.clone(), r.status)).collect();
    assert_eq!(
        statuses,
        [
            (second.id, LeaveStatus::Granted),
            (first.id, LeaveStatus::Withdrawn)
        ],
        "newest first"
    );
}

#[tokio::test]
async fn the_school_lists_its_requests_for_its_director_only() {
    let app = spawn_app().await;
    let first = ahmed_asks_for_yara(&app).await;
    let second: LeaveRequest = body(
        app.post_json(
            "/api/leave-requests",
            &json!({
                "pupil_id": first.pupil_id,
                "kind": "religious",
                "first_day": today() + Days::new(7),
                "last_day": today() + Days::new(7),
                "reason": "Suikerfeest",
                "idempotency_key": new_key(),
            }),
        )
        .await,
    )
    .await;
    let director = app.client_for("directie@example.nl").await;
    let me: shared::Me = body(get(&app, &director, "/api/me").await).await;
    let school = &me.staff_roles[0].school_id;
    decide(&app, &director, &first.id, granted("Akkoord.")).await;
    let teacher = app.client_for("els@example.nl").await;
    let other_school = app.client_for("fatma@example.nl").await;
    let path = format!("/api/schools/{school}/leave-requests");

    let all: Vec<LeaveRequest> = body(get(&app, &director, &path).await).await;
    let pending: Vec<LeaveRequest> =
        body(get(&app, &director, &format!("{path}?status=pending")).await).await;
    let wrong_status = get(&app, &director, &format!("{path}?status=maybe")).await;
    let by_teacher = get(&app, &teacher, &path).await;
    let by_other_school = get(&app, &other_school, &path).await;
    let by_parent = app.get(&path).await;

    let ids: Vec<_> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [second.id.as_str(), first.id.as_str()],
        "soonest first"
    );
    assert_eq!(pending, [second]);
    let error = expect_error(
        wrong_status,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("status"));
    expect_error(by_teacher, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
    expect_error(by_other_school, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(by_parent, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}

#[tokio::test]
async fn validation_errors_name_the_field() {
    let app = spawn_app().await;
    app.login_as("ahmed@example.nl").await;
    let yara = app.child_id("Yara").await;
    let cases = [
        (
            "last day before first day",
            json!({ "last_day": today() + Days::new(13) }),
            "last_day",
        ),
        (
            "a holiday in the past",
            json!({ "kind": "holiday_for_work", "first_day": today() - Days::new(1) }),
            "first_day",
        ),
        ("no reason", json!({ "reason": "  " }), "reason"),
        (
            "a long reason",
            json!({ "reason": "x".repeat(501) }),
            "reason",
        ),
        ("no child", json!({ "pupil_id": "" }), "pupil_id"),
        ("an unknown kind", json!({ "kind": "sabbatical" }), "kind"),
    ];

    expect_invalid_fields(
        &app,
        "/api/leave-requests",
        || wedding_leave(&yara, &new_key()),
        &cases,
    )
    .await;
    let list: Vec<LeaveRequest> = body(
        app.get(&format!("/api/children/{yara}/leave-requests"))
            .await,
    )
    .await;
    assert!(list.is_empty(), "nothing stored");
}

#[tokio::test]
async fn a_decision_needs_a_reason() {
    let app = spawn_app().await;
    let asked = ahmed_asks_for_yara(&app).await;
    let director = app.client_for("directie@example.nl").await;

    let empty = decide(
        &app,
        &director,
        &asked.id,
        json!({ "granted": true, "reason": " " }),
    )
    .await;
    let missing = decide(&app, &director, &asked.id, json!({ "granted": false })).await;

    for res in [empty, missing] {
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some("reason"));
    }
    let seen: LeaveRequest =
        body(app.get(&format!("/api/leave-requests/{}", asked.id)).await).await;
    assert_eq!(seen.status, LeaveStatus::Pending);
}

#[tokio::test]
async fn an_unknown_request_is_not_found_and_asking_needs_a_login() {
    let app = spawn_app().await;

    let anonymous = app
        .post_json("/api/leave-requests", &wedding_leave("x", &new_key()))
        .await;
    app.login_as("directie@example.nl").await;
    let unknown = app.get("/api/leave-requests/does-not-exist").await;
    let decide_unknown = decide(&app, &app.client, "does-not-exist", granted("Akkoord.")).await;

    expect_error(
        anonymous,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
    expect_error(unknown, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
    expect_error(decide_unknown, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
}
