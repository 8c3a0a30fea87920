/**
 * Typed client for the ClockIn API. Every call runs on the Next.js server and sends the
 * Cognito access token from the session as a bearer token. Base URL: CLOCKIN_API_URL.
 */

const REQUEST_TIMEOUT_MS = 10_000;

export type AccountType = 'student' | 'employer' | 'staff' | 'district_admin';
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

export interface RequestOptions {
  accessToken?: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
}

export function apiBaseUrl(): string {
  const baseUrl = process.env.CLOCKIN_API_URL;
  if (!baseUrl) {
    throw new Error('CLOCKIN_API_URL is not set. Set it to the API origin, for example http://127.0.0.1:4000.');
  }
  return baseUrl.replace(/\/$/, '');
}

/**
 * Calls the API from the web server with the user's access token, and turns an error response
 * into an ApiError with the API's error name, message and field. Every API client module uses it.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
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
  const result = await apiRequest<{ schools: School[] }>(`/v1/schools?query=${encodeURIComponent(query)}`);
  return result.schools;
}

export function getMe(accessToken: string): Promise<Me> {
  return apiRequest<Me>('/v1/me', { accessToken });
}

/** Creates the student profile from the identity attributes. The API treats a repeat call as success. */
export async function createStudentProfile(accessToken: string): Promise<void> {
  await apiRequest<unknown>('/v1/students/me', { accessToken, method: 'POST' });
}

export function getStudentProfile(accessToken: string): Promise<StudentProfile> {
  return apiRequest<StudentProfile>('/v1/students/me', { accessToken });
}

export function listListings(cursor?: string): Promise<ListingPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<ListingPage>(`/v1/listings${query}`);
}

/** Returns the published listing, or null when the API reports NotFound. */
export async function getListing(listingId: string): Promise<Listing | null> {
  try {
    return await apiRequest<Listing>(`/v1/listings/${encodeURIComponent(listingId)}`);
  } catch (error) {
    if (error instanceof ApiError && (error.statusCode === 404 || error.field === 'listingId')) return null;
    throw error;
  }
}

export function applyToListing(
  accessToken: string,
  listingId: string,
  message: string,
): Promise<{ id: string; status: string }> {
  return apiRequest(`/v1/listings/${encodeURIComponent(listingId)}/applications`, {
    accessToken,
    method: 'POST',
    body: { message },
  });
}

export async function listMyApplications(accessToken: string): Promise<StudentApplication[]> {
  const result = await apiRequest<{ applications: StudentApplication[] }>('/v1/students/me/applications', {
    accessToken,
  });
  return result.applications;
}

export async function listEmployerListings(accessToken: string): Promise<EmployerListing[]> {
  const result = await apiRequest<{ listings: EmployerListing[] }>('/v1/employer/listings', { accessToken });
  return result.listings;
}

export function createEmployerListing(
  accessToken: string,
  listing: NewListing,
): Promise<{ id: string; status: 'submitted' }> {
  return apiRequest('/v1/employer/listings', { accessToken, method: 'POST', body: listing });
}

export async function listApplicants(accessToken: string, listingId: string): Promise<Applicant[]> {
  const result = await apiRequest<{ applicants: Applicant[] }>(
    `/v1/employer/listings/${encodeURIComponent(listingId)}/applicants`,
    { accessToken },
  );
  return result.applicants;
}

export async function listListingsForReview(accessToken: string): Promise<ListingForReview[]> {
  const result = await apiRequest<{ listings: ListingForReview[] }>('/v1/staff/listing-reviews', { accessToken });
  return result.listings;
}

export async function decideListingReview(
  accessToken: string,
  listingId: string,
  decision: ReviewDecision,
): Promise<void> {
  await apiRequest<unknown>(`/v1/staff/listing-reviews/${encodeURIComponent(listingId)}`, {
    accessToken,
    method: 'POST',
    body: decision,
  });
}

/**
 * Signs the caller out on every device. The API records the revocation, so it rejects the
 * caller's older access tokens at once, and then calls GlobalSignOut. A 401 means the access
 * token was already invalid.
 */
export async function signOutEverywhere(accessToken: string): Promise<void> {
  await apiRequest<unknown>('/v1/sessions/sign-out-everywhere', { accessToken, method: 'POST' });
}

export interface PasswordResetConfirmation {
  email: string;
  code: string;
  newPassword: string;
}

/**
 * Sets a new password with the emailed reset code. The API records that the user's older tokens
 * are revoked. Errors: ValidationError (with field), CodeMismatch, ExpiredCode, InvalidPassword
 * (field newPassword), TooManyRequests, IdentityUnavailable.
 */
export async function confirmPasswordReset(confirmation: PasswordResetConfirmation): Promise<void> {
  await apiRequest<unknown>('/v1/password-resets/confirm', { method: 'POST', body: confirmation });
}

/** Development only: the emails the API would have sent. */
export async function listDevMailbox(): Promise<DevEmail[]> {
  const result = await apiRequest<{ emails: DevEmail[] }>('/v1/dev/mailbox');
  return result.emails;
}
