import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { composeEmail, WebLinks } from '../src/services/notification-emails.ts';
import { isSchoolHours } from '../src/services/notifications.ts';
import {
  apply,
  createStudent,
  notificationsTo,
  ownerQuery,
  request,
  schoolAfternoon,
  schoolMorning,
  startMarketplace,
  weekendAfternoon,
  type Marketplace,
} from './applications-fixtures.ts';
import type { SignedIn } from './harness.ts';

let market: Marketplace;
let studentCount = 0;

before(async () => {
  market = await startMarketplace('notices');
});
after(async () => market?.harness.close());

const employerEmail = 'admin@notices-bakery.example.test';

async function newApplicant(age: number, message = 'I would love to work the Saturday counter.') {
  studentCount += 1;
  const student = await createStudent(
    market,
    `reader${studentCount}@notices.example.test`,
    { givenName: 'Jordan', familyName: `Reader${studentCount}` },
    age,
  );
  const applicationId = await apply(market, student, message);
  return { student, applicationId };
}

const asEmployer = (method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, market.employer.user, method, url, payload);
const send = (user: SignedIn, applicationId: string, text: string) =>
  request(market.harness, user, 'POST', `/v1/applications/${applicationId}/messages`, { text });

/** Runs `work` with the delivery clock at `moment`, and puts the weekend clock back afterwards. */
async function atMoment<T>(moment: Date, work: () => Promise<T>): Promise<T> {
  market.harness.api.services.notifications.clock = () => moment;
  try {
    return await work();
  } finally {
    market.harness.api.services.notifications.clock = () => weekendAfternoon;
  }
}

describe('school hours', () => {
  test('school hours follow the Ohio clock', () => {
    const cases: [string, boolean][] = [
      ['2027-01-12T12:59:00Z', false], // Tuesday 07:59 EST
      ['2027-01-12T13:00:00Z', true], // 08:00
      ['2027-01-12T19:59:00Z', true], // 14:59
      ['2027-01-12T20:00:00Z', false], // 15:00
      ['2027-01-16T15:00:00Z', false], // Saturday 10:00
      ['2027-01-18T15:00:00Z', false], // Martin Luther King Jr. Day
      ['2027-03-16T16:00:00Z', true], // Tuesday 12:00 EDT
      ['2027-03-16T19:30:00Z', false], // Tuesday 15:30 EDT
      ['2027-07-13T14:00:00Z', false], // summer vacation
    ];
    for (const [moment, expected] of cases) assert.equal(isSchoolHours(new Date(moment)), expected, moment);
  });
});

describe('email texts', () => {
  const facts = {
    applicationId: '11111111-1111-4111-8111-111111111111',
    listingId: '22222222-2222-4222-8222-222222222222',
    listingTitle: 'Weekend bakery counter',
    employerName: 'Riverside Bakery',
  };
  const notification = (kind: 'application_received' | 'message_received', recipientId: string | null) => ({
    id: crypto.randomUUID(),
    recipientId,
    organizationId: crypto.randomUUID(),
    kind,
    applicationId: facts.applicationId,
    reportId: null,
    status: null,
    createdAt: weekendAfternoon,
    heldAt: null,
  });

  test('emails link to the web app', () => {
    const links = new WebLinks('http://localhost:3000/');
    const received = composeEmail(notification('application_received', null), facts, links);
    assert.match(
      received?.text ?? '',
      new RegExp(`http://localhost:3000/employer/listings/${facts.listingId}/applicants`),
    );
    const toStudent = composeEmail(notification('message_received', crypto.randomUUID()), facts, links);
    assert.match(toStudent?.text ?? '', new RegExp(`http://localhost:3000/messages/${facts.applicationId}`));
    assert.match(toStudent?.text ?? '', /Keep the conversation on ClockIn/);
  });

  test('email for a deleted application is skipped', () => {
    assert.equal(composeEmail(notification('application_received', null), undefined, new WebLinks(undefined)), null);
  });
});

