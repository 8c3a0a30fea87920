-- The audit log becomes a table partitioned by calendar month (UTC), so that months older than
-- seven years can be dropped whole. Only clockin_retention may drop them, through
-- audit.drop_partition, which rejects any month that may still contain an event younger than
-- seven years. Existing rows move across unchanged, so their hashes still verify.

LOCK TABLE audit.events IN ACCESS EXCLUSIVE MODE;

-- The old table stays until its rows are copied. Its sequence, triggers and policies go with it.
ALTER TABLE audit.events RENAME TO events_unpartitioned;
ALTER INDEX audit.events_pkey RENAME TO events_unpartitioned_pkey;
DROP INDEX audit.events_organization_id_idx, audit.events_target_idx;
DROP FUNCTION audit.canonical_content(audit.events_unpartitioned);

-- The primary key must contain the partition key. Ids stay unique because only
-- audit.chain_event assigns them, one after another, under the chain's lock.
CREATE TABLE audit.events (
  id bigint NOT NULL,
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
  hash text NOT NULL,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX events_organization_id_idx ON audit.events (organization_id, occurred_at DESC);
CREATE INDEX events_target_idx ON audit.events (target_type, target_id);

-- Catches an event whose month has no partition yet, so no insert fails for want of one.
-- audit.ensure_partitions moves such rows into their own month.
CREATE TABLE audit.events_default PARTITION OF audit.events DEFAULT;

-- Id and hash of the last event written, which the next event links to. It outlives a
-- deleted event, so audit:verify notices events removed from the end. Each insert deletes
-- the row and inserts the next one rather than updating it: a transaction that writes many
-- events then finds the head through the primary key instead of walking its own row versions.
CREATE TABLE audit.chain_head (
  id bigint PRIMARY KEY,
  hash text NOT NULL
);
INSERT INTO audit.chain_head (id, hash)
SELECT coalesce(max(id), 0),
       coalesce((SELECT hash FROM audit.events_unpartitioned ORDER BY id DESC LIMIT 1), repeat('0', 64))
FROM audit.events_unpartitioned;

-- One row per dropped month. The newest row is where the chain now starts: the first
-- remaining event must link to its last_hash.
CREATE TABLE audit.dropped_partitions (
  partition_name text NOT NULL,
  range_start timestamptz NOT NULL,
  range_end timestamptz NOT NULL,
  event_count bigint NOT NULL,
  first_id bigint,
  last_id bigint,
  last_hash text,
  dropped_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  dropped_by name NOT NULL DEFAULT session_user
);
CREATE TRIGGER dropped_partitions_append_only BEFORE UPDATE OR DELETE ON audit.dropped_partitions
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER dropped_partitions_no_truncate BEFORE TRUNCATE ON audit.dropped_partitions
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();

-- The canonical text that a row's hash covers, in the same format as before partitioning.
-- It takes columns rather than a row because a trigger on a partition receives the
-- partition's row type. jsonb prints its keys in a fixed order.
CREATE FUNCTION audit.canonical_content(
  p_id bigint, p_occurred_at timestamptz, p_actor_id uuid, p_actor_role text, p_action text,
  p_target_type text, p_target_id text, p_organization_id uuid, p_district_id text,
  p_request_id text, p_details jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'id', p_id,
    'occurred_at', to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor_id', p_actor_id,
    'actor_role', p_actor_role,
    'action', p_action,
    'target_type', p_target_type,
    'target_id', p_target_id,
    'organization_id', p_organization_id,
    'district_id', p_district_id,
    'request_id', p_request_id,
    'details', p_details)::text
$$;

CREATE FUNCTION audit.canonical_content(e audit.events) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT audit.canonical_content(e.id, e.occurred_at, e.actor_id, e.actor_role, e.action, e.target_type,
    e.target_id, e.organization_id, e.district_id, e.request_id, e.details)
$$;

CREATE FUNCTION audit.event_hash(previous_hash text, content text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(previous_hash || content, 'UTF8')), 'hex')
$$;

