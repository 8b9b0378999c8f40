//! The data layer: one `Store` over an sqlx `AnyPool`, for SQLite (default)
//! and PostgreSQL alike, with one set of portable migrations
//! (`server/migrations`, whose first file explains the choice).
//!
//! Everything is stored as TEXT the application formats itself (ids,
//! dates, times, instants), so the same SQL with `$1, $2` parameters runs on
//! both backends. Handlers never write SQL: they call the methods here.
//!
//! - [`accounts`]: users, log-in sessions, `Me`.
//! - [`schools`]: schools, groups, pupils, guardians and staff (written by
//!   the demo seed, and by [`onboarding`]).
//! - [`reports`]: children and their absence reports.
//! - [`leave`]: leave requests and the school's decisions.
//! - [`conversations`]: conversations between parents and the school.
//! - [`scope`]: which groups a staff member sees.
//! - [`desk`]: the school's side: the desk list, acknowledging, absences
//!   the school marks, late arrivals, and each pupil's history for the
//!   protocol engine.
//! - [`audit`]: the audit log every change of the school writes to.
//! - [`mail`]: the mail outbox, and who reads mail in which language.
//! - [`onboarding`]: the pupil import, activation codes, staff and roles.
//! - [`privacy`]: a person's copy of their data, and deleting data past
//!   the school's retention period.
//! - [`plans`]: the query plans of the hot queries (docs/PERFORMANCE.md).

pub mod accounts;
pub mod audit;
pub mod conversations;
pub mod desk;
pub mod leave;
pub mod mail;
pub mod onboarding;
pub mod plans;
pub mod privacy;
pub mod reports;
pub mod schools;
pub mod scope;
mod writer;

use std::future::Future;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};

pub use leave::SavedLeaveRequest;
pub use mail::{OutgoingMail, QueuedMail};
pub use reports::{Changed, Refusal, SavedReports};
pub use schools::SchoolSettings;
pub use shared::protocol::SchoolKind;

/// Which database a `Store` talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The handle to the database; cheap to clone (a pool inside).
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite only: the task that commits the hot writes in batches.
    writer: Option<writer::Writer>,
}

/// The PostgreSQL advisory lock of [`Store::begin_exclusive`] ("vw-excl"
/// as a number; sqlx's migrator uses another).
const EXCLUSIVE_LOCK_KEY: i64 = 0x0076_772d_6578_636c;

/// How long a query waits for a locked SQLite database before failing.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

/// The limits of the connection pool (`VW_DB_MAX_CONNECTIONS`,
/// `VW_DB_ACQUIRE_TIMEOUT_MS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolSettings {
    /// At most this many connections; `None`: the backend's default,
    /// [`SQLITE_MAX_CONNECTIONS`] or [`POSTGRES_MAX_CONNECTIONS`].
    pub max_connections: Option<u32>,
    /// How long a request waits for a free connection before it fails.
    pub acquire_timeout: Duration,
}

/// SQLite: readers work side by side (WAL) and writers take turns, so more
/// connections than cores buy little; a few extra cover the moments a
/// connection waits for the disk.
pub const SQLITE_MAX_CONNECTIONS: u32 = 8;

/// PostgreSQL: each connection is a server process. Several API servers
/// share the database's `max_connections` (100 by default, a few kept for
/// the administrator): 10 each leaves room for 8 servers.
pub const POSTGRES_MAX_CONNECTIONS: u32 = 10;

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: None,
            // Longer than a burst lasts, shorter than a phone waits.
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

impl Store {
    /// Opens a pool for `database_url` (`sqlite://...` or `postgres://...`).
    ///
    /// For SQLite the file and its folder are created when missing (unless
    /// the URL sets its own `mode`), and every connection is set to WAL
    /// journaling, `synchronous=FULL`, foreign keys on and a busy timeout.
    /// For PostgreSQL every connection is set to `synchronous_commit=on`.
    /// Either way a commit is on disk when it returns, so what the server
    /// confirms survives a crash of the server or the machine.
    pub async fn connect(database_url: &str) -> Result<Self, sqlx::Error> {
        Self::connect_with(database_url, &PoolSettings::default()).await
    }

