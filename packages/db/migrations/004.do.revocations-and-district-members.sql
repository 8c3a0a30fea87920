-- Token revocations the API checks on every request, and the people who act for a district.

-- One row per user: every access token issued at or before revoked_before is refused. The API
-- reads and writes it only through the two functions below, so the runtime role cannot list
-- who signed out or when.
CREATE TABLE app.token_revocations (
  user_id uuid PRIMARY KEY,
  revoked_before timestamptz NOT NULL,
  reason text NOT NULL CHECK (reason ~ '^[a-z-]{1,40}$'),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE app.token_revocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.token_revocations FORCE ROW LEVEL SECURITY;
CREATE POLICY token_revocations_owner ON app.token_revocations TO clockin_owner USING (true) WITH CHECK (true);

-- A later revocation always wins: an older event that arrives late never shortens one.
CREATE FUNCTION app.record_token_revocation(p_user_id uuid, p_revoked_before timestamptz, p_reason text)
  RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = app, pg_temp AS $$
  INSERT INTO app.token_revocations AS r (user_id, revoked_before, reason)
  VALUES (p_user_id, p_revoked_before, p_reason)
  ON CONFLICT (user_id) DO UPDATE
    SET revoked_before = greatest(r.revoked_before, excluded.revoked_before),
        reason = CASE WHEN excluded.revoked_before >= r.revoked_before THEN excluded.reason ELSE r.reason END,
        recorded_at = now()
$$;

CREATE FUNCTION app.token_revoked_before(p_user_id uuid) RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  SELECT revoked_before FROM app.token_revocations WHERE user_id = p_user_id
$$;

REVOKE ALL ON FUNCTION app.record_token_revocation(uuid, timestamptz, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.token_revoked_before(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.record_token_revocation(uuid, timestamptz, text) TO clockin_app;
GRANT EXECUTE ON FUNCTION app.token_revoked_before(uuid) TO clockin_app;

-- District staff. A district admin acts for exactly one district, set in clockin.district_id.
CREATE TABLE app.district_members (
  district_id text NOT NULL REFERENCES app.districts (id),
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, user_id)
);
CREATE INDEX district_members_user_id_idx ON app.district_members (user_id);

GRANT SELECT, INSERT, DELETE ON app.district_members TO clockin_app;
ALTER TABLE app.district_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.district_members FORCE ROW LEVEL SECURITY;
CREATE POLICY district_members_self ON app.district_members FOR SELECT USING (user_id = app.current_user_id());
CREATE POLICY district_members_district ON app.district_members FOR SELECT USING (
  app.current_actor_role() = 'district_admin' AND district_id = app.current_district_id());
CREATE POLICY district_members_staff ON app.district_members USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY district_members_owner ON app.district_members TO clockin_owner USING (true) WITH CHECK (true);
