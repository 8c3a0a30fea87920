'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import {
  changeMemberRole,
  inviteMember,
  removeMember,
  revokeInvitation,
  type OrganizationRole,
} from '../../lib/organizations-api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { isValidEmail } from '../auth/validation';
import { errorLabel } from './error-label';

export interface InviteValues {
  email: string;
  role: string;
}

async function accessToken(): Promise<string> {
  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/employer/team');
  return session.accessToken;
}

function isRole(value: string): value is OrganizationRole {
  return value === 'admin' || value === 'member';
}

/** Returns a failed form for an API error, or rethrows what the user cannot act on. */
function teamFailure<Values>(previous: FormState<Values>, error: unknown, values: Partial<Values>, what: string) {
  if (error instanceof ApiError) {
    if (error.statusCode === 401) redirect('/sign-in?next=/employer/team');
    if (error.statusCode === 400 && error.field) {
      return failedForm(previous, 'Fix the field marked below.', { [error.field]: error.message }, values);
    }
    if (error.statusCode < 500) return failedForm(previous, error.message, {}, values);
  }
  console.error(`${what} failed.`, {
    error: errorLabel(error),
  });
  return failedForm(previous, `${what} did not work. Try again in a few minutes.`, {}, values);
}

function done<Values>(previous: FormState<Values>, message: string): FormState<Values> {
  revalidatePath('/employer/team');
  return { attempt: previous.attempt + 1, outcome: 'success', message };
}

export async function invite(previous: FormState<InviteValues>, formData: FormData): Promise<FormState<InviteValues>> {
  const values = { email: formText(formData, 'email').toLowerCase(), role: formText(formData, 'role') };
  const errors: Record<string, string> = {};
  if (!isValidEmail(values.email)) errors.email = 'Enter the email address to invite, for example name@example.com.';
  if (!isRole(values.role)) errors.role = 'Choose a role.';
  if (Object.keys(errors).length > 0) return failedForm(previous, 'Fix the fields marked below.', errors, values);

  const token = await accessToken();
  try {
    await inviteMember(token, values.email, values.role as OrganizationRole);
  } catch (error) {
    return teamFailure(previous, error, values, 'Sending the invitation');
  }
  return done(previous, `We emailed an invitation to ${values.email}. The link works once, for 7 days.`);
}

/** Changes one member's role. `userId` is bound by the page. */
export async function changeRole(userId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const role = formText(formData, 'role');
  if (!isRole(role)) return failedForm(previous, 'Choose admin or member.', {}, {});
  const token = await accessToken();
  try {
    await changeMemberRole(token, userId, role);
  } catch (error) {
    return teamFailure(previous, error, {}, 'Changing the role');
  }
  return done(
    previous,
    role === 'admin'
      ? 'Role changed to admin. They sign in again and set up two-step verification.'
      : 'Role changed to member.',
  );
}

/** Removes one member. `userId` is bound by the page. */
export async function remove(userId: string, previous: FormState): Promise<FormState> {
  const token = await accessToken();
  try {
    await removeMember(token, userId);
  } catch (error) {
    return teamFailure(previous, error, {}, 'Removing the member');
  }
  return done(previous, 'Member removed. Their access ended.');
}

/** Withdraws one invitation. `invitationId` is bound by the page. */
export async function withdrawInvitation(invitationId: string, previous: FormState): Promise<FormState> {
  const token = await accessToken();
  try {
    await revokeInvitation(token, invitationId);
  } catch (error) {
    return teamFailure(previous, error, {}, 'Withdrawing the invitation');
  }
  return done(previous, 'Invitation withdrawn. Its link no longer works.');
}