    /// [`Store::connect`] with the pool's limits.
    pub async fn connect_with(
        database_url: &str,
        settings: &PoolSettings,
    ) -> Result<Self, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if database_url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with sqlite: or postgres://".into(),
            ));
        };
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_file(database_url)?,
            Backend::Postgres => database_url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let max_connections = settings.max_connections.unwrap_or(match backend {
            Backend::Sqlite => SQLITE_MAX_CONNECTIONS,
            Backend::Postgres => POSTGRES_MAX_CONNECTIONS,
        });
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(settings.acquire_timeout)
            // sqlx pings a connection before lending it out. An SQLite
            // connection is a file on this machine that cannot have gone
            // away, and each ping is a round trip to its thread (about a
            // third of them per query); a PostgreSQL server can restart.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    match conn.backend_name() {
                        "SQLite" => set_sqlite_pragmas(conn).await?,
                        // The database or its server may have turned this
                        // off for speed, trading away the last commits.
                        "PostgreSQL" => {
                            conn.execute("SET synchronous_commit = on").await?;
                        }
                        _ => {}
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let writer = (backend == Backend::Sqlite).then(|| {
            tokio::spawn(writer::checkpoint_in_the_background(pool.clone()));
            writer::Writer::start(pool.clone())
        });
        Ok(Self {
            pool,
            backend,
            writer,
        })
    }

    /// Brings the schema up to date; a no-op when it already is. Safe
    /// when several servers start at once on one database: one migrates,
    /// the others wait and then find nothing left to do. On PostgreSQL
    /// sqlx's migrator holds an advisory lock meanwhile; SQLite has none,
    /// so there all migrations run in one transaction that takes the write
    /// lock before it reads which migrations are applied (a second server
    /// waits up to the busy timeout).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        let migrator = sqlx::migrate!("./migrations");
        match self.backend {
            Backend::Postgres => {
                let mut conn = self.pool.acquire().await?;
                migrator.run_direct(&mut *conn).await
            }
            Backend::Sqlite => {
                let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
                migrator.run_direct(&mut *tx).await?;
                Ok(tx.commit().await?)
            }
        }
    }

    /// The database behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for the few callers that need a connection of their own.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a transaction.
    pub async fn begin(&self) -> Result<Transaction<'static, Any>, sqlx::Error> {
        self.pool.begin().await
    }

    /// Starts a transaction that other servers' exclusive transactions on
    /// the same database wait for, from its start: on SQLite it takes the
    /// write lock (`BEGIN IMMEDIATE`), on PostgreSQL an advisory lock until
    /// it ends. For check-then-insert work such as the demo seed, which
    /// must happen once even when several servers start at once.
    ///
    /// (Boxed: callers' futures must stay provably `Send`.)
    pub fn begin_exclusive(
        &self,
    ) -> writer::BoxFuture<'_, Result<Transaction<'static, Any>, sqlx::Error>> {
        Box::pin(async move {
            match self.backend {
                Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
                Backend::Postgres => {
                    let mut tx = self.pool.begin().await?;
                    sqlx::query("SELECT pg_advisory_xact_lock($1)")
                        .bind(EXCLUSIVE_LOCK_KEY)
                        .execute(&mut *tx)
                        .await?;
                    Ok(tx)
                }
            }
        })
    }

    /// Runs `write` as one transaction and answers once it is committed:
    /// on SQLite in the writer's next batch ([`writer`]), on PostgreSQL as
    /// a transaction of its own (PostgreSQL commits side by side).
    async fn write<T, W>(&self, write: W) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        W: for<'c> FnOnce(
                &'c mut sqlx::AnyConnection,
            ) -> writer::BoxFuture<'c, Result<T, sqlx::Error>>
            + Send
            + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(write).await,
            None => {
                let mut tx = self.pool.begin().await?;
                let value = write(&mut tx).await?;
                tx.commit().await?;
                Ok(value)
            }
        }
    }

    /// Closes every connection; the store cannot be used afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Creates the folder of an SQLite database file, and asks SQLite to create
/// the file itself, unless the URL says otherwise.
fn prepare_sqlite_file(url: &str) -> Result<String, sqlx::Error> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (path, params) = match rest.split_once('?') {
        Some((path, params)) => (path, Some(params)),
        None => (rest, None),
    };
    if path.is_empty() || path == ":memory:" {
        return Ok(url.to_owned());
    }
    if let Some(folder) = std::path::Path::new(path).parent() {
        if !folder.as_os_str().is_empty() {
            std::fs::create_dir_all(folder).map_err(|e| {
                sqlx::Error::Configuration(
                    format!("cannot create the folder {}: {e}", folder.display()).into(),
                )
            })?;
        }
    }
    Ok(match params {
        Some(params) if params.split('&').any(|p| p.starts_with("mode=")) => url.to_owned(),
        Some(_) => format!("{url}&mode=rwc"),
        None => format!("{url}?mode=rwc"),
    })
}

async fn set_sqlite_pragmas(conn: &mut sqlx::AnyConnection) -> Result<(), sqlx::Error> {
    // Switching to WAL needs an exclusive lock; it sticks to the file, so
    // only the first connection to a new database has to do it.
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await?;
    if !mode.eq_ignore_ascii_case("wal") {
        conn.execute("PRAGMA journal_mode = WAL").await?;
    }
    conn.execute("PRAGMA synchronous = FULL").await?;
    // Not after a commit that fills the WAL, which would make that request
    // (and on the writer, a whole batch) wait for it: see
    // `writer::checkpoint_in_the_background`.
    conn.execute("PRAGMA wal_autocheckpoint = 0").await?;
    conn.execute("PRAGMA foreign_keys = ON").await?;
    conn.execute(&*format!("PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}"))
        .await?;
    Ok(())
}

