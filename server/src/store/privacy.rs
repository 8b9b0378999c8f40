//! Privacy: a person's copy of their data (`GET /api/me/export`) and the
//! deletion of data past the school's retention period
//! (`crate::retention`).

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use shared::privacy::{
    about_my_data, AccountData, AuditData, ChildData, MailData, MyData, ReportData, SessionData,
};
use shared::{AuditAction, Conversation, Language};
use sqlx::{AnyConnection, Row};

use super::desk::{late_from_row, SELECT_LATE};
use super::reports::{report_from_row, SELECT_REPORTS};
use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, Store,
};
use crate::auth::NO_PASSWORD;

/// Years a school keeps a pupil's data after they left, unless it set its
/// own: absence and enrolment data of PO and VO pupils, 5 years.
pub const DEFAULT_RETENTION_YEARS: u32 = 5;

/// What deleting one pupil's data removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeletedPupil {
    /// Guardian accounts left without a child or a role, deleted with it.
    pub accounts: u64,
}

/// A child of the asking guardian, as the export lists it.
struct ExportChild {
    id: String,
    first_name: String,
    last_name: String,
    school_name: String,
    group_name: String,
    pupil_number: Option<String>,
    left_on: Option<NaiveDate>,
    retention_years: u32,
}

/// Audit lines about a guardian's children's records: their reports, leave
/// requests, marked absences and late arrivals, the conversations they see
/// (`$1` is the guardian's id), and the children themselves.
const CHILDREN_RECORDS: &str = "\
    SELECT r.id FROM absence_reports r JOIN guardianships gu ON gu.pupil_id = r.pupil_id \
        WHERE gu.user_id = $1 \
    UNION ALL SELECT l.id FROM leave_requests l JOIN guardianships gu ON gu.pupil_id = l.pupil_id \
        WHERE gu.user_id = $1 \
    UNION ALL SELECT x.id FROM unexplained_absences x \
        JOIN guardianships gu ON gu.pupil_id = x.pupil_id WHERE gu.user_id = $1 \
    UNION ALL SELECT t.id FROM late_arrivals t JOIN guardianships gu ON gu.pupil_id = t.pupil_id \
        WHERE gu.user_id = $1 \
    UNION ALL SELECT c.id FROM conversations c JOIN guardianships gu ON gu.pupil_id = c.pupil_id \
        WHERE gu.user_id = $1 AND (c.shared_with_guardians = 1 OR c.started_by = $1) \
    UNION ALL SELECT pupil_id FROM guardianships WHERE user_id = $1";

/// The records of pupil `$1`, for the audit lines about them.
pub(super) const PUPIL_RECORDS: &str = "\
    SELECT id FROM absence_reports WHERE pupil_id = $1 \
    UNION ALL SELECT id FROM leave_requests WHERE pupil_id = $1 \
    UNION ALL SELECT id FROM unexplained_absences WHERE pupil_id = $1 \
    UNION ALL SELECT id FROM late_arrivals WHERE pupil_id = $1 \
    UNION ALL SELECT id FROM conversations WHERE pupil_id = $1";

/// The condition (after `WHERE`) for a user `u` nothing else points to:
/// no child, no role at a school, and no record that names them (a report
/// for a child they are no longer a guardian of, a line in the audit log).
pub(super) const UNUSED_ACCOUNT: &str = "\
    NOT EXISTS (SELECT 1 FROM guardianships WHERE user_id = u.id) \
    AND NOT EXISTS (SELECT 1 FROM staff_roles WHERE user_id = u.id) \
    AND NOT EXISTS (SELECT 1 FROM absence_reports \
        WHERE reported_by = u.id OR acknowledged_by = u.id) \
    AND NOT EXISTS (SELECT 1 FROM leave_requests \
        WHERE requested_by = u.id OR decided_by = u.id) \
    AND NOT EXISTS (SELECT 1 FROM conversations WHERE started_by = u.id OR handled_by = u.id) \
    AND NOT EXISTS (SELECT 1 FROM conversation_events WHERE by_user = u.id) \
    AND NOT EXISTS (SELECT 1 FROM unexplained_absences \
        WHERE marked_by = u.id OR explained_by = u.id OR judged_by = u.id) \
    AND NOT EXISTS (SELECT 1 FROM late_arrivals WHERE registered_by = u.id) \
    AND NOT EXISTS (SELECT 1 FROM audit_log WHERE by_user = u.id)";

