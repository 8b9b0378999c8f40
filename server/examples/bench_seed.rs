//! The data for `scripts/bench-load`, through the server's own store:
//!
//! - `bench_seed seed DATABASE_URL PARENTS FILE`: migrates the database and
//!   stores schools of 250 pupils (10 groups of 25), one parent per pupil
//!   with one logged-in session each and one sick report for today, as
//!   the app would have made them. All parents share one password
//!   ([`BENCH_PASSWORD`], hashed once with argon2id like any password: a
//!   log-in checks it at full cost). Writes one line per parent to FILE:
//!   `email<TAB>session token<TAB>pupil id<TAB>report id`.
//! - `bench_seed plans DATABASE_URL`: prints the query plans of the hot
//!   queries on that database (`store::plans`).

use std::io::Write;

use chrono::Utc;
use server::auth::{hash_password, new_session_token, session_expiry, token_hash};
use server::clock::school_date;
use server::store::accounts::{insert_session, insert_user};
use server::store::reports::insert_reports;
use server::store::schools::{insert_group, insert_guardianship, insert_pupil, insert_school};
use server::store::{SchoolKind, Store};
use shared::{AbsenceDetails, AbsenceKind, NewAbsenceReport};

/// The password of every benchmark parent.
const BENCH_PASSWORD: &str = "bench-wachtwoord";
const PUPILS_PER_SCHOOL: usize = 250;
const PUPILS_PER_GROUP: usize = 25;

type Failure = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["seed", url, parents, file] => seed(url, parents.parse()?, file).await,
        ["plans", url] => plans(url).await,
        _ => Err("usage: bench_seed seed DATABASE_URL PARENTS FILE | plans DATABASE_URL".into()),
    }
}

async fn seed(url: &str, parents: usize, file: &str) -> Result<(), Failure> {
    let store = Store::connect(url).await?;
    store.migrate().await?;
    let hash = hash_password(BENCH_PASSWORD.into()).await?;
    let now = Utc::now();
    let today = school_date(now);
    let mut lines = String::new();
    for (school, first) in (0..parents).step_by(PUPILS_PER_SCHOOL).enumerate() {
        // One transaction per school: quick on both backends.
        let mut tx = store.begin().await?;
        let school_id =
            insert_school(&mut tx, &format!("Bench school {school}"), SchoolKind::Po).await?;
        let mut group_id = String::new();
        for n in first..parents.min(first + PUPILS_PER_SCHOOL) {
            if (n - first) % PUPILS_PER_GROUP == 0 {
                let group = format!("Groep {}", (n - first) / PUPILS_PER_GROUP + 1);
                group_id = insert_group(&mut tx, &school_id, &group).await?;
            }
            let pupil_id = insert_pupil(&mut tx, &group_id, &format!("Kind{n}"), "Bench").await?;
            let email = format!("ouder{n}@bench.example");
            let user_id = insert_user(&mut tx, &email, &format!("Ouder {n}"), &hash).await?;
            insert_guardianship(&mut tx, &user_id, &pupil_id).await?;
            let token = new_session_token();
            insert_session(
                &mut tx,
                &token_hash(&token),
                &user_id,
                now,
                session_expiry(now),
            )
            .await?;
            let report = NewAbsenceReport {
                pupil_ids: vec![pupil_id.clone()],
                details: AbsenceDetails {
                    kind: AbsenceKind::Ill,
                    first_day: today,
                    last_day: Some(today),
                    start_time: None,
                    end_time: None,
                    note: None,
                },
                idempotency_key: format!("bench-seed-{n:010}"),
            };
            let report_id = insert_reports(&mut tx, &user_id, &report, now)
                .await?
                .remove(0);
            lines.push_str(&format!("{email}\t{token}\t{pupil_id}\t{report_id}\n"));
        }
        tx.commit().await?;
    }
    std::fs::File::create(file)?.write_all(lines.as_bytes())?;
    store.close().await;
    Ok(())
}

async fn plans(url: &str) -> Result<(), Failure> {
    let store = Store::connect(url).await?;
    for plan in store.plans().await? {
        println!("{plan}");
    }
    store.close().await;
    Ok(())
}
