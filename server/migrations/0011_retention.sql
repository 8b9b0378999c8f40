-- Privacy: when a pupil left school, how long a school keeps what it knows
-- about pupils who left, and when an account was made (for a person's copy
-- of their own data).
--
-- The retention job (server/src/retention.rs) deletes every record of a
-- pupil who left more than the school's retention period ago: absence and
-- enrolment data are kept 5 years after a pupil leaves (PO and VO).
--
-- Portable SQL, as explained in 0001_schema.sql: dates 'YYYY-MM-DD',
-- fixed-width RFC 3339 instants, no defaults. Depends only on 0001.

-- The first school day the pupil was no longer at the school: set when the
-- school's pupil import no longer lists them, cleared when a later import
-- lists them again. NULL: still at school.
ALTER TABLE pupils ADD COLUMN left_on TEXT;
CREATE INDEX pupils_left_on ON pupils (left_on);

-- Whole years the school keeps a pupil's data after they left. NULL: 5.
ALTER TABLE schools ADD COLUMN retention_years INTEGER;

-- When the account was made. NULL: before this migration.
ALTER TABLE users ADD COLUMN created_at TEXT;
