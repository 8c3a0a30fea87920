'use client';

import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextAreaField, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { carryOutRequestAction, recordRequestAction, type RequestValues } from './deletion-request-actions';

/** Staff record a deletion request that arrived by email. `today` (YYYY-MM-DD) caps the date. */
export function RecordRequestForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState(recordRequestAction, { attempt: 0 } as FormState<RequestValues>);
  const errors = state.fieldErrors ?? {};
  // After a success the form starts empty again; after an error it shows what was typed.
  const values = state.outcome === 'error' ? (state.values ?? {}) : {};

  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-labelledby="record-request-heading">
      <h2 id="record-request-heading">Record a request</h2>
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="request-email"
        name="email"
        type="email"
        label="Email address of the requester"
        hint="The address the email came from. Carrying out the request deletes the account that uses it."
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        id="request-received-on"
        name="receivedOn"
        type="date"
        label="Date received"
        hint="The 30 days to carry out the request count from this date."
        max={today}
        required
        defaultValue={values.receivedOn}
        error={errors.receivedOn}
      />
      <TextAreaField
        id="request-note"
        name="note"
        label="Note (optional)"
        hint="For example how you confirmed that the request came from the account holder. No message text."
        rows={2}
        maxLength={500}
        defaultValue={values.note}
        error={errors.note}
      />
      <SubmitButton pending={pending}>Record request</SubmitButton>
    </form>
  );
}

/**
 * Renders the "Carry out" control of one open request. The first click only shows a confirmation step, and the
 * second deletes the account. The outcome message stays after the list reloads without the button.
 */
export function CarryOutControl({
  requestId,
  email,
  open,
}: {
  requestId: string;
  email: string | null;
  open: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(carryOutRequestAction.bind(null, requestId), {
    attempt: 0,
  } as FormState);

  if (state.outcome === 'success') return <FormMessage outcome="success" message={state.message} />;
  if (!open) return null;
  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
        Carry out<span className="visually-hidden"> the request from {email ?? 'this address'}</span>
      </button>
    );
  }
  return (
    <form action={action} className="form" aria-label={`Confirm the deletion for ${email ?? 'this request'}`}>
      <FormMessage outcome={state.outcome} message={state.message} />
      <p>
        Delete the account of {email ?? 'this address'} now? Its sign-ins end at once, and its data is erased within 30
        days. This cannot be undone.
      </p>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Yes, delete the account'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={() => setConfirming(false)}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
