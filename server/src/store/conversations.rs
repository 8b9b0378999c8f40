//! Conversations between parents and the school, their proposed times and
//! their history.
//!
//! Every change is one conditional `UPDATE` on the conversation's status,
//! run first in its transaction (so on SQLite the write lock is held from
//! the start), followed by the times and the history entry. Of two
//! simultaneous changes only one finds the status it expects. Who may make
//! a change is the handlers' business.

use chrono::{DateTime, Utc};
use shared::conversations::{
    ConversationEvent, ConversationEventKind, DayPart, ProposedTime, SchoolDay,
};
use shared::protocol::SchoolKind;
use shared::AuditAction;
use shared::{
    Conversation, ConversationOutcome, ConversationStatus, ConversationTopic, ConversationWith,
    MeetingMode, NewConversation, NewInvitation, StaffRoleKind, TimeSlot,
};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::scope::GroupScope;
use crate::mail::{Audience, Recipient};

use super::audit::{record_audit, Audit};
use super::mail::recipient_from_row;
use super::{
    date_from_text, date_to_text, decode_error, instant_from_text, instant_to_text, new_id,
    save_once, time_from_text, time_to_text, AnyQuery, Store,
};

/// A conversation with what the handlers need to decide who may see and
/// change it.
#[derive(Debug)]
pub struct ConversationAtSchool {
    pub conversation: Conversation,
    pub school_id: String,
    pub group_id: String,
    /// The user who asked (a guardian) or invited (staff).
    pub started_by_id: String,
    /// The staff member who looks after it.
    pub handled_by_id: Option<String>,
}

impl ConversationAtSchool {
    /// Whether a guardian of the child sees it: when it is shared, or when
    /// they asked for it.
    pub fn shown_to_guardian(&self, user_id: &str) -> bool {
        self.conversation.shared_with_guardians || self.started_by_id == user_id
    }
}

/// Why a change was not made.
#[derive(Debug, PartialEq, Eq)]
pub enum NotChanged {
    /// The conversation is not in a status that allows it (or not there).
    WrongStatus,
    /// The time is not one of the proposed times.
    UnknownTime,
    /// The time overlaps another agreed conversation of the same staff
    /// member or the same child.
    Clash,
}

const SELECT_CONVERSATION: &str = "SELECT c.id AS id, c.pupil_id AS pupil_id, \
    p.first_name AS pupil_first_name, p.last_name AS pupil_last_name, g.name AS group_name, \
    g.id AS group_id, \
    s.id AS school_id, s.name AS school_name, s.kind AS school_kind, \
    c.with_whom AS with_whom, c.topic AS topic, c.child_joins AS child_joins, c.mode AS mode, \
    c.days AS days, c.day_parts AS day_parts, c.message AS message, \
    c.initiated_by_school AS initiated_by_school, c.started_by AS started_by_id, \
    st.name AS started_by, c.started_at AS started_at, \
    c.shared_with_guardians AS shared_with_guardians, c.status AS status, \
    c.handled_by AS handled_by_id, h.name AS handled_by, c.agreed_day AS agreed_day, \
    c.agreed_start AS agreed_start, c.agreed_end AS agreed_end, \
    c.outcome_note AS outcome_note, c.outcome_note_visible AS outcome_note_visible \
    FROM conversations c \
    JOIN pupils p ON p.id = c.pupil_id \
    JOIN groups g ON g.id = p.group_id \
    JOIN schools s ON s.id = g.school_id \
    JOIN users st ON st.id = c.started_by \
    LEFT JOIN users h ON h.id = c.handled_by";

/// The statuses a conversation is open in, as SQL.
const OPEN: &str = "('requested', 'proposed', 'agreed')";

