-- Listing lifecycle and search: category, season, positions and closing date; the times of
-- each lifecycle step; and what search filters on, kept current by the database itself.
--
-- Lifecycle: draft -> submitted -> published (staff approval) or rejected -> closed, filled or
-- expired. A listing expires at the end of its closing date (Ohio time) or 60 days after it was
-- first published, whichever comes first; app.expire_listings applies that rule.

ALTER TABLE app.listings
  ADD COLUMN category text NOT NULL DEFAULT 'other' CHECK (category IN (
    'food-service', 'retail', 'grocery', 'office', 'recreation', 'childcare', 'outdoor', 'other')),
  ADD COLUMN season text NOT NULL DEFAULT 'both' CHECK (season IN ('school-year', 'summer', 'both')),
  ADD COLUMN positions smallint NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 50),
  -- Last day on which the listing takes applications. NULL leaves only the 60-day limit.
  ADD COLUMN closing_date date,
  -- When the listing last entered the review queue.
  ADD COLUMN submitted_at timestamptz,
  -- The first approval starts the 60-day limit; later approvals after an edit do not restart it.
  ADD COLUMN first_published_at timestamptz,
  -- When the listing was closed, filled or expired.
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector;

UPDATE app.listings SET submitted_at = created_at WHERE status <> 'draft';
UPDATE app.listings SET first_published_at = published_at WHERE published_at IS NOT NULL;
UPDATE app.listings SET closed_at = updated_at WHERE status IN ('closed', 'filled', 'expired');

-- Minutes worked in one shift of a weekly schedule: its length, across midnight when it ends
-- before it starts, less the unpaid break. Times are HH:MM, as the API validates them.
CREATE FUNCTION app.shift_worked_minutes(shift jsonb) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (((split_part(shift->>'end', ':', 1)::int * 60 + split_part(shift->>'end', ':', 2)::int)
          - (split_part(shift->>'start', ':', 1)::int * 60 + split_part(shift->>'start', ':', 2)::int)
          + 1440) % 1440)
         - coalesce((shift->>'breakMinutes')::int, 0)
$$;

-- The lowest pay per hour worked, in cents, that the listing guarantees: the minimum pay for
-- hourly listings, the minimum per-shift pay over the longest shift, or the minimum weekly pay
-- over the week's worked hours. NULL when the schedule has no worked time.
CREATE FUNCTION app.listing_hourly_pay_cents(pay_min_cents integer, pay_unit text, schedule jsonb)
  RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE pay_unit
    WHEN 'hour' THEN pay_min_cents
    WHEN 'shift' THEN (
      SELECT floor(pay_min_cents * 60.0 / nullif(max(app.shift_worked_minutes(shift)), 0))::int
      FROM jsonb_array_elements(schedule) AS shift)
    WHEN 'week' THEN (
      SELECT floor(pay_min_cents * 60.0 / nullif(sum(app.shift_worked_minutes(shift)), 0))::int
      FROM jsonb_array_elements(schedule) AS shift)
  END
$$;

-- After school: a shift on a weekday (Monday to Friday) that starts at or after 15:00.
CREATE FUNCTION app.schedule_has_after_school_shift(schedule jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM jsonb_array_elements(schedule) AS shift
    WHERE (shift->>'day')::int BETWEEN 1 AND 5 AND shift->>'start' >= '15:00')
$$;

-- Weekends: a shift on Saturday (6) or Sunday (0).
CREATE FUNCTION app.schedule_has_weekend_shift(schedule jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM jsonb_array_elements(schedule) AS shift WHERE (shift->>'day')::int IN (0, 6))
$$;

ALTER TABLE app.listings
  ADD COLUMN hourly_pay_cents integer
    GENERATED ALWAYS AS (app.listing_hourly_pay_cents(pay_min_cents, pay_unit, schedule)) STORED,
  ADD COLUMN has_after_school_shift boolean NOT NULL
    GENERATED ALWAYS AS (app.schedule_has_after_school_shift(schedule)) STORED,
  ADD COLUMN has_weekend_shift boolean NOT NULL
    GENERATED ALWAYS AS (app.schedule_has_weekend_shift(schedule)) STORED;

