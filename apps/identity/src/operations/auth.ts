import {
  createChallengeSession,
  endChallengeSession,
  loadChallengeSession,
  recordSessionFailure,
  type ChallengeName,
} from '../challenges.ts';
import type { Operation, RequestInfo, ServiceContext } from '../context.ts';
import { CognitoError, codeMismatch, invalidParameter, notAuthorized } from '../errors.ts';
import { normalizePassword, verifyPassword } from '../passwords.ts';
import { requireClient, requireString, stringMap } from '../params.ts';
import { refreshSession, revokeAllSessions, revokeRefreshToken, startSignInSession } from '../sessions.ts';
import { accountKey, addressKey, checkBackoff, clearFailures, freeFailures, recordFailure } from '../throttle.ts';
import { authenticateAccessToken } from '../tokens.ts';
import { verifyTotp } from '../totp.ts';
import { findUserBySub, findUserByUsername, requiresMfa, type UserRecord } from '../users.ts';

/** Returns the next step after a correct password: an MFA challenge, or tokens. */
async function completeSignIn(context: ServiceContext, user: UserRecord): Promise<object> {
  let challenge: ChallengeName | null = null;
  if (user.mfa_enabled && user.totp_secret) challenge = 'SOFTWARE_TOKEN_MFA';
  else if (await requiresMfa(context.db, user.sub)) challenge = 'MFA_SETUP';
  if (!challenge) return { AuthenticationResult: await startSignInSession(context, user), ChallengeParameters: {} };

  const session = await createChallengeSession(context, user.sub, challenge);
  const parameters: Record<string, string> = { USER_ID_FOR_SRP: user.username };
  if (challenge === 'MFA_SETUP') parameters.MFAS_CAN_SETUP = '["SOFTWARE_TOKEN_MFA"]';
  return { ChallengeName: challenge, Session: session, ChallengeParameters: parameters };
}

/**
 * Checks a username and password with back-off per account and per client address. Unknown,
 * disabled and wrong-password sign-ins raise the same NotAuthorizedException after the same
 * argon2 work. Only a caller who knows the password learns that an account is unconfirmed.
 */
async function passwordSignIn(context: ServiceContext, parameters: Record<string, string>, request: RequestInfo) {
  const username = parameters.USERNAME;
  const password = parameters.PASSWORD;
  if (!username) throw invalidParameter('Missing required parameter AuthParameters.USERNAME.');
  if (!password) throw invalidParameter('Missing required parameter AuthParameters.PASSWORD.');
  const keys = { account: accountKey(username), address: addressKey(request.clientAddress) };
  await checkBackoff(context, [keys.account, keys.address]);

  const user = await findUserByUsername(context.db, username);
  const matches = await verifyPassword(user?.password_hash ?? null, normalizePassword(password));
  if (!user || !matches || !user.enabled) {
    await recordFailure(context, keys.account, freeFailures.account);
    await recordFailure(context, keys.address, freeFailures.address);
    request.log.info({ event: 'sign-in-failed' }, 'Sign-in failed');
    throw notAuthorized();
  }
  await clearFailures(context, keys.account);
  if (user.status !== 'CONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  return completeSignIn(context, user);
}

export const initiateAuth: Operation = async (context, input, request) => {
  requireClient(context, input);
  const flow = requireString(input, 'AuthFlow', 64);
  const parameters = stringMap(input, 'AuthParameters');
  if (flow === 'USER_PASSWORD_AUTH') return passwordSignIn(context, parameters, request);
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    if (!parameters.REFRESH_TOKEN) throw invalidParameter('Missing required parameter AuthParameters.REFRESH_TOKEN.');
    return { AuthenticationResult: await refreshSession(context, parameters.REFRESH_TOKEN), ChallengeParameters: {} };
  }
  throw invalidParameter(
    `AuthFlow ${flow.slice(0, 64)} is not supported. Use USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH.`,
  );
};

async function answerTotpChallenge(
  context: ServiceContext,
  input: Record<string, unknown>,
  responses: Record<string, string>,
) {
  const session = await loadChallengeSession(context, input.Session, 'SOFTWARE_TOKEN_MFA');
  const code = responses.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw invalidParameter('Missing required parameter ChallengeResponses.SOFTWARE_TOKEN_MFA_CODE.');
  const user = await findUserBySub(context.db, session.sub);
  if (!user || !user.enabled) throw notAuthorized('Invalid session for the user.');
  if (!(await verifyTotp(context, user.sub, user.totp_secret, code))) {
    await recordSessionFailure(context, session);
    throw codeMismatch();
  }
  if (!(await endChallengeSession(context, session))) throw notAuthorized('Invalid session for the user.');
  return { AuthenticationResult: await startSignInSession(context, user), ChallengeParameters: {} };
}

async function answerMfaSetupChallenge(context: ServiceContext, input: Record<string, unknown>) {
  const session = await loadChallengeSession(context, input.Session, 'MFA_SETUP');
  if (!session.mfa_setup_verified) {
    throw invalidParameter(
      'Software token MFA is not set up yet: call AssociateSoftwareToken and VerifySoftwareToken with this Session.',
    );
  }
  const user = await findUserBySub(context.db, session.sub);
  if (!user || !user.enabled) throw notAuthorized('Invalid session for the user.');
  if (!(await endChallengeSession(context, session))) throw notAuthorized('Invalid session for the user.');
  return { AuthenticationResult: await startSignInSession(context, user), ChallengeParameters: {} };
}

export const respondToAuthChallenge: Operation = async (context, input) => {
  requireClient(context, input);
  const challenge = requireString(input, 'ChallengeName', 64);
  const responses = stringMap(input, 'ChallengeResponses');
  if (challenge === 'SOFTWARE_TOKEN_MFA') return answerTotpChallenge(context, input, responses);
  if (challenge === 'MFA_SETUP') return answerMfaSetupChallenge(context, input);
  throw invalidParameter(
    `ChallengeName ${challenge.slice(0, 64)} is not supported. Use SOFTWARE_TOKEN_MFA or MFA_SETUP.`,
  );
};

export const getTokensFromRefreshToken: Operation = async (context, input) => {
  requireClient(context, input);
  const refreshToken = requireString(input, 'RefreshToken', 4096);
  return { AuthenticationResult: await refreshSession(context, refreshToken) };
};

export const revokeToken: Operation = async (context, input) => {
  requireClient(context, input);
  await revokeRefreshToken(context, requireString(input, 'Token', 4096));
  return {};
};

export const globalSignOut: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  await revokeAllSessions(context, user.sub, 'global-sign-out');
  return {};
};
