'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { updateListing } from '../../lib/listings-api';
import { readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, type FormState } from '../forms/form-state';
import { listingErrorState } from './listing-api-errors';
import { readListingForm, validateListingForm, type ListingFormValues } from './listing-input';

type ListingState = FormState<ListingFormValues>;

export interface SavedDates {
  startsOn: string | null;
  closingDate: string | null;
}

/**
 * Saves an edit of one listing. `listingId` and the saved dates are bound by the page: a date
 * that the edit leaves as it was may have passed.
 */
export async function editListing(
  listingId: string,
  saved: SavedDates,
  previous: ListingState,
  formData: FormData,
): Promise<ListingState> {
  const values = readListingForm(formData);
  const { listing, errors } = validateListingForm(values, undefined, saved);
  if (!listing) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  const editPath = `/employer/listings/${encodeURIComponent(listingId)}/edit`;
  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(editPath)}`);

  let returnedToReview = false;
  try {
    ({ returnedToReview } = await updateListing(session.accessToken, listingId, listing));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401)
      redirect(`/sign-in?next=${encodeURIComponent(editPath)}`);
    const state = listingErrorState(error, previous, values);
    if (state) return state;
    console.error('Listing edit failed.', { listingId, error: error instanceof Error ? error.message : String(error) });
    return failedForm(previous, 'We could not save the listing. Try again in a few minutes.', {}, values);
  }

  redirect(returnedToReview ? '/employer?updated=review' : '/employer?updated=1');
}
