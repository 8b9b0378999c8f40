//! The school's side: the desk list of reports, acknowledging them, absences
//! the school marks without a report (asked of the parents, judged by the
//! school), late arrivals, and every pupil's history for the protocol
//! engine. Each change writes its audit line in its own transaction.
//! Who may do what is the handlers' business.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use shared::protocol::{AbsenceCategory, AbsenceRecord};
use shared::{
    AbsenceExplanation, AbsenceKind, AuditAction, DeskGroup, DeskReport, DeskReports, LateArrival,
    NewAbsenceMark, NewLateArrival, Pupil, SchoolGroup, UnexplainedAbsence, UnexplainedStatus,
};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::{record_audit, Audit};
use super::reports::acknowledge_report;
use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, new_id,
    save_once, time_from_text, time_to_text, AnyQuery, Store,
};

/// Whose history to read: one pupil's, or every pupil's of a school.
#[derive(Clone, Copy, Debug)]
pub enum HistoryOf<'a> {
    Pupil(&'a str),
    School(&'a str),
}

impl HistoryOf<'_> {
    /// The condition over `p` (pupils) and `g` (groups), with `$1`.
    fn condition(self) -> (&'static str, String) {
        match self {
            Self::Pupil(id) => ("p.id = $1", id.to_owned()),
            Self::School(id) => ("g.school_id = $1", id.to_owned()),
        }
    }
}

pub(super) const SELECT_DESK_REPORTS: &str = "SELECT r.id AS id, r.pupil_id AS pupil_id, \
    p.first_name AS first_name, p.last_name AS last_name, g.id AS group_id, \
    g.name AS group_name, r.kind AS kind, r.first_day AS first_day, r.last_day AS last_day, \
    r.start_time AS start_time, r.end_time AS end_time, r.note AS note, \
    u.name AS reported_by, r.reported_at AS reported_at, \
    r.acknowledged_at AS acknowledged_at, a.name AS acknowledged_by \
    FROM absence_reports r \
    JOIN pupils p ON p.id = r.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN users u ON u.id = r.reported_by \
    LEFT JOIN users a ON a.id = r.acknowledged_by";

/// The condition of the desk list: the reports of school `$1` (not
/// withdrawn) that overlap the days `$3` to `$2`. Dates as text compare as
/// dates.
pub(super) const DESK_LIST: &str = "g.school_id = $1 AND r.withdrawn_at IS NULL \
    AND r.first_day <= $2 AND (r.last_day IS NULL OR r.last_day >= $3) \
    ORDER BY r.first_day, p.first_name, p.last_name, r.id";

/// The three queries of [`Store::histories`] (reports, absences the school
/// marked, late arrivals) for a condition on `p` (pupils) or `g` (groups)
/// with parameter `$1`.
pub(super) fn history_queries(condition: &str) -> [String; 3] {
    let pupils = "JOIN pupils p ON p.id = t.pupil_id JOIN groups g ON g.id = p.group_id";
    [
        format!(
            "SELECT t.pupil_id AS pupil_id, t.kind AS kind, t.first_day AS first_day, \
             t.last_day AS last_day, t.start_time AS start_time, t.end_time AS end_time \
             FROM absence_reports t {pupils} WHERE t.withdrawn_at IS NULL AND {condition}"
        ),
        format!(
            "SELECT t.pupil_id AS pupil_id, t.day AS first_day, t.start_time AS start_time, \
             t.end_time AS end_time, t.explanation_kind AS explanation_kind, \
             t.authorised AS authorised \
             FROM unexplained_absences t {pupils} WHERE {condition}"
        ),
        format!(
            "SELECT t.pupil_id AS pupil_id, t.day AS first_day, t.arrived_at AS arrived_at \
             FROM late_arrivals t {pupils} WHERE {condition}"
        ),
    ]
}