impl Store {
    /// Everything stored about `user_id` and their children, for them to
    /// download; `None` when there is no such user.
    ///
    /// Only their own children, and of those children everything the
    /// school holds, also what the other guardian did (it is the child's
    /// data). Other people appear by name only, as in the app: their
    /// e-mail addresses and accounts are theirs, not the asker's.
    pub async fn my_data(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<MyData>, sqlx::Error> {
        let Some(row) = sqlx::query(
            "SELECT name, email, language, created_at, password_hash FROM users WHERE id = $1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let language = row
            .try_get::<Option<String>, _>("language")?
            .as_deref()
            .and_then(Language::parse)
            .unwrap_or_default();
        let account = AccountData {
            name: row.try_get("name")?,
            email: row.try_get("email")?,
            language,
            created_at: row
                .try_get::<Option<String>, _>("created_at")?
                .map(|t| instant_from_text(&t))
                .transpose()?,
            activated: row.try_get::<String, _>("password_hash")? != NO_PASSWORD,
        };

        let sessions = sqlx::query(
            "SELECT created_at, expires_at FROM sessions WHERE user_id = $1 AND expires_at > $2 \
             ORDER BY created_at",
        )
        .bind(user_id)
        .bind(instant_to_text(now))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(SessionData {
                created_at: instant_from_text(&row.try_get::<String, _>("created_at")?)?,
                expires_at: instant_from_text(&row.try_get::<String, _>("expires_at")?)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;

        let staff_roles = self
            .me(user_id)
            .await?
            .map(|me| me.staff_roles)
            .unwrap_or_default();

        // The conversations this guardian sees, as the app shows them: a
        // note the school keeps to itself stays out here too (the school
        // weighs such a request itself, with the rights of others).
        let mut conversations: HashMap<String, Vec<Conversation>> = HashMap::new();
        for mut c in self.guardian_conversations(user_id).await? {
            if !c.outcome_note_visible_to_parents {
                c.outcome_note = None;
            }
            conversations.entry(c.pupil_id.clone()).or_default().push(c);
        }
        let mut children = Vec::new();
        for child in self.export_children(user_id).await? {
            children.push(ChildData {
                reports: self.all_reports(&child.id).await?,
                leave_requests: self
                    .child_leave_requests(user_id, &child.id)
                    .await?
                    .unwrap_or_default(),
                conversations: conversations.remove(&child.id).unwrap_or_default(),
                unexplained_absences: self.pupil_unexplained_absences(&child.id).await?,
                late_arrivals: self.late_arrivals(&child.id).await?,
                id: child.id,
                first_name: child.first_name,
                last_name: child.last_name,
                school_name: child.school_name,
                group_name: child.group_name,
                pupil_number: child.pupil_number,
                left_on: child.left_on,
                retention_years: child.retention_years,
            });
        }

        let mails = sqlx::query(
            "SELECT subject, created_at, sent_at FROM mail_outbox WHERE to_address = $1 \
             ORDER BY created_at, id",
        )
        .bind(&account.email)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(MailData {
                subject: row.try_get("subject")?,
                created_at: instant_from_text(&row.try_get::<String, _>("created_at")?)?,
                sent_at: row
                    .try_get::<Option<String>, _>("sent_at")?
                    .map(|t| instant_from_text(&t))
                    .transpose()?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;

        Ok(Some(MyData {
            about: about_my_data().get(language).to_owned(),
            exported_at: now,
            account,
            sessions,
            staff_roles,
            children,
            mails,
            audit_log: self.audit_about(user_id).await?,
        }))
    }

    async fn export_children(&self, user_id: &str) -> Result<Vec<ExportChild>, sqlx::Error> {
        sqlx::query(
            "SELECT p.id AS id, p.first_name AS first_name, p.last_name AS last_name, \
             g.name AS group_name, s.name AS school_name, p.left_on AS left_on, \
             s.retention_years AS retention_years, n.pupil_number AS pupil_number \
             FROM guardianships gu \
             JOIN pupils p ON p.id = gu.pupil_id \
             JOIN groups g ON g.id = p.group_id \
             JOIN schools s ON s.id = g.school_id \
             LEFT JOIN pupil_numbers n ON n.pupil_id = p.id \
             WHERE gu.user_id = $1 \
             ORDER BY p.first_name, p.last_name, p.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(ExportChild {
                id: row.try_get("id")?,
                first_name: row.try_get("first_name")?,
                last_name: row.try_get("last_name")?,
                school_name: row.try_get("school_name")?,
                group_name: row.try_get("group_name")?,
                pupil_number: row.try_get("pupil_number")?,
                left_on: row
                    .try_get::<Option<String>, _>("left_on")?
                    .as_deref()
                    .map(date_from_text)
                    .transpose()?,
                retention_years: retention_years(row.try_get("retention_years")?),
            })
        })
        .collect()
    }

    /// A pupil's reports, withdrawn ones too, newest first day first.
    async fn all_reports(&self, pupil_id: &str) -> Result<Vec<ReportData>, sqlx::Error> {
        let withdrawn: HashMap<String, Option<String>> =
            sqlx::query("SELECT id, withdrawn_at FROM absence_reports WHERE pupil_id = $1")
                .bind(pupil_id)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|row| Ok((row.try_get("id")?, row.try_get("withdrawn_at")?)))
                .collect::<Result<_, sqlx::Error>>()?;
        sqlx::query(&format!(
            "{SELECT_REPORTS} WHERE r.pupil_id = $1 \
             ORDER BY r.first_day DESC, r.reported_at DESC, r.id"
        ))
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let report = report_from_row(row)?;
            let withdrawn_at = withdrawn
                .get(&report.id)
                .cloned()
                .flatten()
                .map(|t| instant_from_text(&t))
                .transpose()?;
            Ok(ReportData {
                report,
                withdrawn_at,
            })
        })
        .collect()
    }

