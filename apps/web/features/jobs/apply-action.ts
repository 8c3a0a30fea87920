'use server';

import { redirect } from 'next/navigation';
import { ApiError, applyToListing } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, type FormState } from '../forms/form-state';
import { MAX_MESSAGE_LENGTH } from './limits';

export interface ApplyValues {
  message: string;
}

type ApplyState = FormState<ApplyValues>;

/** Sends the student's application for one listing. `listingId` is bound by the page. */
export async function applyForListing(
  listingId: string,
  previous: ApplyState,
  formData: FormData,
): Promise<ApplyState> {
  const rawMessage = formData.get('message');
  const message = typeof rawMessage === 'string' ? rawMessage.trim() : '';
  const values = { message };

  if (message.length < 1) {
    return failedForm(previous, 'Write a message to the employer.', { message: 'Enter a message.' }, values);
  }
  if (message.length > MAX_MESSAGE_LENGTH) {
    return failedForm(
      previous,
      'Your message is too long.',
      { message: `Use at most ${MAX_MESSAGE_LENGTH} characters; this message has ${message.length}.` },
      values,
    );
  }

  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(`/jobs/${listingId}`)}`);

  try {
    await applyToListing(session.accessToken, listingId, message);
  } catch (error) {
    return applyFailure(previous, error, values, listingId);
  }
  return { attempt: previous.attempt + 1, outcome: 'success', message: 'Your application was sent.' };
}

function applyFailure(previous: ApplyState, error: unknown, values: ApplyValues, listingId: string): ApplyState {
  if (!(error instanceof ApiError)) {
    console.error('Application request failed.', { listingId, error: String(error) });
    return failedForm(previous, 'We could not send your application. Try again in a few minutes.', {}, values);
  }

  if (error.statusCode === 401) redirect(`/sign-in?next=${encodeURIComponent(`/jobs/${listingId}`)}`);
  if (error.errorName === 'DuplicateApplication') {
    return failedForm(
      previous,
      'You have already applied for this job. See My applications for its status.',
      {},
      values,
    );
  }
  if (error.errorName === 'LaborLawForbids') {
    // The API's message names each reason, for example the hour a shift ends past the limit.
    return failedForm(previous, `${error.message} See “What Ohio law allows for you” above.`, {}, values);
  }
  if (error.errorName === 'ValidationError' && error.field === 'message') {
    return failedForm(previous, 'Check your message.', { message: error.message }, values);
  }
  if (error.statusCode === 403) {
    return failedForm(previous, 'Only student accounts can apply for jobs.', {}, values);
  }
  if (error.statusCode === 404) {
    return failedForm(previous, 'This job is no longer open for applications.', {}, values);
  }
  if (error.statusCode < 500) return failedForm(previous, error.message, {}, values);

  console.error('Application request failed.', { listingId, status: error.statusCode, error: error.errorName });
  return failedForm(previous, 'We could not send your application. Try again in a few minutes.', {}, values);
}
