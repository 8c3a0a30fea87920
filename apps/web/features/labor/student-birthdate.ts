import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityErrorName } from '../../lib/identity';

/** The identity service rejected the access token, so the student must sign in again. */
export class SignInRequiredError extends Error {
  constructor() {
    super('The access token is no longer valid. Sign in again.');
    this.name = 'SignInRequiredError';
  }
}

/**
 * Reads the signed-in student's birthdate (YYYY-MM-DD) from their identity attributes with their
 * own access token. The API's student profile response leaves the birthdate out, and the
 * planner needs it for the age on each shift's date. Server only: the birthdate must never be
 * sent to the browser or logged.
 */
export async function readStudentBirthdate(accessToken: string): Promise<string> {
  let attributes: { Name?: string; Value?: string }[];
  try {
    const user = await identityClient().send(new GetUserCommand({ AccessToken: accessToken }));
    attributes = user.UserAttributes ?? [];
  } catch (error) {
    if (identityErrorName(error) === 'NotAuthorizedException') throw new SignInRequiredError();
    throw error;
  }
  const birthdate = attributes.find((attribute) => attribute.Name === 'birthdate')?.Value ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthdate)) {
    throw new Error('The identity service returned no valid birthdate for the signed-in student.');
  }
  return birthdate;
}