/// A query with its parameters, on either backend.
type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// A new id: a random UUID v4 as text.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// An instant as stored: RFC 3339 in UTC with microseconds, always the same
/// width, so that text order is time order.
pub fn instant_to_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A date as stored: `YYYY-MM-DD`.
fn date_to_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A time of day as stored: `HH:MM`.
fn time_to_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn time_from_text(s: &str) -> Result<NaiveTime, sqlx::Error> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| decode_error("a time"))
}

fn date_from_text(s: &str) -> Result<NaiveDate, sqlx::Error> {
    s.parse().map_err(|_| decode_error("a date"))
}

fn instant_from_text(s: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| decode_error("an instant"))
}

/// A stored value that does not read back as what it should be.
fn decode_error(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("a stored value is not {what}").into())
}

/// How often storing is tried when another request got in the way.
const SAVE_ATTEMPTS: usize = 5;

/// Where [`save_once_from`] starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// Look under the key first.
    Find,
    /// Insert at once: the caller has just looked and found nothing.
    Insert,
}

/// Stores something once per idempotency key, and returns what is stored
/// under the key and whether this call stored it.
///
/// `find` reads what the key stored (`None`: nothing yet); `insert` stores
/// it, as one transaction of inserts only (on SQLite its first statement
/// takes the write lock, so there is no earlier read another writer could
/// make stale). Two requests with the same key at the same moment cannot
/// both store: the unique constraint stops the second, which then reads
/// what the first stored.
///
/// (Plain closures returning futures rather than async closures: handlers'
/// futures must be `Send`, which the compiler cannot yet prove through
/// `AsyncFn`.)
async fn save_once<T, Find, Insert>(
    find: impl Fn() -> Find,
    insert: impl Fn() -> Insert,
) -> Result<(T, bool), sqlx::Error>
where
    Find: Future<Output = Result<Option<T>, sqlx::Error>>,
    Insert: Future<Output = Result<(), sqlx::Error>>,
{
    let find = &find;
    let insert = &insert;
    save_once_from(Start::Find, find, move || async move {
        insert().await?;
        find().await?.ok_or(sqlx::Error::RowNotFound)
    })
    .await
}

/// [`save_once`] for an `insert` that returns what it stored, from `start`.
/// After a conflict it always looks under the key again.
async fn save_once_from<T, Find, Insert>(
    start: Start,
    find: impl Fn() -> Find,
    insert: impl Fn() -> Insert,
) -> Result<(T, bool), sqlx::Error>
where
    Find: Future<Output = Result<Option<T>, sqlx::Error>>,
    Insert: Future<Output = Result<T, sqlx::Error>>,
{
    let mut look = start == Start::Find;
    let mut attempt = 1;
    loop {
        if look {
            if let Some(earlier) = find().await? {
                return Ok((earlier, false));
            }
        }
        match insert().await {
            Ok(stored) => return Ok((stored, true)),
            Err(e) if attempt < SAVE_ATTEMPTS && is_conflict(&e) => {
                attempt += 1;
                look = true;
            }
            Err(e) => return Err(e),
        }
    }
}

/// True for failures that a fresh attempt may not have: another transaction
/// stored the same unique key first, or held a lock we could not wait out.
fn is_conflict(e: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = e else {
        return false;
    };
    if db.is_unique_violation() {
        return true;
    }
    matches!(
        db.code().as_deref(),
        // SQLite: BUSY, LOCKED, BUSY_RECOVERY, LOCKED_SHAREDCACHE, BUSY_SNAPSHOT
        Some("5" | "6" | "261" | "262" | "517")
        // PostgreSQL: serialization_failure, deadlock_detected
        | Some("40001" | "40P01")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_sqlite_file_is_created_unless_the_url_says_otherwise() {
        let dir = std::env::temp_dir().join(format!("vw-store-{}", new_id()));
        let file = dir.join("sub").join("x.db");
        let url = format!("sqlite://{}", file.display());
        assert_eq!(
            prepare_sqlite_file(&url).unwrap(),
            format!("{url}?mode=rwc")
        );
        assert!(dir.join("sub").is_dir());
        let ro = format!("{url}?mode=ro");
        assert_eq!(prepare_sqlite_file(&ro).unwrap(), ro);
        std::fs::remove_dir_all(dir).unwrap();
        assert_eq!(
            prepare_sqlite_file("sqlite::memory:").unwrap(),
            "sqlite::memory:"
        );
    }

    #[test]
    fn instants_are_stored_with_a_fixed_width() {
        let t = DateTime::parse_from_rfc3339("2026-11-24T08:15:00+01:00")
            .unwrap()
            .with_timezone(&Utc);
        let text = instant_to_text(t);
        assert_eq!(text, "2026-11-24T07:15:00.000000Z");
        assert_eq!(instant_from_text(&text).unwrap(), t);
    }
}
