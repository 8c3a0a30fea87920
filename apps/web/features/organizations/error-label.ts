import { ApiError } from '../../lib/api';

/** Returns a log-safe name for a failure: the API's error name, or the message of another error. */
export function errorLabel(error: unknown): string {
  if (error instanceof ApiError) return error.errorName;
  if (error instanceof Error) return error.message;
  return String(error);
}
