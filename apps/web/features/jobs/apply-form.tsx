'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { FieldError, FormMessage, SubmitButton } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { applyForListing, type ApplyValues } from './apply-action';
import { ANNOUNCE_REMAINING_BELOW, MAX_MESSAGE_LENGTH } from './limits';

export function ApplyForm({ listingId }: { listingId: string }) {
  const [state, action, pending] = useActionState(applyForListing.bind(null, listingId), {
    attempt: 0,
  } as FormState<ApplyValues>);

  if (state.outcome === 'success') {
    return (
      <div role="status" className="notice notice-success">
        <p>{state.message}</p>
        <p>
          Follow its status on <Link href="/applications">My applications</Link>.
        </p>
      </div>
    );
  }

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <MessageField defaultValue={state.values?.message ?? ''} error={state.fieldErrors?.message} />
      <SubmitButton pending={pending}>Apply</SubmitButton>
    </form>
  );
}

/** Message textarea with a live character count. Screen readers hear it only near the limit, not on every key. */
function MessageField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [length, setLength] = useState(defaultValue.length);
  const remaining = MAX_MESSAGE_LENGTH - length;
  const describedBy = ['apply-message-hint', 'apply-message-count', error ? 'apply-message-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field">
      <label htmlFor="apply-message">Message</label>
      <p id="apply-message-hint" className="field-hint">
        Tell the employer why you want this job and when you can start. Do not include your phone number or address.
      </p>
      <FieldError id="apply-message" error={error} />
      <textarea
        id="apply-message"
        name="message"
        rows={6}
        required
        maxLength={MAX_MESSAGE_LENGTH}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setLength(event.target.value.length)}
      />
      <p id="apply-message-count" className={remaining < 0 ? 'field-count over' : 'field-count'}>
        {length} of {MAX_MESSAGE_LENGTH} characters
      </p>
      <p className="visually-hidden" aria-live="polite">
        {remaining < ANNOUNCE_REMAINING_BELOW ? `${Math.max(remaining, 0)} characters left` : ''}
      </p>
    </div>
  );
}
