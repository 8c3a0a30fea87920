import pg from 'pg';

/** Ids of the rows that `seedTwoOrganizations` writes. */
export interface TwoOrganizations {
  organizationA: string;
  organizationB: string;
  listingA: string;
  listingB: string;
  studentId: string;
  applicationA: string;
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
    return ids;
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
