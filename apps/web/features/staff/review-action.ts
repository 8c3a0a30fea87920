'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError, decideListingReview } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';

export interface ReviewValues {
  reason: string;
}

type ReviewState = FormState<ReviewValues>;

/** Approves or rejects one listing in the review queue. `listingId` is bound by the page. */
export async function reviewListing(
  listingId: string,
  previous: ReviewState,
  formData: FormData,
): Promise<ReviewState> {
  const decision = formText(formData, 'decision');
  const reason = formText(formData, 'reason');
  const values = { reason };

  if (decision !== 'approve' && decision !== 'reject') {
    return failedForm(previous, 'Choose Approve or Reject.', {}, values);
  }
  if (decision === 'reject' && !reason) {
    return failedForm(
      previous,
      'Give a reason for the rejection.',
      { reason: 'Tell the employer what to change.' },
      values,
    );
  }

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/staff/reviews');

  try {
    await decideListingReview(
      session.accessToken,
      listingId,
      decision === 'approve' ? { decision } : { decision, reason },
    );
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400 && error.field === 'reason') {
      return failedForm(previous, 'Check the reason.', { reason: error.message }, values);
    }
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, values);
    console.error('Listing review failed.', {
      listingId,
      error: error instanceof Error ? error.message : String(error),
    });
    return failedForm(previous, 'We could not save the decision. Try again in a few minutes.', {}, values);
  }

  revalidatePath('/staff/reviews');
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message:
      decision === 'approve' ? 'Listing approved and published.' : 'Listing rejected. The employer sees your reason.',
  };
}
