//! The data layer, the same tests on SQLite and on PostgreSQL.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};
use server::store::reports::Reporter;
use server::store::{Refusal, Store};
use shared::{AbsenceDetails, AbsenceKind, NewAbsenceReport, StaffRoleKind};
use sqlx::{Connection, Row};

use crate::helpers::{new_key, today, Backend, Db};

on_both_backends!(
    migrations_run_twice_safely,
    the_demo_seed_runs_only_once,
    reports_are_stored_and_listed_newest_first,
    the_same_key_twice_stores_one_report_per_child,
    simultaneous_submissions_with_one_key_store_once,
    a_key_used_after_the_reporter_was_read_answers_with_what_was_stored,
    a_parent_sees_only_their_own_children,
    sessions_expire,
    staff_see_their_roles_and_no_children,
    a_withdrawn_report_is_kept_for_the_school,
    every_pooled_connection_commits_durably,
);

/// What the server confirms is on disk: every connection of the pool is set
/// for it (all held at once, so each is one the pool opened), even when the
/// database's own default says otherwise.
async fn every_pooled_connection_commits_durably(db: Db) {
    if db.backend == Backend::Postgres {
        let name = db.url.rsplit('/').next().unwrap();
        let mut admin = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::Executor::execute(
            &mut admin,
            &*format!("ALTER DATABASE \"{name}\" SET synchronous_commit = off"),
        )
        .await
        .unwrap();
    }
    let store = db.store().await;
    let size = store.pool().options().get_max_connections();
    let mut connections = Vec::new();
    for _ in 0..size {
        connections.push(store.pool().acquire().await.unwrap());
    }
    for conn in &mut connections {
        let mut setting = async |query: &str| -> String {
            let row = sqlx::query(query).fetch_one(&mut **conn).await.unwrap();
            row.try_get::<String, _>(0)
                .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
                .unwrap()
        };
        match db.backend {
            Backend::Sqlite => {
                assert_eq!(setting("PRAGMA journal_mode").await, "wal");
                assert_eq!(setting("PRAGMA synchronous").await, "2", "FULL");
                assert_eq!(setting("PRAGMA foreign_keys").await, "1");
                assert_eq!(setting("PRAGMA busy_timeout").await, "5000");
            }
            Backend::Postgres => {
                assert_eq!(setting("SHOW synchronous_commit").await, "on");
            }
        }
    }
}

