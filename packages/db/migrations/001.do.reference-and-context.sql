-- Schemas, request context helpers and Ohio reference data.
-- The migration role (clockin_owner) owns everything; clockin_app only reads and writes rows
-- that row-level security lets through.

CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO clockin_app;

-- The API sets these per transaction with set_config(name, value, true). A missing setting
-- reads as NULL, and every policy compares against it, so no context means no rows.
CREATE FUNCTION app.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('clockin.user_id', true), '')::uuid $$;
CREATE FUNCTION app.current_actor_role() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('clockin.actor_role', true), '') $$;
CREATE FUNCTION app.current_organization_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('clockin.organization_id', true), '')::uuid $$;
CREATE FUNCTION app.current_district_id() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('clockin.district_id', true), '') $$;

CREATE TABLE app.districts (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{6}$'),
  name text NOT NULL,
  county text NOT NULL,
  -- Derived from the district's school locations; empty for the few districts without schools.
  city text
);

CREATE TABLE app.schools (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{12}$'),
  name text NOT NULL,
  -- A handful of 2024-25 charter schools have no district IRN in the public data yet.
  district_id text REFERENCES app.districts (id),
  city text NOT NULL,
  zip text,
  grades text NOT NULL
);
CREATE INDEX schools_district_id_idx ON app.schools (district_id);
CREATE INDEX schools_name_lower_idx ON app.schools (lower(name) text_pattern_ops);

CREATE TABLE app.zip_centroids (
  zip text PRIMARY KEY CHECK (zip ~ '^[0-9]{5}$'),
  latitude double precision NOT NULL,
  longitude double precision NOT NULL,
  -- Supplement rows come from a 2-decimal source and are less precise than Census ZCTA points.
  approximate boolean NOT NULL DEFAULT false
);

GRANT SELECT ON app.districts, app.schools, app.zip_centroids TO clockin_app;

-- Reference data is public: everyone reads it, only the owner writes it.
ALTER TABLE app.districts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.districts FORCE ROW LEVEL SECURITY;
CREATE POLICY districts_read ON app.districts FOR SELECT USING (true);
CREATE POLICY districts_owner ON app.districts TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.schools ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.schools FORCE ROW LEVEL SECURITY;
CREATE POLICY schools_read ON app.schools FOR SELECT USING (true);
CREATE POLICY schools_owner ON app.schools TO clockin_owner USING (true) WITH CHECK (true);

ALTER TABLE app.zip_centroids ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.zip_centroids FORCE ROW LEVEL SECURITY;
CREATE POLICY zip_centroids_read ON app.zip_centroids FOR SELECT USING (true);
CREATE POLICY zip_centroids_owner ON app.zip_centroids TO clockin_owner USING (true) WITH CHECK (true);
