'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { acceptInvitation } from '../../lib/organizations-api';
import { destroySession, readSession } from '../../lib/session';
import { failedForm, type FormState } from '../forms/form-state';
import { errorLabel } from './error-label';

/**
 * Accepts the invitation with the signed-in account. A new admin's sessions end so that the
 * next sign-in sets up MFA, so this browser's session is deleted too. `token` is bound by the page.
 */
export async function accept(token: string, previous: FormState): Promise<FormState> {
  const returnTo = `/invitations/${token}`;
  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);

  let signInAgain: boolean;
  try {
    ({ signInAgain } = await acceptInvitation(session.accessToken, token));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401)
      redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, {});
    console.error('Accepting an invitation failed.', {
      error: errorLabel(error),
    });
    return failedForm(previous, 'We could not accept the invitation. Try again in a few minutes.', {}, {});
  }

  if (!signInAgain) redirect('/employer');
  await destroySession();
  redirect('/invitations/accepted');
}
