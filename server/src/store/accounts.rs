//! Users, their log-in sessions, and `Me` (who is logged in and what they
//! may see).

use chrono::{DateTime, Utc};
use shared::{Language, Me, StaffRole, StaffRoleKind};
use sqlx::{AnyConnection, Row};

use super::{decode_error, instant_to_text, new_id, Store};

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

/// An e-mail address as stored and compared: trimmed, lower case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    /// The account with this e-mail address (any case), if there is one.
    pub async fn user_for_login(&self, email: &str) -> Result<Option<LoginUser>, sqlx::Error> {
        let row = sqlx::query("SELECT id, password_hash FROM users WHERE email = $1")
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
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(instant_to_text(now))
        .bind(instant_to_text(expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The user of a session that has not expired at `now`.
    pub async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2")
            .bind(token_hash)
            .bind(instant_to_text(now))
            .fetch_optional(&self.pool)
            .await
    }

    /// Ends a session (nothing happens when there is none).
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets a user's sessions that expired before `now`.
    pub async fn delete_expired_sessions(
        &self,
        user_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2")
            .bind(user_id)
            .bind(instant_to_text(now))
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
