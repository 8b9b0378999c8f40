//! The attendance desk: the school's list of reports, acknowledging them,
//! marking a pupil absent (the parents explain, the school judges), late
//! arrivals, the signals of the protocol, the audit log; and who may do
//! which.

use chrono::{Days, NaiveDate};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use server::store::schools::standard_calendar;
use shared::desk::school_days_after;
use shared::protocol::{AbsenceCategory, Role};
use shared::{
    AbsenceReport, AuditAction, AuditEntry, ChildProtocol, ConversationWith, DeskReport,
    DeskReports, ErrorCode, LateArrival, Me, SchoolGroup, Signal, UnexplainedAbsence,
    UnexplainedStatus,
};

use crate::helpers::{
    body, expect_error, get, new_key, post, send, sick_today, today, Db, TestApp,
};

on_both_backends!(
    the_desk_sees_the_reports_of_its_own_school_only,
    the_desk_acknowledges_two_at_once_and_the_parent_sees_who,
    a_report_of_another_school_is_refused_and_nothing_is_acknowledged,
    a_pupil_marked_absent_is_explained_by_the_parent_and_judged,
    a_fourth_sick_report_gives_a_conversation_signal_and_never_leerplicht,
    sixteen_unauthorised_hours_give_the_duo_signal_with_its_deadline,
    a_late_arrival_counts_in_the_childs_totals,
    the_audit_log_says_who_did_what_for_the_admin_only,
    every_new_endpoint_refuses_who_may_not,
    the_desk_downloads_the_absences_of_a_period_as_csv,
);

const DESK: &str = "balie@example.nl";
const TEACHER: &str = "els@example.nl";
const MENTOR: &str = "mentor@example.nl";
const CARE: &str = "fatma@example.nl";
const ADMIN: &str = "admin@example.nl";

/// The school the staff member works at.
async fn school_of(app: &TestApp, staff: &Client) -> String {
    let me: Me = body(get(app, staff, "/api/me").await).await;
    me.staff_roles[0].school_id.clone()
}

async fn child_of(app: &TestApp, parent: &Client, first_name: &str) -> String {
    let children: Vec<shared::Child> = body(get(app, parent, "/api/children").await).await;
    children
        .into_iter()
        .find(|c| c.first_name == first_name)
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("no child {first_name}"))
}

/// `parent` reports these children ill from today; one report each.
async fn report_ill(app: &TestApp, parent: &Client, pupils: &[&str]) -> Vec<AbsenceReport> {
    let res = post(app, parent, "/api/reports", &sick_today(pupils, &new_key())).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    body(res).await
}

async fn protocol(app: &TestApp, parent: &Client, pupil: &str) -> ChildProtocol {
    body(get(app, parent, &format!("/api/children/{pupil}/protocol")).await).await
}

/// The school day `count` school days before today.
fn school_days_back(count: usize) -> NaiveDate {
    let calendar = standard_calendar(today());
    std::iter::successors(today().pred_opt(), NaiveDate::pred_opt)
        .filter(|d| calendar.is_school_day(*d))
        .nth(count - 1)
        .expect("a school day")
}

fn mark(pupil: &str, day: NaiveDate) -> Value {
    json!({ "pupil_id": pupil, "day": day, "idempotency_key": new_key() })
}

