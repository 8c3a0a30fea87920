import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApi } from '../src/app.ts';
import { startAccountWorker, type AccountWorker } from '../src/jobs/account-worker.ts';
import { installJobQueue } from '../src/jobs/queue.ts';
import {
  clientId,
  createConfirmedUser,
  createOrganization,
  password,
  signIn,
  signUpStudent,
  someSchoolId,
  startHarness,
  userPoolId,
  type Harness,
  type SignedIn,
} from './harness.ts';

// The student below has data in every part of ClockIn. After deletion and purge, no table in
// any schema and no stored file may hold their id, email, name or birthdate. The tables come
// from the catalog, so a table added later is scanned without anyone adding it here.

let harness: Harness;
let api: FastifyInstance;
let worker: AccountWorker;
let exportDirectory: string;
let employer: SignedIn;
let staff: SignedIn;
let listingId: string;
let schoolId: string;
let studentCount = 0;

const auth = (user: SignedIn) => ({ authorization: `Bearer ${user.accessToken}` });

interface Person {
  user: SignedIn;
  givenName: string;
  familyName: string;
  birthdate: string;
}

async function newStudent(givenName: string, familyName: string): Promise<Person> {
  studentCount += 1;
  const birthdate = `2008-0${studentCount}-1${studentCount}`;
  const user = await signUpStudent(harness, {
    email: `${givenName.toLowerCase()}.${familyName.toLowerCase()}@deletion.example.test`,
    givenName,
    familyName,
    birthdate,
    schoolId,
    gradeLevel: '11',
  });
  return { user, givenName, familyName, birthdate };
}

async function post(user: SignedIn | null, url: string, payload?: object) {
  return api.inject({ method: 'POST', url, headers: user ? auth(user) : {}, ...(payload ? { payload } : {}) });
}

async function waitForExport(user: SignedIn, exportId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.inject({ method: 'GET', url: '/v1/me/exports', headers: auth(user) });
    const found = (response.json().exports as { id: string; status: string }[]).find((entry) => entry.id === exportId);
    if (found && (found.status === 'completed' || found.status === 'failed')) return found;
    if (Date.now() > deadline) throw new Error(`Export ${exportId} is still ${found?.status} after 20 seconds.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Lists every column of every table, in every schema, that contains `needle`. */
async function scanEverywhere(needle: string, skipSchemas: string[] = []): Promise<string[]> {
  const admin = new pg.Client({ connectionString: harness.database.adminUrl });
  await admin.connect();
  try {
    const columns = await admin.query<{ schema: string; table: string; column: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const hits: string[] = [];
    for (const { schema, table, column } of columns.rows) {
      if (skipSchemas.includes(schema)) continue;
      const name = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
      const found = await admin.query(
        `SELECT 1 FROM ${name} WHERE ${pg.escapeIdentifier(column)}::text ILIKE '%' || $1 || '%' LIMIT 1`,
        [needle],
      );
      if (found.rowCount) hits.push(`${schema}.${table}.${column}`);
    }
    return hits;
  } finally {
    await admin.end();
  }
}

/** Lists every stored file, under the folders ClockIn writes, that contains `needle`. */
async function scanFiles(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const directory of [exportDirectory, harness.mailboxDir]) {
    let names: string[] = [];
    try {
      names = await readdir(directory, { recursive: true });
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(directory, name);
      const text = await readFile(file, 'utf8').catch(() => '');
      if (text.toLowerCase().includes(needle.toLowerCase())) hits.push(file);
    }
  }
  return hits;
}

before(async () => {
  harness = await startHarness({ apiSendsEmail: true });
  schoolId = await someSchoolId(harness);
  exportDirectory = await mkdtemp(path.join(tmpdir(), 'clockin-personal-exports-'));
  await installJobQueue(harness.database.adminUrl, harness.database.name, harness.database.jobsUrl);

  const address = harness.identity.server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  api = await buildApi(
    {
      databaseUrl: harness.database.appUrl,
      tokenIssuer: `http://localhost:0/${userPoolId}`,
      jwksUrl: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
      identityEndpoint: endpoint,
      region: 'us-east-2',
      clientId,
      development: true,
      mailboxDir: harness.mailboxDir,
      clockToleranceSeconds: 30,
      userPoolId,
      accounts: { jobsDatabaseUrl: harness.database.jobsUrl, exportDirectory, purgeDelayDays: 0 },
    },
    { logLevel: 'info', logStream: { write: (line: string) => harness.logs.push(line) } as never },
  );
  await api.ready();
  worker = await startAccountWorker({
    jobsDatabaseUrl: harness.database.jobsUrl,
    appDatabaseUrl: harness.database.appUrl,
    exportDirectory,
    identity: { endpoint, region: 'us-east-2', userPoolId },
    mailboxDir: harness.mailboxDir,
    logLevel: 'warn',
    pollingIntervalSeconds: 0.5,
  });

  const employerSub = await createConfirmedUser(harness, 'owner@deletion-bakery.example.test', 'employer-admin');
  await createOrganization(harness, employerSub, 'Deletion Test Bakery');
  employer = await signIn(harness, 'owner@deletion-bakery.example.test');
  await createConfirmedUser(harness, 'staff@deletion.example.test', 'staff');
  staff = await signIn(harness, 'staff@deletion.example.test');

  const created = await post(employer, '/v1/employer/listings', {
    title: 'Bread shelf helper',
    description: 'Stock the bread shelves after school and help customers find things.',
    payMinCents: 1300,
    payMaxCents: null,
    payUnit: 'hour',
    addressLine: '20 E Broad St',
    city: 'Columbus',
    zip: '43215',
    schedule: [{ day: 6, start: '09:00', end: '12:00', breakMinutes: 0 }],
  });
  assert.equal(created.statusCode, 201, created.body);
  listingId = created.json().id;
  const approved = await post(staff, `/v1/staff/listing-reviews/${listingId}`, { decision: 'approve' });
  assert.equal(approved.statusCode, 200, approved.body);
});
after(async () => {
  await worker?.stop();
  await api?.close();
  await harness?.close();
});