    async fn late_arrivals(&self, pupil_id: &str) -> Result<Vec<shared::LateArrival>, sqlx::Error> {
        sqlx::query(&format!(
            "{SELECT_LATE} WHERE l.pupil_id = $1 ORDER BY l.day DESC, l.id"
        ))
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(late_from_row)
        .collect()
    }

    /// The audit lines about `user_id`, their children and those
    /// children's records, and the lines of what they did themselves.
    ///
    /// The log is personal data of the person and children it is about,
    /// so they may see it (AVG article 15): when what happened to their
    /// data. Which staff member did it is left out: the staff act for the
    /// school, and the Court of Justice of the EU (C-579/21, 2023) holds
    /// that their identity is not part of this right.
    async fn audit_about(&self, user_id: &str) -> Result<Vec<AuditData>, sqlx::Error> {
        sqlx::query(&format!(
            "SELECT a.at AS at, s.name AS school_name, a.action AS action, \
             a.subject_type AS subject_type, a.subject_id AS subject_id, a.detail AS detail, \
             a.by_user AS by_user \
             FROM audit_log a JOIN schools s ON s.id = a.school_id \
             WHERE a.by_user = $1 OR (a.subject_type = 'user' AND a.subject_id = $1) \
             OR a.subject_id IN ({CHILDREN_RECORDS}) \
             ORDER BY a.at, a.id"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let action: String = row.try_get("action")?;
            Ok(AuditData {
                at: instant_from_text(&row.try_get::<String, _>("at")?)?,
                school_name: row.try_get("school_name")?,
                action: AuditAction::parse(&action)
                    .ok_or_else(|| decode_error("an audit action"))?,
                subject_type: row.try_get("subject_type")?,
                subject_id: row.try_get("subject_id")?,
                detail: row.try_get("detail")?,
                by_me: row.try_get::<String, _>("by_user")? == user_id,
            })
        })
        .collect()
    }

    /// The pupils who left their school more than its retention period
    /// before `today`.
    pub async fn pupils_past_retention(
        &self,
        today: NaiveDate,
    ) -> Result<Vec<String>, sqlx::Error> {
        let schools = sqlx::query("SELECT id, retention_years FROM schools")
            .fetch_all(&self.pool)
            .await?;
        let mut pupils = Vec::new();
        for school in schools {
            let years = retention_years(school.try_get("retention_years")?);
            let Some(kept_since) = today.checked_sub_months(Months::new(years.saturating_mul(12)))
            else {
                continue;
            };
            let school_id: String = school.try_get("id")?;
            let left: Vec<String> = sqlx::query_scalar(
                "SELECT p.id FROM pupils p JOIN groups g ON g.id = p.group_id \
                 WHERE g.school_id = $1 AND p.left_on IS NOT NULL AND p.left_on < $2",
            )
            .bind(school_id)
            .bind(date_to_text(kept_since))
            .fetch_all(&self.pool)
            .await?;
            pupils.extend(left);
        }
        Ok(pupils)
    }

