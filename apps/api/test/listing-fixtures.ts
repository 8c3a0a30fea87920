import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { createConfirmedUser, createOrganization, signIn, type Harness, type SignedIn } from './harness.ts';

// Helpers shared by the listing lifecycle, search and review queue tests.

export type Shift = { day: number; start: string; end: string; breakMinutes: number };

export const shift = (day: number, start: string, end: string, breakMinutes = 0): Shift => ({
  day,
  start,
  end,
  breakMinutes,
});

/** Builds a valid listing body in Columbus (ZIP 43215) with one Monday evening shift, plus `extra`. */
export function listingBody(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title,
    description: 'Greet customers, restock shelves and keep the front tidy.',
    payMinCents: 1300,
    payMaxCents: null,
    payUnit: 'hour',
    addressLine: '20 E Broad St',
    city: 'Columbus',
    zip: '43215',
    schedule: [shift(1, '16:00', '19:00')],
    ...extra,
  };
}

/** Ohio's date today (YYYY-MM-DD) moved by `days`, as the API counts dates. */
export function ohioDate(days = 0, from = new Date()): string {
  const date = new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
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

/** Sends requests to the API as one user, or anonymously with null. */
export function client(harness: Harness, user: SignedIn | null) {
  const headers = user ? { authorization: `Bearer ${user.accessToken}` } : {};
  return {
    get: (url: string) => harness.api.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object) =>
      harness.api.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) }),
    put: (url: string, payload: object) => harness.api.inject({ method: 'PUT', url, headers, payload }),
  };
}

/** Asserts an error response by status code, error name and, when given, the field. */
export function assertError(response: LightMyRequestResponse, statusCode: number, error: string, field?: string) {
  assert.equal(response.statusCode, statusCode, response.body);
  assert.equal(response.json().error, error);
  if (field !== undefined) assert.equal(response.json().field, field);
}

export interface Employer {
  user: SignedIn;
  organizationId: string;
}

/** Creates a verified organization whose admin is signed in. */
export async function createEmployer(harness: Harness, email: string, tradingName: string): Promise<Employer> {
  const sub = await createConfirmedUser(harness, email, 'employer-admin');
  const organizationId = await createOrganization(harness, sub, tradingName);
  return { user: await signIn(harness, email), organizationId };
}

export async function createStaff(harness: Harness, email: string): Promise<SignedIn> {
  await createConfirmedUser(harness, email, 'staff');
  return signIn(harness, email);
}

/** Creates a listing through the API and returns its id. */
export async function createListing(
  harness: Harness,
  employer: SignedIn,
  body: Record<string, unknown>,
  draft = false,
): Promise<string> {
  const response = await client(harness, employer).post('/v1/employer/listings', { ...body, draft });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id as string;
}

export async function approve(harness: Harness, staff: SignedIn, listingId: string): Promise<void> {
  const response = await client(harness, staff).post(`/v1/staff/listing-reviews/${listingId}`, {
    decision: 'approve',
  });
  assert.equal(response.statusCode, 200, response.body);
}

/** Creates, submits and approves a listing: it is then in search. */
export async function publishListing(
  harness: Harness,
  employer: SignedIn,
  staff: SignedIn,
  body: Record<string, unknown>,
): Promise<string> {
  const id = await createListing(harness, employer, body);
  await approve(harness, staff, id);
  return id;
}

/** Ids of the listings a search returns, in order. */
export function ids(response: LightMyRequestResponse): string[] {
  assert.equal(response.statusCode, 200, response.body);
  return (response.json().listings as Array<{ id: string }>).map((listing) => listing.id);
}
