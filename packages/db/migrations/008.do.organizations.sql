-- Employer organizations in depth: registration details, the admin's acknowledgement of Ohio's
-- minor labor law duties, staff suspension, member invitations, and a rule that keeps at least
-- one admin in every organization.

-- submitted_at is when staff were last asked to verify the organization: at registration, and
-- again when the admin corrects a rejected registration. The verification queue sorts by it.
ALTER TABLE app.organizations
  ADD COLUMN registered_by uuid,
  ADD COLUMN submitted_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN suspended_at timestamptz,
  ADD COLUMN suspension_reason text,
  ADD CONSTRAINT organizations_legal_name_length CHECK (length(legal_name) BETWEEN 2 AND 200),
  ADD CONSTRAINT organizations_trading_name_length CHECK (length(trading_name) BETWEEN 2 AND 200),
  ADD CONSTRAINT organizations_zip_format CHECK (zip ~ '^[0-9]{5}$'),
  ADD CONSTRAINT organizations_rejection_reason_length
    CHECK (rejection_reason IS NULL OR length(rejection_reason) BETWEEN 3 AND 1000),
  ADD CONSTRAINT organizations_suspension_reason_length
    CHECK (suspension_reason IS NULL OR length(suspension_reason) BETWEEN 3 AND 1000),
  ADD CONSTRAINT organizations_suspension_matches_status
    CHECK ((status = 'suspended') = (suspended_at IS NOT NULL));
CREATE INDEX organizations_status_submitted_at_idx ON app.organizations (status, submitted_at);

-- A person acts for at most one organization, because the API takes the employer context from
-- the caller's single membership. Two registrations sent at once cannot both succeed.
CREATE UNIQUE INDEX organization_members_one_organization_idx ON app.organization_members (user_id);

-- What the registering admin confirmed about Ohio's minor labor law, by whom and when. Rows are
-- only ever added: a corrected registration is confirmed again.
CREATE TABLE app.organization_duty_acknowledgements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  acknowledged_by uuid NOT NULL,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  -- Version of the statement the admin was shown; the API keeps the text of each version.
  statement_version text NOT NULL CHECK (statement_version ~ '^[a-z0-9-]{1,40}$'),
  duties text[] NOT NULL CHECK (cardinality(duties) BETWEEN 1 AND 20)
);
CREATE INDEX organization_duty_acknowledgements_organization_id_idx
  ON app.organization_duty_acknowledgements (organization_id, acknowledged_at DESC);

GRANT SELECT, INSERT ON app.organization_duty_acknowledgements TO clockin_app;
ALTER TABLE app.organization_duty_acknowledgements ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organization_duty_acknowledgements FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_duty_acknowledgements_tenant ON app.organization_duty_acknowledgements
  USING (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer')
  WITH CHECK (
    organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer'
    AND acknowledged_by = app.current_user_id());
CREATE POLICY organization_duty_acknowledgements_staff ON app.organization_duty_acknowledgements
  FOR SELECT USING (app.is_staff());
CREATE POLICY organization_duty_acknowledgements_owner ON app.organization_duty_acknowledgements
  TO clockin_owner USING (true) WITH CHECK (true);

-- Invitations to join an organization. Only the SHA-256 of the emailed token is stored, so a
-- copy of the table cannot be used to accept one. An invitation works once, before expires_at.
CREATE TABLE app.organization_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz,
  revoked_by uuid,
  CHECK (expires_at > created_at),
  CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX organization_invitations_organization_id_idx
  ON app.organization_invitations (organization_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON app.organization_invitations TO clockin_app;
ALTER TABLE app.organization_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organization_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_invitations_tenant ON app.organization_invitations
  USING (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer')
  WITH CHECK (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer');
CREATE POLICY organization_invitations_staff ON app.organization_invitations FOR SELECT USING (app.is_staff());
CREATE POLICY organization_invitations_owner ON app.organization_invitations
  TO clockin_owner USING (true) WITH CHECK (true);

-- The invitation whose token hashes to p_token_hash, for the person who holds the token and is
-- not a member yet. It reads as the owner and returns at most that one row; the API then acts
-- in the invitation's organization context, where the tenant policies above apply.
CREATE FUNCTION app.organization_invitation_by_token(p_token_hash text)
  RETURNS TABLE (
    invitation_id uuid, organization_id uuid, organization_name text, organization_status text,
    email text, role text, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  SELECT i.id, i.organization_id, o.trading_name, o.status, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
  FROM app.organization_invitations i
  JOIN app.organizations o ON o.id = i.organization_id
  WHERE i.token_hash = p_token_hash
$$;
REVOKE ALL ON FUNCTION app.organization_invitation_by_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.organization_invitation_by_token(text) TO clockin_app;

-- Every organization keeps at least one admin. The API checks this first under a lock on the
-- organization row; this deferred trigger rejects any transaction that still gets it wrong.
CREATE FUNCTION app.keep_organization_admin() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM app.organizations o WHERE o.id = OLD.organization_id)
     AND NOT EXISTS (
       SELECT 1 FROM app.organization_members m
       WHERE m.organization_id = OLD.organization_id AND m.role = 'admin') THEN
    RAISE EXCEPTION 'organization % would be left without an admin', OLD.organization_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app.keep_organization_admin() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER organization_members_keep_admin
  AFTER UPDATE OR DELETE ON app.organization_members
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.role = 'admin')
  EXECUTE FUNCTION app.keep_organization_admin();
