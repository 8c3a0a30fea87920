import { ApiError } from '../../lib/api';

/**
 * Calls of the district administrator's and staff's district routes. Like lib/api.ts, every
 * call runs on the Next.js server with the session's access token. Base URL: CLOCKIN_API_URL.
 */

const REQUEST_TIMEOUT_MS = 15_000;

export interface ProtectedCount {
  /** Null when the count is drawn from fewer than 5 students, or would reveal such a count. */
  count: number | null;
  suppressed: 'fewer-than-5' | 'complementary' | null;
}

export interface DistrictOverview {
  districtId: string;
  name: string;
  county: string;
  agreementSignedOn: string;
  partnershipStartedAt: string;
}

export interface DistrictDashboard {
  district: DistrictOverview;
  totals: { students: ProtectedCount; studentsHired: ProtectedCount };
  studentsBySchoolAndGrade: { schoolId: string; schoolName: string; gradeLevel: string; students: ProtectedCount }[];
  applicationsByMonth: {
    month: string;
    outcome: 'open' | 'hired' | 'not_selected' | 'withdrawn';
    applications: ProtectedCount;
  }[];
  hiresBySchool: { schoolId: string; schoolName: string; students: ProtectedCount }[];
  studentsByAgeBand: { ageBand: string; students: ProtectedCount }[];
  listingsNearSchools: {
    distanceMiles: number;
    total: number;
    schools: { schoolId: string; schoolName: string; listings: number }[];
  };
}

export interface DistrictStudent {
  userId: string;
  givenName: string;
  familyName: string;
  schoolId: string;
  schoolName: string;
  gradeLevel: string;
  ageBand: string | null;
  joinedAt: string;
  applicationCount: number;
  hireCount: number;
  statusCounts: Record<string, number>;
}

export interface DistrictStudentDetail extends DistrictStudent {
  applications: {
    applicationId: string;
    listingId: string;
    listingTitle: string;
    employerName: string;
    status: string;
    appliedAt: string;
    statusUpdatedAt: string;
  }[];
}

export interface DistrictExport {
  id: string;
  format: 'csv' | 'json';
  status: 'queued' | 'running' | 'completed' | 'failed';
  totalStudents: number | null;
  studentsWritten: number;
  byteSize: number | null;
  failureReason: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  expiresAt: string | null;
}

export interface Partnership {
  agreementSignedOn: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  startedAt: string;
  endedAt: string | null;
  active: boolean;
}

export interface StaffDistrict {
  districtId: string;
  name: string;
  county: string;
  city: string | null;
  partnership: Partnership | null;
}

export interface StaffDistrictDetail extends StaffDistrict {
  administrators: { userId: string; role: string; addedAt: string }[];
  students: number;
}

function apiUrl(path: string): string {
  const baseUrl = process.env.CLOCKIN_API_URL;
  if (!baseUrl) {
    throw new Error('CLOCKIN_API_URL is not set. Set it to the API origin, for example http://127.0.0.1:4000.');
  }
  return `${baseUrl.replace(/\/$/, '')}${path}`;
}

async function errorFrom(response: Response, label: string): Promise<ApiError> {
  const text = await response.text();
  let body: { error?: string; message?: string; field?: string } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    // A body that is not JSON keeps the generic message below.
  }
  return new ApiError(
    response.status,
    body.error ?? 'UnknownError',
    body.message ?? `The API returned HTTP ${response.status} for ${label}.`,
    body.field,
  );
}

async function call<T>(accessToken: string, path: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(apiUrl(path), {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw await errorFrom(response, `${method} ${path}`);
  return (await response.json()) as T;
}

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function getDistrictDashboard(accessToken: string, distanceMiles: number): Promise<DistrictDashboard> {
  return call(accessToken, `/v1/district/dashboard${query({ distanceMiles })}`);
}

export function listDistrictStudents(
  accessToken: string,
  options: { search?: string; after?: string; schoolId?: string; limit?: number },
): Promise<{ students: DistrictStudent[]; nextCursor: string | null }> {
  return call(accessToken, `/v1/district/students${query(options)}`);
}

export function getDistrictStudent(accessToken: string, studentId: string): Promise<DistrictStudentDetail> {
  return call(accessToken, `/v1/district/students/${encodeURIComponent(studentId)}`);
}

export async function listDistrictExports(accessToken: string): Promise<DistrictExport[]> {
  return (await call<{ exports: DistrictExport[] }>(accessToken, '/v1/district/exports')).exports;
}

export function startDistrictExport(accessToken: string, format: 'csv' | 'json'): Promise<DistrictExport> {
  return call(accessToken, '/v1/district/exports', 'POST', { format });
}

/** Opens the export's file at the API, for a route handler to pass on to the browser as it arrives. */
export async function openDistrictExport(accessToken: string, exportId: string): Promise<Response> {
  const path = `/v1/district/exports/${encodeURIComponent(exportId)}/download`;
  const response = await fetch(apiUrl(path), {
    headers: { authorization: `Bearer ${accessToken}` },
    cache: 'no-store',
  });
  if (!response.ok) throw await errorFrom(response, `GET ${path}`);
  return response;
}

export async function searchStaffDistricts(accessToken: string, text: string): Promise<StaffDistrict[]> {
  return (await call<{ districts: StaffDistrict[] }>(accessToken, `/v1/staff/districts${query({ query: text })}`))
    .districts;
}

export function getStaffDistrict(accessToken: string, districtId: string): Promise<StaffDistrictDetail> {
  return call(accessToken, `/v1/staff/districts/${encodeURIComponent(districtId)}`);
}

export function startPartnership(
  accessToken: string,
  districtId: string,
  terms: { agreementSignedOn: string; contactName: string; contactEmail: string; contactPhone: string | null },
): Promise<StaffDistrictDetail> {
  return call(accessToken, `/v1/staff/districts/${encodeURIComponent(districtId)}/partnership`, 'POST', terms);
}

export function endPartnership(accessToken: string, districtId: string): Promise<StaffDistrictDetail> {
  return call(accessToken, `/v1/staff/districts/${encodeURIComponent(districtId)}/partnership/end`, 'POST');
}

export function inviteAdministrator(
  accessToken: string,
  districtId: string,
  invitation: { email: string; givenName: string; familyName: string; birthdate: string },
): Promise<{ userId: string; accountCreated: boolean; emailSent: boolean }> {
  return call(accessToken, `/v1/staff/districts/${encodeURIComponent(districtId)}/administrators`, 'POST', invitation);
}
