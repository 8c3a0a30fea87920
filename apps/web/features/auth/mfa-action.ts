'use server';

import {
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { readSession, saveSession, type PendingChallenge } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { continueSignIn } from './complete-sign-in';
import { isSixDigitCode } from './validation';

type CodeState = FormState<Record<string, never>>;

const EXPIRED_MESSAGE = 'This sign-in has expired. Sign in again with your email and password.';

async function pendingChallenge(name: PendingChallenge['name']): Promise<PendingChallenge | undefined> {
  const session = await readSession();
  return session.challenge?.name === name ? session.challenge : undefined;
}

async function clearChallenge(): Promise<void> {
  const session = await readSession();
  await saveSession({ ...session, challenge: undefined });
}

/** Responds to the SOFTWARE_TOKEN_MFA challenge with the code from the user's authenticator app. */
export async function submitMfaCode(previous: CodeState, formData: FormData): Promise<CodeState> {
  const code = formText(formData, 'code');
  const challenge = await pendingChallenge('SOFTWARE_TOKEN_MFA');
  if (!challenge) return failedForm(previous, EXPIRED_MESSAGE, {}, {});
  if (!isSixDigitCode(code)) {
    return failedForm(previous, 'Enter the 6-digit code.', { code: 'Enter the 6 digits from your app.' }, {});
  }

  let response: RespondToAuthChallengeCommandOutput;
  try {
    response = await identityClient().send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: identityClientId(),
        Session: challenge.session,
        ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    );
  } catch (error) {
    return codeFailure(previous, error);
  }

  return failedForm(previous, await continueSignIn(response, challenge.username, challenge.returnTo), {}, {});
}

/** Verifies the first code from a newly added authenticator app, then finishes the MFA_SETUP challenge. */
export async function submitMfaSetupCode(previous: CodeState, formData: FormData): Promise<CodeState> {
  const code = formText(formData, 'code');
  const challenge = await pendingChallenge('MFA_SETUP');
  if (!challenge) return failedForm(previous, EXPIRED_MESSAGE, {}, {});
  if (!isSixDigitCode(code)) {
    return failedForm(previous, 'Enter the 6-digit code.', { code: 'Enter the 6 digits from your app.' }, {});
  }

  let response: RespondToAuthChallengeCommandOutput;
  try {
    const verification = await identityClient().send(
      new VerifySoftwareTokenCommand({ Session: challenge.session, UserCode: code, FriendlyDeviceName: 'ClockIn' }),
    );
    if (verification.Status !== 'SUCCESS' || !verification.Session) {
      return failedForm(previous, 'That code is not correct.', { code: 'Check the code and try again.' }, {});
    }
    response = await identityClient().send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'MFA_SETUP',
        ClientId: identityClientId(),
        Session: verification.Session,
        ChallengeResponses: { USERNAME: challenge.username },
      }),
    );
  } catch (error) {
    return codeFailure(previous, error);
  }

  return failedForm(previous, await continueSignIn(response, challenge.username, challenge.returnTo), {}, {});
}

async function codeFailure(previous: CodeState, error: unknown): Promise<CodeState> {
  const name = identityErrorName(error);
  switch (name) {
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      // The identity service rejects a wrong code and a reused one alike, so the message covers both.
      return failedForm(
        previous,
        'That code is not correct or was already used.',
        { code: 'Wait for your app to show a new code, then enter it.' },
        {},
      );
    case 'ExpiredCodeException':
      return failedForm(previous, 'That code has expired. Enter the newest code from your app.', {}, {});
    case 'NotAuthorizedException':
      // Cognito rejects the challenge session once it has expired (after a few minutes).
      await clearChallenge();
      return failedForm(previous, EXPIRED_MESSAGE, {}, {});
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return failedForm(previous, 'Too many attempts. Wait a few minutes and try again.', {}, {});
    default:
      console.error('MFA step failed.', { error: name ?? identityErrorMessage(error) });
      return failedForm(previous, 'We could not check the code. Try again in a few minutes.', {}, {});
  }
}
