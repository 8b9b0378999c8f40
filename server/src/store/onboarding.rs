//! Onboarding a school: the pupil import, activation codes, activating an
//! account, and the school's staff and their roles.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use shared::onboarding::ImportRow;
use shared::{
    AuditAction, ImportSummary, ImportedChild, NewStaffMember, StaffMember, StaffRoleKind,
};
use sqlx::{AnyConnection, Row};

use super::accounts::{insert_user, normalize_email};
use super::audit::{record_audit, Audit};
use super::schools::{insert_group, insert_pupil};
use super::scope::set_staff_groups;
use super::{date_to_text, decode_error, instant_to_text, new_id, Store};
use crate::auth::NO_PASSWORD;
use crate::clock::school_today;

/// A guardian of one or more pupils of a school.
#[derive(Clone, Debug)]
pub struct SchoolGuardian {
    pub user_id: String,
    pub name: String,
    pub email: String,
    /// Whether they have a password (activated their account).
    pub activated: bool,
    /// Their children at this school (only these: the school does not see
    /// children at other schools).
    pub children: Vec<ImportedChild>,
}

/// The person an open activation code belongs to.
#[derive(Clone, Debug)]
pub struct CodeOwner {
    pub user_id: String,
    pub email: String,
    /// The name of the school that made the code (a password must not be it).
    pub school: Option<String>,
}

/// A pupil the school knows by their pupil number.
struct KnownPupil {
    id: String,
    group_id: String,
    first_name: String,
    last_name: String,
    /// When they left school; `None`: still there.
    left_on: Option<String>,
}

/// Counts never overflow in practice (at most 5000 rows).
fn bump(count: &mut u32) {
    *count = count.saturating_add(1);
}

impl Store {
    /// Stores checked import rows in one transaction: missing groups are
    /// made, pupils made or updated by pupil number, guardians' accounts
    /// made (without a password) unless their e-mail has one, and linked to
    /// their children. A dry run does the same and then rolls it all back,
    /// so its counts are exactly what a real import would do.
    ///
    /// Guardians are only added: one who is no longer in the file keeps
    /// their link (removing a parent by mistake would lock them out).
    pub async fn import_pupils(
        &self,
        school_id: &str,
        by_user: &str,
        rows: &[ImportRow],
        dry_run: bool,
    ) -> Result<ImportSummary, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        lock_school(&mut tx, school_id).await?;
        let mut summary = ImportSummary {
            dry_run,
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            ..ImportSummary::default()
        };

        let mut groups: HashMap<String, String> =
            sqlx::query("SELECT id, name FROM groups WHERE school_id = $1")
                .bind(school_id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| Ok((row.try_get("name")?, row.try_get("id")?)))
                .collect::<Result<_, sqlx::Error>>()?;
        let known: HashMap<String, KnownPupil> = sqlx::query(
            "SELECT n.pupil_number AS pupil_number, p.id AS id, p.group_id AS group_id, \
             p.first_name AS first_name, p.last_name AS last_name, p.left_on AS left_on \
             FROM pupil_numbers n JOIN pupils p ON p.id = n.pupil_id WHERE n.school_id = $1",
        )
        .bind(school_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| {
            let pupil = KnownPupil {
                id: row.try_get("id")?,
                group_id: row.try_get("group_id")?,
                first_name: row.try_get("first_name")?,
                last_name: row.try_get("last_name")?,
                left_on: row.try_get("left_on")?,
            };
            Ok((row.try_get("pupil_number")?, pupil))
        })
        .collect::<Result<_, sqlx::Error>>()?;
        // e-mail -> user id, for guardians of several pupils in the file
        let mut users: HashMap<String, String> = HashMap::new();

