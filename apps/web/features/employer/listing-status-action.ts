'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { changeListingStatus, type LifecycleAction } from '../../lib/listings-api';
import { readSession } from '../../lib/session';
import { formText } from '../forms/form-state';

const ACTIONS: readonly LifecycleAction[] = ['submit', 'close', 'filled'];

/** Short codes for the outcome notices of the My listings page. */
function failureCode(error: ApiError): string {
  if (error.statusCode === 409) return 'conflict';
  if (error.errorName === 'OrganizationNotVerified') return 'unverified';
  if (error.statusCode === 400 && (error.field === 'closingDate' || error.field === 'startsOn')) return 'dates';
  return 'other';
}

/**
 * Submits, closes or marks filled one listing from the My listings table, then shows the page
 * again with a notice. The form posts the listing id and the action, so it works without JavaScript.
 */
export async function changeStatus(formData: FormData): Promise<void> {
  const listingId = formText(formData, 'listingId');
  const action = formText(formData, 'action') as LifecycleAction;
  if (!listingId || !ACTIONS.includes(action)) redirect('/employer?failed=other');

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/employer');

  let outcome: string;
  try {
    await changeListingStatus(session.accessToken, listingId, action);
    outcome = `changed=${action}`;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/employer');
    if (!(error instanceof ApiError) || error.statusCode >= 500) {
      console.error('Listing status change failed.', {
        listingId,
        action,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    outcome = `failed=${error instanceof ApiError ? failureCode(error) : 'other'}`;
  }
  revalidatePath('/employer');
  redirect(`/employer?${outcome}`);
}
