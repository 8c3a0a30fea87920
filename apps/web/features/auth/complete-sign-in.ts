import { redirect } from 'next/navigation';
import {
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  type ChallengeNameType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createStudentProfile, getMe } from '../../lib/api';
import { identityClient } from '../../lib/identity';
import { readSession, saveRefreshData, saveSession } from '../../lib/session';
import { sessionFromAuthenticationResult } from '../../lib/tokens';
import { homePathFor } from '../../lib/viewer';

/** The parts of InitiateAuth and RespondToAuthChallenge responses that drive the next step. */
export interface AuthStepResponse {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType | string;
  Session?: string;
}

/**
 * Moves the sign-in to its next step: stores tokens and leaves, or stores the pending challenge
 * in the encrypted session and opens the MFA page. Redirects on success. Returns an error
 * message when the identity service returns a challenge that the web app does not support.
 */
export async function continueSignIn(
  response: AuthStepResponse,
  username: string,
  returnTo: string | undefined,
): Promise<string> {
  if (response.AuthenticationResult) {
    await finishSignIn(response.AuthenticationResult, username, returnTo);
  }

  if (response.ChallengeName === 'SOFTWARE_TOKEN_MFA' && response.Session) {
    const session = await readSession();
    await saveSession({
      ...session,
      challenge: { name: 'SOFTWARE_TOKEN_MFA', session: response.Session, username, returnTo },
    });
    redirect('/sign-in/mfa');
  }

  if (response.ChallengeName === 'MFA_SETUP' && response.Session) {
    await startMfaSetup(response.Session, username, returnTo);
  }

  console.error('Sign-in stopped at an unsupported challenge.', { challenge: response.ChallengeName });
  return 'Your account needs a sign-in step that this website does not support yet. Contact ClockIn support.';
}

/** Asks the identity service for a TOTP secret and opens the MFA setup page. */
async function startMfaSetup(challengeSession: string, username: string, returnTo: string | undefined) {
  const association = await identityClient().send(new AssociateSoftwareTokenCommand({ Session: challengeSession }));
  if (!association.SecretCode || !association.Session) {
    throw new Error('AssociateSoftwareToken returned no secret code or session.');
  }

  const session = await readSession();
  await saveSession({
    ...session,
    challenge: {
      name: 'MFA_SETUP',
      session: association.Session,
      username,
      secretCode: association.SecretCode,
      returnTo,
    },
  });
  redirect('/sign-in/mfa-setup');
}

async function finishSignIn(
  result: AuthenticationResultType,
  username: string,
  returnTo: string | undefined,
): Promise<never> {
  const signedIn = sessionFromAuthenticationResult(result, username);
  await saveSession(signedIn.session);
  await saveRefreshData(signedIn.refresh);

  const accessToken = signedIn.session.accessToken as string;
  const me = await getMe(accessToken);
  if (me.accountType === 'student' && !me.hasProfile) {
    // The profile is built from the identity attributes given at sign-up. The call is idempotent.
    await createStudentProfile(accessToken);
  }

  redirect(returnTo ?? homePathFor(me.accountType));
}
