-- District partnerships: which districts have signed a data processing agreement, what their
-- administrators may read, and the export jobs they start.
--
-- A district administrator reads only while three things hold, checked by
-- app.district_access_granted(): the request acts as district_admin, the user is a member of the
-- district in clockin.district_id, and that district's partnership has not ended. Ending a
-- partnership therefore hides every district row at once, without touching tokens.

CREATE TABLE app.district_partnerships (
  district_id text PRIMARY KEY REFERENCES app.districts (id),
  agreement_signed_on date NOT NULL,
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
  contact_phone text CHECK (contact_phone IS NULL OR length(contact_phone) BETWEEN 7 AND 30),
  started_at timestamptz NOT NULL DEFAULT now(),
  started_by uuid NOT NULL,
  ended_at timestamptz,
  ended_by uuid,
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);

-- Reads membership and partnership as the owner, so the policies below can call it without
-- recursing into their own table's policies.
CREATE FUNCTION app.district_access_granted() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  SELECT coalesce(app.current_actor_role() = 'district_admin', false)
    AND EXISTS (
      SELECT 1 FROM app.district_members m
      WHERE m.district_id = app.current_district_id() AND m.user_id = app.current_user_id())
    AND EXISTS (
      SELECT 1 FROM app.district_partnerships p
      WHERE p.district_id = app.current_district_id() AND p.ended_at IS NULL)
$$;
REVOKE ALL ON FUNCTION app.district_access_granted() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.district_access_granted() TO clockin_app;

GRANT SELECT, INSERT, UPDATE ON app.district_partnerships TO clockin_app;
ALTER TABLE app.district_partnerships ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.district_partnerships FORCE ROW LEVEL SECURITY;
-- (SELECT ...) makes the planner evaluate the access check once per statement, not per row.
CREATE POLICY district_partnerships_district ON app.district_partnerships FOR SELECT USING (
  district_id = app.current_district_id() AND (SELECT app.district_access_granted()));
CREATE POLICY district_partnerships_staff ON app.district_partnerships USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY district_partnerships_owner ON app.district_partnerships TO clockin_owner USING (true) WITH CHECK (true);

-- Replaces the district policies of migrations 002 and 004, which checked only the role and
-- the district id, with ones that also need membership and an active partnership.
DROP POLICY students_district ON app.students;
CREATE POLICY students_district ON app.students FOR SELECT USING (
  district_id = app.current_district_id() AND deleted_at IS NULL AND (SELECT app.district_access_granted()));

DROP POLICY district_members_district ON app.district_members;
CREATE POLICY district_members_district ON app.district_members FOR SELECT USING (
  district_id = app.current_district_id() AND (SELECT app.district_access_granted()));

-- Export jobs. The worker updates progress in the requesting administrator's own context, so
-- the same policy covers the request, the job and the download.
CREATE TABLE app.district_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id text NOT NULL REFERENCES app.districts (id),
  requested_by uuid NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'json')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  total_students integer CHECK (total_students >= 0),
  students_written integer NOT NULL DEFAULT 0 CHECK (students_written >= 0),
  byte_size bigint CHECK (byte_size >= 0),
  failure_reason text CHECK (length(failure_reason) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  completed_at timestamptz,
  expires_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'completed' OR (completed_at IS NOT NULL AND expires_at IS NOT NULL))
);
CREATE INDEX district_exports_district_id_idx ON app.district_exports (district_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON app.district_exports TO clockin_app;
ALTER TABLE app.district_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.district_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY district_exports_district ON app.district_exports
  USING (district_id = app.current_district_id() AND (SELECT app.district_access_granted()))
  WITH CHECK (
    district_id = app.current_district_id() AND requested_by = app.current_user_id()
    AND (SELECT app.district_access_granted()));
CREATE POLICY district_exports_owner ON app.district_exports TO clockin_owner USING (true) WITH CHECK (true);

-- The district's students' age bands, never their birthdates. p_students limits the result to
-- some students (a page of the list, a batch of an export); NULL means every student. The two
-- branches let the planner use the primary key for a list of ids: a single `p_students IS NULL
-- OR user_id = ANY (p_students)` condition makes the function's generic plan scan the district.
CREATE FUNCTION app.district_age_bands(p_students uuid[] DEFAULT NULL)
  RETURNS TABLE (student_id uuid, age_band text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  WITH chosen AS (
    SELECT s.user_id FROM app.students s
    WHERE p_students IS NULL AND s.district_id = app.current_district_id() AND s.deleted_at IS NULL
    UNION ALL
    SELECT s.user_id FROM unnest(p_students) AS ids (id) JOIN app.students s ON s.user_id = ids.id
    WHERE s.district_id = app.current_district_id() AND s.deleted_at IS NULL
  ), ages AS (
    SELECT b.user_id,
           date_part('year', age((now() AT TIME ZONE 'America/New_York')::date, b.birthdate))::int AS age_years
    FROM chosen JOIN app.student_birthdates b ON b.user_id = chosen.user_id
    WHERE (SELECT app.district_access_granted())
  )
  SELECT ages.user_id,
         CASE WHEN ages.age_years >= 18 THEN '18+' WHEN ages.age_years >= 16 THEN '16–17' ELSE '15' END
  FROM ages
$$;
REVOKE ALL ON FUNCTION app.district_age_bands(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.district_age_bands(uuid[]) TO clockin_app;

-- The district's students' applications with the listing title and employer name. The
-- application message is not a column here, and district administrators have no policy on
-- app.applications, so message text never reaches them. Two branches, as above.
CREATE FUNCTION app.district_applications(p_students uuid[] DEFAULT NULL)
  RETURNS TABLE (
    application_id uuid, student_id uuid, listing_id uuid, listing_title text, employer_name text,
    status text, created_at timestamptz, updated_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  WITH chosen AS (
    SELECT s.user_id FROM app.students s
    WHERE p_students IS NULL AND s.district_id = app.current_district_id() AND s.deleted_at IS NULL
    UNION ALL
    SELECT s.user_id FROM unnest(p_students) AS ids (id) JOIN app.students s ON s.user_id = ids.id
    WHERE s.district_id = app.current_district_id() AND s.deleted_at IS NULL
  )
  SELECT a.id, a.student_id, a.listing_id, l.title, o.trading_name, a.status, a.created_at, a.updated_at
  FROM chosen
  JOIN app.applications a ON a.student_id = chosen.user_id
  JOIN app.listings l ON l.id = a.listing_id
  JOIN app.organizations o ON o.id = a.organization_id
  WHERE (SELECT app.district_access_granted())
$$;
REVOKE ALL ON FUNCTION app.district_applications(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.district_applications(uuid[]) TO clockin_app;

-- The district list and the exports page through students by name.
CREATE INDEX students_district_name_idx ON app.students (district_id, family_name, given_name, user_id)
  WHERE deleted_at IS NULL;
