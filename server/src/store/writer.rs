//! Group commit for SQLite: one task writes, in batches.
//!
//! SQLite lets one transaction write at a time, and with `synchronous=FULL`
//! each commit waits for the disk (an fsync, about 0.4 ms here). When
//! every request commits on its own, writers queue on the database's lock:
//! SQLite's busy handler makes them sleep and retry (1, 2, 5, 10 ms ...),
//! and one fsync per report caps the rate. Instead, requests hand their
//! writes to the writer task, which runs everything that is waiting as one
//! transaction: each write in a savepoint of its own (a failing one is
//! undone alone), then one commit, one fsync. Only after that commit does
//! each request get its answer, so "stored" still means on disk. A lone
//! write is committed at once: batches form only when requests arrive
//! while the disk is busy.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use sqlx::{AnyConnection, AnyPool, Executor};
use tokio::sync::{mpsc, oneshot};

/// A future that borrows the writer's connection.
pub type BoxFuture<'c, T> = Pin<Box<dyn Future<Output = T> + Send + 'c>>;

/// At most this many writes in one transaction.
const MAX_BATCH: usize = 256;

/// What the writer runs: the write, on its connection inside the batch's
/// transaction; it says whether it succeeded and how to answer once the
/// batch is committed (or not).
type Job = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, (bool, Answer)> + Send>;
type Answer = Box<dyn FnOnce(Result<(), &sqlx::Error>) + Send>;

/// The handle to the writer task; cheap to clone.
#[derive(Clone)]
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Writer")
    }
}

impl Writer {
    /// Starts the writer task on `pool`; it ends when every handle is gone.
    pub(super) fn start(pool: AnyPool) -> Self {
        let (jobs, waiting) = mpsc::channel(MAX_BATCH * 4);
        tokio::spawn(run(pool, waiting));
        Self { jobs }
    }

    /// Runs `write` in the next batch and answers once that is committed.
    pub(super) async fn write<T, W>(&self, write: W) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        W: for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, sqlx::Error>>
            + Send
            + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |conn| {
            Box::pin(async move {
                let result = write(conn).await;
                let succeeded = result.is_ok();
                let answer: Answer = Box::new(move |committed| {
                    let _ = answer.send(match (result, committed) {
                        (Ok(value), Ok(())) => Ok(value),
                        (Err(e), _) => Err(e),
                        (Ok(_), Err(e)) => Err(not_committed(e)),
                    });
                });
                (succeeded, answer)
            })
        });
        self.jobs
            .send(job)
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        // Dropped unanswered: the batch failed before this write ran.
        answered
            .await
            .map_err(|_| sqlx::Error::Protocol("the batch ended before this write ran".into()))?
    }
}

/// The writer task: takes everything waiting, writes it as one batch,
/// answers, and again.
async fn run(pool: AnyPool, mut waiting: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut answers = Vec::with_capacity(batch.len());
        let committed = write_batch(&pool, batch.drain(..), &mut answers).await;
        if let Err(e) = &committed {
            tracing::error!(error = %e, writes = answers.len(), "a batch of writes failed");
        }
        for answer in answers {
            answer(committed.as_ref().map(|_| ()));
        }
    }
}

async fn write_batch(
    pool: &AnyPool,
    mut batch: impl ExactSizeIterator<Item = Job>,
    answers: &mut Vec<Answer>,
) -> Result<(), sqlx::Error> {
    // IMMEDIATE: the write lock from the start, so no read in the batch
    // can be made stale by another writer (which would fail the commit).
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    // A lone write needs no savepoint: when it fails, all is undone.
    if batch.len() == 1 {
        let job = batch.next().expect("one write");
        let (succeeded, answer) = job(&mut tx).await;
        answers.push(answer);
        return match succeeded {
            true => tx.commit().await,
            false => tx.rollback().await,
        };
    }
    // Each step between two writes is one call to the connection's thread.
    let mut last_failed = false;
    for (n, job) in batch.enumerate() {
        let before = match (n, last_failed) {
            (0, _) => "SAVEPOINT write",
            (_, false) => "RELEASE write; SAVEPOINT write",
            (_, true) => "ROLLBACK TO write; RELEASE write; SAVEPOINT write",
        };
        (&mut *tx).execute(before).await?;
        let (succeeded, answer) = job(&mut tx).await;
        answers.push(answer);
        last_failed = !succeeded;
    }
    let after = match last_failed {
        false => "RELEASE write",
        true => "ROLLBACK TO write; RELEASE write",
    };
    (&mut *tx).execute(after).await?;
    tx.commit().await
}

/// How often the WAL is copied into the database file.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Copies the WAL into the database file now and then, beside the writes
/// rather than in them: SQLite would otherwise do it in the connection
/// whose commit filled the WAL past 1,000 pages, and the writer's batch
/// would wait for those writes and their fsync. A passive checkpoint waits
/// for no one and nothing waits for it; what is committed is already safe
/// in the WAL. Ends when the pool is closed.
pub(super) async fn checkpoint_in_the_background(pool: AnyPool) {
    let mut every = tokio::time::interval(CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if pool.is_closed() {
            return;
        }
        if let Err(e) = pool.execute("PRAGMA wal_checkpoint(PASSIVE)").await {
            if pool.is_closed() {
                return;
            }
            tracing::warn!(error = %e, "a checkpoint of the SQLite WAL failed");
        }
    }
}

/// What a write whose batch did not commit answers (the error itself
/// belongs to the batch).
fn not_committed(e: &sqlx::Error) -> sqlx::Error {
    sqlx::Error::Protocol(format!("the batch was not committed: {e}"))
}