-- Statement trigger: takes the chain's lock, held until commit, before the rows are built.
-- Writers therefore append one at a time, and the occurred_at default (clock_timestamp()) is
-- read after every earlier insert has committed. occurred_at then rises with id, so dropping
-- the oldest month removes a prefix of the chain.
CREATE FUNCTION audit.lock_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit.events'));
  RETURN NULL;
END
$$;

-- Row trigger. It takes the lock too, for inserts aimed at a partition, which skip the
-- parent's statement triggers. occurred_at is left as the row has it: changing it here could
-- move the row to another partition, which PostgreSQL rejects. clockin_app cannot set it.
CREATE OR REPLACE FUNCTION audit.chain_event() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
DECLARE
  head audit.chain_head%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit.events'));
  SELECT * INTO STRICT head FROM audit.chain_head ORDER BY id DESC LIMIT 1;
  -- At READ COMMITTED this snapshot, taken under the lock, sees the latest head. At REPEATABLE
  -- READ or SERIALIZABLE an older snapshot can see a head that another transaction has since
  -- replaced, and then this DELETE fails with 40001 rather than forking the chain.
  DELETE FROM audit.chain_head WHERE id = head.id;
  NEW.id := head.id + 1;
  NEW.previous_hash := head.hash;
  NEW.hash := audit.event_hash(NEW.previous_hash, audit.canonical_content(NEW.id, NEW.occurred_at,
    NEW.actor_id, NEW.actor_role, NEW.action, NEW.target_type, NEW.target_id, NEW.organization_id,
    NEW.district_id, NEW.request_id, NEW.details));
  INSERT INTO audit.chain_head (id, hash) VALUES (NEW.id, NEW.hash);
  RETURN NEW;
END
$$;

-- Bounds of the monthly partitions, read from the catalog. The bound text carries a UTC offset
-- because the function runs with TimeZone = 'UTC'.
CREATE FUNCTION audit.partition_ranges()
  RETURNS TABLE (partition_name name, range_start timestamptz, range_end timestamptz)
  LANGUAGE sql STABLE SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
  SELECT c.relname,
         substring(pg_get_expr(c.relpartbound, c.oid) FROM 'FROM \(''([^'']+)''\)')::timestamptz,
         substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']+)''\)')::timestamptz
  FROM pg_inherits i
  JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = 'audit.events'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
$$;

-- Gives a partition what it does not inherit from audit.events. Row triggers reach partitions
-- from the parent, but statement triggers and row-level security do not. Runtime roles have
-- no rights on partitions, and the owner's policy lets audit.drop_partition count the rows.
CREATE FUNCTION audit.protect_partition(p_partition_name name) RETURNS void
  LANGUAGE plpgsql SET search_path = audit, pg_temp AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.%I
                  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change()', p_partition_name);
  EXECUTE format('ALTER TABLE audit.%I ENABLE ROW LEVEL SECURITY', p_partition_name);
  EXECUTE format('ALTER TABLE audit.%I FORCE ROW LEVEL SECURITY', p_partition_name);
  EXECUTE format('CREATE POLICY events_owner ON audit.%I TO clockin_owner USING (true) WITH CHECK (true)',
                 p_partition_name);
END
$$;

