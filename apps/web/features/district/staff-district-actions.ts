'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { endPartnership, inviteAdministrator, startPartnership } from './district-api';

async function accessToken(districtId: string): Promise<string> {
  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=/staff/districts/${districtId}`);
  return session.accessToken;
}

function apiFailure(previous: FormState, error: unknown, values: Record<string, string>, label: string): FormState {
  if (error instanceof ApiError && error.statusCode < 500) {
    const fieldErrors = error.field ? { [error.field]: error.message } : {};
    return failedForm(previous, error.field ? 'Fix the field marked below.' : error.message, fieldErrors, values);
  }
  console.error(`${label} failed.`, { error: error instanceof Error ? error.message : String(error) });
  return failedForm(previous, 'That did not work. Try again in a few minutes.', {}, values);
}

/** Turns a district's partnership on. `districtId` is bound by the page. */
export async function startPartnershipAction(districtId: string, previous: FormState, formData: FormData) {
  const values = {
    agreementSignedOn: formText(formData, 'agreementSignedOn'),
    contactName: formText(formData, 'contactName'),
    contactEmail: formText(formData, 'contactEmail'),
    contactPhone: formText(formData, 'contactPhone'),
  };
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.agreementSignedOn)) {
    errors.agreementSignedOn = 'Enter the date the agreement was signed.';
  }
  if (!values.contactName) errors.contactName = "Enter the district contact's name.";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.contactEmail)) errors.contactEmail = 'Enter an email address.';
  if (Object.keys(errors).length > 0) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  try {
    await startPartnership(await accessToken(districtId), districtId, {
      ...values,
      contactPhone: values.contactPhone || null,
    });
  } catch (error) {
    return apiFailure(previous, error, values, 'Starting a partnership');
  }
  revalidatePath(`/staff/districts/${districtId}`);
  return { attempt: previous.attempt + 1, outcome: 'success' as const, message: 'The partnership is on.' };
}

/** Ends a district's partnership; its administrators lose access at once. */
export async function endPartnershipAction(districtId: string, previous: FormState, formData: FormData) {
  if (formText(formData, 'confirm') !== 'yes') {
    return failedForm(previous, 'Tick the box to confirm.', { confirm: 'Confirm that you want to end it.' }, {});
  }
  try {
    await endPartnership(await accessToken(districtId), districtId);
  } catch (error) {
    return apiFailure(previous, error, {}, 'Ending a partnership');
  }
  revalidatePath(`/staff/districts/${districtId}`);
  return {
    attempt: previous.attempt + 1,
    outcome: 'success' as const,
    message: "The partnership has ended. The district's administrators can no longer see its data.",
  };
}

/** Invites a district administrator by email. */
export async function inviteAdministratorAction(districtId: string, previous: FormState, formData: FormData) {
  const values = {
    email: formText(formData, 'email'),
    givenName: formText(formData, 'givenName'),
    familyName: formText(formData, 'familyName'),
    birthdate: formText(formData, 'birthdate'),
  };
  const errors: Record<string, string> = {};
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) errors.email = 'Enter an email address.';
  if (!values.givenName) errors.givenName = 'Enter a given name.';
  if (!values.familyName) errors.familyName = 'Enter a family name.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.birthdate)) errors.birthdate = 'Enter the date of birth.';
  if (Object.keys(errors).length > 0) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  let emailSent = false;
  try {
    ({ emailSent } = await inviteAdministrator(await accessToken(districtId), districtId, values));
  } catch (error) {
    return apiFailure(previous, error, values, 'Inviting a district administrator');
  }
  revalidatePath(`/staff/districts/${districtId}`);
  return {
    attempt: previous.attempt + 1,
    outcome: 'success' as const,
    message: emailSent
      ? `${values.email} is an administrator now and has an email with sign-in steps.`
      : `${values.email} is an administrator now. No mailer is set up here, so tell them how to sign in.`,
  };
}
