-- Application decisions and contact sharing, message threads, blocks, reports and the email
-- outbox. Each new table has row-level security enabled and forced.

-- Applications: when each step happened, and whether the student shares contact details now.
-- The flag, not the status, decides what the employer sees: a hired student may stop sharing.
ALTER TABLE app.applications
  ADD COLUMN viewed_at timestamptz,
  ADD COLUMN contact_requested_at timestamptz,
  ADD COLUMN contact_declined_at timestamptz,
  ADD COLUMN contact_shared_at timestamptz,
  ADD COLUMN contact_revoked_at timestamptz,
  ADD COLUMN contact_sharing boolean NOT NULL DEFAULT false,
  ADD COLUMN decided_at timestamptz,
  -- Set when the no-decision rule closed the application, not the employer.
  ADD COLUMN closed_without_decision_at timestamptz,
  ADD CONSTRAINT applications_contact_sharing_status CHECK (NOT contact_sharing OR status IN ('contact_shared', 'hired')),
  -- Messages name the application, its organization and its student together.
  ADD CONSTRAINT applications_id_organization_student_key UNIQUE (id, organization_id, student_id);
CREATE INDEX applications_open_created_at_idx ON app.applications (created_at)
  WHERE status IN ('submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared');

-- The status changes each actor may make. The API checks the same table first and answers
-- 409; this trigger stops any other path. The migration role (no actor role) may change anything.
CREATE FUNCTION app.check_application_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  actor text := app.current_actor_role();
  change text := OLD.status || '>' || NEW.status;
