/**
 * API call for a verified employer's public profile. Like the client in ./api, it runs on the
 * Next.js server and sends the session's access token when one is given. Base URL: CLOCKIN_API_URL.
 */

import { apiRequest, ApiError, type PayUnit } from './api';

/** A published listing as an employer's profile shows it. */
export interface EmployerProfileListing {
  id: string;
  title: string;
  city: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  publishedAt: string;
}

/** A verified employer's public details and open listings. */
export interface EmployerProfile {
  id: string;
  tradingName: string;
  city: string;
  industry: string;
  website: string | null;
  /** When ClockIn staff last decided on the organization; null if no decision was recorded. */
  verifiedSince: string | null;
  listings: EmployerProfileListing[];
}

/** Returns a verified employer's public profile, or null when the organization is unknown or not verified. */
export async function getEmployerProfile(
  organizationId: string,
  accessToken?: string,
): Promise<EmployerProfile | null> {
  try {
    return await apiRequest<EmployerProfile>(`/v1/employers/${encodeURIComponent(organizationId)}`, { accessToken });
  } catch (error) {
    // The API returns 400 for an id that is not a UUID, which also means there is no such profile.
    if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 400)) return null;
    throw error;
  }
}
