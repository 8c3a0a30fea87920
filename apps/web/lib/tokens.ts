import {
  GetTokensFromRefreshTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorName } from './identity';
import type { RefreshData, SessionData } from './session';

/** Seconds before expiry at which the proxy refreshes the access token. */
export const REFRESH_MARGIN_SECONDS = 5 * 60;

export interface SignedInSession {
  session: SessionData;
  refresh: RefreshData;
}

/**
 * Builds the cookie contents from a Cognito AuthenticationResult. The ID token is dropped on
 * purpose: the web app reads the user's details from the API, and leaving it out keeps the
 * session cookie under the browser's size limit.
 */
export function sessionFromAuthenticationResult(
  result: AuthenticationResultType,
  username: string,
  previousRefreshToken?: string,
): SignedInSession {
  if (!result.AccessToken) {
    throw new Error('The identity service returned an authentication result without an access token.');
  }
  const expiresInSeconds = result.ExpiresIn ?? 3600;
  const refreshToken = result.RefreshToken ?? previousRefreshToken;

  return {
    session: {
      username,
      accessToken: result.AccessToken,
      accessTokenExpiresAt: Date.now() + expiresInSeconds * 1000,
    },
    refresh: refreshToken ? { refreshToken } : {},
  };
}

export function accessTokenNeedsRefresh(session: SessionData, now = Date.now()): boolean {
  if (!session.accessToken || session.accessTokenExpiresAt === undefined) return false;
  return session.accessTokenExpiresAt - now < REFRESH_MARGIN_SECONDS * 1000;
}

/**
 * Exchanges a refresh token for new tokens with GetTokensFromRefreshToken. The identity service
 * rotates refresh tokens: the result carries a new refresh token, and the one passed in stops
 * working, so the caller must store the returned refresh token. A user pool client without
 * rotation returns no refresh token, and then the old one stays in use. Throws the SDK error on
 * failure.
 */
export async function refreshTokens(username: string, refreshToken: string): Promise<SignedInSession> {
  const response = await identityClient().send(
    new GetTokensFromRefreshTokenCommand({ ClientId: identityClientId(), RefreshToken: refreshToken }),
  );
  if (!response.AuthenticationResult) {
    throw new Error('The identity service did not return tokens for GetTokensFromRefreshToken.');
  }
  return sessionFromAuthenticationResult(response.AuthenticationResult, username, refreshToken);
}

/**
 * Returns whether a refresh error means that the sign-in is over: the refresh token expired or
 * was revoked (NotAuthorizedException), or it was presented a second time and the identity
 * service revoked the whole sign-in (RefreshTokenReuseException). Other errors, such as a
 * network failure, may pass on the next attempt.
 */
export function refreshFailureEndsSession(error: unknown): boolean {
  const name = identityErrorName(error);
  return name === 'NotAuthorizedException' || name === 'RefreshTokenReuseException';
}
