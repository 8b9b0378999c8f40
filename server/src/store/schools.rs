//! Schools, their settings, groups and pupils, and who is a guardian or
//! staff member where. The inserts are written by the demo seed and the
//! import inside a transaction, so they take a connection rather than the
//! store.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use shared::protocol::{
    evaluate, AbsenceRecord, Position, Protocol, Role, SchoolCalendar, SchoolKind,
};
use shared::{AuditAction, SchoolContact, SchoolSettingsView, SettingsChange, StaffRoleKind};
use sqlx::{AnyConnection, Row};

use super::audit::{record_audit, Audit};
use super::{decode_error, new_id, Store};

/// What a school has set for its parents: its protocol and calendar.
#[derive(Clone, Debug)]
pub struct SchoolSettings {
    pub school_name: String,
    pub kind: SchoolKind,
    /// The school's own protocol; `None`: the default for its kind.
    pub protocol: Option<Protocol>,
    /// The school's own calendar; `None`: the standard Dutch one.
    pub calendar: Option<SchoolCalendar>,
}

impl SchoolSettings {
    /// The protocol this school follows. An own protocol stored before
    /// steps had translations gets the default ones where its Dutch is the
    /// default's.
    pub fn protocol(&self) -> Protocol {
        match &self.protocol {
            Some(own) => {
                let mut own = own.clone();
                own.fill_default_translations();
                own
            }
            None => Protocol::default_for(self.kind),
        }
    }

    /// Where a child with `history` stands on this school's protocol on
    /// `today`: the one computation behind a parent's
    /// `GET /api/children/{id}/protocol` and the school's signals.
    pub fn evaluate(
        &self,
        history: &[AbsenceRecord],
        today: NaiveDate,
    ) -> (Protocol, SchoolCalendar, Position) {
        let protocol = self.protocol();
        let calendar = self.calendar(today);
        let position = evaluate(&protocol, &calendar, history, today);
        (protocol, calendar, position)
    }

    /// The calendar this school keeps, around `today`.
    pub fn calendar(&self, today: NaiveDate) -> SchoolCalendar {
        self.calendar
            .clone()
            .unwrap_or_else(|| standard_calendar(today))
    }
}

/// The usual Dutch school calendar for the school year of `today`, with the
/// holidays of the year before: counts of 12 school weeks reach back into it.
pub fn standard_calendar(today: NaiveDate) -> SchoolCalendar {
    let first_year = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let mut calendar = SchoolCalendar::netherlands_example(first_year);
    let year_before = SchoolCalendar::netherlands_example(first_year - 1);
    calendar.holidays.extend(year_before.holidays);
    calendar
}

/// The settings of the school of child `$2`, for its guardian `$1`.
pub(super) const CHILD_SCHOOL_SETTINGS: &str = "SELECT s.name AS name, s.kind AS kind, \
    s.protocol AS protocol, s.calendar AS calendar \
    FROM guardianships gu \
    JOIN pupils p ON p.id = gu.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN schools s ON s.id = g.school_id \
    WHERE gu.user_id = $1 AND gu.pupil_id = $2";

impl Store {
    /// The settings of the school of `pupil_id`, if `user_id` is a guardian
    /// of that child.
    pub async fn child_school_settings(
        &self,
        user_id: &str,
        pupil_id: &str,
    ) -> Result<Option<SchoolSettings>, sqlx::Error> {
        let row = sqlx::query(CHILD_SCHOOL_SETTINGS)
            .bind(user_id)
            .bind(pupil_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(settings_from_row).transpose()
    }

    /// The settings of school `school_id`, if there is one.
    pub async fn school_settings(
        &self,
        school_id: &str,
    ) -> Result<Option<SchoolSettings>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT s.name AS name, s.kind AS kind, s.protocol AS protocol, s.calendar AS calendar \
             FROM schools s WHERE s.id = $1",
        )
        .bind(school_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(settings_from_row).transpose()
    }

    /// The contacts of the school of `pupil_id`, in the school's order, if
    /// `user_id` is a guardian of that child.
    pub async fn child_contacts(
        &self,
        user_id: &str,
        pupil_id: &str,
    ) -> Result<Option<(String, Vec<SchoolContact>)>, sqlx::Error> {
        let Some(settings) = self.child_school_settings(user_id, pupil_id).await? else {
            return Ok(None);
        };
        let Some(school_id) = self.pupil_school(pupil_id).await? else {
            return Ok(None);
        };
        let contacts = self.school_contacts(&school_id).await?;
        Ok(Some((settings.school_name, contacts)))
    }

