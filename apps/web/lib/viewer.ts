import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { ApiError, getMe, type AccountType, type Me } from './api';
import { readSession } from './session';

/** The signed-in user as returned by GET /v1/me, plus the access token for further API calls. */
export interface Viewer extends Me {
  accessToken: string;
  username: string;
}

/**
 * Returns the signed-in user, or null when no user is signed in or the API rejects the token.
 * React's cache() makes the header and the page share one GET /v1/me per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSession();
  if (!session.accessToken) return null;

  try {
    const me = await getMe(session.accessToken);
    return { ...me, accessToken: session.accessToken, username: session.username ?? '' };
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return null;
    throw error;
  }
});

/**
 * Returns the viewer when their account type is allowed. Signed-out visitors go to the sign-in
 * page and come back to `returnTo` afterwards. Other account types get a 404, so the page does
 * not reveal that it exists.
 */
export async function requireViewer(allowed: readonly AccountType[], returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!allowed.includes(viewer.accountType)) notFound();
  return viewer;
}

/** Returns the page to show after sign-in when no return path was requested. */
export function homePathFor(accountType: AccountType): string {
  if (accountType === 'employer') return '/employer';
  if (accountType === 'staff') return '/staff/reviews';
  if (accountType === 'district_admin') return '/district';
  return '/jobs';
}

/** Accepts only same-site paths such as `/jobs/abc`, so a crafted link cannot redirect elsewhere. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}
