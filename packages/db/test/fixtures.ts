import pg from 'pg';

/** Ids of the rows that `seedTwoOrganizations` writes. */
export interface TwoOrganizations {
  organizationA: string;
  organizationB: string;
  listingA: string;
  listingB: string;
  studentId: string;
  applicationA: string;
  /** The student's district, and another district with no students. */
  studentDistrictId: string;
  otherDistrictId: string;
}

const schedule = JSON.stringify([{ day: 1, start: '16:00', end: '19:00', breakMinutes: 0 }]);

/** Writes two verified organizations with a listing each and one student who applied to A. */
export async function seedTwoOrganizations(ownerUrl: string): Promise<TwoOrganizations> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const ids = {
      organizationA: crypto.randomUUID(),
      organizationB: crypto.randomUUID(),
      listingA: crypto.randomUUID(),
      listingB: crypto.randomUUID(),
      studentId: crypto.randomUUID(),
      applicationA: crypto.randomUUID(),
    };
    for (const [id, name] of [
      [ids.organizationA, 'Alpha Diner'],
      [ids.organizationB, 'Beta Books'],
    ]) {
      await owner.query(
        `INSERT INTO app.organizations (id, legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
         VALUES ($1, $2, $2, '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0101', 'Food', 'verified')`,
        [id, name],
      );
    }
    for (const [id, organization] of [
      [ids.listingA, ids.organizationA],
      [ids.listingB, ids.organizationB],
    ]) {
      await owner.query(
        `INSERT INTO app.listings (id, organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                   latitude, longitude, schedule, status, created_by, published_at)
         VALUES ($1, $2, 'Dishwasher', 'Wash dishes after school.', 1200, 'hour', '1 Main St', 'Columbus', '43215',
                 39.96, -83.01, $3, 'published', $4, now())`,
        [id, organization, schedule, crypto.randomUUID()],
      );
    }
    await owner.query(
      `INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level)
       SELECT $1, 'Riley', 'Testcase', id, district_id, '10' FROM app.schools WHERE district_id IS NOT NULL ORDER BY id LIMIT 1`,
      [ids.studentId],
    );
    await owner.query(`INSERT INTO app.student_birthdates (user_id, birthdate) VALUES ($1, '2009-05-01')`, [
      ids.studentId,
    ]);
    await owner.query(
      `INSERT INTO app.student_contacts (user_id, email, phone) VALUES ($1, 'riley@example.test', '614-555-0199')`,
      [ids.studentId],
    );
    await owner.query(
      `INSERT INTO app.applications (id, organization_id, listing_id, student_id, message) VALUES ($1, $2, $3, $4, 'Hello there')`,
      [ids.applicationA, ids.organizationA, ids.listingA, ids.studentId],
    );
    const districts = await owner.query(
      `SELECT (SELECT district_id FROM app.students WHERE user_id = $1) AS student_district,
              (SELECT id FROM app.districts WHERE id <> (SELECT district_id FROM app.students WHERE user_id = $1)
               ORDER BY id LIMIT 1) AS other_district`,
      [ids.studentId],
    );
    return {
      ...ids,
      studentDistrictId: districts.rows[0].student_district as string,
      otherDistrictId: districts.rows[0].other_district as string,
    };
  } finally {
    await owner.end();
  }
}

