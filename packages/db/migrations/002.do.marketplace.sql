-- Students, organizations, listings and applications, each behind row-level security.
-- Actor roles in clockin.actor_role: student, employer, staff, district_admin, anonymous.

CREATE FUNCTION app.is_staff() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(app.current_actor_role() = 'staff', false) $$;

-- Students. Names, school and grade live here; the birthdate and contact details live in
-- their own tables so that an employer's read access to a name never reaches them.
CREATE TABLE app.students (
  user_id uuid PRIMARY KEY,
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  school_id text NOT NULL REFERENCES app.schools (id),
  -- Copied from the school so district policies need no join; empty for schools without one.
  district_id text REFERENCES app.districts (id),
  grade_level text NOT NULL CHECK (grade_level IN ('9', '10', '11', '12', 'graduated')),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX students_district_id_idx ON app.students (district_id, created_at);

CREATE TABLE app.student_birthdates (
  user_id uuid PRIMARY KEY REFERENCES app.students (user_id) ON DELETE CASCADE,
  birthdate date NOT NULL
);

CREATE TABLE app.student_contacts (
  user_id uuid PRIMARY KEY REFERENCES app.students (user_id) ON DELETE CASCADE,
  email text NOT NULL,
  phone text
);

CREATE TABLE app.organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  legal_name text NOT NULL,
  trading_name text NOT NULL,
  ein text NOT NULL CHECK (ein ~ '^[0-9]{2}-[0-9]{7}$'),
  address_line text NOT NULL,
  city text NOT NULL,
  zip text NOT NULL,
  phone text NOT NULL,
  website text,
  industry text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected', 'suspended')),
  rejection_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);

CREATE TABLE app.organization_members (
  organization_id uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user_id_idx ON app.organization_members (user_id);

CREATE TABLE app.listings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES app.organizations (id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
  description text NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
  pay_min_cents integer NOT NULL CHECK (pay_min_cents > 0),
  pay_max_cents integer CHECK (pay_max_cents IS NULL OR pay_max_cents >= pay_min_cents),
  pay_unit text NOT NULL CHECK (pay_unit IN ('hour', 'shift', 'week')),
  address_line text NOT NULL,
  city text NOT NULL,
  zip text NOT NULL REFERENCES app.zip_centroids (zip),
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  schedule jsonb NOT NULL,
  status text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('draft', 'submitted', 'published', 'rejected', 'closed', 'filled', 'expired')),
  rejection_reason text,
  created_by uuid NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, organization_id)
);
CREATE INDEX listings_organization_id_idx ON app.listings (organization_id, created_at DESC);
CREATE INDEX listings_published_idx ON app.listings (published_at DESC) WHERE status = 'published';
CREATE INDEX listings_review_queue_idx ON app.listings (created_at) WHERE status = 'submitted';

CREATE TABLE app.applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  listing_id uuid NOT NULL,
  student_id uuid NOT NULL REFERENCES app.students (user_id) ON DELETE CASCADE,
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
  status text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared', 'hired', 'not_selected', 'withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (listing_id, student_id),
  -- The organization on an application is always the listing's organization.
  FOREIGN KEY (listing_id, organization_id) REFERENCES app.listings (id, organization_id)
);
CREATE INDEX applications_organization_id_idx ON app.applications (organization_id, listing_id, created_at);
CREATE INDEX applications_student_id_idx ON app.applications (student_id, created_at DESC);

GRANT SELECT, INSERT, UPDATE ON app.students, app.student_birthdates, app.student_contacts,
  app.organizations, app.organization_members, app.listings, app.applications TO clockin_app;
GRANT DELETE ON app.organization_members TO clockin_app;

-- Policies. Each table is forced, so even its owner passes through them; the owner gets an
-- explicit maintenance policy because migrations and the reference loader run as the owner.
ALTER TABLE app.students ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.students FORCE ROW LEVEL SECURITY;
CREATE POLICY students_self ON app.students
  USING (user_id = app.current_user_id())
  WITH CHECK (user_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY students_staff ON app.students USING (app.is_staff()) WITH CHECK (app.is_staff());
-- An employer sees a student's name and school only through an application to its organization.
CREATE POLICY students_applicant ON app.students FOR SELECT USING (
  app.current_actor_role() = 'employer' AND deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM app.applications a
    WHERE a.student_id = students.user_id
      AND a.organization_id = app.current_organization_id()
      AND a.status <> 'withdrawn'));
CREATE POLICY students_district ON app.students FOR SELECT USING (
  app.current_actor_role() = 'district_admin' AND deleted_at IS NULL AND district_id = app.current_district_id());
