/** Cookie and seal lifetime in seconds. Each token refresh writes the cookies again, which extends it. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Returns whether cookies get the Secure attribute. Only plain http on a loopback host
 * (local development) goes without it; every other request gets Secure cookies.
 */
export function shouldUseSecureCookies(protocol: string, hostname: string): boolean {
  const isLoopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
  return !(protocol.replace(/:$/, '') === 'http' && isLoopback);
}

/**
 * Returns the attributes of both session cookies: httpOnly so page scripts cannot read the sealed
 * tokens, and SameSite=Lax so other sites cannot send them with cross-site POSTs.
 */
export function cookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    secure,
    sameSite: 'lax' as const,
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}
