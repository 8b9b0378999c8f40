//! Leave requests: stored by a guardian, answered by the school.
//!
//! Reads for guardians take the asking user and return only what that user
//! is a guardian of; the school's side reads by school. Who may decide is
//! the handlers' business: these methods do what they are told.

use chrono::{DateTime, Utc};
use shared::{AuditAction, LeaveDecision, LeaveKind, LeaveRequest, LeaveStatus, NewLeaveRequest};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::{record_audit, record_parent_change, Audit, ParentChange};
use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, new_id,
    save_once, Store,
};

/// The answer to storing a leave request.
#[derive(Debug)]
pub struct SavedLeaveRequest {
    pub request: LeaveRequest,
    /// False when this idempotency key was used before and `request` is the
    /// one stored then.
    pub created: bool,
}

/// A leave request and the school of its pupil.
#[derive(Debug)]
pub struct LeaveAtSchool {
    pub request: LeaveRequest,
    pub school_id: String,
}

const SELECT_LEAVE: &str = "SELECT l.id AS id, l.pupil_id AS pupil_id, \
    p.first_name AS pupil_first_name, l.kind AS kind, l.first_day AS first_day, \
    l.last_day AS last_day, l.reason AS reason, r.name AS requested_by, \
    l.requested_at AS requested_at, l.status AS status, \
    l.decision_reason AS decision_reason, d.name AS decided_by, \
    l.decided_at AS decided_at, g.school_id AS school_id \
    FROM leave_requests l \
    JOIN pupils p ON p.id = l.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN users r ON r.id = l.requested_by \
    LEFT JOIN users d ON d.id = l.decided_by";

impl Store {
    /// Stores a (validated) leave request made by `user_id` at `now`, as
    /// pending. Idempotent on the request's key (see [`save_once`]).
    ///
    /// Does not check guardianship: the caller does, before.
    pub async fn save_leave_request(
        &self,
        user_id: &str,
        new: &NewLeaveRequest,
        now: DateTime<Utc>,
    ) -> Result<SavedLeaveRequest, sqlx::Error> {
        let (request, created) = save_once(
            move || self.leave_request_by_key(user_id, &new.idempotency_key),
            move || self.insert_leave_request(user_id, new, now),
        )
        .await?;
        Ok(SavedLeaveRequest { request, created })
    }

    async fn insert_leave_request(
        &self,
        user_id: &str,
        new: &NewLeaveRequest,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let id = new_id();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO leave_requests (id, pupil_id, requested_by, kind, first_day, \
             last_day, reason, requested_at, status, idempotency_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(&new.pupil_id)
        .bind(user_id)
        .bind(new.kind.as_str())
        .bind(date_to_text(new.first_day))
        .bind(date_to_text(new.last_day))
        .bind(new.reason.trim())
        .bind(instant_to_text(now))
        .bind(LeaveStatus::Pending.as_str())
        .bind(&new.idempotency_key)
        .execute(&mut *tx)
        .await?;
        let change = ParentChange::LeaveRequest(&id);
        record_parent_change(&mut tx, change, user_id, AuditAction::LeaveRequested, now).await?;
        tx.commit().await
    }

    /// The request `user_id` stored with this idempotency key, if any.
    pub async fn leave_request_by_key(
        &self,
        user_id: &str,
        idempotency_key: &str,
    ) -> Result<Option<LeaveRequest>, sqlx::Error> {
        let row = sqlx::query(&format!(
            "{SELECT_LEAVE} WHERE l.requested_by = $1 AND l.idempotency_key = $2"
        ))
        .bind(user_id)
        .bind(idempotency_key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(leave_from_row).transpose()
    }

    /// A child's leave requests, newest first; `None` when `user_id` is not
    /// a guardian of the child (or there is no such child).
    pub async fn child_leave_requests(
        &self,
        user_id: &str,
        pupil_id: &str,
    ) -> Result<Option<Vec<LeaveRequest>>, sqlx::Error> {
        if !self.is_guardian(user_id, pupil_id).await? {
            return Ok(None);
        }
        let rows = sqlx::query(&format!(
            "{SELECT_LEAVE} WHERE l.pupil_id = $1 ORDER BY l.requested_at DESC, l.id"
        ))
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(leave_from_row)
            .collect::<Result<_, _>>()
            .map(Some)
    }

    /// One leave request with its pupil's school, whoever asks: the caller
    /// decides who may see it.
    pub async fn leave_request(&self, id: &str) -> Result<Option<LeaveAtSchool>, sqlx::Error> {
        let row = sqlx::query(&format!("{SELECT_LEAVE} WHERE l.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(LeaveAtSchool {
                request: leave_from_row(&row)?,
                school_id: row.try_get("school_id")?,
            })
        })
        .transpose()
    }

