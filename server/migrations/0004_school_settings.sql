-- Each school's own settings, as parents see them after a report:
--   * its absence protocol and calendar, as JSON of shared::protocol::Protocol
--     and shared::protocol::SchoolCalendar; NULL means the default for the
--     school's kind (Protocol::default_for) and the standard Dutch calendar;
--   * whom parents contact, per role (shared::protocol::Role::as_str).
-- Portable SQL, as in 0001.

ALTER TABLE schools ADD COLUMN protocol TEXT;
ALTER TABLE schools ADD COLUMN calendar TEXT;

CREATE TABLE school_contacts (
    id        TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    name      TEXT NOT NULL,
    phone     TEXT,
    email     TEXT,
    -- when they can be reached, in the school's words
    hours     TEXT,
    -- the order the school shows them in
    position  INTEGER NOT NULL
);
CREATE INDEX school_contacts_school_id ON school_contacts (school_id, position);
