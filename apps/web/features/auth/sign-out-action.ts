'use server';

import { redirect } from 'next/navigation';
import { RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ApiError, signOutEverywhere as signOutEverywhereInApi } from '../../lib/api';
import { identityClient, identityClientId, identityErrorMessage, identityErrorName } from '../../lib/identity';
import { destroySession, readRefreshData, readSession } from '../../lib/session';
import { failedForm, type FormState } from '../forms/form-state';

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

/**
 * Signs the user out on every device through the API, which records the revocation and calls
 * GlobalSignOut, then deletes this browser's session cookies.
 */
export async function signOutEverywhere(previous: FormState): Promise<FormState> {
  const session = await readSession();
  if (!session.accessToken) {
    await destroySession();
    redirect('/sign-in?next=/account');
  }

  try {
    await signOutEverywhereInApi(session.accessToken);
  } catch (error) {
    if (!(error instanceof ApiError && error.statusCode === 401)) {
      console.error('Sign-out everywhere failed.', {
        error: error instanceof ApiError ? error.errorName : identityErrorMessage(error),
      });
      return failedForm(previous, 'Signing out on every device failed. Try again in a few minutes.', {}, {});
    }
    // The access token was already rejected, so this sign-in ended earlier (for example by a
    // password reset). Signing in again lets the user repeat the request if they still need it.
    console.warn('Sign-out everywhere found the access token already rejected; signing this browser out.');
    await destroySession();
    redirect('/sign-in?next=/account&reason=session-ended');
  }

  await destroySession();
  redirect('/sign-in?signedOut=everywhere');
}
