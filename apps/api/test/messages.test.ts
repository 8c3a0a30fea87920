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
  market = await startMarketplace('messages');
});
after(async () => market?.harness.close());

async function newApplicant(): Promise<{ student: SignedIn; applicationId: string }> {
  studentCount += 1;
  const student = await createStudent(
    market,
    `writer${studentCount}@messages.example.test`,
    { givenName: 'Emery', familyName: `Writer${studentCount}` },
    16,
  );
  const applicationId = await apply(market, student, 'I can work every Saturday morning.');
  return { student, applicationId };
}

const asEmployer = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  request(market.harness, market.employer.user, method, url, payload);
const asStudent = (student: SignedIn, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  request(market.harness, student, method, url, payload);
const send = (user: SignedIn, applicationId: string, text: string) =>
  request(market.harness, user, 'POST', `/v1/applications/${applicationId}/messages`, { text });

async function storedBodies(applicationId: string): Promise<string[]> {
  const rows = await ownerQuery<{ body: string }>(
    market.harness,
    'SELECT body FROM app.messages WHERE application_id = $1 ORDER BY created_at',
    [applicationId],
  );
  return rows.map((row) => row.body);
}

async function shareContact(student: SignedIn, applicationId: string): Promise<void> {
  await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
  await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
  const accepted = await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/contact-response`, {
    accept: true,
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
}

describe('masking', () => {
  test('contact details are masked before storing', async () => {
    const { student, applicationId } = await newApplicant();
    const text = 'Text me at 513 555 0199 or five one three five five five zero one nine nine, jess at gmail dot com';
    const sent = await send(student, applicationId, text);
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().text, 'Text me at [phone number hidden] or [phone number hidden], [email hidden]');
    assert.deepEqual(sent.json().maskedKinds, ['email', 'phone']);
    assert.equal(sent.json().sender, 'student');

    const [stored] = await storedBodies(applicationId);
    assert.equal(stored, sent.json().text);
    assert.equal(/[0-9]/.test(stored ?? ''), false);
  });

  test('employer messages are masked too', async () => {
    const { applicationId } = await newApplicant();
    const sent = await send(market.employer.user, applicationId, 'Add me on snap bakerboss or visit riverside dot com');
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().text, 'Add me on [social handle hidden] or visit [link hidden]');
    assert.deepEqual(sent.json().maskedKinds, ['link', 'handle']);
  });

  test('shared contact stops masking until stopped', async () => {
    const { student, applicationId } = await newApplicant();
    await shareContact(student, applicationId);
    const shared = await send(student, applicationId, 'My cell is 513-555-0199.');
    assert.equal(shared.json().text, 'My cell is 513-555-0199.');
    assert.deepEqual(shared.json().maskedKinds, []);

    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/stop-sharing`);
    const stopped = await send(market.employer.user, applicationId, 'Call 513-555-0100 anytime');
    assert.equal(stopped.json().text, 'Call [phone number hidden] anytime');
    assert.deepEqual(await storedBodies(applicationId), [
      'My cell is 513-555-0199.',
      'Call [phone number hidden] anytime',
    ]);
  });

  test('message text is never logged', async () => {
    const { student, applicationId } = await newApplicant();
    const marker = 'Zephyrine-lighthouse-quokka';
    assert.equal((await send(student, applicationId, `Hello ${marker}`)).statusCode, 201);
    assertError(await send(student, applicationId, `${marker} ${'x'.repeat(2001)}`), 400, 'ValidationError', 'text');
    await asEmployer('GET', `/v1/applications/${applicationId}/messages`);
    assert.equal(
      market.harness.logs.some((line) => line.includes(marker)),
      false,
    );
  });
});

