import { ApiError } from '../../lib/api';
import { failedForm, type FormState } from '../forms/form-state';
import type { ListingFormValues } from './listing-input';

type ListingState = FormState<ListingFormValues>;

/** Maps an API error field such as "payMinCents" or "schedule.1.end" to the form field that shows it. */
function formFieldFor(apiField: string): string {
  const shiftMatch = /^schedule\.(\d+)/.exec(apiField);
  if (shiftMatch) return `shift-${shiftMatch[1]}`;
  if (apiField.startsWith('duties')) return 'duties';
  const fields: Record<string, string> = { payMinCents: 'payMin', payMaxCents: 'payMax' };
  return fields[apiField] ?? apiField;
}

/**
 * Turns an error the API returned for a listing save into the form's state, or returns null for
 * errors the caller handles itself (401) or that are not the employer's to fix (5xx).
 */
export function listingErrorState(
  error: unknown,
  previous: ListingState,
  values: ListingFormValues,
): ListingState | null {
  if (!(error instanceof ApiError)) return null;
  if (error.statusCode === 400) {
    const fieldErrors = error.field ? { [formFieldFor(error.field)]: error.message } : {};
    return failedForm(previous, error.field ? 'Fix the field marked below.' : error.message, fieldErrors, values);
  }
  if (error.statusCode === 403 || error.statusCode === 404 || error.statusCode === 409) {
    return failedForm(previous, error.message, {}, values);
  }
  return null;
}
