import { issueCode, consumeCode } from '../codes.ts';
import type { Operation, ServiceContext } from '../context.ts';
import { CognitoError } from '../errors.ts';
import { checkPasswordPolicy, hashPassword, normalizePassword } from '../passwords.ts';
import { codeDeliveryDetails, requireClient, requireString } from '../params.ts';
import { allowCodeEmail } from '../throttle.ts';
import type { PreSignUpEvent } from '../triggers/pre-sign-up.ts';
import { findUserByUsername, normalizeUsername } from '../users.ts';
import { customAttributes, parseSignUpAttributes, resolveEmail } from './attributes.ts';

/**
 * Runs the Pre sign-up trigger with a timeout. Any failure, including the timeout, rejects the
 * sign-up: the trigger fails closed. Returns the trigger's response flags.
 */
async function runPreSignUp(context: ServiceContext, event: PreSignUpEvent): Promise<PreSignUpEvent['response']> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), context.preSignUpTimeoutMs);
  });
  try {
    const result = await Promise.race([context.preSignUp(structuredClone(event)), timeout]);
    return result.response;
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'failed';
    // The trigger's own message is written for users and never contains their data, so only
    // it is returned; the log line gets no message, in case a trigger breaks that rule.
    context.log.info({ event: 'pre-sign-up-rejected' }, 'Pre sign-up trigger rejected a sign-up');
    throw new CognitoError('UserLambdaValidationException', `PreSignUp failed with error ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

export const signUp: Operation = async (context, input) => {
  requireClient(context, input);
  const username = requireString(input, 'Username', 254);
  const password = normalizePassword(requireString(input, 'Password', 1024));
  const attributes = parseSignUpAttributes(input.UserAttributes);
  const email = resolveEmail(username, attributes);
  checkPasswordPolicy(password, { email, givenName: attributes.given_name, familyName: attributes.family_name });

  const trigger = await runPreSignUp(context, {
    version: '1',
    triggerSource: 'PreSignUp_SignUp',
    region: context.userPoolId.split('_')[0] ?? 'us-east-2',
    userPoolId: context.userPoolId,
    userName: normalizeUsername(email),
    callerContext: { clientId: context.clientId },
    request: { userAttributes: { ...attributes, email }, validationData: null, clientMetadata: null },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });

  const now = context.now();
  const sub = crypto.randomUUID();
  const passwordHash = await hashPassword(password);
  const inserted = await context.db.query(
    `INSERT INTO users (sub, username, email, email_verified, given_name, family_name, birthdate, custom_attributes,
                        password_hash, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
     ON CONFLICT (username) DO NOTHING`,
    [
      sub,
      normalizeUsername(email),
      email,
      trigger.autoConfirmUser && trigger.autoVerifyEmail,
      attributes.given_name ?? null,
      attributes.family_name ?? null,
      attributes.birthdate,
      JSON.stringify(customAttributes(attributes)),
      passwordHash,
      trigger.autoConfirmUser ? 'CONFIRMED' : 'UNCONFIRMED',
      now,
    ],
  );

  // An existing email gets the same response as a new one, with a random sub that matches no
  // user, and nothing is stored or sent. See README.md for how this differs from Cognito.
  const created = (inserted.rowCount ?? 0) > 0;
  if (created && !trigger.autoConfirmUser && (await allowCodeEmail(context, email))) {
    await issueCode(context, sub, email, 'confirm-sign-up');
  }
  return {
    UserConfirmed: created && trigger.autoConfirmUser,
    UserSub: sub,
    CodeDeliveryDetails: codeDeliveryDetails(email),
  };
};

export const confirmSignUp: Operation = async (context, input) => {
  requireClient(context, input);
  const username = requireString(input, 'Username', 254);
  const code = requireString(input, 'ConfirmationCode', 64);
  const user = await findUserByUsername(context.db, username);
  await consumeCode(context, user?.status === 'UNCONFIRMED' ? user.sub : null, 'confirm-sign-up', code);
  await context.db.query(
    `UPDATE users SET status = 'CONFIRMED', email_verified = true, updated_at = $2 WHERE sub = $1`,
    [user?.sub, context.now()],
  );
  return {};
};

export const resendConfirmationCode: Operation = async (context, input) => {
  requireClient(context, input);
  const username = requireString(input, 'Username', 254);
  const user = await findUserByUsername(context.db, username);
  if (user?.status === 'UNCONFIRMED' && (await allowCodeEmail(context, username))) {
    await issueCode(context, user.sub, user.email, 'confirm-sign-up');
  }
  return { CodeDeliveryDetails: codeDeliveryDetails(username) };
};
