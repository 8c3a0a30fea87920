'use server';

import { redirect } from 'next/navigation';
import { ApiError, createEmployerListing } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, type FormState } from '../forms/form-state';
import { readListingForm, validateListingForm, type ListingFormValues } from './listing-input';

type ListingState = FormState<ListingFormValues>;

/** Maps an API error field such as "payMinCents" or "schedule.1.end" to the form field that shows it. */
function formFieldFor(apiField: string): string {
  const shiftMatch = /^schedule\.(\d+)/.exec(apiField);
  if (shiftMatch) return `shift-${shiftMatch[1]}`;
  const fields: Record<string, string> = { payMinCents: 'payMin', payMaxCents: 'payMax' };
  return fields[apiField] ?? apiField;
}

/** Submits a new listing for staff review. */
export async function createListing(previous: ListingState, formData: FormData): Promise<ListingState> {
  const values = readListingForm(formData);
  const { listing, errors } = validateListingForm(values);
  if (!listing) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/employer/listings/new');

  try {
    await createEmployerListing(session.accessToken, listing);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400) {
      const fieldErrors = error.field ? { [formFieldFor(error.field)]: error.message } : {};
      return failedForm(previous, error.field ? 'Fix the field marked below.' : error.message, fieldErrors, values);
    }
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/employer/listings/new');
    if (error instanceof ApiError && error.statusCode === 403) {
      return failedForm(previous, error.message, {}, values);
    }
    console.error('Listing creation failed.', { error: error instanceof Error ? error.message : String(error) });
    return failedForm(previous, 'We could not submit the listing. Try again in a few minutes.', {}, values);
  }

  redirect('/employer?created=1');
}
