-- The Verzuimwijzer schema: schools, their groups and pupils, the people who
-- log in (guardians and staff), their sessions, and absence reports.
--
-- One schema for two databases. SQLite is the default (one file, nothing to
-- install: right for one school or a trial); PostgreSQL is used when
-- DATABASE_URL starts with postgres:// (several schools, a managed server).
-- To keep ONE set of migrations and ONE data layer (sqlx `Any`) for both, the
-- SQL here stays in the portable subset:
--   * ids are UUID v4 strings made by the application, stored as TEXT;
--   * dates are TEXT 'YYYY-MM-DD', times of day TEXT 'HH:MM', instants TEXT
--     RFC 3339 in UTC with a fixed width ('2026-11-24T08:15:00.000000Z'), so
--     comparing and sorting them as text is comparing them in time;
--   * no booleans, no enums, no database-made defaults or sequences: closed
--     sets of values (kind, role) are TEXT checked by the application, which
--     owns their names (shared::AbsenceKind, shared::StaffRoleKind);
--   * queries use $1, $2, ... parameters, which both backends accept.
-- SQLite-only settings (WAL, synchronous=FULL, foreign_keys=ON, busy_timeout)
-- are set per connection by the server, not here.
--
-- Never edit a migration once it is applied somewhere: add a new file.

CREATE TABLE schools (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- 'po' (primary school) or 'vo' (secondary school)
    kind TEXT NOT NULL CHECK (kind IN ('po', 'vo'))
);

-- A group (PO, "Groep 5") or a class (VO, "2B").
CREATE TABLE groups (
    id        TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools (id),
    name      TEXT NOT NULL
);
CREATE INDEX groups_school_id ON groups (school_id);

CREATE TABLE pupils (
    id         TEXT PRIMARY KEY,
    group_id   TEXT NOT NULL REFERENCES groups (id),
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL
);
CREATE INDEX pupils_group_id ON pupils (group_id);

-- Everyone who logs in: guardians and staff alike.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    -- always stored in lower case, so one address is one account
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    -- argon2id, PHC string format
    password_hash TEXT NOT NULL
);

-- Who is a guardian of whom: a pupil can have several guardians, and a
-- guardian several pupils, at different schools.
CREATE TABLE guardianships (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pupil_id TEXT NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, pupil_id)
);
CREATE INDEX guardianships_pupil_id ON guardianships (pupil_id);

-- What a person does at a school (shared::StaffRoleKind::as_str).
CREATE TABLE staff_roles (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    school_id TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    PRIMARY KEY (user_id, school_id, role)
);
CREATE INDEX staff_roles_school_id ON staff_roles (school_id);

-- Log-in sessions. Only the SHA-256 of the cookie's token is stored, so a
-- copy of this table does not let anyone log in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- One report per child; a report for several children is stored as several
-- rows with the same reporter and idempotency key.
CREATE TABLE absence_reports (
    id              TEXT PRIMARY KEY,
    pupil_id        TEXT NOT NULL REFERENCES pupils (id),
    -- shared::AbsenceKind::as_str: 'ill', 'appointment' or 'other'
    kind            TEXT NOT NULL,
    first_day       TEXT NOT NULL,
    -- NULL: until the child is reported better
    last_day        TEXT,
    start_time      TEXT,
    end_time        TEXT,
    note            TEXT,
    reported_by     TEXT NOT NULL REFERENCES users (id),
    reported_at     TEXT NOT NULL,
    -- made by the app per attempt: a retry with the same key by the same
    -- person finds the rows of the first attempt instead of adding rows
    idempotency_key TEXT NOT NULL,
    UNIQUE (reported_by, idempotency_key, pupil_id)
);
CREATE INDEX absence_reports_pupil_id_first_day ON absence_reports (pupil_id, first_day);