        for row in rows {
            let group_id = match groups.get(&row.group) {
                Some(id) => id.clone(),
                None => {
                    let id = insert_group(&mut tx, school_id, &row.group).await?;
                    bump(&mut summary.groups_created);
                    groups.insert(row.group.clone(), id.clone());
                    id
                }
            };
            let pupil_id = match known.get(&row.pupil_number) {
                Some(pupil) => {
                    let same = pupil.group_id == group_id
                        && pupil.first_name == row.first_name
                        && pupil.last_name == row.last_name;
                    if same {
                        bump(&mut summary.pupils_unchanged);
                    } else {
                        sqlx::query(
                            "UPDATE pupils SET group_id = $1, first_name = $2, last_name = $3 \
                             WHERE id = $4",
                        )
                        .bind(&group_id)
                        .bind(&row.first_name)
                        .bind(&row.last_name)
                        .bind(&pupil.id)
                        .execute(&mut *tx)
                        .await?;
                        bump(&mut summary.pupils_updated);
                    }
                    pupil.id.clone()
                }
                None => {
                    let id =
                        insert_pupil(&mut tx, &group_id, &row.first_name, &row.last_name).await?;
                    sqlx::query(
                        "INSERT INTO pupil_numbers (school_id, pupil_number, pupil_id) \
                         VALUES ($1, $2, $3)",
                    )
                    .bind(school_id)
                    .bind(&row.pupil_number)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                    bump(&mut summary.pupils_created);
                    id
                }
            };
            for guardian in &row.guardians {
                let user_id = match users.get(&guardian.email) {
                    Some(id) => id.clone(),
                    None => {
                        let found: Option<String> =
                            sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                                .bind(normalize_email(&guardian.email))
                                .fetch_optional(&mut *tx)
                                .await?;
                        let id = match found {
                            Some(id) => id,
                            None => {
                                bump(&mut summary.guardians_created);
                                insert_user(&mut tx, &guardian.email, &guardian.name, NO_PASSWORD)
                                    .await?
                            }
                        };
                        users.insert(guardian.email.clone(), id.clone());
                        id
                    }
                };
                let linked = sqlx::query(
                    "INSERT INTO guardianships (user_id, pupil_id) VALUES ($1, $2) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(&user_id)
                .bind(&pupil_id)
                .execute(&mut *tx)
                .await?;
                if linked.rows_affected() > 0 {
                    bump(&mut summary.guardians_linked);
                }
            }
        }
        mark_who_left(&mut tx, &known, rows, &mut summary).await?;
        if dry_run {
            tx.rollback().await?;
        } else {
            let counts = format!(
                "{} rows, {} pupils new, {} updated",
                summary.rows, summary.pupils_created, summary.pupils_updated
            );
            let audit = school_audit(
                school_id,
                by_user,
                AuditAction::PupilsImported,
                "school",
                school_id,
                Some(&counts),
            );
            record_audit(&mut tx, &audit).await?;
            tx.commit().await?;
        }
        Ok(summary)
    }

