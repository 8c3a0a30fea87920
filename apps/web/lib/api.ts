/**
 * Typed client for the ClockIn API. Every call runs on the Next.js server and sends the
 * Cognito access token from the session as a bearer token. Base URL: CLOCKIN_API_URL.
 */

const REQUEST_TIMEOUT_MS = 10_000;

export type AccountType = 'student' | 'employer' | 'staff';
export type GradeLevel = '9' | '10' | '11' | '12' | 'graduated';
export type PayUnit = 'hour' | 'shift' | 'week';

export interface School {
  id: string;
  name: string;
  city: string;
  districtName: string;
}

export interface Me {
  userId: string;
  accountType: AccountType;
  organization: { id: string; name: string; role: string; status: string } | null;
  hasProfile: boolean;
}

export interface StudentProfile {
  givenName: string;
  familyName: string;
  email: string;
  schoolName: string;
  gradeLevel: GradeLevel;
}

export interface Shift {
  /** 0 is Sunday. */
  day: number;
  /** Local time as HH:MM (24-hour clock). */
  start: string;
  end: string;
  breakMinutes: number;
}

export interface Listing {
  id: string;
  title: string;
  employerName: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  city: string;
  zip: string;
  schedule: Shift[];
  publishedAt: string;
}

export interface ListingPage {
  listings: Listing[];
  nextCursor: string | null;
}

export interface StudentApplication {
  id: string;
  listingId: string;
  listingTitle: string;
  employerName: string;
  status: string;
  createdAt: string;
}

export interface EmployerListing {
  id: string;
  title: string;
  status: string;
  rejectionReason: string | null;
  city: string;
  zip: string;
  createdAt: string;
  publishedAt: string | null;
  applicationCount: number;
}

export interface NewListing {
  title: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: Shift[];
}

export interface Applicant {
  applicationId: string;
  name: string;
  ageBand: '15' | '16–17' | '18+';
  schoolName: string;
  message: string;
  status: string;
  createdAt: string;
}

export interface ListingForReview {
  id: string;
  organizationId: string;
  employerName: string;
  title: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: Shift[];
  createdAt: string;
}

export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

export interface DevEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  category: string;
  sentAt: string;
}

/** An error response from the API: `{ statusCode, error, message, field? }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorName: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  accessToken?: string;
  method?: 'GET' | 'POST';
  body?: unknown;
}

function apiBaseUrl(): string {
  const baseUrl = process.env.CLOCKIN_API_URL;
  if (!baseUrl) {
    throw new Error('CLOCKIN_API_URL is not set. Set it to the API origin, for example http://127.0.0.1:4000.');
  }
  return baseUrl.replace(/\/$/, '');
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const requestHeaders: Record<string, string> = { accept: 'application/json' };
  if (options.accessToken) requestHeaders.authorization = `Bearer ${options.accessToken}`;
  if (options.body !== undefined) requestHeaders['content-type'] = 'application/json';

  const response = await fetch(`${apiBaseUrl()}${path}`, {
    method: options.method ?? 'GET',
    headers: requestHeaders,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });

  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (payload ?? {}) as { error?: string; message?: string; field?: string };
    throw new ApiError(
      response.status,
      error.error ?? 'UnknownError',
      error.message ?? `The API returned HTTP ${response.status} for ${options.method ?? 'GET'} ${path}.`,
      error.field,
    );
  }
  return payload as T;
}

export async function searchSchools(query: string): Promise<School[]> {
  const result = await request<{ schools: School[] }>(`/v1/schools?query=${encodeURIComponent(query)}`);
  return result.schools;
}

export function getMe(accessToken: string): Promise<Me> {
  return request<Me>('/v1/me', { accessToken });
}

/** Creates the student profile from the identity attributes. The API treats a repeat call as success. */
export async function createStudentProfile(accessToken: string): Promise<void> {
  await request<unknown>('/v1/students/me', { accessToken, method: 'POST' });
}

export function getStudentProfile(accessToken: string): Promise<StudentProfile> {
  return request<StudentProfile>('/v1/students/me', { accessToken });
}

export function listListings(cursor?: string): Promise<ListingPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return request<ListingPage>(`/v1/listings${query}`);
}

/** Returns the published listing, or null when the API reports NotFound. */
export async function getListing(listingId: string): Promise<Listing | null> {
  try {
    return await request<Listing>(`/v1/listings/${encodeURIComponent(listingId)}`);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 404) return null;
    throw error;
  }
}

export function applyToListing(
  accessToken: string,
  listingId: string,
  message: string,
): Promise<{ id: string; status: string }> {
  return request(`/v1/listings/${encodeURIComponent(listingId)}/applications`, {
    accessToken,
    method: 'POST',
    body: { message },
  });
}

export async function listMyApplications(accessToken: string): Promise<StudentApplication[]> {
  const result = await request<{ applications: StudentApplication[] }>('/v1/students/me/applications', {
    accessToken,
  });
  return result.applications;
}

export async function listEmployerListings(accessToken: string): Promise<EmployerListing[]> {
  const result = await request<{ listings: EmployerListing[] }>('/v1/employer/listings', { accessToken });
  return result.listings;
}

export function createEmployerListing(
  accessToken: string,
  listing: NewListing,
): Promise<{ id: string; status: 'submitted' }> {
  return request('/v1/employer/listings', { accessToken, method: 'POST', body: listing });
}

export async function listApplicants(accessToken: string, listingId: string): Promise<Applicant[]> {
  const result = await request<{ applicants: Applicant[] }>(
    `/v1/employer/listings/${encodeURIComponent(listingId)}/applicants`,
    { accessToken },
  );
  return result.applicants;
}

export async function listListingsForReview(accessToken: string): Promise<ListingForReview[]> {
  const result = await request<{ listings: ListingForReview[] }>('/v1/staff/listing-reviews', { accessToken });
  return result.listings;
}

export async function decideListingReview(
  accessToken: string,
  listingId: string,
  decision: ReviewDecision,
): Promise<void> {
  await request<unknown>(`/v1/staff/listing-reviews/${encodeURIComponent(listingId)}`, {
    accessToken,
    method: 'POST',
    body: decision,
  });
}

/** Development only: the emails the API would have sent. */
export async function listDevMailbox(): Promise<DevEmail[]> {
  const result = await request<{ emails: DevEmail[] }>('/v1/dev/mailbox');
  return result.emails;
}
