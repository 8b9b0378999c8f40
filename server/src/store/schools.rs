//! Schools, their groups and pupils, and who is a guardian or staff member
//! where. Written by the demo seed (and tests) inside a transaction, so
//! these take a connection rather than the store.

use shared::StaffRoleKind;
use sqlx::AnyConnection;

use super::{decode_error, new_id, Store};

/// Primary (PO) or secondary (VO) school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchoolKind {
    /// Primary school, groups 1 to 8.
    Po,
    /// Secondary school, classes.
    Vo,
}

impl SchoolKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Po => "po",
            Self::Vo => "vo",
        }
    }
}

impl Store {
    /// Whether any school is stored (the demo seed runs only when none is).
    pub async fn has_schools(&self) -> Result<bool, sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        has_schools(&mut conn).await
    }

    /// What `user_id` does at `school_id`: empty when they do not work there.
    pub async fn staff_roles_at(
        &self,
        user_id: &str,
        school_id: &str,
    ) -> Result<Vec<StaffRoleKind>, sqlx::Error> {
        let roles: Vec<String> = sqlx::query_scalar(
            "SELECT role FROM staff_roles WHERE user_id = $1 AND school_id = $2 ORDER BY role",
        )
        .bind(user_id)
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        roles
            .iter()
            .map(|role| StaffRoleKind::parse(role).ok_or_else(|| decode_error("a staff role")))
            .collect()
    }
}

/// Whether any school is stored.
pub async fn has_schools(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    let any: Option<String> = sqlx::query_scalar("SELECT id FROM schools LIMIT 1")
        .fetch_optional(conn)
        .await?;
    Ok(any.is_some())
}

/// Adds a school; returns its id.
pub async fn insert_school(
    conn: &mut AnyConnection,
    name: &str,
    kind: SchoolKind,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query("INSERT INTO schools (id, name, kind) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(name)
        .bind(kind.as_str())
        .execute(conn)
        .await?;
    Ok(id)
}

/// Adds a group or class to a school; returns its id.
pub async fn insert_group(
    conn: &mut AnyConnection,
    school_id: &str,
    name: &str,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query("INSERT INTO groups (id, school_id, name) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(school_id)
        .bind(name)
        .execute(conn)
        .await?;
    Ok(id)
}

/// Adds a pupil to a group; returns their id.
pub async fn insert_pupil(
    conn: &mut AnyConnection,
    group_id: &str,
    first_name: &str,
    last_name: &str,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query("INSERT INTO pupils (id, group_id, first_name, last_name) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(group_id)
        .bind(first_name)
        .bind(last_name)
        .execute(conn)
        .await?;
    Ok(id)
}

/// Makes a user a guardian of a pupil.
pub async fn insert_guardianship(
    conn: &mut AnyConnection,
    user_id: &str,
    pupil_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO guardianships (user_id, pupil_id) VALUES ($1, $2)")
        .bind(user_id)
        .bind(pupil_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Gives a user a role at a school.
pub async fn insert_staff_role(
    conn: &mut AnyConnection,
    user_id: &str,
    school_id: &str,
    role: StaffRoleKind,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO staff_roles (user_id, school_id, role) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(school_id)
        .bind(role.as_str())
        .execute(conn)
        .await?;
    Ok(())
}
