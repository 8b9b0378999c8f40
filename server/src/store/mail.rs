//! The mail outbox, and who gets mail in which language.
//!
//! A mail is stored here first and sent later by the background sender
//! (`crate::mail`), so that it is not lost when the mail server is down or
//! the process restarts. Rows are never deleted: a mail that was sent, or
//! that the sender gave up on, stays for the record.

use chrono::{DateTime, Utc};
use shared::Language;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::{decode_error, instant_from_text, instant_to_text, new_id, Store};
use crate::mail::{Audience, Recipient};

/// One rendered mail for one recipient, ready for the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
}

/// A mail in the outbox that is due.
#[derive(Clone, Debug)]
pub struct QueuedMail {
    pub id: String,
    pub mail: OutgoingMail,
    /// Attempts so far.
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
}

/// Queues mails as part of the caller's transaction, so that they are
/// stored together with the change they tell about, or not at all.
pub async fn enqueue_mails_in(
    conn: &mut AnyConnection,
    mails: &[OutgoingMail],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    for mail in mails {
        sqlx::query(
            "INSERT INTO mail_outbox (id, to_address, to_name, subject, body, created_at, \
             attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(&mail.to_address)
        .bind(&mail.to_name)
        .bind(&mail.subject)
        .bind(&mail.body)
        .bind(instant_to_text(now))
        .bind(0_i64)
        .bind(instant_to_text(now))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Mails still to send: not sent and not given up on.
const WAITING: &str = "sent_at IS NULL AND gave_up_at IS NULL";

impl Store {
    /// Queues mails, all or none, to be sent from `now` on.
    pub async fn enqueue_mails(
        &self,
        mails: &[OutgoingMail],
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.begin().await?;
        enqueue_mails_in(&mut tx, mails, now).await?;
        tx.commit().await
    }

    /// At most `limit` mails whose next attempt is due at `now`, the
    /// longest waiting first.
    pub async fn due_mails(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<QueuedMail>, sqlx::Error> {
        let rows = sqlx::query(&format!(
            "SELECT id, to_address, to_name, subject, body, attempts, next_attempt_at \
             FROM mail_outbox WHERE {WAITING} AND next_attempt_at <= $1 \
             ORDER BY next_attempt_at, id LIMIT $2"
        ))
        .bind(instant_to_text(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(queued_from_row).collect()
    }

    /// When the next mail is due; `None` when none waits.
    pub async fn next_mail_due(&self) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        let next: Option<String> = sqlx::query_scalar(&format!(
            "SELECT MIN(next_attempt_at) FROM mail_outbox WHERE {WAITING}"
        ))
        .fetch_one(&self.pool)
        .await?;
        next.as_deref().map(instant_from_text).transpose()
    }

    /// Takes a due mail to send it: moves its next attempt to `until`, but
    /// only when it is still as `due_mails` read it. False: another sender
    /// took it first. Should this one stop halfway, the mail is due again
    /// at `until`.
    pub async fn claim_mail(
        &self,
        mail: &QueuedMail,
        until: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(&format!(
            "UPDATE mail_outbox SET next_attempt_at = $1 \
             WHERE id = $2 AND next_attempt_at = $3 AND {WAITING}"
        ))
        .bind(instant_to_text(until))
        .bind(&mail.id)
        .bind(instant_to_text(mail.next_attempt_at))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The mail server accepted the mail.
    pub async fn mark_mail_sent(&self, id: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE mail_outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL \
             WHERE id = $2",
        )
        .bind(instant_to_text(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An attempt failed with `error_kind` (no personal data); try again at
    /// `next_attempt_at`.
    pub async fn mark_mail_failed(
        &self,
        id: &str,
        error_kind: &str,
        next_attempt_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, \
             next_attempt_at = $2 WHERE id = $3",
        )
        .bind(error_kind)
        .bind(instant_to_text(next_attempt_at))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The last attempt failed with `error_kind`: stop trying. The mail
    /// stays in the outbox.
    pub async fn give_up_mail(
        &self,
        id: &str,
        error_kind: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, gave_up_at = $2 \
             WHERE id = $3",
        )
        .bind(error_kind)
        .bind(instant_to_text(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The language a user reads mail in (Dutch unless they chose
    /// another); `None` when there is no such user.
    pub async fn user_language(&self, user_id: &str) -> Result<Option<Language>, sqlx::Error> {
        let row = sqlx::query("SELECT language FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| language_from_row(&row)).transpose()
    }

    /// Sets the language a user reads mail in.
    pub async fn set_user_language(
        &self,
        user_id: &str,
        language: Language,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
            .bind(language.as_str())
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A user as a recipient of mail for `audience`; `None` when there is
    /// no such user.
    pub async fn recipient(
        &self,
        user_id: &str,
        audience: Audience,
    ) -> Result<Option<Recipient>, sqlx::Error> {
        let row = sqlx::query("SELECT email, name, language FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| recipient_from_row(&row, audience))
            .transpose()
    }

    /// Every guardian of a pupil, as a recipient of mail for parents, in a
    /// fixed order.
    pub async fn guardian_recipients(&self, pupil_id: &str) -> Result<Vec<Recipient>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT u.email AS email, u.name AS name, u.language AS language \
             FROM guardianships g JOIN users u ON u.id = g.user_id \
             WHERE g.pupil_id = $1 ORDER BY u.email",
        )
        .bind(pupil_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| recipient_from_row(row, Audience::Parent))
            .collect()
    }
}

fn queued_from_row(row: &AnyRow) -> Result<QueuedMail, sqlx::Error> {
    let attempts: i64 = row.try_get("attempts")?;
    Ok(QueuedMail {
        id: row.try_get("id")?,
        mail: OutgoingMail {
            to_address: row.try_get("to_address")?,
            to_name: row.try_get("to_name")?,
            subject: row.try_get("subject")?,
            body: row.try_get("body")?,
        },
        attempts: u32::try_from(attempts).map_err(|_| decode_error("a number of attempts"))?,
        next_attempt_at: instant_from_text(&row.try_get::<String, _>("next_attempt_at")?)?,
    })
}

fn language_from_row(row: &AnyRow) -> Result<Language, sqlx::Error> {
    match row.try_get::<Option<String>, _>("language")? {
        None => Ok(Language::default()),
        Some(code) => Language::parse(&code).ok_or_else(|| decode_error("a language")),
    }
}

pub(super) fn recipient_from_row(
    row: &AnyRow,
    audience: Audience,
) -> Result<Recipient, sqlx::Error> {
    Ok(Recipient {
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        language: language_from_row(row)?,
        audience,
    })
}