describe('threads', () => {
  test('both sides write and read', async () => {
    const { student, applicationId } = await newApplicant();
    assert.equal((await send(market.employer.user, applicationId, 'Can you start Saturday?')).statusCode, 201);
    assert.equal((await send(market.employer.user, applicationId, 'We open at nine.')).statusCode, 201);

    const inbox = await asStudent(student, 'GET', '/v1/messages');
    assert.equal(inbox.statusCode, 200, inbox.body);
    assert.deepEqual(
      inbox
        .json()
        .threads.map((thread: { applicationId: string; unread: number; counterpartName: string }) => [
          thread.applicationId,
          thread.unread,
          thread.counterpartName,
        ]),
      [[applicationId, 2, 'Riverside Bakery']],
    );

    const thread = await asStudent(student, 'GET', `/v1/applications/${applicationId}/messages`);
    assert.equal(thread.statusCode, 200, thread.body);
    assert.equal(thread.json().counterpartName, 'Riverside Bakery');
    assert.equal(thread.json().canSend, true);
    assert.deepEqual(
      thread.json().messages.map((message: { sender: string; text: string }) => [message.sender, message.text]),
      [
        ['employer', 'Can you start Saturday?'],
        ['employer', 'We open at nine.'],
      ],
    );
    const reread = await asStudent(student, 'GET', '/v1/messages');
    assert.equal(reread.json().threads[0].unread, 0);

    const reply = await send(student, applicationId, 'Yes, I can!');
    assert.equal(reply.statusCode, 201);
    const employerThread = await asEmployer('GET', `/v1/applications/${applicationId}/messages`);
    assert.equal(employerThread.json().counterpartName, `Emery Writer${studentCount}`);
    assert.equal(employerThread.json().messages.length, 3);
    assert.ok(employerThread.json().messages[0].readAt, 'the student read the first message');
  });

  test('withdrawn application closes the thread', async () => {
    const { student, applicationId } = await newApplicant();
    await asStudent(student, 'POST', `/v1/students/me/applications/${applicationId}/withdrawal`);
    assertError(await send(student, applicationId, 'One more thing'), 409, 'ThreadClosed');
    assertError(await send(market.employer.user, applicationId, 'Are you sure?'), 404, 'NotFound');
    const thread = await asStudent(student, 'GET', `/v1/applications/${applicationId}/messages`);
    assert.equal(thread.json().canSend, false);
  });

  test('turned-down application closes the thread', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'not_selected' });
    assertError(await send(market.employer.user, applicationId, 'Sorry!'), 409, 'ThreadClosed');
    assertError(await send(student, applicationId, 'Why?'), 409, 'ThreadClosed');
  });

  test('outsiders get 404', async () => {
    const { applicationId } = await newApplicant();
    const { student: stranger } = await newApplicant();
    assertError(await asStudent(stranger, 'GET', `/v1/applications/${applicationId}/messages`), 404, 'NotFound');
    assertError(await send(stranger, applicationId, 'hello'), 404, 'NotFound');
    assertError(await send(market.otherEmployer.user, applicationId, 'hello'), 404, 'NotFound');
    assertError(
      await request(market.harness, market.staff, 'GET', `/v1/applications/${applicationId}/messages`),
      404,
      'NotFound',
    );
    assertError(await request(market.harness, market.staff, 'GET', '/v1/messages'), 403, 'Forbidden');
    assertError(
      await request(market.harness, null, 'GET', `/v1/applications/${applicationId}/messages`),
      401,
      'Unauthorized',
    );
  });

  test('text must be 1 to 2000 characters', async () => {
    const { student, applicationId } = await newApplicant();
    assertError(await send(student, applicationId, ''), 400, 'ValidationError', 'text');
    assertError(await send(student, applicationId, '   '), 400, 'ValidationError', 'text');
    assertError(await send(student, applicationId, 'x'.repeat(2001)), 400, 'ValidationError', 'text');
    assertError(
      await asStudent(student, 'POST', `/v1/applications/${applicationId}/messages`, { text: 'hi', extra: 1 }),
      400,
      'ValidationError',
    );
    assert.equal((await send(student, applicationId, 'x'.repeat(2000))).statusCode, 201);
  });

  test('longest masked message is stored', async () => {
    const { student, applicationId } = await newApplicant();
    const sent = await send(student, applicationId, '@ab '.repeat(500).trim());
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json().text.length, 500 * '[social handle hidden]'.length + 499);
  });

  test('senders are rate limited', async () => {
    const { student, applicationId } = await newApplicant();
    for (let index = 1; index <= 10; index += 1) {
      const sent = await send(student, applicationId, `Message ${index}`);
      assert.equal(sent.statusCode, 201, sent.body);
    }
    const limited = await send(student, applicationId, 'Message 11');
    assertError(limited, 429, 'TooManyRequests');
    assert.match(limited.json().message, /at most 10 messages a minute/);
    assert.equal((await storedBodies(applicationId)).length, 10);

    // The limit is the sender's: the employer still writes in the same thread.
    assert.equal((await send(market.employer.user, applicationId, 'Got them all!')).statusCode, 201);

    await ownerQuery(
      market.harness,
      `UPDATE app.messages SET created_at = created_at - interval '2 minutes' WHERE application_id = $1`,
      [applicationId],
    );
    assert.equal((await send(student, applicationId, 'Message 11')).statusCode, 201);
  });
});

