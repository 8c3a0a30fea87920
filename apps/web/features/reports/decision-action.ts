'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { decideReport } from '../../lib/messages-api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { isReportOutcome } from './report-options';

export interface DecisionValues {
  outcome: string;
  note: string;
}

type DecisionState = FormState<DecisionValues>;

/** Records a staff decision on one report. `reportId` is bound by the page. */
export async function decideReportAction(
  reportId: string,
  previous: DecisionState,
  formData: FormData,
): Promise<DecisionState> {
  const outcome = formText(formData, 'outcome');
  const note = formText(formData, 'note');
  const values = { outcome, note };
  if (!isReportOutcome(outcome)) {
    return failedForm(previous, 'Choose an outcome.', { outcome: 'Choose the outcome of your review.' }, values);
  }

  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(`/staff/reports/${reportId}`)}`);

  try {
    await decideReport(session.accessToken, reportId, outcome, note);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 400 && error.field === 'note') {
      return failedForm(previous, 'Check the note.', { note: error.message }, values);
    }
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, values);
    console.error('Report decision failed.', {
      reportId,
      error: error instanceof Error ? error.message : String(error),
    });
    return failedForm(previous, 'We could not save the decision. Try again in a few minutes.', {}, values);
  }
  revalidatePath(`/staff/reports/${reportId}`);
  revalidatePath('/staff/reports');
  return { attempt: previous.attempt + 1, outcome: 'success', message: 'Decision saved.' };
}
