'use server';

import { redirect } from 'next/navigation';
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession } from '../../lib/session';
import { isSixDigitCode, isValidEmail } from '../auth/validation';
import { failedForm, formText, type FormState } from '../forms/form-state';

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

/** Two-step password reset: ForgotPassword sends a code, ConfirmForgotPassword sets the new password. */
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
      if (identityErrorName(error) !== 'UserNotFoundException') return resetFailure(previous, error, email, step);
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
    await identityClient().send(
      new ConfirmForgotPasswordCommand({
        ClientId: identityClientId(),
        Username: email,
        ConfirmationCode: code,
        Password: newPassword,
      }),
    );
  } catch (error) {
    return resetFailure(previous, error, email, step);
  }
  redirect('/sign-in?reset=1');
}

function resetFailure(previous: ResetState, error: unknown, email: string, step: string): ResetState {
  const values = { email, step };
  switch (identityErrorName(error)) {
    case 'InvalidPasswordException':
      return failedForm(previous, 'Choose a stronger password.', { newPassword: identityErrorMessage(error) }, values);
    case 'CodeMismatchException':
      return failedForm(previous, 'That code is not correct.', { code: 'Check the code and try again.' }, values);
    case 'ExpiredCodeException':
      return failedForm(
        previous,
        'That code has expired. Start again to get a new code.',
        {},
        { email, step: 'request' },
      );
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Password reset failed.', { error: identityErrorName(error) ?? identityErrorMessage(error) });
      return failedForm(previous, 'We could not reset your password. Try again in a few minutes.', {}, values);
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
  return { attempt: previous.attempt + 1, outcome: 'success', message: 'Your password is changed.' };
}