async fn the_desk_sees_the_reports_of_its_own_school_only(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let (noor, daan) = (
        child_of(&app, &sanne, "Noor").await,
        child_of(&app, &sanne, "Daan").await,
    );
    let reports = report_ill(&app, &sanne, &[&noor, &daan]).await;

    let list: DeskReports =
        body(get(&app, &desk, &format!("/api/schools/{school}/reports")).await).await;

    assert_eq!((list.from, list.to), (today(), today() + Days::new(7)));
    let names: Vec<&str> = list.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Groep 3", "Groep 6"]);
    let all: Vec<&DeskReport> = list.groups.iter().flat_map(|g| &g.reports).collect();
    assert_eq!(
        all.len(),
        1,
        "Noor's only, not Daan's (another school) nor Yara's earlier ones: {all:?}"
    );
    let noors = all[0];
    assert_eq!(noors.id, reports[0].id);
    assert_eq!(
        (noors.pupil_first_name.as_str(), noors.group_name.as_str()),
        ("Noor", "Groep 3")
    );
    assert_eq!(noors.reported_by, "Sanne de Vries");
    assert_eq!(noors.kind, shared::AbsenceKind::Ill);
    assert_eq!(noors.acknowledged_by, None);

    // One group; earlier days; a bad date.
    let groups: Vec<SchoolGroup> =
        body(get(&app, &desk, &format!("/api/schools/{school}/groups")).await).await;
    let groep6 = &groups[1];
    let names: Vec<&str> = groep6
        .pupils
        .iter()
        .map(|p| p.first_name.as_str())
        .collect();
    assert_eq!(names, ["Sem", "Yara"], "by first name");
    let path = format!("/api/schools/{school}/reports?group={}", groep6.id);
    let only6: DeskReports = body(get(&app, &desk, &path).await).await;
    assert_eq!(only6.groups.len(), 1);
    assert!(only6.groups[0].reports.is_empty());
    let day = school_days_back(5);
    let path = format!("/api/schools/{school}/reports?from={day}&to={day}");
    let earlier: DeskReports = body(get(&app, &desk, &path).await).await;
    assert_eq!(earlier.groups[1].reports.len(), 1, "Yara's sick day then");
    for (query, field) in [
        ("from=24-11-2026", "from"),
        ("to=2026-01-01&from=2026-02-01", "to"),
        ("group=nope", "group"),
    ] {
        let res = get(
            &app,
            &desk,
            &format!("/api/schools/{school}/reports?{query}"),
        )
        .await;
        let error = expect_error(
            res,
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
        )
        .await;
        assert_eq!(error.field.as_deref(), Some(field), "{query}");
    }
}