/** Runs queries as the runtime role with a request context set the way the API sets it. */
export async function asRuntimeRole<T>(
  appUrl: string,
  context: { userId?: string; role?: string; organizationId?: string; districtId?: string },
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('clockin.user_id', $1, true), set_config('clockin.actor_role', $2, true),
              set_config('clockin.organization_id', $3, true), set_config('clockin.district_id', $4, true)`,
      [context.userId ?? '', context.role ?? '', context.organizationId ?? '', context.districtId ?? ''],
    );
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end();
  }
}

/**
 * Adds to `seedTwoOrganizations` one row to every other table that contains tenant or student
 * data, and rows that only a request context may reach: a pending organization and a listing
 * still waiting for review.
 */
export async function seedPrivateRows(ownerUrl: string, ids: TwoOrganizations): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    await owner.query(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       VALUES ('Gamma Garage LLC', 'Gamma Garage', '98-7654321', '9 Elm St', 'Dayton', '45402', '937-555-0102', 'Auto', 'pending')`,
    );
    await owner.query(
      `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                 latitude, longitude, schedule, status, created_by)
       VALUES ($1, 'Host', 'Greet guests at the door.', 1100, 'hour', '1 Main St', 'Columbus', '43215',
               39.96, -83.01, $2, 'submitted', $3)`,
      [ids.organizationA, schedule, crypto.randomUUID()],
    );
    for (const organization of [ids.organizationA, ids.organizationB]) {
      await owner.query(
        `INSERT INTO app.organization_members (organization_id, user_id, role, given_name, family_name, email)
         VALUES ($1, $2, 'admin', 'Morgan', 'Manager', 'manager@example.test')`,
        [organization, crypto.randomUUID()],
      );
      await owner.query(
        `INSERT INTO audit.events (actor_id, actor_role, action, target_type, target_id, organization_id)
         VALUES ($1, 'employer', 'listing.created', 'listing', NULL, $2)`,
        [crypto.randomUUID(), organization],
      );
      await owner.query(
        `INSERT INTO app.organization_duty_acknowledgements (organization_id, acknowledged_by, statement_version, duties)
         VALUES ($1, $2, 'ohio-minor-labor-2025-1', ARRAY['hours', 'breaks', 'work-permits', 'posting', 'records'])`,
        [organization, crypto.randomUUID()],
      );
      await owner.query(
        `INSERT INTO app.organization_invitations (organization_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, 'invitee@example.test', 'member', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), $2,
                 now() + interval '7 days')`,
        [organization, crypto.randomUUID()],
      );
    }
    await owner.query(
      `INSERT INTO app.district_members (district_id, user_id, role)
       SELECT district_id, $1, 'admin' FROM app.students WHERE user_id = $2`,
      [crypto.randomUUID(), ids.studentId],
    );
    await owner.query(
      `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
       SELECT district_id, current_date, 'Dana District', 'dana@example.test', $1 FROM app.students WHERE user_id = $2`,
      [crypto.randomUUID(), ids.studentId],
    );
    await owner.query(
      `INSERT INTO app.district_exports (district_id, requested_by, format)
       SELECT district_id, $1, 'csv' FROM app.students WHERE user_id = $2`,
      [crypto.randomUUID(), ids.studentId],
    );
    await owner.query(
      `INSERT INTO app.token_revocations (user_id, revoked_before, reason) VALUES ($1, now(), 'global-sign-out')`,
      [ids.studentId],
    );
    await owner.query(`INSERT INTO app.student_blocks (student_id, organization_id) VALUES ($1, $2)`, [
      ids.studentId,
      ids.organizationB,
    ]);
    const message = await owner.query<{ id: string }>(
      `INSERT INTO app.messages (organization_id, application_id, student_id, sender_id, sender_role, body)
       VALUES ($1, $2, $3, $3, 'student', 'When can I start?') RETURNING id`,
      [ids.organizationA, ids.applicationA, ids.studentId],
    );
    await owner.query(
      `INSERT INTO app.reports (reporter_id, reporter_role, target_type, organization_id, message_id, category)
       VALUES ($1, 'student', 'message', $2, $3, 'other')`,
      [ids.studentId, ids.organizationA, message.rows[0]?.id],
    );
    await owner.query(
      `INSERT INTO app.notifications (recipient_id, organization_id, kind, application_id)
       VALUES ($1, $2, 'application_status', $3)`,
      [ids.studentId, ids.organizationA, ids.applicationA],
    );
    await owner.query(
      `INSERT INTO app.account_deletions (user_id, account_type, source, purge_after)
       VALUES ($1, 'student', 'self', now() + interval '7 days')`,
      [crypto.randomUUID()],
    );
    await owner.query(
      `INSERT INTO app.deletion_requests (received_on, requester_email, recorded_by) VALUES (current_date, 'parent@example.test', $1)`,
      [crypto.randomUUID()],
    );
    await owner.query(`INSERT INTO app.personal_exports (user_id) VALUES ($1)`, [ids.studentId]);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  } finally {
    await owner.end();
  }
}

export interface SeededListing {
  id: string;
  organizationId: string;
  status: 'published' | 'submitted';
  applications: { id: string; studentId: string }[];
}

export interface SeededOrganization {
  id: string;
  listings: SeededListing[];
}

export interface ManyOrganizationsOptions {
  organizations: number;
  listingsPerOrganization: number;
  applicationsPerListing: number;
  students: number;
  /** `mixed` publishes three listings in four and leaves the rest waiting for review. */
  listingStatus: 'published' | 'submitted' | 'mixed';
  /** Writes one audit event per listing, with the listing's organization. */
  auditEvents: boolean;
}

/**
 * Writes verified organizations with listings, applicants with birthdates and contacts, and
 * applications spread evenly over the students, then analyzes the tables so that the planner
 * uses the new row counts. Publication and creation times are spread over the last 70 days.
 */
