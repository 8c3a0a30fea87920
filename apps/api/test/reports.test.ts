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
import { createConfirmedUser, signIn, type SignedIn } from './harness.ts';

let market: Marketplace;
let student: SignedIn;
let applicationId: string;
let employerMessageId: string;
let studentCount = 0;

before(async () => {
  market = await startMarketplace('reports');
  student = await createStudent(
    market,
    'reporter@reports.example.test',
    { givenName: 'Sage', familyName: 'Reporter' },
    16,
  );
  applicationId = await apply(market, student, 'I would like the Saturday shifts.');
  const sent = await request(
    market.harness,
    market.employer.user,
    'POST',
    `/v1/applications/${applicationId}/messages`,
    {
      text: 'Meet me alone behind the store after closing.',
    },
  );
  assert.equal(sent.statusCode, 201, sent.body);
  employerMessageId = sent.json().id;
});
after(async () => market?.harness.close());

const report = (user: SignedIn | null, payload: object) =>
  request(market.harness, user, 'POST', '/v1/reports', payload);
const asStaff = (method: 'GET' | 'POST', url: string, payload?: object) =>
  request(market.harness, market.staff, method, url, payload);

async function anotherStudent(): Promise<SignedIn> {
  studentCount += 1;
  return createStudent(
    market,
    `witness${studentCount}@reports.example.test`,
    { givenName: 'Kai', familyName: `Witness${studentCount}` },
    17,
  );
}

