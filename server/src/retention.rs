//! The retention job: deletes data the school may no longer keep.
//!
//! It runs when the server starts and then once a day, and deletes:
//! - every record of a pupil who left school more than the school's
//!   retention period ago (default 5 years: absence and enrolment data of
//!   PO and VO pupils), one transaction per pupil, and the accounts of
//!   guardians who are then left without a child or a role;
//! - log-in sessions that ended (expired, or unused too long);
//! - mail that was delivered or given up on more than [`MAIL_KEPT`] ago.
//!
//! It logs counts only: never who was deleted.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::clock::school_date;
use crate::store::Store;

/// How often the job runs after the first time.
pub const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// How long a delivered (or undeliverable) mail stays in the outbox: long
/// enough to answer "did the mail reach me?", no longer.
pub const MAIL_KEPT: chrono::Duration = chrono::Duration::days(30);

/// What one run deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deleted {
    pub pupils: u64,
    pub accounts: u64,
    pub sessions: u64,
    pub mails: u64,
}

/// Deletes what is past its time at `now`. A pupil whose deletion fails is
/// tried again on the next run; the others are still deleted.
pub async fn run_once(store: &Store, now: DateTime<Utc>) -> Result<Deleted, sqlx::Error> {
    let mut deleted = Deleted::default();
    let mut failed = 0_u64;
    for pupil_id in store.pupils_past_retention(school_date(now)).await? {
        match store.delete_pupil(&pupil_id).await {
            Ok(pupil) => {
                deleted.pupils += 1;
                deleted.accounts += pupil.accounts;
            }
            Err(e) => {
                failed += 1;
                tracing::error!(error = %e, "cannot delete a pupil's data");
            }
        }
    }
    deleted.sessions = store
        .delete_all_expired_sessions(now, crate::auth::idle_since(now))
        .await?;
    deleted.mails = store.delete_old_mail(now - MAIL_KEPT).await?;
    tracing::info!(
        pupils = deleted.pupils,
        accounts = deleted.accounts,
        sessions = deleted.sessions,
        mails = deleted.mails,
        failed,
        "retention: deleted data past its time"
    );
    Ok(deleted)
}

/// Runs [`run_once`] now and then every [`EVERY`], until `stop` turns true.
pub async fn run(store: Store, mut stop: watch::Receiver<bool>) {
    let mut ticks = tokio::time::interval(EVERY);
    // A server that was asleep runs once when it wakes, not once per missed
    // day.
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    while !*stop.borrow() {
        tokio::select! {
            _ = ticks.tick() => {
                if let Err(e) = run_once(&store, Utc::now()).await {
                    tracing::error!(error = %e, "the retention job failed; it tries again tomorrow");
                }
            }
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
    tracing::info!("retention job stopped");
}