    /// A school's leave requests, optionally only those with `status`, by
    /// first day (the soonest first).
    pub async fn school_leave_requests(
        &self,
        school_id: &str,
        status: Option<LeaveStatus>,
    ) -> Result<Vec<LeaveRequest>, sqlx::Error> {
        let only_status = if status.is_some() {
            " AND l.status = $2"
        } else {
            ""
        };
        let sql = format!(
            "{SELECT_LEAVE} WHERE g.school_id = $1{only_status} \
             ORDER BY l.first_day, l.requested_at, l.id"
        );
        let mut query = sqlx::query(&sql).bind(school_id);
        if let Some(status) = status {
            query = query.bind(status.as_str());
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(leave_from_row)
            .collect()
    }

    /// Records the school's decision on a pending request. False when it was
    /// not pending (decided or withdrawn already, or not there).
    pub async fn decide_leave_request(
        &self,
        id: &str,
        decided_by: &str,
        decision: &LeaveDecision,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let status = if decision.granted {
            LeaveStatus::Granted
        } else {
            LeaveStatus::Refused
        };
        self.close_leave_request(id, status, decided_by, Some(decision.reason.trim()), now)
            .await
    }

    /// A guardian takes a pending request back. False when it was not
    /// pending.
    pub async fn withdraw_leave_request(
        &self,
        id: &str,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        self.close_leave_request(id, LeaveStatus::Withdrawn, user_id, None, now)
            .await
    }

    /// Moves a pending request to `status`, in one statement, so that of two
    /// simultaneous answers only one counts. A decision by the school also
    /// goes into the school's audit log, in the same transaction.
    async fn close_leave_request(
        &self,
        id: &str,
        status: LeaveStatus,
        by: &str,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE leave_requests SET status = $1, decided_by = $2, decided_at = $3, \
             decision_reason = $4 WHERE id = $5 AND status = $6",
        )
        .bind(status.as_str())
        .bind(by)
        .bind(instant_to_text(now))
        .bind(reason)
        .bind(id)
        .bind(LeaveStatus::Pending.as_str())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        if status == LeaveStatus::Withdrawn {
            let change = ParentChange::LeaveRequest(id);
            record_parent_change(&mut tx, change, by, AuditAction::LeaveWithdrawn, now).await?;
        } else {
            let school_id: String = sqlx::query_scalar(
                "SELECT g.school_id FROM leave_requests l JOIN pupils p ON p.id = l.pupil_id \
                 JOIN groups g ON g.id = p.group_id WHERE l.id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let audit = Audit {
                school_id: &school_id,
                by_user: by,
                action: AuditAction::LeaveDecided,
                subject_type: "leave_request",
                subject_id: id,
                detail: Some(status.as_str()),
                at: now,
            };
            record_audit(&mut tx, &audit).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

fn leave_from_row(row: &AnyRow) -> Result<LeaveRequest, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    let decided_at: Option<String> = row.try_get("decided_at")?;
    Ok(LeaveRequest {
        id: text("id")?,
        pupil_id: text("pupil_id")?,
        pupil_first_name: text("pupil_first_name")?,
        kind: LeaveKind::parse(&text("kind")?).ok_or_else(|| decode_error("a leave kind"))?,
        first_day: date_from_text(&text("first_day")?)?,
        last_day: date_from_text(&text("last_day")?)?,
        reason: text("reason")?,
        requested_by: text("requested_by")?,
        requested_at: instant_from_text(&text("requested_at")?)?,
        status: LeaveStatus::parse(&text("status")?)
            .ok_or_else(|| decode_error("a leave status"))?,
        decision_reason: row.try_get("decision_reason")?,
        decided_by: row.try_get("decided_by")?,
        decided_at: decided_at.as_deref().map(instant_from_text).transpose()?,
    })
}
