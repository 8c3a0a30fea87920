-- Append-only audit log with a SHA-256 hash chain. Runtime roles may only insert; a trigger
-- rejects UPDATE and DELETE for everyone, and TRUNCATE is granted to no one.

CREATE SCHEMA audit;
GRANT USAGE ON SCHEMA audit TO clockin_app;

CREATE TABLE audit.events (
  id bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id uuid,
  actor_role text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  organization_id uuid,
  district_id text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  previous_hash text NOT NULL,
  hash text NOT NULL
);
CREATE SEQUENCE audit.events_id_seq OWNED BY audit.events.id;
CREATE INDEX events_organization_id_idx ON audit.events (organization_id, occurred_at DESC);
CREATE INDEX events_target_idx ON audit.events (target_type, target_id);

-- The canonical text that a row's hash covers. jsonb prints its keys in a fixed order.
CREATE FUNCTION audit.canonical_content(e audit.events) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'id', e.id,
    'occurred_at', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor_id', e.actor_id,
    'actor_role', e.actor_role,
    'action', e.action,
    'target_type', e.target_type,
    'target_id', e.target_id,
    'organization_id', e.organization_id,
    'district_id', e.district_id,
    'request_id', e.request_id,
    'details', e.details)::text
$$;

CREATE FUNCTION audit.chain_event() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
DECLARE
  last_hash text;
BEGIN
  -- One writer at a time, and the id is drawn under the lock, so id order is chain order.
  PERFORM pg_advisory_xact_lock(hashtext('audit.events'));
  NEW.id := nextval('audit.events_id_seq');
  NEW.occurred_at := clock_timestamp();
  SELECT hash INTO last_hash FROM audit.events ORDER BY id DESC LIMIT 1;
  NEW.previous_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := encode(sha256(convert_to(NEW.previous_hash || audit.canonical_content(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

CREATE TRIGGER events_chain BEFORE INSERT ON audit.events
  FOR EACH ROW EXECUTE FUNCTION audit.chain_event();

CREATE FUNCTION audit.reject_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON audit.events
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();

REVOKE ALL ON audit.events FROM PUBLIC;
GRANT INSERT ON audit.events TO clockin_app;
GRANT SELECT ON audit.events TO clockin_app;

ALTER TABLE audit.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_insert ON audit.events FOR INSERT TO clockin_app
  WITH CHECK (actor_id IS NOT DISTINCT FROM app.current_user_id());
CREATE POLICY events_staff_read ON audit.events FOR SELECT TO clockin_app USING (app.is_staff());
CREATE POLICY events_owner ON audit.events TO clockin_owner USING (true) WITH CHECK (true);
