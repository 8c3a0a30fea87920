import { ApiError } from '../../lib/api';

/**
 * Returns the message that a district page shows in place of its content for an API error it
 * expects: 403 when the partnership is not active, 400 for a stale page cursor. Returns null for
 * any other error, which the page rethrows.
 */
export function districtErrorMessage(error: unknown): string | null {
  if (error instanceof ApiError && (error.statusCode === 403 || error.statusCode === 400)) return error.message;
  return null;
}
