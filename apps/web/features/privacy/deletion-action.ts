'use server';

import { redirect } from 'next/navigation';
import { deleteOwnAccount } from '../../lib/account-api';
import { ApiError, getMe } from '../../lib/api';
import { destroySession, readSession } from '../../lib/session';
import { isSixDigitCode } from '../auth/validation';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { errorLabel } from './error-label';

/** Whether the user has TOTP MFA on, or `unknown` when loading the MFA settings failed. */
export type MfaState = 'on' | 'off' | 'unknown';

export interface DeletionValues {
  confirm: string;
}

type DeletionState = FormState<DeletionValues>;

const FORM_FIELDS = new Set(['password', 'totpCode']);

function passwordField(formData: FormData): string {
  const value = formData.get('password');
  return typeof value === 'string' ? value : '';
}

/**
 * Deletes the signed-in user's account after the API checks their password, and their TOTP code
 * when MFA is on. On success the session cookies go and the browser lands on the confirmation.
 */
export async function deleteAccount(
  mfa: MfaState,
  previous: DeletionState,
  formData: FormData,
): Promise<DeletionState> {
  const password = passwordField(formData);
  const totpCode = formText(formData, 'totpCode').replace(/\s/g, '');
  const confirm = formText(formData, 'confirm') === 'yes' ? 'yes' : '';
  const values = { confirm };

  const errors: Record<string, string> = {};
  if (!password) errors.password = 'Enter your password.';
  if ((mfa === 'on' || totpCode) && !isSixDigitCode(totpCode)) {
    errors.totpCode = 'Enter the 6-digit code from your authenticator app.';
  }
  if (!confirm) errors.confirm = 'Tick the box to confirm that you want to delete your account.';
  if (Object.keys(errors).length > 0) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/account/delete');

  let purgeAfter: string | null;
  try {
    purgeAfter = (await deleteOwnAccount(session.accessToken, { password, ...(totpCode ? { totpCode } : {}) }))
      .purgeAfter;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      await destroySession();
      redirect('/sign-in?next=/account/delete&reason=session-ended');
    }
    if (error instanceof ApiError && error.statusCode < 500) return rejected(previous, error, values);
    // The API records the revocation before its last steps (disabling the identity user and
    // scheduling the purge), so a rejected token means the deletion went through despite the error.
    const state = await accountState(session.accessToken);
    if (state !== 'deleted') {
      console.error('Account deletion failed.', {
        error: errorLabel(error),
        accountState: state,
      });
      return failedForm(previous, UNFINISHED_MESSAGES[state], {}, values);
    }
    purgeAfter = null;
  }

  await destroySession();
  redirect(purgeAfter ? `/account/delete/done?purgeAfter=${encodeURIComponent(purgeAfter)}` : '/account/delete/done');
}

/** Maps a 4xx response of POST /v1/me/deletion to the form's messages. */
function rejected(previous: DeletionState, error: ApiError, values: DeletionValues): DeletionState {
  if (
    (error.errorName === 'ReauthenticationFailed' || error.errorName === 'ValidationError') &&
    error.field &&
    FORM_FIELDS.has(error.field)
  ) {
    const fieldErrors = { [error.field]: error.message };
    return failedForm(previous, fieldErrorSummary(fieldErrors), fieldErrors, values);
  }
  // Conflict (the only admin of an organization) and TooManyRequests carry a message for the user.
  return failedForm(previous, error.message, {}, values);
}

const UNFINISHED_MESSAGES = {
  active: 'Your account was not deleted because ClockIn could not finish the request. Try again in a few minutes.',
  unknown:
    'ClockIn did not confirm the deletion. Reload this page in a few minutes: if it asks you to sign in, your account is deleted; if not, try again.',
} as const;

/** Asks the API whether the access token still works, which it stops doing once the account is deleted. */
async function accountState(accessToken: string): Promise<'deleted' | 'active' | 'unknown'> {
  try {
    await getMe(accessToken);
    return 'active';
  } catch (error) {
    return error instanceof ApiError && error.statusCode === 401 ? 'deleted' : 'unknown';
  }
}