BEGIN
  IF actor IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.id <> OLD.id OR NEW.organization_id <> OLD.organization_id OR NEW.listing_id <> OLD.listing_id
     OR NEW.student_id <> OLD.student_id OR NEW.message <> OLD.message OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'An application''s listing, student and message cannot change.' USING ERRCODE = '42501';
  END IF;
  IF NEW.contact_sharing AND NOT OLD.contact_sharing AND actor <> 'student' THEN
    RAISE EXCEPTION 'Only the student can share contact details.' USING ERRCODE = '42501';
  END IF;
  IF OLD.status = NEW.status THEN
    RETURN NEW;
  END IF;
  IF actor = 'employer' AND change IN (
      'submitted>viewed', 'submitted>shortlisted', 'submitted>not_selected',
      'viewed>shortlisted', 'viewed>not_selected',
      'shortlisted>contact_requested', 'shortlisted>hired', 'shortlisted>not_selected',
      'contact_requested>not_selected',
      'contact_shared>hired', 'contact_shared>not_selected') THEN
    RETURN NEW;
  END IF;
  IF actor = 'student' AND (
      (NEW.status = 'withdrawn' AND OLD.status IN ('submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared'))
      OR change IN ('contact_requested>contact_shared', 'contact_requested>shortlisted', 'contact_shared>shortlisted')) THEN
    RETURN NEW;
  END IF;
  -- Staff context: the no-decision rule closes open applications.
  IF actor = 'staff' AND NEW.status = 'not_selected'
     AND OLD.status IN ('submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'A % cannot change an application from % to %.', actor, OLD.status, NEW.status
    USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER applications_check_change BEFORE UPDATE ON app.applications
  FOR EACH ROW EXECUTE FUNCTION app.check_application_change();

-- Contact details reach an employer only while the student shares them on one of its
-- applications. This replaces the status-based policy of the marketplace migration.
DROP POLICY student_contacts_shared ON app.student_contacts;
CREATE POLICY student_contacts_shared ON app.student_contacts FOR SELECT USING (
  app.current_actor_role() = 'employer' AND EXISTS (
    SELECT 1 FROM app.applications a
    WHERE a.student_id = student_contacts.user_id
      AND a.organization_id = app.current_organization_id()
      AND a.contact_sharing));

CREATE OR REPLACE VIEW app.applicant_projection WITH (security_invoker = true) AS
SELECT
  a.id AS application_id,
  a.organization_id,
  a.listing_id,
  s.given_name,
  s.family_name,
  app.applicant_age_band(a.student_id) AS age_band,
  sc.name AS school_name,
  a.message,
  a.status,
  a.created_at,
  a.updated_at,
  c.email AS contact_email,
  c.phone AS contact_phone,
  a.legal_shifts
FROM app.applications a
JOIN app.students s ON s.user_id = a.student_id AND s.deleted_at IS NULL
JOIN app.schools sc ON sc.id = s.school_id
LEFT JOIN app.student_contacts c ON c.user_id = a.student_id AND a.contact_sharing;

-- Blocks: a student stops an organization from messaging them or asking for contact details.
CREATE TABLE app.student_blocks (
  student_id uuid NOT NULL REFERENCES app.students (user_id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (student_id, organization_id)
);
CREATE INDEX student_blocks_organization_id_idx ON app.student_blocks (organization_id, student_id);

-- Messages, one thread per application. The body is stored after masking, so hidden contact
-- details never reach the database.
CREATE TABLE app.messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  application_id uuid NOT NULL,
  student_id uuid NOT NULL,
  sender_id uuid NOT NULL,
  sender_role text NOT NULL CHECK (sender_role IN ('student', 'employer')),
  -- Masking can make a message up to about eight times longer ("@ab" becomes a 22-character label).
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  -- Kinds of contact details that masking hid: email, link, phone, handle.
  masked_kinds text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  FOREIGN KEY (application_id, organization_id, student_id)
    REFERENCES app.applications (id, organization_id, student_id) ON DELETE CASCADE
);
CREATE INDEX messages_organization_id_idx ON app.messages (organization_id, application_id, created_at);
CREATE INDEX messages_student_id_idx ON app.messages (student_id, application_id, created_at);
-- Rate limits count a sender's recent messages.
CREATE INDEX messages_sender_id_idx ON app.messages (sender_id, created_at);

-- Reports of a listing, an organization or a message, and staff decisions on them.
CREATE TABLE app.reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reporter_id uuid NOT NULL,
  reporter_role text NOT NULL CHECK (reporter_role IN ('student', 'employer')),
  target_type text NOT NULL CHECK (target_type IN ('listing', 'organization', 'message')),
  -- The organization the report concerns: the listing's, the organization itself, or the thread's.
  organization_id uuid NOT NULL REFERENCES app.organizations (id),
  listing_id uuid REFERENCES app.listings (id),
  message_id uuid REFERENCES app.messages (id) ON DELETE SET NULL,
  category text NOT NULL CHECK (category IN (
    'scam_or_fee', 'inappropriate_content', 'meet_alone_or_off_platform', 'illegal_hours_or_hazards', 'other')),
  details text CHECK (details IS NULL OR length(details) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  outcome text CHECK (outcome IN ('no_violation', 'warning_issued', 'action_taken', 'escalated')),
  decision_note text CHECK (decision_note IS NULL OR length(decision_note) BETWEEN 1 AND 2000),
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- ClockIn aims to decide every report within 24 hours.
  due_at timestamptz NOT NULL DEFAULT now() + interval '24 hours',
  -- A reported message may be deleted later with its application, so message_id may be empty.
  CHECK ((target_type = 'listing') = (listing_id IS NOT NULL)),
  CHECK (target_type = 'message' OR message_id IS NULL),
  CHECK ((status = 'resolved') = (outcome IS NOT NULL AND decided_at IS NOT NULL AND decided_by IS NOT NULL))
);
CREATE INDEX reports_organization_id_idx ON app.reports (organization_id, created_at);
CREATE INDEX reports_reporter_id_idx ON app.reports (reporter_id, created_at);
CREATE INDEX reports_open_due_at_idx ON app.reports (due_at) WHERE status = 'open';

-- The email outbox. Actions add rows in their own transaction; delivery reads them in a staff
-- context, looks up the addresses and sends, or holds a minor's email during school hours.
CREATE TABLE app.notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Either one user (a student, or an organization member) or every member of an organization.
  recipient_id uuid,
  organization_id uuid REFERENCES app.organizations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN (
    'application_received', 'application_status', 'contact_requested', 'message_received',
    'application_closed', 'report_received')),
  application_id uuid REFERENCES app.applications (id) ON DELETE CASCADE,
  report_id uuid REFERENCES app.reports (id) ON DELETE CASCADE,
  -- The new status for application_status; nothing personal.
  status text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  held_at timestamptz,
  sent_at timestamptz,
  CHECK (recipient_id IS NOT NULL OR organization_id IS NOT NULL)
);
CREATE INDEX notifications_organization_id_idx ON app.notifications (organization_id, created_at);
CREATE INDEX notifications_recipient_id_idx ON app.notifications (recipient_id, created_at);
CREATE INDEX notifications_pending_idx ON app.notifications (created_at) WHERE sent_at IS NULL;

