'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { completeDeletionRequest, recordDeletionRequest } from '../../lib/account-api';
import { ApiError } from '../../lib/api';
import { readSession } from '../../lib/session';
import { isValidEmail } from '../auth/validation';
import { failedForm, fieldErrorSummary, formText, type FormState } from '../forms/form-state';
import { errorLabel } from './error-label';
import { isCalendarDate, todayInUtc } from './deletion-deadline';

const CONSOLE_PATH = '/staff/deletion-requests';
const NOTE_MAX = 500;
const REQUEST_FIELDS = new Set(['email', 'receivedOn', 'note']);

export interface RequestValues {
  email: string;
  receivedOn: string;
  note: string;
}

async function accessToken(): Promise<string> {
  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${CONSOLE_PATH}`);
  return session.accessToken;
}

function apiFailure<Values>(previous: FormState<Values>, error: unknown, values: Partial<Values>, label: string) {
  if (error instanceof ApiError && error.statusCode === 401)
    redirect(`/sign-in?next=${CONSOLE_PATH}&reason=session-ended`);
  if (error instanceof ApiError && error.statusCode < 500) {
    if (error.field && REQUEST_FIELDS.has(error.field)) {
      const fieldErrors = { [error.field]: error.message };
      return failedForm(previous, fieldErrorSummary(fieldErrors), fieldErrors, values);
    }
    return failedForm(previous, error.message, {}, values);
  }
  console.error(`${label} failed.`, {
    error: errorLabel(error),
  });
  return failedForm(previous, 'That did not work. Try again in a few minutes.', {}, values);
}

/** Records a deletion request that arrived by email, with the date it arrived. */
export async function recordRequestAction(
  previous: FormState<RequestValues>,
  formData: FormData,
): Promise<FormState<RequestValues>> {
  const values = {
    email: formText(formData, 'email').toLowerCase(),
    receivedOn: formText(formData, 'receivedOn'),
    note: formText(formData, 'note'),
  };
  const errors: Record<string, string> = {};
  if (!isValidEmail(values.email)) errors.email = 'Enter the email address the request came from.';
  if (!isCalendarDate(values.receivedOn)) {
    errors.receivedOn = 'Enter the date the email arrived.';
  } else if (values.receivedOn > todayInUtc()) {
    errors.receivedOn = 'The date received cannot be in the future.';
  }
  if (values.note.length > NOTE_MAX) {
    errors.note = `Use at most ${NOTE_MAX} characters; this has ${values.note.length}.`;
  }
  if (Object.keys(errors).length > 0) return failedForm(previous, fieldErrorSummary(errors), errors, values);

  try {
    await recordDeletionRequest(await accessToken(), {
      email: values.email,
      receivedOn: values.receivedOn,
      ...(values.note ? { note: values.note } : {}),
    });
  } catch (error) {
    return apiFailure(previous, error, values, 'Recording a deletion request');
  }
  revalidatePath(CONSOLE_PATH);
  return { attempt: previous.attempt + 1, outcome: 'success', message: 'The request is recorded.' };
}

/** Carries out a recorded request. `requestId` is bound by the page. */
export async function carryOutRequestAction(requestId: string, previous: FormState): Promise<FormState> {
  let outcome: 'completed' | 'no_account';
  try {
    outcome = (await completeDeletionRequest(await accessToken(), requestId)).outcome;
  } catch (error) {
    return apiFailure(previous, error, {}, 'Carrying out a deletion request');
  }
  revalidatePath(CONSOLE_PATH);
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message:
      outcome === 'completed'
        ? 'The account is deleted. Its sign-ins have ended, and its data is erased within 30 days.'
        : 'No account uses this email address, so there was nothing to delete. The request is closed.',
  };
}
