//! Which groups a staff member may see at a school: all of them, unless the
//! school wants teachers to see only their own groups and teacher is the
//! person's only role there.

use shared::StaffRoleKind;
use sqlx::AnyConnection;

use super::Store;

/// The groups a staff member sees at a school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupScope {
    All,
    Only(Vec<String>),
}

impl GroupScope {
    pub fn includes(&self, group_id: &str) -> bool {
        match self {
            Self::All => true,
            Self::Only(groups) => groups.iter().any(|g| g == group_id),
        }
    }
}

impl Store {
    /// What `user_id` (with `roles` at the school) sees of `school_id`.
    pub async fn group_scope(
        &self,
        user_id: &str,
        school_id: &str,
        roles: &[StaffRoleKind],
    ) -> Result<GroupScope, sqlx::Error> {
        let only_teacher = !roles.is_empty() && roles.iter().all(|r| *r == StaffRoleKind::Teacher);
        if !only_teacher || !self.teachers_own_groups_only(school_id).await? {
            return Ok(GroupScope::All);
        }
        let groups = sqlx::query_scalar(
            "SELECT s.group_id FROM staff_groups s JOIN groups g ON g.id = s.group_id \
             WHERE s.user_id = $1 AND g.school_id = $2 ORDER BY s.group_id",
        )
        .bind(user_id)
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(GroupScope::Only(groups))
    }

    /// Whether the school wants teachers to see their own groups only.
    pub async fn teachers_own_groups_only(&self, school_id: &str) -> Result<bool, sqlx::Error> {
        let only: Option<Option<i32>> =
            sqlx::query_scalar("SELECT teachers_own_groups_only FROM schools WHERE id = $1")
                .bind(school_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(only.flatten() == Some(1))
    }

    /// The group of a pupil, if there is such a pupil.
    pub async fn pupil_group(&self, pupil_id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT group_id FROM pupils WHERE id = $1")
            .bind(pupil_id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The groups a staff member teaches at a school.
    pub async fn staff_groups(
        &self,
        user_id: &str,
        school_id: &str,
    ) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT s.group_id FROM staff_groups s JOIN groups g ON g.id = s.group_id \
             WHERE s.user_id = $1 AND g.school_id = $2 ORDER BY s.group_id",
        )
        .bind(user_id)
        .bind(school_id)
        .fetch_all(&self.pool)
        .await
    }
}

/// Replaces the groups a staff member teaches at a school (ids of that
/// school's groups: the caller checked).
pub async fn set_staff_groups(
    conn: &mut AnyConnection,
    user_id: &str,
    school_id: &str,
    groups: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM staff_groups WHERE user_id = $1 \
         AND group_id IN (SELECT id FROM groups WHERE school_id = $2)",
    )
    .bind(user_id)
    .bind(school_id)
    .execute(&mut *conn)
    .await?;
    for group in groups {
        sqlx::query("INSERT INTO staff_groups (user_id, group_id) VALUES ($1, $2)")
            .bind(user_id)
            .bind(group)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