impl Store {
    /// Stores a (validated) request of guardian `user_id`. Idempotent on
    /// its key. Returns the conversation's id and whether this call stored
    /// it. Does not check guardianship: the caller does.
    pub async fn save_conversation_request(
        &self,
        user_id: &str,
        new: &NewConversation,
        shared_with_guardians: bool,
        now: DateTime<Utc>,
    ) -> Result<(String, bool), sqlx::Error> {
        let days = join_names(new.days.iter().map(|d| d.as_str()));
        let day_parts = join_names(new.day_parts.iter().map(|d| d.as_str()));
        let started = Started {
            pupil_id: &new.pupil_id,
            with: new.with,
            topic: new.topic,
            child_joins: new.child_joins,
            mode: new.mode,
            days: &days,
            day_parts: &day_parts,
            message: &new.message,
            by_school: false,
            started_by: user_id,
            shared_with_guardians,
            idempotency_key: &new.idempotency_key,
            times: &[],
        };
        self.save_started(&started, now).await
    }

    /// Stores a (validated) invitation by staff member `user_id`, with its
    /// times, shared with every guardian and handled by `user_id`.
    /// Idempotent on its key.
    pub async fn save_invitation(
        &self,
        user_id: &str,
        new: &NewInvitation,
        now: DateTime<Utc>,
    ) -> Result<(String, bool), sqlx::Error> {
        let started = Started {
            pupil_id: &new.pupil_id,
            with: new.with,
            topic: new.topic,
            child_joins: new.child_joins,
            mode: new.mode,
            days: "",
            day_parts: "",
            message: &new.message,
            by_school: true,
            started_by: user_id,
            shared_with_guardians: true,
            idempotency_key: &new.idempotency_key,
            times: &new.times,
        };
        self.save_started(&started, now).await
    }

    /// Stores a new conversation with its times and first history entry, in
    /// one transaction, once per idempotency key (see [`save_once`]).
    async fn save_started(
        &self,
        c: &Started<'_>,
        now: DateTime<Utc>,
    ) -> Result<(String, bool), sqlx::Error> {
        save_once(
            move || self.conversation_by_key(c.started_by, c.idempotency_key),
            move || async move {
                let id = new_id();
                let mut tx = self.pool.begin().await?;
                insert_conversation(&mut tx, &id, c, now).await?;
                insert_times(&mut tx, &id, c.times).await?;
                let kind = if c.by_school {
                    ConversationEventKind::Invited
                } else {
                    ConversationEventKind::Requested
                };
                record(&mut tx, &id, kind, c.started_by, c.by_school, None, now).await?;
                tx.commit().await
            },
        )
        .await
    }

