//! Children as their guardians see them, and their absence reports.
//!
//! Every read takes the asking user and only returns what that user is a
//! guardian of; the handlers turn "nothing" into 404.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use shared::{AbsenceKind, AbsenceReport, Child, NewAbsenceReport};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, new_id,
    save_once, Store,
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

const SELECT_REPORTS: &str = "SELECT r.id AS id, r.pupil_id AS pupil_id, \
    p.first_name AS pupil_first_name, r.kind AS kind, r.first_day AS first_day, \
    r.last_day AS last_day, r.start_time AS start_time, r.end_time AS end_time, \
    r.note AS note, u.name AS reported_by, r.reported_at AS reported_at \
    FROM absence_reports r \
    JOIN pupils p ON p.id = r.pupil_id \
    JOIN users u ON u.id = r.reported_by";

impl Store {
    /// The children `user_id` is a guardian of, by first name.
    pub async fn children(&self, user_id: &str) -> Result<Vec<Child>, sqlx::Error> {
        sqlx::query(
            "SELECT p.id AS id, p.first_name AS first_name, p.last_name AS last_name, \
             g.name AS group_name, s.name AS school_name \
             FROM guardianships gu \
             JOIN pupils p ON p.id = gu.pupil_id \
             JOIN groups g ON g.id = p.group_id \
             JOIN schools s ON s.id = g.school_id \
             WHERE gu.user_id = $1 \
             ORDER BY p.first_name, p.last_name, p.id",
        )
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

    /// The ids of the pupils `user_id` is a guardian of.
    pub async fn child_ids(&self, user_id: &str) -> Result<HashSet<String>, sqlx::Error> {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT pupil_id FROM guardianships WHERE user_id = $1")
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(ids.into_iter().collect())
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
            "{SELECT_REPORTS} WHERE r.pupil_id = $1 \
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
        let row = sqlx::query(&format!(
            "{SELECT_REPORTS} WHERE r.id = $1 AND EXISTS (\
             SELECT 1 FROM guardianships gu WHERE gu.pupil_id = r.pupil_id AND gu.user_id = $2)"
        ))
        .bind(report_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(report_from_row).transpose()
    }

    /// The reports `user_id` stored with this idempotency key, in the order
    /// of `pupil_ids` (others after those, by first name).
    pub async fn reports_by_key(
        &self,
        user_id: &str,
        idempotency_key: &str,
        pupil_ids: &[String],
    ) -> Result<Vec<AbsenceReport>, sqlx::Error> {
        let rows = sqlx::query(&format!(
            "{SELECT_REPORTS} WHERE r.reported_by = $1 AND r.idempotency_key = $2 \
             ORDER BY p.first_name, r.id"
        ))
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

    /// Stores one report per child of a (validated) `NewAbsenceReport`, all
    /// or none, made by `user_id` at `now`.
    ///
    /// Idempotent: when this user already used this idempotency key, nothing
    /// new is stored and the earlier reports are returned (see
    /// [`save_once`]).
    ///
    /// Does not check guardianship: the caller does, before.
    pub async fn save_reports(
        &self,
        user_id: &str,
        new: &NewAbsenceReport,
        now: DateTime<Utc>,
    ) -> Result<SavedReports, sqlx::Error> {
        let (reports, created) = save_once(
            move || async move {
                let earlier = self
                    .reports_by_key(user_id, &new.idempotency_key, &new.pupil_ids)
                    .await?;
                Ok((!earlier.is_empty()).then_some(earlier))
            },
            move || self.insert_reports(user_id, new, now),
        )
        .await?;
        Ok(SavedReports { reports, created })
    }

    /// One transaction of inserts only.
    async fn insert_reports(
        &self,
        user_id: &str,
        new: &NewAbsenceReport,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        insert_reports(&mut tx, user_id, new, now).await?;
        tx.commit().await
    }
}

/// Stores one report per child of `new`, made by `user_id` at `now`, on
/// `conn` (inside the caller's transaction). No checks: callers validate.
pub async fn insert_reports(
    conn: &mut AnyConnection,
    user_id: &str,
    new: &NewAbsenceReport,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let note = new.clean_note();
    let time = |t: NaiveTime| t.format("%H:%M").to_string();
    let reported_at = instant_to_text(now);
    for pupil_id in &new.pupil_ids {
        sqlx::query(
            "INSERT INTO absence_reports (id, pupil_id, kind, first_day, last_day, \
             start_time, end_time, note, reported_by, reported_at, idempotency_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(new_id())
        .bind(pupil_id)
        .bind(new.kind.as_str())
        .bind(date_to_text(new.first_day))
        .bind(new.last_day.map(date_to_text))
        .bind(new.start_time.map(time))
        .bind(new.end_time.map(time))
        .bind(note.clone())
        .bind(user_id)
        .bind(&reported_at)
        .bind(&new.idempotency_key)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn report_from_row(row: &AnyRow) -> Result<AbsenceReport, sqlx::Error> {
    let date = |column: &str| -> Result<Option<NaiveDate>, sqlx::Error> {
        row.try_get::<Option<String>, _>(column)?
            .as_deref()
            .map(date_from_text)
            .transpose()
    };
    let time = |column: &str| -> Result<Option<NaiveTime>, sqlx::Error> {
        row.try_get::<Option<String>, _>(column)?
            .map(|s| NaiveTime::parse_from_str(&s, "%H:%M").map_err(|_| decode_error("a time")))
            .transpose()
    };
    let kind: String = row.try_get("kind")?;
    let reported_at: String = row.try_get("reported_at")?;
    Ok(AbsenceReport {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        pupil_first_name: row.try_get("pupil_first_name")?,
        kind: AbsenceKind::parse(&kind).ok_or_else(|| decode_error("an absence kind"))?,
        first_day: date("first_day")?.ok_or_else(|| decode_error("a date"))?,
        last_day: date("last_day")?,
        start_time: time("start_time")?,
        end_time: time("end_time")?,
        note: row.try_get("note")?,
        reported_by: row.try_get("reported_by")?,
        reported_at: instant_from_text(&reported_at)?,
    })
}
