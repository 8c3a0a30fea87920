/**
 * API calls for Ohio labor-law checks on listings, applications and the hours planner. Like the
 * client in ./api, every call runs on the Next.js server and sends the session's access token
 * when one is given. Base URL: CLOCKIN_API_URL.
 */

import { apiRequest, ApiError, type Listing, type NewListing, type Shift } from './api';

export type AgeBand = '15' | '16–17' | '18+';
export type MinimumAge = 15 | 16 | 18;

/** A broken rule, with a message written for the worker and the laws that set it. */
export interface Violation {
  rule: string;
  citation: string;
  message: string;
}

export interface BandSummary {
  band: AgeBand;
  verdict: 'all' | 'some' | 'none';
  /** Indexes into the listing's schedule of the shifts every age in the band may work. */
  allowedShifts: number[];
  reasons: Violation[];
  /** True when the employer's minimum age, not the law, rules the band out. */
  excludedByEmployer: boolean;
}

export interface SeasonSummary {
  /** Bands that may work every shift. */
  allowedBands: AgeBand[];
  /** Bands that may work at least one shift. */
  workableBands: AgeBand[];
  bands: BandSummary[];
}

export interface LaborSummary {
  schoolYear: SeasonSummary;
  summer: SeasonSummary;
}

export interface WorkPermit {
  needed: boolean;
  kind: 'none' | 'age-and-schooling-certificate' | 'proof-of-age-and-parent-consent' | 'not-eligible';
  citation: string;
  summerOnly: boolean;
  onePerEmployer: boolean;
  message: string;
  steps: string[];
  employerDuties: string[];
}

/** One hour rule that binds the worker, stated for them. */
export interface HourLimit {
  rule: string;
  citation: string;
  text: string;
}

export interface PersonalShift extends Shift {
  /** The date the weekly shift falls on in the week checked (YYYY-MM-DD). */
  date: string;
  allowed: boolean;
  violations: Violation[];
}

/** The signed-in student's verdict on a listing's first full week. */
export interface PersonalVerdict {
  age: number;
  band: AgeBand | null;
  /** Sunday of the week checked (YYYY-MM-DD). */
  weekStart: string;
  shifts: PersonalShift[];
  canApply: boolean;
  blockers: string[];
  limits: HourLimit[];
  workPermit: WorkPermit;
  /** True when the default school calendar stood in for the student's own. */
  assumedSchoolCalendar: boolean;
}

/** A published listing with its duties, the employer's minimum age and the labor-law summary. */
export interface LaborListing extends Listing {
  duties: string[];
  minimumAge: number;
  /** First day of work (YYYY-MM-DD), or null for listings saved before start dates existed. */
  startsOn: string | null;
  /** Null only for a listing the labor engine has not checked yet. */
  laborSummary: LaborSummary | null;
}

export interface LaborListingDetail extends LaborListing {
  /** Null unless the caller is a student with a profile. */
  forYou: PersonalVerdict | null;
}

export interface LaborListingPage {
  listings: LaborListing[];
  nextCursor: string | null;
}

export interface NewLaborListing extends NewListing {
  duties: string[];
  minimumAge: MinimumAge;
  startsOn: string;
}

export interface ScheduleCheckRequest {
  schedule: Shift[];
  duties?: string[];
  minimumAge?: MinimumAge;
}

export interface ScheduleCheck {
  summary: LaborSummary;
  warnings: string[];
}

export interface DatedShift {
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
}

export interface ShiftsCheck {
  allowed: boolean;
  shifts: { allowed: boolean; violations: Violation[] }[];
  workPermit: WorkPermit;
  assumedSchoolCalendar: boolean;
}

export interface ApplicantWithShifts {
  applicationId: string;
  name: string;
  ageBand: AgeBand;
  schoolName: string;
  message: string;
  status: string;
  createdAt: string;
  /** The listing's shifts this applicant may legally work, checked when they applied. */
  legalShifts: Shift[];
}

/**
 * Returns a published listing with what the law allows on it, or null when the API reports
 * NotFound. With a student's access token, `forYou` contains their own verdict.
 */
export async function getLaborListing(listingId: string, accessToken?: string): Promise<LaborListingDetail | null> {
  try {
    return await apiRequest<LaborListingDetail>(`/v1/listings/${encodeURIComponent(listingId)}`, { accessToken });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 404) return null;
    throw error;
  }
}

/**
 * Lists published listings. `workable` keeps only the jobs the signed-in student may legally
 * work at their age today. The API rejects it with 403 for anyone but a student with a profile.
 */
export function listLaborListings(options: {
  cursor?: string;
  workable?: boolean;
  accessToken?: string;
}): Promise<LaborListingPage> {
  const query = new URLSearchParams();
  if (options.cursor) query.set('cursor', options.cursor);
  if (options.workable) query.set('workable', 'true');
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return apiRequest<LaborListingPage>(`/v1/listings${suffix}`, { accessToken: options.accessToken });
}

export function createLaborListing(
  accessToken: string,
  listing: NewLaborListing,
): Promise<{ id: string; status: 'submitted' }> {
  return apiRequest('/v1/employer/listings', { accessToken, method: 'POST', body: listing });
}

/** Checks a weekly schedule for every age band, for the listing editor's warnings. Public. */
export function checkSchedule(check: ScheduleCheckRequest): Promise<ScheduleCheck> {
  return apiRequest<ScheduleCheck>('/v1/labor/schedule-check', { method: 'POST', body: check });
}

/** Checks dated shifts for a worker born on `birthdate`, with the default school calendar. Public. */
export function checkDatedShifts(birthdate: string, shifts: DatedShift[]): Promise<ShiftsCheck> {
  return apiRequest<ShiftsCheck>('/v1/labor/check', { method: 'POST', body: { birthdate, shifts } });
}

export async function listApplicantsWithShifts(accessToken: string, listingId: string): Promise<ApplicantWithShifts[]> {
  const result = await apiRequest<{ applicants: ApplicantWithShifts[] }>(
    `/v1/employer/listings/${encodeURIComponent(listingId)}/applicants`,
    { accessToken },
  );
  return result.applicants;
}