const SELECT_UNEXPLAINED: &str = "SELECT x.id AS id, x.pupil_id AS pupil_id, \
    p.first_name AS first_name, p.last_name AS last_name, g.id AS group_id, \
    g.name AS group_name, g.school_id AS school_id, x.day AS day, \
    x.start_time AS start_time, x.end_time AS end_time, m.name AS marked_by, \
    x.marked_at AS marked_at, x.explanation_kind AS explanation_kind, \
    x.explanation_note AS explanation_note, e.name AS explained_by, \
    x.explained_at AS explained_at, x.authorised AS authorised, j.name AS judged_by, \
    x.judged_at AS judged_at \
    FROM unexplained_absences x \
    JOIN pupils p ON p.id = x.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN users m ON m.id = x.marked_by \
    LEFT JOIN users e ON e.id = x.explained_by \
    LEFT JOIN users j ON j.id = x.judged_by";

pub(super) const SELECT_LATE: &str = "SELECT l.id AS id, l.pupil_id AS pupil_id, \
    p.first_name AS first_name, l.day AS day, l.arrived_at AS arrived_at, \
    u.name AS registered_by, l.registered_at AS registered_at \
    FROM late_arrivals l \
    JOIN pupils p ON p.id = l.pupil_id \
    JOIN users u ON u.id = l.registered_by";

/// An unexplained absence with the school it belongs to.
#[derive(Debug)]
pub struct UnexplainedAtSchool {
    pub absence: UnexplainedAbsence,
    pub school_id: String,
}

