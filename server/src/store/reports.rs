//! Children as their guardians see them, and their absence reports.
//!
//! Every read and change takes the asking user and only reaches what that
//! user is a guardian of; the handlers turn "nothing" into 404. A withdrawn
//! report stays in the table for the school, but no parent reads it again.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use shared::{AbsenceDetails, AbsenceKind, AbsenceReport, AuditAction, Child, NewAbsenceReport};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::audit::{bind_parent_change, parent_change_sql, record_parent_change, ParentChange};
use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, new_id,
    save_once_from, time_from_text, time_to_text, AnyQuery, Start, Store,
};

/// The answer to storing a report.
#[derive(Debug)]
pub struct SavedReports {
    /// One per child, in the order of the request's `pupil_ids`.
    pub reports: Vec<AbsenceReport>,
    /// False when this idempotency key was used before and `reports` are
    /// the ones stored then.
    pub created: bool,
}

/// What storing a parent's report needs to know about them, read in one
/// query ([`Store::reporter`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reporter {
    /// Their name, as reports show who made them.
    pub name: String,
    /// Whether they stored reports under this idempotency key already.
    pub key_used: bool,
    /// Their children: id and first name.
    pub children: HashMap<String, String>,
}

/// Why a parent's change to a report was not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such report among the user's children's, or it was withdrawn.
    NotFound,
    /// The school has seen it; only the school can change it now.
    Acknowledged,
    /// Reporting better is only for an open-ended sick report.
    NotOpenEndedIllness,
}

/// What a change to a report comes to: done, or refused and why.
pub type Changed<T> = Result<T, Refusal>;

pub(super) const SELECT_REPORTS: &str = "SELECT r.id AS id, r.pupil_id AS pupil_id, \
    p.first_name AS pupil_first_name, r.kind AS kind, r.first_day AS first_day, \
    r.last_day AS last_day, r.start_time AS start_time, r.end_time AS end_time, \
    r.note AS note, u.name AS reported_by, r.reported_at AS reported_at, \
    r.acknowledged_at AS acknowledged_at, a.name AS acknowledged_by, \
    r.updated_at AS updated_at \
    FROM absence_reports r \
    JOIN pupils p ON p.id = r.pupil_id \
    JOIN users u ON u.id = r.reported_by \
    LEFT JOIN users a ON a.id = r.acknowledged_by";

/// The condition (after `WHERE`) for a report `r` with id `$1` that user
/// `$2` may reach: about one of their children, and not withdrawn.
pub(super) const REACHABLE: &str = "r.id = $1 AND r.withdrawn_at IS NULL AND EXISTS (\
    SELECT 1 FROM guardianships gu WHERE gu.pupil_id = r.pupil_id AND gu.user_id = $2)";

/// The condition for the reports user `$1` stored under idempotency key `$2`.
pub(super) const BY_KEY: &str =
    "r.reported_by = $1 AND r.idempotency_key = $2 ORDER BY p.first_name, r.id";

/// A guardian's children, with their group and school.
pub(super) const CHILDREN: &str = "SELECT p.id AS id, p.first_name AS first_name, \
    p.last_name AS last_name, g.name AS group_name, s.name AS school_name \
    FROM guardianships gu \
    JOIN pupils p ON p.id = gu.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN schools s ON s.id = g.school_id \
    WHERE gu.user_id = $1 \
    ORDER BY p.first_name, p.last_name, p.id";

/// A reporting parent `$1`: their name, one of their reports under
/// idempotency key `$2` if any, and their children (one row each; one row
/// with no child when they have none).
pub(super) const REPORTER: &str = "SELECT u.name AS name, \
    (SELECT MIN(r.id) FROM absence_reports r \
     WHERE r.reported_by = u.id AND r.idempotency_key = $2) AS earlier_id, \
    p.id AS pupil_id, p.first_name AS first_name \
    FROM users u \
    LEFT JOIN guardianships gu ON gu.user_id = u.id \
    LEFT JOIN pupils p ON p.id = gu.pupil_id \
    WHERE u.id = $1";