    /// Deletes a pupil and everything about them, in one transaction: their
    /// reports, leave requests, conversations, marked absences, late
    /// arrivals, the audit lines about those, their links to guardians, and
    /// then the accounts of guardians who are left with nothing (see
    /// [`UNUSED_ACCOUNT`]), with their sessions and mail.
    pub async fn delete_pupil(&self, pupil_id: &str) -> Result<DeletedPupil, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        // A write first: on SQLite it takes the write lock, so no other
        // write can make what we read next stale (and fail the commit).
        sqlx::query("UPDATE pupils SET left_on = left_on WHERE id = $1")
            .bind(pupil_id)
            .execute(&mut *tx)
            .await?;
        let guardians: Vec<String> =
            sqlx::query_scalar("SELECT user_id FROM guardianships WHERE pupil_id = $1")
                .bind(pupil_id)
                .fetch_all(&mut *tx)
                .await?;
        sqlx::query(&format!(
            "DELETE FROM audit_log WHERE subject_id IN ({PUPIL_RECORDS}) \
             OR (subject_type = 'pupil' AND subject_id = $1)"
        ))
        .bind(pupil_id)
        .execute(&mut *tx)
        .await?;
        for statement in [
            "DELETE FROM conversation_events WHERE conversation_id IN \
             (SELECT id FROM conversations WHERE pupil_id = $1)",
            "DELETE FROM conversation_times WHERE conversation_id IN \
             (SELECT id FROM conversations WHERE pupil_id = $1)",
            "DELETE FROM conversations WHERE pupil_id = $1",
            "DELETE FROM absence_reports WHERE pupil_id = $1",
            "DELETE FROM leave_requests WHERE pupil_id = $1",
            "DELETE FROM unexplained_absences WHERE pupil_id = $1",
            "DELETE FROM late_arrivals WHERE pupil_id = $1",
            "DELETE FROM guardianships WHERE pupil_id = $1",
            "DELETE FROM pupil_numbers WHERE pupil_id = $1",
            "DELETE FROM pupils WHERE id = $1",
        ] {
            sqlx::query(statement)
                .bind(pupil_id)
                .execute(&mut *tx)
                .await?;
        }
        let mut deleted = DeletedPupil::default();
        for user_id in guardians {
            if delete_unused_account(&mut tx, &user_id).await? {
                deleted.accounts += 1;
            }
        }
        tx.commit().await?;
        Ok(deleted)
    }

    /// Forgets every session that has ended at `now`: past its expiry, or
    /// unused since `idle_since` ([`crate::auth::idle_since`]); returns how
    /// many.
    pub async fn delete_all_expired_sessions(
        &self,
        now: DateTime<Utc>,
        idle_since: DateTime<Utc>,
    ) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(instant_to_text(now))
            .bind(instant_to_text(idle_since))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Deletes mail that was delivered, or given up on, before `before`;
    /// returns how many. Mail still waiting stays, however old.
    pub async fn delete_old_mail(&self, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            "DELETE FROM mail_outbox WHERE sent_at < $1 OR (sent_at IS NULL AND gave_up_at < $1)",
        )
        .bind(instant_to_text(before))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

/// Deletes the account of `user_id` if nothing points to it any more,
/// with its sessions, activation codes, mail and the audit lines about it.
async fn delete_unused_account(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<bool, sqlx::Error> {
    let email: Option<String> = sqlx::query_scalar(&format!(
        "SELECT u.email FROM users u WHERE u.id = $1 AND {UNUSED_ACCOUNT}"
    ))
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(email) = email else {
        return Ok(false);
    };
    for statement in [
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM activation_codes WHERE user_id = $1",
        "DELETE FROM staff_groups WHERE user_id = $1",
        "DELETE FROM audit_log WHERE subject_type = 'user' AND subject_id = $1",
        "DELETE FROM users WHERE id = $1",
    ] {
        sqlx::query(statement)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM mail_outbox WHERE to_address = $1")
        .bind(email)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// A school's retention period as stored (NULL: the default).
fn retention_years(stored: Option<i32>) -> u32 {
    stored
        .and_then(|years| u32::try_from(years).ok())
        .unwrap_or(DEFAULT_RETENTION_YEARS)
}