async fn user_id(store: &Store, email: &str) -> String {
    store
        .user_for_login(email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no user {email}"))
        .id
}

async fn child_id(store: &Store, user_id: &str, first_name: &str) -> String {
    store
        .children(user_id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.first_name == first_name)
        .unwrap_or_else(|| panic!("no child {first_name}"))
        .id
}

/// How many reports `user_id` sees for `pupil_id`.
async fn report_count(store: &Store, user_id: &str, pupil_id: &str) -> usize {
    let reports = store.child_reports(user_id, pupil_id).await.unwrap();
    reports.expect("a child of this user").len()
}

fn sick_from(days_ago: u64, pupil_ids: &[&str], key: &str) -> NewAbsenceReport {
    NewAbsenceReport {
        pupil_ids: pupil_ids.iter().map(|s| s.to_string()).collect(),
        details: AbsenceDetails {
            kind: AbsenceKind::Ill,
            first_day: today() - Days::new(days_ago),
            last_day: None,
            start_time: None,
            end_time: None,
            note: None,
        },
        idempotency_key: key.into(),
    }
}

async fn migrations_run_twice_safely(db: Db) {
    let store = db.store().await;
    let expected = match db.backend {
        Backend::Sqlite => server::store::Backend::Sqlite,
        Backend::Postgres => server::store::Backend::Postgres,
    };
    assert_eq!(store.backend(), expected);
    store.migrate().await.expect("a second run changes nothing");
    // A second start of the server on the same database.
    let again = db.store().await;
    assert!(!again.has_schools().await.unwrap());
    server::seed::seed_demo(&again).await.unwrap();
    again.migrate().await.expect("migrating with data in it");
    assert!(store.has_schools().await.unwrap());
}

async fn the_demo_seed_runs_only_once(db: Db) {
    let store = db.store().await;
    let logins = server::seed::seed_demo(&store).await.unwrap();
    let emails: Vec<_> = logins.unwrap().iter().map(|l| l.email).collect();
    assert_eq!(
        emails,
        [
            "sanne@example.nl",
            "mark@example.nl",
            "ahmed@example.nl",
            "lotte@example.nl",
            "els@example.nl",
            "balie@example.nl",
            "mentor@example.nl",
            "fatma@example.nl",
            "directie@example.nl",
            "admin@example.nl"
        ]
    );

    let second = server::seed::seed_demo(&store).await.unwrap();

    assert_eq!(second, None);
    let sanne = user_id(&store, "sanne@example.nl").await;
    let names: Vec<_> = store
        .children(&sanne)
        .await
        .unwrap()
        .into_iter()
        .map(|c| {
            format!(
                "{} {}, {}, {}",
                c.first_name, c.last_name, c.group_name, c.school_name
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "Daan de Vries, 2B, Het Baken College",
            "Noor de Vries, Groep 3, Basisschool De Regenboog"
        ]
    );
}

async fn reports_are_stored_and_listed_newest_first(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let noor = child_id(&store, &sanne, "Noor").await;
    let now = Utc::now();
    let older = sick_from(3, &[&noor], &new_key());
    let appointment = NewAbsenceReport {
        details: AbsenceDetails {
            kind: AbsenceKind::Appointment,
            first_day: today(),
            last_day: Some(today()),
            // Stored to the minute: the answer says what is stored.
            start_time: NaiveTime::from_hms_opt(9, 0, 30),
            end_time: NaiveTime::from_hms_opt(10, 30, 0),
            note: Some("  Tandarts  ".into()),
        },
        ..sick_from(0, &[&noor], &new_key())
    };

    let first = store.save_reports(&sanne, &older, now).await.unwrap();
    let second = store.save_reports(&sanne, &appointment, now).await.unwrap();

    assert!(first.created && second.created);
    let listed = store.child_reports(&sanne, &noor).await.unwrap().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0], second.reports[0], "the newest first day first");
    assert_eq!(listed[1], first.reports[0]);
    let stored = &listed[0];
    assert_eq!(stored.pupil_first_name, "Noor");
    assert_eq!(stored.details.kind, AbsenceKind::Appointment);
    assert_eq!(stored.details.last_day, Some(today()));
    assert_eq!(stored.details.start_time, NaiveTime::from_hms_opt(9, 0, 0));
    assert_eq!(stored.details.end_time, NaiveTime::from_hms_opt(10, 30, 0));
    assert_eq!(stored.details.note.as_deref(), Some("Tandarts"));
    assert_eq!(stored.reported_by, "Sanne de Vries");
    assert!((stored.reported_at - now).num_milliseconds().abs() < 1);
    assert_eq!(
        listed[1].details.last_day, None,
        "open-ended stays open-ended"
    );
    let one = store.report(&sanne, &stored.id).await.unwrap();
    assert_eq!(one.as_ref(), Some(stored));
}

async fn the_same_key_twice_stores_one_report_per_child(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let (noor, daan) = (
        child_id(&store, &sanne, "Noor").await,
        child_id(&store, &sanne, "Daan").await,
    );
    let report = sick_from(0, &[&noor, &daan], &new_key());

    let first = store
        .save_reports(&sanne, &report, Utc::now())
        .await
        .unwrap();
    let again = store
        .save_reports(&sanne, &report, Utc::now())
        .await
        .unwrap();

    assert!(first.created);
    assert!(!again.created);
    assert_eq!(again.reports, first.reports);
    let pupils: Vec<_> = first.reports.iter().map(|r| r.pupil_id.clone()).collect();
    assert_eq!(pupils, [noor.clone(), daan.clone()], "in the order asked");
    assert_eq!(report_count(&store, &sanne, &noor).await, 1);
    assert_eq!(report_count(&store, &sanne, &daan).await, 1);
}

