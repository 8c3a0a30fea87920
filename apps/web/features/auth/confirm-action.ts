'use server';

import { redirect } from 'next/navigation';
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession, saveSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { isSixDigitCode, isValidEmail } from './validation';

export interface ConfirmValues {
  email: string;
}

type ConfirmState = FormState<ConfirmValues>;

/** Confirms the sign-up code, or sends a new one when the "Send a new code" button was used. */
export async function confirmEmail(previous: ConfirmState, formData: FormData): Promise<ConfirmState> {
  const email = formText(formData, 'email').toLowerCase();
  const code = formText(formData, 'code');
  const values = { email };

  if (!isValidEmail(email)) {
    return failedForm(
      previous,
      'Enter the email address you signed up with.',
      { email: 'Enter your email address.' },
      values,
    );
  }
  if (formText(formData, 'intent') === 'resend') return resendCode(previous, email);

  if (!isSixDigitCode(code)) {
    return failedForm(previous, 'Enter the 6-digit code from the email.', { code: 'Enter the 6 digits.' }, values);
  }

  try {
    await identityClient().send(
      new ConfirmSignUpCommand({ ClientId: identityClientId(), Username: email, ConfirmationCode: code }),
    );
  } catch (error) {
    return confirmFailure(previous, error, values);
  }

  const session = await readSession();
  await saveSession({ ...session, pendingConfirmationEmail: undefined, username: session.username ?? email });
  redirect('/sign-in?confirmed=1');
}

async function resendCode(previous: ConfirmState, email: string): Promise<ConfirmState> {
  try {
    await identityClient().send(new ResendConfirmationCodeCommand({ ClientId: identityClientId(), Username: email }));
  } catch (error) {
    return confirmFailure(previous, error, { email });
  }
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: `We sent a new code to ${email}. It replaces the earlier code.`,
    values: { email },
  };
}

function confirmFailure(previous: ConfirmState, error: unknown, values: ConfirmValues): ConfirmState {
  const name = identityErrorName(error);
  switch (name) {
    case 'CodeMismatchException':
      return failedForm(previous, 'That code is not correct.', { code: 'Check the code and try again.' }, values);
    case 'ExpiredCodeException':
      return failedForm(previous, 'That code has expired. Send a new code and use the newest email.', {}, values);
    case 'UserNotFoundException':
      return failedForm(
        previous,
        'We could not find a sign-up for that email.',
        { email: 'Check the email address.' },
        values,
      );
    case 'NotAuthorizedException':
      // Cognito uses NotAuthorizedException when the user is already confirmed.
      return failedForm(previous, `${identityErrorMessage(error)} You can sign in now.`, {}, values);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Email confirmation failed.', { error: name ?? identityErrorMessage(error) });
      return failedForm(previous, 'We could not confirm your email. Try again in a few minutes.', {}, values);
  }
}