describe('account deletion', () => {
  test('wrong password answers ReauthenticationFailed', async () => {
    const person = await newStudent('Theodora', 'Quillfeather');
    const response = await post(person.user, '/v1/me/deletion', { password: 'Not-The-Password-99!' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'ReauthenticationFailed');
    assert.equal(response.json().field, 'password');
    const profile = await api.inject({ method: 'GET', url: '/v1/students/me', headers: auth(person.user) });
    assert.equal(profile.statusCode, 200);
  });

  test('purge leaves no trace of the student', async () => {
    const person = await newStudent('Octavia', 'Wrenfield');
    const { user } = person;

    const applied = await post(user, `/v1/listings/${listingId}/applications`, {
      message: 'Octavia here: I shelve books at the library every week.',
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const applicationId = applied.json().id as string;
    const message = await post(user, `/v1/applications/${applicationId}/messages`, {
      text: 'Hello from Octavia Wrenfield, I can start in June.',
    });
    assert.equal(message.statusCode, 201, message.body);
    const reply = await post(employer, `/v1/applications/${applicationId}/messages`, {
      text: 'Thanks Octavia, we will be in touch.',
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const report = await post(user, '/v1/reports', {
      targetType: 'listing',
      targetId: listingId,
      category: 'other',
      details: 'Octavia checking the report form.',
    });
    assert.equal(report.statusCode, 201, report.body);
    const started = await post(user, '/v1/me/exports');
    assert.equal(started.statusCode, 202, started.body);
    assert.equal((await waitForExport(user, started.json().id)).status, 'completed');
    assert.ok((await scanFiles(person.familyName)).length > 0, 'the export file names the student before the purge');

    const deleted = await post(user, '/v1/me/deletion', { password });
    assert.equal(deleted.statusCode, 202, deleted.body);

    // At once: tokens refused, sign-in refused, gone from the employer's view.
    const profile = await api.inject({ method: 'GET', url: '/v1/students/me', headers: auth(user) });
    assert.equal(profile.statusCode, 401);
    await assert.rejects(
      harness.cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: user.email, PASSWORD: password },
        }),
      ),
      { name: 'NotAuthorizedException' },
    );
    const applicants = await api.inject({
      method: 'GET',
      url: `/v1/employer/listings/${listingId}/applicants`,
      headers: auth(employer),
    });
    assert.equal(applicants.statusCode, 200);
    assert.doesNotMatch(applicants.body, /Wrenfield/);

    await worker.runMaintenance();

    const needles = [person.givenName, person.familyName, user.email, person.birthdate];
    for (const needle of needles) {
      assert.deepEqual(await scanEverywhere(needle), [], `database rows still hold ${needle}`);
      assert.deepEqual(await scanFiles(needle), [], `files still hold ${needle}`);
    }
    // The audit log keeps the pseudonymous id and the fact of deletion; pg-boss keeps job ids.
    assert.deepEqual(await scanEverywhere(user.sub, ['audit', 'pgboss']), [], 'rows still hold the user id');
    const admin = new pg.Client({ connectionString: harness.database.adminUrl });
    await admin.connect();
    try {
      const events = await admin.query(
        `SELECT action FROM audit.events WHERE target_id = $1 AND action IN ('account.deleted', 'account.purged') ORDER BY id`,
        [user.sub],
      );
      assert.deepEqual(
        events.rows.map((row) => row.action),
        ['account.deleted', 'account.purged'],
      );
    } finally {
      await admin.end();
    }
  });

  test('purging again changes nothing', async () => {
    const person = await newStudent('Leopold', 'Marchbanks');
    assert.equal((await post(person.user, '/v1/me/deletion', { password })).statusCode, 202);
    // The purge job may already be running; whichever run comes first does the work.
    await Promise.all([worker.purge(person.user.sub), worker.purge(person.user.sub)]);
    assert.equal(await worker.purge(person.user.sub), false);
    assert.deepEqual(await scanEverywhere(person.familyName), []);
    const admin = new pg.Client({ connectionString: harness.database.adminUrl });
    await admin.connect();
    try {
      const purged = await admin.query(
        `SELECT 1 FROM audit.events WHERE action = 'account.purged' AND target_id = $1`,
        [person.user.sub],
      );
      assert.equal(purged.rowCount, 1);
    } finally {
      await admin.end();
    }
  });

  test('a live account is never purged', async () => {
    const person = await newStudent('Rosamund', 'Ashgrove');
    assert.equal(await worker.purge(person.user.sub), false);
    const profile = await api.inject({ method: 'GET', url: '/v1/students/me', headers: auth(person.user) });
    assert.equal(profile.statusCode, 200);
  });

  test('the only admin cannot delete their account', async () => {
    // An admin without the employer-admin group signs in without TOTP, so the password alone re-checks them.
    const sub = await createConfirmedUser(harness, 'solo@deletion-shop.example.test');
    await createOrganization(harness, sub, 'Solo Admin Shop');
    const soloAdmin = await signIn(harness, 'solo@deletion-shop.example.test');
    const response = await post(soloAdmin, '/v1/me/deletion', { password });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error, 'Conflict');
    const listings = await api.inject({ method: 'GET', url: '/v1/employer/listings', headers: auth(soloAdmin) });
    assert.equal(listings.statusCode, 200);
  });

  test('an enrolled user must give the TOTP code', async () => {
    const response = await post(staff, '/v1/me/deletion', { password });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'totpCode');
  });

  test('staff carry out a request received by email', async () => {
    const person = await newStudent('Cornelius', 'Fairweather');
    const recorded = await post(staff, '/v1/staff/deletion-requests', {
      email: person.user.email,
      receivedOn: '2020-01-02',
      note: 'Parent wrote in.',
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const requestId = recorded.json().id as string;

    const listed = await api.inject({ method: 'GET', url: '/v1/staff/deletion-requests', headers: auth(staff) });
    const request = listed.json().requests.find((entry: { id: string }) => entry.id === requestId);
    assert.equal(request.deadline, '2020-02-01');
    assert.equal(request.overdue, true);

    const completed = await post(staff, `/v1/staff/deletion-requests/${requestId}/completion`);
    assert.equal(completed.statusCode, 200, completed.body);
    assert.equal(completed.json().outcome, 'completed');
    const profile = await api.inject({ method: 'GET', url: '/v1/students/me', headers: auth(person.user) });
    assert.equal(profile.statusCode, 401);

    const after = await api.inject({ method: 'GET', url: '/v1/staff/deletion-requests', headers: auth(staff) });
    const closed = after.json().requests.find((entry: { id: string }) => entry.id === requestId);
    assert.equal(closed.status, 'completed');
    assert.equal(closed.requesterEmail, null);
  });

  test('students cannot see deletion requests', async () => {
    const person = await newStudent('Philippa', 'Thornbury');
    const response = await api.inject({
      method: 'GET',
      url: '/v1/staff/deletion-requests',
      headers: auth(person.user),
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });
});

describe('download my data', () => {
  test('the file holds the student data', async () => {
    const person = await newStudent('Evangeline', 'Brightwater');
    const applied = await post(person.user, `/v1/listings/${listingId}/applications`, {
      message: 'I love baking bread with my family.',
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const started = await post(person.user, '/v1/me/exports');
    const exportId = started.json().id as string;
    const finished = await waitForExport(person.user, exportId);
    assert.equal(finished.status, 'completed');

    const download = await api.inject({
      method: 'GET',
      url: `/v1/me/exports/${exportId}/download`,
      headers: auth(person.user),
    });
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /attachment/);
    const data = download.json();
    assert.equal(data.profile.familyName, 'Brightwater');
    assert.equal(data.profile.birthdate, person.birthdate);
    assert.equal(data.applications[0].message, 'I love baking bread with my family.');
    assert.ok(data.signIns.length >= 1);
  });

  test('another student cannot download it', async () => {
    const owner = await newStudent('Barnaby', 'Holloway');
    const other = await newStudent('Clementine', 'Ravensworth');
    const exportId = (await post(owner.user, '/v1/me/exports')).json().id as string;
    await waitForExport(owner.user, exportId);
    const response = await api.inject({
      method: 'GET',
      url: `/v1/me/exports/${exportId}/download`,
      headers: auth(other.user),
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'NotFound');
  });
});
