//! The query plans of the hot queries (a parent's log-in, their session on
//! every request, a report, the next-steps page, the desk list) and of the
//! privacy job's lookups that grow with the years, as the
//! database at hand makes them: `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN`
//! on PostgreSQL. The SQL is the store's own (the same constants the
//! queries use), with ids found in the data. `scripts/bench-load` prints
//! them on the benchmark's databases; docs/PERFORMANCE.md shows them.

use std::fmt;

use chrono::{Duration, Utc};
use sqlx::Row;

use super::accounts::{SESSION_USER, USER_FOR_LOGIN};
use super::audit::parent_change_sql;
use super::desk::{history_queries, DESK_LIST, SELECT_DESK_REPORTS};
use super::privacy::{PUPIL_RECORDS, UNUSED_ACCOUNT};
use super::reports::{BY_KEY, CHILDREN, REACHABLE, REPORTER, SELECT_REPORTS};
use super::schools::CHILD_SCHOOL_SETTINGS;
use super::{date_to_text, instant_to_text, Backend, Store};

/// One query and its plan.
#[derive(Debug)]
pub struct Plan {
    /// What the query is for.
    pub name: &'static str,
    pub sql: String,
    /// The plan, one line per step, indented as the database nests them.
    pub lines: Vec<String>,
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "-- {}", self.name)?;
        writeln!(f, "{}", self.sql)?;
        for line in &self.lines {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}

impl Store {
    /// Updates the database's statistics (`ANALYZE`), then explains each
    /// hot query with parameters taken from the data: a guardian with a
    /// child, a report of that child, a session, a school. Needs at least
    /// one such guardian (the demo data or the benchmark's).
    pub async fn plans(&self) -> Result<Vec<Plan>, sqlx::Error> {
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        let sample = sqlx::query(
            "SELECT gu.user_id AS user_id, gu.pupil_id AS pupil_id, u.email AS email, \
             g.school_id AS school_id, r.id AS report_id, r.idempotency_key AS idempotency_key \
             FROM guardianships gu JOIN users u ON u.id = gu.user_id \
             JOIN pupils p ON p.id = gu.pupil_id JOIN groups g ON g.id = p.group_id \
             JOIN absence_reports r ON r.pupil_id = gu.pupil_id LIMIT 1",
        )
        .fetch_one(&self.pool)
        .await?;
        let get = |column: &str| sample.try_get::<String, _>(column);
        let (user, pupil, email) = (get("user_id")?, get("pupil_id")?, get("email")?);
        let (school, report, key) = (
            get("school_id")?,
            get("report_id")?,
            get("idempotency_key")?,
        );
        let session: String = sqlx::query_scalar("SELECT token_hash FROM sessions LIMIT 1")
            .fetch_one(&self.pool)
            .await?;
        let now = Utc::now();
        let today = crate::clock::school_date(now);
        let [history_reports, history_marked, history_late] = history_queries("p.id = $1");
        let (pupil_for_retention, user_for_retention) = (pupil.clone(), user.clone());

        let queries: Vec<(&'static str, String, Vec<String>)> = vec![
            ("log-in: the account", USER_FOR_LOGIN.into(), vec![email]),
            (
                "every request: the session",
                SESSION_USER.into(),
                vec![
                    session,
                    instant_to_text(now),
                    instant_to_text(now - Duration::days(7)),
                ],
            ),
            (
                "report: the parent, their children, the key used?",
                REPORTER.into(),
                vec![user.clone(), key.clone()],
            ),
            (
                "report: an earlier answer under the same key (a retry)",
                format!("{SELECT_REPORTS} WHERE {BY_KEY}"),
                vec![user.clone(), key],
            ),
            (
                "report: its audit line",
                parent_change_sql("absence_reports", 1),
                ["id", "at", "by", "action", "type"]
                    .map(String::from)
                    .into_iter()
                    .chain([report.clone()])
                    .collect(),
            ),
            (
                "next steps: the report",
                format!("{SELECT_REPORTS} WHERE {REACHABLE}"),
                vec![report, user.clone()],
            ),
            (
                "next steps: the children",
                CHILDREN.into(),
                vec![user.clone()],
            ),
            (
                "next steps: the school's protocol",
                CHILD_SCHOOL_SETTINGS.into(),
                vec![user, pupil.clone()],
            ),
            (
                "next steps: the child's reports",
                history_reports,
                vec![pupil.clone()],
            ),
            (
                "next steps: absences the school marked",
                history_marked,
                vec![pupil.clone()],
            ),
            ("next steps: late arrivals", history_late, vec![pupil]),
            (
                "desk list: a school's reports over a week",
                format!("{SELECT_DESK_REPORTS} WHERE {DESK_LIST}"),
                vec![
                    school,
                    date_to_text(today + Duration::days(7)),
                    date_to_text(today),
                ],
            ),
            (
                "retention: the audit lines about a pupil's records",
                format!("SELECT id FROM audit_log WHERE subject_id IN ({PUPIL_RECORDS})"),
                vec![pupil_for_retention],
            ),
            (
                "retention: is an account still named anywhere",
                format!("SELECT u.email FROM users u WHERE u.id = $1 AND {UNUSED_ACCOUNT}"),
                vec![user_for_retention],
            ),
        ];
        let mut plans = Vec::with_capacity(queries.len());
        for (name, sql, params) in queries {
            let lines = self.explain(&sql, params).await?;
            plans.push(Plan { name, sql, lines });
        }
        Ok(plans)
    }

    async fn explain(&self, sql: &str, params: Vec<String>) -> Result<Vec<String>, sqlx::Error> {
        let explain = match self.backend {
            Backend::Sqlite => format!("EXPLAIN QUERY PLAN {sql}"),
            Backend::Postgres => format!("EXPLAIN {sql}"),
        };
        let mut query = sqlx::query(&explain);
        for param in params {
            query = query.bind(param);
        }
        let rows = query.fetch_all(&self.pool).await?;
        match self.backend {
            // Rows (id, parent, notused, detail): indent by depth.
            Backend::Sqlite => {
                let mut depth_of: Vec<(i64, usize)> = Vec::new();
                rows.iter()
                    .map(|row| {
                        let id: i64 = row.try_get(0)?;
                        let parent: i64 = row.try_get(1)?;
                        let depth = depth_of
                            .iter()
                            .find(|(known, _)| *known == parent)
                            .map_or(0, |(_, depth)| depth + 1);
                        depth_of.push((id, depth));
                        let detail: String = row.try_get(3)?;
                        Ok(format!("{}{detail}", "  ".repeat(depth)))
                    })
                    .collect()
            }
            Backend::Postgres => rows.iter().map(|row| row.try_get(0)).collect(),
        }
    }
}