    /// The id of the conversation `user_id` started with this idempotency
    /// key, if any.
    pub async fn conversation_by_key(
        &self,
        user_id: &str,
        key: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT id FROM conversations WHERE started_by = $1 AND idempotency_key = $2",
        )
        .bind(user_id)
        .bind(key)
        .fetch_optional(&self.pool)
        .await
    }

    /// One conversation, whoever asks: the caller decides who may see it.
    pub async fn conversation(
        &self,
        id: &str,
    ) -> Result<Option<ConversationAtSchool>, sqlx::Error> {
        let found = self
            .conversations_where("c.id = $1", |q| q.bind(id.to_owned()))
            .await?;
        Ok(found.into_iter().next())
    }

    /// The conversations guardian `user_id` sees: of their children, shared
    /// or their own. Open ones first, then the newest first.
    pub async fn guardian_conversations(
        &self,
        user_id: &str,
    ) -> Result<Vec<Conversation>, sqlx::Error> {
        let mut found = self
            .conversations_where(
                "c.pupil_id IN (SELECT pupil_id FROM guardianships WHERE user_id = $1) \
                 AND (c.shared_with_guardians = 1 OR c.started_by = $1)",
                |q| q.bind(user_id.to_owned()),
            )
            .await?;
        found.sort_by(|a, b| {
            let (a, b) = (&a.conversation, &b.conversation);
            b.status
                .is_open()
                .cmp(&a.status.is_open())
                .then(b.started_at.cmp(&a.started_at))
        });
        Ok(found.into_iter().map(|c| c.conversation).collect())
    }

    /// The conversations at `school_id` that `roles` answer, and those
    /// `user_id` handles (a school admin: all); open ones only unless
    /// `all`. The soonest agreed time first, then the oldest request.
    pub async fn school_conversations(
        &self,
        school_id: &str,
        user_id: &str,
        roles: &[StaffRoleKind],
        scope: &GroupScope,
        all: bool,
    ) -> Result<Vec<Conversation>, sqlx::Error> {
        let answered: Vec<String> = roles
            .iter()
            .flat_map(|r| ConversationWith::answered_by_role(*r))
            .map(|w| format!("'{}'", w.as_str()))
            .collect();
        // Names from a closed set of our own, never from the request.
        let whom = if roles.contains(&StaffRoleKind::SchoolAdmin) {
            "1 = 1".to_owned()
        } else if answered.is_empty() {
            "c.handled_by = $2".to_owned()
        } else {
            format!(
                "(c.with_whom IN ({}) OR c.handled_by = $2)",
                answered.join(", ")
            )
        };
        let status = if all {
            String::new()
        } else {
            format!(" AND c.status IN {OPEN}")
        };
        let mut found = self
            .conversations_where(&format!("g.school_id = $1 AND {whom}{status}"), |q| {
                q.bind(school_id.to_owned()).bind(user_id.to_owned())
            })
            .await?;
        found
            .retain(|c| scope.includes(&c.group_id) || c.handled_by_id.as_deref() == Some(user_id));
        found.sort_by(|a, b| {
            let (a, b) = (&a.conversation, &b.conversation);
            b.status
                .is_open()
                .cmp(&a.status.is_open())
                .then(
                    a.agreed_time
                        .map(|t| t.starts())
                        .cmp(&b.agreed_time.map(|t| t.starts())),
                )
                .then(a.started_at.cmp(&b.started_at))
        });
        Ok(found.into_iter().map(|c| c.conversation).collect())
    }

    /// Whether a guardian has an open conversation with `with` about the
    /// child already (asked by them, or shared with them).
    pub async fn open_conversation_with(
        &self,
        user_id: &str,
        pupil_id: &str,
        with: ConversationWith,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(&format!(
            "SELECT id FROM conversations WHERE pupil_id = $1 AND with_whom = $2 \
             AND status IN {OPEN} AND (shared_with_guardians = 1 OR started_by = $3) LIMIT 1"
        ))
        .bind(pupil_id)
        .bind(with.as_str())
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// The first of `times` that overlaps an agreed conversation of staff
    /// member `staff_id` or of `pupil_id`, other than `except_id`.
    pub async fn first_clash(
        &self,
        times: &[TimeSlot],
        staff_id: &str,
        pupil_id: &str,
        except_id: &str,
    ) -> Result<Option<TimeSlot>, sqlx::Error> {
        for slot in times {
            let clash: Option<String> = sqlx::query_scalar(
                "SELECT id FROM conversations WHERE status = 'agreed' AND id <> $1 \
                 AND (handled_by = $2 OR pupil_id = $3) AND agreed_day = $4 \
                 AND agreed_start < $6 AND $5 < agreed_end LIMIT 1",
            )
            .bind(except_id)
            .bind(staff_id)
            .bind(pupil_id)
            .bind(date_to_text(slot.day))
            .bind(time_to_text(slot.start_time))
            .bind(time_to_text(slot.end_time))
            .fetch_optional(&self.pool)
            .await?;
            if clash.is_some() {
                return Ok(Some(*slot));
            }
        }
        Ok(None)
    }

    /// Staff member `staff_id` proposes `times` (replacing earlier ones,
    /// also an agreed time), and from now on handles the conversation.
    pub async fn propose_times(
        &self,
        id: &str,
        staff_id: &str,
        times: &[TimeSlot],
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let change = StatusChange {
            from: OPEN,
            to: ConversationStatus::Proposed,
            also_set:
                ", handled_by = $4, agreed_day = NULL, agreed_start = NULL, agreed_end = NULL",
            new_times: times,
            event: ConversationEventKind::TimesProposed,
            by: staff_id,
            by_school: true,
            message: Some(message),
        };
        self.change_status(id, change, |q| q.bind(staff_id.to_owned()), now)
            .await
    }

    /// A guardian picks, or a staff member confirms, proposed time
    /// `time_id`, unless it overlaps another agreed conversation of the
    /// staff member handling it, of the child, or (when a guardian picks)
    /// of any of the guardian's children.
    pub async fn agree_time(
        &self,
        id: &str,
        time_id: &str,
        by: &str,
        by_school: bool,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let agreed = sqlx::query(
            "UPDATE conversations SET status = 'agreed', updated_at = $3, \
             agreed_day = (SELECT day FROM conversation_times WHERE id = $1), \
             agreed_start = (SELECT start_time FROM conversation_times WHERE id = $1), \
             agreed_end = (SELECT end_time FROM conversation_times WHERE id = $1) \
             WHERE id = $2 AND status = 'proposed' \
             AND EXISTS (SELECT 1 FROM conversation_times t \
                 WHERE t.id = $1 AND t.conversation_id = $2) \
             AND NOT EXISTS (SELECT 1 FROM conversations o, conversation_times t \
                 WHERE t.id = $1 AND o.id <> $2 AND o.status = 'agreed' \
                 AND o.agreed_day = t.day AND o.agreed_start < t.end_time \
                 AND t.start_time < o.agreed_end \
                 AND (o.handled_by = conversations.handled_by \
                      OR o.pupil_id = conversations.pupil_id \
                      OR o.pupil_id IN (SELECT pupil_id FROM guardianships WHERE user_id = $4)))",
        )
        .bind(time_id)
        .bind(id)
        .bind(instant_to_text(now))
        // A parent cannot be at two conversations at once either (for
        // another child, or at another school).
        .bind(if by_school { "" } else { by })
        .execute(&mut *tx)
        .await?;
        if agreed.rows_affected() != 1 {
            let why = why_not_agreed(&mut tx, id, time_id).await?;
            return Ok(Err(why));
        }
        delete_times(&mut tx, id).await?;
        record(
            &mut tx,
            id,
            ConversationEventKind::TimeAgreed,
            by,
            by_school,
            None,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// A guardian asks for other times, from `proposed` or `agreed`.
    pub async fn ask_other_times(
        &self,
        id: &str,
        user_id: &str,
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let change = StatusChange {
            from: "('proposed', 'agreed')",
            to: ConversationStatus::Requested,
            also_set: ", agreed_day = NULL, agreed_start = NULL, agreed_end = NULL",
            new_times: &[],
            event: ConversationEventKind::OtherTimesAsked,
            by: user_id,
            by_school: false,
            message: Some(message),
        };
        self.change_status(id, change, |q| q, now).await
    }

    /// Either side cancels an open conversation, with a reason.
    pub async fn cancel_conversation(
        &self,
        id: &str,
        by: &str,
        by_school: bool,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let change = StatusChange {
            from: OPEN,
            to: ConversationStatus::Cancelled,
            also_set: "",
            new_times: &[],
            event: ConversationEventKind::Cancelled,
            by,
            by_school,
            message: Some(reason),
        };
        self.change_status(id, change, |q| q, now).await
    }

    /// Staff member `staff_id` closes an agreed conversation that took
    /// place, with a note.
    pub async fn close_conversation(
        &self,
        id: &str,
        staff_id: &str,
        outcome: &ConversationOutcome,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let note = outcome.note.trim();
        let change = StatusChange {
            from: "('agreed')",
            to: ConversationStatus::Done,
            also_set: ", outcome_note = $4, outcome_note_visible = $5, handled_by = $6",
            new_times: &[],
            event: ConversationEventKind::Done,
            by: staff_id,
            by_school: true,
            message: None,
        };
        let note = (!note.is_empty()).then(|| note.to_owned());
        let visible = i32::from(outcome.note_visible_to_parents);
        self.change_status(
            id,
            change,
            |q| q.bind(note.clone()).bind(visible).bind(staff_id.to_owned()),
            now,
        )
        .await
    }

    /// Moves a conversation from one of the statuses `from` to `to`,
    /// replaces its proposed times and records the event, in one
    /// transaction; `WrongStatus` when it was not in one of `from`.
    async fn change_status(
        &self,
        id: &str,
        change: StatusChange<'_>,
        bind_also_set: impl for<'q> Fn(AnyQuery<'q>) -> AnyQuery<'q>,
        now: DateTime<Utc>,
    ) -> Result<Result<(), NotChanged>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let sql = format!(
            "UPDATE conversations SET status = $1, updated_at = $2{} \
             WHERE id = $3 AND status IN {}",
            change.also_set, change.from
        );
        let query = sqlx::query(&sql)
            .bind(change.to.as_str())
            .bind(instant_to_text(now))
            .bind(id.to_owned());
        let moved = bind_also_set(query).execute(&mut *tx).await?;
        if moved.rows_affected() != 1 {
            return Ok(Err(NotChanged::WrongStatus));
        }
        delete_times(&mut tx, id).await?;
        insert_times(&mut tx, id, change.new_times).await?;
        let (by, by_school, message) = (change.by, change.by_school, change.message);
        record(&mut tx, id, change.event, by, by_school, message, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The school of `pupil_id`, if there is such a pupil.
    pub async fn pupil_school(&self, pupil_id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT g.school_id FROM pupils p JOIN groups g ON g.id = p.group_id WHERE p.id = $1",
        )
        .bind(pupil_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Whether the school of `pupil_id` lets all guardians see a
    /// conversation one of them asked for.
    pub async fn school_shares_conversations(&self, pupil_id: &str) -> Result<bool, sqlx::Error> {
        let shared: Option<Option<i32>> = sqlx::query_scalar(
            "SELECT s.conversations_shared FROM pupils p \
             JOIN groups g ON g.id = p.group_id JOIN schools s ON s.id = g.school_id \
             WHERE p.id = $1",
        )
        .bind(pupil_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(shared.flatten() != Some(0))
    }

    /// Everyone to tell about a change: the guardians who see it (only
    /// `acting_parent` when a parent made the change: the mail is their
    /// receipt, worded for them), and the staff member handling it (before
    /// anyone does: everyone at the school with the role that answers it,
    /// and who may see the child's group: see `store::scope`).
    pub async fn conversation_recipients(
        &self,
        c: &ConversationAtSchool,
        acting_parent: Option<&str>,
    ) -> Result<Vec<Recipient>, sqlx::Error> {
        let guardians = sqlx::query(
            "SELECT u.email AS email, u.name AS name, u.language AS language \
             FROM guardianships gu JOIN users u ON u.id = gu.user_id \
             WHERE gu.pupil_id = $1 AND ($2 = 1 OR u.id = $3) AND ($4 = '' OR u.id = $4) \
             ORDER BY u.email",
        )
        .bind(&c.conversation.pupil_id)
        .bind(i32::from(c.conversation.shared_with_guardians))
        .bind(&c.started_by_id)
        .bind(acting_parent.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        let staff = sqlx::query(
            "SELECT DISTINCT u.email AS email, u.name AS name, u.language AS language \
             FROM users u LEFT JOIN staff_roles r ON r.user_id = u.id \
             WHERE ($1 <> '' AND u.id = $1) \
                OR ($1 = '' AND r.school_id = $2 AND r.role = $3 AND ( \
                    COALESCE((SELECT s.teachers_own_groups_only FROM schools s \
                              WHERE s.id = $2), 0) <> 1 \
                    OR EXISTS (SELECT 1 FROM staff_roles o WHERE o.user_id = u.id \
                               AND o.school_id = $2 AND o.role <> 'teacher') \
                    OR EXISTS (SELECT 1 FROM staff_groups sg WHERE sg.user_id = u.id \
                               AND sg.group_id = $4))) \
             ORDER BY u.email",
        )
        .bind(c.handled_by_id.as_deref().unwrap_or(""))
        .bind(&c.school_id)
        .bind(c.conversation.with.answered_by().as_str())
        .bind(&c.group_id)
        .fetch_all(&self.pool)
        .await?;
        let guardians = guardians
            .iter()
            .map(|row| recipient_from_row(row, Audience::Parent));
        let staff = staff
            .iter()
            .map(|row| recipient_from_row(row, Audience::Staff));
        guardians.chain(staff).collect()
    }

    /// The conversations matching `condition` (SQL over `c`, `p`, `g`, `s`
    /// with the parameters `bind` adds), with their times and history: three
    /// queries however many there are.
    async fn conversations_where(
        &self,
        condition: &str,
        bind: impl for<'q> Fn(AnyQuery<'q>) -> AnyQuery<'q>,
    ) -> Result<Vec<ConversationAtSchool>, sqlx::Error> {
        let sql = format!("{SELECT_CONVERSATION} WHERE {condition}");
        let rows = bind(sqlx::query(&sql)).fetch_all(&self.pool).await?;
        if rows.is_empty() {
            return Ok(vec![]);
        }
        let ids = format!(
            "SELECT c.id FROM conversations c JOIN pupils p ON p.id = c.pupil_id \
             JOIN groups g ON g.id = p.group_id JOIN schools s ON s.id = g.school_id \
             WHERE {condition}"
        );
        let times_sql = format!(
            "SELECT id, conversation_id, day, start_time, end_time FROM conversation_times \
             WHERE conversation_id IN ({ids}) ORDER BY day, start_time, id"
        );
        let times = bind(sqlx::query(&times_sql)).fetch_all(&self.pool).await?;
        let events_sql = format!(
            "SELECT e.conversation_id AS conversation_id, e.kind AS kind, e.at AS at, \
             u.name AS by_name, e.by_school AS by_school, e.message AS message \
             FROM conversation_events e JOIN users u ON u.id = e.by_user \
             WHERE e.conversation_id IN ({ids}) ORDER BY e.at, e.id"
        );
        let events = bind(sqlx::query(&events_sql)).fetch_all(&self.pool).await?;

        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let proposed_times = times
                    .iter()
                    .filter(|t| t.try_get::<String, _>("conversation_id").ok() == Some(id.clone()))
                    .map(time_from_row)
                    .collect::<Result<_, _>>()?;
                let history = events
                    .iter()
                    .filter(|e| e.try_get::<String, _>("conversation_id").ok() == Some(id.clone()))
                    .map(event_from_row)
                    .collect::<Result<_, _>>()?;
                conversation_from_row(row, proposed_times, history)
            })
            .collect()
    }
}

/// A change of a conversation's status (see `Store::change_status`).
struct StatusChange<'a> {
    /// The statuses it may be in, as an SQL list of our own names.
    from: &'static str,
    to: ConversationStatus,
    /// More `, column = $4...` to set, bound by the caller.
    also_set: &'static str,
    /// The proposed times from now on (none: the old ones go).
    new_times: &'a [TimeSlot],
    event: ConversationEventKind,
    by: &'a str,
    by_school: bool,
    message: Option<&'a str>,
}

/// A new conversation: a parent's request (status `requested`) or the
/// school's invitation with times (status `proposed`, handled by whoever
/// invited).
struct Started<'a> {
    pupil_id: &'a str,
    with: ConversationWith,
    topic: ConversationTopic,
    child_joins: bool,
    mode: MeetingMode,
    days: &'a str,
    day_parts: &'a str,
    message: &'a str,
    by_school: bool,
    started_by: &'a str,
    shared_with_guardians: bool,
    idempotency_key: &'a str,
    times: &'a [TimeSlot],
}

