'use server';

import { redirect } from 'next/navigation';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession, saveSession } from '../../lib/session';
import { safeReturnPath } from '../../lib/viewer';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { continueSignIn } from './complete-sign-in';
import { isValidEmail } from './validation';

export interface SignInValues {
  email: string;
}

type SignInState = FormState<SignInValues>;

/** Signs in with email and password (USER_PASSWORD_AUTH), then continues with MFA when required. */
export async function signIn(previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = formText(formData, 'email').toLowerCase();
  const password = typeof formData.get('password') === 'string' ? (formData.get('password') as string) : '';
  const returnTo = safeReturnPath(formData.get('next'));
  const values = { email };

  const fieldErrors: Record<string, string> = {};
  if (!isValidEmail(email)) fieldErrors.email = 'Enter your email address.';
  if (!password) fieldErrors.password = 'Enter your password.';
  if (Object.keys(fieldErrors).length > 0) {
    return failedForm(previous, 'Enter your email and password.', fieldErrors, values);
  }

  let response;
  try {
    response = await identityClient().send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: identityClientId(),
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
  } catch (error) {
    const name = identityErrorName(error);
    if (name === 'UserNotConfirmedException') {
      const session = await readSession();
      await saveSession({ ...session, pendingConfirmationEmail: email });
      redirect('/confirm?reason=unconfirmed');
    }
    if (name === 'PasswordResetRequiredException') redirect('/forgot-password?reason=required');
    return signInFailure(previous, error, values);
  }

  const message = await continueSignIn(response, email, returnTo);
  return failedForm(previous, message, {}, values);
}

function signInFailure(previous: SignInState, error: unknown, values: SignInValues): SignInState {
  const name = identityErrorName(error);
  switch (name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      // One message for both, so the form does not reveal which emails have accounts.
      return failedForm(previous, 'The email or password is incorrect.', {}, values);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, values);
    default:
      console.error('Sign-in failed.', { error: name ?? identityErrorMessage(error) });
      return failedForm(previous, 'We could not sign you in. Try again in a few minutes.', {}, values);
  }
}
