-- Onboarding a school: pupils known by the school's own pupil number (so
-- that a second import updates them instead of adding them again), and
-- one-time activation codes with which a person sets their first password.
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT ids and fixed-width
-- RFC 3339 instants, no defaults. An account made by an import (or by the
-- school for a staff member) has no password yet: its password_hash is
-- '!' (server::auth::NO_PASSWORD), which no password matches.

-- The school's pupil number of a pupil (leerlingnummer), unique per school.
-- A table of its own rather than a column: pupils added before (the demo,
-- by hand) simply have none, and a pupil's school follows from the group.
CREATE TABLE pupil_numbers (
    school_id    TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    pupil_number TEXT NOT NULL,
    pupil_id     TEXT NOT NULL UNIQUE REFERENCES pupils (id) ON DELETE CASCADE,
    PRIMARY KEY (school_id, pupil_number)
);

-- Only the SHA-256 of a code is stored (as for session tokens): the school
-- sees a code once, when it is made. A person has at most one open code; a
-- new one replaces it.
CREATE TABLE activation_codes (
    code_hash  TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the school that made it
    school_id  TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    -- NULL until the code is used
    used_at    TEXT
);
CREATE INDEX activation_codes_user_id ON activation_codes (user_id);
