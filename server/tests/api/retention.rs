//! The retention job: a pupil who left school more than the school's
//! retention period ago (default 5 years) is deleted with every record
//! about them, and so is a guardian left with nothing; everyone else stays.
//! Expired sessions and old mail go too. The job is called with a `now` of
//! its own, far ahead, so the run at the server's start-up (with the real
//! clock) cannot take part.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use server::clock::school_date;
use server::retention::{run_once, Deleted};
use server::store::Store;
use shared::{AbsenceReport, Conversation, LeaveRequest, UnexplainedAbsence};
use sqlx::Row;

use crate::helpers::{body, get, new_key, post, sick_today, today, wedding_leave, Db, TestApp};

on_both_backends!(
    a_pupil_who_left_long_enough_ago_is_deleted_with_all_their_records,
    sessions_that_expired_and_old_mail_are_deleted,
);

/// When the job runs in these tests: years ahead of the real clock.
fn job_time() -> DateTime<Utc> {
    "2040-06-15T09:00:00Z".parse().unwrap()
}

fn years_before(day: NaiveDate, years: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(12 * years)).unwrap()
}

/// Every table that holds something about a pupil, with its pupil column.
const PUPIL_TABLES: &[(&str, &str)] = &[
    ("pupils", "id"),
    ("absence_reports", "pupil_id"),
    ("leave_requests", "pupil_id"),
    ("conversations", "pupil_id"),
    ("unexplained_absences", "pupil_id"),
    ("late_arrivals", "pupil_id"),
    ("guardianships", "pupil_id"),
];

/// How many rows about `pupil_id` there are, table by table (and the audit
/// lines about its records), as "table=n" for readable failures.
async fn rows_about(store: &Store, pupil_id: &str) -> Vec<String> {
    let mut counts = Vec::new();
    for (table, column) in PUPIL_TABLES {
        let n: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1"))
                .bind(pupil_id)
                .fetch_one(store.pool())
                .await
                .unwrap();
        counts.push(format!("{table}={n}"));
    }
    let times: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM conversation_times t JOIN conversations c \
         ON c.id = t.conversation_id WHERE c.pupil_id = $1",
    )
    .bind(pupil_id)
    .fetch_one(store.pool())
    .await
    .unwrap();
    counts.push(format!("conversation_times={times}"));
    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM conversation_events e JOIN conversations c \
         ON c.id = e.conversation_id WHERE c.pupil_id = $1",
    )
    .bind(pupil_id)
    .fetch_one(store.pool())
    .await
    .unwrap();
    counts.push(format!("conversation_events={events}"));
    counts
}

/// How many audit lines name one of `ids`.
async fn audit_lines_about(store: &Store, ids: &[String]) -> i64 {
    let mut n = 0;
    for id in ids {
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE subject_id = $1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .unwrap();
        n += found;
    }
    n
}

async fn user_exists(store: &Store, email: &str) -> bool {
    store.user_for_login(email).await.unwrap().is_some()
}

async fn set_left_on(store: &Store, pupil_id: &str, day: NaiveDate) {
    sqlx::query("UPDATE pupils SET left_on = $1 WHERE id = $2")
        .bind(day.to_string())
        .bind(pupil_id)
        .execute(store.pool())
        .await
        .unwrap();
}

async fn child_of(app: &TestApp, parent: &Client, first_name: &str) -> String {
    let children: Vec<shared::Child> = body(get(app, parent, "/api/children").await).await;
    children
        .into_iter()
        .find(|c| c.first_name == first_name)
        .map(|c| c.id)
        .unwrap_or_else(|| panic!("no child {first_name}"))
}

async fn school_of(app: &TestApp, staff: &Client) -> String {
    let me: shared::Me = body(get(app, staff, "/api/me").await).await;
    me.staff_roles[0].school_id.clone()
}

/// The ids of what was made.
async fn created<T: serde::de::DeserializeOwned>(res: reqwest::Response) -> T {
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{text}");
    serde_json::from_str(&text).unwrap()
}