-- Creates the partition of the month that contains p_month, unless one exists, and moves that
-- month's rows out of the default partition. The moved rows keep every column, hashes included.
CREATE FUNCTION audit.create_month_partition(p_month date) RETURNS name
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
  month_start timestamptz := date_trunc('month', p_month::timestamp) AT TIME ZONE 'UTC';
  month_end timestamptz := (date_trunc('month', p_month::timestamp) + interval '1 month') AT TIME ZONE 'UTC';
  new_name name := 'events_' || to_char(month_start, 'YYYY_MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit.events partitions'));
  IF EXISTS (SELECT 1 FROM audit.partition_ranges() r WHERE r.range_start = month_start) THEN
    RETURN NULL;
  END IF;

  IF EXISTS (SELECT 1 FROM audit.events_default d WHERE d.occurred_at >= month_start AND d.occurred_at < month_end) THEN
    -- A partition cannot be added while the default partition contains rows of its range.
    -- Detaching drops the cloned row triggers from the default partition, so the rows can move.
    ALTER TABLE audit.events DETACH PARTITION audit.events_default;
    EXECUTE format('CREATE TABLE audit.%I (LIKE audit.events INCLUDING DEFAULTS)', new_name);
    EXECUTE format('INSERT INTO audit.%I SELECT * FROM audit.events_default WHERE occurred_at >= $1 AND occurred_at < $2',
                   new_name) USING month_start, month_end;
    DELETE FROM audit.events_default d WHERE d.occurred_at >= month_start AND d.occurred_at < month_end;
    EXECUTE format('ALTER TABLE audit.events ATTACH PARTITION audit.%I FOR VALUES FROM (%L) TO (%L)',
                   new_name, month_start, month_end);
    ALTER TABLE audit.events ATTACH PARTITION audit.events_default DEFAULT;
  ELSE
    EXECUTE format('CREATE TABLE audit.%I PARTITION OF audit.events FOR VALUES FROM (%L) TO (%L)',
                   new_name, month_start, month_end);
  END IF;

  PERFORM audit.protect_partition(new_name);
  RETURN new_name;
END
$$;

-- Creates the partitions of the current month and the next p_months_ahead months, and one for
-- every month that has rows in the default partition. Returns the names it created.
CREATE FUNCTION audit.ensure_partitions(p_months_ahead integer DEFAULT 3) RETURNS SETOF name
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
  month date;
  created name;
BEGIN
  IF p_months_ahead IS NULL OR p_months_ahead < 0 OR p_months_ahead > 24 THEN
    RAISE EXCEPTION 'months ahead must be from 0 to 24, not %', p_months_ahead
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR month IN
    SELECT DISTINCT date_trunc('month', d.occurred_at)::date FROM audit.events_default d
    UNION
    SELECT generate_series(date_trunc('month', now()), date_trunc('month', now()) + p_months_ahead * interval '1 month',
                           interval '1 month')::date
    ORDER BY 1
  LOOP
    created := audit.create_month_partition(month);
    IF created IS NOT NULL THEN
      RETURN NEXT created;
    END IF;
  END LOOP;
END
$$;

