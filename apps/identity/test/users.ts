import {
  AdminAddUserToGroupCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientId, latestCode, strongPassword, userPoolId, type Harness } from './helpers.ts';

/** Returns a birthdate for someone `years` old on the harness clock's date. */
export function birthdateForAge(harness: Harness, years: number): string {
  const today = harness.now.toISOString().slice(0, 10);
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

let counter = 0;

/** Returns a fresh email address for one test. */
export function newEmail(prefix = 'student'): string {
  counter += 1;
  return `${prefix}${counter}.${crypto.randomUUID().slice(0, 8)}@example.org`;
}

export async function signUp(harness: Harness, email: string, attributes: Record<string, string> = {}) {
  return harness.client.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: strongPassword,
      UserAttributes: Object.entries({
        email,
        given_name: 'Avery',
        family_name: 'Lindqvist',
        birthdate: birthdateForAge(harness, 16),
        'custom:account_type': 'student',
        ...attributes,
      }).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
}

/** Signs up and confirms a user with the emailed code. */
export async function createConfirmedUser(harness: Harness, email = newEmail(), groups: string[] = []) {
  const result = await signUp(harness, email);
  const code = await latestCode(harness.mailbox, email, 'identity.confirmation');
  await harness.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }));
  for (const group of groups) {
    await harness.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
    );
  }
  return { email, sub: result.UserSub as string };
}

export async function signIn(harness: Harness, email: string, password = strongPassword) {
  return harness.client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}

export async function signInTokens(harness: Harness, email: string): Promise<Required<AuthenticationResultType>> {
  const result = await signIn(harness, email);
  if (!result.AuthenticationResult) throw new Error(`Expected tokens, got challenge ${result.ChallengeName}.`);
  return result.AuthenticationResult as Required<AuthenticationResultType>;
}

/** Returns the exception name of a rejected promise, or fails when it resolves. */
export async function errorName(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).name;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
