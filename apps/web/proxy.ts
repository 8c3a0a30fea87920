import { NextResponse, type NextRequest } from 'next/server';
import {
  REFRESH_COOKIE,
  SESSION_COOKIE,
  cookieOptions,
  sealCookieValue,
  shouldUseSecureCookies,
  unsealCookieValue,
  type RefreshData,
  type SessionData,
} from './lib/session';
import { identityErrorName } from './lib/identity';
import { accessTokenNeedsRefresh, refreshTokens } from './lib/tokens';

/**
 * Refreshes the Cognito access token shortly before it expires. Server Components cannot set
 * cookies, so this runs ahead of every page and Server Action. The new cookie is written to the
 * response and also to the forwarded request, so the page rendered for this request already
 * uses the new token.
 */
export async function proxy(request: NextRequest) {
  const sealedSession = request.cookies.get(SESSION_COOKIE)?.value;
  if (!sealedSession) return NextResponse.next();

  const session = await unsealCookieValue<SessionData>(sealedSession);
  if (!accessTokenNeedsRefresh(session)) return NextResponse.next();

  const refresh = await unsealCookieValue<RefreshData>(request.cookies.get(REFRESH_COOKIE)?.value);
  const secure = shouldUseSecureCookies(request.nextUrl.protocol, request.nextUrl.hostname);

  try {
    const renewed = await refreshTokens(session, refresh);
    const sealed = await sealCookieValue(renewed.session);
    const sealedRefresh = await sealCookieValue(renewed.refresh);

    request.cookies.set(SESSION_COOKIE, sealed);
    request.cookies.set(REFRESH_COOKIE, sealedRefresh);
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.cookies.set(SESSION_COOKIE, sealed, cookieOptions(secure));
    response.cookies.set(REFRESH_COOKIE, sealedRefresh, cookieOptions(secure));
    return response;
  } catch (error) {
    const errorName = identityErrorName(error);
    const stillValid = (session.accessTokenExpiresAt ?? 0) > Date.now();
    if (errorName !== 'NotAuthorizedException' && stillValid) {
      // A network failure should not end the session while the current token still works.
      console.error('Token refresh failed; keeping the current access token.', { error: errorName ?? String(error) });
      return NextResponse.next();
    }

    // A revoked or expired refresh token (for example after "Sign out everywhere") ends the session.
    console.warn('Token refresh failed; signing the browser out.', { error: errorName ?? String(error) });
    request.cookies.delete(SESSION_COOKIE);
    request.cookies.delete(REFRESH_COOKIE);
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.cookies.delete(SESSION_COOKIE);
    response.cookies.delete(REFRESH_COOKIE);
    return response;
  }
}

export const config = {
  // Static assets never need a fresh token.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