describe('making reports', () => {
  test('listing report gets a 24-hour target', async () => {
    const response = await report(student, {
      targetType: 'listing',
      targetId: market.listingId,
      category: 'scam_or_fee',
      details: 'They want a $40 fee for training.',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(Object.keys(response.json()).sort(), ['createdAt', 'dueAt', 'id']);
    const { createdAt, dueAt } = response.json();
    assert.equal(new Date(dueAt).getTime() - new Date(createdAt).getTime(), 24 * 60 * 60 * 1000);

    const queue = await asStaff('GET', '/v1/staff/reports');
    const queued = queue.json().reports.find((entry: { id: string }) => entry.id === response.json().id);
    assert.equal(queued.targetType, 'listing');
    assert.equal(queued.category, 'scam_or_fee');
    assert.equal(queued.listingTitle, 'Weekend bakery counter');
    assert.equal(queued.organizationName, 'Riverside Bakery');
    assert.equal(queued.reporterRole, 'student');
    assert.equal(queued.status, 'open');
    assert.equal(queued.overdue, false);
    assert.ok(queued.secondsLeft > 23 * 3600, String(queued.secondsLeft));
    assert.ok(queued.secondsLeft <= 24 * 3600, String(queued.secondsLeft));
  });

  test('employer and message reports reach staff', async () => {
    const organization = await report(student, {
      targetType: 'organization',
      targetId: market.employer.organizationId,
      category: 'illegal_hours_or_hazards',
    });
    assert.equal(organization.statusCode, 201, organization.body);

    const message = await report(student, {
      targetType: 'message',
      targetId: employerMessageId,
      category: 'meet_alone_or_off_platform',
    });
    assert.equal(message.statusCode, 201, message.body);
    const detail = await asStaff('GET', `/v1/staff/reports/${message.json().id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json().report.messageBody, 'Meet me alone behind the store after closing.');
    assert.equal(detail.json().report.messageSenderRole, 'employer');
    assert.equal(detail.json().report.organizationId, market.employer.organizationId);

    const fromEmployer = await request(market.harness, market.employer.user, 'POST', '/v1/reports', {
      targetType: 'message',
      targetId: (
        await request(market.harness, student, 'POST', `/v1/applications/${applicationId}/messages`, {
          text: 'Something rude',
        })
      ).json().id,
      category: 'inappropriate_content',
      details: 'Rude reply.',
    });
    assert.equal(fromEmployer.statusCode, 201, fromEmployer.body);
  });

  test('unseen targets are 404', async () => {
    const stranger = await anotherStudent();
    const hidden = await request(market.harness, market.employer.user, 'POST', '/v1/employer/listings', {
      title: 'Hidden draft listing',
      description: 'Still waiting for review by ClockIn staff.',
      payMinCents: 1300,
      payMaxCents: null,
      payUnit: 'hour',
      addressLine: '20 E Broad St',
      city: 'Columbus',
      zip: '43215',
      schedule: [{ day: 6, start: '09:00', end: '13:00', breakMinutes: 0 }],
    });
    assert.equal(hidden.statusCode, 201, hidden.body);
    const cases: [object, string][] = [
      [{ targetType: 'listing', targetId: hidden.json().id, category: 'other' }, 'The listing was not found.'],
      [{ targetType: 'message', targetId: employerMessageId, category: 'other' }, 'The message was not found.'],
      [{ targetType: 'organization', targetId: crypto.randomUUID(), category: 'other' }, 'The employer was not found.'],
    ];
    for (const [payload, message] of cases) {
      const response = await report(stranger, payload);
      assertError(response, 404, 'NotFound');
      assert.equal(response.json().message, message);
    }
  });

  test('report input is validated', async () => {
    const base = { targetType: 'listing', targetId: market.listingId, category: 'other' };
    assertError(await report(student, { ...base, category: 'rude' }), 400, 'ValidationError', 'category');
    assertError(await report(student, { ...base, targetType: 'student' }), 400, 'ValidationError', 'targetType');
    assertError(await report(student, { ...base, targetId: 'listing-1' }), 400, 'ValidationError', 'targetId');
    assertError(await report(student, { ...base, details: 'x'.repeat(2001) }), 400, 'ValidationError', 'details');
    assertError(
      await report(student, { targetType: 'listing', category: 'other' }),
      400,
      'ValidationError',
      'targetId',
    );
  });

  test('only students and employers report', async () => {
    const payload = { targetType: 'listing', targetId: market.listingId, category: 'other' };
    assertError(await report(market.staff, payload), 403, 'Forbidden');
    assertError(await report(null, payload), 401, 'Unauthorized');
    await createConfirmedUser(market.harness, 'district@reports.example.test', 'district-admin');
    const district = await signIn(market.harness, 'district@reports.example.test');
    assertError(await report(district, payload), 403, 'Forbidden');
  });

  test('reporters are rate limited', async () => {
    const busy = await anotherStudent();
    const payload = { targetType: 'listing', targetId: market.listingId, category: 'other' };
    for (let index = 1; index <= 20; index += 1) assert.equal((await report(busy, payload)).statusCode, 201);
    assertError(await report(busy, payload), 429, 'TooManyRequests');
  });

  test('report events name no organization', async () => {
    const events = await ownerQuery<{ organization_id: string | null }>(
      market.harness,
      `SELECT organization_id FROM audit.events
       WHERE target_type = 'report' AND actor_id = $1`,
      [student.sub],
    );
    assert.ok(events.length >= 3);
    assert.deepEqual(
      events.filter((event) => event.organization_id !== null),
      [],
    );
  });
});

describe('staff report queue', () => {
  test('queue filters by status, category, target and deadline', async () => {
    const witness = await anotherStudent();
    const overdue = await report(witness, { targetType: 'listing', targetId: market.listingId, category: 'other' });
    const fresh = await report(witness, {
      targetType: 'organization',
      targetId: market.otherEmployer.organizationId,
      category: 'inappropriate_content',
    });
    await ownerQuery(
      market.harness,
      `UPDATE app.reports SET created_at = now() - interval '30 hours', due_at = now() - interval '6 hours' WHERE id = $1`,
      [overdue.json().id],
    );
    const idsOf = async (query: string) => {
      const response = await asStaff('GET', `/v1/staff/reports${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json().reports.map((entry: { id: string }) => entry.id) as string[];
    };

    const overdueIds = await idsOf('?overdue=true');
    assert.ok(overdueIds.includes(overdue.json().id));
    assert.equal(overdueIds.includes(fresh.json().id), false);
    const late = (await asStaff('GET', '/v1/staff/reports?overdue=true')).json().reports[0];
    assert.equal(late.overdue, true);
    assert.ok(late.secondsLeft <= -6 * 3600 + 5);

    const inappropriate = await idsOf('?category=inappropriate_content&targetType=organization');
    assert.ok(inappropriate.includes(fresh.json().id));
    assert.equal(inappropriate.includes(overdue.json().id), false);

    const all = await idsOf('?status=open');
    assert.ok(all.indexOf(overdue.json().id) < all.indexOf(fresh.json().id), 'the nearest deadline comes first');
    assertError(await asStaff('GET', '/v1/staff/reports?status=closed'), 400, 'ValidationError', 'status');
  });

  test('decision is audited and shown', async () => {
    const witness = await anotherStudent();
    const made = await report(witness, { targetType: 'listing', targetId: market.listingId, category: 'scam_or_fee' });
    const reportId = made.json().id;

    assertError(
      await asStaff('POST', `/v1/staff/reports/${reportId}/decision`, { outcome: 'banned' }),
      400,
      'ValidationError',
      'outcome',
    );
    const decided = await asStaff('POST', `/v1/staff/reports/${reportId}/decision`, {
      outcome: 'warning_issued',
      note: 'Told the employer that fees are not allowed.',
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.equal(decided.json().report.status, 'resolved');
    assert.equal(decided.json().report.outcome, 'warning_issued');
    assert.equal(decided.json().report.decisionNote, 'Told the employer that fees are not allowed.');
    assert.equal(decided.json().report.decidedBy, market.staff.sub);
    assert.equal(decided.json().report.overdue, false);

    const trail = decided.json().auditTrail as Array<{
      action: string;
      actorId: string;
      details: Record<string, unknown>;
    }>;
    assert.equal(trail[0]?.action, 'report.created');
    assert.equal(trail[0]?.actorId, witness.sub);
    const decision = trail.find((event) => event.action === 'report.decided');
    assert.equal(decision?.actorId, market.staff.sub);
    assert.deepEqual(decision?.details, { outcome: 'warning_issued', category: 'scam_or_fee', withinTarget: true });

    assertError(
      await asStaff('POST', `/v1/staff/reports/${reportId}/decision`, { outcome: 'no_violation' }),
      409,
      'Conflict',
    );
    assertError(
      await asStaff('POST', `/v1/staff/reports/${crypto.randomUUID()}/decision`, { outcome: 'no_violation' }),
      404,
      'NotFound',
    );
    const resolved = await asStaff('GET', '/v1/staff/reports?status=resolved');
    assert.ok(resolved.json().reports.some((entry: { id: string }) => entry.id === reportId));
  });

  test('queue is for staff only', async () => {
    assertError(await request(market.harness, student, 'GET', '/v1/staff/reports'), 403, 'Forbidden');
    assertError(await request(market.harness, market.employer.user, 'GET', '/v1/staff/reports'), 403, 'Forbidden');
    assertError(
      await request(market.harness, market.employer.user, 'POST', `/v1/staff/reports/${crypto.randomUUID()}/decision`, {
        outcome: 'no_violation',
      }),
      403,
      'Forbidden',
    );
  });
});
