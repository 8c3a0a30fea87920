import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUpStudent, someSchoolId, startHarness, type Harness, type SignedIn } from './harness.ts';
import {
  assertError,
  client,
  createEmployer,
  createListing,
  createStaff,
  listingBody,
  ownerQuery,
  publishListing,
  type Employer,
} from './listing-fixtures.ts';

let harness: Harness;
let staff: SignedIn;
let verified: Employer;
let publishedId = '';
let submittedId = '';
let draftId = '';

before(async () => {
  harness = await startHarness();
  staff = await createStaff(harness, 'staff@profile.example.test');
  verified = await createEmployer(harness, 'admin@verified.example.test', 'Maple Street Grocers');
  await ownerQuery(
    harness,
    `UPDATE app.organizations SET website = 'https://maple.example.test', decided_at = '2026-03-02T15:00:00Z'
     WHERE id = $1`,
    [verified.organizationId],
  );
  publishedId = await publishListing(harness, verified.user, staff, listingBody('Produce stocker'));
  submittedId = await createListing(harness, verified.user, listingBody('Cart attendant'));
  draftId = await createListing(harness, verified.user, listingBody('Bagger draft'), true);
});
after(async () => harness?.close());

describe('employer profile', () => {
  test('verified profile shows only public fields', async () => {
    const response = await client(harness, null).get(`/v1/employers/${verified.organizationId}`);
    assert.equal(response.statusCode, 200, response.body);
    const profile = response.json();
    assert.deepEqual(Object.keys(profile).sort(), [
      'city',
      'id',
      'industry',
      'listings',
      'tradingName',
      'verifiedSince',
      'website',
    ]);
    assert.equal(profile.id, verified.organizationId);
    assert.equal(profile.tradingName, 'Maple Street Grocers');
    assert.equal(profile.city, 'Columbus');
    assert.equal(profile.industry, 'Retail');
    assert.equal(profile.website, 'https://maple.example.test');
    assert.equal(profile.verifiedSince, '2026-03-02T15:00:00.000Z');
    assert.equal(response.body.includes('12-3456789'), false, 'the EIN leaked');
    assert.equal(response.body.includes('614-555-0100'), false, 'the phone number leaked');
    assert.equal(response.body.includes('1 Main St'), false, 'the address line leaked');
    assert.equal(response.body.includes('admin@example.test'), false, 'a member email leaked');

    assert.equal(profile.listings.length, 1);
    assert.deepEqual(Object.keys(profile.listings[0]).sort(), [
      'city',
      'id',
      'payMaxCents',
      'payMinCents',
      'payUnit',
      'publishedAt',
      'title',
    ]);
    assert.equal(profile.listings[0].title, 'Produce stocker');
    assert.equal(profile.listings[0].payMinCents, 1300);
    assert.equal(profile.listings[0].payMaxCents, null);
    assert.equal(profile.listings[0].payUnit, 'hour');
  });

  test('profile lists only published listings', async () => {
    const response = await client(harness, null).get(`/v1/employers/${verified.organizationId}`);
    assert.equal(response.statusCode, 200, response.body);
    const listed = (response.json().listings as Array<{ id: string }>).map((listing) => listing.id);
    assert.deepEqual(listed, [publishedId]);
    assert.equal(response.body.includes(submittedId), false, 'a listing in review is listed');
    assert.equal(response.body.includes(draftId), false, 'a draft is listed');

    // The organization's own admin can read its drafts elsewhere, but not on the public profile.
    const own = await client(harness, verified.user).get(`/v1/employers/${verified.organizationId}`);
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(
      (own.json().listings as Array<{ id: string }>).map((listing) => listing.id),
      [publishedId],
    );
  });

  test('listing detail links to its organization', async () => {
    const response = await client(harness, null).get(`/v1/listings/${publishedId}`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().organizationId, verified.organizationId);
  });

  test('pending and rejected organizations are not found', async () => {
    const pending = await createEmployer(harness, 'admin@pending.example.test', 'Pending Paint Supply');
    await ownerQuery(harness, `UPDATE app.organizations SET status = 'pending' WHERE id = $1`, [
      pending.organizationId,
    ]);
    const rejected = await createEmployer(harness, 'admin@rejected.example.test', 'Rejected Roofing');
    await ownerQuery(
      harness,
      `UPDATE app.organizations SET status = 'rejected', rejection_reason = 'EIN does not match' WHERE id = $1`,
      [rejected.organizationId],
    );

    for (const organizationId of [pending.organizationId, rejected.organizationId]) {
      assertError(await client(harness, null).get(`/v1/employers/${organizationId}`), 404, 'NotFound');
      // Staff read every organization through row-level security, so the status check must hold for them too.
      assertError(await client(harness, staff).get(`/v1/employers/${organizationId}`), 404, 'NotFound');
    }
    // Members read their own organization through row-level security as well.
    assertError(await client(harness, pending.user).get(`/v1/employers/${pending.organizationId}`), 404, 'NotFound');
  });

  test('suspended organization is not found', async () => {
    const suspended = await createEmployer(harness, 'admin@suspended.example.test', 'Suspended Snacks');
    await publishListing(harness, suspended.user, staff, listingBody('Snack bar helper'));
    const before = await client(harness, null).get(`/v1/employers/${suspended.organizationId}`);
    assert.equal(before.statusCode, 200, before.body);

    const suspension = await client(harness, staff).post(
      `/v1/staff/organizations/${suspended.organizationId}/suspension`,
      { reason: 'Asked students for a uniform deposit' },
    );
    assert.equal(suspension.statusCode, 200, suspension.body);

    assertError(await client(harness, null).get(`/v1/employers/${suspended.organizationId}`), 404, 'NotFound');
    assertError(await client(harness, staff).get(`/v1/employers/${suspended.organizationId}`), 404, 'NotFound');
  });

  test('unknown organization is not found', async () => {
    const response = await client(harness, null).get('/v1/employers/00000000-0000-4000-8000-000000000000');
    assertError(response, 404, 'NotFound');
  });

  test('signed-in student sees the profile', async () => {
    const student = await signUpStudent(harness, {
      email: 'student@profile.example.test',
      givenName: 'Ines',
      familyName: 'Okafor',
      birthdate: '2009-04-04',
      schoolId: await someSchoolId(harness),
      gradeLevel: '11',
    });
    const response = await client(harness, student).get(`/v1/employers/${verified.organizationId}`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().tradingName, 'Maple Street Grocers');
  });

  test('malformed organization id is rejected', async () => {
    const response = await client(harness, null).get('/v1/employers/not-a-uuid');
    assertError(response, 400, 'ValidationError');
  });
});