/// A child of De Regenboog gets a record of every kind: a report the
/// school saw, a leave request the director decided, a conversation with
/// proposed times, an absence the school marked and the parent explained,
/// and a late arrival. Returns the ids of these records.
async fn every_kind_of_record(app: &TestApp, parent: &Client, pupil: &str) -> Vec<String> {
    let desk = app.client_for("balie@example.nl").await;
    let director = app.client_for("directie@example.nl").await;
    let teacher = app.client_for("els@example.nl").await;
    let school = school_of(app, &desk).await;
    let mut ids = Vec::new();

    let reports: Vec<AbsenceReport> = created(
        post(
            app,
            parent,
            "/api/reports",
            &sick_today(&[pupil], &new_key()),
        )
        .await,
    )
    .await;
    app.acknowledge(&reports[0].id, "balie@example.nl").await;
    ids.push(reports[0].id.clone());

    let leave: LeaveRequest = created(
        post(
            app,
            parent,
            "/api/leave-requests",
            &wedding_leave(pupil, &new_key()),
        )
        .await,
    )
    .await;
    let decision = json!({ "granted": true, "reason": "Veel plezier." });
    let path = format!("/api/leave-requests/{}/decision", leave.id);
    assert_eq!(
        post(app, &director, &path, &decision).await.status(),
        StatusCode::OK
    );
    ids.push(leave.id);

    let request = json!({
        "pupil_id": pupil, "with": "director", "topic": "absence", "child_joins": false,
        "mode": "at_school", "days": [], "day_parts": [], "message": "Kunnen we praten?",
        "shared_with_guardians": true, "idempotency_key": new_key(),
    });
    let conversation: Conversation =
        created(post(app, parent, "/api/conversations", &request).await).await;
    let day = today() + Days::new(7);
    let times = json!({ "times": [{ "day": day, "start_time": "15:00", "end_time": "15:30" }] });
    let path = format!("/api/conversations/{}/times", conversation.id);
    assert_eq!(
        post(app, &director, &path, &times).await.status(),
        StatusCode::OK
    );
    ids.push(conversation.id);

    let mark = json!({ "pupil_id": pupil, "day": today(), "idempotency_key": new_key() });
    let path = format!("/api/schools/{school}/absences");
    let absence: UnexplainedAbsence = created(post(app, &desk, &path, &mark).await).await;
    let path = format!("/api/unexplained-absences/{}/explanation", absence.id);
    let explanation = json!({ "kind": "appointment", "note": "Tandarts" });
    assert_eq!(
        post(app, parent, &path, &explanation).await.status(),
        StatusCode::OK
    );
    ids.push(absence.id);

    let late = json!({ "pupil_id": pupil, "day": today(), "arrived_at": "09:00", "idempotency_key": new_key() });
    let path = format!("/api/schools/{school}/late-arrivals");
    let late: Value = created(post(app, &teacher, &path, &late).await).await;
    ids.push(late["id"].as_str().unwrap().to_owned());
    ids
}

