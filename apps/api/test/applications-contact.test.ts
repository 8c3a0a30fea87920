import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import {
  apply,
  assertError,
  createStudent,
  request,
  startMarketplace,
  type Marketplace,
} from './applications-fixtures.ts';
import type { SignedIn } from './harness.ts';

let market: Marketplace;
let studentCount = 0;

before(async () => {
  market = await startMarketplace('contact');
});
after(async () => market?.harness.close());

async function newApplicant(): Promise<{ student: SignedIn; applicationId: string }> {
  studentCount += 1;
  const student = await createStudent(
    market,
    `sharer${studentCount}@contact.example.test`,
    { givenName: 'Rowan', familyName: `Sharer${studentCount}` },
    16,
  );
  const applicationId = await apply(market, student, 'I help at my family bakery on weekends.');
  return { student, applicationId };
}

const asEmployer = (method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, market.employer.user, method, url, payload);
const asStudent = (student: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, student, method, url, payload);

/** The keys of the employer's application view without contact details. */
const applicationKeys = [
  'ageBand',
  'applicationId',
  'createdAt',
  'listingId',
  'listingTitle',
  'message',
  'name',
  'schoolName',
  'status',
  'updatedAt',
];
const withContactKeys = [...applicationKeys, 'contactEmail', 'contactPhone'].sort();
/** The listing applicants route of the listing pages: it never carries contact details. */
const applicantKeys = [
  'ageBand',
  'applicationId',
  'createdAt',
  'legalShifts',
  'message',
  'name',
  'schoolName',
  'status',
];
const threadKeys = [
  'applicationId',
  'blocked',
  'canSend',
  'contactShared',
  'counterpartName',
  'listingTitle',
  'messages',
  'status',
];
const messageKeys = ['id', 'maskedKinds', 'readAt', 'sender', 'sentAt', 'text'];

const keys = (value: object) => Object.keys(value).sort();

/**
 * Reads every employer-facing response about the application and checks its exact field set.
 * `expected` is the field set of the application view.
 */
async function assertEmployerFieldSets(applicationId: string, expected: string[], phase: string): Promise<void> {
  const detail = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
  assert.equal(detail.statusCode, 200, `${phase}: ${detail.body}`);
  assert.deepEqual(keys(detail.json()), expected, `${phase}: detail`);

  const list = await asEmployer('GET', '/v1/employer/applications');
  assert.deepEqual(keys(list.json()), ['applications'], `${phase}: list`);
  const listed = list
    .json()
    .applications.find((entry: { applicationId: string }) => entry.applicationId === applicationId);
  assert.deepEqual(keys(listed), expected, `${phase}: list entry`);

  const applicants = await asEmployer('GET', `/v1/employer/listings/${market.listingId}/applicants`);
  const applicant = applicants
    .json()
    .applicants.find((entry: { applicationId: string }) => entry.applicationId === applicationId);
  assert.deepEqual(keys(applicant), applicantKeys, `${phase}: applicants`);

  const waiting = await asEmployer('GET', '/v1/employer/applications/waiting');
  assert.deepEqual(keys(waiting.json()), ['listings', 'total'], `${phase}: waiting`);
  for (const entry of waiting.json().listings) assert.deepEqual(keys(entry), ['listingId', 'listingTitle', 'waiting']);

  const thread = await asEmployer('GET', `/v1/applications/${applicationId}/messages`);
  assert.deepEqual(keys(thread.json()), threadKeys, `${phase}: thread`);
  for (const message of thread.json().messages) assert.deepEqual(keys(message), messageKeys, `${phase}: message`);

  const sent = await asEmployer('POST', `/v1/applications/${applicationId}/messages`, {
    text: `Checking in (${phase}).`,
  });
  assert.equal(sent.statusCode, 201, `${phase}: ${sent.body}`);
  assert.deepEqual(keys(sent.json()), messageKeys, `${phase}: sent message`);

  const inbox = await asEmployer('GET', '/v1/messages');
  for (const entry of inbox.json().threads) {
    assert.deepEqual(keys(entry), ['applicationId', 'counterpartName', 'lastMessageAt', 'listingTitle', 'unread']);
  }
}