async fn the_desk_acknowledges_two_at_once_and_the_parent_sees_who(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let noor = report_ill(&app, &sanne, &[&child_of(&app, &sanne, "Noor").await])
        .await
        .remove(0);
    let yara = report_ill(&app, &ahmed, &[&child_of(&app, &ahmed, "Yara").await])
        .await
        .remove(0);

    let path = format!("/api/schools/{school}/acknowledgements");
    let res = post(
        &app,
        &desk,
        &path,
        &json!({ "report_ids": [noor.id, yara.id, noor.id] }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: Vec<DeskReport> = body(res).await;

    assert_eq!(seen.len(), 2);
    assert!(seen
        .iter()
        .all(|r| r.acknowledged_by.as_deref() == Some("Kees Jansen")));
    let first_at = seen[0].acknowledged_at;
    // The parent sees who saw it, and can no longer change or withdraw it.
    let now: AbsenceReport =
        body(get(&app, &sanne, &format!("/api/reports/{}", noor.id)).await).await;
    assert_eq!(now.acknowledged_by.as_deref(), Some("Kees Jansen"));
    assert!(now.acknowledged_at.is_some());
    let change = json!({ "kind": "ill", "first_day": today() });
    let res = send(
        &app,
        &sanne,
        Method::PUT,
        &format!("/api/reports/{}", noor.id),
        Some(&change),
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    let res = send(
        &app,
        &ahmed,
        Method::DELETE,
        &format!("/api/reports/{}", yara.id),
        None,
    )
    .await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    // Again, by the teacher: stays as it was.
    let teacher = app.client_for(TEACHER).await;
    let again: Vec<DeskReport> =
        body(post(&app, &teacher, &path, &json!({ "report_ids": [noor.id] })).await).await;
    assert_eq!(again[0].acknowledged_by.as_deref(), Some("Kees Jansen"));
    assert_eq!(again[0].acknowledged_at, first_at);
    // Too few.
    let res = post(&app, &desk, &path, &json!({ "report_ids": [] })).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("report_ids"));
}

async fn a_report_of_another_school_is_refused_and_nothing_is_acknowledged(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let (noor, daan) = (
        child_of(&app, &sanne, "Noor").await,
        child_of(&app, &sanne, "Daan").await,
    );
    let reports = report_ill(&app, &sanne, &[&noor, &daan]).await;
    let (noors, daans) = (&reports[0].id, &reports[1].id);

    let path = format!("/api/schools/{school}/acknowledgements");
    let res = post(&app, &desk, &path, &json!({ "report_ids": [noors, daans] })).await;

    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("report_ids"));
    assert!(error.message.contains(daans.as_str()), "{}", error.message);
    for report in app_reports(&app, &sanne, &[noors, daans]).await {
        assert_eq!(report.acknowledged_at, None, "nothing acknowledged");
    }
}

async fn app_reports(app: &TestApp, parent: &Client, ids: &[&String]) -> Vec<AbsenceReport> {
    let mut reports = Vec::new();
    for id in ids {
        reports.push(body(get(app, parent, &format!("/api/reports/{id}")).await).await);
    }
    reports
}

fn total(protocol: &ChildProtocol, category: AbsenceCategory) -> f32 {
    protocol.position.totals.of(category).school_days
}

async fn a_pupil_marked_absent_is_explained_by_the_parent_and_judged(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mark_de_vries = app.client_for("mark@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let noor = child_of(&app, &sanne, "Noor").await;

    let marked = mark(&noor, today());
    let path = format!("/api/schools/{school}/absences");
    let res = post(&app, &desk, &path, &marked).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let absence: UnexplainedAbsence = body(res).await;
    assert_eq!(absence.status, UnexplainedStatus::AskingParents);
    assert_eq!(absence.marked_by, "Kees Jansen");
    let retry = post(&app, &desk, &path, &marked).await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(body::<UnexplainedAbsence>(retry).await.id, absence.id);

    // Both guardians hear that the school has a question (once, for the
    // retry too), and no more than that.
    for address in ["sanne@example.nl", "mark@example.nl"] {
        let mails = app.mails_to(address).await;
        assert_eq!(mails.len(), 1, "{address}");
        assert!(mails[0].subject.starts_with("De school heeft een vraag"));
        assert!(mails[0].text.contains(&format!("/kinderen/{noor}")));
        assert!(!mails[0].text.contains("mist"), "{}", mails[0].text);
    }

    // Both guardians see the question; it counts as unauthorised for now.
    for parent in [&sanne, &mark_de_vries] {
        let list: Vec<UnexplainedAbsence> = body(
            get(
                &app,
                parent,
                &format!("/api/children/{noor}/unexplained-absences"),
            )
            .await,
        )
        .await;
        assert_eq!(list.len(), 1);
        assert!(
            list[0].question.starts_with("De school mist Noor op "),
            "{}",
            list[0].question
        );
        assert!(list[0].question.ends_with("Wilt u laten weten waarom?"));
    }
    assert_eq!(
        total(
            &protocol(&app, &sanne, &noor).await,
            AbsenceCategory::Unauthorised
        ),
        1.0
    );

    // Sanne explains; a note with illness is refused.
    let explain = format!("/api/unexplained-absences/{}/explanation", absence.id);
    let res = post(
        &app,
        &sanne,
        &explain,
        &json!({ "kind": "ill", "note": "koorts" }),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("note"));
    let res = post(&app, &sanne, &explain, &json!({ "kind": "flu" })).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("kind"));
    let res = post(
        &app,
        &sanne,
        &explain,
        &json!({ "kind": "appointment", "note": "Tandarts" }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let explained: UnexplainedAbsence = body(res).await;
    assert_eq!(explained.status, UnexplainedStatus::Explained);
    assert_eq!(explained.explained_by.as_deref(), Some("Sanne de Vries"));
    assert_eq!(
        total(
            &protocol(&app, &sanne, &noor).await,
            AbsenceCategory::Unauthorised
        ),
        1.0,
        "until the school accepts it"
    );

    // The desk finds the answer among the absences waiting for a judgement.
    let open: Vec<UnexplainedAbsence> = body(get(&app, &desk, &path).await).await;
    let waiting = open.iter().find(|a| a.id == absence.id).expect("listed");
    assert_eq!(waiting.status, UnexplainedStatus::Explained);
    assert_eq!(
        (
            waiting.pupil_last_name.as_str(),
            waiting.group_name.as_str()
        ),
        ("de Vries", "Groep 3")
    );

    // The desk accepts the reason: now an appointment, no longer unauthorised.
    let judge = format!("/api/unexplained-absences/{}/judgement", absence.id);
    let res = post(&app, &desk, &judge, &json!({ "authorised": true })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let judged: UnexplainedAbsence = body(res).await;
    assert_eq!(judged.status, UnexplainedStatus::Authorised);
    assert_eq!(judged.judged_by.as_deref(), Some("Kees Jansen"));
    let after = protocol(&app, &sanne, &noor).await;
    assert_eq!(total(&after, AbsenceCategory::Unauthorised), 0.0);
    assert_eq!(total(&after, AbsenceCategory::Appointment), 1.0);
    // Judged: off the open list, still on the whole list.
    let open: Vec<UnexplainedAbsence> = body(get(&app, &desk, &path).await).await;
    assert!(open.iter().all(|a| a.id != absence.id));
    let all: Vec<UnexplainedAbsence> =
        body(get(&app, &desk, &format!("{path}?status=all")).await).await;
    assert!(all.iter().any(|a| a.id == absence.id));
    // Judged: the parent can no longer change the reason.
    let res = post(&app, &mark_de_vries, &explain, &json!({ "kind": "other" })).await;
    expect_error(res, StatusCode::CONFLICT, ErrorCode::Conflict).await;
    // A day without school, or a pupil of another school.
    let saturday = (0..7)
        .map(|i| today() - Days::new(i))
        .find(|d| d.format("%u").to_string() == "6")
        .unwrap();
    let res = post(&app, &desk, &path, &mark(&noor, saturday)).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("day"));
    let daan = child_of(&app, &sanne, "Daan").await;
    let res = post(&app, &desk, &path, &mark(&daan, today())).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("pupil_id"));
}

async fn signals(app: &TestApp, staff: &Client, school: &str) -> Vec<Signal> {
    let res = get(app, staff, &format!("/api/schools/{school}/signals")).await;
    assert_eq!(res.status(), StatusCode::OK);
    body(res).await
}

async fn a_fourth_sick_report_gives_a_conversation_signal_and_never_leerplicht(db: Db) {
    let app = db.spawn_app().await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let yara = child_of(&app, &ahmed, "Yara").await;
    // Sem, of the same school, starts with a signal of his own.
    assert!(
        signals(&app, &desk, &school)
            .await
            .iter()
            .all(|s| s.pupil_id != yara),
        "three sick reports: nothing due yet"
    );

    report_ill(&app, &ahmed, &[&yara]).await;
    let due = signals(&app, &desk, &school).await;

    let talk = due
        .iter()
        .find(|s| s.step_id == "gesprek-vaak-ziek")
        .unwrap_or_else(|| panic!("a conversation signal: {due:?}"));
    assert_eq!(
        (talk.pupil_id.as_str(), talk.group_name.as_str()),
        (yara.as_str(), "Groep 6")
    );
    assert_eq!(talk.since, today());
    assert_eq!(talk.invite, Some(ConversationWith::CareCoordinator));
    assert_eq!(talk.deadline, None);
    assert!(!talk.texts.what_happens.is_empty());
    assert!(
        due.iter()
            .all(|s| s.pupil_id != yara || s.role != Role::AttendanceOfficer),
        "illness never brings leerplicht: {due:?}"
    );
    // The care coordinator of the other school sees none of it.
    let care = app.client_for(CARE).await;
    let elsewhere = school_of(&app, &care).await;
    assert!(signals(&app, &care, &elsewhere).await.is_empty());
}

async fn sixteen_unauthorised_hours_give_the_duo_signal_with_its_deadline(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let noor = child_of(&app, &sanne, "Noor").await;
    let calendar = standard_calendar(today());
    assert_eq!(
        calendar.lesson_hours_per_day, 6.0,
        "3 whole days make 18 hours"
    );

    // Two whole days: 12 hours, not yet.
    let path = format!("/api/schools/{school}/absences");
    for day in [school_days_back(2), school_days_back(1)] {
        assert_eq!(
            post(&app, &desk, &path, &mark(&noor, day)).await.status(),
            StatusCode::CREATED
        );
    }
    assert!(signals(&app, &desk, &school)
        .await
        .iter()
        .all(|s| s.pupil_id != noor || s.role != Role::AttendanceOfficer));
    assert_eq!(
        post(&app, &desk, &path, &mark(&noor, today()))
            .await
            .status(),
        StatusCode::CREATED
    );

    let due = signals(&app, &desk, &school).await;
    let duo = due
        .iter()
        .find(|s| s.step_id == "lessen-gemist-leerplicht" && s.pupil_id == noor)
        .unwrap_or_else(|| panic!("the DUO signal: {due:?}"));
    assert_eq!(duo.pupil_first_name, "Noor");
    assert_eq!(duo.role, Role::AttendanceOfficer);
    assert_eq!(duo.since, today(), "the day the 16 hours were reached");
    assert_eq!(duo.deadline, Some(school_days_after(&calendar, today(), 5)));
    assert!(
        duo.deadline > Some(today() + Days::new(6)),
        "5 school days span a weekend"
    );
    // The parent's view is the same computation.
    let seen = protocol(&app, &sanne, &noor).await;
    assert!(matches!(
        seen.position.state("lessen-gemist-leerplicht"),
        Some(shared::protocol::StepState::Applies { since }) if *since == today()
    ));
}

async fn a_late_arrival_counts_in_the_childs_totals(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let teacher = app.client_for(TEACHER).await;
    let school = school_of(&app, &teacher).await;
    let noor = child_of(&app, &sanne, "Noor").await;

    let late = json!({ "pupil_id": noor, "day": today(), "arrived_at": "09:00", "idempotency_key": new_key() });
    let path = format!("/api/schools/{school}/late-arrivals");
    let res = post(&app, &teacher, &path, &late).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let stored: LateArrival = body(res).await;
    assert_eq!(stored.registered_by, "Els Bakker");
    assert_eq!(
        post(&app, &teacher, &path, &late).await.status(),
        StatusCode::OK,
        "a retry"
    );

    let totals = protocol(&app, &sanne, &noor)
        .await
        .position
        .totals
        .of(AbsenceCategory::Late);
    assert_eq!(totals.reports, 1);
    assert!(
        (totals.lesson_hours - 0.5).abs() < 1e-3,
        "08:30 to 09:00: {totals:?}"
    );
    let mut bad = late.clone();
    bad["arrived_at"] = json!("9 uur");
    let res = post(&app, &teacher, &path, &bad).await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("arrived_at"));
}

async fn the_audit_log_says_who_did_what_for_the_admin_only(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let mentor = app.client_for(MENTOR).await;
    let admin = app.client_for(ADMIN).await;
    let school = school_of(&app, &mentor).await;
    let daan = child_of(&app, &sanne, "Daan").await;
    let report = report_ill(&app, &sanne, &[&daan]).await.remove(0);

    let ack = json!({ "report_ids": [report.id] });
    let res = post(
        &app,
        &mentor,
        &format!("/api/schools/{school}/acknowledgements"),
        &ack,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post(
        &app,
        &mentor,
        &format!("/api/schools/{school}/absences"),
        &mark(&daan, school_days_back(1)),
    )
    .await;
    let absence: UnexplainedAbsence = body(res).await;
    let explain = format!("/api/unexplained-absences/{}/explanation", absence.id);
    assert_eq!(
        post(
            &app,
            &sanne,
            &explain,
            &json!({ "kind": "other", "note": "Bus reed niet" })
        )
        .await
        .status(),
        StatusCode::OK
    );
    let judge = format!("/api/unexplained-absences/{}/judgement", absence.id);
    assert_eq!(
        post(&app, &admin, &judge, &json!({ "authorised": false }))
            .await
            .status(),
        StatusCode::OK
    );

    let res = get(&app, &admin, &format!("/api/schools/{school}/audit-log")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let log: Vec<AuditEntry> = body(res).await;
    let lines: Vec<(AuditAction, &str)> = log.iter().map(|e| (e.action, e.by.as_str())).collect();
    assert_eq!(
        lines,
        [
            (AuditAction::AbsenceJudged, "Mila Koster"),
            (AuditAction::AbsenceExplained, "Sanne de Vries"),
            (AuditAction::AbsenceMarked, "Ruben Visser"),
            (AuditAction::ReportAcknowledged, "Ruben Visser"),
            (AuditAction::ReportMade, "Sanne de Vries"),
        ]
    );
    assert_eq!(log[0].detail.as_deref(), Some("unauthorised"));
    assert_eq!(log[3].subject_id, report.id);
    assert_eq!(log[3].action_label, "Melding gezien");
    assert!(
        log.iter()
            .all(|e| !e.detail.as_deref().unwrap_or("").contains("Bus")),
        "no reasons in the log"
    );
    let one: Vec<AuditEntry> = body(
        get(
            &app,
            &admin,
            &format!("/api/schools/{school}/audit-log?limit=1"),
        )
        .await,
    )
    .await;
    assert_eq!(one.len(), 1);
    let res = get(
        &app,
        &admin,
        &format!("/api/schools/{school}/audit-log?limit=0"),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("limit"));
}

async fn every_new_endpoint_refuses_who_may_not(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let desk = app.client_for(DESK).await;
    let teacher = app.client_for(TEACHER).await;
    let mentor = app.client_for(MENTOR).await;
    let care = app.client_for(CARE).await;
    let nobody = crate::helpers::new_client();
    let regenboog = school_of(&app, &desk).await;
    let baken = school_of(&app, &care).await;
    let (noor, daan) = (
        child_of(&app, &sanne, "Noor").await,
        child_of(&app, &sanne, "Daan").await,
    );
    let reports = report_ill(&app, &sanne, &[&noor, &daan]).await;
    let absence: UnexplainedAbsence = body(
        post(
            &app,
            &desk,
            &format!("/api/schools/{regenboog}/absences"),
            &mark(&noor, today()),
        )
        .await,
    )
    .await;

    let late = |pupil: &str| json!({ "pupil_id": pupil, "day": today(), "arrived_at": "09:00", "idempotency_key": new_key() });
    // (method, path, body, the role at the school that may not)
    let at = |school: &str, what: &str| format!("/api/schools/{school}/{what}");
    let endpoints: Vec<(Method, String, Option<Value>, Option<&Client>)> = vec![
        (Method::GET, at(&baken, "reports"), None, None),
        (Method::GET, at(&baken, "groups"), None, None),
        (
            Method::POST,
            at(&baken, "acknowledgements"),
            Some(json!({ "report_ids": [reports[1].id] })),
            Some(&care),
        ),
        (
            Method::POST,
            at(&baken, "absences"),
            Some(mark(&daan, today())),
            Some(&care),
        ),
        (
            Method::POST,
            at(&baken, "late-arrivals"),
            Some(late(&daan)),
            Some(&care),
        ),
        (Method::GET, at(&baken, "signals"), None, Some(&mentor)),
        (Method::GET, at(&baken, "audit-log"), None, Some(&care)),
    ];
    for (method, path, request, forbidden_role) in &endpoints {
        let request = request.as_ref();
        let res = send(&app, &nobody, method.clone(), path, request).await;
        expect_error(res, StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated).await;
        // A parent, and staff of the other school: not found.
        for outsider in [&sanne, &desk] {
            let res = send(&app, outsider, method.clone(), path, request).await;
            expect_error(res, StatusCode::NOT_FOUND, ErrorCode::NotFound).await;
        }
        if let Some(role) = forbidden_role {
            let res = send(&app, role, method.clone(), path, request).await;
            let error = expect_error(res, StatusCode::FORBIDDEN, ErrorCode::Forbidden).await;
            assert!(!error.message.is_empty(), "{path}");
        }
    }

    // The unexplained absence of Noor (De Regenboog).
    let list = format!("/api/children/{noor}/unexplained-absences");
    let explain = format!("/api/unexplained-absences/{}/explanation", absence.id);
    let judge = format!("/api/unexplained-absences/{}/judgement", absence.id);
    let why = json!({ "kind": "other" });
    let verdict = json!({ "authorised": true });
    expect_error(
        get(&app, &nobody, &list).await,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
    expect_error(
        post(&app, &nobody, &explain, &why).await,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
    expect_error(
        post(&app, &nobody, &judge, &verdict).await,
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
    )
    .await;
    for outsider in [&ahmed, &care, &mentor] {
        expect_error(
            get(&app, outsider, &list).await,
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
        )
        .await;
        expect_error(
            post(&app, outsider, &explain, &why).await,
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
        )
        .await;
        expect_error(
            post(&app, outsider, &judge, &verdict).await,
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
        )
        .await;
    }
    // Staff of the school do not answer for the parents; a teacher does not judge; a parent neither.
    expect_error(
        get(&app, &desk, &list).await,
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
    )
    .await;
    expect_error(
        post(&app, &desk, &explain, &why).await,
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
    )
    .await;
    expect_error(
        post(&app, &teacher, &judge, &verdict).await,
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
    )
    .await;
    expect_error(
        post(&app, &sanne, &judge, &verdict).await,
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
    )
    .await;
    // Nothing of this changed the absence.
    let now: Vec<UnexplainedAbsence> = body(get(&app, &sanne, &list).await).await;
    assert_eq!(now[0].status, UnexplainedStatus::AskingParents);
}

async fn the_desk_downloads_the_absences_of_a_period_as_csv(db: Db) {
    let app = db.spawn_app().await;
    let sanne = app.client_for("sanne@example.nl").await;
    let desk = app.client_for(DESK).await;
    let school = school_of(&app, &desk).await;
    let noor = child_of(&app, &sanne, "Noor").await;
    report_ill(&app, &sanne, &[&noor]).await;

    // This school year: Yara's three earlier sick reports and Noor's.
    let res = get(
        &app,
        &desk,
        &format!("/api/schools/{school}/exports/absences.csv"),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let file = res.text().await.unwrap();
    let lines: Vec<&str> = file.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("leerlingnummer;voornaam;achternaam;groep;soort"));
    let ill_lines = |name: &str| {
        lines
            .iter()
            .filter(|l| l.contains(name) && l.contains(";ziek;"))
            .count()
    };
    assert_eq!(ill_lines(";Yara;"), 3, "{file}");
    assert_eq!(ill_lines(";Noor;"), 1, "{file}");
    assert!(!file.contains("Daan"), "another school's pupil: {file}");

    // Today only: Noor's.
    let path = format!(
        "/api/schools/{school}/exports/absences.csv?from={0}&to={0}",
        today()
    );
    let file = get(&app, &desk, &path).await.text().await.unwrap();
    assert_eq!(file.lines().count(), 2, "{file}");
    let res = get(
        &app,
        &desk,
        &format!("/api/schools/{school}/exports/absences.csv?from=gisteren"),
    )
    .await;
    let error = expect_error(
        res,
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidInput,
    )
    .await;
    assert_eq!(error.field.as_deref(), Some("from"));

    // Not for a teacher; not for another school.
    let teacher = app.client_for(TEACHER).await;
    let path = format!("/api/schools/{school}/exports/absences.csv");
    expect_error(
        get(&app, &teacher, &path).await,
        StatusCode::FORBIDDEN,
        ErrorCode::Forbidden,
    )
    .await;
    let mentor = app.client_for(MENTOR).await;
    expect_error(
        get(&app, &mentor, &path).await,
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
    )
    .await;
}
