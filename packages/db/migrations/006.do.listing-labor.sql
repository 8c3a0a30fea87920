-- What Ohio law allows on each listing. The API computes the summary with the labor engine
-- whenever a listing is saved; the band arrays repeat its result so search can filter on it.

ALTER TABLE app.listings
  ADD COLUMN duties text[] NOT NULL DEFAULT '{}' CHECK (cardinality(duties) <= 40),
  ADD COLUMN minimum_age smallint NOT NULL DEFAULT 15 CHECK (minimum_age IN (15, 16, 18)),
  ADD COLUMN starts_on date,
  ADD COLUMN labor_summary jsonb,
  -- Bands that may work at least one shift in a typical school week and summer week.
  ADD COLUMN school_year_bands text[] NOT NULL DEFAULT '{}',
  ADD COLUMN summer_bands text[] NOT NULL DEFAULT '{}';

-- Indexes of the listing's shifts that the applicant may legally work, worked out for their age
-- when they applied. Employers see the shifts, never the age behind them.
ALTER TABLE app.applications
  ADD COLUMN legal_shifts smallint[] NOT NULL DEFAULT '{}';

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
LEFT JOIN app.student_contacts c ON c.user_id = a.student_id AND a.status IN ('contact_shared', 'hired');

-- Search pages by (published_at, id), newest first. The cursor carries published_at in
-- milliseconds, as JavaScript dates do, so stored times are cut to milliseconds too: otherwise
-- a row published within the same millisecond as a page's last row would be skipped.
CREATE FUNCTION app.truncate_published_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.published_at := date_trunc('milliseconds', NEW.published_at);
  RETURN NEW;
END
$$;
CREATE TRIGGER listings_published_at_milliseconds BEFORE INSERT OR UPDATE OF published_at ON app.listings
  FOR EACH ROW EXECUTE FUNCTION app.truncate_published_at();
UPDATE app.listings SET published_at = date_trunc('milliseconds', published_at) WHERE published_at IS NOT NULL;

DROP INDEX app.listings_published_idx;
CREATE INDEX listings_published_idx ON app.listings (published_at DESC, id DESC) WHERE status = 'published';