    /// The pupil numbers the school's administration gave, by pupil id.
    pub async fn pupil_numbers(
        &self,
        school_id: &str,
    ) -> Result<HashMap<String, String>, sqlx::Error> {
        sqlx::query("SELECT pupil_id, pupil_number FROM pupil_numbers WHERE school_id = $1")
            .bind(school_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("pupil_id")?, row.try_get("pupil_number")?)))
            .collect()
    }

    /// The guardians of the school's pupils, by name, each with their
    /// children at this school.
    pub async fn school_guardians(
        &self,
        school_id: &str,
    ) -> Result<Vec<SchoolGuardian>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT u.id AS user_id, u.name AS name, u.email AS email, \
             u.password_hash AS password_hash, p.first_name AS first_name, \
             p.last_name AS last_name, g.name AS group_name \
             FROM guardianships gu \
             JOIN users u ON u.id = gu.user_id \
             JOIN pupils p ON p.id = gu.pupil_id \
             JOIN groups g ON g.id = p.group_id \
             WHERE g.school_id = $1 \
             ORDER BY u.name, u.id, p.first_name, p.last_name, p.id",
        )
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        let mut guardians: Vec<SchoolGuardian> = Vec::new();
        for row in rows {
            let user_id: String = row.try_get("user_id")?;
            let child = ImportedChild {
                first_name: row.try_get("first_name")?,
                last_name: row.try_get("last_name")?,
                group_name: row.try_get("group_name")?,
            };
            match guardians.last_mut() {
                Some(last) if last.user_id == user_id => last.children.push(child),
                _ => {
                    let hash: String = row.try_get("password_hash")?;
                    guardians.push(SchoolGuardian {
                        user_id,
                        name: row.try_get("name")?,
                        email: row.try_get("email")?,
                        activated: hash != NO_PASSWORD,
                        children: vec![child],
                    });
                }
            }
        }
        Ok(guardians)
    }

    /// Stores new activation codes (by hash) made by `school_id`, each
    /// replacing the person's open code, if any.
    pub async fn save_activation_codes(
        &self,
        school_id: &str,
        by_user: &str,
        codes: &[(&str, String)],
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        for (user_id, code_hash) in codes {
            save_activation_code(&mut tx, school_id, user_id, code_hash, now, expires_at).await?;
            let action = AuditAction::ActivationCodesMade;
            let audit = school_audit(school_id, by_user, action, "user", user_id, None);
            record_audit(&mut tx, &audit).await?;
        }
        tx.commit().await
    }

    /// Whose code this is, if it is open: not used and not expired at `now`.
    pub async fn activation_code_owner(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<CodeOwner>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT u.id AS id, u.email AS email, s.name AS school FROM activation_codes c \
             JOIN users u ON u.id = c.user_id \
             LEFT JOIN schools s ON s.id = c.school_id \
             WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2",
        )
        .bind(code_hash)
        .bind(instant_to_text(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(CodeOwner {
                user_id: row.try_get("id")?,
                email: row.try_get("email")?,
                school: row.try_get("school")?,
            })
        })
        .transpose()
    }

    /// Uses an open code of `user_id` to set their first password; `false`
    /// (and nothing changed) when the code is not open any more or they
    /// have a password already. Their other open codes stop working.
    pub async fn activate_account(
        &self,
        code_hash: &str,
        user_id: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        // Marking the code first makes a second use of it (at the same
        // moment) find nothing to mark.
        let used = sqlx::query(
            "UPDATE activation_codes SET used_at = $1 \
             WHERE code_hash = $2 AND user_id = $3 AND used_at IS NULL AND expires_at > $1",
        )
        .bind(instant_to_text(now))
        .bind(code_hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        let set =
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3")
                .bind(password_hash)
                .bind(user_id)
                .bind(NO_PASSWORD)
                .execute(&mut *tx)
                .await?;
        if used.rows_affected() == 0 || set.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM activation_codes WHERE user_id = $1 AND used_at IS NULL")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The school's staff, by name.
    pub async fn school_staff(&self, school_id: &str) -> Result<Vec<StaffMember>, sqlx::Error> {
        self.staff_where(school_id, None).await
    }

    /// One staff member of the school, if they work there.
    pub async fn staff_member(
        &self,
        school_id: &str,
        user_id: &str,
    ) -> Result<Option<StaffMember>, sqlx::Error> {
        Ok(self
            .staff_where(school_id, Some(user_id))
            .await?
            .into_iter()
            .next())
    }

    async fn staff_where(
        &self,
        school_id: &str,
        user_id: Option<&str>,
    ) -> Result<Vec<StaffMember>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT u.id AS id, u.name AS name, u.email AS email, \
             u.password_hash AS password_hash, r.role AS role \
             FROM staff_roles r JOIN users u ON u.id = r.user_id \
             WHERE r.school_id = $1 AND ($2 = '' OR u.id = $2) \
             ORDER BY u.name, u.id",
        )
        .bind(school_id)
        .bind(user_id.unwrap_or_default())
        .fetch_all(&self.pool)
        .await?;
        let mut staff: Vec<StaffMember> = Vec::new();
        for row in rows {
            let id: String = row.try_get("id")?;
            let role: String = row.try_get("role")?;
            let role = StaffRoleKind::parse(&role).ok_or_else(|| decode_error("a staff role"))?;
            match staff.last_mut() {
                Some(last) if last.user_id == id => last.roles.push(role),
                _ => {
                    let hash: String = row.try_get("password_hash")?;
                    staff.push(StaffMember {
                        user_id: id,
                        name: row.try_get("name")?,
                        email: row.try_get("email")?,
                        roles: vec![role],
                        activated: hash != NO_PASSWORD,
                        groups: vec![],
                    });
                }
            }
        }
        // In the order of StaffRoleKind::ALL, as the app lists them.
        for member in &mut staff {
            member
                .roles
                .sort_by_key(|r| StaffRoleKind::ALL.iter().position(|a| a == r));
            member.groups = self.staff_groups(&member.user_id, school_id).await?;
        }
        Ok(staff)
    }

    /// Gives `new.roles` at the school to the person with `new.email`, made
    /// now (without a password) when there is no account yet. Returns their
    /// id. An existing account keeps its name.
    pub async fn add_staff_member(
        &self,
        school_id: &str,
        by_user: &str,
        new: &NewStaffMember,
    ) -> Result<String, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let email = normalize_email(&new.email);
        sqlx::query(
            "INSERT INTO users (id, email, name, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
        )
        .bind(new_id())
        .bind(&email)
        .bind(new.name.trim())
        .bind(NO_PASSWORD)
        .bind(instant_to_text(Utc::now()))
        .execute(&mut *tx)
        .await?;
        let user_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(&email)
            .fetch_one(&mut *tx)
            .await?;
        insert_roles(&mut tx, &user_id, school_id, &new.roles).await?;
        set_staff_groups(&mut tx, &user_id, school_id, &new.groups).await?;
        let roles = role_names(&new.roles);
        let action = AuditAction::StaffAdded;
        let audit = school_audit(school_id, by_user, action, "user", &user_id, Some(&roles));
        record_audit(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(user_id)
    }

    /// Replaces the roles of a staff member at the school; `false` (nothing
    /// changed) when they do not work there.
    pub async fn set_staff_roles(
        &self,
        school_id: &str,
        by_user: &str,
        user_id: &str,
        roles: &[StaffRoleKind],
        groups: Option<&[String]>,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let removed = sqlx::query("DELETE FROM staff_roles WHERE user_id = $1 AND school_id = $2")
            .bind(user_id)
            .bind(school_id)
            .execute(&mut *tx)
            .await?;
        if removed.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_roles(&mut tx, user_id, school_id, roles).await?;
        if let Some(groups) = groups {
            set_staff_groups(&mut tx, user_id, school_id, groups).await?;
        }
        let names = role_names(roles);
        let action = AuditAction::StaffRolesChanged;
        let audit = school_audit(school_id, by_user, action, "user", user_id, Some(&names));
        record_audit(&mut tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Whether the account has no password yet (it can be activated).
    pub async fn awaits_activation(&self, user_id: &str) -> Result<bool, sqlx::Error> {
        let hash: Option<String> =
            sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(hash.as_deref() == Some(NO_PASSWORD))
    }
}

/// The school's import lists every pupil at the school: a known pupil it no
/// longer lists has left today (the start of the retention period, see
/// `crate::retention`), and one it lists again is back.
async fn mark_who_left(
    conn: &mut AnyConnection,
    known: &HashMap<String, KnownPupil>,
    rows: &[ImportRow],
    summary: &mut ImportSummary,
) -> Result<(), sqlx::Error> {
    let listed: HashSet<&str> = rows.iter().map(|r| r.pupil_number.as_str()).collect();
    let today = date_to_text(school_today());
    for (number, pupil) in known {
        let left_on = match (listed.contains(number.as_str()), &pupil.left_on) {
            (true, Some(_)) => None,
            (false, None) => {
                bump(&mut summary.pupils_left);
                Some(today.as_str())
            }
            _ => continue,
        };
        sqlx::query("UPDATE pupils SET left_on = $1 WHERE id = $2")
            .bind(left_on)
            .bind(&pupil.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes the school's row for this transaction: on SQLite this first write
/// takes the database's write lock, so no other write can make what we read
/// next stale; on PostgreSQL it makes two imports for one school wait for
/// each other.
async fn lock_school(conn: &mut AnyConnection, school_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE schools SET name = name WHERE id = $1")
        .bind(school_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Stores one code (by hash), replacing the person's open code.
async fn save_activation_code(
    conn: &mut AnyConnection,
    school_id: &str,
    user_id: &str,
    code_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM activation_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO activation_codes (code_hash, user_id, school_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(code_hash)
    .bind(user_id)
    .bind(school_id)
    .bind(instant_to_text(now))
    .bind(instant_to_text(expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_roles(
    conn: &mut AnyConnection,
    user_id: &str,
    school_id: &str,
    roles: &[StaffRoleKind],
) -> Result<(), sqlx::Error> {
    for role in roles {
        sqlx::query(
            "INSERT INTO staff_roles (user_id, school_id, role) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(user_id)
        .bind(school_id)
        .bind(role.as_str())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A line for the school's audit log, now.
fn school_audit<'a>(
    school_id: &'a str,
    by_user: &'a str,
    action: AuditAction,
    subject_type: &'a str,
    subject_id: &'a str,
    detail: Option<&'a str>,
) -> Audit<'a> {
    Audit {
        school_id,
        by_user,
        action,
        subject_type,
        subject_id,
        detail,
        at: Utc::now(),
    }
}

/// "teacher,director": roles as the audit log names them.
fn role_names(roles: &[StaffRoleKind]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}
