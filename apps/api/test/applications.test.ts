import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apply,
  assertError,
  createStudent,
  ownerQuery,
  request,
  startMarketplace,
  type Marketplace,
} from './applications-fixtures.ts';
import type { SignedIn } from './harness.ts';

let market: Marketplace;
let studentCount = 0;

before(async () => {
  market = await startMarketplace('applications');
});
after(async () => market?.harness.close());

/** Signs up a new student (16 years old unless `age` is given) who applies to the listing. */
async function newApplicant(age = 16): Promise<{ student: SignedIn; applicationId: string }> {
  studentCount += 1;
  const student = await createStudent(
    market,
    `applicant${studentCount}@applications.example.test`,
    { givenName: 'Avery', familyName: `Applicant${studentCount}` },
    age,
  );
  const applicationId = await apply(market, student, `Application number ${studentCount}: I love baking.`);
  return { student, applicationId };
}

const asEmployer = (method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, market.employer.user, method, url, payload);
const asStudent = (student: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, student, method, url, payload);
const setStatus = (applicationId: string, status: string) =>
  asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status });

describe('application statuses', () => {
  test('opening marks the application viewed', async () => {
    const { student, applicationId } = await newApplicant();
    const opened = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().status, 'viewed');

    const mine = await asStudent(student, 'GET', `/v1/students/me/applications/${applicationId}`);
    assert.equal(mine.json().status, 'viewed');
    const [viewedAt] = await ownerQuery<{ viewed_at: Date }>(
      market.harness,
      'SELECT viewed_at FROM app.applications WHERE id = $1',
      [applicationId],
    );
    assert.ok(viewedAt?.viewed_at instanceof Date);
  });

  test('employer moves follow the table', async () => {
    const { applicationId } = await newApplicant();
    const shortlisted = await setStatus(applicationId, 'shortlisted');
    assert.equal(shortlisted.statusCode, 200, shortlisted.body);
    assert.equal(shortlisted.json().status, 'shortlisted');

    const hired = await setStatus(applicationId, 'hired');
    assert.equal(hired.statusCode, 200, hired.body);
    assert.equal(hired.json().status, 'hired');

    assertError(await setStatus(applicationId, 'not_selected'), 409, 'InvalidTransition', 'status');
    assertError(await setStatus(applicationId, 'shortlisted'), 409, 'InvalidTransition', 'status');
  });

  test('hiring before the shortlist is 409', async () => {
    const { applicationId } = await newApplicant();
    const response = await setStatus(applicationId, 'hired');
    assertError(response, 409, 'InvalidTransition', 'status');
    assert.match(response.json().message, /submitted, so it cannot become hired/);
  });

  test('not selected is final', async () => {
    const { student, applicationId } = await newApplicant();
    assert.equal((await setStatus(applicationId, 'not_selected')).statusCode, 200);
    assertError(await setStatus(applicationId, 'shortlisted'), 409, 'InvalidTransition', 'status');
    assertError(
      await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/withdrawal`),
      409,
      'InvalidTransition',
      'status',
    );
  });

  test('status body names allowed decisions', async () => {
    const { applicationId } = await newApplicant();
    for (const status of ['contact_shared', 'viewed', 'withdrawn', 'contact_requested']) {
      assertError(await setStatus(applicationId, status), 400, 'ValidationError', 'status');
    }
    assertError(
      await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, {}),
      400,
      'ValidationError',
      'status',
    );
    assertError(
      await asEmployer('GET', '/v1/employer/applications/not-a-uuid'),
      400,
      'ValidationError',
      'applicationId',
    );
  });

  test('student withdraws once', async () => {
    const { student, applicationId } = await newApplicant();
    const withdrawn = await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/withdrawal`);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().status, 'withdrawn');

    assertError(
      await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/withdrawal`),
      409,
      'InvalidTransition',
      'status',
    );
    assertError(await asEmployer('GET', `/v1/employer/applications/${applicationId}`), 404, 'NotFound');
    assertError(await setStatus(applicationId, 'shortlisted'), 404, 'NotFound');
    const list = await asEmployer('GET', '/v1/employer/applications');
    assert.equal(
      list
        .json()
        .applications.some((application: { applicationId: string }) => application.applicationId === applicationId),
      false,
    );
  });

  test('database rejects a move the table forbids', async () => {
    const { student, applicationId } = await newApplicant();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: market.harness.database.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('clockin.user_id', $1, true), set_config('clockin.actor_role', 'student', true)`,
        [student.sub],
      );
      await assert.rejects(
        client.query(`UPDATE app.applications SET status = 'hired' WHERE id = $1`, [applicationId]),
        (error: Error & { code?: string }) => error.code === '42501',
      );
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  test('other organization gets 404', async () => {
    const { applicationId } = await newApplicant();
    const other = (method: 'GET' | 'POST', url: string, payload?: object) =>
      request(market.harness, market.otherEmployer.user, method, url, payload);
    assertError(await other('GET', `/v1/employer/applications/${applicationId}`), 404, 'NotFound');
    assertError(
      await other('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'not_selected' }),
      404,
      'NotFound',
    );
    assertError(await other('POST', `/v1/employer/applications/${applicationId}/contact-request`), 404, 'NotFound');
    const list = await other('GET', '/v1/employer/applications');
    assert.deepEqual(list.json().applications, []);
    const mine = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    assert.equal(mine.json().status, 'viewed');
  });

  test('students and employers keep to their side', async () => {
    const { student, applicationId } = await newApplicant();
    assertError(await asStudent(student, 'GET', `/v1/employer/applications/${applicationId}`), 403, 'Forbidden');
    assertError(await asStudent(student, 'GET', '/v1/employer/applications/waiting'), 403, 'Forbidden');
    assertError(await asEmployer('GET', `/v1/students/me/applications/${applicationId}`), 403, 'Forbidden');
    const { student: someoneElse } = await newApplicant();
    assertError(await asStudent(someoneElse, 'GET', `/v1/students/me/applications/${applicationId}`), 404, 'NotFound');
  });

  test('waiting counts per listing and total', async () => {
    const before = (await asEmployer('GET', '/v1/employer/applications/waiting')).json();
    const waiting = await newApplicant();
    const decided = await newApplicant();
    assert.equal((await setStatus(decided.applicationId, 'not_selected')).statusCode, 200);
    const requested = await newApplicant();
    assert.equal((await setStatus(requested.applicationId, 'shortlisted')).statusCode, 200);
    const contactRequest = await asEmployer(
      'POST',
      `/v1/employer/applications/${requested.applicationId}/contact-request`,
    );
    assert.equal(contactRequest.statusCode, 200, contactRequest.body);

    const after = await asEmployer('GET', '/v1/employer/applications/waiting');
    assert.equal(after.statusCode, 200);
    // Only the untouched application waits on the employer: one is decided, one waits on the student.
    assert.equal(after.json().total, before.total + 1);
    const listing = after.json().listings.find((entry: { listingId: string }) => entry.listingId === market.listingId);
    assert.equal(listing.listingTitle, 'Weekend bakery counter');
    assert.equal(listing.waiting, after.json().total);
    assert.ok(waiting.applicationId);

    const other = await request(market.harness, market.otherEmployer.user, 'GET', '/v1/employer/applications/waiting');
    assert.deepEqual(other.json(), { total: 0, listings: [] });
  });

  test('list filters by listing and status', async () => {
    const { applicationId } = await newApplicant();
    assert.equal((await setStatus(applicationId, 'shortlisted')).statusCode, 200);
    const shortlisted = await asEmployer(
      'GET',
      `/v1/employer/applications?status=shortlisted&listingId=${market.listingId}`,
    );
    assert.equal(shortlisted.statusCode, 200, shortlisted.body);
    const statuses = shortlisted.json().applications.map((application: { status: string }) => application.status);
    assert.ok(statuses.length >= 1);
    assert.deepEqual([...new Set(statuses)], ['shortlisted']);
    assertError(await asEmployer('GET', '/v1/employer/applications?status=sleeping'), 400, 'ValidationError', 'status');
  });
});

describe('student phone number', () => {
  test('phone is normalized and cleared', async () => {
    const { student } = await newApplicant();
    const saved = await asStudent(student, 'POST', '/v1/students/me/phone', { phone: '(614) 555 0199' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), { phone: '614-555-0199' });
    assert.deepEqual((await asStudent(student, 'GET', '/v1/students/me/phone')).json(), { phone: '614-555-0199' });

    const cleared = await asStudent(student, 'POST', '/v1/students/me/phone', { phone: null });
    assert.deepEqual(cleared.json(), { phone: null });
  });

  test('invalid phone is 400', async () => {
    const { student } = await newApplicant();
    for (const phone of ['12', '555-0199', 'call me', '+44 20 7946 0958']) {
      assertError(
        await asStudent(student, 'POST', '/v1/students/me/phone', { phone }),
        400,
        'ValidationError',
        'phone',
      );
    }
    assertError(await asStudent(student, 'POST', '/v1/students/me/phone', {}), 400, 'ValidationError', 'phone');
    assertError(await asEmployer('POST', '/v1/students/me/phone', { phone: '614-555-0100' }), 403, 'Forbidden');
  });
});

describe('no-decision rule', () => {
  test('stale applications close kindly', async () => {
    const old = await newApplicant(19);
    const recent = await newApplicant(19);
    const hired = await newApplicant(19);
    const sharing = await newApplicant(19);
    assert.equal((await setStatus(hired.applicationId, 'shortlisted')).statusCode, 200);
    assert.equal((await setStatus(hired.applicationId, 'hired')).statusCode, 200);
    assert.equal((await setStatus(sharing.applicationId, 'shortlisted')).statusCode, 200);
    await asEmployer('POST', `/v1/employer/applications/${sharing.applicationId}/contact-request`);
    const accepted = await asStudent(
      sharing.student,
      'POST',
      `/v1/students/me/applications/${sharing.applicationId}/contact-response`,
      { accept: true },
    );
    assert.equal(accepted.json().status, 'contact_shared');

    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    await ownerQuery(market.harness, 'UPDATE app.applications SET created_at = $2 WHERE id = ANY($1)', [
      [old.applicationId, hired.applicationId, sharing.applicationId],
      daysAgo(46),
    ]);
    await ownerQuery(market.harness, 'UPDATE app.applications SET created_at = $2 WHERE id = $1', [
      recent.applicationId,
      daysAgo(44),
    ]);

    const closed = await market.harness.api.services.applications.closeStaleApplications(now);
    assert.deepEqual(closed.map((row) => row.applicationId).sort(), [old.applicationId, sharing.applicationId].sort());

    for (const applicationId of [old.applicationId, sharing.applicationId]) {
      const [row] = await ownerQuery<{ status: string; contact_sharing: boolean; closed_without_decision_at: Date }>(
        market.harness,
        'SELECT status, contact_sharing, closed_without_decision_at FROM app.applications WHERE id = $1',
        [applicationId],
      );
      assert.equal(row?.status, 'not_selected');
      assert.equal(row?.contact_sharing, false);
      assert.equal(row?.closed_without_decision_at?.getTime(), now.getTime());
    }
    const [recentRow] = await ownerQuery<{ status: string }>(
      market.harness,
      'SELECT status FROM app.applications WHERE id = $1',
      [recent.applicationId],
    );
    assert.equal(recentRow?.status, 'submitted');

    const emails = await market.harness.mailbox.list(old.student.email);
    const closedEmail = emails.find((email) => email.category === 'application-closed');
    assert.ok(closedEmail, 'the student got the closing email');
    assert.equal(closedEmail.subject, 'Your application to Riverside Bakery was closed');
    assert.match(closedEmail.text, /This says nothing about you/);

    const audit = await ownerQuery<{ action: string; actor_id: string | null; actor_role: string }>(
      market.harness,
      `SELECT action, actor_id, actor_role FROM audit.events WHERE target_id = $1 AND action = 'application.closed_without_decision'`,
      [old.applicationId],
    );
    assert.deepEqual(audit, [{ action: 'application.closed_without_decision', actor_id: null, actor_role: 'staff' }]);

    const again = await market.harness.api.services.applications.closeStaleApplications(now);
    assert.deepEqual(again, []);
  });

  test('closed listing starts the 21 days', async () => {
    const early = await newApplicant(19);
    const late = await newApplicant(19);
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    // Each application gets a listing of its own, closed 22 and 20 days ago.
    for (const [applicationId, closedDaysAgo] of [
      [early.applicationId, 22],
      [late.applicationId, 20],
    ] as const) {
      const [copy] = await ownerQuery<{ id: string }>(
        market.harness,
        `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                   latitude, longitude, schedule, status, created_by, closed_at)
         SELECT organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip, latitude,
                longitude, schedule, 'closed', created_by, $2
         FROM app.listings WHERE id = $1 RETURNING id`,
        [market.listingId, daysAgo(closedDaysAgo)],
      );
      await ownerQuery(market.harness, 'UPDATE app.applications SET listing_id = $2 WHERE id = $1', [
        applicationId,
        copy?.id,
      ]);
    }

    const closed = await market.harness.api.services.applications.closeStaleApplications(now);
    assert.deepEqual(
      closed.map((row) => row.applicationId),
      [early.applicationId],
    );
  });
});