/// The guard of a change a parent can only make until the school has seen
/// the report (see `Store::update_report`).
const UNSEEN: (&str, Refusal) = ("r.acknowledged_at IS NULL", Refusal::Acknowledged);

impl Store {
    /// The children `user_id` is a guardian of, by first name.
    pub async fn children(&self, user_id: &str) -> Result<Vec<Child>, sqlx::Error> {
        sqlx::query(CHILDREN)
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| {
                Ok(Child {
                    id: row.try_get("id")?,
                    first_name: row.try_get("first_name")?,
                    last_name: row.try_get("last_name")?,
                    group_name: row.try_get("group_name")?,
                    school_name: row.try_get("school_name")?,
                })
            })
            .collect()
    }

    /// Whether `user_id` is a guardian of `pupil_id`.
    pub async fn is_guardian(&self, user_id: &str, pupil_id: &str) -> Result<bool, sqlx::Error> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT pupil_id FROM guardianships WHERE user_id = $1 AND pupil_id = $2",
        )
        .bind(user_id)
        .bind(pupil_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// A child's reports, newest first day first; `None` when `user_id` is
    /// not a guardian of the child (or there is no such child).
    pub async fn child_reports(
        &self,
        user_id: &str,
        pupil_id: &str,
    ) -> Result<Option<Vec<AbsenceReport>>, sqlx::Error> {
        if !self.is_guardian(user_id, pupil_id).await? {
            return Ok(None);
        }
        let rows = sqlx::query(&format!(
            "{SELECT_REPORTS} WHERE r.pupil_id = $1 AND r.withdrawn_at IS NULL \
             ORDER BY r.first_day DESC, r.reported_at DESC, r.id"
        ))
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(report_from_row)
            .collect::<Result<_, _>>()
            .map(Some)
    }

    /// One report, if it is about a child of `user_id`.
    pub async fn report(
        &self,
        user_id: &str,
        report_id: &str,
    ) -> Result<Option<AbsenceReport>, sqlx::Error> {
        let row = sqlx::query(&format!("{SELECT_REPORTS} WHERE {REACHABLE}"))
            .bind(report_id)
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(report_from_row).transpose()
    }

    /// The reports `user_id` stored with this idempotency key, in the order
    /// of `pupil_ids` (others after those, by first name). Withdrawn ones
    /// too: the key says that this request was handled.
    pub async fn reports_by_key(
        &self,
        user_id: &str,
        idempotency_key: &str,
        pupil_ids: &[String],
    ) -> Result<Vec<AbsenceReport>, sqlx::Error> {
        let rows = sqlx::query(&format!("{SELECT_REPORTS} WHERE {BY_KEY}"))
            .bind(user_id)
            .bind(idempotency_key)
            .fetch_all(&self.pool)
            .await?;
        let mut reports = rows
            .iter()
            .map(report_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        reports.sort_by_key(|r| {
            pupil_ids
                .iter()
                .position(|id| *id == r.pupil_id)
                .unwrap_or(usize::MAX)
        });
        Ok(reports)
    }

    /// What storing a report of `user_id` under `idempotency_key` needs to
    /// know, in one query: the parent's name, whether the key was used,
    /// their children. Nothing (no name) when there is no such user.
    pub async fn reporter(
        &self,
        user_id: &str,
        idempotency_key: &str,
    ) -> Result<Reporter, sqlx::Error> {
        let rows = sqlx::query(REPORTER)
            .bind(user_id)
            .bind(idempotency_key)
            .fetch_all(&self.pool)
            .await?;
        let mut reporter = Reporter::default();
        for row in &rows {
            reporter.name = row.try_get("name")?;
            reporter.key_used = row.try_get::<Option<String>, _>("earlier_id")?.is_some();
            if let Some(pupil_id) = row.try_get::<Option<String>, _>("pupil_id")? {
                reporter
                    .children
                    .insert(pupil_id, row.try_get("first_name")?);
            }
        }
        Ok(reporter)
    }

    /// Stores one report per child of a (validated) `NewAbsenceReport`, all
    /// or none, made by `user_id` at `now`.
    ///
    /// Idempotent: when this user already used this idempotency key, nothing
    /// new is stored and the earlier reports are returned (see
    /// [`save_once`](super::save_once)).
    ///
    /// Does not check guardianship: the caller does, before.
    pub async fn save_reports(
        &self,
        user_id: &str,
        new: &NewAbsenceReport,
        now: DateTime<Utc>,
    ) -> Result<SavedReports, sqlx::Error> {
        let reporter = self.reporter(user_id, &new.idempotency_key).await?;
        self.save_reports_of(user_id, &reporter, new, now).await
    }

    /// [`Store::save_reports`] for a caller that read the `reporter` just
    /// before: when the key was not used then, it inserts at once (another
    /// request with the same key in the meantime makes the insert fail, and
    /// then this reads what that one stored), and answers with what it
    /// inserted rather than reading it back.
    pub async fn save_reports_of(
        &self,
        user_id: &str,
        reporter: &Reporter,
        new: &NewAbsenceReport,
        now: DateTime<Utc>,
    ) -> Result<SavedReports, sqlx::Error> {
        let start = match reporter.key_used {
            true => Start::Find,
            false => Start::Insert,
        };
        let (reports, created) = save_once_from(
            start,
            move || async move {
                let earlier = self
                    .reports_by_key(user_id, &new.idempotency_key, &new.pupil_ids)
                    .await?;
                Ok((!earlier.is_empty()).then_some(earlier))
            },
            move || async move {
                let ids = self.insert_reports(user_id, new, now).await?;
                match made_reports(reporter, new, ids, now)? {
                    Some(made) => Ok(made),
                    // A child the reporter did not know: read them back.
                    None => {
                        self.reports_by_key(user_id, &new.idempotency_key, &new.pupil_ids)
                            .await
                    }
                }
            },
        )
        .await?;
        Ok(SavedReports { reports, created })
    }

    /// One transaction of inserts only (on SQLite in a batch: see
    /// [`Store::write`]); the new reports' ids.
    async fn insert_reports(
        &self,
        user_id: &str,
        new: &NewAbsenceReport,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, sqlx::Error> {
        let (user_id, new) = (user_id.to_owned(), new.clone());
        self.write(move |conn| {
            Box::pin(async move { insert_reports(conn, &user_id, &new, now).await })
        })
        .await
    }

    /// Replaces a report's details (validated), while the school has not
    /// seen it. Returns the report as it is now.
    pub async fn change_report(
        &self,
        user_id: &str,
        report_id: &str,
        details: &AbsenceDetails,
        now: DateTime<Utc>,
    ) -> Result<Changed<AbsenceReport>, sqlx::Error> {
        let changed = self
            .update_report(
                user_id,
                report_id,
                (
                    "kind = $3, first_day = $4, last_day = $5, start_time = $6, end_time = $7, \
                     note = $8, updated_at = $9",
                    AuditAction::ReportChanged,
                ),
                UNSEEN,
                |query| bind_details(query, details).bind(instant_to_text(now)),
                now,
            )
            .await?;
        self.report_after(user_id, report_id, changed).await
    }

    /// Withdraws a report, while the school has not seen it. It stays
    /// stored (for the school), but is gone for parents.
    pub async fn withdraw_report(
        &self,
        user_id: &str,
        report_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Changed<()>, sqlx::Error> {
        self.update_report(
            user_id,
            report_id,
            ("withdrawn_at = $3", AuditAction::ReportWithdrawn),
            UNSEEN,
            |query| query.bind(instant_to_text(now)),
            now,
        )
        .await
    }

    /// Ends an open-ended sick report on `last_day`
    /// (`shared::ReportBetter::last_day`): the child is better. Also after
    /// the school has seen it. `last_day` is never before the first day.
    pub async fn report_better(
        &self,
        user_id: &str,
        report_id: &str,
        last_day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Changed<AbsenceReport>, sqlx::Error> {
        // Dates as text compare as dates.
        let changed = self
            .update_report(
                user_id,
                report_id,
                (
                    "last_day = $3, updated_at = $4",
                    AuditAction::ReportedBetter,
                ),
                (
                    "r.kind = $5 AND r.last_day IS NULL AND r.first_day <= $3",
                    Refusal::NotOpenEndedIllness,
                ),
                |query| {
                    query
                        .bind(date_to_text(last_day))
                        .bind(instant_to_text(now))
                        .bind(AbsenceKind::Ill.as_str())
                },
                now,
            )
            .await?;
        self.report_after(user_id, report_id, changed).await
    }

    /// Marks a report as seen by the school: by staff member
    /// `staff_user_id` at `now`. From then on parents cannot change or
    /// withdraw it. False when there is no such report (or it was withdrawn,
    /// or seen before: the first acknowledgement stays).
    pub async fn acknowledge_report(
        &self,
        report_id: &str,
        staff_user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        acknowledge_report(&mut conn, report_id, staff_user_id, now).await
    }

    /// `UPDATE absence_reports AS r SET {set}` for report `$1`, if user `$2`
    /// can reach it and its guard (SQL, and the refusal when it fails)
    /// holds. `bind` binds the parameters from `$3` on. Nothing changed:
    /// why not.
    async fn update_report(
        &self,
        user_id: &str,
        report_id: &str,
        (set, action): (&str, AuditAction),
        (guard, refusal): (&str, Refusal),
        bind: impl for<'q> FnOnce(AnyQuery<'q>) -> AnyQuery<'q>,
        now: DateTime<Utc>,
    ) -> Result<Changed<()>, sqlx::Error> {
        let sql = format!("UPDATE absence_reports AS r SET {set} WHERE {REACHABLE} AND {guard}");
        let mut tx = self.pool.begin().await?;
        let done = bind(sqlx::query(&sql).bind(report_id).bind(user_id))
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() > 0 {
            let change = ParentChange::Report(report_id);
            record_parent_change(&mut tx, change, user_id, action, now).await?;
            tx.commit().await?;
            return Ok(Ok(()));
        }
        drop(tx);
        Ok(Err(match self.report(user_id, report_id).await? {
            Some(_) => refusal,
            None => Refusal::NotFound,
        }))
    }

    /// The report as it is after a change, or why it was not changed.
    async fn report_after(
        &self,
        user_id: &str,
        report_id: &str,
        changed: Changed<()>,
    ) -> Result<Changed<AbsenceReport>, sqlx::Error> {
        if let Err(refusal) = changed {
            return Ok(Err(refusal));
        }
        // Withdrawn in the meantime: gone, as for any later read.
        Ok(self
            .report(user_id, report_id)
            .await?
            .ok_or(Refusal::NotFound))
    }
}

/// Binds a report's details as the next six parameters, in the order kind,
/// first_day, last_day, start_time, end_time, note.
fn bind_details<'q>(query: AnyQuery<'q>, details: &AbsenceDetails) -> AnyQuery<'q> {
    query
        .bind(details.kind.as_str())
        .bind(date_to_text(details.first_day))
        .bind(details.last_day.map(date_to_text))
        .bind(details.start_time.map(time_to_text))
        .bind(details.end_time.map(time_to_text))
        .bind(details.clean_note())
}

/// A new report's row.
const INSERT_REPORT: &str = "INSERT INTO absence_reports (kind, first_day, last_day, \
    start_time, end_time, note, id, pupil_id, reported_by, reported_at, idempotency_key) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

/// Stores one report per child of `new`, made by `user_id` at `now`, on
/// `conn` (inside the caller's transaction), with their audit lines, and
/// returns their ids. No checks: callers validate.
pub async fn insert_reports(
    conn: &mut AnyConnection,
    user_id: &str,
    new: &NewAbsenceReport,
    now: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    let reported_at = instant_to_text(now);
    let action = AuditAction::ReportMade;
    // SQLite runs several statements in one call (sharing the numbered
    // parameters): the report and its audit line in one round trip to the
    // connection's thread. PostgreSQL takes one statement per call.
    let together = (conn.backend_name() == "SQLite").then(|| {
        format!(
            "{INSERT_REPORT}; {}",
            parent_change_sql("absence_reports", 12)
        )
    });
    let mut ids = Vec::with_capacity(new.pupil_ids.len());
    for pupil_id in &new.pupil_ids {
        let id = new_id();
        let insert = sqlx::query(together.as_deref().unwrap_or(INSERT_REPORT));
        let insert = bind_details(insert, &new.details)
            .bind(&id)
            .bind(pupil_id)
            .bind(user_id)
            .bind(&reported_at)
            .bind(&new.idempotency_key);
        let change = ParentChange::Report(&id);
        if together.is_some() {
            // The audit line's parameters follow, from $12.
            bind_parent_change(insert, change, user_id, action, now)
                .execute(&mut *conn)
                .await?;
        } else {
            insert.execute(&mut *conn).await?;
            record_parent_change(conn, change, user_id, action, now).await?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// The reports with `ids` just stored for `new`'s children, as reading them
/// back would give them (values through their stored text forms); `None`
/// when a child is not among the reporter's.
fn made_reports(
    reporter: &Reporter,
    new: &NewAbsenceReport,
    ids: Vec<String>,
    now: DateTime<Utc>,
) -> Result<Option<Vec<AbsenceReport>>, sqlx::Error> {
    let time = |t: Option<NaiveTime>| t.map(|t| time_from_text(&time_to_text(t))).transpose();
    let details = AbsenceDetails {
        kind: new.details.kind,
        first_day: new.details.first_day,
        last_day: new.details.last_day,
        start_time: time(new.details.start_time)?,
        end_time: time(new.details.end_time)?,
        note: new.details.clean_note(),
    };
    let reported_at = instant_from_text(&instant_to_text(now))?;
    let mut made = Vec::with_capacity(ids.len());
    for (id, pupil_id) in ids.into_iter().zip(&new.pupil_ids) {
        let Some(first_name) = reporter.children.get(pupil_id) else {
            return Ok(None);
        };
        made.push(AbsenceReport {
            id,
            pupil_id: pupil_id.clone(),
            pupil_first_name: first_name.clone(),
            details: details.clone(),
            reported_by: reporter.name.clone(),
            reported_at,
            acknowledged_at: None,
            acknowledged_by: None,
            updated_at: None,
        });
    }
    Ok(Some(made))
}

/// Marks a report as seen by the school (`staff_user_id`) at `now`, on
/// `conn`. False when it was seen already, withdrawn, or does not exist.
pub async fn acknowledge_report(
    conn: &mut AnyConnection,
    report_id: &str,
    staff_user_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE absence_reports SET acknowledged_at = $1, acknowledged_by = $2 \
         WHERE id = $3 AND acknowledged_at IS NULL AND withdrawn_at IS NULL",
    )
    .bind(instant_to_text(now))
    .bind(staff_user_id)
    .bind(report_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub(super) fn report_from_row(row: &AnyRow) -> Result<AbsenceReport, sqlx::Error> {
    let date = |column: &str| -> Result<Option<NaiveDate>, sqlx::Error> {
        row.try_get::<Option<String>, _>(column)?
            .as_deref()
            .map(date_from_text)
            .transpose()
    };
    let time = |column: &str| -> Result<Option<NaiveTime>, sqlx::Error> {
        row.try_get::<Option<String>, _>(column)?
            .as_deref()
            .map(time_from_text)
            .transpose()
    };
    let instant = |column: &str| -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        row.try_get::<Option<String>, _>(column)?
            .map(|s| instant_from_text(&s))
            .transpose()
    };
    let kind: String = row.try_get("kind")?;
    Ok(AbsenceReport {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        pupil_first_name: row.try_get("pupil_first_name")?,
        details: AbsenceDetails {
            kind: AbsenceKind::parse(&kind).ok_or_else(|| decode_error("an absence kind"))?,
            first_day: date("first_day")?.ok_or_else(|| decode_error("a date"))?,
            last_day: date("last_day")?,
            start_time: time("start_time")?,
            end_time: time("end_time")?,
            note: row.try_get("note")?,
        },
        reported_by: row.try_get("reported_by")?,
        reported_at: instant("reported_at")?.ok_or_else(|| decode_error("an instant"))?,
        acknowledged_at: instant("acknowledged_at")?,
        acknowledged_by: row.try_get("acknowledged_by")?,
        updated_at: instant("updated_at")?,
    })
}