export async function seedManyOrganizations(
  ownerUrl: string,
  options: ManyOrganizationsOptions,
): Promise<SeededOrganization[]> {
  if (options.applicationsPerListing > options.students) {
    throw new Error(
      `Each listing needs ${options.applicationsPerListing} different students, but only ${options.students} are seeded: raise \`students\`.`,
    );
  }
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    const organizations = await owner.query<{ id: string }>(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       SELECT format('Employer %s LLC', n), format('Employer %s', n), '12-3456789', '1 Main St', 'Columbus', '43215',
              '614-555-0101', 'Food', 'verified'
       FROM generate_series(1, $1) AS n
       RETURNING id`,
      [options.organizations],
    );
    const organizationIds = organizations.rows.map((row) => row.id);

    const listings = await owner.query<{ id: string; organization_id: string; status: 'published' | 'submitted' }>(
      `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                 latitude, longitude, schedule, status, created_by, published_at, created_at)
       SELECT organization_id, format('Listing %s', n), 'Help out after school.', 1200, 'hour', '1 Main St', 'Columbus',
              '43215', 39.96, -83.01, $3, status, gen_random_uuid(),
              CASE WHEN status = 'published' THEN now() - make_interval(secs => random() * 6048000) END,
              now() - make_interval(secs => random() * 6048000)
       FROM (
         SELECT o.id AS organization_id, n,
                CASE $4::text
                  WHEN 'mixed' THEN CASE WHEN n % 4 = 0 THEN 'submitted' ELSE 'published' END
                  ELSE $4::text
                END AS status
         FROM unnest($1::uuid[]) AS o(id) CROSS JOIN generate_series(1, $2) AS n
       ) planned
       RETURNING id, organization_id, status`,
      [organizationIds, options.listingsPerOrganization, schedule, options.listingStatus],
    );

    const students = await owner.query<{ user_id: string }>(
      `WITH numbered_schools AS (
         SELECT id, district_id, row_number() OVER (ORDER BY id) - 1 AS position, count(*) OVER () AS total
         FROM app.schools WHERE district_id IS NOT NULL
       )
       INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level)
       SELECT gen_random_uuid(), 'Student', format('Number %s', n), s.id, s.district_id, '11'
       FROM generate_series(1, $1) AS n JOIN numbered_schools s ON s.position = n % s.total
       RETURNING user_id`,
      [options.students],
    );
    const studentIds = students.rows.map((row) => row.user_id);
    await owner.query(
      `INSERT INTO app.student_birthdates (user_id, birthdate)
       SELECT id, (current_date - interval '16 years')::date FROM unnest($1::uuid[]) AS s(id)`,
      [studentIds],
    );
    await owner.query(
      `INSERT INTO app.student_contacts (user_id, email)
       SELECT id, format('student%s@example.test', position) FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, position)`,
      [studentIds],
    );

    // Listing i takes students i*k .. i*k+k-1 (wrapping around), so no pair repeats.
    const applications = await owner.query<{ id: string; listing_id: string; student_id: string }>(
      `INSERT INTO app.applications (organization_id, listing_id, student_id, message)
       SELECT l.organization_id, l.id, ($3::uuid[])[1 + ((l.position - 1) * $4 + k) % cardinality($3::uuid[])],
              'I would like to work here after school.'
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS l(id, organization_id, position)
       CROSS JOIN generate_series(0, $4 - 1) AS k
       RETURNING id, listing_id, student_id`,
      [
        listings.rows.map((row) => row.id),
        listings.rows.map((row) => row.organization_id),
        studentIds,
        options.applicationsPerListing,
      ],
    );

    if (options.auditEvents) {
      await owner.query(
        `INSERT INTO audit.events (actor_id, actor_role, action, target_type, target_id, organization_id)
         SELECT created_by, 'employer', 'listing.created', 'listing', id::text, organization_id
         FROM app.listings WHERE id = ANY($1::uuid[])`,
        [listings.rows.map((row) => row.id)],
      );
    }
    await owner.query('COMMIT');
    await owner.query(
      `ANALYZE app.organizations, app.listings, app.students, app.student_birthdates, app.student_contacts,
               app.applications, audit.events`,
    );

    const byListing = new Map<string, SeededListing>();
    const byOrganization = new Map<string, SeededOrganization>(organizationIds.map((id) => [id, { id, listings: [] }]));
    for (const row of listings.rows) {
      const listing: SeededListing = {
        id: row.id,
        organizationId: row.organization_id,
        status: row.status,
        applications: [],
      };
      byListing.set(row.id, listing);
      byOrganization.get(row.organization_id)?.listings.push(listing);
    }
    for (const row of applications.rows) {
      byListing.get(row.listing_id)?.applications.push({ id: row.id, studentId: row.student_id });
    }
    return [...byOrganization.values()];
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await owner.end();
  }
}
