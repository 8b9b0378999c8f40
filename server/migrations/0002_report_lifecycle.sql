-- What happens to a report after it is made: the school acknowledges it
-- (from then on only the school can change it), a parent changes it or
-- reports the child better, or withdraws it.
--
-- Portable SQL, as 0001: one column per statement, all nullable TEXT.
-- Instants are RFC 3339 in UTC with a fixed width, like reported_at.

-- When, and by which staff member, the school saw the report. NULL: not yet.
ALTER TABLE absence_reports ADD COLUMN acknowledged_at TEXT;
ALTER TABLE absence_reports ADD COLUMN acknowledged_by TEXT REFERENCES users (id);

-- A withdrawn report is kept for the school's audit, but a parent no longer
-- sees it anywhere. NULL: not withdrawn.
ALTER TABLE absence_reports ADD COLUMN withdrawn_at TEXT;

-- When a parent last changed it. NULL: never.
ALTER TABLE absence_reports ADD COLUMN updated_at TEXT;