    /// A school's contacts, in the school's order.
    pub async fn school_contacts(
        &self,
        school_id: &str,
    ) -> Result<Vec<SchoolContact>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT role, name, phone, email, hours FROM school_contacts \
             WHERE school_id = $1 ORDER BY position, id",
        )
        .bind(school_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let role: String = row.try_get("role")?;
                Ok(SchoolContact {
                    role: Role::parse(&role).ok_or_else(|| decode_error("a role"))?,
                    name: row.try_get("name")?,
                    phone: row.try_get("phone")?,
                    email: row.try_get("email")?,
                    hours: row.try_get("hours")?,
                })
            })
            .collect()
    }

    /// What the school has set, with the defaults where it set nothing.
    pub async fn school_settings_view(
        &self,
        school_id: &str,
        today: NaiveDate,
    ) -> Result<Option<SchoolSettingsView>, sqlx::Error> {
        let Some(settings) = self.school_settings(school_id).await? else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT conversations_shared, teachers_own_groups_only FROM schools WHERE id = $1",
        )
        .bind(school_id)
        .fetch_one(&self.pool)
        .await?;
        let shared: Option<i32> = row.try_get("conversations_shared")?;
        let own_groups: Option<i32> = row.try_get("teachers_own_groups_only")?;
        Ok(Some(SchoolSettingsView {
            protocol: settings.protocol(),
            own_protocol: settings.protocol.is_some(),
            calendar: settings.calendar(today),
            own_calendar: settings.calendar.is_some(),
            school_name: settings.school_name,
            kind: settings.kind,
            contacts: self.school_contacts(school_id).await?,
            conversations_shared: shared != Some(0),
            teachers_see_only_their_groups: own_groups == Some(1),
        }))
    }

    /// Replaces a school's settings (validated) in one transaction, with a
    /// line in its audit log.
    pub async fn save_school_settings(
        &self,
        school_id: &str,
        by_user: &str,
        change: &SettingsChange,
        now: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let json = |value: Result<String, serde_json::Error>| {
            value.map_err(|e| sqlx::Error::Encode(Box::new(e)))
        };
        let protocol = change
            .protocol
            .as_ref()
            .map(|p| json(serde_json::to_string(p)))
            .transpose()?;
        let calendar = change
            .calendar
            .as_ref()
            .map(|c| json(serde_json::to_string(c)))
            .transpose()?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE schools SET protocol = $1, calendar = $2, conversations_shared = $3, \
             teachers_own_groups_only = $5 WHERE id = $4",
        )
        .bind(protocol)
        .bind(calendar)
        .bind(i32::from(change.conversations_shared))
        .bind(school_id)
        .bind(i32::from(change.teachers_see_only_their_groups))
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM school_contacts WHERE school_id = $1")
            .bind(school_id)
            .execute(&mut *tx)
            .await?;
        for (position, contact) in change.contacts.iter().enumerate() {
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            insert_contact(&mut tx, school_id, position, contact).await?;
        }
        let audit = Audit {
            school_id,
            by_user,
            action: AuditAction::SettingsChanged,
            subject_type: "school",
            subject_id: school_id,
            detail: None,
            at: now,
        };
        record_audit(&mut tx, &audit).await?;
        tx.commit().await
    }

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

/// Adds a contact to a school, shown after the ones added before.
pub async fn insert_contact(
    conn: &mut AnyConnection,
    school_id: &str,
    position: i32,
    contact: &SchoolContact,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO school_contacts (id, school_id, role, name, phone, email, hours, position) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(school_id)
    .bind(contact.role.as_str())
    .bind(&contact.name)
    .bind(contact.phone.as_deref())
    .bind(contact.email.as_deref())
    .bind(contact.hours.as_deref())
    .bind(position)
    .execute(conn)
    .await?;
    Ok(())
}

fn settings_from_row(row: &sqlx::any::AnyRow) -> Result<SchoolSettings, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    Ok(SchoolSettings {
        school_name: row.try_get("name")?,
        kind: SchoolKind::parse(&kind).ok_or_else(|| decode_error("a school kind"))?,
        protocol: from_json(row.try_get("protocol")?, "a protocol")?,
        calendar: from_json(row.try_get("calendar")?, "a calendar")?,
    })
}

/// A JSON column: `None` when NULL.
fn from_json<T: serde::de::DeserializeOwned>(
    text: Option<String>,
    what: &str,
) -> Result<Option<T>, sqlx::Error> {
    text.map(|t| serde_json::from_str(&t).map_err(|_| decode_error(what)))
        .transpose()
}