async fn simultaneous_submissions_with_one_key_store_once(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let (noor, daan) = (
        child_id(&store, &sanne, "Noor").await,
        child_id(&store, &sanne, "Daan").await,
    );
    let report = sick_from(0, &[&noor, &daan], &new_key());

    let attempts: Vec<_> = (0..10)
        .map(|_| {
            let (store, sanne, report) = (store.clone(), sanne.clone(), report.clone());
            tokio::spawn(async move { store.save_reports(&sanne, &report, Utc::now()).await })
        })
        .collect();
    let mut results = Vec::new();
    for attempt in attempts {
        results.push(
            attempt
                .await
                .unwrap()
                .expect("every attempt gets an answer"),
        );
    }

    assert_eq!(results.iter().filter(|r| r.created).count(), 1);
    for result in &results {
        assert_eq!(result.reports, results[0].reports);
    }
    assert_eq!(report_count(&store, &sanne, &noor).await, 1);
    assert_eq!(report_count(&store, &sanne, &daan).await, 1);
}

/// The handler reads the reporter (and whether the key was used) and then
/// inserts at once; another request with the same key in between makes
/// that insert fail, and the answer is what the other one stored.
async fn a_key_used_after_the_reporter_was_read_answers_with_what_was_stored(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let (noor, daan) = (
        child_id(&store, &sanne, "Noor").await,
        child_id(&store, &sanne, "Daan").await,
    );
    let report = sick_from(0, &[&daan, &noor], &new_key());
    let key = &report.idempotency_key;

    let reporter = store.reporter(&sanne, key).await.unwrap();
    assert_eq!(reporter.name, "Sanne de Vries");
    assert!(!reporter.key_used);
    assert_eq!(
        reporter.children.get(&noor).map(String::as_str),
        Some("Noor")
    );
    assert_eq!(
        reporter.children.get(&daan).map(String::as_str),
        Some("Daan")
    );

    let first = store
        .save_reports(&sanne, &report, Utc::now())
        .await
        .unwrap();
    let late = store
        .save_reports_of(&sanne, &reporter, &report, Utc::now())
        .await
        .unwrap();

    assert!(first.created);
    assert!(!late.created, "the insert failed on the key, and then read");
    assert_eq!(late.reports, first.reports);
    let read = store
        .reports_by_key(&sanne, key, &report.pupil_ids)
        .await
        .unwrap();
    assert_eq!(first.reports, read, "the answer is what a read gives");
    assert_eq!(report_count(&store, &sanne, &noor).await, 1);
    assert_eq!(report_count(&store, &sanne, &daan).await, 1);
    assert!(store.reporter(&sanne, key).await.unwrap().key_used);

    // A reporter that does not know the child: the answer is read back.
    let unknown = Reporter {
        children: Default::default(),
        ..reporter
    };
    let other = sick_from(1, &[&noor], &new_key());
    let saved = store
        .save_reports_of(&sanne, &unknown, &other, Utc::now())
        .await
        .unwrap();
    assert!(saved.created);
    let one = store.report(&sanne, &saved.reports[0].id).await.unwrap();
    assert_eq!(one.as_ref(), Some(&saved.reports[0]));
}

async fn a_parent_sees_only_their_own_children(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let mark = user_id(&store, "mark@example.nl").await;
    let ahmed = user_id(&store, "ahmed@example.nl").await;
    let noor = child_id(&store, &sanne, "Noor").await;
    let saved = store
        .save_reports(&sanne, &sick_from(0, &[&noor], &new_key()), Utc::now())
        .await
        .unwrap();
    let report_id = &saved.reports[0].id;

    let ahmeds: Vec<_> = store
        .children(&ahmed)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.first_name)
        .collect();
    assert_eq!(ahmeds, ["Yara"]);
    assert_eq!(store.child_reports(&ahmed, &noor).await.unwrap(), None);
    assert_eq!(store.report(&ahmed, report_id).await.unwrap(), None);
    let ahmed_reporting = store.reporter(&ahmed, &new_key()).await.unwrap();
    assert!(!ahmed_reporting.children.contains_key(&noor));
    // Mark is Noor's guardian too: he sees what Sanne reported.
    let marks = store.child_reports(&mark, &noor).await.unwrap().unwrap();
    assert_eq!(marks, saved.reports);
    assert_eq!(marks[0].reported_by, "Sanne de Vries");
    assert!(store.report(&mark, report_id).await.unwrap().is_some());
}

