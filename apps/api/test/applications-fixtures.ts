import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
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

// Helpers shared by the application, message and report tests.

/** Saturday 2027-01-16, 13:00 in Ohio: outside school hours, so no email is held. */
export const weekendAfternoon = new Date('2027-01-16T18:00:00Z');
/** Tuesday 2027-01-12, 10:30 in Ohio: a school day in school hours. */
export const schoolMorning = new Date('2027-01-12T15:30:00Z');
/** Tuesday 2027-01-12, 15:05 in Ohio: the same school day, after school. */
export const schoolAfternoon = new Date('2027-01-12T20:05:00Z');

export interface Employer {
  user: SignedIn;
  organizationId: string;
}

export interface Marketplace {
  harness: Harness;
  staff: SignedIn;
  employer: Employer;
  otherEmployer: Employer;
  listingId: string;
  schoolId: string;
}

/**
 * Starts the API with emails going to the test mailbox and the delivery clock on a weekend
 * afternoon, with staff, two verified organizations and one published listing of the first.
 */
export async function startMarketplace(prefix: string): Promise<Marketplace> {
  const harness = await startHarness({ apiSendsEmail: true });
  harness.api.services.notifications.clock = () => weekendAfternoon;
  const schoolId = await someSchoolId(harness);

  await createConfirmedUser(harness, `staff@${prefix}.example.test`, 'staff');
  const staff = await signIn(harness, `staff@${prefix}.example.test`);
  const employer = await createEmployer(harness, `admin@${prefix}-bakery.example.test`, 'Riverside Bakery');
  const otherEmployer = await createEmployer(harness, `admin@${prefix}-books.example.test`, 'Hilltop Books');

  const created = await request(harness, employer.user, 'POST', '/v1/employer/listings', {
    title: 'Weekend bakery counter',
    description: 'Box pastries, keep the counter clean and greet customers on Saturday mornings.',
    payMinCents: 1300,
    payMaxCents: null,
    payUnit: 'hour',
    addressLine: '20 E Broad St',
    city: 'Columbus',
    zip: '43215',
    schedule: [{ day: 6, start: '09:00', end: '13:00', breakMinutes: 0 }],
  });
  assert.equal(created.statusCode, 201, created.body);
  const listingId = created.json().id as string;
  const approved = await request(harness, staff, 'POST', `/v1/staff/listing-reviews/${listingId}`, {
    decision: 'approve',
  });
  assert.equal(approved.statusCode, 200, approved.body);
  return { harness, staff, employer, otherEmployer, listingId, schoolId };
}

export async function createEmployer(harness: Harness, email: string, name: string): Promise<Employer> {
  const sub = await createConfirmedUser(harness, email, 'employer-admin');
  const organizationId = await createOrganization(harness, sub, name);
  // createOrganization gives every admin one shared address; emails to members need their own.
  await ownerQuery(harness, 'UPDATE app.organization_members SET email = $1 WHERE user_id = $2', [email, sub]);
  return { user: await signIn(harness, email), organizationId };
}

/** Signs up a student with a birthdate `age` years and a few days before `weekendAfternoon`. */
export async function createStudent(
  market: Marketplace,
  email: string,
  names: { givenName: string; familyName: string },
  age: number,
): Promise<SignedIn> {
  const birthYear = weekendAfternoon.getUTCFullYear() - age;
  return signUpStudent(market.harness, {
    email,
    ...names,
    birthdate: `${birthYear - 1}-11-02`,
    schoolId: market.schoolId,
    gradeLevel: age >= 18 ? 'graduated' : '11',
  });
}

/** Applies to the market's listing and returns the application id. */
export async function apply(market: Marketplace, student: SignedIn, message: string): Promise<string> {
  const response = await request(market.harness, student, 'POST', `/v1/listings/${market.listingId}/applications`, {
    message,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id as string;
}

export function request(
  harness: Harness,
  user: SignedIn | null,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return harness.api.inject({
    method,
    url,
    headers: user ? { authorization: `Bearer ${user.accessToken}` } : {},
    ...(payload ? { payload } : {}),
  });
}

/** Asserts an error response by status code, error name and, when given, the field. */
export function assertError(response: LightMyRequestResponse, statusCode: number, error: string, field?: string) {
  assert.equal(response.statusCode, statusCode, response.body);
  assert.equal(response.json().error, error, response.body);
  if (field !== undefined) assert.equal(response.json().field, field);
}

/** Runs one statement as the database owner, past row-level security. */
export async function ownerQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  harness: Harness,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    return (await owner.query<T>(text, values)).rows;
  } finally {
    await owner.end();
  }
}

/** Returns the notification emails to one address, oldest first, without the identity service's codes. */
export async function notificationsTo(harness: Harness, email: string) {
  const emails = await harness.mailbox.list(email);
  return emails.filter((message) => !message.category.startsWith('identity.')).reverse();
}