async fn insert_conversation(
    conn: &mut AnyConnection,
    id: &str,
    c: &Started<'_>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let message = c.message.trim();
    let (status, handled_by) = if c.by_school {
        (ConversationStatus::Proposed, Some(c.started_by))
    } else {
        (ConversationStatus::Requested, None)
    };
    sqlx::query(
        "INSERT INTO conversations (id, pupil_id, with_whom, topic, child_joins, mode, days, \
         day_parts, message, initiated_by_school, started_by, started_at, \
         shared_with_guardians, status, handled_by, outcome_note_visible, updated_at, \
         idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, $12, $16)",
    )
    .bind(id)
    .bind(c.pupil_id)
    .bind(c.with.as_str())
    .bind(c.topic.as_str())
    .bind(i32::from(c.child_joins))
    .bind(c.mode.as_str())
    .bind(c.days)
    .bind(c.day_parts)
    .bind((!message.is_empty()).then_some(message))
    .bind(i32::from(c.by_school))
    .bind(c.started_by)
    .bind(instant_to_text(now))
    .bind(i32::from(c.shared_with_guardians))
    .bind(status.as_str())
    .bind(handled_by)
    .bind(c.idempotency_key)
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_times(
    conn: &mut AnyConnection,
    id: &str,
    times: &[TimeSlot],
) -> Result<(), sqlx::Error> {
    for slot in times {
        sqlx::query(
            "INSERT INTO conversation_times (id, conversation_id, day, start_time, end_time) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(id)
        .bind(date_to_text(slot.day))
        .bind(time_to_text(slot.start_time))
        .bind(time_to_text(slot.end_time))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn delete_times(conn: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM conversation_times WHERE conversation_id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Adds an entry to a conversation's history, and a line to the school's
/// audit log.
async fn record(
    conn: &mut AnyConnection,
    id: &str,
    kind: ConversationEventKind,
    by: &str,
    by_school: bool,
    message: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let message = message.map(str::trim).filter(|m| !m.is_empty());
    sqlx::query(
        "INSERT INTO conversation_events (id, conversation_id, kind, at, by_user, by_school, \
         message) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(id)
    .bind(kind.as_str())
    .bind(instant_to_text(now))
    .bind(by)
    .bind(i32::from(by_school))
    .bind(message)
    .execute(&mut *conn)
    .await?;
    // The school's audit log too: what happened, never the message.
    let school_id: String = sqlx::query_scalar(
        "SELECT g.school_id FROM conversations c JOIN pupils p ON p.id = c.pupil_id \
         JOIN groups g ON g.id = p.group_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let audit = Audit {
        school_id: &school_id,
        by_user: by,
        action: AuditAction::ConversationChanged,
        subject_type: "conversation",
        subject_id: id,
        detail: Some(kind.as_str()),
        at: now,
    };
    record_audit(conn, &audit).await
}

/// Why agreeing on `time_id` changed nothing.
async fn why_not_agreed(
    conn: &mut AnyConnection,
    id: &str,
    time_id: &str,
) -> Result<NotChanged, sqlx::Error> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM conversations WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    if status.as_deref() != Some(ConversationStatus::Proposed.as_str()) {
        return Ok(NotChanged::WrongStatus);
    }
    let time: Option<String> = sqlx::query_scalar(
        "SELECT id FROM conversation_times WHERE id = $1 AND conversation_id = $2",
    )
    .bind(time_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(if time.is_none() {
        NotChanged::UnknownTime
    } else {
        NotChanged::Clash
    })
}

/// "monday,friday" from names, each once.
fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for name in names {
        if !unique.contains(&name) {
            unique.push(name);
        }
    }
    unique.join(",")
}

/// Names from "monday,friday", each parsed by `parse`.
fn split_names<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<Vec<T>, sqlx::Error> {
    text.split(',')
        .filter(|name| !name.is_empty())
        .map(|name| parse(name).ok_or_else(|| decode_error("a known name")))
        .collect()
}

fn slot_from(day: &str, start: &str, end: &str) -> Result<TimeSlot, sqlx::Error> {
    Ok(TimeSlot {
        day: date_from_text(day)?,
        start_time: time_from_text(start)?,
        end_time: time_from_text(end)?,
    })
}

fn time_from_row(row: &AnyRow) -> Result<ProposedTime, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    Ok(ProposedTime {
        id: text("id")?,
        slot: slot_from(&text("day")?, &text("start_time")?, &text("end_time")?)?,
    })
}

fn event_from_row(row: &AnyRow) -> Result<ConversationEvent, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    Ok(ConversationEvent {
        kind: ConversationEventKind::parse(&kind)
            .ok_or_else(|| decode_error("a conversation event"))?,
        at: instant_from_text(&row.try_get::<String, _>("at")?)?,
        by: row.try_get("by_name")?,
        by_school: row.try_get::<i32, _>("by_school")? == 1,
        message: row.try_get("message")?,
    })
}

fn conversation_from_row(
    row: &AnyRow,
    proposed_times: Vec<ProposedTime>,
    history: Vec<ConversationEvent>,
) -> Result<ConversationAtSchool, sqlx::Error> {
    let text = |column: &str| row.try_get::<String, _>(column);
    let flag = |column: &str| row.try_get::<i32, _>(column).map(|v| v == 1);
    fn parsed<T>(
        value: String,
        parse: fn(&str) -> Option<T>,
        what: &str,
    ) -> Result<T, sqlx::Error> {
        parse(&value).ok_or_else(|| decode_error(what))
    }
    let agreed: (Option<String>, Option<String>, Option<String>) = (
        row.try_get("agreed_day")?,
        row.try_get("agreed_start")?,
        row.try_get("agreed_end")?,
    );
    let agreed_time = match agreed {
        (Some(day), Some(start), Some(end)) => Some(slot_from(&day, &start, &end)?),
        _ => None,
    };
    let conversation = Conversation {
        id: text("id")?,
        pupil_id: text("pupil_id")?,
        pupil_first_name: text("pupil_first_name")?,
        pupil_last_name: text("pupil_last_name")?,
        group_name: text("group_name")?,
        school_name: text("school_name")?,
        school_kind: parsed(text("school_kind")?, SchoolKind::parse, "a school kind")?,
        with: parsed(text("with_whom")?, ConversationWith::parse, "a person")?,
        topic: parsed(text("topic")?, ConversationTopic::parse, "a topic")?,
        child_joins: flag("child_joins")?,
        mode: parsed(text("mode")?, MeetingMode::parse, "a meeting mode")?,
        days: split_names(&text("days")?, SchoolDay::parse)?,
        day_parts: split_names(&text("day_parts")?, DayPart::parse)?,
        initiated_by_school: flag("initiated_by_school")?,
        started_by: text("started_by")?,
        started_at: instant_from_text(&text("started_at")?)?,
        message: row.try_get("message")?,
        shared_with_guardians: flag("shared_with_guardians")?,
        status: parsed(text("status")?, ConversationStatus::parse, "a status")?,
        proposed_times,
        agreed_time,
        handled_by: row.try_get("handled_by")?,
        outcome_note: row.try_get("outcome_note")?,
        outcome_note_visible_to_parents: flag("outcome_note_visible")?,
        history,
    };
    Ok(ConversationAtSchool {
        conversation,
        school_id: text("school_id")?,
        group_id: text("group_id")?,
        started_by_id: text("started_by_id")?,
        handled_by_id: row.try_get("handled_by_id")?,
    })
}
