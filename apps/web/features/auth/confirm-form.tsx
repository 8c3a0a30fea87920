'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { confirmEmail, type ConfirmValues } from './confirm-action';

export function ConfirmForm({ email }: { email?: string }) {
  const [state, action, pending] = useActionState(confirmEmail, {
    attempt: 0,
    values: { email },
  } as FormState<ConfirmValues>);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="confirm-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        id="confirm-code"
        name="code"
        label="Confirmation code"
        hint="The 6-digit code from the email we sent you."
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        error={errors.code}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Confirm email</SubmitButton>
        <button type="submit" name="intent" value="resend" formNoValidate className="button button-secondary">
          Send a new code
        </button>
      </div>
    </form>
  );
}
