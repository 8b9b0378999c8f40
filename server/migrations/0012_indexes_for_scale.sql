-- Indexes for a country-sized database (docs/PERFORMANCE.md shows the plans).
--
-- The hot queries (a log-in, the session of every request, storing a
-- report, the next-steps page, the desk list) already find their rows
-- through primary keys, unique constraints and the indexes of 0001-0011.
-- What scanned whole tables were the privacy jobs, which grow with the
-- years rather than with the morning:
--   * deleting a pupil past retention, and a person's copy of their data,
--     look up audit lines by the record they are about (subject_id) and by
--     who made them (by_user);
--   * deleting an account nothing points to any more checks every column
--     that names a user (and PostgreSQL checks each foreign key on delete:
--     without an index, a scan of that table per deleted account);
--   * a person's copy of their data and deleting their account look up
--     their mail by address.
--
-- Portable SQL, as explained in 0001_schema.sql.

CREATE INDEX audit_log_subject_id ON audit_log (subject_id);
CREATE INDEX audit_log_by_user ON audit_log (by_user);

CREATE INDEX absence_reports_acknowledged_by ON absence_reports (acknowledged_by);
CREATE INDEX leave_requests_requested_by ON leave_requests (requested_by);
CREATE INDEX leave_requests_decided_by ON leave_requests (decided_by);
CREATE INDEX conversations_started_by ON conversations (started_by);
CREATE INDEX conversation_events_by_user ON conversation_events (by_user);
CREATE INDEX unexplained_absences_marked_by ON unexplained_absences (marked_by);
CREATE INDEX unexplained_absences_explained_by ON unexplained_absences (explained_by);
CREATE INDEX unexplained_absences_judged_by ON unexplained_absences (judged_by);
CREATE INDEX late_arrivals_registered_by ON late_arrivals (registered_by);

CREATE INDEX mail_outbox_to_address ON mail_outbox (to_address);
