'use server';

import { redirect } from 'next/navigation';
import {
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { destroySession, readSession, saveSession, type SessionData } from '../../lib/session';
import { isSixDigitCode } from '../auth/validation';
import { failedForm, formText, type FormState } from '../forms/form-state';

type MfaState = FormState<Record<string, never>>;

const SESSION_ENDED_PATH = '/sign-in?next=/account&reason=session-ended';

/** Returns the signed-in session, or sends the visitor to the sign-in page. */
async function signedInSession(): Promise<SessionData & { accessToken: string }> {
  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/account');
  return { ...session, accessToken: session.accessToken };
}

/** Starts MFA setup: requests a new TOTP secret (AssociateSoftwareToken) and opens the setup page. */
export async function startMfaSetup(previous: MfaState): Promise<MfaState> {
  const session = await signedInSession();

  let secretCode: string | undefined;
  try {
    const association = await identityClient().send(
      new AssociateSoftwareTokenCommand({ AccessToken: session.accessToken }),
    );
    secretCode = association.SecretCode;
  } catch (error) {
    return mfaFailure(previous, error, 'We could not start the setup. Try again in a few minutes.');
  }
  if (!secretCode) {
    console.error('AssociateSoftwareToken returned no secret code.');
    return failedForm(previous, 'We could not start the setup. Try again in a few minutes.', {}, {});
  }

  await saveSession({ ...session, mfaSetup: { secretCode } });
  redirect('/account/mfa');
}

/**
 * Checks the first code from the newly added authenticator app (VerifySoftwareToken), then turns
 * TOTP MFA on and makes it the preferred method (SetUserMFAPreference).
 */
export async function confirmMfaSetup(previous: MfaState, formData: FormData): Promise<MfaState> {
  const session = await signedInSession();
  const code = formText(formData, 'code');
  if (!session.mfaSetup) {
    return failedForm(previous, 'This setup has ended. Start again from your account page.', {}, {});
  }
  if (!isSixDigitCode(code)) {
    return failedForm(previous, 'Enter the 6-digit code.', { code: 'Enter the 6 digits from your app.' }, {});
  }

  try {
    const verification = await identityClient().send(
      new VerifySoftwareTokenCommand({
        AccessToken: session.accessToken,
        UserCode: code,
        FriendlyDeviceName: 'ClockIn',
      }),
    );
    if (verification.Status !== 'SUCCESS') return wrongCode(previous);
    await identityClient().send(
      new SetUserMFAPreferenceCommand({
        AccessToken: session.accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
  } catch (error) {
    if (identityErrorName(error) === 'InvalidParameterException') {
      // The identity service has no secret waiting for a code: the setup finished or restarted elsewhere.
      await saveSession({ ...session, mfaSetup: undefined });
      return failedForm(previous, 'This setup has ended. Start again from your account page.', {}, {});
    }
    return mfaFailure(previous, error, 'We could not check the code. Try again in a few minutes.');
  }

  await saveSession({ ...session, mfaSetup: undefined });
  redirect('/account?mfa=on');
}

/** Leaves the setup page without turning MFA on. */
export async function cancelMfaSetup(): Promise<void> {
  const session = await readSession();
  await saveSession({ ...session, mfaSetup: undefined });
  redirect('/account');
}

/** Turns TOTP MFA off. The identity service rejects this for groups that require MFA. */
export async function turnOffMfa(previous: MfaState): Promise<MfaState> {
  const session = await signedInSession();
  try {
    await identityClient().send(
      new SetUserMFAPreferenceCommand({
        AccessToken: session.accessToken,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
  } catch (error) {
    if (identityErrorName(error) === 'InvalidParameterException') {
      return failedForm(previous, 'Staff and admin accounts must keep two-step sign-in on.', {}, {});
    }
    return mfaFailure(previous, error, 'We could not turn off two-step sign-in. Try again in a few minutes.');
  }
  redirect('/account?mfa=off');
}

function wrongCode(previous: MfaState): MfaState {
  // The identity service rejects a wrong code and a reused one alike, so the message covers both.
  return failedForm(
    previous,
    'That code is not correct or was already used.',
    { code: 'Wait for your app to show a new code, then enter it.' },
    {},
  );
}

async function mfaFailure(previous: MfaState, error: unknown, fallbackMessage: string): Promise<MfaState> {
  const name = identityErrorName(error);
  if (name === 'NotAuthorizedException') {
    // The access token was revoked, for example by sign-out everywhere on another device.
    await destroySession();
    redirect(SESSION_ENDED_PATH);
  }

  switch (name) {
    case 'EnableSoftwareTokenMFAException':
    case 'CodeMismatchException':
      return wrongCode(previous);
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, {});
    default:
      console.error('An MFA settings request failed.', { error: name ?? identityErrorMessage(error) });
      return failedForm(previous, fallbackMessage, {}, {});
  }
}
