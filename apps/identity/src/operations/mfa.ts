import { loadChallengeSession, markSetupVerified, type ChallengeSession } from '../challenges.ts';
import type { Operation, ServiceContext } from '../context.ts';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.ts';
import { requireString } from '../params.ts';
import { authenticateAccessToken } from '../tokens.ts';
import { newTotpSecret, verifyTotp } from '../totp.ts';
import { findUserBySub, requiresMfa, type UserRecord } from '../users.ts';

/** Finds the user from an AccessToken, or from the Session of an MFA_SETUP challenge. */
async function resolveCaller(
  context: ServiceContext,
  input: Record<string, unknown>,
): Promise<{ user: UserRecord; session: ChallengeSession | null }> {
  if (input.AccessToken !== undefined)
    return { user: await authenticateAccessToken(context, input.AccessToken), session: null };
  if (input.Session === undefined) throw invalidParameter('Missing required parameter AccessToken or Session.');
  const session = await loadChallengeSession(context, input.Session, 'MFA_SETUP');
  const user = await findUserBySub(context.db, session.sub);
  if (!user || !user.enabled) throw notAuthorized('Invalid session for the user.');
  return { user, session };
}

export const associateSoftwareToken: Operation = async (context, input) => {
  const { user, session } = await resolveCaller(context, input);
  const secret = newTotpSecret();
  await context.db.query(`UPDATE users SET totp_pending_secret = $2, updated_at = $3 WHERE sub = $1`, [
    user.sub,
    context.secrets.encrypt(secret),
    context.now(),
  ]);
  return session ? { SecretCode: secret, Session: input.Session } : { SecretCode: secret };
};

/**
 * Checks a code from the new authenticator and makes its secret the user's TOTP secret. In an
 * MFA_SETUP sign-in this also turns MFA on and lets the Session finish the challenge.
 */
export const verifySoftwareToken: Operation = async (context, input) => {
  const code = requireString(input, 'UserCode', 6);
  const { user, session } = await resolveCaller(context, input);
  if (!user.totp_pending_secret) {
    throw invalidParameter('No software token to verify: call AssociateSoftwareToken first.');
  }
  if (!(await verifyTotp(context, user.sub, user.totp_pending_secret, code))) {
    throw new CognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
  }
  await context.db.query(
    `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
            mfa_enabled = mfa_enabled OR $2, updated_at = $3
      WHERE sub = $1`,
    [user.sub, session !== null, context.now()],
  );
  if (!session) return { Status: 'SUCCESS' };
  await markSetupVerified(context, session);
  return { Status: 'SUCCESS', Session: input.Session };
};

function enabledFlag(input: Record<string, unknown>, name: string): boolean | undefined {
  const settings = input[name];
  if (settings === undefined || settings === null) return undefined;
  if (typeof settings !== 'object') throw invalidParameter(`Parameter ${name} must be an object.`);
  const enabled = (settings as { Enabled?: unknown }).Enabled;
  if (enabled !== undefined && typeof enabled !== 'boolean')
    throw invalidParameter(`Parameter ${name}.Enabled must be a boolean.`);
  return enabled;
}

/**
 * Turns software token MFA on or off. Members of groups that require MFA cannot turn it off,
 * and SMS or email MFA cannot be turned on, because ClockIn stores no phone numbers.
 */
export const setUserMfaPreference: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  if (enabledFlag(input, 'SMSMfaSettings') === true)
    throw invalidParameter('SMSMfaSettings: SMS MFA is not available.');
  if (enabledFlag(input, 'EmailMfaSettings') === true)
    throw invalidParameter('EmailMfaSettings: email MFA is not available.');
  const enabled = enabledFlag(input, 'SoftwareTokenMfaSettings');
  if (enabled === undefined) return {};

  if (enabled && !user.totp_secret) throw invalidParameter('User has not verified software token mfa.');
  if (!enabled && (await requiresMfa(context.db, user.sub))) {
    throw invalidParameter(
      'SoftwareTokenMfaSettings: MFA is required for staff and admin accounts and cannot be turned off.',
    );
  }
  await context.db.query(`UPDATE users SET mfa_enabled = $2, updated_at = $3 WHERE sub = $1`, [
    user.sub,
    enabled,
    context.now(),
  ]);
  return {};
};
