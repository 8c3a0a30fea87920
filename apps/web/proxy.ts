import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/content-security-policy';
import { cookieOptions, shouldUseSecureCookies } from './lib/cookie-policy';
import { identityErrorMessage, identityErrorName } from './lib/identity';
import { REFRESH_GRACE_SECONDS, RefreshCoordinator } from './lib/refresh-coordinator';
import {
  REFRESH_COOKIE,
  SESSION_COOKIE,
  sealCookieValue,
  unsealCookieValue,
  type RefreshData,
  type SessionData,
} from './lib/session';
import { accessTokenNeedsRefresh, refreshFailureEndsSession, refreshTokens, type SignedInSession } from './lib/tokens';

/**
 * This is the only place that refreshes tokens, and the coordinator makes parallel requests that
 * carry the same cookie share one exchange, so the user's own browser never presents a rotated
 * refresh token again. Recovering after the fact is not possible: once the identity service detects
 * a reused token, it has already revoked the whole sign-in, including the newer refresh token.
 *
 * NOTE: the coordinator lives in this process's memory, which covers one `next start`. With several
 * web servers behind a load balancer, two servers can still exchange the same token. Real Cognito
 * app clients cover that with a retry grace period for rotated refresh tokens.
 */
const refreshCoordinator = new RefreshCoordinator<SignedInSession>(REFRESH_GRACE_SECONDS * 1000);

/**
 * Sets a Content Security Policy with a fresh nonce on every page, then renews tokens when they
 * are about to expire. Next.js reads the nonce from the request's policy header and puts it on
 * the scripts it renders, so no script, style, image, font or connection from another origin
 * can load.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  request.headers.set('content-security-policy', policy);
  request.headers.set('x-nonce', nonce);
  const response = await renewTokens(request);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * Refreshes the Cognito access token shortly before it expires. Server Components cannot set
 * cookies, so this runs ahead of every page and Server Action. The new cookie is written to the
 * response and also to the forwarded request, so the page rendered for this request already
 * uses the new token.
 */
async function renewTokens(request: NextRequest): Promise<NextResponse> {
  const sealedSession = request.cookies.get(SESSION_COOKIE)?.value;
  if (!sealedSession) return NextResponse.next({ request: { headers: request.headers } });

  const session = await unsealCookieValue<SessionData>(sealedSession);
  if (!accessTokenNeedsRefresh(session)) return NextResponse.next({ request: { headers: request.headers } });

  const { refreshToken } = await unsealCookieValue<RefreshData>(request.cookies.get(REFRESH_COOKIE)?.value);
  const username = session.username;
  if (!refreshToken || !username) {
    console.warn('The session has an access token but no refresh token or username; signing the browser out.');
    return endSession(request);
  }

  let renewed: SignedInSession;
  try {
    renewed = await refreshCoordinator.exchangeOnce(refreshToken, () => refreshTokens(username, refreshToken));
  } catch (error) {
    const errorName = identityErrorName(error) ?? identityErrorMessage(error);
    if (!refreshFailureEndsSession(error)) {
      // A network failure should not end the sign-in, because the next request tries again. Until
      // one succeeds, an expired access token makes pages treat the user as signed out.
      console.error('Token refresh failed; keeping the session for another attempt.', { error: errorName });
      return NextResponse.next({ request: { headers: request.headers } });
    }
    // The refresh token expired (30 days after sign-in), was revoked (sign-out everywhere, password
    // reset) or was reused. The sign-in is over at the identity service, so it ends here too.
    console.warn('Token refresh was rejected; signing the browser out.', { error: errorName });
    return endSession(request);
  }

  // Keep the rest of the session, such as an unfinished MFA setup, and replace only the tokens.
  const sealed = await sealCookieValue({ ...session, ...renewed.session });
  const sealedRefresh = await sealCookieValue(renewed.refresh);
  request.cookies.set(SESSION_COOKIE, sealed);
  request.cookies.set(REFRESH_COOKIE, sealedRefresh);

  const secure = shouldUseSecureCookies(request.nextUrl.protocol, request.nextUrl.hostname);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(SESSION_COOKIE, sealed, cookieOptions(secure));
  response.cookies.set(REFRESH_COOKIE, sealedRefresh, cookieOptions(secure));
  return response;
}

/**
 * Deletes both session cookies. A page the user opens goes to the sign-in page and back afterwards.
 * Other requests (prefetches, Server Actions, fetches without Sec-Fetch headers) continue without
 * a session, and pages that need one redirect to sign-in themselves.
 */
function endSession(request: NextRequest): NextResponse {
  request.cookies.delete(SESSION_COOKIE);
  request.cookies.delete(REFRESH_COOKIE);

  const { pathname, search } = request.nextUrl;
  const isPageNavigation = request.method === 'GET' && request.headers.get('sec-fetch-dest') === 'document';
  let response: NextResponse;
  if (isPageNavigation && !pathname.startsWith('/sign-in')) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('next', `${pathname}${search}`);
    signIn.searchParams.set('reason', 'session-ended');
    response = NextResponse.redirect(signIn, 303);
  } else {
    response = NextResponse.next({ request: { headers: request.headers } });
  }
  response.cookies.delete(SESSION_COOKIE);
  response.cookies.delete(REFRESH_COOKIE);
  return response;
}

export const config = {
  // Static assets never need a fresh token or a nonce: they are files from this origin.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
