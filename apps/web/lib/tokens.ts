import { InitiateAuthCommand, type AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId } from './identity';
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

/** Exchanges the refresh token for a new access token (REFRESH_TOKEN_AUTH). Throws the SDK error on failure. */
export async function refreshTokens(session: SessionData, refresh: RefreshData): Promise<SignedInSession> {
  if (!refresh.refreshToken || !session.username) {
    throw new Error('Cannot refresh the session because the refresh token or username is missing.');
  }
  const response = await identityClient().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: identityClientId(),
      AuthParameters: { REFRESH_TOKEN: refresh.refreshToken },
    }),
  );
  if (!response.AuthenticationResult) {
    throw new Error('The identity service did not return tokens for REFRESH_TOKEN_AUTH.');
  }
  return sessionFromAuthenticationResult(response.AuthenticationResult, session.username, refresh.refreshToken);
}
