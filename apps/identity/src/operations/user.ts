import type { Operation } from '../context.ts';
import { invalidParameter } from '../errors.ts';
import { authenticateAccessToken } from '../tokens.ts';
import { attributeList, mfaSettings } from '../users.ts';
import { customAttributes, parseSignUpAttributes } from './attributes.ts';

export const getUser: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaSettings(user) };
};

/** Deletes the caller's account, after telling the API that its tokens are revoked. */
export const deleteUser: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  await context.onRevocation({ sub: user.sub, revokedBefore: context.now(), reason: 'user-deleted' });
  await context.db.query(`DELETE FROM users WHERE sub = $1`, [user.sub]);
  return {};
};

/** Attributes fixed at sign-up: birthdate for the age gate, email because it is the username. */
const fixedAttributes = new Set(['birthdate', 'email', 'custom:account_type']);

/** Changes names, school and grade. Birthdate, email and account type cannot change after sign-up. */
export const updateUserAttributes: Operation = async (context, input) => {
  const user = await authenticateAccessToken(context, input.AccessToken);
  const attributes = parseSignUpAttributes(input.UserAttributes);
  const fixed = Object.keys(attributes).find((name) => fixedAttributes.has(name));
  if (fixed) throw invalidParameter(`Attribute ${fixed} cannot be changed after sign-up.`);

  const custom = { ...user.custom_attributes, ...customAttributes(attributes) };
  await context.db.query(
    `UPDATE users SET given_name = $2, family_name = $3, custom_attributes = $4, updated_at = $5 WHERE sub = $1`,
    [
      user.sub,
      attributes.given_name ?? user.given_name,
      attributes.family_name ?? user.family_name,
      JSON.stringify(custom),
      context.now(),
    ],
  );
  return { CodeDeliveryDetailsList: [] };
};
