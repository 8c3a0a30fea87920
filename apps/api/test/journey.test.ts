import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createConfirmedUser,
  createOrganization,
  signIn,
  signUpStudent,
  someSchoolId,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

let harness: Harness;
let student: SignedIn;
let employer: SignedIn;
let staff: SignedIn;
let otherEmployer: SignedIn;
let listingId: string;

const studentDetails = {
  email: 'quinlan.marchetti@example.test',
  givenName: 'Quinlan',
  familyName: 'Marchetti',
  birthdate: '2009-03-14',
  gradeLevel: '11',
};
const applicationMessage = 'I bake with my grandmother every Sunday and would love this job.';

const auth = (user: SignedIn) => ({ authorization: `Bearer ${user.accessToken}` });

const listingBody = {
  title: 'Weekend baker helper',
  description: 'Help our bakers shape bread and keep the counter stocked.',
  payMinCents: 1300,
  payMaxCents: 1500,
  payUnit: 'hour',
  addressLine: '20 E Broad St',
  city: 'Columbus',
  zip: '43215',
  schedule: [{ day: 6, start: '08:00', end: '12:00', breakMinutes: 0 }],
};

before(async () => {
  harness = await startHarness();
  const schoolId = await someSchoolId(harness);
  student = await signUpStudent(harness, { ...studentDetails, schoolId });

  const employerSub = await createConfirmedUser(harness, 'owner@bakery.example.test', 'employer-admin');
  await createOrganization(harness, employerSub, 'Short North Bakery');
  employer = await signIn(harness, 'owner@bakery.example.test');

  const otherSub = await createConfirmedUser(harness, 'owner@books.example.test', 'employer-admin');
  await createOrganization(harness, otherSub, 'Other Books');
  otherEmployer = await signIn(harness, 'owner@books.example.test');

  await createConfirmedUser(harness, 'reviewer@clockin.example.test', 'staff');
  staff = await signIn(harness, 'reviewer@clockin.example.test');
});
after(async () => harness?.close());

describe('student and employer journey', () => {
  test('employer listing waits for review', async () => {
    const created = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: auth(employer),
      payload: listingBody,
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().status, 'submitted');
    listingId = created.json().id;

    const publicList = await harness.api.inject({ method: 'GET', url: '/v1/listings' });
    assert.equal(publicList.statusCode, 200);
    assert.equal(
      publicList.json().listings.some((listing: { id: string }) => listing.id === listingId),
      false,
    );

    const detail = await harness.api.inject({ method: 'GET', url: `/v1/listings/${listingId}` });
    assert.equal(detail.statusCode, 404);
    assert.equal(detail.json().error, 'NotFound');
  });

  test('staff approval publishes the listing', async () => {
    const queue = await harness.api.inject({ method: 'GET', url: '/v1/staff/listing-reviews', headers: auth(staff) });
    assert.equal(queue.statusCode, 200);
    assert.ok(queue.json().listings.some((listing: { id: string }) => listing.id === listingId));

    const approved = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/listing-reviews/${listingId}`,
      headers: auth(staff),
      payload: { decision: 'approve' },
    });
    assert.equal(approved.statusCode, 200);

    const detail = await harness.api.inject({ method: 'GET', url: `/v1/listings/${listingId}` });
    assert.equal(detail.statusCode, 200);
    assert.equal(detail.json().employerName, 'Short North Bakery');
  });

  test('employer cannot approve listings', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/listing-reviews/${listingId}`,
      headers: auth(employer),
      payload: { decision: 'approve' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });

  test('student applies once', async () => {
    const applied = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listingId}/applications`,
      headers: auth(student),
      payload: { message: applicationMessage },
    });
    assert.equal(applied.statusCode, 201);
    assert.equal(applied.json().status, 'submitted');

    const again = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listingId}/applications`,
      headers: auth(student),
      payload: { message: 'Second try' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'DuplicateApplication');

    const mine = await harness.api.inject({
      method: 'GET',
      url: '/v1/students/me/applications',
      headers: auth(student),
    });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().applications.length, 1);
    assert.equal(mine.json().applications[0].status, 'submitted');
    assert.equal(mine.json().applications[0].listingTitle, 'Weekend baker helper');
  });

  test('application message length is checked', async () => {
    for (const message of ['', 'x'.repeat(1001)]) {
      const response = await harness.api.inject({
        method: 'POST',
        url: `/v1/listings/${listingId}/applications`,
        headers: auth(student),
        payload: { message },
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error, 'ValidationError');
      assert.equal(response.json().field, 'message');
    }
  });

  test('employer sees exactly the limited view', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/employer/listings/${listingId}/applicants`,
      headers: auth(employer),
    });
    assert.equal(response.statusCode, 200);
    const [applicant] = response.json().applicants;
    assert.deepEqual(Object.keys(applicant).sort(), [
      'ageBand',
      'applicationId',
      'createdAt',
      'legalShifts',
      'message',
      'name',
      'schoolName',
      'status',
    ]);
    assert.equal(applicant.name, 'Quinlan Marchetti');
    assert.match(applicant.ageBand, /^(15|16–17|18\+)$/);
    assert.equal(applicant.message, applicationMessage);
    const body = response.body;
    assert.equal(body.includes(studentDetails.email), false);
    assert.equal(body.includes(studentDetails.birthdate), false);
  });

  test('other organization gets 404 for applicants', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/employer/listings/${listingId}/applicants`,
      headers: auth(otherEmployer),
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'NotFound');

    const list = await harness.api.inject({
      method: 'GET',
      url: '/v1/employer/listings',
      headers: auth(otherEmployer),
    });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json().listings, []);
  });

  test('oversized body answers 413', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: { ...auth(employer), 'content-type': 'application/json' },
      payload: JSON.stringify({ ...listingBody, description: 'x'.repeat(70_000) }),
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error, 'PayloadTooLarge');
  });

  test('malformed JSON answers 400', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listingId}/applications`,
      headers: { ...auth(student), 'content-type': 'application/json' },
      payload: '{"message":',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
  });

  test('listing outside Ohio ZIPs is rejected', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: auth(employer),
      payload: { ...listingBody, zip: '90210' },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'zip');
  });

  test('logs carry no personal data', () => {
    const text = harness.logs.join('\n');
    for (const secret of [
      studentDetails.email,
      studentDetails.givenName,
      studentDetails.familyName,
      studentDetails.birthdate,
      applicationMessage,
      student.accessToken,
    ]) {
      assert.equal(text.includes(secret), false, `a log line contains ${secret.slice(0, 12)}…`);
    }
    assert.ok(harness.logs.some((line) => line.includes('"requestId"')));
  });
});
