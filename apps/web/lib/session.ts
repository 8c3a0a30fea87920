import { cookies, headers } from 'next/headers';
import { sealData, unsealData } from 'iron-session';
import { SESSION_MAX_AGE_SECONDS, cookieOptions, shouldUseSecureCookies } from './cookie-policy';

/**
 * Sign-in state kept in the encrypted session cookie. The browser receives only the sealed
 * value, so tokens, challenge sessions and pending emails never reach client code.
 */
export interface SessionData {
  /** Email address used as the Cognito username. */
  username?: string;
  accessToken?: string;
  /** Milliseconds since the epoch when the access token expires. */
  accessTokenExpiresAt?: number;
  /** An unfinished sign-in that needs an MFA code or MFA setup. */
  challenge?: PendingChallenge;
  /** Email address that signed up but has not yet confirmed its code. */
  pendingConfirmationEmail?: string;
  /** A signed-in user's unfinished MFA setup from the account page. */
  mfaSetup?: PendingMfaSetup;
}

export interface PendingMfaSetup {
  /** The TOTP secret from AssociateSoftwareToken, shown as a QR code until the user verifies a code. */
  secretCode: string;
}

export interface PendingChallenge {
  name: 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';
  /** Cognito's challenge session string; it expires a few minutes after it is issued. */
  session: string;
  username: string;
  /** Only for MFA_SETUP: the TOTP secret from AssociateSoftwareToken. */
  secretCode?: string;
  /** Same-site path to open after the sign-in finishes. */
  returnTo?: string;
}

/**
 * The refresh token lives in its own cookie because Cognito refresh tokens are about 1.8 KB.
 * Together with the access token, one sealed cookie would exceed the 4 KB browser limit.
 */
export interface RefreshData {
  refreshToken?: string;
}

export const SESSION_COOKIE = 'clockin_session';
export const REFRESH_COOKIE = 'clockin_refresh';

const MIN_SECRET_LENGTH = 32;

export function sessionPassword(): string {
  const secret = process.env.CLOCKIN_SESSION_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `CLOCKIN_SESSION_SECRET is missing or shorter than ${MIN_SECRET_LENGTH} characters. ` +
        'Set it to a random string of at least 32 characters before starting the web app.',
    );
  }
  return secret;
}

export async function sealCookieValue(data: object): Promise<string> {
  return sealData(data, { password: sessionPassword(), ttl: SESSION_MAX_AGE_SECONDS });
}

/** Unseals a cookie value. A tampered, expired or unreadable value yields an empty object. */
export async function unsealCookieValue<T extends object>(value: string | undefined): Promise<Partial<T>> {
  if (!value) return {};
  try {
    return await unsealData<T>(value, { password: sessionPassword(), ttl: SESSION_MAX_AGE_SECONDS });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('CLOCKIN_SESSION_SECRET')) throw error;
    return {};
  }
}

export async function readSession(): Promise<SessionData> {
  const store = await cookies();
  return unsealCookieValue<SessionData>(store.get(SESSION_COOKIE)?.value);
}

export async function readRefreshData(): Promise<RefreshData> {
  const store = await cookies();
  return unsealCookieValue<RefreshData>(store.get(REFRESH_COOKIE)?.value);
}

async function requestUsesSecureCookies(): Promise<boolean> {
  const requestHeaders = await headers();
  const protocol = requestHeaders.get('x-forwarded-proto') ?? 'https';
  const host = requestHeaders.get('host') ?? '';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return shouldUseSecureCookies(protocol, hostname);
}

/** Writes the session cookie. Only Server Actions and route handlers may call this. */
export async function saveSession(data: SessionData): Promise<void> {
  const store = await cookies();
  store.set(SESSION_COOKIE, await sealCookieValue(data), cookieOptions(await requestUsesSecureCookies()));
}

export async function saveRefreshData(data: RefreshData): Promise<void> {
  const store = await cookies();
  store.set(REFRESH_COOKIE, await sealCookieValue(data), cookieOptions(await requestUsesSecureCookies()));
}

/** Deletes both session cookies. Only Server Actions and route handlers may call this. */
export async function destroySession(): Promise<void> {
  const store = await cookies();
  store.delete(SESSION_COOKIE);
  store.delete(REFRESH_COOKIE);
}
