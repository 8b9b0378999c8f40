-- Conversations between a child's parents and the school: asked for by a
-- guardian or started by the school, times proposed by the school, one
-- agreed, then closed with a note, or cancelled by either side.
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT ids, dates
-- 'YYYY-MM-DD', times 'HH:MM' (the school's local time, as parents see
-- them), fixed-width RFC 3339 instants; closed sets are TEXT whose names the
-- application owns (shared::conversations); yes/no is INTEGER 0 or 1.

CREATE TABLE conversations (
    id                     TEXT PRIMARY KEY,
    pupil_id               TEXT NOT NULL REFERENCES pupils (id),
    -- shared::ConversationWith: 'mentor', 'care_coordinator', ...
    with_whom              TEXT NOT NULL,
    -- shared::ConversationTopic
    topic                  TEXT NOT NULL,
    child_joins            INTEGER NOT NULL,
    -- shared::MeetingMode
    mode                   TEXT NOT NULL,
    -- the days and parts of the day that suit, as comma-separated names
    -- (shared::SchoolDay, shared::DayPart); '' means any
    days                   TEXT NOT NULL,
    day_parts              TEXT NOT NULL,
    -- the first message: the parent's question or the school's invitation
    message                TEXT,
    initiated_by_school    INTEGER NOT NULL,
    -- the guardian who asked, or the staff member who invited
    started_by             TEXT NOT NULL REFERENCES users (id),
    started_at             TEXT NOT NULL,
    -- 1: every guardian of the child sees it; 0: only the one who asked
    shared_with_guardians  INTEGER NOT NULL,
    -- shared::ConversationStatus
    status                 TEXT NOT NULL,
    -- the staff member who looks after it; NULL until someone does
    handled_by             TEXT REFERENCES users (id),
    -- the agreed time; NULL until a time is agreed
    agreed_day             TEXT,
    agreed_start           TEXT,
    agreed_end             TEXT,
    outcome_note           TEXT,
    outcome_note_visible   INTEGER NOT NULL,
    updated_at             TEXT NOT NULL,
    -- made by the app per attempt: a retry finds the first attempt's row
    idempotency_key        TEXT NOT NULL,
    UNIQUE (started_by, idempotency_key)
);
CREATE INDEX conversations_pupil_id ON conversations (pupil_id, status);
-- Clashes: agreed conversations of one staff member on one day.
CREATE INDEX conversations_agreed ON conversations (handled_by, agreed_day);

-- The times the school proposes, while the parents choose.
CREATE TABLE conversation_times (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    day             TEXT NOT NULL,
    start_time      TEXT NOT NULL,
    end_time        TEXT NOT NULL
);
CREATE INDEX conversation_times_conversation_id ON conversation_times (conversation_id);

-- Everything that happened to a conversation: its history for both sides,
-- and the school's audit trail.
CREATE TABLE conversation_events (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    -- shared::conversations::ConversationEventKind
    kind            TEXT NOT NULL,
    at              TEXT NOT NULL,
    by_user         TEXT NOT NULL REFERENCES users (id),
    by_school       INTEGER NOT NULL,
    -- the message or reason that came with it
    message         TEXT
);
CREATE INDEX conversation_events_conversation_id ON conversation_events (conversation_id, at);

-- Whether a school lets all of a child's guardians see a conversation one of
-- them asked for. NULL: yes (the parent can still keep one to themselves).
ALTER TABLE schools ADD COLUMN conversations_shared INTEGER;
