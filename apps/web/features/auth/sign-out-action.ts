'use server';

import { redirect } from 'next/navigation';
import { GlobalSignOutCommand, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { destroySession, readRefreshData, readSession } from '../../lib/session';

/** Signs this browser out: revokes its refresh token, then deletes the session cookies. */
export async function signOut(): Promise<void> {
  const refresh = await readRefreshData();
  if (refresh.refreshToken) {
    try {
      await identityClient().send(
        new RevokeTokenCommand({ ClientId: identityClientId(), Token: refresh.refreshToken }),
      );
    } catch (error) {
      // The cookies are deleted below either way, so this browser is signed out regardless.
      console.warn('Refresh token revocation failed.', {
        error: identityErrorName(error) ?? identityErrorMessage(error),
      });
    }
  }
  await destroySession();
  redirect('/');
}

/** Signs the user out on every device (GlobalSignOut), then deletes this browser's session cookies. */
export async function signOutEverywhere(): Promise<void> {
  const session = await readSession();
  if (session.accessToken) {
    try {
      await identityClient().send(new GlobalSignOutCommand({ AccessToken: session.accessToken }));
    } catch (error) {
      console.error('Global sign-out failed.', { error: identityErrorName(error) ?? identityErrorMessage(error) });
      throw new Error('Signing out on every device failed. Try again.', { cause: error });
    }
  }
  await destroySession();
  redirect('/sign-in?signedOut=everywhere');
}