async fn a_pupil_who_left_long_enough_ago_is_deleted_with_all_their_records(db: Db) {
    let app = db.spawn_app().await;
    let store = &app.store;
    let sanne = app.client_for("sanne@example.nl").await;
    let ahmed = app.client_for("ahmed@example.nl").await;
    let lotte = app.client_for("lotte@example.nl").await;
    let (noor, daan) = (
        child_of(&app, &sanne, "Noor").await,
        child_of(&app, &sanne, "Daan").await,
    );
    let yara = child_of(&app, &ahmed, "Yara").await;
    let sem = child_of(&app, &lotte, "Sem").await;
    let yaras_records = every_kind_of_record(&app, &ahmed, &yara).await;
    let sems_records = every_kind_of_record(&app, &lotte, &sem).await;
    assert!(audit_lines_about(store, &yaras_records).await > 0);
    // Noor is still at school; her report is from long ago.
    let old: Vec<AbsenceReport> = created(
        post(
            &app,
            &sanne,
            "/api/reports",
            &sick_today(&[&noor], &new_key()),
        )
        .await,
    )
    .await;
    sqlx::query("UPDATE absence_reports SET first_day = '2012-01-09', last_day = '2012-01-10' WHERE id = $1")
        .bind(&old[0].id)
        .execute(store.pool())
        .await
        .unwrap();
    // Mail to Ahmed, waiting to be sent.
    let mails_to_ahmed = || async {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE to_address = $1")
            .bind("ahmed@example.nl")
            .fetch_one(store.pool())
            .await
            .unwrap();
        n
    };
    assert!(
        mails_to_ahmed().await > 0,
        "the school's question was mailed"
    );

    let today = school_date(job_time());
    // Yara and Daan left 5 years and a day ago, Sem 4 years and 364 days.
    let five_years_and_a_day = years_before(today, 5) - Days::new(1);
    let four_years_364_days = years_before(today, 4) - Days::new(364);
    assert!(four_years_364_days > years_before(today, 5));
    set_left_on(store, &yara, five_years_and_a_day).await;
    set_left_on(store, &daan, five_years_and_a_day).await;
    set_left_on(store, &sem, four_years_364_days).await;
    let sem_before = rows_about(store, &sem).await;
    // A record of every kind, to be deleted or kept.
    for before in [&rows_about(store, &yara).await, &sem_before] {
        assert!(before.iter().all(|c| !c.ends_with("=0")), "{before:?}");
    }
    let noor_before = rows_about(store, &noor).await;

    let deleted = run_once(store, job_time()).await.unwrap();
    assert_eq!((deleted.pupils, deleted.accounts), (2, 1), "{deleted:?}");

    // Yara: nothing left, nor Ahmed's account, his sessions and mail.
    let nothing: Vec<String> = rows_about(store, &yara)
        .await
        .into_iter()
        .filter(|c| !c.ends_with("=0"))
        .collect();
    assert!(nothing.is_empty(), "left of Yara: {nothing:?}");
    assert_eq!(audit_lines_about(store, &yaras_records).await, 0);
    assert!(!user_exists(store, "ahmed@example.nl").await);
    // (At the job's time every session of today has expired: log in anew.)
    let res = app
        .login("ahmed@example.nl", crate::helpers::PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(mails_to_ahmed().await, 0);
    // Daan is gone, but Sanne keeps her account: she has Noor.
    assert!(rows_about(store, &daan)
        .await
        .iter()
        .all(|c| c.ends_with("=0")));
    let sanne = app.client_for("sanne@example.nl").await;
    let children: Vec<shared::Child> = body(get(&app, &sanne, "/api/children").await).await;
    let names: Vec<_> = children.iter().map(|c| c.first_name.as_str()).collect();
    assert_eq!(names, ["Noor"]);

    // Sem left 4 years and 364 days ago: all still there, Lotte too.
    assert_eq!(rows_about(store, &sem).await, sem_before);
    assert!(audit_lines_about(store, &sems_records).await > 0);
    assert!(user_exists(store, "lotte@example.nl").await);
    // Noor is at school: her report from 2012 stays, and so do Mark and
    // Sanne.
    assert_eq!(rows_about(store, &noor).await, noor_before);
    let reports: Vec<AbsenceReport> =
        body(get(&app, &sanne, &format!("/api/children/{noor}/reports")).await).await;
    assert!(reports.iter().any(|r| r.id == old[0].id));
    assert!(user_exists(store, "mark@example.nl").await);

    // A second run finds nothing more to delete.
    let again = run_once(store, job_time()).await.unwrap();
    assert_eq!((again.pupils, again.accounts), (0, 0));
    // Days later, Sem's turn has come.
    let later = run_once(store, job_time() + chrono::Duration::days(7))
        .await
        .unwrap();
    assert_eq!((later.pupils, later.accounts), (1, 1), "Sem, and Lotte");
    assert!(!user_exists(store, "lotte@example.nl").await);
}

async fn insert_mail(
    store: &Store,
    sent_at: Option<DateTime<Utc>>,
    gave_up_at: Option<DateTime<Utc>>,
) -> String {
    let id = server::store::new_id();
    let created = server::store::instant_to_text(job_time() - chrono::Duration::days(400));
    sqlx::query(
        "INSERT INTO mail_outbox (id, to_address, to_name, subject, body, created_at, attempts, \
         next_attempt_at, sent_at, gave_up_at) VALUES ($1, 'x@example.nl', 'X', 'Onderwerp', \
         'Tekst', $2, 1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(&created)
    .bind(sent_at.map(server::store::instant_to_text))
    .bind(gave_up_at.map(server::store::instant_to_text))
    .execute(store.pool())
    .await
    .unwrap();
    id
}

async fn sessions_that_expired_and_old_mail_are_deleted(db: Db) {
    let store = db.seeded_store().await;
    let now = job_time();
    let sanne = store
        .user_for_login("sanne@example.nl")
        .await
        .unwrap()
        .unwrap();
    let day = chrono::Duration::days(1);
    store
        .create_session("expired", &sanne.id, now - day * 31, now - day)
        .await
        .unwrap();
    // Unused for 10 days: ended, though not yet expired.
    store
        .create_session("idle", &sanne.id, now - day * 10, now + day * 20)
        .await
        .unwrap();
    store
        .create_session("open", &sanne.id, now - day, now + day * 29)
        .await
        .unwrap();
    let old_sent = insert_mail(&store, Some(now - day * 31), None).await;
    let old_given_up = insert_mail(&store, None, Some(now - day * 31)).await;
    let recent = insert_mail(&store, Some(now - day * 29), None).await;
    let waiting = insert_mail(&store, None, None).await;

    let deleted = run_once(&store, now).await.unwrap();
    assert_eq!(
        deleted,
        Deleted {
            pupils: 0,
            accounts: 0,
            sessions: 2,
            mails: 2,
        }
    );
    let sessions: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(sessions, ["open"]);
    let mut mails: Vec<String> = sqlx::query("SELECT id FROM mail_outbox")
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>("id"))
        .collect();
    mails.sort();
    let mut kept = vec![recent, waiting];
    kept.sort();
    assert_eq!(mails, kept, "not {old_sent} nor {old_given_up}");
}
