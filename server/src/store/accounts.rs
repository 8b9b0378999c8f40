//! Users, their log-in sessions, and `Me` (who is logged in and what they
//! may see).

use chrono::{DateTime, Utc};
use shared::{Language, Me, StaffRole, StaffRoleKind};
use sqlx::{AnyConnection, Row};

use super::{decode_error, instant_from_text, instant_to_text, new_id, Store};

/// The session of a request (every request of someone logged in).
pub(super) const SESSION_USER: &str = "SELECT user_id, last_seen_at FROM sessions \
    WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at > $3";

/// The account of a log-in.
pub(super) const USER_FOR_LOGIN: &str = "SELECT id, password_hash FROM users WHERE email = $1";

/// What a log-in needs to check a password.
#[derive(Debug)]
pub struct LoginUser {
    pub id: String,
    pub password_hash: String,
}

/// Adds a user; the e-mail address is stored in lower case. Returns the id.
pub async fn insert_user(
    conn: &mut AnyConnection,
    email: &str,
    name: &str,
    password_hash: &str,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO users (id, email, name, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(normalize_email(email))
    .bind(name)
    .bind(password_hash)
    .bind(instant_to_text(Utc::now()))
    .execute(conn)
    .await?;
    Ok(id)
}

/// Stores a new session, by the hash of its token, on `conn`.
pub async fn insert_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(instant_to_text(now))
    .bind(instant_to_text(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

/// An e-mail address as stored and compared: trimmed, lower case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    /// The account with this e-mail address (any case), if there is one.
    pub async fn user_for_login(&self, email: &str) -> Result<Option<LoginUser>, sqlx::Error> {
        let row = sqlx::query(USER_FOR_LOGIN)
            .bind(normalize_email(email))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(LoginUser {
                id: row.try_get("id")?,
                password_hash: row.try_get("password_hash")?,
            })
        })
        .transpose()
    }

    /// Stores a new session, by the hash of its token.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        insert_session(&mut conn, token_hash, user_id, now, expires_at).await
    }

    /// The user of a session that has not expired at `now` and was last
    /// used after `idle_since`. Notes that it is used now when it was last
    /// noted before `touch_before` (not on every request: a write each).
    pub async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle_since: DateTime<Utc>,
        touch_before: DateTime<Utc>,
    ) -> Result<Option<String>, sqlx::Error> {
        let Some(row) = sqlx::query(SESSION_USER)
            .bind(token_hash)
            .bind(instant_to_text(now))
            .bind(instant_to_text(idle_since))
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let last_seen_at: String = row.try_get("last_seen_at")?;
        if last_seen_at < instant_to_text(touch_before) {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(instant_to_text(now))
                .bind(token_hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(row.try_get("user_id")?))
    }

    /// Ends a session (nothing happens when there is none).
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of a user ("log out everywhere", a new
    /// password); returns how many there were.
    pub async fn delete_user_sessions(&self, user_id: &str) -> Result<u64, sqlx::Error> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Forgets a user's sessions that expired before `now` or were last
    /// used before `idle_since`.
    pub async fn delete_expired_sessions(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
        idle_since: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "DELETE FROM sessions WHERE user_id = $1 AND (expires_at <= $2 OR last_seen_at <= $3)",
        )
        .bind(user_id)
        .bind(instant_to_text(now))
        .bind(instant_to_text(idle_since))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Notes a failed log-in (or activation code) for `subject` (a hash,
    /// see `auth::limit`), and forgets all failures older than a day.
    pub async fn record_login_failure(
        &self,
        subject: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let forget_before = now - chrono::Duration::hours(crate::auth::limit::MEMORY_HOURS);
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM login_failures WHERE failed_at < $1")
            .bind(instant_to_text(forget_before))
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO login_failures (subject, failed_at) VALUES ($1, $2)")
            .bind(subject)
            .bind(instant_to_text(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// The failures of `subject` since `since`, oldest first.
    pub async fn login_failures(
        &self,
        subject: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
        let texts: Vec<String> = sqlx::query_scalar(
            "SELECT failed_at FROM login_failures \
             WHERE subject = $1 AND failed_at > $2 ORDER BY failed_at",
        )
        .bind(subject)
        .bind(instant_to_text(since))
        .fetch_all(&self.pool)
        .await?;
        texts.iter().map(|t| instant_from_text(t)).collect()
    }

    /// Forgets the failures of `subject` (after a successful log-in).
    pub async fn forget_login_failures(&self, subject: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM login_failures WHERE subject = $1")
            .bind(subject)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Who this user is: name, e-mail, children and staff roles.
    pub async fn me(&self, user_id: &str) -> Result<Option<Me>, sqlx::Error> {
        let Some(user) = sqlx::query("SELECT name, email, language FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let children = self.children(user_id).await?;
        let staff_roles = sqlx::query(
            "SELECT s.id AS school_id, s.name AS school_name, r.role AS role \
             FROM staff_roles r JOIN schools s ON s.id = r.school_id \
             WHERE r.user_id = $1 ORDER BY s.name, r.role",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|row| {
            let role: String = row.try_get("role")?;
            Ok(StaffRole {
                school_id: row.try_get("school_id")?,
                school_name: row.try_get("school_name")?,
                role: StaffRoleKind::parse(&role).ok_or_else(|| decode_error("a staff role"))?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        Ok(Some(Me {
            name: user.try_get("name")?,
            email: user.try_get("email")?,
            children,
            staff_roles,
            language: user
                .try_get::<Option<String>, _>("language")?
                .as_deref()
                .and_then(Language::parse)
                .unwrap_or_default(),
        }))
    }
}
