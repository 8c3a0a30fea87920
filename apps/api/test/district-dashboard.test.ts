import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearer,
  districtAdmin,
  districtsWithSchools,
  ownerQuery,
  seedApplication,
  seedListing,
  seedStudents,
  startPartnership,
} from './district-fixtures.ts';
import { startHarness, type Harness, type SignedIn } from './harness.ts';

// District A: 7 students at one school in grade 10 and 3 in grade 12; 6 of them hired, and
// 2 applications still open. District B has students that must never appear in A's numbers.

let harness: Harness;
let admin: SignedIn;
let districtId: string;
let schoolId: string;

interface Cell {
  count: number | null;
  suppressed: string | null;
}

async function dashboard(query = '') {
  const response = await harness.api.inject({
    method: 'GET',
    url: `/v1/district/dashboard${query}`,
    headers: bearer(admin),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

before(async () => {
  harness = await startHarness();
  const [a, b] = await districtsWithSchools(harness, 2);
  assert.ok(a, 'district A has a school');
  assert.ok(b, 'district B has a school');
  districtId = a.district_id;
  schoolId = a.school_id;
  await startPartnership(harness, districtId);
  await startPartnership(harness, b.district_id);
  admin = await districtAdmin(harness, 'admin@dashboard-a.example.test', districtId);

  const tenth = await seedStudents(
    harness,
    schoolId,
    Array.from({ length: 7 }, (_, index) => ({ givenName: `Tenth${index}`, familyName: 'Grader', gradeLevel: '10' })),
  );
  const twelfth = await seedStudents(
    harness,
    schoolId,
    Array.from({ length: 3 }, (_, index) => ({
      givenName: `Twelfth${index}`,
      familyName: 'Grader',
      gradeLevel: '12',
      birthdate: '2006-01-10',
    })),
  );
  const listing = await seedListing(harness, 'Dish washer', 'Plate and Fork');
  for (const student of tenth.slice(0, 6)) await seedApplication(harness, listing, student.userId, 'hired');
  for (const student of twelfth.slice(0, 2)) await seedApplication(harness, listing, student.userId, 'submitted');

  const others = await seedStudents(
    harness,
    b.school_id,
    Array.from({ length: 20 }, (_, index) => ({ givenName: `Other${index}`, familyName: 'District' })),
  );
  for (const student of others) await seedApplication(harness, listing, student.userId, 'hired');
});
after(async () => harness?.close());

describe('district dashboard', () => {
  test('counts only the own district', async () => {
    const body = await dashboard();
    assert.deepEqual(body.totals.students, { count: 10, suppressed: null });
    assert.deepEqual(body.totals.studentsHired, { count: 6, suppressed: null });
    assert.equal(body.district.districtId, districtId);
  });

  test('cells under 5 show fewer than 5', async () => {
    const body = await dashboard();
    const byGrade = new Map<string, Cell>(
      (body.studentsBySchoolAndGrade as { gradeLevel: string; students: Cell }[]).map((row) => [
        row.gradeLevel,
        row.students,
      ]),
    );
    // Grade 12 has 3 students. The total (10) is shown, so grade 10's 7 is hidden as well,
    // or 10 - 7 would reveal the 3.
    assert.deepEqual(byGrade.get('12'), { count: null, suppressed: 'fewer-than-5' });
    assert.deepEqual(byGrade.get('10'), { count: null, suppressed: 'complementary' });

    const open = (body.applicationsByMonth as { outcome: string; applications: Cell }[]).find(
      (row) => row.outcome === 'open',
    );
    assert.deepEqual(open?.applications, { count: null, suppressed: 'fewer-than-5' });
    const hired = (body.applicationsByMonth as { outcome: string; applications: Cell }[]).find(
      (row) => row.outcome === 'hired',
    );
    assert.deepEqual(hired?.applications, { count: 6, suppressed: null });
  });

  test('no raw count under 5 leaves the API', async () => {
    const body = await dashboard();
    const cells: Cell[] = [
      body.totals.students,
      body.totals.studentsHired,
      ...body.studentsBySchoolAndGrade.map((row: { students: Cell }) => row.students),
      ...body.applicationsByMonth.map((row: { applications: Cell }) => row.applications),
      ...body.hiresBySchool.map((row: { students: Cell }) => row.students),
      ...body.studentsByAgeBand.map((row: { students: Cell }) => row.students),
    ];
    assert.ok(cells.length >= 8);
    for (const cell of cells) {
      if (cell.count !== null) assert.ok(cell.count >= 5, `a shown count is ${cell.count}`);
      else assert.ok(cell.suppressed === 'fewer-than-5' || cell.suppressed === 'complementary');
    }
  });

  test('age bands hide the small band', async () => {
    const body = await dashboard();
    const bands = new Map<string, Cell>(
      (body.studentsByAgeBand as { ageBand: string; students: Cell }[]).map((row) => [row.ageBand, row.students]),
    );
    assert.deepEqual(bands.get('18+'), { count: null, suppressed: 'fewer-than-5' });
    assert.equal(bands.get('16–17')?.count ?? null, null);
    assert.equal(JSON.stringify(body).includes('2006-01-10'), false);
  });

  test('listings within the chosen distance', async () => {
    const school = await ownerQuery(
      harness,
      `SELECT z.latitude, z.longitude FROM app.schools s JOIN app.zip_centroids z ON z.zip = s.zip WHERE s.id = $1`,
      [schoolId],
    );
    const { latitude, longitude } = school.rows[0] as { latitude: number; longitude: number };
    const near = await seedListing(harness, 'Next door job', 'Neighbour Deli');
    await ownerQuery(harness, 'UPDATE app.listings SET latitude = $2, longitude = $3 WHERE id = $1', [
      near.listingId,
      latitude + 0.01,
      longitude,
    ]);
    // About 0.7 miles north of the school's ZIP centroid: inside 1 mile, and far ones are not.
    const body = await dashboard('?distanceMiles=1');
    assert.equal(body.listingsNearSchools.distanceMiles, 1);
    assert.equal(body.listingsNearSchools.total, 1);
    const row = (body.listingsNearSchools.schools as { schoolId: string; listings: number }[]).find(
      (candidate) => candidate.schoolId === schoolId,
    );
    assert.equal(row?.listings, 1);
  });

  test('distance outside 1 to 100 is rejected', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: '/v1/district/dashboard?distanceMiles=500',
      headers: bearer(admin),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'distanceMiles');
  });

  test('student list carries the summary fields', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: '/v1/district/students?search=tenth0',
      headers: bearer(admin),
    });
    assert.equal(response.statusCode, 200);
    const [student] = response.json().students;
    assert.equal(student.givenName, 'Tenth0');
    assert.equal(student.gradeLevel, '10');
    assert.match(student.ageBand, /^(15|16–17|18\+)$/);
    assert.equal(student.applicationCount, 1);
    assert.equal(student.hireCount, 1);
    assert.deepEqual(student.statusCounts, { hired: 1 });
  });

  test('search treats wildcards as text', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/district/students?search=${encodeURIComponent('%')}`,
      headers: bearer(admin),
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().students, []);
  });

  test('dashboard view writes an audit event', async () => {
    await dashboard('?distanceMiles=25');
    const events = await ownerQuery(
      harness,
      `SELECT actor_id, actor_role, district_id, target_id, details FROM audit.events
       WHERE action = 'district.dashboard.viewed' ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(events.rowCount, 1);
    const [event] = events.rows;
    assert.equal(event.actor_id, admin.sub);
    assert.equal(event.actor_role, 'district_admin');
    assert.equal(event.district_id, districtId);
    assert.equal(event.target_id, districtId);
    assert.deepEqual(event.details, { distanceMiles: 25 });
  });

  test('student page view writes an audit event', async () => {
    const list = await harness.api.inject({
      method: 'GET',
      url: '/v1/district/students?search=twelfth0',
      headers: bearer(admin),
    });
    const studentId = list.json().students[0].userId as string;
    const page = await harness.api.inject({
      method: 'GET',
      url: `/v1/district/students/${studentId}`,
      headers: bearer(admin),
    });
    assert.equal(page.statusCode, 200);
    const events = await ownerQuery(
      harness,
      `SELECT actor_id, district_id, target_type FROM audit.events WHERE action = 'district.student.viewed' AND target_id = $1`,
      [studentId],
    );
    assert.deepEqual(events.rows, [{ actor_id: admin.sub, district_id: districtId, target_type: 'student' }]);
  });
});
