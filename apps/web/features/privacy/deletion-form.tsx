'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { deleteAccount, type DeletionValues, type MfaState } from './deletion-action';

/**
 * Renders the deletion form: the password, the TOTP code when MFA is on (an optional code field
 * when the MFA state could not be loaded), and a confirmation checkbox.
 */
export function DeleteAccountForm({ mfa }: { mfa: MfaState }) {
  const [state, action, pending] = useActionState(deleteAccount.bind(null, mfa), {
    attempt: 0,
  } as FormState<DeletionValues>);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-label="Delete my account">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="deletion-password"
        name="password"
        type="password"
        label="Password"
        hint="Enter your password again to show that it is you."
        autoComplete="current-password"
        required
        error={errors.password}
      />
      {mfa !== 'off' && (
        <TextField
          id="deletion-totp"
          name="totpCode"
          label="Authentication code"
          hint={
            mfa === 'on'
              ? 'The 6-digit code from your authenticator app.'
              : 'If you use two-step sign-in, the 6-digit code from your authenticator app.'
          }
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required={mfa === 'on'}
          error={errors.totpCode}
        />
      )}
      <div className="field">
        <FieldError id="deletion-confirm" error={errors.confirm} />
        <label className="choice">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={state.values?.confirm === 'yes'}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? 'deletion-confirm-error' : undefined}
          />{' '}
          I understand that deleting my account cannot be undone
        </label>
      </div>
      <button type="submit" className="button button-danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
