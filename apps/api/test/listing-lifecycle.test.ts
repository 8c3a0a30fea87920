import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createDatabase, type Database } from '@clockin/db';
import type { Kysely } from 'kysely';
import { expireListings } from '../src/services/listings.ts';
import { startHarness, type Harness, type SignedIn } from './harness.ts';
import {
  approve,
  assertError,
  client,
  createEmployer,
  createListing,
  createStaff,
  ids,
  listingBody,
  ohioDate,
  ownerQuery,
  publishListing,
  shift,
  type Employer,
} from './listing-fixtures.ts';

let harness: Harness;
let employer: Employer;
let other: Employer;
let staff: SignedIn;
let db: Kysely<Database>;

const day = 24 * 60 * 60 * 1000;

async function statusOf(listingId: string): Promise<string> {
  const response = await client(harness, employer.user).get(`/v1/employer/listings/${listingId}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().status;
}

async function searchIds(query = ''): Promise<string[]> {
  return ids(await client(harness, null).get(`/v1/listings?limit=50${query}`));
}

async function listingEvents(listingId: string): Promise<Array<{ action: string; actor_role: string }>> {
  return ownerQuery(harness, `SELECT action, actor_role, details FROM audit.events WHERE target_id = $1 ORDER BY id`, [
    listingId,
  ]);
}

before(async () => {
  harness = await startHarness();
  employer = await createEmployer(harness, 'admin@lifecycle.example.test', 'Lifecycle Lanes Bowling');
  other = await createEmployer(harness, 'admin@elsewhere.example.test', 'Elsewhere Books');
  staff = await createStaff(harness, 'reviewer@lifecycle.example.test');
  db = createDatabase(harness.database.appUrl, 2);
});
after(async () => {
  await db?.destroy();
  await harness?.close();
});

describe('listing lifecycle', () => {
  test('draft stays out of review and search', async () => {
    const id = await createListing(harness, employer.user, listingBody('Draft lane attendant'), true);
    assert.equal(await statusOf(id), 'draft');
    const queue = await client(harness, staff).get('/v1/staff/listing-reviews?limit=100');
    assert.equal(
      queue.json().listings.some((listing: { id: string }) => listing.id === id),
      false,
    );
    assert.equal((await searchIds()).includes(id), false);
  });

  test('draft submits once', async () => {
    const id = await createListing(harness, employer.user, listingBody('Shoe rental clerk'), true);
    const submitted = await client(harness, employer.user).post(`/v1/employer/listings/${id}/submit`);
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.deepEqual(submitted.json(), { id, status: 'submitted' });
    const again = await client(harness, employer.user).post(`/v1/employer/listings/${id}/submit`);
    assertError(again, 409, 'ListingStatusConflict');
  });

  test('approval publishes into search', async () => {
    const id = await createListing(harness, employer.user, listingBody('Snack bar helper'));
    assert.equal(await statusOf(id), 'submitted');
    assert.equal((await searchIds()).includes(id), false);
    await approve(harness, staff, id);
    assert.equal(await statusOf(id), 'published');
    assert.ok((await searchIds()).includes(id));
  });

  test('rejected listing resubmits with reason cleared', async () => {
    const id = await createListing(harness, employer.user, listingBody('Pin chaser'));
    const rejected = await client(harness, staff).post(`/v1/staff/listing-reviews/${id}`, {
      decision: 'reject',
      reason: 'Say what the job involves.',
    });
    assert.equal(rejected.statusCode, 200);
    const detail = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.equal(detail.json().status, 'rejected');
    assert.equal(detail.json().rejectionReason, 'Say what the job involves.');

    const edited = await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Pin chaser', { description: 'Reset pins, oil lanes and help at the front desk.' }),
    );
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json(), { id, status: 'rejected', returnedToReview: false });

    const resubmitted = await client(harness, employer.user).post(`/v1/employer/listings/${id}/submit`);
    assert.equal(resubmitted.statusCode, 200);
    const after = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.equal(after.json().status, 'submitted');
    assert.equal(after.json().rejectionReason, null);
  });

  test('closing removes from search', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('League scorekeeper'));
    const closed = await client(harness, employer.user).post(`/v1/employer/listings/${id}/close`);
    assert.equal(closed.statusCode, 200);
    assert.deepEqual(closed.json(), { id, status: 'closed' });
    assert.equal((await searchIds()).includes(id), false);
    const detail = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.ok(detail.json().closedAt);
  });

  test('submitted listing can be withdrawn', async () => {
    const id = await createListing(harness, employer.user, listingBody('Party host'));
    const closed = await client(harness, employer.user).post(`/v1/employer/listings/${id}/close`);
    assert.equal(closed.statusCode, 200);
    assert.equal(await statusOf(id), 'closed');
    const decision = await client(harness, staff).post(`/v1/staff/listing-reviews/${id}`, { decision: 'approve' });
    assertError(decision, 404, 'NotFound');
  });

  test('filled removes from search', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Arcade attendant'));
    const filled = await client(harness, employer.user).post(`/v1/employer/listings/${id}/filled`);
    assert.equal(filled.statusCode, 200);
    assert.deepEqual(filled.json(), { id, status: 'filled' });
    assert.equal((await searchIds()).includes(id), false);
  });

  test('closed listing can be marked filled', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Cosmic bowling DJ helper'));
    await client(harness, employer.user).post(`/v1/employer/listings/${id}/close`);
    const filled = await client(harness, employer.user).post(`/v1/employer/listings/${id}/filled`);
    assert.equal(filled.statusCode, 200);
    assert.equal(await statusOf(id), 'filled');
  });

  test('conflicting transitions answer 409', async () => {
    const draft = await createListing(harness, employer.user, listingBody('Refusal draft'), true);
    const submitted = await createListing(harness, employer.user, listingBody('Refusal submitted'));
    const published = await publishListing(harness, employer.user, staff, listingBody('Refusal published'));
    const closed = await publishListing(harness, employer.user, staff, listingBody('Refusal closed'));
    await client(harness, employer.user).post(`/v1/employer/listings/${closed}/close`);
    const filled = await publishListing(harness, employer.user, staff, listingBody('Refusal filled'));
    await client(harness, employer.user).post(`/v1/employer/listings/${filled}/filled`);

    const conflicting: Array<[string, string]> = [
      [draft, 'close'],
      [draft, 'filled'],
      [submitted, 'submit'],
      [submitted, 'filled'],
      [published, 'submit'],
      [closed, 'close'],
      [closed, 'submit'],
      [filled, 'filled'],
      [filled, 'close'],
      [filled, 'submit'],
    ];
    for (const [id, action] of conflicting) {
      const response = await client(harness, employer.user).post(`/v1/employer/listings/${id}/${action}`);
      assertError(response, 409, 'ListingStatusConflict');
    }
    for (const id of [closed, filled]) {
      const edit = await client(harness, employer.user).put(`/v1/employer/listings/${id}`, listingBody('Too late'));
      assertError(edit, 409, 'ListingStatusConflict');
    }
  });

  test("another organization's listing is 404", async () => {
    const id = await createListing(harness, employer.user, listingBody('Private lane'));
    const outsider = client(harness, other.user);
    assertError(await outsider.get(`/v1/employer/listings/${id}`), 404, 'NotFound');
    assertError(await outsider.put(`/v1/employer/listings/${id}`, listingBody('Taken over')), 404, 'NotFound');
    for (const action of ['submit', 'close', 'filled']) {
      assertError(await outsider.post(`/v1/employer/listings/${id}/${action}`), 404, 'NotFound');
    }
    const detail = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.equal(detail.json().title, 'Private lane');
    assert.equal(detail.json().status, 'submitted');
  });

  test('unverified organization saves only drafts', async () => {
    const pending = await createEmployer(harness, 'admin@pending.example.test', 'Pending Putt Putt');
    await ownerQuery(harness, `UPDATE app.organizations SET status = 'pending' WHERE id = $1`, [
      pending.organizationId,
    ]);
    const direct = await client(harness, pending.user).post('/v1/employer/listings', listingBody('Mini golf host'));
    assertError(direct, 403, 'OrganizationNotVerified');

    const id = await createListing(harness, pending.user, listingBody('Mini golf host'), true);
    const submitted = await client(harness, pending.user).post(`/v1/employer/listings/${id}/submit`);
    assertError(submitted, 403, 'OrganizationNotVerified');
    const detail = await client(harness, pending.user).get(`/v1/employer/listings/${id}`);
    assert.equal(detail.json().status, 'draft');
  });

  test('suspended organization cannot submit', async () => {
    const suspended = await createEmployer(harness, 'admin@suspended.example.test', 'Suspended Skate');
    const id = await createListing(harness, suspended.user, listingBody('Skate guard'), true);
    await ownerQuery(
      harness,
      `UPDATE app.organizations SET status = 'suspended', suspended_at = now(), suspension_reason = 'Test suspension'
       WHERE id = $1`,
      [suspended.organizationId],
    );
    const submitted = await client(harness, suspended.user).post(`/v1/employer/listings/${id}/submit`);
    assertError(submitted, 403, 'OrganizationSuspended');
  });

  test('each step is audited', async () => {
    const id = await createListing(harness, employer.user, listingBody('Audited attendant'), true);
    await client(harness, employer.user).post(`/v1/employer/listings/${id}/submit`);
    await approve(harness, staff, id);
    await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Audited attendant', { payMinCents: 1400 }),
    );
    await approve(harness, staff, id);
    await client(harness, employer.user).post(`/v1/employer/listings/${id}/close`);
    await client(harness, employer.user).post(`/v1/employer/listings/${id}/filled`);
    const events = await listingEvents(id);
    assert.deepEqual(
      events.map((event) => `${event.action} by ${event.actor_role}`),
      [
        'listing.drafted by employer',
        'listing.submitted by employer',
        'listing.approved by staff',
        'listing.edited by employer',
        'listing.returned_to_review by employer',
        'listing.approved by staff',
        'listing.closed by employer',
        'listing.filled by employer',
      ],
    );
  });
});

describe('editing a published listing', () => {
  const reviewedEdits: Array<[string, Record<string, unknown>]> = [
    ['schedule', { schedule: [shift(2, '16:00', '19:00')] }],
    ['duties', { duties: ['cashier'] }],
    ['minimum pay', { payMinCents: 1350 }],
    ['maximum pay', { payMaxCents: 1600 }],
    ['pay unit', { payUnit: 'shift', payMinCents: 4500 }],
    ['description', { description: 'Greet customers, restock shelves and run the register.' }],
  ];
  for (const [name, change] of reviewedEdits) {
    test(`${name} change returns to review`, async () => {
      const id = await publishListing(harness, employer.user, staff, listingBody(`Reviewed ${name}`));
      const edited = await client(harness, employer.user).put(
        `/v1/employer/listings/${id}`,
        listingBody(`Reviewed ${name}`, change),
      );
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(edited.json(), { id, status: 'submitted', returnedToReview: true });
      assert.equal((await searchIds()).includes(id), false);
      const queue = await client(harness, staff).get('/v1/staff/listing-reviews?limit=100');
      assert.ok(queue.json().listings.some((listing: { id: string }) => listing.id === id));
      const [event] = (await listingEvents(id)).filter((entry) => entry.action === 'listing.returned_to_review');
      assert.ok(event);
    });
  }

  const unreviewedEdits: Array<[string, Record<string, unknown>]> = [
    ['title', { title: 'Renamed front desk helper' }],
    ['category', { category: 'recreation' }],
    ['season', { season: 'summer' }],
    ['positions', { positions: 3 }],
    ['closing date', { closingDate: ohioDate(20) }],
    ['address', { addressLine: '1 Nationwide Blvd' }],
  ];
  for (const [name, change] of unreviewedEdits) {
    test(`${name} change stays published`, async () => {
      const id = await publishListing(harness, employer.user, staff, listingBody(`Unreviewed ${name}`));
      const edited = await client(harness, employer.user).put(
        `/v1/employer/listings/${id}`,
        listingBody(`Unreviewed ${name}`, change),
      );
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(edited.json(), { id, status: 'published', returnedToReview: false });
      const found = await client(harness, null).get(`/v1/listings/${id}`);
      assert.equal(found.statusCode, 200);
      for (const [field, value] of Object.entries(change)) {
        if (field === 'addressLine') continue;
        assert.deepEqual(found.json()[field], value, field);
      }
    });
  }

  test('reordered duties stay published', async () => {
    const id = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Duty order', { duties: ['cashier', 'cleaning'] }),
    );
    const edited = await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Duty order', { duties: ['cleaning', 'cashier'] }),
    );
    assert.equal(edited.json().returnedToReview, false);
  });

  test('draft edit keeps draft status', async () => {
    const id = await createListing(harness, employer.user, listingBody('Draft edit'), true);
    const edited = await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Draft edit', { description: 'A different description of the work.' }),
    );
    assert.deepEqual(edited.json(), { id, status: 'draft', returnedToReview: false });
  });

  test('edit recomputes the labor summary', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Summary recompute'));
    const before = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.deepEqual(before.json().laborSummary.schoolYear.allowedBands, ['15', '16–17', '18+']);

    await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Summary recompute', { schedule: [shift(1, '17:00', '22:00')] }),
    );
    const after = await client(harness, employer.user).get(`/v1/employer/listings/${id}`);
    assert.deepEqual(after.json().laborSummary.schoolYear.allowedBands, ['16–17', '18+']);
    const stored = await ownerQuery(harness, 'SELECT school_year_bands FROM app.listings WHERE id = $1', [id]);
    assert.deepEqual(stored[0]?.school_year_bands, ['16–17', '18+']);
  });

  test('omitted optional fields keep their values', async () => {
    const id = await createListing(
      harness,
      employer.user,
      listingBody('Kept fields', { category: 'retail', season: 'summer', positions: 4, closingDate: ohioDate(10) }),
    );
    await client(harness, employer.user).put(`/v1/employer/listings/${id}`, listingBody('Kept fields renamed'));
    const detail = (await client(harness, employer.user).get(`/v1/employer/listings/${id}`)).json();
    assert.equal(detail.title, 'Kept fields renamed');
    assert.equal(detail.category, 'retail');
    assert.equal(detail.season, 'summer');
    assert.equal(detail.positions, 4);
    assert.equal(detail.closingDate, ohioDate(10));
  });

  test('re-approval keeps the first publication time', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Clock keeper'));
    const first = (await client(harness, employer.user).get(`/v1/employer/listings/${id}`)).json().firstPublishedAt;
    await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Clock keeper', { payMinCents: 1500 }),
    );
    await approve(harness, staff, id);
    const detail = (await client(harness, employer.user).get(`/v1/employer/listings/${id}`)).json();
    assert.equal(detail.status, 'published');
    assert.equal(detail.firstPublishedAt, first);
    assert.notEqual(detail.publishedAt, first);
  });
});

describe('listing fields', () => {
  test('new fields are stored', async () => {
    const closingDate = ohioDate(14);
    const id = await createListing(
      harness,
      employer.user,
      listingBody('Summer camp aide', { category: 'childcare', season: 'summer', positions: 12, closingDate }),
    );
    const detail = (await client(harness, employer.user).get(`/v1/employer/listings/${id}`)).json();
    assert.equal(detail.category, 'childcare');
    assert.equal(detail.season, 'summer');
    assert.equal(detail.positions, 12);
    assert.equal(detail.closingDate, closingDate);
  });

  test('defaults fill omitted fields', async () => {
    const id = await createListing(harness, employer.user, listingBody('Defaulted fields'));
    const detail = (await client(harness, employer.user).get(`/v1/employer/listings/${id}`)).json();
    assert.equal(detail.category, 'other');
    assert.equal(detail.season, 'both');
    assert.equal(detail.positions, 1);
    assert.equal(detail.closingDate, null);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['positions 0', { positions: 0 }, 'positions'],
    ['positions 51', { positions: 51 }, 'positions'],
    ['positions 2.5', { positions: 2.5 }, 'positions'],
    ['unknown category', { category: 'astronaut' }, 'category'],
    ['unknown season', { season: 'winter' }, 'season'],
    ['malformed closing date', { closingDate: '2030-02-31x' }, 'closingDate'],
    ['past closing date', { closingDate: ohioDate(-1) }, 'closingDate'],
    ['non-Ohio ZIP', { zip: '90210' }, 'zip'],
    ['draft not boolean', { draft: 'maybe' }, 'draft'],
  ];
  for (const [name, change, field] of invalid) {
    test(`${name} answers 400`, async () => {
      const response = await client(harness, employer.user).post('/v1/employer/listings', listingBody(name, change));
      assertError(response, 400, 'ValidationError', field);
    });
  }

  test('closing date today is accepted', async () => {
    const id = await createListing(harness, employer.user, listingBody('Last call', { closingDate: ohioDate(0) }));
    assert.equal(await statusOf(id), 'submitted');
  });

  test('edit rejects a new past closing date', async () => {
    const id = await createListing(harness, employer.user, listingBody('Edit past date'), true);
    const edited = await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Edit past date', { closingDate: ohioDate(-3) }),
    );
    assertError(edited, 400, 'ValidationError', 'closingDate');
  });

  test('submit rejects a closing date that passed', async () => {
    const id = await createListing(harness, employer.user, listingBody('Stale draft'), true);
    await ownerQuery(harness, 'UPDATE app.listings SET closing_date = $2 WHERE id = $1', [id, ohioDate(-2)]);
    const submitted = await client(harness, employer.user).post(`/v1/employer/listings/${id}/submit`);
    assertError(submitted, 400, 'ValidationError', 'closingDate');
    assert.equal(await statusOf(id), 'draft');
  });

  test('employer list shows the new fields', async () => {
    const id = await createListing(
      harness,
      employer.user,
      listingBody('Listed fields', { category: 'grocery', positions: 2 }),
      true,
    );
    const response = await client(harness, employer.user).get('/v1/employer/listings');
    const listed = response.json().listings.find((listing: { id: string }) => listing.id === id);
    assert.equal(listed.status, 'draft');
    assert.equal(listed.category, 'grocery');
    assert.equal(listed.positions, 2);
    assert.equal(listed.season, 'both');
  });
});

describe('listing expiry', () => {
  test('closing date passed expires', async () => {
    const due = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Expiry due', { closingDate: ohioDate(1) }),
    );
    const open = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Expiry open', { closingDate: ohioDate(3) }),
    );
    // Two days on, the closing date of `due` is yesterday and that of `open` is tomorrow.
    const expired = await expireListings(db, new Date(Date.now() + 2 * day));
    const expiredIds = expired.map((listing) => listing.listingId);
    assert.ok(expiredIds.includes(due));
    assert.equal(expiredIds.includes(open), false);
    assert.equal(expired.find((listing) => listing.listingId === due)?.reason, 'closing_date');
    assert.equal(await statusOf(due), 'expired');
    assert.equal(await statusOf(open), 'published');
  });

  test('listing on its closing date stays open', async () => {
    const id = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Closing today', { closingDate: ohioDate(0) }),
    );
    const expired = await expireListings(db, new Date());
    assert.equal(
      expired.some((listing) => listing.listingId === id),
      false,
    );
    assert.ok((await searchIds()).includes(id));
  });

  test('sixty days after publication expires', async () => {
    const old = await publishListing(harness, employer.user, staff, listingBody('Sixty days old'));
    const young = await publishListing(harness, employer.user, staff, listingBody('Fifty-nine days old'));
    await ownerQuery(harness, `UPDATE app.listings SET first_published_at = now() - interval '60 days' WHERE id = $1`, [
      old,
    ]);
    await ownerQuery(harness, `UPDATE app.listings SET first_published_at = now() - interval '59 days' WHERE id = $1`, [
      young,
    ]);
    const expired = await expireListings(db, new Date());
    assert.equal(expired.find((listing) => listing.listingId === old)?.reason, 'publication_limit');
    assert.equal(
      expired.some((listing) => listing.listingId === young),
      false,
    );
    assert.equal(await statusOf(old), 'expired');
  });

  test('re-approval does not restart the limit', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Edited old listing'));
    await ownerQuery(harness, `UPDATE app.listings SET first_published_at = now() - interval '59 days' WHERE id = $1`, [
      id,
    ]);
    await client(harness, employer.user).put(
      `/v1/employer/listings/${id}`,
      listingBody('Edited old listing', { payMinCents: 1500 }),
    );
    await approve(harness, staff, id);
    const expired = await expireListings(db, new Date(Date.now() + 2 * day));
    assert.ok(expired.some((listing) => listing.listingId === id));
  });

  test('due listing leaves search before expiry runs', async () => {
    const id = await publishListing(harness, employer.user, staff, listingBody('Overdue listing'));
    assert.ok((await searchIds()).includes(id));
    await ownerQuery(harness, 'UPDATE app.listings SET closing_date = $2 WHERE id = $1', [id, ohioDate(-1)]);
    assert.equal((await searchIds()).includes(id), false);
    assertError(await client(harness, null).get(`/v1/listings/${id}`), 404, 'NotFound');
    assert.equal(await statusOf(id), 'published');
  });

  test('submitted listing past closing date expires', async () => {
    const submitted = await createListing(
      harness,
      employer.user,
      listingBody('Never reviewed', { closingDate: ohioDate(0) }),
    );
    const draft = await createListing(
      harness,
      employer.user,
      listingBody('Old draft', { closingDate: ohioDate(0) }),
      true,
    );
    await expireListings(db, new Date(Date.now() + 2 * day));
    assert.equal(await statusOf(submitted), 'expired');
    assert.equal(await statusOf(draft), 'draft');
  });

  test('closed and filled listings are left alone', async () => {
    const closed = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Closed early', { closingDate: ohioDate(0) }),
    );
    await client(harness, employer.user).post(`/v1/employer/listings/${closed}/close`);
    await expireListings(db, new Date(Date.now() + 90 * day));
    assert.equal(await statusOf(closed), 'closed');
  });

  test('expiry is audited by the system', async () => {
    const id = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Audited expiry', { closingDate: ohioDate(0) }),
    );
    await expireListings(db, new Date(Date.now() + 2 * day));
    const events = await ownerQuery<{ actor_id: string | null; actor_role: string; details: { reason: string } }>(
      harness,
      `SELECT actor_id, actor_role, details FROM audit.events WHERE target_id = $1 AND action = 'listing.expired'`,
      [id],
    );
    assert.equal(events.length, 1);
    assert.equal(events[0]?.actor_id, null);
    assert.equal(events[0]?.actor_role, 'system');
    assert.deepEqual(events[0]?.details, { reason: 'closing_date' });
  });

  test('second run expires nothing new', async () => {
    const when = new Date(Date.now() + 100 * day);
    await expireListings(db, when);
    assert.deepEqual(await expireListings(db, when), []);
  });

  test('expired listing can be marked filled', async () => {
    const id = await publishListing(
      harness,
      employer.user,
      staff,
      listingBody('Filled after expiry', { closingDate: ohioDate(0) }),
    );
    await expireListings(db, new Date(Date.now() + 2 * day));
    const filled = await client(harness, employer.user).post(`/v1/employer/listings/${id}/filled`);
    assert.equal(filled.statusCode, 200);
    assertError(
      await client(harness, employer.user).post(`/v1/employer/listings/${id}/close`),
      409,
      'ListingStatusConflict',
    );
  });
});
