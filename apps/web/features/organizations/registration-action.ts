'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { registerOrganization, resubmitOrganization } from '../../lib/organizations-api';
import { destroySession, readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, type FormState } from '../forms/form-state';
import { readRegistrationForm, validateRegistration, type RegistrationValues } from './registration-values';
import { errorLabel } from './error-label';

type RegistrationState = FormState<RegistrationValues>;

/**
 * Registers the organization, or corrects a rejected registration when `mode` is `correct`.
 * After a registration the API has ended the admin's sessions so that the next sign-in sets up
 * MFA, so this browser's session is deleted too.
 */
export async function submitRegistration(
  mode: 'register' | 'correct',
  previous: RegistrationState,
  formData: FormData,
): Promise<RegistrationState> {
  const values = readRegistrationForm(formData);
  const { registration, errors } = validateRegistration(values);
  if (!registration) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/employer/register');

  try {
    if (mode === 'register') await registerOrganization(session.accessToken, registration);
    else await resubmitOrganization(session.accessToken, registration);
  } catch (error) {
    return registrationFailure(previous, error, values);
  }

  if (mode === 'correct') redirect('/employer');
  await destroySession();
  redirect('/employer/register/submitted');
}

function registrationFailure(previous: RegistrationState, error: unknown, values: RegistrationValues) {
  if (error instanceof ApiError) {
    if (error.statusCode === 400 && error.field && error.field in values) {
      return failedForm(previous, 'Fix the field marked below.', { [error.field]: error.message }, values);
    }
    if (error.statusCode === 401) redirect('/sign-in?next=/employer/register');
    if (error.errorName === 'AlreadyMember') redirect('/employer');
    if (error.statusCode < 500) return failedForm(previous, error.message, {}, values);
  }
  console.error('Organization registration failed.', {
    error: errorLabel(error),
  });
  return failedForm(previous, 'We could not save the registration. Try again in a few minutes.', {}, values);
}