describe('blocking', () => {
  test('blocked employer cannot message or ask', async () => {
    const { student, applicationId } = await newApplicant();
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });

    const blocked = await asStudent(student, 'POST', '/v1/students/me/blocks', {
      organizationId: market.employer.organizationId,
    });
    assert.equal(blocked.statusCode, 201, blocked.body);
    const repeat = await asStudent(student, 'POST', '/v1/students/me/blocks', {
      organizationId: market.employer.organizationId,
    });
    assert.equal(repeat.statusCode, 200);

    assertError(await send(market.employer.user, applicationId, 'Please answer'), 403, 'BlockedByStudent');
    assertError(
      await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`),
      403,
      'BlockedByStudent',
    );
    const thread = await asEmployer('GET', `/v1/applications/${applicationId}/messages`);
    assert.equal(thread.json().blocked, true);
    assert.equal(thread.json().canSend, false);
    assert.equal((await send(student, applicationId, 'Please stop.')).statusCode, 201);

    const list = await asStudent(student, 'GET', '/v1/students/me/blocks');
    assert.deepEqual(
      list
        .json()
        .blocks.map((entry: { organizationId: string; organizationName: string }) => [
          entry.organizationId,
          entry.organizationName,
        ]),
      [[market.employer.organizationId, 'Riverside Bakery']],
    );

    const unblocked = await asStudent(student, 'DELETE', `/v1/students/me/blocks/${market.employer.organizationId}`);
    assert.equal(unblocked.statusCode, 204);
    assert.equal((await send(market.employer.user, applicationId, 'Thanks for unblocking')).statusCode, 201);
    assertError(
      await asStudent(student, 'DELETE', `/v1/students/me/blocks/${market.employer.organizationId}`),
      404,
      'NotFound',
    );
  });

  test('blocking ends contact sharing', async () => {
    const { student, applicationId } = await newApplicant();
    await shareContact(student, applicationId);
    await asStudent(student, 'POST', '/v1/students/me/blocks', { organizationId: market.employer.organizationId });
    const view = await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    assert.equal(view.json().contactEmail, undefined);
    assert.equal(view.json().status, 'shortlisted');
    const mine = await asStudent(student, 'GET', `/v1/students/me/applications/${applicationId}`);
    assert.equal(mine.json().contactSharing, false);
    assert.equal(mine.json().employerBlocked, true);
    await asStudent(student, 'DELETE', `/v1/students/me/blocks/${market.employer.organizationId}`);
  });

  test('block input is checked', async () => {
    const { student } = await newApplicant();
    assertError(
      await asStudent(student, 'POST', '/v1/students/me/blocks', { organizationId: crypto.randomUUID() }),
      404,
      'NotFound',
    );
    assertError(
      await asStudent(student, 'POST', '/v1/students/me/blocks', { organizationId: 'bakery' }),
      400,
      'ValidationError',
      'organizationId',
    );
    assertError(
      await asEmployer('POST', '/v1/students/me/blocks', { organizationId: market.otherEmployer.organizationId }),
      403,
      'Forbidden',
    );
  });
});
