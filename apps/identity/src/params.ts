import type { ServiceContext } from './context.ts';
import { CognitoError, invalidParameter } from './errors.ts';

/** Returns a required string parameter, or raises InvalidParameterException naming it. */
export function requireString(input: Record<string, unknown>, name: string, maxLength = 2048): string {
  const value = input[name];
  if (typeof value !== 'string' || value.length === 0) throw invalidParameter(`Missing required parameter ${name}.`);
  if (value.length > maxLength) throw invalidParameter(`Parameter ${name} is longer than ${maxLength} characters.`);
  return value;
}

/** Returns a string-to-string map parameter such as AuthParameters, or an empty map. */
export function stringMap(input: Record<string, unknown>, name: string): Record<string, string> {
  const value = input[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParameter(`Parameter ${name} must be a map.`);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalidParameter(`Value of ${name}.${key} must be a string.`);
  }
  return value as Record<string, string>;
}

/** Checks the app client id; an unknown client is ResourceNotFoundException, as in Cognito. */
export function requireClient(context: ServiceContext, input: Record<string, unknown>): void {
  const clientId = requireString(input, 'ClientId', 128);
  if (clientId !== context.clientId)
    throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
}

/** Checks the user pool id of an admin operation. */
export function requireUserPool(context: ServiceContext, input: Record<string, unknown>): void {
  const userPoolId = requireString(input, 'UserPoolId', 128);
  if (userPoolId !== context.userPoolId)
    throw new CognitoError('ResourceNotFoundException', 'User pool does not exist.');
}

/**
 * Masks an email address as Cognito does in CodeDeliveryDetails, for example `j***@e***`.
 * It is computed from the requested username, so it looks the same whether or not the user exists.
 */
export function codeDeliveryDetails(email: string): {
  Destination: string;
  DeliveryMedium: 'EMAIL';
  AttributeName: 'email';
} {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  return {
    Destination: `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`,
    DeliveryMedium: 'EMAIL',
    AttributeName: 'email',
  };
}
