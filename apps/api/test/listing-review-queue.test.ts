import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness, type SignedIn } from './harness.ts';
import {
  approve,
  assertError,
  client,
  createEmployer,
  createListing,
  createStaff,
  listingBody,
  ownerQuery,
  type Employer,
} from './listing-fixtures.ts';

let harness: Harness;
let diner: Employer;
let pool: Employer;
let staff: SignedIn;
const listing: Record<string, string> = {};

interface QueueListing {
  id: string;
  status: string;
  organizationId: string;
  minimumAge: number;
  history: Array<{ action: string; actorId: string | null; actorRole: string; occurredAt: string }>;
}

function idOf(key: string): string {
  const id = listing[key];
  assert.ok(id, `no listing ${key}`);
  return id;
}

async function queue(query = ''): Promise<{ listings: QueueListing[]; body: Record<string, unknown> }> {
  const response = await client(harness, staff).get(`/v1/staff/listing-reviews?limit=100${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return { listings: response.json().listings, body: response.json() };
}

/** The keys of `listing` whose ids the queue returns, in queue order. */
async function queueKeys(query = ''): Promise<string[]> {
  const byId = new Map(Object.entries(listing).map(([key, id]) => [id, key]));
  return (await queue(query)).listings.flatMap((entry) => (byId.has(entry.id) ? [byId.get(entry.id) as string] : []));
}

before(async () => {
  harness = await startHarness();
  diner = await createEmployer(harness, 'admin@diner.example.test', 'Route 40 Diner');
  pool = await createEmployer(harness, 'admin@pool.example.test', 'Westgate Pool');
  staff = await createStaff(harness, 'reviewer@queue.example.test');

  listing.dinerOld = await createListing(harness, diner.user, listingBody('Diner host'));
  listing.dinerAdults = await createListing(harness, diner.user, listingBody('Diner closer', { minimumAge: 18 }));
  listing.poolNew = await createListing(harness, pool.user, listingBody('Pool snack bar', { minimumAge: 16 }));
  listing.poolDraft = await createListing(harness, pool.user, listingBody('Pool draft'), true);
  listing.approved = await createListing(harness, pool.user, listingBody('Lifeguard trainee'));
  listing.rejected = await createListing(harness, diner.user, listingBody('Diner dishwasher'));

  // The oldest request waits 30 hours, the next 5 hours.
  await ownerQuery(harness, `UPDATE app.listings SET submitted_at = now() - interval '30 hours' WHERE id = $1`, [
    listing.dinerOld,
  ]);
  await ownerQuery(harness, `UPDATE app.listings SET submitted_at = now() - interval '5 hours' WHERE id = $1`, [
    listing.dinerAdults,
  ]);

  await approve(harness, staff, idOf('approved'));
  const rejected = await client(harness, staff).post(`/v1/staff/listing-reviews/${idOf('rejected')}`, {
    decision: 'reject',
    reason: 'Name the duties.',
  });
  assert.equal(rejected.statusCode, 200);
});
after(async () => harness?.close());

describe('listing review queue', () => {
  test('submitted listings wait oldest first', async () => {
    assert.deepEqual(await queueKeys(), ['dinerOld', 'dinerAdults', 'poolNew']);
  });

  test('status filter shows decided listings', async () => {
    assert.deepEqual(await queueKeys('&status=published'), ['approved']);
    assert.deepEqual(await queueKeys('&status=rejected'), ['rejected']);
    const [rejected] = (await queue('&status=rejected')).listings as Array<QueueListing & { rejectionReason: string }>;
    assert.equal(rejected?.rejectionReason, 'Name the duties.');
  });

  test('drafts are not in the queue', async () => {
    assertError(
      await client(harness, staff).get('/v1/staff/listing-reviews?status=draft'),
      400,
      'ValidationError',
      'status',
    );
    const all = await Promise.all(
      ['submitted', 'published', 'rejected', 'closed', 'filled', 'expired'].map((status) =>
        queueKeys(`&status=${status}`),
      ),
    );
    assert.equal(all.flat().includes('poolDraft'), false);
  });

  test('organization filter', async () => {
    assert.deepEqual(await queueKeys(`&organizationId=${pool.organizationId}`), ['poolNew']);
    assert.deepEqual(await queueKeys(`&organizationId=${diner.organizationId}`), ['dinerOld', 'dinerAdults']);
  });

  test('organizations list counts their listings', async () => {
    const { body } = await queue(`&organizationId=${pool.organizationId}`);
    assert.deepEqual(body.organizations, [
      { id: diner.organizationId, name: 'Route 40 Diner', listings: 2 },
      { id: pool.organizationId, name: 'Westgate Pool', listings: 1 },
    ]);
  });

  test('minimum age filter', async () => {
    assert.deepEqual(await queueKeys('&minimumAge=18'), ['dinerAdults']);
    assert.deepEqual(await queueKeys('&minimumAge=16'), ['poolNew']);
    assert.deepEqual(await queueKeys('&minimumAge=15'), ['dinerOld']);
  });

  test('waiting time filter', async () => {
    assert.deepEqual(await queueKeys('&minWaitingHours=24'), ['dinerOld']);
    assert.deepEqual(await queueKeys('&minWaitingHours=4'), ['dinerOld', 'dinerAdults']);
    assert.deepEqual(await queueKeys('&minWaitingHours=0'), ['dinerOld', 'dinerAdults', 'poolNew']);
  });

  test('filters combine', async () => {
    assert.deepEqual(await queueKeys(`&organizationId=${diner.organizationId}&minWaitingHours=24&minimumAge=15`), [
      'dinerOld',
    ]);
    assert.deepEqual(await queueKeys(`&organizationId=${pool.organizationId}&minWaitingHours=24`), []);
  });

  test('decision trail names who and when', async () => {
    const [approved] = (await queue('&status=published')).listings;
    assert.ok(approved);
    assert.deepEqual(
      approved.history.map((event) => [event.action, event.actorRole]),
      [
        ['listing.submitted', 'employer'],
        ['listing.approved', 'staff'],
      ],
    );
    const [submitted, decided] = approved.history;
    assert.equal(submitted?.actorId, pool.user.sub);
    assert.equal(decided?.actorId, staff.sub);
    assert.ok(Date.parse(decided?.occurredAt ?? '') >= Date.parse(submitted?.occurredAt ?? ''));
    assert.ok(Date.now() - Date.parse(decided?.occurredAt ?? '') < 5 * 60 * 1000);

    const [rejected] = (await queue('&status=rejected')).listings;
    assert.deepEqual(
      rejected?.history.map((event) => event.action),
      ['listing.submitted', 'listing.rejected'],
    );
  });

  test('edit back to review shows in the trail', async () => {
    const id = await createListing(harness, pool.user, listingBody('Swim lesson aide'));
    await approve(harness, staff, id);
    const edited = await client(harness, pool.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Swim lesson aide', {
        payMinCents: 1450,
        description: 'Help instructors with the youngest swimmers.',
      }),
    );
    assert.equal(edited.json().returnedToReview, true);
    const entry = (await queue()).listings.find((candidate) => candidate.id === id) as QueueListing & {
      history: Array<{ details: Record<string, unknown> }>;
    };
    assert.deepEqual(
      entry.history.map((event) => event.action),
      ['listing.submitted', 'listing.approved', 'listing.edited', 'listing.returned_to_review'],
    );
    assert.deepEqual(entry.history[3]?.details, { fields: 'pay,description' });
    await approve(harness, staff, id);
  });

  test('queue pages without gaps', async () => {
    const whole = (await queue()).listings.map((entry) => entry.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/staff/listing-reviews?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await client(harness, staff).get(url);
      assert.equal(response.statusCode, 200, response.body);
      paged.push(...response.json().listings.map((entry: { id: string }) => entry.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    assert.deepEqual(paged, whole);
  });

  test('reading the queue is audited', async () => {
    await queue(`&organizationId=${pool.organizationId}&minimumAge=16`);
    const [event] = await ownerQuery<{ actor_id: string; details: Record<string, unknown> }>(
      harness,
      `SELECT actor_id, details FROM audit.events WHERE action = 'unsafe.listing_review_queue.read'
       ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(event?.actor_id, staff.sub);
    assert.deepEqual(event?.details, {
      listings: 1,
      status: 'submitted',
      organizationId: pool.organizationId,
      minimumAge: 16,
      minWaitingHours: null,
    });
  });

  test('queue is for staff only', async () => {
    assertError(await client(harness, diner.user).get('/v1/staff/listing-reviews'), 403, 'Forbidden');
    assertError(await client(harness, null).get('/v1/staff/listing-reviews'), 401, 'Unauthorized');
  });

  const invalid: Array<[string, string, string]> = [
    ['unknown status', 'status=open', 'status'],
    ['malformed organization', 'organizationId=not-a-uuid', 'organizationId'],
    ['unknown minimum age', 'minimumAge=17', 'minimumAge'],
    ['negative waiting time', 'minWaitingHours=-1', 'minWaitingHours'],
    ['garbage cursor', 'cursor=abc', 'cursor'],
  ];
  for (const [name, query, field] of invalid) {
    test(`${name} answers 400`, async () => {
      assertError(
        await client(harness, staff).get(`/v1/staff/listing-reviews?${query}`),
        400,
        'ValidationError',
        field,
      );
    });
  }
});
