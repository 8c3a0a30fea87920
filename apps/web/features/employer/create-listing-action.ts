'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { createListing as saveNewListing } from '../../lib/listings-api';
import { readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { listingErrorState } from './listing-api-errors';
import { readListingForm, validateListingForm, type ListingFormValues } from './listing-input';

type ListingState = FormState<ListingFormValues>;

/** Submits a new listing for staff review, or saves it as a draft when the Save draft button sent the form. */
export async function createListing(previous: ListingState, formData: FormData): Promise<ListingState> {
  const values = readListingForm(formData);
  const draft = formText(formData, 'intent') === 'draft';
  const { listing, errors } = validateListingForm(values);
  if (!listing) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/employer/listings/new');

  try {
    await saveNewListing(session.accessToken, listing, draft);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/employer/listings/new');
    const state = listingErrorState(error, previous, values);
    if (state) return state;
    console.error('Listing creation failed.', { error: error instanceof Error ? error.message : String(error) });
    return failedForm(previous, 'We could not save the listing. Try again in a few minutes.', {}, values);
  }

  redirect(draft ? '/employer?saved=draft' : '/employer?created=1');
}
