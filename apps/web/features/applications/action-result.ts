import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, type FormState } from '../forms/form-state';

/** Returns the session's access token, or sends the user to sign in and back to `returnTo`. */
export async function accessTokenOrSignIn(returnTo: string): Promise<string> {
  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session.accessToken;
}

/**
 * Turns an API failure into the form's error message: the API's own message for expected errors
 * (a 409 names the status that blocks the change), a generic one for outages.
 */
export function actionFailure<Values>(
  previous: FormState<Values>,
  error: unknown,
  returnTo: string,
  what: string,
  values: Partial<Values> = {},
): FormState<Values> {
  if (error instanceof ApiError && error.statusCode === 401) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (error instanceof ApiError && error.statusCode < 500) {
    const fieldErrors: Record<string, string> = error.field ? { [error.field]: error.message } : {};
    return failedForm(previous, error.message, fieldErrors, values);
  }
  console.error(`${what} failed.`, { error: error instanceof Error ? error.message : String(error) });
  return failedForm(previous, `We could not ${what.toLowerCase()}. Try again in a few minutes.`, {}, values);
}
