import type { Operation, OperationInput, RequestInfo, ServiceContext } from '../context.ts';
import { CognitoError, invalidParameter, userNotFound } from '../errors.ts';
import { checkPasswordPolicy, normalizePassword } from '../passwords.ts';
import { requireString, requireUserPool } from '../params.ts';
import { revokeAllSessions } from '../sessions.ts';
import { attributeList, findUserByUsernameOrSub, mfaSettings, type UserRecord } from '../users.ts';
import { policyContext, replacePassword } from './password.ts';

/**
 * Checks that an admin request is SigV4-signed and names this pool, and finds its user.
 * NOTE: the signature itself is not verified, because the local service has no IAM; any
 * well-formed AWS4-HMAC-SHA256 Authorization header is accepted. See README.md.
 */
async function adminTarget(context: ServiceContext, input: OperationInput, request: RequestInfo): Promise<UserRecord> {
  if (!request.signed) {
    throw new CognitoError('MissingAuthenticationTokenException', 'Admin operations need a SigV4-signed request.');
  }
  requireUserPool(context, input);
  const user = await findUserByUsernameOrSub(context.db, requireString(input, 'Username', 254));
  if (!user) throw userNotFound();
  return user;
}

export const adminGetUser: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: user.created_at.getTime() / 1000,
    UserLastModifiedDate: user.updated_at.getTime() / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  };
};

/** Confirms the account without a code. As in Cognito, the email stays unverified. */
export const adminConfirmSignUp: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await context.db.query(`UPDATE users SET status = 'CONFIRMED', updated_at = $2 WHERE sub = $1`, [
    user.sub,
    context.now(),
  ]);
  await context.db.query(`DELETE FROM codes WHERE sub = $1 AND purpose = 'confirm-sign-up'`, [user.sub]);
  return {};
};

function groupName(input: OperationInput): string {
  const name = requireString(input, 'GroupName', 128);
  if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(name)) throw invalidParameter('GroupName must not contain spaces.');
  return name;
}

/** Adds the user to a group, creating the group when it does not exist yet. */
export const adminAddUserToGroup: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  const group = groupName(input);
  await context.db.query(`INSERT INTO groups (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    group,
    context.now(),
  ]);
  await context.db.query(`INSERT INTO user_groups (sub, group_name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    user.sub,
    group,
  ]);
  return {};
};

export const adminRemoveUserFromGroup: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await context.db.query(`DELETE FROM user_groups WHERE sub = $1 AND group_name = $2`, [user.sub, groupName(input)]);
  return {};
};

export const adminDisableUser: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await revokeAllSessions(context, user.sub, 'user-disabled');
  await context.db.query(`UPDATE users SET enabled = false, updated_at = $2 WHERE sub = $1`, [user.sub, context.now()]);
  return {};
};

export const adminEnableUser: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await context.db.query(`UPDATE users SET enabled = true, updated_at = $2 WHERE sub = $1`, [user.sub, context.now()]);
  return {};
};

export const adminDeleteUser: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await context.onRevocation({ sub: user.sub, revokedBefore: context.now(), reason: 'user-deleted' });
  await context.db.query(`DELETE FROM users WHERE sub = $1`, [user.sub]);
  return {};
};

export const adminUserGlobalSignOut: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  await revokeAllSessions(context, user.sub, 'admin-global-sign-out');
  return {};
};

/**
 * Sets a permanent password and confirms the account, as Cognito does with Permanent: true.
 * Temporary passwords are not supported. The password policy applies and sign-ins are revoked.
 */
export const adminSetUserPassword: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  const password = normalizePassword(requireString(input, 'Password', 1024));
  if (input.Permanent !== true)
    throw invalidParameter('Permanent must be true: temporary passwords are not supported.');
  checkPasswordPolicy(password, policyContext(user));
  await replacePassword(context, user, password, 'password-change');
  await context.db.query(`UPDATE users SET status = 'CONFIRMED', updated_at = $2 WHERE sub = $1`, [
    user.sub,
    context.now(),
  ]);
  return {};
};

/**
 * Lists the user's sign-ins, newest first, as Cognito's AdminListUserAuthEvents does. Each
 * sign-in started one refresh chain, so the chains are the history. Only successful sign-ins
 * are recorded locally; Cognito's risk details are not.
 */
export const adminListUserAuthEvents: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  const maxResults = input.MaxResults === undefined ? 60 : Number(input.MaxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 60) {
    throw invalidParameter('MaxResults must be a whole number from 1 to 60.');
  }
  const chains = await context.db.query<{ id: string; auth_time: Date }>(
    `SELECT id, auth_time FROM refresh_chains WHERE sub = $1 ORDER BY auth_time DESC LIMIT $2`,
    [user.sub, maxResults],
  );
  return {
    AuthEvents: chains.rows.map((chain) => ({
      EventId: chain.id,
      EventType: 'SignIn',
      CreationDate: chain.auth_time.getTime() / 1000,
      EventResponse: 'Pass',
    })),
  };
};

/**
 * Sets a user's MFA preference as an administrator. Turning software-token MFA off also deletes
 * the registered authenticator and ends every sign-in, for a user who lost their device. A user in a group that requires MFA gets the MFA_SETUP challenge at the next sign-in.
 * Turning it on needs an authenticator the user registered themselves.
 */
export const adminSetUserMfaPreference: Operation = async (context, input, request) => {
  const user = await adminTarget(context, input, request);
  const settings = input.SoftwareTokenMfaSettings as { Enabled?: unknown } | undefined;
  if (settings === undefined || typeof settings.Enabled !== 'boolean') return {};
  if (settings.Enabled) {
    if (!user.totp_secret) throw invalidParameter('User has not verified software token mfa.');
    await context.db.query(`UPDATE users SET mfa_enabled = true, updated_at = $2 WHERE sub = $1`, [
      user.sub,
      context.now(),
    ]);
    return {};
  }
  await revokeAllSessions(context, user.sub, 'admin-mfa-reset');
  await context.db.query(
    `UPDATE users SET mfa_enabled = false, totp_secret = NULL, totp_pending_secret = NULL, updated_at = $2 WHERE sub = $1`,
    [user.sub, context.now()],
  );
  return {};
};
