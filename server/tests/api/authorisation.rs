//! Every endpoint that touches a child or a school, called by everyone who
//! has no business there: the staff of the other school (each of the five
//! roles), the
//! parents of other children, and no one logged in. One table; each row is
//! refused, and nothing about Daan or his school changes.

use chrono::Days;
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use server::store::accounts::insert_user;
use server::store::schools::insert_staff_role;
use shared::{
    AbsenceReport, Conversation, ConversationStatus, LeaveRequest, LeaveStatus, StaffRoleKind,
};

use crate::helpers::{body, new_client, new_key, sick_today, today, wedding_leave, Db, TestApp};

on_both_backends!(no_one_outside_reaches_daan_or_his_school);

/// What a row sends.
enum Send {
    Nothing,
    Json(Value),
    Csv(&'static str),
}

/// The ids the table's paths and bodies refer to.
struct Ids {
    school: String,
    daan: String,
    report: String,
    leave: String,
    conversation: String,
    absence: String,
    staff: String,
}

impl Ids {
    fn fill(&self, template: &str) -> String {
        template
            .replace("{school}", &self.school)
            .replace("{daan}", &self.daan)
            .replace("{report}", &self.report)
            .replace("{leave}", &self.leave)
            .replace("{conversation}", &self.conversation)
            .replace("{absence}", &self.absence)
            .replace("{staff}", &self.staff)
    }
}

/// (method, path, body, what an outsider who is logged in gets).
fn table(ids: &Ids) -> Vec<(Method, String, Send, StatusCode)> {
    let day = today() + Days::new(3);
    let slot = json!({ "day": day, "start_time": "10:00", "end_time": "10:30" });
    let conversation = json!({
        "pupil_id": ids.daan, "with": "mentor", "topic": "absence", "child_joins": true,
        "mode": "at_school", "shared_with_guardians": true, "idempotency_key": new_key(),
    });
    let invitation = json!({
        "pupil_id": ids.daan, "with": "mentor", "topic": "absence", "child_joins": true,
        "mode": "at_school", "times": [slot], "idempotency_key": new_key(),
    });
    let settings = json!({
        "protocol": null, "calendar": null, "contacts": [], "conversations_shared": true,
    });
    let details = json!({ "kind": "ill", "first_day": today() });
    let (get, post, put, delete) = (Method::GET, Method::POST, Method::PUT, Method::DELETE);
    let nothing = StatusCode::NOT_FOUND;
    // Asking for another's child by naming it in the body: forbidden, as
    // docs/API.md says.
    let not_yours = StatusCode::FORBIDDEN;
    let rows: Vec<(Method, &str, Send, StatusCode)> = vec![
        (get.clone(), "/api/children/{daan}/reports", Send::Nothing, nothing),
        (get.clone(), "/api/children/{daan}/protocol", Send::Nothing, nothing),
        (get.clone(), "/api/children/{daan}/contacts", Send::Nothing, nothing),
        (get.clone(), "/api/children/{daan}/leave-requests", Send::Nothing, nothing),
        (get.clone(), "/api/children/{daan}/unexplained-absences", Send::Nothing, nothing),
        (post.clone(), "/api/reports", Send::Json(sick_today(&[&ids.daan], &new_key())), not_yours),
        (get.clone(), "/api/reports/{report}", Send::Nothing, nothing),
        (put.clone(), "/api/reports/{report}", Send::Json(details), nothing),
        (delete.clone(), "/api/reports/{report}", Send::Nothing, nothing),
        (post.clone(), "/api/reports/{report}/better", Send::Json(json!({ "better_from": today() + Days::new(1) })), nothing),
        (post.clone(), "/api/leave-requests", Send::Json(wedding_leave(&ids.daan, &new_key())), not_yours),
        (get.clone(), "/api/leave-requests/{leave}", Send::Nothing, nothing),
        (delete.clone(), "/api/leave-requests/{leave}", Send::Nothing, nothing),
        (post.clone(), "/api/leave-requests/{leave}/decision", Send::Json(json!({ "granted": true, "reason": "Goed." })), nothing),
        (post.clone(), "/api/conversations", Send::Json(conversation), not_yours),
        (get.clone(), "/api/conversations/{conversation}", Send::Nothing, nothing),
        (get.clone(), "/api/conversations/{conversation}/calendar.ics", Send::Nothing, nothing),
        (post.clone(), "/api/conversations/{conversation}/times", Send::Json(json!({ "times": [slot] })), nothing),
        (post.clone(), "/api/conversations/{conversation}/choice", Send::Json(json!({ "time_id": "x" })), nothing),
        (post.clone(), "/api/conversations/{conversation}/other-times", Send::Json(json!({ "message": "Later" })), nothing),
        (post.clone(), "/api/conversations/{conversation}/cancel", Send::Json(json!({ "reason": "Weg" })), nothing),
        (post.clone(), "/api/conversations/{conversation}/outcome", Send::Json(json!({ "note": "", "note_visible_to_parents": false })), nothing),
        (post.clone(), "/api/unexplained-absences/{absence}/explanation", Send::Json(json!({ "kind": "other" })), nothing),
        (post.clone(), "/api/unexplained-absences/{absence}/judgement", Send::Json(json!({ "authorised": true })), nothing),
        (get.clone(), "/api/schools/{school}/reports", Send::Nothing, nothing),
        (get.clone(), "/api/schools/{school}/groups", Send::Nothing, nothing),
        (post.clone(), "/api/schools/{school}/acknowledgements", Send::Json(json!({ "report_ids": [ids.report] })), nothing),
        (get.clone(), "/api/schools/{school}/absences", Send::Nothing, nothing),
        (post.clone(), "/api/schools/{school}/absences", Send::Json(json!({ "pupil_id": ids.daan, "day": today(), "idempotency_key": new_key() })), nothing),
        (post.clone(), "/api/schools/{school}/late-arrivals", Send::Json(json!({ "pupil_id": ids.daan, "day": today(), "arrived_at": "09:00", "idempotency_key": new_key() })), nothing),
        (get.clone(), "/api/schools/{school}/signals", Send::Nothing, nothing),
        (get.clone(), "/api/schools/{school}/audit-log", Send::Nothing, nothing),
        (get.clone(), "/api/schools/{school}/exports/absences.csv", Send::Nothing, nothing),
        (get.clone(), "/api/schools/{school}/settings", Send::Nothing, nothing),
        (put.clone(), "/api/schools/{school}/settings", Send::Json(settings), nothing),
        (get.clone(), "/api/schools/{school}/conversations", Send::Nothing, nothing),
        (post.clone(), "/api/schools/{school}/conversations", Send::Json(invitation), nothing),
        (get.clone(), "/api/schools/{school}/leave-requests", Send::Nothing, nothing),
        (post.clone(), "/api/schools/{school}/imports", Send::Csv("leerlingnummer;voornaam;achternaam;groep;ouder1_naam;ouder1_email\n1;A;B;1A;C;c@example.nl\n"), nothing),
        (post.clone(), "/api/schools/{school}/activation-codes", Send::Json(json!({})), nothing),
        (get.clone(), "/api/schools/{school}/staff", Send::Nothing, nothing),
        (post.clone(), "/api/schools/{school}/staff", Send::Json(json!({ "name": "X Y", "email": "xy@example.nl", "roles": ["teacher"] })), nothing),
        (put.clone(), "/api/schools/{school}/staff/{staff}", Send::Json(json!({ "roles": ["teacher"] })), nothing),
    ];
    rows.into_iter()
        .map(|(method, path, send, expected)| (method, ids.fill(path), send, expected))
        .collect()
}

async fn call(
    app: &TestApp,
    who: &Client,
    method: &Method,
    path: &str,
    send: &Send,
) -> reqwest::Response {
    let request = who.request(method.clone(), app.url(path));
    let request = match send {
        Send::Nothing => request,
        Send::Json(value) => request.json(value),
        Send::Csv(text) => request.header("content-type", "text/csv").body(*text),
    };
    request.send().await.expect("request")
}

async fn no_one_outside_reaches_daan_or_his_school(db: Db) {
    let app = db.spawn_app().await;
    // Daan's world at Het Baken College: a report, a leave request, a
    // conversation and an absence the school marked.
    let sanne = app.client_for("sanne@example.nl").await;
    let mentor = app.client_for("mentor@example.nl").await;
    let children: Vec<shared::Child> =
        body(sanne.get(app.url("/api/children")).send().await.unwrap()).await;
    let daan = children
        .into_iter()
        .find(|c| c.first_name == "Daan")
        .unwrap()
        .id;
    let report: Vec<AbsenceReport> = body(
        call(
            &app,
            &sanne,
            &Method::POST,
            "/api/reports",
            &Send::Json(sick_today(&[&daan], &new_key())),
        )
        .await,
    )
    .await;
    let leave: LeaveRequest = body(
        call(
            &app,
            &sanne,
            &Method::POST,
            "/api/leave-requests",
            &Send::Json(wedding_leave(&daan, &new_key())),
        )
        .await,
    )
    .await;
    let request = json!({
        "pupil_id": daan, "with": "mentor", "topic": "absence", "child_joins": true,
        "mode": "at_school", "shared_with_guardians": true, "idempotency_key": new_key(),
    });
    let conversation: Conversation = body(
        call(
            &app,
            &sanne,
            &Method::POST,
            "/api/conversations",
            &Send::Json(request),
        )
        .await,
    )
    .await;
    let me: shared::Me = body(mentor.get(app.url("/api/me")).send().await.unwrap()).await;
    let school = me.staff_roles[0].school_id.clone();
    let mark = json!({ "pupil_id": daan, "day": today(), "idempotency_key": new_key() });
    let res = call(
        &app,
        &mentor,
        &Method::POST,
        &format!("/api/schools/{school}/absences"),
        &Send::Json(mark),
    )
    .await;
    let absence: shared::UnexplainedAbsence = body(res).await;
    let staff = app
        .store
        .user_for_login("mentor@example.nl")
        .await
        .unwrap()
        .unwrap()
        .id;
    let ids = Ids {
        school,
        daan,
        report: report[0].id.clone(),
        leave: leave.id,
        conversation: conversation.id,
        absence: absence.id,
        staff,
    };

    // Every role of the other school (the demo has three there: add the
    // other two), and the parents of other children.
    let els: shared::Me = body(
        app.client_for("els@example.nl")
            .await
            .get(app.url("/api/me"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let regenboog = &els.staff_roles[0].school_id;
    let hash = server::auth::hash_password(crate::helpers::PASSWORD.into())
        .await
        .unwrap();
    let mut conn = app.store.pool().acquire().await.unwrap();
    for (email, role) in [
        ("zorg@regenboog.example.nl", StaffRoleKind::CareCoordinator),
        ("beheer@regenboog.example.nl", StaffRoleKind::SchoolAdmin),
    ] {
        let user = insert_user(&mut conn, email, "Collega Regenboog", &hash)
            .await
            .unwrap();
        insert_staff_role(&mut conn, &user, regenboog, role)
            .await
            .unwrap();
    }
    drop(conn);
    let outsiders = [
        "els@example.nl",
        "balie@example.nl",
        "directie@example.nl",
        "zorg@regenboog.example.nl",
        "beheer@regenboog.example.nl",
        "ahmed@example.nl",
        "mark@example.nl",
    ];
    let mut calls = 0;
    for outsider in outsiders {
        let client = app.client_for(outsider).await;
        for (method, path, send, expected) in table(&ids) {
            let res = call(&app, &client, &method, &path, &send).await;
            assert_eq!(res.status(), expected, "{outsider}: {method} {path}");
            let error: shared::ApiError = body(res).await;
            assert!(
                !error.message.contains("Daan"),
                "{outsider}: {method} {path}: {}",
                error.message
            );
            calls += 1;
        }
    }
    // And no one logged in.
    let nobody = new_client();
    for (method, path, send, _) in table(&ids) {
        let res = call(&app, &nobody, &method, &path, &send).await;
        assert_eq!(
            res.status(),
            StatusCode::UNAUTHORIZED,
            "no session: {method} {path}"
        );
        calls += 1;
    }
    assert!(calls > 200, "{calls} calls");

    // Nothing changed.
    let reports: Vec<AbsenceReport> = body(
        sanne
            .get(app.url(&format!("/api/children/{}/reports", ids.daan)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].acknowledged_at, None);
    let leave: LeaveRequest = body(
        sanne
            .get(app.url(&format!("/api/leave-requests/{}", ids.leave)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(leave.status, LeaveStatus::Pending);
    let conversation: Conversation = body(
        sanne
            .get(app.url(&format!("/api/conversations/{}", ids.conversation)))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(conversation.status, ConversationStatus::Requested);
}
