import { consumeCode, issueCode } from '../codes.ts';
import type { Operation, ServiceContext } from '../context.ts';
import { notAuthorized } from '../errors.ts';
import { checkPasswordPolicy, hashPassword, normalizePassword, verifyPassword } from '../passwords.ts';
import { codeDeliveryDetails, requireClient, requireString } from '../params.ts';
import { revokeAllSessions } from '../sessions.ts';
import { allowCodeEmail } from '../throttle.ts';
import { authenticateAccessToken } from '../tokens.ts';
import { findUserByUsername, type UserRecord } from '../users.ts';

/** Stores a new password hash, then revokes every sign-in of the user. */
export async function replacePassword(context: ServiceContext, user: UserRecord, password: string, reason: string) {
  const passwordHash = await hashPassword(password);
  await revokeAllSessions(context, user.sub, reason);
  await context.db.query(`UPDATE users SET password_hash = $2, updated_at = $3 WHERE sub = $1`, [
    user.sub,
    passwordHash,
    context.now(),
  ]);
}

export function policyContext(user: UserRecord) {
  return { email: user.email, givenName: user.given_name, familyName: user.family_name };
}

/**
 * Emails a one-hour reset code, but only to a confirmed, enabled account with a verified email.
 * Every other case returns the same response and sends nothing.
 */
export const forgotPassword: Operation = async (context, input) => {
  requireClient(context, input);
  const username = requireString(input, 'Username', 254);
  const user = await findUserByUsername(context.db, username);
  const eligible = user !== null && user.status === 'CONFIRMED' && user.enabled && user.email_verified;
  if (eligible && (await allowCodeEmail(context, username))) {
    await issueCode(context, user.sub, user.email, 'reset-password');
  }
  return { CodeDeliveryDetails: codeDeliveryDetails(username) };
};

export const confirmForgotPassword: Operation = async (context, input) => {
  requireClient(context, input);
  const username = requireString(input, 'Username', 254);
  const code = requireString(input, 'ConfirmationCode', 64);
  const password = normalizePassword(requireString(input, 'Password', 1024));
  const user = await findUserByUsername(context.db, username);
  const eligible = user !== null && user.enabled && user.email_verified;
  checkPasswordPolicy(password, user ? policyContext(user) : { email: username });
  await consumeCode(context, eligible ? user.sub : null, 'reset-password', code);
  await replacePassword(context, user as UserRecord, password, 'password-reset');
  return {};
};

export const changePassword: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  const previous = normalizePassword(requireString(input, 'PreviousPassword', 1024));
  const proposed = normalizePassword(requireString(input, 'ProposedPassword', 1024));
  if (!(await verifyPassword(user.password_hash, previous))) throw notAuthorized();
  checkPasswordPolicy(proposed, policyContext(user));
  await replacePassword(context, user, proposed, 'password-change');
  return {};
};
