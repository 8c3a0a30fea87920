'use server';

import { redirect } from 'next/navigation';
import { ChangePasswordCommand, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ApiError, confirmPasswordReset } from '../../lib/api';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { destroySession, readSession } from '../../lib/session';
import { isSixDigitCode, isValidEmail } from '../auth/validation';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';

export interface ResetValues {
  email: string;
  /** 'request' until a code was sent, then 'confirm'. */
  step: string;
}

type ResetState = FormState<ResetValues>;
type PasswordState = FormState<Record<string, never>>;

function passwordField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Two-step password reset. ForgotPassword at the identity service emails a code. The API sets the
 * new password with that code, so that it also records that the user's older tokens are revoked.
 */
export async function resetPassword(previous: ResetState, formData: FormData): Promise<ResetState> {
  const email = formText(formData, 'email').toLowerCase();
  const step = formText(formData, 'step') === 'confirm' ? 'confirm' : 'request';
  if (!isValidEmail(email)) {
    return failedForm(previous, 'Enter your email address.', { email: 'Enter your email address.' }, { email, step });
  }

  if (step === 'request') {
    try {
      await identityClient().send(new ForgotPasswordCommand({ ClientId: identityClientId(), Username: email }));
    } catch (error) {
      // UserNotFoundException gets the same response, so the form does not reveal who has an account.
      if (identityErrorName(error) !== 'UserNotFoundException') return requestFailure(previous, error, email);
    }
    return {
      attempt: previous.attempt + 1,
      outcome: 'success',
      message: `If ${email} has a ClockIn account, we sent it a 6-digit code. Enter it below with a new password.`,
      values: { email, step: 'confirm' },
    };
  }

  const code = formText(formData, 'code');
  const newPassword = passwordField(formData, 'newPassword');
  const errors: Record<string, string> = {};
  if (!isSixDigitCode(code)) errors.code = 'Enter the 6-digit code from the email.';
  if (!newPassword) errors.newPassword = 'Enter a new password.';
  if (Object.keys(errors).length > 0)
    return failedForm(previous, 'Fix the fields marked below.', errors, { email, step });

  try {
    await confirmPasswordReset({ email, code, newPassword });
  } catch (error) {
    return confirmFailure(previous, error, email);
  }

  // The reset revoked every sign-in of this user, including one in this browser.
  const session = await readSession();
  if (session.username === email) await destroySession();
  redirect('/sign-in?reset=1');
}

const RESET_FIELDS = new Set(['email', 'code', 'newPassword']);

/** Maps an error of POST /v1/password-resets/confirm to the form's messages. */
function confirmFailure(previous: ResetState, error: unknown, email: string): ResetState {
  const values = { email, step: 'confirm' };
  if (!(error instanceof ApiError)) {
    console.error('Password reset failed.', { error: identityErrorMessage(error) });
    return failedForm(previous, 'We could not reset your password. Try again in a few minutes.', {}, values);
  }

  switch (error.errorName) {
    case 'ValidationError': {
      // Show the message beside the field when the form has that field, and as the summary otherwise.
      if (!error.field || !RESET_FIELDS.has(error.field)) return failedForm(previous, error.message, {}, values);
      const fieldErrors = { [error.field]: error.message };
      return failedForm(previous, fieldErrorSummary(fieldErrors), fieldErrors, values);
    }
    case 'InvalidPassword':
      return failedForm(previous, 'Choose a stronger password.', { newPassword: error.message }, values);
    case 'CodeMismatch':
      return failedForm(
        previous,
        'That code is not correct.',
        { code: 'Check the code in the newest email. After 5 wrong tries, start again to get a new code.' },
        values,
      );
    case 'ExpiredCode':
      return failedForm(
        previous,
        'That code has expired. Start again to get a new code.',
        {},
        { email, step: 'request' },
      );
    case 'TooManyRequests':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    case 'IdentityUnavailable':
      return failedForm(
        previous,
        'Password resets are not available right now. Try again in a few minutes.',
        {},
        values,
      );
    default:
      console.error('Password reset failed.', { status: error.statusCode, error: error.errorName });
      return failedForm(previous, 'We could not reset your password. Try again in a few minutes.', {}, values);
  }
}

/** Maps an error of ForgotPassword, the step that emails the code, to the form's message. */
function requestFailure(previous: ResetState, error: unknown, email: string): ResetState {
  const values = { email, step: 'request' };
  switch (identityErrorName(error)) {
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Password reset code request failed.', {
        error: identityErrorName(error) ?? identityErrorMessage(error),
      });
      return failedForm(previous, 'We could not send a reset code. Try again in a few minutes.', {}, values);
  }
}

/** Changes the signed-in user's password (ChangePassword with the access token). */
export async function changePassword(previous: PasswordState, formData: FormData): Promise<PasswordState> {
  const currentPassword = passwordField(formData, 'currentPassword');
  const newPassword = passwordField(formData, 'newPassword');
  const errors: Record<string, string> = {};
  if (!currentPassword) errors.currentPassword = 'Enter your current password.';
  if (!newPassword) errors.newPassword = 'Enter a new password.';
  if (Object.keys(errors).length > 0) return failedForm(previous, 'Fix the fields marked below.', errors, {});

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/account');

  try {
    await identityClient().send(
      new ChangePasswordCommand({
        AccessToken: session.accessToken,
        PreviousPassword: currentPassword,
        ProposedPassword: newPassword,
      }),
    );
  } catch (error) {
    switch (identityErrorName(error)) {
      case 'NotAuthorizedException':
        return failedForm(
          previous,
          'Your current password is not correct.',
          { currentPassword: 'Check it and try again.' },
          {},
        );
      case 'InvalidPasswordException':
        return failedForm(previous, 'Choose a stronger password.', { newPassword: identityErrorMessage(error) }, {});
      case 'LimitExceededException':
      case 'TooManyRequestsException':
        return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, {});
      default:
        console.error('Password change failed.', { error: identityErrorName(error) ?? identityErrorMessage(error) });
        return failedForm(previous, 'We could not change your password. Try again in a few minutes.', {}, {});
    }
  }

  // ClockIn's identity service revokes every sign-in of the user when the password changes, this
  // browser's included, so the user signs in again with the new password.
  await destroySession();
  redirect('/sign-in?reset=1');
}