CREATE POLICY students_owner ON app.students TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.student_birthdates ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.student_birthdates FORCE ROW LEVEL SECURITY;
CREATE POLICY student_birthdates_self ON app.student_birthdates
  USING (user_id = app.current_user_id())
  WITH CHECK (user_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY student_birthdates_staff ON app.student_birthdates FOR SELECT USING (app.is_staff());
CREATE POLICY student_birthdates_owner ON app.student_birthdates TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.student_contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.student_contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY student_contacts_self ON app.student_contacts
  USING (user_id = app.current_user_id())
  WITH CHECK (user_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY student_contacts_staff ON app.student_contacts FOR SELECT USING (app.is_staff());
-- Contact details reach an employer only while the student shares them on an application.
CREATE POLICY student_contacts_shared ON app.student_contacts FOR SELECT USING (
  app.current_actor_role() = 'employer' AND EXISTS (
    SELECT 1 FROM app.applications a
    WHERE a.student_id = student_contacts.user_id
      AND a.organization_id = app.current_organization_id()
      AND a.status IN ('contact_shared', 'hired')));
CREATE POLICY student_contacts_owner ON app.student_contacts TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_public ON app.organizations FOR SELECT USING (status = 'verified');
CREATE POLICY organizations_member ON app.organizations
  USING (id = app.current_organization_id())
  WITH CHECK (id = app.current_organization_id());
CREATE POLICY organizations_membership ON app.organizations FOR SELECT USING (EXISTS (
  SELECT 1 FROM app.organization_members m
  WHERE m.organization_id = organizations.id AND m.user_id = app.current_user_id()));
CREATE POLICY organizations_register ON app.organizations FOR INSERT
  WITH CHECK (app.current_actor_role() = 'employer' AND status = 'pending');
CREATE POLICY organizations_staff ON app.organizations USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY organizations_owner ON app.organizations TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.organization_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organization_members FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_members_tenant ON app.organization_members
  USING (organization_id = app.current_organization_id())
  WITH CHECK (organization_id = app.current_organization_id());
CREATE POLICY organization_members_self ON app.organization_members FOR SELECT
  USING (user_id = app.current_user_id());
CREATE POLICY organization_members_staff ON app.organization_members USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY organization_members_owner ON app.organization_members TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.listings ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.listings FORCE ROW LEVEL SECURITY;
CREATE POLICY listings_public ON app.listings FOR SELECT USING (
  status = 'published' AND EXISTS (
    SELECT 1 FROM app.organizations o WHERE o.id = listings.organization_id AND o.status = 'verified'));
CREATE POLICY listings_tenant ON app.listings
  USING (organization_id = app.current_organization_id())
  WITH CHECK (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer');
-- Students keep seeing the listings they applied to after those close.
CREATE POLICY listings_applicant ON app.listings FOR SELECT USING (
  app.current_actor_role() = 'student' AND EXISTS (
    SELECT 1 FROM app.applications a WHERE a.listing_id = listings.id AND a.student_id = app.current_user_id()));
CREATE POLICY listings_staff ON app.listings USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY listings_owner ON app.listings TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.applications FORCE ROW LEVEL SECURITY;
CREATE POLICY applications_student ON app.applications
  USING (student_id = app.current_user_id() AND app.current_actor_role() = 'student')
  WITH CHECK (student_id = app.current_user_id() AND app.current_actor_role() = 'student');
CREATE POLICY applications_tenant ON app.applications
  USING (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer')
  WITH CHECK (organization_id = app.current_organization_id() AND app.current_actor_role() = 'employer');
CREATE POLICY applications_staff ON app.applications USING (app.is_staff()) WITH CHECK (app.is_staff());
CREATE POLICY applications_owner ON app.applications TO clockin_owner USING (true) WITH CHECK (true);

-- The employer-facing age band. It reads the birthdate as the owner but returns only the
-- band, and only for a student whose application the caller can already see.
CREATE FUNCTION app.applicant_age_band(student uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = app, pg_temp AS $$
  SELECT CASE
      WHEN age_years >= 18 THEN '18+'
      WHEN age_years >= 16 THEN '16–17'
      ELSE '15'
    END
  FROM (
    SELECT date_part('year', age((now() AT TIME ZONE 'America/New_York')::date, b.birthdate))::int AS age_years
    FROM app.student_birthdates b
    WHERE b.user_id = student
      AND EXISTS (
        SELECT 1 FROM app.applications a
        WHERE a.student_id = student
          AND (a.organization_id = app.current_organization_id() OR a.student_id = app.current_user_id() OR app.is_staff()))
  ) ages
$$;
REVOKE ALL ON FUNCTION app.applicant_age_band(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.applicant_age_band(uuid) TO clockin_app;

-- The applicant projection: the only shape in which an employer reads a student. It runs
-- with the caller's rights, so the policies above decide which rows and contacts appear.
CREATE VIEW app.applicant_projection WITH (security_invoker = true) AS
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
  c.phone AS contact_phone
FROM app.applications a
JOIN app.students s ON s.user_id = a.student_id AND s.deleted_at IS NULL
JOIN app.schools sc ON sc.id = s.school_id
LEFT JOIN app.student_contacts c ON c.user_id = a.student_id AND a.status IN ('contact_shared', 'hired');
GRANT SELECT ON app.applicant_projection TO clockin_app;
