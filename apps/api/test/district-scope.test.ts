import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { bearer, seedApplication, seedListing, startPartnership } from './district-fixtures.ts';
import { createConfirmedUser, signIn, signUpStudent, startHarness, type Harness, type SignedIn } from './harness.ts';

let harness: Harness;
let adminA: SignedIn;
let adminB: SignedIn;
let unassigned: SignedIn;
let studentA: SignedIn;
let studentB: SignedIn;
let districtA: string;
let districtB: string;
let exportB: string;
const messageA = 'I can work every Saturday and I already have my work permit.';

async function ownerQuery(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    return await owner.query(sql, values);
  } finally {
    await owner.end();
  }
}

function listStudents(user: SignedIn, query = '') {
  return harness.api.inject({
    method: 'GET',
    url: `/v1/district/students${query}`,
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
}

before(async () => {
  harness = await startHarness();
  // Two districts, each with a high school.
  const schools = await ownerQuery(
    `SELECT DISTINCT ON (district_id) id, district_id FROM app.schools
     WHERE district_id IS NOT NULL ORDER BY district_id, id LIMIT 2`,
  );
  const [schoolA, schoolB] = schools.rows as { id: string; district_id: string }[];
  assert.ok(schoolA, 'district A has a school');
  assert.ok(schoolB, 'district B has a school');
  districtA = schoolA.district_id;

  const names = ['Ainsley', 'Bartholomew', 'Cordelia'];
  for (const [index, givenName] of names.entries()) {
    const signedIn = await signUpStudent(harness, {
      email: `student${index}@district-a.example.test`,
      givenName,
      familyName: 'Vantongeren',
      birthdate: '2009-01-01',
      schoolId: schoolA.id,
      gradeLevel: '10',
    });
    if (index === 0) studentA = signedIn;
  }
  studentB = await signUpStudent(harness, {
    email: 'student@district-b.example.test',
    givenName: 'Evander',
    familyName: 'Szymanska',
    birthdate: '2009-01-01',
    schoolId: schoolB.id,
    gradeLevel: '10',
  });

  for (const [email, district] of [
    ['admin@district-a.example.test', schoolA.district_id],
    ['admin@district-b.example.test', schoolB.district_id],
  ] as const) {
    const sub = await createConfirmedUser(harness, email, 'district-admin');
    await ownerQuery(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
      district,
      sub,
    ]);
  }
  await createConfirmedUser(harness, 'admin@no-district.example.test', 'district-admin');
  adminA = await signIn(harness, 'admin@district-a.example.test');
  adminB = await signIn(harness, 'admin@district-b.example.test');
  unassigned = await signIn(harness, 'admin@no-district.example.test');

  districtB = schoolB.district_id;
  await startPartnership(harness, districtA);
  await startPartnership(harness, districtB);
  const listing = await seedListing(harness, 'Bakery counter', 'Crumb and Co');
  await seedApplication(harness, listing, studentA.sub, 'shortlisted', messageA);
  await seedApplication(harness, listing, studentB.sub, 'hired');
  const created = await ownerQuery(
    `INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, $2, 'csv') RETURNING id`,
    [districtB, adminB.sub],
  );
  exportB = created.rows[0].id as string;
});
after(async () => harness?.close());

describe('district scope', () => {
  test('district admin sees only their own students', async () => {
    const response = await listStudents(adminA);
    assert.equal(response.statusCode, 200);
    const students = response.json().students as { givenName: string; familyName: string }[];
    assert.deepEqual(
      students.map((student) => student.givenName),
      ['Ainsley', 'Bartholomew', 'Cordelia'],
    );

    const other = await listStudents(adminB);
    assert.equal(other.statusCode, 200);
    assert.deepEqual(
      (other.json().students as { givenName: string }[]).map((student) => student.givenName),
      ['Evander'],
    );
  });

  test('pages follow the cursor without repeats', async () => {
    const first = await listStudents(adminA, '?limit=2');
    assert.equal(first.statusCode, 200);
    const cursor = first.json().nextCursor as string;
    assert.equal(typeof cursor, 'string');
    const second = await listStudents(adminA, `?limit=2&after=${encodeURIComponent(cursor)}`);
    assert.deepEqual(
      (second.json().students as { givenName: string }[]).map((student) => student.givenName),
      ['Cordelia'],
    );
    assert.equal(second.json().nextCursor, null);
  });

  test('bad cursor answers ValidationError', async () => {
    const response = await listStudents(adminA, '?after=not-a-cursor');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'after');
  });

  test('admin without a district is refused', async () => {
    const response = await listStudents(unassigned);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });

  test('students cannot list district students', async () => {
    const response = await listStudents(studentA);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });

  test('other district ids answer 404', async () => {
    const urls = [
      `/v1/district/students/${studentB.sub}`,
      `/v1/district/exports/${exportB}`,
      `/v1/district/exports/${exportB}/download`,
    ];
    for (const url of urls) {
      const response = await harness.api.inject({ method: 'GET', url, headers: bearer(adminA) });
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error, 'NotFound', url);
      assert.equal(response.body.includes('Evander'), false, url);
    }
    const own = await harness.api.inject({
      method: 'GET',
      url: `/v1/district/exports/${exportB}`,
      headers: bearer(adminB),
    });
    assert.equal(own.statusCode, 200);
  });

  test('search cannot reach another district', async () => {
    const response = await listStudents(adminA, '?search=Evander');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().students, []);
  });

  test('student page shows applications without messages', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/district/students/${studentA.sub}`,
      headers: bearer(adminA),
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.givenName, 'Ainsley');
    assert.equal(body.applications.length, 1);
    assert.equal(body.applications[0].listingTitle, 'Bakery counter');
    assert.equal(body.applications[0].employerName, 'Crumb and Co');
    assert.equal(body.applications[0].status, 'shortlisted');
    assert.equal(response.body.includes(messageA), false);
    assert.equal('message' in body.applications[0], false);
  });

  test('deleted student disappears at once', async () => {
    const deleted = await signUpStudent(harness, {
      email: 'leaving@district-a.example.test',
      givenName: 'Delphine',
      familyName: 'Vantongeren',
      birthdate: '2009-01-01',
      schoolId: (await ownerQuery(`SELECT school_id FROM app.students WHERE user_id = $1`, [studentA.sub])).rows[0]
        .school_id,
      gradeLevel: '11',
    });
    const beforeDeletion = await listStudents(adminA, '?search=Delphine');
    assert.equal(beforeDeletion.json().students.length, 1);

    await ownerQuery(`UPDATE app.students SET deleted_at = now() WHERE user_id = $1`, [deleted.sub]);
    const list = await listStudents(adminA, '?search=Delphine');
    assert.deepEqual(list.json().students, []);
    const page = await harness.api.inject({
      method: 'GET',
      url: `/v1/district/students/${deleted.sub}`,
      headers: bearer(adminA),
    });
    assert.equal(page.statusCode, 404);
    const dashboard = await harness.api.inject({
      method: 'GET',
      url: '/v1/district/dashboard',
      headers: bearer(adminA),
    });
    assert.equal(dashboard.statusCode, 200);
    // Three students remain, fewer than 5, so the total is hidden rather than shown as 3 or 4.
    assert.deepEqual(dashboard.json().totals.students, { count: null, suppressed: 'fewer-than-5' });
  });

  test('ended partnership closes the district', async () => {
    await ownerQuery(
      `UPDATE app.district_partnerships SET ended_at = now(), ended_by = gen_random_uuid() WHERE district_id = $1`,
      [districtB],
    );
    try {
      const list = await listStudents(adminB);
      assert.equal(list.statusCode, 403);
      assert.equal(list.json().error, 'Forbidden');
      const exportRow = await harness.api.inject({
        method: 'GET',
        url: `/v1/district/exports/${exportB}`,
        headers: bearer(adminB),
      });
      assert.equal(exportRow.statusCode, 404);
      const student = await harness.api.inject({
        method: 'GET',
        url: `/v1/district/students/${studentB.sub}`,
        headers: bearer(adminB),
      });
      assert.equal(student.statusCode, 404);
    } finally {
      await startPartnership(harness, districtB);
    }
  });

  test('each view is audited without personal data', async () => {
    await listStudents(adminA);
    const events = await ownerQuery(
      `SELECT actor_role, district_id, details FROM audit.events WHERE action = 'district.students.viewed' AND actor_id = $1`,
      [adminA.sub],
    );
    assert.ok((events.rowCount ?? 0) >= 1);
    for (const event of events.rows) {
      assert.equal(event.actor_role, 'district_admin');
      assert.equal(event.district_id, districtA);
      assert.doesNotMatch(JSON.stringify(event.details), /Vantongeren|Ainsley/);
    }
  });
});