describe('contact opt-in', () => {
  test('employer field sets before, during and after sharing', async () => {
    const { student, applicationId } = await newApplicant();
    assert.equal(
      (await asStudent(student, 'POST', '/v1/students/me/phone', { phone: '513-555-0142' })).statusCode,
      200,
    );

    await assertEmployerFieldSets(applicationId, applicationKeys, 'before the request');
    const shortlisted = await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, {
      status: 'shortlisted',
    });
    assert.deepEqual(keys(shortlisted.json()), applicationKeys);

    const requested = await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    assert.equal(requested.statusCode, 200, requested.body);
    assert.equal(requested.json().status, 'contact_requested');
    assert.deepEqual(keys(requested.json()), applicationKeys);
    await assertEmployerFieldSets(applicationId, applicationKeys, 'after the request');

    const accepted = await asStudent(
      student,
      'POST',
      `/v1/students/me/applications/${applicationId}/contact-response`,
      {
        accept: true,
      },
    );
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().status, 'contact_shared');
    assert.equal(accepted.json().contactSharing, true);

    await assertEmployerFieldSets(applicationId, withContactKeys, 'while shared');
    const shared = (await asEmployer('GET', `/v1/employer/applications/${applicationId}`)).json();
    assert.equal(shared.contactEmail, student.email);
    assert.equal(shared.contactPhone, '513-555-0142');

    const stopped = await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/stop-sharing`);
    assert.equal(stopped.statusCode, 200, stopped.body);
    assert.equal(stopped.json().contactSharing, false);
    assert.equal(stopped.json().status, 'shortlisted');

    await assertEmployerFieldSets(applicationId, applicationKeys, 'after stopping');
    const after = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    assert.equal(after.body.includes(student.email), false);
    assert.equal(after.body.includes('513-555-0142'), false);

    assertError(
      await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`),
      409,
      'ContactDeclined',
    );
  });

  test('email shows without a phone', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {
      accept: true,
    });
    const shared = (await asEmployer('GET', `/v1/employer/applications/${applicationId}`)).json();
    assert.deepEqual(keys(shared), [...applicationKeys, 'contactEmail'].sort());
    assert.equal(shared.contactEmail, student.email);
  });

  test('decline keeps details hidden', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    const declined = await asStudent(
      student,
      'POST',
      `/v1/students/me/applications/${applicationId}/contact-response`,
      {
        accept: false,
      },
    );
    assert.equal(declined.statusCode, 200, declined.body);
    assert.equal(declined.json().status, 'shortlisted');
    assert.equal(declined.json().contactSharing, false);
    await assertEmployerFieldSets(applicationId, applicationKeys, 'after declining');
    const retry = await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    assertError(retry, 409, 'ContactDeclined');
  });

  test('contact request needs the shortlist', async () => {
    const { applicationId } = await newApplicant();
    assertError(
      await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`),
      409,
      'InvalidTransition',
      'status',
    );
  });

  test('answering without a request is 409', async () => {
    const { student, applicationId } = await newApplicant();
    for (const accept of [true, false]) {
      assertError(
        await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, { accept }),
        409,
        'InvalidTransition',
        'status',
      );
    }
    assertError(
      await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/stop-sharing`),
      409,
      'InvalidTransition',
      'status',
    );
    assertError(
      await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {}),
      400,
      'ValidationError',
      'accept',
    );
  });

  test('hired student can stop sharing', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {
      accept: true,
    });
    const hired = await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'hired' });
    assert.equal(hired.json().status, 'hired');
    assert.deepEqual(keys(hired.json()), [...applicationKeys, 'contactEmail'].sort());

    const stopped = await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/stop-sharing`);
    assert.equal(stopped.json().status, 'hired');
    assert.equal(stopped.json().contactSharing, false);
    const after = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    assert.deepEqual(keys(after.json()), applicationKeys);
  });

  test('turning down ends sharing', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {
      accept: true,
    });
    const declined = await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, {
      status: 'not_selected',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.deepEqual(keys(declined.json()), applicationKeys);
  });

  test('employer context reads no contact after stopping', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {
      accept: true,
    });

    const contactsVisible = async (): Promise<number> => {
      const client = new pg.Client({ connectionString: market.harness.database.appUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `SELECT set_config('clockin.user_id', $1, true), set_config('clockin.actor_role', 'employer', true),
                  set_config('clockin.organization_id', $2, true)`,
          [market.employer.user.sub, market.employer.organizationId],
        );
        const result = await client.query('SELECT email FROM app.student_contacts WHERE user_id = $1', [student.sub]);
        return result.rowCount ?? 0;
      } finally {
        await client.query('ROLLBACK');
        await client.end();
      }
    };
    assert.equal(await contactsVisible(), 1);
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/stop-sharing`);
    assert.equal(await contactsVisible(), 0);
  });

  test('only the student turns sharing on', async () => {
    const { applicationId } = await newApplicant();
    const client = new pg.Client({ connectionString: market.harness.database.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('clockin.user_id', $1, true), set_config('clockin.actor_role', 'employer', true),
                set_config('clockin.organization_id', $2, true)`,
        [market.employer.user.sub, market.employer.organizationId],
      );
      await assert.rejects(
        client
          .query(`UPDATE app.applications SET status = 'shortlisted' WHERE id = $1`, [applicationId])
          .then(() =>
            client.query(
              `UPDATE app.applications SET status = 'contact_shared', contact_sharing = true WHERE id = $1`,
              [applicationId],
            ),
          ),
        (error: Error & { code?: string }) => error.code === '42501',
      );
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});
