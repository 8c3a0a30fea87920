'use client';

import { useActionState } from 'react';
import { FormMessage, TextAreaField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { reviewListing, type ReviewValues } from './review-action';

/** Approve and Reject controls for one listing. Both buttons submit the same form with a `decision`. */
export function ReviewForm({ listingId, listingTitle }: { listingId: string; listingTitle: string }) {
  const [state, action, pending] = useActionState(reviewListing.bind(null, listingId), {
    attempt: 0,
  } as FormState<ReviewValues>);

  if (state.outcome === 'success') return <FormMessage outcome="success" message={state.message} />;

  return (
    <form
      action={action}
      key={state.attempt}
      noValidate
      className="form review-form"
      aria-label={`Review ${listingTitle}`}
    >
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextAreaField
        id={`reason-${listingId}`}
        name="reason"
        label="Reason for rejection"
        hint="Needed only to reject. The employer sees this text."
        rows={3}
        maxLength={1000}
        defaultValue={state.values?.reason}
        error={state.fieldErrors?.reason}
      />
      <div className="button-row">
        <button type="submit" name="decision" value="approve" className="button button-primary" disabled={pending}>
          Approve
        </button>
        <button type="submit" name="decision" value="reject" className="button button-danger" disabled={pending}>
          Reject
        </button>
      </div>
    </form>
  );
}
