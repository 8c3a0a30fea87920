'use client';

import { useActionState } from 'react';
import { PASSWORD_POLICY } from '../auth/validation';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { changePassword, resetPassword, type ResetValues } from './password-actions';

export function ResetPasswordForm() {
  const [state, action, pending] = useActionState(resetPassword, {
    attempt: 0,
    values: { step: 'request' },
  } as FormState<ResetValues>);
  const errors = state.fieldErrors ?? {};
  const confirming = state.values?.step === 'confirm';

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <input type="hidden" name="step" value={confirming ? 'confirm' : 'request'} />
      <TextField
        id="reset-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      {confirming && (
        <>
          <TextField
            id="reset-code"
            name="code"
            label="Reset code"
            hint="The 6-digit code from the email we sent you."
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            error={errors.code}
          />
          <TextField
            id="reset-new-password"
            name="newPassword"
            type="password"
            label="New password"
            autoComplete="new-password"
            hint={PASSWORD_POLICY}
            required
            error={errors.newPassword}
          />
        </>
      )}
      <SubmitButton pending={pending}>{confirming ? 'Set new password' : 'Send reset code'}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePassword, { attempt: 0 } as FormState<Record<string, never>>);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={PASSWORD_POLICY}
        required
        error={errors.newPassword}
      />
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </form>
  );
}