-- Drops one monthly partition, but only when its whole month ended at least seven years ago
-- by the server's clock. The caller cannot pass a date, so it cannot shorten the retention.
CREATE FUNCTION audit.drop_partition(p_partition_name text) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
  target record;
  cutoff timestamptz := now() - interval '7 years';
  stats record;
  earlier_or_same bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit.events partitions'));
  SELECT * INTO target FROM audit.partition_ranges() r WHERE r.partition_name = p_partition_name;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit.% is not a monthly partition of audit.events', p_partition_name
      USING ERRCODE = 'undefined_table';
  END IF;
  IF target.range_end > cutoff THEN
    RAISE EXCEPTION 'audit.% covers events until %, which is less than seven years ago', p_partition_name, target.range_end
      USING ERRCODE = 'insufficient_privilege',
            HINT = format('It can be dropped after %s.', target.range_end + interval '7 years');
  END IF;

  EXECUTE format('SELECT count(*) AS n, min(id) AS first_id, max(id) AS last_id FROM audit.%I', p_partition_name)
    INTO stats;
  IF stats.n > 0 THEN
    -- The chain stays verifiable only if this month contains its oldest events, so no other
    -- month may contain a smaller id. That happens only if the server clock went backwards or
    -- the owner inserted a backdated event.
    SELECT count(*) INTO earlier_or_same FROM audit.events e WHERE e.id <= stats.last_id;
    IF earlier_or_same <> stats.n THEN
      RAISE EXCEPTION 'audit.% is not the start of the chain: % events with smaller ids are in other months',
        p_partition_name, earlier_or_same - stats.n
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
  END IF;

  EXECUTE format('INSERT INTO audit.dropped_partitions
                    (partition_name, range_start, range_end, event_count, first_id, last_id, last_hash)
                  SELECT $1, $2, $3, $4, $5, $6, (SELECT hash FROM audit.%I WHERE id = $6)', p_partition_name)
    USING p_partition_name, target.range_start, target.range_end, stats.n, stats.first_id, stats.last_id;
  EXECUTE format('DROP TABLE audit.%I', p_partition_name);
  RETURN stats.n;
END
$$;

-- Drops, oldest first, every monthly partition whose month ended at least seven years ago.
-- Rows waiting in the default partition first move to their own month, so they expire too.
CREATE FUNCTION audit.drop_expired_partitions()
  RETURNS TABLE (partition_name name, range_start timestamptz, range_end timestamptz, event_count bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
  expired record;
BEGIN
  PERFORM audit.ensure_partitions(0);
  FOR expired IN
    SELECT r.partition_name, r.range_start, r.range_end FROM audit.partition_ranges() r
    WHERE r.range_end <= now() - interval '7 years'
    ORDER BY r.range_start
  LOOP
    partition_name := expired.partition_name;
    range_start := expired.range_start;
    range_end := expired.range_end;
    event_count := audit.drop_partition(expired.partition_name);
    RETURN NEXT;
  END LOOP;
END
$$;

-- Rows keep their hashes and ids; the triggers come after the copy so that nothing is re-chained.
SELECT audit.create_month_partition(month)
FROM (SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month
      FROM audit.events_unpartitioned) AS months;
INSERT INTO audit.events SELECT * FROM audit.events_unpartitioned ORDER BY id;
DROP TABLE audit.events_unpartitioned;

CREATE TRIGGER events_lock_chain BEFORE INSERT ON audit.events
  FOR EACH STATEMENT EXECUTE FUNCTION audit.lock_chain();
CREATE TRIGGER events_chain BEFORE INSERT ON audit.events
  FOR EACH ROW EXECUTE FUNCTION audit.chain_event();
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON audit.events
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON audit.events
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
SELECT audit.protect_partition('events_default');

SELECT audit.ensure_partitions(3);

-- clockin_app inserts only the columns that describe the event; the trigger fills the rest.
-- Partitions carry no grants, so the runtime roles reach rows only through audit.events.
REVOKE ALL ON audit.events, audit.events_default, audit.chain_head, audit.dropped_partitions FROM PUBLIC;
GRANT SELECT ON audit.events TO clockin_app;
GRANT INSERT (actor_id, actor_role, action, target_type, target_id, organization_id, district_id, request_id, details)
  ON audit.events TO clockin_app;

ALTER TABLE audit.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.events FORCE ROW LEVEL SECURITY;
CREATE POLICY events_insert ON audit.events FOR INSERT TO clockin_app
  WITH CHECK (actor_id IS NOT DISTINCT FROM app.current_user_id());
CREATE POLICY events_staff_read ON audit.events FOR SELECT TO clockin_app USING (app.is_staff());
CREATE POLICY events_owner ON audit.events TO clockin_owner USING (true) WITH CHECK (true);

-- Functions are executable by PUBLIC unless revoked.
REVOKE ALL ON FUNCTION audit.lock_chain(), audit.chain_event(), audit.partition_ranges(),
  audit.protect_partition(name), audit.create_month_partition(date), audit.ensure_partitions(integer),
  audit.drop_partition(text), audit.drop_expired_partitions() FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO clockin_retention;
GRANT EXECUTE ON FUNCTION audit.ensure_partitions(integer), audit.drop_partition(text),
  audit.drop_expired_partitions() TO clockin_retention;
