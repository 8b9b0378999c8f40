-- Which groups or classes a teacher teaches, and whether the school wants
-- its teachers to see only those (issue 5: "teachers only their groups
-- where the school wants that").
--
-- Portable SQL, as explained in 0001_schema.sql; yes/no is INTEGER 0 or 1.

CREATE TABLE staff_groups (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX staff_groups_group_id ON staff_groups (group_id);

-- 1: a staff member whose only role at the school is teacher sees the
-- reports, pupils and conversations of their own groups only. NULL: no.
ALTER TABLE schools ADD COLUMN teachers_own_groups_only INTEGER;