-- The weighted text that search matches: title (A), employer trading name (B), description (C).
CREATE FUNCTION app.listing_search_document(title text, employer_name text, description text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(employer_name, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;

-- Keeps a listing's derived columns current on every write. It reads the trading name as the
-- owner, so the document is complete whichever role or request context writes the listing.
CREATE FUNCTION app.listings_derive() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $$
BEGIN
  NEW.first_published_at := coalesce(NEW.first_published_at, NEW.published_at);
  -- Rows written without the API, such as seeded ones, still get a place in the review order.
  IF NEW.status <> 'draft' AND NEW.submitted_at IS NULL THEN
    NEW.submitted_at := CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE now() END;
  END IF;
  IF TG_OP = 'INSERT'
     OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.description IS DISTINCT FROM OLD.description
     OR NEW.organization_id IS DISTINCT FROM OLD.organization_id THEN
    NEW.search_document := app.listing_search_document(
      NEW.title,
      (SELECT o.trading_name FROM app.organizations o WHERE o.id = NEW.organization_id),
      NEW.description);
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.listings_derive() FROM PUBLIC;

CREATE TRIGGER listings_derive BEFORE INSERT OR UPDATE ON app.listings
  FOR EACH ROW EXECUTE FUNCTION app.listings_derive();

-- A renamed organization's listings are found under the new name at once.
CREATE FUNCTION app.organizations_rename_listings() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $$
BEGIN
  UPDATE app.listings l
  SET search_document = app.listing_search_document(l.title, NEW.trading_name, l.description)
  WHERE l.organization_id = NEW.id;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION app.organizations_rename_listings() FROM PUBLIC;

CREATE TRIGGER organizations_rename_listings AFTER UPDATE OF trading_name ON app.organizations
  FOR EACH ROW WHEN (OLD.trading_name IS DISTINCT FROM NEW.trading_name)
  EXECUTE FUNCTION app.organizations_rename_listings();

UPDATE app.listings l
SET search_document = app.listing_search_document(l.title, o.trading_name, l.description)
FROM app.organizations o
WHERE o.id = l.organization_id;

-- Great-circle distance in statute miles (haversine, mean Earth radius 3,958.8 miles). The
-- earthdistance extension would need a superuser to install, and the migration role is not one.
CREATE FUNCTION app.distance_miles(latitude1 double precision, longitude1 double precision,
                                   latitude2 double precision, longitude2 double precision)
  RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT 2 * 3958.8 * asin(least(1, sqrt(
    power(sin(radians(latitude2 - latitude1) / 2), 2)
    + cos(radians(latitude1)) * cos(radians(latitude2)) * power(sin(radians(longitude2 - longitude1) / 2), 2))))
$$;

-- Full-text search, the distance filter's bounding box, expiry and the review queue. The box
-- uses plain float comparisons, which PostgreSQL marks leakproof, so the location index still
-- serves queries that row-level security applies to.
CREATE INDEX listings_search_document_idx ON app.listings USING gin (search_document);
CREATE INDEX listings_location_idx ON app.listings (latitude, longitude) WHERE status = 'published';
CREATE INDEX listings_expiry_idx ON app.listings (first_published_at) WHERE status = 'published';
CREATE INDEX listings_submitted_idx ON app.listings (submitted_at, id) WHERE status = 'submitted';

-- Published listings of verified organizations whose text matches `search_text` (web search
-- syntax), with their rank. ts_rank_cd weighs A, B and C matches 1.0, 0.4 and 0.2; unlike
-- ts_rank, it still ranks queries that exclude a word (`kayak -dock`). Under row-level security PostgreSQL evaluates the policies before
-- any operator that is not leakproof, and the text match operator (@@) is not, so a query of
-- clockin_app could never read the GIN index. This function runs as the owner, whose policy
-- passes every row, and applies the public listing policy's rule itself. It returns only ids
-- and ranks of listings that anyone may read; callers join them back to app.listings, where the
-- caller's own policies apply again.
CREATE FUNCTION app.listing_text_matches(search_text text)
  RETURNS TABLE (listing_id uuid, rank real)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  SELECT l.id, ts_rank_cd(l.search_document, websearch_to_tsquery('english'::regconfig, search_text))
  FROM app.listings l
  JOIN app.organizations o ON o.id = l.organization_id
  WHERE l.search_document @@ websearch_to_tsquery('english'::regconfig, search_text)
    AND l.status = 'published'
    AND o.status = 'verified'
$$;
REVOKE ALL ON FUNCTION app.listing_text_matches(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.listing_text_matches(text) TO clockin_app;

-- Expires every listing that is due at `as_of`: published or submitted listings whose closing
-- date has passed in Ohio, and published listings first published 60 or more days earlier.
-- Each one gets an audit event by the system actor. Runs as the owner, so the scheduled job
-- needs no request context; it changes nothing but the status and closing time of due rows.
CREATE FUNCTION app.expire_listings(as_of timestamptz)
  RETURNS TABLE (expired_listing_id uuid, expired_organization_id uuid, expiry_reason text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $$
DECLARE
  ohio_today date := (as_of AT TIME ZONE 'America/New_York')::date;
BEGIN
  RETURN QUERY
  WITH due AS (
    SELECT l.id,
           CASE WHEN l.closing_date < ohio_today THEN 'closing_date' ELSE 'publication_limit' END AS why
    FROM app.listings l
    WHERE (l.status IN ('published', 'submitted') AND l.closing_date < ohio_today)
       OR (l.status = 'published' AND l.first_published_at <= as_of - interval '60 days')
    FOR UPDATE
  ),
  expired AS (
    UPDATE app.listings l
    SET status = 'expired', closed_at = as_of, updated_at = now()
    FROM due
    WHERE l.id = due.id
    RETURNING l.id, l.organization_id, due.why
  ),
  audited AS (
    INSERT INTO audit.events (actor_id, actor_role, action, target_type, target_id, organization_id, details)
    SELECT NULL, 'system', 'listing.expired', 'listing', e.id::text, e.organization_id,
           jsonb_build_object('reason', e.why)
    FROM expired e
    RETURNING 1
  )
  SELECT e.id, e.organization_id, e.why FROM expired e;
END
$$;
REVOKE ALL ON FUNCTION app.expire_listings(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.expire_listings(timestamptz) TO clockin_app;
