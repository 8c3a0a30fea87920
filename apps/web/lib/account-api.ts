/**
 * API calls for account deletion, the student's "Download my data" file and the staff console of
 * deletion requests received by email. Like the client in ./api, every call runs on the Next.js
 * server and sends the session's access token. Base URL: CLOCKIN_API_URL.
 */

import { ApiError, apiBaseUrl, apiRequest } from './api';

export type PersonalExportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One "Download my data" file, newest first in lists. */
export interface PersonalExport {
  id: string;
  status: PersonalExportStatus;
  /** 0 to 100. */
  progress: number;
  byteSize: number | null;
  createdAt: string;
  completedAt: string | null;
  /** When the download link stops working (24 hours after completion). */
  expiresAt: string | null;
}

export interface Reauthentication {
  password: string;
  /** Required when the user has TOTP MFA turned on. */
  totpCode?: string;
}

export type DeletionRequestStatus = 'open' | 'completed' | 'no_account';

/** A deletion request received by email, as staff see it. */
export interface DeletionRequest {
  id: string;
  /** YYYY-MM-DD. */
  receivedOn: string;
  /** Null once the request is carried out, because the address is personal data too. */
  requesterEmail: string | null;
  note: string | null;
  status: DeletionRequestStatus;
  recordedAt: string;
  completedAt: string | null;
  /** YYYY-MM-DD: 30 days after `receivedOn`. */
  deadline: string;
  /** Whether the request is still open after its deadline. */
  overdue: boolean;
}

export interface NewDeletionRequest {
  email: string;
  /** YYYY-MM-DD, not in the future. */
  receivedOn: string;
  note?: string;
}

/**
 * Deletes the caller's own account after the API checks the password (and TOTP code). Every token
 * of the user is refused from then on. Errors: ReauthenticationFailed (field password or
 * totpCode), ValidationError (field totpCode), Conflict (the only admin of an organization),
 * TooManyRequests, IdentityUnavailable, JobQueueUnavailable.
 */
export function deleteOwnAccount(accessToken: string, proof: Reauthentication): Promise<{ purgeAfter: string }> {
  return apiRequest('/v1/me/deletion', { accessToken, method: 'POST', body: proof });
}

/** Starts building the student's data file. Students only. */
export function startPersonalExport(accessToken: string): Promise<{ id: string }> {
  return apiRequest('/v1/me/exports', { accessToken, method: 'POST' });
}

export async function listPersonalExports(accessToken: string): Promise<PersonalExport[]> {
  return (await apiRequest<{ exports: PersonalExport[] }>('/v1/me/exports', { accessToken })).exports;
}

/**
 * Opens a finished data file at the API and returns the response unread, so a route handler can
 * pass its body on as it arrives. A missing or expired file is an ApiError with status 404.
 */
export async function openPersonalExport(accessToken: string, exportId: string): Promise<Response> {
  const path = `/v1/me/exports/${encodeURIComponent(exportId)}/download`;
  const response = await fetch(`${apiBaseUrl()}${path}`, {
    headers: { authorization: `Bearer ${accessToken}` },
    cache: 'no-store',
  });
  if (response.ok) return response;

  const text = await response.text();
  let error: { error?: string; message?: string } = {};
  try {
    error = text ? (JSON.parse(text) as typeof error) : {};
  } catch {
    // A body that is not JSON keeps the generic message below.
  }
  throw new ApiError(
    response.status,
    error.error ?? 'UnknownError',
    error.message ?? `The API returned HTTP ${response.status} for GET ${path}.`,
  );
}

export function recordDeletionRequest(accessToken: string, request: NewDeletionRequest): Promise<{ id: string }> {
  return apiRequest('/v1/staff/deletion-requests', { accessToken, method: 'POST', body: request });
}

export async function listDeletionRequests(accessToken: string): Promise<DeletionRequest[]> {
  return (await apiRequest<{ requests: DeletionRequest[] }>('/v1/staff/deletion-requests', { accessToken })).requests;
}

/**
 * Carries out a recorded request through the same deletion path as a user's own. The outcome is
 * `no_account` when no account uses the request's email address.
 */
export function completeDeletionRequest(
  accessToken: string,
  requestId: string,
): Promise<{ outcome: 'completed' | 'no_account' }> {
  return apiRequest(`/v1/staff/deletion-requests/${encodeURIComponent(requestId)}/completion`, {
    accessToken,
    method: 'POST',
  });
}
