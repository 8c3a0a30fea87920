import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { asRuntimeRole } from './fixtures.ts';

// District scope with the application's checks bypassed: raw SQL as the runtime role, with a
// district administrator's request context, must still see only that district's rows.

let database: TestDatabase;

interface SeededDistrict {
  districtId: string;
  adminId: string;
  studentId: string;
  deletedStudentId: string;
  exportId: string;
}

const districts: Record<'a' | 'b', SeededDistrict> = {
  a: { districtId: '', adminId: crypto.randomUUID(), studentId: '', deletedStudentId: '', exportId: '' },
  b: { districtId: '', adminId: crypto.randomUUID(), studentId: '', deletedStudentId: '', exportId: '' },
};
const applicationMessage = 'Private note to the employer about my weekend availability.';

async function owner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function asAdmin<T>(
  district: SeededDistrict,
  work: (client: pg.Client) => Promise<T>,
  districtId = district.districtId,
) {
  return asRuntimeRole(database.appUrl, { userId: district.adminId, role: 'district_admin', districtId }, work);
}

before(async () => {
  database = await createTestDatabase();
  await owner(async (client) => {
    const schools = await client.query<{ id: string; district_id: string }>(
      `SELECT DISTINCT ON (district_id) id, district_id FROM app.schools
       WHERE district_id IS NOT NULL ORDER BY district_id, id LIMIT 2`,
    );
    const organization = await client.query<{ id: string }>(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       VALUES ('Gamma Grocers LLC', 'Gamma Grocers', '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0101', 'Retail', 'verified')
       RETURNING id`,
    );
    const organizationId = organization.rows[0]?.id;
    const listing = await client.query<{ id: string }>(
      `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                 latitude, longitude, schedule, status, created_by, published_at)
       VALUES ($1, 'Stock clerk', 'Stock the shelves after school.', 1200, 'hour', '1 Main St', 'Columbus', '43215',
               39.96, -83.01, '[]', 'published', gen_random_uuid(), now())
       RETURNING id`,
      [organizationId],
    );
    for (const [key, school] of [
      ['a', schools.rows[0]],
      ['b', schools.rows[1]],
    ] as const) {
      assert.ok(school, 'two districts with schools exist in the reference data');
      const district = districts[key];
      district.districtId = school.district_id;
      district.studentId = crypto.randomUUID();
      district.deletedStudentId = crypto.randomUUID();
      for (const [studentId, deleted] of [
        [district.studentId, false],
        [district.deletedStudentId, true],
      ] as const) {
        await client.query(
          `INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level, deleted_at)
           VALUES ($1, 'Riley', $2, $3, $4, '10', CASE WHEN $5 THEN now() END)`,
          [studentId, `Student ${key.toUpperCase()}`, school.id, school.district_id, deleted],
        );
        await client.query(`INSERT INTO app.student_birthdates (user_id, birthdate) VALUES ($1, '2009-05-01')`, [
          studentId,
        ]);
        await client.query(
          `INSERT INTO app.applications (organization_id, listing_id, student_id, message) VALUES ($1, $2, $3, $4)`,
          [organizationId, listing.rows[0]?.id, studentId, applicationMessage],
        );
      }
      await client.query(
        `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
         VALUES ($1, current_date, 'Dana District', 'dana@example.test', gen_random_uuid())`,
        [district.districtId],
      );
      await client.query(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
        district.districtId,
        district.adminId,
      ]);
      const created = await client.query<{ id: string }>(
        `INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, $2, 'csv') RETURNING id`,
        [district.districtId, district.adminId],
      );
      district.exportId = created.rows[0]?.id ?? '';
    }
  });
});
after(async () => database?.drop());

describe('district row-level security with application checks bypassed', () => {
  test('admin reads only own district students', async () => {
    const rows = await asAdmin(districts.a, (client) =>
      client.query('SELECT user_id FROM app.students WHERE district_id = ANY($1)', [
        [districts.a.districtId, districts.b.districtId],
      ]),
    );
    assert.deepEqual(
      rows.rows.map((row) => row.user_id),
      [districts.a.studentId],
    );
  });

  test('context naming another district shows nothing', async () => {
    // Admin A with district B in the context, as a bug in the API might set it.
    const counts = await asAdmin(
      districts.a,
      async (client) => ({
        students: (await client.query('SELECT 1 FROM app.students')).rowCount,
        exports: (await client.query('SELECT 1 FROM app.district_exports')).rowCount,
        partnerships: (await client.query('SELECT 1 FROM app.district_partnerships')).rowCount,
        bands: (await client.query('SELECT 1 FROM app.district_age_bands(NULL)')).rowCount,
        applications: (await client.query('SELECT 1 FROM app.district_applications(NULL)')).rowCount,
      }),
      districts.b.districtId,
    );
    assert.deepEqual(counts, { students: 0, exports: 0, partnerships: 0, bands: 0, applications: 0 });
  });

  test('other district export is invisible and unwritable', async () => {
    const visible = await asAdmin(districts.a, (client) =>
      client.query('SELECT id FROM app.district_exports WHERE id = $1', [districts.b.exportId]),
    );
    assert.equal(visible.rowCount, 0);

    const updated = await asAdmin(districts.a, (client) =>
      client.query(`UPDATE app.district_exports SET status = 'failed' WHERE id = $1`, [districts.b.exportId]),
    );
    assert.equal(updated.rowCount, 0);

    await assert.rejects(
      asAdmin(districts.a, (client) =>
        client.query(`INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, $2, 'json')`, [
          districts.b.districtId,
          districts.a.adminId,
        ]),
      ),
      (error: Error & { code?: string }) => error.code === '42501',
    );
  });

  test('age bands stop at the district boundary', async () => {
    const rows = await asAdmin(districts.a, (client) =>
      client.query('SELECT student_id, age_band FROM app.district_age_bands($1)', [
        [districts.a.studentId, districts.b.studentId, districts.a.deletedStudentId],
      ]),
    );
    assert.deepEqual(rows.rows, [{ student_id: districts.a.studentId, age_band: rows.rows[0]?.age_band }]);
    assert.match(String(rows.rows[0]?.age_band), /^(15|16–17|18\+)$/);
    const birthdates = await asAdmin(districts.a, (client) => client.query('SELECT 1 FROM app.student_birthdates'));
    assert.equal(birthdates.rowCount, 0);
  });

  test('application messages never reach the district', async () => {
    const direct = await asAdmin(districts.a, (client) => client.query('SELECT message FROM app.applications'));
    assert.equal(direct.rowCount, 0);

    const rows = await asAdmin(districts.a, (client) => client.query('SELECT * FROM app.district_applications(NULL)'));
    assert.deepEqual(
      rows.rows.map((row) => row.student_id),
      [districts.a.studentId],
    );
    assert.equal('message' in (rows.rows[0] ?? {}), false);
    assert.equal(JSON.stringify(rows.rows).includes(applicationMessage), false);
  });

  test('deleted student is gone from every district read', async () => {
    const counts = await asAdmin(districts.a, async (client) => ({
      students: (await client.query('SELECT 1 FROM app.students WHERE user_id = $1', [districts.a.deletedStudentId]))
        .rowCount,
      bands: (await client.query('SELECT 1 FROM app.district_age_bands($1)', [[districts.a.deletedStudentId]]))
        .rowCount,
      applications: (
        await client.query('SELECT 1 FROM app.district_applications($1)', [[districts.a.deletedStudentId]])
      ).rowCount,
    }));
    assert.deepEqual(counts, { students: 0, bands: 0, applications: 0 });
  });

  test('non-member admin sees nothing', async () => {
    const counts = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'district_admin', districtId: districts.a.districtId },
      async (client) => ({
        students: (await client.query('SELECT 1 FROM app.students')).rowCount,
        exports: (await client.query('SELECT 1 FROM app.district_exports')).rowCount,
        applications: (await client.query('SELECT 1 FROM app.district_applications(NULL)')).rowCount,
      }),
    );
    assert.deepEqual(counts, { students: 0, exports: 0, applications: 0 });
  });

  test('ended partnership gives zero rows', async () => {
    const before = await asAdmin(districts.b, (client) => client.query('SELECT 1 FROM app.students'));
    assert.equal(before.rowCount, 1);

    await owner((client) =>
      client.query(
        'UPDATE app.district_partnerships SET ended_at = now(), ended_by = gen_random_uuid() WHERE district_id = $1',
        [districts.b.districtId],
      ),
    );
    const counts = await asAdmin(districts.b, async (client) => ({
      students: (await client.query('SELECT 1 FROM app.students')).rowCount,
      exports: (await client.query('SELECT 1 FROM app.district_exports')).rowCount,
      partnerships: (await client.query('SELECT 1 FROM app.district_partnerships')).rowCount,
      colleagues: (await client.query('SELECT 1 FROM app.district_members WHERE user_id <> $1', [districts.b.adminId]))
        .rowCount,
      bands: (await client.query('SELECT 1 FROM app.district_age_bands(NULL)')).rowCount,
      applications: (await client.query('SELECT 1 FROM app.district_applications(NULL)')).rowCount,
    }));
    assert.deepEqual(counts, { students: 0, exports: 0, partnerships: 0, colleagues: 0, bands: 0, applications: 0 });
  });

  test('district admin cannot change partnerships', async () => {
    const updated = await asAdmin(districts.a, (client) =>
      client.query(`UPDATE app.district_partnerships SET ended_at = NULL, ended_by = NULL`),
    );
    assert.equal(updated.rowCount, 0);
    await assert.rejects(
      asAdmin(districts.a, (client) =>
        client.query(
          `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
           SELECT id, current_date, 'Eve', 'eve@example.test', $1 FROM app.districts WHERE id NOT IN ($2, $3) LIMIT 1`,
          [districts.a.adminId, districts.a.districtId, districts.b.districtId],
        ),
      ),
      (error: Error & { code?: string }) => error.code === '42501',
    );
  });
});