describe('email notifications', () => {
  test('employer hears of each application', async () => {
    const marker = 'Ottoline-Vasquez-pastry-dream';
    const { student } = await newApplicant(16, `My dream: ${marker}`);
    const emails = await notificationsTo(market.harness, employerEmail);
    const received = emails.filter((email) => email.category === 'application-received');
    assert.ok(received.length >= 1);
    const newest = received.at(-1);
    assert.equal(newest?.subject, 'New application for "Weekend bakery counter"');
    // The test API has no web origin, so the email names the page instead of linking to it.
    assert.match(newest?.text ?? '', /Read the application: the Applicants page on ClockIn/);
    for (const secret of [marker, student.email, `Reader${studentCount}`]) {
      assert.equal(newest?.text.includes(secret), false, `the email mentions ${secret}`);
    }
  });

  test('status changes and contact requests reach the student', async () => {
    const { student, applicationId } = await newApplicant(19);
    await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
    await asEmployer('POST', `/v1/employer/applications/${applicationId}/contact-request`);
    const emails = await notificationsTo(market.harness, student.email);
    assert.deepEqual(
      emails.map((email) => email.subject),
      [
        'Update on your application to Riverside Bakery',
        'Update on your application to Riverside Bakery',
        'Riverside Bakery asks for your contact details',
      ],
    );
    assert.match(emails[0]?.text ?? '', /opened your application/);
    assert.match(emails[1]?.text ?? '', /shortlisted you/);
    assert.match(emails[2]?.text ?? '', /Nothing is shared unless you accept/);
  });

  test('message emails carry no text', async () => {
    const { student, applicationId } = await newApplicant(19);
    const secret = 'Marzipan-lantern-4417';
    assert.equal((await send(student, applicationId, `Quick question: ${secret}`)).statusCode, 201);
    assert.equal((await send(market.employer.user, applicationId, `Answer: ${secret}`)).statusCode, 201);

    const toEmployer = (await notificationsTo(market.harness, employerEmail)).filter(
      (email) => email.category === 'message-received',
    );
    const toStudent = (await notificationsTo(market.harness, student.email)).filter(
      (email) => email.category === 'message-received',
    );
    assert.equal(toStudent.length, 1);
    assert.equal(toStudent[0]?.subject, 'New message from Riverside Bakery');
    assert.ok(toEmployer.some((email) => email.subject === 'New message about "Weekend bakery counter"'));
    for (const email of [...toEmployer, ...toStudent]) assert.equal(email.text.includes(secret), false);
  });

  test('a busy thread sends one email', async () => {
    const { student, applicationId } = await newApplicant(19);
    for (const text of ['First', 'Second', 'Third']) {
      assert.equal((await send(market.employer.user, applicationId, text)).statusCode, 201);
    }
    const emails = (await notificationsTo(market.harness, student.email)).filter(
      (email) => email.category === 'message-received',
    );
    assert.equal(emails.length, 1);
  });

  test('minor emails wait for the digest', async () => {
    const { student, applicationId } = await newApplicant(16);
    const notifications = market.harness.api.services.notifications;
    await atMoment(schoolMorning, async () => {
      await asEmployer('GET', `/v1/employer/applications/${applicationId}`);
      await asEmployer('POST', `/v1/employer/applications/${applicationId}/status`, { status: 'shortlisted' });
      await send(market.employer.user, applicationId, 'Can you come in Saturday?');
    });
    assert.deepEqual(await notificationsTo(market.harness, student.email), []);
    const held = await ownerQuery<{ held: number }>(
      market.harness,
      'SELECT count(*)::int AS held FROM app.notifications WHERE recipient_id = $1 AND held_at IS NOT NULL AND sent_at IS NULL',
      [student.sub],
    );
    assert.equal(held[0]?.held, 3);

    assert.deepEqual(await notifications.sendHeldDigests(schoolMorning), { sent: 0, held: 0 });
    assert.deepEqual(await notificationsTo(market.harness, student.email), []);

    const digest = await notifications.sendHeldDigests(schoolAfternoon);
    assert.equal(digest.sent >= 1, true);
    const emails = await notificationsTo(market.harness, student.email);
    assert.equal(emails.length, 1);
    assert.equal(emails[0]?.subject, 'Your ClockIn updates from today');
    assert.equal(emails[0]?.category, 'school-hours-digest');
    const lines = (emails[0]?.text ?? '').split('\n').filter((line) => line.startsWith('- '));
    assert.deepEqual(lines, [
      '- Riverside Bakery opened your application ("Weekend bakery counter").',
      '- Riverside Bakery shortlisted you ("Weekend bakery counter").',
      '- New message from Riverside Bakery ("Weekend bakery counter").',
    ]);

    await notifications.sendHeldDigests(new Date(schoolAfternoon.getTime() + 60_000));
    assert.equal((await notificationsTo(market.harness, student.email)).length, 1);
  });

  test('adult emails are never held', async () => {
    const { student, applicationId } = await newApplicant(18);
    await atMoment(schoolMorning, () => asEmployer('GET', `/v1/employer/applications/${applicationId}`));
    const emails = await notificationsTo(market.harness, student.email);
    assert.deepEqual(
      emails.map((email) => email.subject),
      ['Update on your application to Riverside Bakery'],
    );
  });

  test('employer emails are never held', async () => {
    const before = (await notificationsTo(market.harness, employerEmail)).length;
    await atMoment(schoolMorning, () => newApplicant(15));
    assert.equal((await notificationsTo(market.harness, employerEmail)).length, before + 1);
  });

  test('report acknowledgement reaches the reporter', async () => {
    const { student } = await newApplicant(16);
    const reported = await request(market.harness, student, 'POST', '/v1/reports', {
      targetType: 'listing',
      targetId: market.listingId,
      category: 'scam_or_fee',
      details: 'They asked me to pay for a uniform first.',
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const emails = await notificationsTo(market.harness, student.email);
    assert.deepEqual(
      emails.map((email) => [email.subject, email.category]),
      [['We received your report', 'report-received']],
    );
    assert.match(emails[0]?.text ?? '', /within 24 hours/);
  });
});
