//! The audit log: who changed what at a school, and when. Every change
//! writes its line with [`record_audit`] inside its own transaction, so a
//! change and its line are stored together or not at all.

use chrono::{DateTime, Utc};
use shared::{AuditAction, AuditEntry};
use sqlx::{AnyConnection, Row};

use super::{decode_error, instant_from_text, instant_to_text, new_id, AnyQuery, Store};

/// One line to write. Ids only: never a name, a reason or a note.
#[derive(Clone, Copy, Debug)]
pub struct Audit<'a> {
    pub school_id: &'a str,
    pub by_user: &'a str,
    pub action: AuditAction,
    /// `report`, `unexplained_absence`, `late_arrival`, ...
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    /// A short fact without personal data, such as `authorised`.
    pub detail: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// Writes one line, on `conn` (inside the caller's transaction).
pub async fn record_audit(conn: &mut AnyConnection, audit: &Audit<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (id, school_id, at, by_user, action, subject_type, subject_id, \
         detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(audit.school_id)
    .bind(instant_to_text(audit.at))
    .bind(audit.by_user)
    .bind(audit.action.as_str())
    .bind(audit.subject_type)
    .bind(audit.subject_id)
    .bind(audit.detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// What a parent changes, in the audit log of their child's school.
#[derive(Clone, Copy, Debug)]
pub enum ParentChange<'a> {
    Report(&'a str),
    LeaveRequest(&'a str),
}

/// The audit line of a change to a row of `table` (a report or leave
/// request), at the school of its child. Its parameters are numbered from
/// `first` on: id, at, by_user, action, subject_type and the row's id (so
/// that it can follow another statement that has `first - 1`).
pub(super) fn parent_change_sql(table: &str, first: usize) -> String {
    let [id, at, by, action, subject_type, row] = std::array::from_fn(|i| first + i);
    format!(
        "INSERT INTO audit_log (id, school_id, at, by_user, action, subject_type, subject_id) \
         SELECT ${id}, g.school_id, ${at}, ${by}, ${action}, ${subject_type}, t.id FROM {table} t \
         JOIN pupils p ON p.id = t.pupil_id JOIN groups g ON g.id = p.group_id \
         WHERE t.id = ${row}"
    )
}

impl<'a> ParentChange<'a> {
    /// Its table, subject type and row. Table and type names are our own,
    /// never from a request.
    fn parts(self) -> (&'static str, &'static str, &'a str) {
        match self {
            ParentChange::Report(id) => ("absence_reports", "report", id),
            ParentChange::LeaveRequest(id) => ("leave_requests", "leave_request", id),
        }
    }
}

/// Binds the parameters of `change`'s audit line ([`parent_change_sql`]) to
/// `query`, after those it has.
pub(super) fn bind_parent_change<'q>(
    query: AnyQuery<'q>,
    change: ParentChange<'q>,
    by_user: &'q str,
    action: AuditAction,
    at: DateTime<Utc>,
) -> AnyQuery<'q> {
    let (_, subject_type, id) = change.parts();
    query
        .bind(new_id())
        .bind(instant_to_text(at))
        .bind(by_user)
        .bind(action.as_str())
        .bind(subject_type)
        .bind(id)
}

/// Writes one line about a parent's change to a report or leave request,
/// at the school of its child, on `conn` (inside the caller's transaction).
pub async fn record_parent_change(
    conn: &mut AnyConnection,
    change: ParentChange<'_>,
    by_user: &str,
    action: AuditAction,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let sql = parent_change_sql(change.parts().0, 1);
    bind_parent_change(sqlx::query(&sql), change, by_user, action, at)
        .execute(conn)
        .await?;
    Ok(())
}

impl Store {
    /// The newest `limit` lines of a school's log, newest first, with the
    /// name of who did it.
    pub async fn audit_log(
        &self,
        school_id: &str,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT a.at AS at, u.name AS by_name, a.action AS action, \
             a.subject_type AS subject_type, a.subject_id AS subject_id, a.detail AS detail \
             FROM audit_log a JOIN users u ON u.id = a.by_user \
             WHERE a.school_id = $1 ORDER BY a.at DESC, a.id LIMIT $2",
        )
        .bind(school_id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let action: String = row.try_get("action")?;
                let action =
                    AuditAction::parse(&action).ok_or_else(|| decode_error("an audit action"))?;
                Ok(AuditEntry {
                    at: instant_from_text(&row.try_get::<String, _>("at")?)?,
                    by: row.try_get("by_name")?,
                    action,
                    action_label: action.label().into(),
                    subject_type: row.try_get("subject_type")?,
                    subject_id: row.try_get("subject_id")?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }
}
