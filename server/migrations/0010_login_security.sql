-- Log-in security: failed attempts (for the rate limit on log-ins and
-- activation codes) and when a session was last used (for the idle timeout).
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT instants in the
-- fixed-width RFC 3339 form, so that comparing texts compares instants.

-- One row per failed log-in or activation attempt, kept for a day at most.
-- In the database, not in the server's memory: several servers behind a
-- load balancer count together. `subject` is the SHA-256 (hex) of what was
-- tried, never the e-mail address or the network address itself:
-- 'account:' and the e-mail address in lower case, or 'address:' and the
-- client's address (for IPv6 its /64 network). A successful log-in removes
-- the rows of its account.
CREATE TABLE login_failures (
    subject   TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);

-- When the session was last used, at most once an hour brought up to date
-- (not a write on every request). A session unused for a week ends, even
-- before its 30 days are over. Sessions from before this migration count
-- as used when they began.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
UPDATE sessions SET last_seen_at = created_at;
