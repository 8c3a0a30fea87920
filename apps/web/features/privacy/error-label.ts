import { ApiError } from '../../lib/api';

/**
 * Returns what a log line may contain about a failed call: the API's error name, or the message of
 * any other error. An API message can repeat what the user typed, so it is left out.
 */
export function errorLabel(error: unknown): string {
  if (error instanceof ApiError) return error.errorName;
  if (error instanceof Error) return error.message;
  return String(error);
}
