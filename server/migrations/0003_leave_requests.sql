-- Leave requests (verlof): a guardian asks the school for permission to keep
-- a child home (a wedding, a funeral, a parent's job), and the school's
-- director (or school admin) answers with a decision and a reason.
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT ids, dates
-- 'YYYY-MM-DD' and fixed-width RFC 3339 instants; closed sets (kind,
-- status) are TEXT whose names the application owns (shared::LeaveKind,
-- shared::LeaveStatus). Depends only on 0001.

CREATE TABLE leave_requests (
    id              TEXT PRIMARY KEY,
    pupil_id        TEXT NOT NULL REFERENCES pupils (id),
    -- the guardian who asked
    requested_by    TEXT NOT NULL REFERENCES users (id),
    -- 'holiday_for_work', 'important_circumstances' or 'religious'
    kind            TEXT NOT NULL,
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL,
    -- the parent's short reason (1 to 500 characters, no medical details)
    reason          TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    -- 'pending', 'granted', 'refused' or 'withdrawn'
    status          TEXT NOT NULL,
    -- who decided (staff) or withdrew (a guardian), and when; NULL while
    -- pending
    decided_by      TEXT REFERENCES users (id),
    decided_at      TEXT,
    -- the school's reason; NULL until it decided
    decision_reason TEXT,
    -- made by the app per attempt: a retry with the same key by the same
    -- person finds the request of the first attempt instead of adding one
    idempotency_key TEXT NOT NULL,
    UNIQUE (requested_by, idempotency_key)
);
CREATE INDEX leave_requests_pupil_id ON leave_requests (pupil_id, requested_at);
CREATE INDEX leave_requests_status ON leave_requests (status, first_day);