impl Store {
    /// The school's groups, by name, each with its pupils by first name.
    pub async fn school_groups(&self, school_id: &str) -> Result<Vec<SchoolGroup>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT g.id AS group_id, g.name AS group_name, p.id AS pupil_id, \
             p.first_name AS first_name, p.last_name AS last_name \
             FROM groups g LEFT JOIN pupils p ON p.group_id = g.id \
             WHERE g.school_id = $1 \
             ORDER BY g.name, g.id, p.first_name, p.last_name, p.id",
        )
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        let mut groups: Vec<SchoolGroup> = Vec::new();
        for row in &rows {
            let id: String = row.try_get("group_id")?;
            if groups.last().is_none_or(|g| g.id != id) {
                groups.push(SchoolGroup {
                    id,
                    name: row.try_get("group_name")?,
                    pupils: vec![],
                });
            }
            if let Some(pupil_id) = row.try_get::<Option<String>, _>("pupil_id")? {
                let pupil = Pupil {
                    id: pupil_id,
                    first_name: row.try_get("first_name")?,
                    last_name: row.try_get("last_name")?,
                };
                if let Some(group) = groups.last_mut() {
                    group.pupils.push(pupil);
                }
            }
        }
        Ok(groups)
    }

    /// The reports (not withdrawn) of the school's pupils that overlap
    /// `from..=to`, per group; only group `group_id` when given. An
    /// open-ended sick report overlaps every period from its first day.
    pub async fn desk_reports(
        &self,
        school_id: &str,
        from: NaiveDate,
        to: NaiveDate,
        group_id: Option<&str>,
    ) -> Result<DeskReports, sqlx::Error> {
        let mut groups: Vec<DeskGroup> = self
            .school_groups(school_id)
            .await?
            .into_iter()
            .filter(|g| group_id.is_none_or(|id| id == g.id))
            .map(|g| DeskGroup {
                id: g.id,
                name: g.name,
                reports: vec![],
            })
            .collect();
        // Dates as text compare as dates.
        let reports = self
            .desk_reports_where(DESK_LIST, |q| {
                q.bind(school_id.to_owned())
                    .bind(date_to_text(to))
                    .bind(date_to_text(from))
            })
            .await?;
        for report in reports {
            if let Some(group) = groups.iter_mut().find(|g| g.id == report.group_id) {
                group.reports.push(report);
            }
        }
        Ok(DeskReports { from, to, groups })
    }

    /// Of `report_ids`, the first that is not a report (not withdrawn) of a
    /// pupil of `school_id`.
    pub async fn first_report_elsewhere<'a>(
        &self,
        school_id: &str,
        report_ids: &'a [String],
    ) -> Result<Option<&'a str>, sqlx::Error> {
        let found = self.reports_by_ids(school_id, report_ids).await?;
        Ok(report_ids
            .iter()
            .find(|id| !found.iter().any(|r| r.id == **id))
            .map(String::as_str))
    }

    /// The school's reports with these ids, in no particular order.
    pub async fn reports_by_ids(
        &self,
        school_id: &str,
        report_ids: &[String],
    ) -> Result<Vec<DeskReport>, sqlx::Error> {
        if report_ids.is_empty() {
            return Ok(vec![]);
        }
        let list = (2..report_ids.len() + 2)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let condition = format!(
            "g.school_id = $1 AND r.withdrawn_at IS NULL AND r.id IN ({list}) \
             ORDER BY r.first_day, p.first_name, r.id"
        );
        self.desk_reports_where(&condition, |q| {
            report_ids
                .iter()
                .fold(q.bind(school_id.to_owned()), |q, id| q.bind(id.clone()))
        })
        .await
    }

    /// Marks these reports (all of `school_id`: the caller checked) as seen
    /// by `staff_user_id`, in one transaction with their audit lines. Those
    /// seen before stay as they were.
    pub async fn acknowledge_reports(
        &self,
        school_id: &str,
        report_ids: &[String],
        staff_user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        for id in report_ids {
            if acknowledge_report(&mut tx, id, staff_user_id, now).await? {
                let audit = Audit {
                    school_id,
                    by_user: staff_user_id,
                    action: AuditAction::ReportAcknowledged,
                    subject_type: "report",
                    subject_id: id,
                    detail: None,
                    at: now,
                };
                record_audit(&mut tx, &audit).await?;
            }
        }
        tx.commit().await
    }

    async fn desk_reports_where(
        &self,
        condition: &str,
        bind: impl for<'q> FnOnce(AnyQuery<'q>) -> AnyQuery<'q>,
    ) -> Result<Vec<DeskReport>, sqlx::Error> {
        let sql = format!("{SELECT_DESK_REPORTS} WHERE {condition}");
        let rows = bind(sqlx::query(&sql)).fetch_all(&self.pool).await?;
        rows.iter().map(desk_report_from_row).collect()
    }

    /// Stores a (validated) absence the school marked for a pupil of
    /// `school_id`, with its audit line. Idempotent on the key; returns the
    /// absence's id and whether this call stored it.
    pub async fn mark_absent(
        &self,
        school_id: &str,
        staff_user_id: &str,
        new: &NewAbsenceMark,
        now: DateTime<Utc>,
    ) -> Result<(String, bool), sqlx::Error> {
        let find = || {
            self.id_by_key(
                "unexplained_absences",
                "marked_by",
                staff_user_id,
                &new.idempotency_key,
            )
        };
        let insert = || async move {
            let id = new_id();
            let mut tx = self.pool.begin().await?;
            sqlx::query(
                "INSERT INTO unexplained_absences (id, pupil_id, day, start_time, end_time, \
                 marked_by, marked_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(&new.pupil_id)
            .bind(date_to_text(new.day))
            .bind(new.start_time.map(time_to_text))
            .bind(new.end_time.map(time_to_text))
            .bind(staff_user_id)
            .bind(instant_to_text(now))
            .bind(&new.idempotency_key)
            .execute(&mut *tx)
            .await?;
            let audit = Audit {
                school_id,
                by_user: staff_user_id,
                action: AuditAction::AbsenceMarked,
                subject_type: "unexplained_absence",
                subject_id: &id,
                detail: None,
                at: now,
            };
            record_audit(&mut tx, &audit).await?;
            tx.commit().await
        };
        save_once(find, insert).await
    }

    /// One unexplained absence, with its school.
    pub async fn unexplained_absence(
        &self,
        id: &str,
    ) -> Result<Option<UnexplainedAtSchool>, sqlx::Error> {
        let row = sqlx::query(&format!("{SELECT_UNEXPLAINED} WHERE x.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(unexplained_from_row).transpose()
    }

    /// A pupil's unexplained absences, newest day first.
    pub async fn pupil_unexplained_absences(
        &self,
        pupil_id: &str,
    ) -> Result<Vec<UnexplainedAbsence>, sqlx::Error> {
        let rows = sqlx::query(&format!(
            "{SELECT_UNEXPLAINED} WHERE x.pupil_id = $1 ORDER BY x.day DESC, x.marked_at DESC, x.id"
        ))
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| unexplained_from_row(row).map(|u| u.absence))
            .collect()
    }

    /// The school's unexplained absences, soonest day last: only those not
    /// judged yet unless `all`.
    pub async fn school_unexplained_absences(
        &self,
        school_id: &str,
        all: bool,
    ) -> Result<Vec<UnexplainedAbsence>, sqlx::Error> {
        let open = if all { "" } else { " AND x.authorised IS NULL" };
        let rows = sqlx::query(&format!(
            "{SELECT_UNEXPLAINED} WHERE g.school_id = $1{open} \
             ORDER BY x.day DESC, g.name, p.first_name, x.id"
        ))
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| unexplained_from_row(row).map(|u| u.absence))
            .collect()
    }

    /// A guardian's reason (validated), while the school has not judged:
    /// false when it has (or the absence is gone).
    pub async fn explain_absence(
        &self,
        absence: &UnexplainedAtSchool,
        user_id: &str,
        explanation: &AbsenceExplanation,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE unexplained_absences SET explanation_kind = $1, explanation_note = $2, \
             explained_by = $3, explained_at = $4 WHERE id = $5 AND judged_at IS NULL",
        )
        .bind(explanation.kind.as_str())
        .bind(explanation.clean_note())
        .bind(user_id)
        .bind(instant_to_text(now))
        .bind(&absence.absence.id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let audit = Audit {
            school_id: &absence.school_id,
            by_user: user_id,
            action: AuditAction::AbsenceExplained,
            subject_type: "unexplained_absence",
            subject_id: &absence.absence.id,
            detail: None,
            at: now,
        };
        record_audit(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The school's judgement; a later one replaces an earlier one.
    pub async fn judge_absence(
        &self,
        absence: &UnexplainedAtSchool,
        staff_user_id: &str,
        authorised: bool,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE unexplained_absences SET authorised = $1, judged_by = $2, judged_at = $3 \
             WHERE id = $4",
        )
        .bind(i32::from(authorised))
        .bind(staff_user_id)
        .bind(instant_to_text(now))
        .bind(&absence.absence.id)
        .execute(&mut *tx)
        .await?;
        let audit = Audit {
            school_id: &absence.school_id,
            by_user: staff_user_id,
            action: AuditAction::AbsenceJudged,
            subject_type: "unexplained_absence",
            subject_id: &absence.absence.id,
            detail: Some(if authorised {
                "authorised"
            } else {
                "unauthorised"
            }),
            at: now,
        };
        record_audit(&mut tx, &audit).await?;
        tx.commit().await
    }

    /// Stores a (validated) late arrival of a pupil of `school_id`, with its
    /// audit line. Idempotent on the key.
    pub async fn register_late_arrival(
        &self,
        school_id: &str,
        staff_user_id: &str,
        new: &NewLateArrival,
        now: DateTime<Utc>,
    ) -> Result<(LateArrival, bool), sqlx::Error> {
        let find = || async move {
            let id = self
                .id_by_key(
                    "late_arrivals",
                    "registered_by",
                    staff_user_id,
                    &new.idempotency_key,
                )
                .await?;
            match id {
                Some(id) => self.late_arrival(&id).await,
                None => Ok(None),
            }
        };
        let insert = || async move {
            let id = new_id();
            let mut tx = self.pool.begin().await?;
            sqlx::query(
                "INSERT INTO late_arrivals (id, pupil_id, day, arrived_at, registered_by, \
                 registered_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&id)
            .bind(&new.pupil_id)
            .bind(date_to_text(new.day))
            .bind(time_to_text(new.arrived_at))
            .bind(staff_user_id)
            .bind(instant_to_text(now))
            .bind(&new.idempotency_key)
            .execute(&mut *tx)
            .await?;
            let audit = Audit {
                school_id,
                by_user: staff_user_id,
                action: AuditAction::LateArrivalRegistered,
                subject_type: "late_arrival",
                subject_id: &id,
                detail: None,
                at: now,
            };
            record_audit(&mut tx, &audit).await?;
            tx.commit().await
        };
        save_once(find, insert).await
    }

    async fn late_arrival(&self, id: &str) -> Result<Option<LateArrival>, sqlx::Error> {
        let row = sqlx::query(&format!("{SELECT_LATE} WHERE l.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(late_from_row).transpose()
    }

    /// The id of the row of `table` that `user_id` stored under `key`.
    async fn id_by_key(
        &self,
        table: &str,
        by_column: &str,
        user_id: &str,
        key: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        // `table` and `by_column` are constants of this module, never input.
        sqlx::query_scalar(&format!(
            "SELECT id FROM {table} WHERE {by_column} = $1 AND idempotency_key = $2"
        ))
        .bind(user_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await
    }

    /// What the protocol engine counts, per pupil: their reports (not
    /// withdrawn), the absences the school marked (unauthorised until it
    /// accepted the reason) and their late arrivals. Three queries however
    /// many pupils.
    pub async fn histories(
        &self,
        of: HistoryOf<'_>,
    ) -> Result<HashMap<String, Vec<AbsenceRecord>>, sqlx::Error> {
        let (condition, id) = of.condition();
        let fetch = |sql: String| {
            let id = id.clone();
            async move { sqlx::query(&sql).bind(id).fetch_all(&self.pool).await }
        };
        let [reports, marked, late] = history_queries(condition);
        let reports = fetch(reports).await?;
        let marked = fetch(marked).await?;
        let late = fetch(late).await?;

        let mut histories: HashMap<String, Vec<AbsenceRecord>> = HashMap::new();
        for row in &reports {
            let kind: String = row.try_get("kind")?;
            let kind = AbsenceKind::parse(&kind).ok_or_else(|| decode_error("an absence kind"))?;
            let record = AbsenceRecord {
                category: kind.into(),
                first_day: date(row, "first_day")?,
                last_day: optional_date(row, "last_day")?,
                start_time: optional_time(row, "start_time")?,
                end_time: optional_time(row, "end_time")?,
            };
            histories
                .entry(row.try_get("pupil_id")?)
                .or_default()
                .push(record);
        }
        for row in &marked {
            let explained = optional_kind(row)?;
            let authorised = optional_flag(row, "authorised")?;
            let status = UnexplainedStatus::of(explained.is_some(), authorised);
            let day = date(row, "first_day")?;
            let record = AbsenceRecord {
                category: status.category(explained),
                first_day: day,
                last_day: Some(day),
                start_time: optional_time(row, "start_time")?,
                end_time: optional_time(row, "end_time")?,
            };
            histories
                .entry(row.try_get("pupil_id")?)
                .or_default()
                .push(record);
        }
        for row in &late {
            let day = date(row, "first_day")?;
            let record = AbsenceRecord {
                category: AbsenceCategory::Late,
                first_day: day,
                last_day: Some(day),
                start_time: None,
                end_time: optional_time(row, "arrived_at")?,
            };
            histories
                .entry(row.try_get("pupil_id")?)
                .or_default()
                .push(record);
        }
        Ok(histories)
    }

    /// One pupil's history (see [`Store::histories`]).
    pub async fn pupil_history(&self, pupil_id: &str) -> Result<Vec<AbsenceRecord>, sqlx::Error> {
        let mut all = self.histories(HistoryOf::Pupil(pupil_id)).await?;
        Ok(all.remove(pupil_id).unwrap_or_default())
    }
}

fn date(row: &AnyRow, column: &str) -> Result<NaiveDate, sqlx::Error> {
    date_from_text(&row.try_get::<String, _>(column)?)
}

fn optional_date(row: &AnyRow, column: &str) -> Result<Option<NaiveDate>, sqlx::Error> {
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(date_from_text)
        .transpose()
}

fn optional_time(row: &AnyRow, column: &str) -> Result<Option<chrono::NaiveTime>, sqlx::Error> {
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(time_from_text)
        .transpose()
}

fn instant(row: &AnyRow, column: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    instant_from_text(&row.try_get::<String, _>(column)?)
}

fn optional_instant(row: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(instant_from_text)
        .transpose()
}

fn optional_flag(row: &AnyRow, column: &str) -> Result<Option<bool>, sqlx::Error> {
    Ok(row.try_get::<Option<i32>, _>(column)?.map(|v| v == 1))
}

fn optional_kind(row: &AnyRow) -> Result<Option<AbsenceKind>, sqlx::Error> {
    row.try_get::<Option<String>, _>("explanation_kind")?
        .map(|k| AbsenceKind::parse(&k).ok_or_else(|| decode_error("an absence kind")))
        .transpose()
}

fn desk_report_from_row(row: &AnyRow) -> Result<DeskReport, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    Ok(DeskReport {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        pupil_first_name: row.try_get("first_name")?,
        pupil_last_name: row.try_get("last_name")?,
        group_id: row.try_get("group_id")?,
        group_name: row.try_get("group_name")?,
        kind: AbsenceKind::parse(&kind).ok_or_else(|| decode_error("an absence kind"))?,
        first_day: date(row, "first_day")?,
        last_day: optional_date(row, "last_day")?,
        start_time: optional_time(row, "start_time")?,
        end_time: optional_time(row, "end_time")?,
        note: row.try_get("note")?,
        reported_by: row.try_get("reported_by")?,
        reported_at: instant(row, "reported_at")?,
        acknowledged_at: optional_instant(row, "acknowledged_at")?,
        acknowledged_by: row.try_get("acknowledged_by")?,
    })
}

fn unexplained_from_row(row: &AnyRow) -> Result<UnexplainedAtSchool, sqlx::Error> {
    let first_name: String = row.try_get("first_name")?;
    let day = date(row, "day")?;
    let kind = optional_kind(row)?;
    let authorised = optional_flag(row, "authorised")?;
    let note: Option<String> = row.try_get("explanation_note")?;
    let absence = UnexplainedAbsence {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        question: UnexplainedAbsence::question_for(&first_name, day),
        pupil_first_name: first_name,
        pupil_last_name: row.try_get("last_name")?,
        group_id: row.try_get("group_id")?,
        group_name: row.try_get("group_name")?,
        day,
        start_time: optional_time(row, "start_time")?,
        end_time: optional_time(row, "end_time")?,
        status: UnexplainedStatus::of(kind.is_some(), authorised),
        marked_by: row.try_get("marked_by")?,
        marked_at: instant(row, "marked_at")?,
        explanation: kind.map(|kind| AbsenceExplanation { kind, note }),
        explained_by: row.try_get("explained_by")?,
        explained_at: optional_instant(row, "explained_at")?,
        judged_by: row.try_get("judged_by")?,
        judged_at: optional_instant(row, "judged_at")?,
    };
    Ok(UnexplainedAtSchool {
        absence,
        school_id: row.try_get("school_id")?,
    })
}

pub(super) fn late_from_row(row: &AnyRow) -> Result<LateArrival, sqlx::Error> {
    Ok(LateArrival {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        pupil_first_name: row.try_get("first_name")?,
        day: date(row, "day")?,
        arrived_at: time_from_text(&row.try_get::<String, _>("arrived_at")?)?,
        registered_by: row.try_get("registered_by")?,
        registered_at: instant(row, "registered_at")?,
    })
}
