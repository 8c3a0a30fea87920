/**
 * API calls for listing search, the employer's listing lifecycle and the staff review queue.
 * Like the client in ./api, every call runs on the Next.js server and sends the session's
 * access token when one is given. Base URL: CLOCKIN_API_URL.
 */

import { apiRequest, ApiError, type PayUnit, type Shift } from './api';
import type { LaborListing, LaborListingDetail, LaborSummary, MinimumAge, NewLaborListing } from './labor-api';
import type { ListingCategory, ListingSeason, ListingSort, ListingStatus } from './listing-options';

export type { ListingCategory, ListingSeason, ListingSort, ListingStatus };

/** A listing in search results: published, from a verified employer, still open. */
export interface SearchListing extends LaborListing {
  /** The verified organization that posted the listing, for its public profile at /employers/[id]. */
  organizationId: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  /** The lowest pay per hour worked that the listing guarantees, in cents. */
  hourlyPayCents: number | null;
  closingDate: string | null;
  /** When applications close: the end of the closing date or 60 days after first publication. */
  closesAt: string;
  /** Miles from the searched ZIP code; null when the search named none. */
  distanceMiles: number | null;
}

export interface SearchPage {
  listings: SearchListing[];
  nextCursor: string | null;
  /** The order the API used. */
  sort: ListingSort;
}

/** Search parameters as the API takes them; every one is optional. */
export interface ListingSearchQuery {
  q?: string;
  zip?: string;
  radiusMiles?: number;
  category?: string;
  minHourlyPayCents?: number;
  afterSchool?: boolean;
  weekends?: boolean;
  summer?: boolean;
  workable?: boolean;
  sort?: ListingSort;
  cursor?: string;
}

/** A listing as the employer submits or edits it. */
export interface ListingSubmission extends NewLaborListing {
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  closingDate: string | null;
}

/** One of the organization's listings with every field, for editing. */
export interface EmployerListingDetail {
  id: string;
  status: ListingStatus;
  rejectionReason: string | null;
  title: string;
  description: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: Shift[];
  duties: string[];
  minimumAge: MinimumAge;
  startsOn: string | null;
  closingDate: string | null;
  laborSummary: LaborSummary | null;
  publishedAt: string | null;
  firstPublishedAt: string | null;
}

export interface ListingEvent {
  action: string;
  actorId: string | null;
  actorRole: string;
  occurredAt: string;
  details: Record<string, string | number | boolean | null>;
}

export interface ReviewQueueListing {
  id: string;
  organizationId: string;
  employerName: string;
  status: ListingStatus;
  rejectionReason: string | null;
  title: string;
  description: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: Shift[];
  duties: string[];
  minimumAge: number;
  startsOn: string | null;
  closingDate: string | null;
  laborSummary: LaborSummary | null;
  createdAt: string;
  submittedAt: string | null;
  history: ListingEvent[];
}

export interface ReviewQueuePage {
  listings: ReviewQueueListing[];
  organizations: Array<{ id: string; name: string; listings: number }>;
  nextCursor: string | null;
}

export interface ReviewQueueQuery {
  status?: string;
  organizationId?: string;
  minimumAge?: string;
  minWaitingHours?: string;
  cursor?: string;
}

function queryString(values: Record<string, string | number | boolean | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === false) continue;
    query.set(name, String(value));
  }
  return query.size > 0 ? `?${query.toString()}` : '';
}

/**
 * Searches published listings. Errors: ValidationError naming the field (for example zip or
 * radiusMiles), and 403 for `workable` from anyone but a student with a profile.
 */
export function searchListings(search: ListingSearchQuery, accessToken?: string): Promise<SearchPage> {
  return apiRequest<SearchPage>(`/v1/listings${queryString({ ...search })}`, { accessToken });
}

/**
 * Returns a published listing with its search fields and what the law allows on it, or null when
 * the API reports NotFound. With a student's access token, `forYou` contains their own verdict.
 */
export async function getListingDetail(
  listingId: string,
  accessToken?: string,
): Promise<(LaborListingDetail & SearchListing) | null> {
  try {
    return await apiRequest<LaborListingDetail & SearchListing>(`/v1/listings/${encodeURIComponent(listingId)}`, {
      accessToken,
    });
  } catch (error) {
    // A malformed id (400 on listingId) names no listing either, so it is a missing page too.
    if (error instanceof ApiError && (error.statusCode === 404 || error.field === 'listingId')) return null;
    throw error;
  }
}

/** Saves a new listing: submitted for review, or a draft when `draft` is true. */
export function createListing(
  accessToken: string,
  listing: ListingSubmission,
  draft: boolean,
): Promise<{ id: string; status: ListingStatus }> {
  return apiRequest('/v1/employer/listings', { accessToken, method: 'POST', body: { ...listing, draft } });
}

/** Returns one of the organization's listings, or null when it has none with this id. */
export async function getEmployerListing(
  accessToken: string,
  listingId: string,
): Promise<EmployerListingDetail | null> {
  try {
    return await apiRequest<EmployerListingDetail>(`/v1/employer/listings/${encodeURIComponent(listingId)}`, {
      accessToken,
    });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 404) return null;
    throw error;
  }
}

/** Saves an edit. A published listing whose schedule, duties, pay or description changed is back in review. */
export function updateListing(
  accessToken: string,
  listingId: string,
  listing: ListingSubmission,
): Promise<{ id: string; status: ListingStatus; returnedToReview: boolean }> {
  return apiRequest(`/v1/employer/listings/${encodeURIComponent(listingId)}`, {
    accessToken,
    method: 'PUT',
    body: listing,
  });
}

export type LifecycleAction = 'submit' | 'close' | 'filled';

/** Submits, closes or marks a listing filled. Errors: 409 ListingStatusConflict, 403, 404. */
export function changeListingStatus(
  accessToken: string,
  listingId: string,
  action: LifecycleAction,
): Promise<{ id: string; status: ListingStatus }> {
  return apiRequest(`/v1/employer/listings/${encodeURIComponent(listingId)}/${action}`, {
    accessToken,
    method: 'POST',
  });
}

/** Reads the staff listing review queue with its filters. */
export function listReviewQueue(accessToken: string, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  return apiRequest<ReviewQueuePage>(`/v1/staff/listing-reviews${queryString({ ...query })}`, { accessToken });
}