GRANT SELECT, INSERT, DELETE ON app.student_blocks TO clockin_app;
GRANT SELECT, INSERT ON app.messages TO clockin_app;
-- Only the read mark of a message changes; its body never does.
GRANT UPDATE (read_at) ON app.messages TO clockin_app;
GRANT SELECT, INSERT, UPDATE ON app.reports, app.notifications TO clockin_app;

ALTER TABLE app.student_blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.student_blocks FORCE ROW LEVEL SECURITY;
CREATE POLICY student_blocks_student ON app.student_blocks
  USING (student_id = app.current_user_id() AND app.current_actor_role() = 'student')
  WITH CHECK (student_id = app.current_user_id() AND app.current_actor_role() = 'student');
-- An organization learns that a student blocked it, so its members get a clear refusal.
CREATE POLICY student_blocks_organization ON app.student_blocks FOR SELECT USING (
  organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer');
CREATE POLICY student_blocks_staff ON app.student_blocks FOR SELECT USING (app.is_staff());
CREATE POLICY student_blocks_owner ON app.student_blocks TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.messages FORCE ROW LEVEL SECURITY;
CREATE POLICY messages_student_read ON app.messages FOR SELECT
  USING (student_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY messages_student_send ON app.messages FOR INSERT WITH CHECK (
  student_id = app.current_user_id() AND app.current_actor_role() = 'student'
  AND sender_id = app.current_user_id() AND sender_role = 'student');
CREATE POLICY messages_student_mark_read ON app.messages FOR UPDATE
  USING (student_id = app.current_user_id() AND app.current_actor_role() = 'student' AND sender_role = 'employer')
  WITH CHECK (student_id = app.current_user_id() AND app.current_actor_role() = 'student' AND sender_role = 'employer');
CREATE POLICY messages_employer_read ON app.messages FOR SELECT
  USING (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer');
CREATE POLICY messages_employer_send ON app.messages FOR INSERT WITH CHECK (
  organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer'
  AND sender_id = app.current_user_id() AND sender_role = 'employer'
  AND NOT EXISTS (
    SELECT 1 FROM app.student_blocks b
    WHERE b.student_id = messages.student_id AND b.organization_id = messages.organization_id));
CREATE POLICY messages_employer_mark_read ON app.messages FOR UPDATE
  USING (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer' AND sender_role = 'student')
  WITH CHECK (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer' AND sender_role = 'student');
-- Staff read a message when it is reported.
CREATE POLICY messages_staff ON app.messages FOR SELECT USING (app.is_staff());
CREATE POLICY messages_owner ON app.messages TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.reports FORCE ROW LEVEL SECURITY;
-- Reporters see their own reports; the organization a report concerns never sees it.
CREATE POLICY reports_reporter_read ON app.reports FOR SELECT
  USING (reporter_id = app.current_user_id() AND app.current_actor_role() IN ('student', 'employer'));
CREATE POLICY reports_reporter_create ON app.reports FOR INSERT WITH CHECK (
  reporter_id = app.current_user_id() AND reporter_role = app.current_actor_role() AND status = 'open');
CREATE POLICY reports_staff ON app.reports USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY reports_owner ON app.reports TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.notifications FORCE ROW LEVEL SECURITY;
-- Students and employers add notifications for their actions but cannot read any back.
CREATE POLICY notifications_create ON app.notifications FOR INSERT WITH CHECK (
  created_by = app.current_user_id() AND app.current_actor_role() IN ('student', 'employer'));
CREATE POLICY notifications_staff ON app.notifications USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY notifications_owner ON app.notifications TO clockin_owner USING (true) WITH CHECK (true);
