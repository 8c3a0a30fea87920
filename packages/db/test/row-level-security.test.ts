import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { asRuntimeRole, seedTwoOrganizations, type TwoOrganizations } from './fixtures.ts';

let database: TestDatabase;
let ids: TwoOrganizations;

before(async () => {
  database = await createTestDatabase();
  ids = await seedTwoOrganizations(database.ownerUrl);
});
after(async () => database.drop());

describe('row-level security with application checks bypassed', () => {
  test('other organization listings are invisible', async () => {
    const rows = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationB },
      (client) =>
        client.query(`SELECT id FROM app.listings WHERE organization_id = $1 AND status <> 'published'`, [
          ids.organizationA,
        ]),
    );
    assert.equal(rows.rowCount, 0);
  });

  test('other organization applications are invisible', async () => {
    const rows = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationB },
      (client) => client.query('SELECT id FROM app.applications'),
    );
    assert.equal(rows.rowCount, 0);
  });

  test('insert into another organization fails', async () => {
    await assert.rejects(
      asRuntimeRole(
        database.appUrl,
        { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationB },
        (client) =>
          client.query(
            `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                     latitude, longitude, schedule, created_by)
           VALUES ($1, 'Stolen', 'A listing in the wrong tenant.', 1000, 'hour', '1 Main', 'Columbus', '43215', 0, 0, '[]', $2)`,
            [ids.organizationA, crypto.randomUUID()],
          ),
      ),
      (error: Error & { code?: string }) => error.code === '42501',
    );
  });

  test('missing context sees no private rows', async () => {
    const counts = await asRuntimeRole(database.appUrl, {}, async (client) => ({
      students: (await client.query('SELECT 1 FROM app.students')).rowCount,
      applications: (await client.query('SELECT 1 FROM app.applications')).rowCount,
      birthdates: (await client.query('SELECT 1 FROM app.student_birthdates')).rowCount,
      contacts: (await client.query('SELECT 1 FROM app.student_contacts')).rowCount,
    }));
    assert.deepEqual(counts, { students: 0, applications: 0, birthdates: 0, contacts: 0 });
  });

  test('employer never reads birthdates or contacts', async () => {
    const counts = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationA },
      async (client) => ({
        birthdates: (await client.query('SELECT 1 FROM app.student_birthdates')).rowCount,
        contacts: (await client.query('SELECT 1 FROM app.student_contacts')).rowCount,
        students: (await client.query('SELECT 1 FROM app.students')).rowCount,
      }),
    );
    assert.deepEqual(counts, { birthdates: 0, contacts: 0, students: 1 });
  });

  test('applicant projection gives the limited view', async () => {
    const rows = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationA },
      (client) =>
        client.query('SELECT given_name, age_band, contact_email, contact_phone FROM app.applicant_projection'),
    );
    assert.equal(rows.rowCount, 1);
    assert.equal(rows.rows[0].given_name, 'Riley');
    assert.match(rows.rows[0].age_band, /^(15|16–17|18\+)$/);
    assert.equal(rows.rows[0].contact_email, null);
    assert.equal(rows.rows[0].contact_phone, null);
  });

  test('other organization sees no applicants', async () => {
    const rows = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationB },
      (client) => client.query('SELECT application_id FROM app.applicant_projection'),
    );
    assert.equal(rows.rowCount, 0);
  });

  test('age band of a stranger is null', async () => {
    const rows = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'employer', organizationId: ids.organizationB },
      (client) => client.query('SELECT app.applicant_age_band($1) AS band', [ids.studentId]),
    );
    assert.equal(rows.rows[0].band, null);
  });

  test('runtime role cannot read identity schema', async () => {
    await assert.rejects(
      asRuntimeRole(database.appUrl, {}, (client) => client.query('SELECT 1 FROM identity.users LIMIT 1')),
      (error: Error & { code?: string }) => error.code === '42501' || error.code === '42P01',
    );
  });

  test('other district sees none of the students', async () => {
    // A district administrator reads only as a member of a district with an active partnership.
    const adminId = crypto.randomUUID();
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      await owner.query(
        `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
         VALUES ($1, current_date, 'Dana District', 'dana@example.test', $2) ON CONFLICT DO NOTHING`,
        [ids.studentDistrictId, crypto.randomUUID()],
      );
      await owner.query(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
        ids.studentDistrictId,
        adminId,
      ]);
    } finally {
      await owner.end();
    }
    const own = await asRuntimeRole(
      database.appUrl,
      { userId: adminId, role: 'district_admin', districtId: ids.studentDistrictId },
      (client) => client.query('SELECT user_id FROM app.students'),
    );
    assert.deepEqual(
      own.rows.map((row) => row.user_id),
      [ids.studentId],
    );
    const other = await asRuntimeRole(
      database.appUrl,
      { userId: crypto.randomUUID(), role: 'district_admin', districtId: ids.otherDistrictId },
      async (client) => ({
        students: (await client.query('SELECT 1 FROM app.students')).rowCount,
        members: (
          await client.query('SELECT 1 FROM app.district_members WHERE district_id = $1', [ids.studentDistrictId])
        ).rowCount,
      }),
    );
    assert.deepEqual(other, { students: 0, members: 0 });
  });

  test('district admin cannot add members to a district', async () => {
    await assert.rejects(
      asRuntimeRole(
        database.appUrl,
        { userId: crypto.randomUUID(), role: 'district_admin', districtId: ids.otherDistrictId },
        (client) =>
          client.query(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
            ids.studentDistrictId,
            crypto.randomUUID(),
          ]),
      ),
      (error: Error & { code?: string }) => error.code === '42501',
    );
  });
});
