import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

let client: CognitoIdentityProviderClient | undefined;

/**
 * Returns the shared Cognito client. When CLOCKIN_IDENTITY_URL points at the local identity
 * service, the SDK still signs requests, so it gets placeholder credentials.
 */
export function identityClient(): CognitoIdentityProviderClient {
  if (client) return client;

  const endpoint = process.env.CLOCKIN_IDENTITY_URL;
  client = new CognitoIdentityProviderClient({
    region: process.env.CLOCKIN_AWS_REGION ?? 'us-east-2',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return client;
}

export function identityClientId(): string {
  return process.env.CLOCKIN_IDENTITY_CLIENT_ID ?? 'clockin-web-local';
}

/** Returns the Cognito exception name (for example `NotAuthorizedException`), or undefined for other errors. */
export function identityErrorName(error: unknown): string | undefined {
  if (error instanceof Error && typeof error.name === 'string' && error.name.endsWith('Exception')) {
    return error.name;
  }
  return undefined;
}

export function identityErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
