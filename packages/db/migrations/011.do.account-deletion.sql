-- Account deletion, deletion requests received by email, and students' own data exports.

-- A deleted account waiting for its purge. The row itself goes at the end of the purge, so
-- afterwards only the audit log's pseudonymous entries remain.
CREATE TABLE app.account_deletions (
  user_id uuid PRIMARY KEY,
  account_type text NOT NULL CHECK (account_type IN ('student', 'employer', 'district_admin', 'staff')),
  source text NOT NULL CHECK (source IN ('self', 'email')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  purge_after timestamptz NOT NULL,
  CHECK (purge_after >= requested_at AND purge_after <= requested_at + interval '30 days')
);
CREATE INDEX account_deletions_purge_after_idx ON app.account_deletions (purge_after);

GRANT SELECT, INSERT ON app.account_deletions TO clockin_app;
ALTER TABLE app.account_deletions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.account_deletions FORCE ROW LEVEL SECURITY;
-- Staff carry out an emailed request in the account's own context too, through the same path.
CREATE POLICY account_deletions_self ON app.account_deletions
  USING (user_id = app.current_user_id())
  WITH CHECK (user_id = app.current_user_id());
CREATE POLICY account_deletions_staff ON app.account_deletions USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY account_deletions_owner ON app.account_deletions TO clockin_owner USING (true) WITH CHECK (true);

-- Deletion requests that arrive by email. Staff record them with the date received; the
-- deadline is 30 days later. Once carried out, the address and the user id are cleared.
CREATE TABLE app.deletion_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_on date NOT NULL,
  requester_email text CHECK (requester_email IS NULL OR length(requester_email) BETWEEN 3 AND 254),
  note text CHECK (note IS NULL OR length(note) <= 500),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'no_account')),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  completed_by uuid,
  completed_at timestamptz,
  CHECK ((status = 'open') = (completed_at IS NULL)),
  CHECK (status = 'open' OR requester_email IS NULL)
);
CREATE INDEX deletion_requests_open_idx ON app.deletion_requests (received_on) WHERE status = 'open';

GRANT SELECT, INSERT, UPDATE ON app.deletion_requests TO clockin_app;
ALTER TABLE app.deletion_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.deletion_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY deletion_requests_staff ON app.deletion_requests USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY deletion_requests_owner ON app.deletion_requests TO clockin_owner USING (true) WITH CHECK (true);

-- A student's "Download my data" file, built by a background job.
CREATE TABLE app.personal_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  byte_size bigint CHECK (byte_size >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  expires_at timestamptz,
  CHECK (status <> 'completed' OR (completed_at IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX personal_exports_user_id_idx ON app.personal_exports (user_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON app.personal_exports TO clockin_app;
ALTER TABLE app.personal_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.personal_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY personal_exports_self ON app.personal_exports
  USING (user_id = app.current_user_id() AND app.current_actor_role() = 'student')
  WITH CHECK (user_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY personal_exports_owner ON app.personal_exports TO clockin_owner USING (true) WITH CHECK (true);

-- Removes every row about one user. Each table that can hold a user's data is named here, and a
-- test reads the catalog and scans every column afterwards, so a table added without a line
-- below fails it. Rows the user wrote as an employer or staff member (listings, decisions) keep
-- the pseudonymous id only. It purges only an account whose deletion is recorded and due, so
-- the runtime role cannot erase anyone else; it returns false when there is nothing to do.
CREATE FUNCTION app.purge_user(p_user_id uuid, p_email text) RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $$
BEGIN
  -- The row lock makes a second, concurrent purge wait and then find nothing to do.
  PERFORM 1 FROM app.account_deletions WHERE user_id = p_user_id AND purge_after <= now() FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  DELETE FROM app.notifications WHERE recipient_id = p_user_id OR created_by = p_user_id;
  DELETE FROM app.reports WHERE reporter_id = p_user_id;
  DELETE FROM app.messages WHERE student_id = p_user_id;
  DELETE FROM app.applications WHERE student_id = p_user_id;
  DELETE FROM app.student_blocks WHERE student_id = p_user_id;
  DELETE FROM app.students WHERE user_id = p_user_id;
  DELETE FROM app.organization_members WHERE user_id = p_user_id;
  DELETE FROM app.organization_invitations WHERE lower(email) = lower(p_email);
  DELETE FROM app.district_members WHERE user_id = p_user_id;
  DELETE FROM app.district_exports WHERE requested_by = p_user_id;
  DELETE FROM app.personal_exports WHERE user_id = p_user_id;
  DELETE FROM app.token_revocations WHERE user_id = p_user_id;
  UPDATE app.deletion_requests SET requester_email = NULL
    WHERE lower(requester_email) = lower(p_email) AND status <> 'open';
  DELETE FROM app.account_deletions WHERE user_id = p_user_id;
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION app.purge_user(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.purge_user(uuid, text) TO clockin_app;