async fn sessions_expire(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let now = Utc::now();
    store
        .create_session("hash-a", &sanne, now, now + Duration::hours(1))
        .await
        .unwrap();
    store
        .create_session("hash-b", &sanne, now, now + Duration::days(30))
        .await
        .unwrap();

    assert_eq!(
        session_user(&store, "hash-a", now).await,
        Some(sanne.clone())
    );
    let later = now + Duration::hours(2);
    assert_eq!(session_user(&store, "hash-a", later).await, None);
    assert_eq!(
        session_user(&store, "hash-b", later).await,
        Some(sanne.clone())
    );
    assert_eq!(session_user(&store, "unknown", now).await, None);

    store
        .delete_expired_sessions(&sanne, later, server::auth::idle_since(later))
        .await
        .unwrap();
    assert_eq!(session_user(&store, "hash-a", now).await, None, "removed");
    store.delete_session("hash-b").await.unwrap();
    assert_eq!(session_user(&store, "hash-b", now).await, None);
}

/// The user of a session at `at`, as a request sees it.
async fn session_user(store: &Store, token_hash: &str, at: DateTime<Utc>) -> Option<String> {
    store
        .session_user(
            token_hash,
            at,
            server::auth::idle_since(at),
            at - Duration::hours(1),
        )
        .await
        .unwrap()
}

async fn staff_see_their_roles_and_no_children(db: Db) {
    let store = db.seeded_store().await;
    let fatma = user_id(&store, "Fatma@Example.NL").await;

    let me = store.me(&fatma).await.unwrap().unwrap();

    assert_eq!(me.name, "Fatma Yilmaz");
    assert_eq!(me.email, "fatma@example.nl");
    assert!(me.children.is_empty());
    assert_eq!(me.staff_roles.len(), 1);
    assert_eq!(me.staff_roles[0].school_name, "Het Baken College");
    assert_eq!(me.staff_roles[0].role, StaffRoleKind::CareCoordinator);
}

async fn a_withdrawn_report_is_kept_for_the_school(db: Db) {
    let store = db.seeded_store().await;
    let sanne = user_id(&store, "sanne@example.nl").await;
    let daan = child_id(&store, &sanne, "Daan").await;
    let saved = store
        .save_reports(&sanne, &sick_from(0, &[&daan], &new_key()), Utc::now())
        .await
        .unwrap();
    let report_id = &saved.reports[0].id;

    let withdrawn = store.withdraw_report(&sanne, report_id, Utc::now()).await;

    assert_eq!(withdrawn.unwrap(), Ok(()));
    assert_eq!(report_count(&store, &sanne, &daan).await, 0);
    let kept: String = sqlx::query_scalar(
        "SELECT withdrawn_at FROM absence_reports WHERE id = $1 AND withdrawn_at IS NOT NULL",
    )
    .bind(report_id)
    .fetch_one(store.pool())
    .await
    .expect("still stored, with the moment it was withdrawn");
    assert!(kept.ends_with('Z'));
    let fatma = user_id(&store, "fatma@example.nl").await;
    let acknowledged = store.acknowledge_report(report_id, &fatma, Utc::now());
    assert!(!acknowledged.await.unwrap(), "nothing left to see");
    assert_eq!(
        store
            .withdraw_report(&sanne, report_id, Utc::now())
            .await
            .unwrap(),
        Err(Refusal::NotFound)
    );
}
