-- E-mail: the language a person reads their mail in, and the outbox.
--
-- The outbox exists so that a mail is never lost: the change that causes
-- it is stored, the mail waits here, and the server's background sender
-- delivers it, trying again later when the mail server is down or the
-- process restarts (server/src/mail). A mail that could not be delivered
-- after many attempts stays here with the kind of its last error.
--
-- Portable SQL, as explained in 0001_schema.sql: TEXT ids and fixed-width
-- RFC 3339 instants; no booleans or defaults. Depends only on 0001.

-- shared::Language::as_str ('nl', 'en', 'ar', 'tr', 'pl', 'uk'). NULL:
-- Dutch.
ALTER TABLE users ADD COLUMN language TEXT;

CREATE TABLE mail_outbox (
    id              TEXT PRIMARY KEY,
    to_address      TEXT NOT NULL,
    to_name         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    -- plain text; never an absence reason, a topic or a message
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    -- how often the sender tried to deliver it
    attempts        BIGINT NOT NULL,
    -- not before this instant; also pushed ahead while a sender is busy
    -- with it, so that two servers on one database do not both send it
    next_attempt_at TEXT NOT NULL,
    -- NULL: not delivered (yet)
    sent_at         TEXT,
    -- NULL: still trying. Set when the sender stopped trying.
    gave_up_at      TEXT,
    -- the kind of the last failure ('connection', 'smtp 451', ...): never
    -- the mail server's words, which may hold the address
    last_error      TEXT
);
-- The sender's question: which mails are due?
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND gave_up_at IS NULL;
