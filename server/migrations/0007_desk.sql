-- The school's side of absence: pupils the school marks absent without a
-- report (the parents are asked why, the school judges the reason), late
-- arrivals, and the audit log of changes the school's admin reads.
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT ids, dates
-- 'YYYY-MM-DD', times 'HH:MM', fixed-width RFC 3339 instants; closed sets
-- are TEXT whose names the application owns; yes/no is INTEGER 0 or 1.
-- Depends only on 0001.

CREATE TABLE unexplained_absences (
    id               TEXT PRIMARY KEY,
    pupil_id         TEXT NOT NULL REFERENCES pupils (id),
    day              TEXT NOT NULL,
    -- part of the day; NULL: from the start, to the end
    start_time       TEXT,
    end_time         TEXT,
    marked_by        TEXT NOT NULL REFERENCES users (id),
    marked_at        TEXT NOT NULL,
    -- the guardian's reason (shared::AbsenceKind) and short note; NULL
    -- until a guardian answers
    explanation_kind TEXT,
    explanation_note TEXT,
    explained_by     TEXT REFERENCES users (id),
    explained_at     TEXT,
    -- the school's judgement: 1 authorised, 0 not; NULL until it judged
    authorised       INTEGER,
    judged_by        TEXT REFERENCES users (id),
    judged_at        TEXT,
    -- made by the app per attempt: a retry finds the first attempt's row
    idempotency_key  TEXT NOT NULL,
    UNIQUE (marked_by, idempotency_key)
);
CREATE INDEX unexplained_absences_pupil_id ON unexplained_absences (pupil_id, day);

CREATE TABLE late_arrivals (
    id              TEXT PRIMARY KEY,
    pupil_id        TEXT NOT NULL REFERENCES pupils (id),
    day             TEXT NOT NULL,
    arrived_at      TEXT NOT NULL,
    registered_by   TEXT NOT NULL REFERENCES users (id),
    registered_at   TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    UNIQUE (registered_by, idempotency_key)
);
CREATE INDEX late_arrivals_pupil_id ON late_arrivals (pupil_id, day);

-- Who changed what at a school, and when. Ids only: never a name, a reason
-- or a note (detail is a short fact such as 'authorised').
CREATE TABLE audit_log (
    id           TEXT PRIMARY KEY,
    school_id    TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    by_user      TEXT NOT NULL REFERENCES users (id),
    -- shared::AuditAction
    action       TEXT NOT NULL,
    -- 'report', 'unexplained_absence', 'late_arrival', ...
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    detail       TEXT
);
CREATE INDEX audit_log_school_id ON audit_log (school_id, at);
