'use server';

import { redirect } from 'next/navigation';
import { listPersonalExports, startPersonalExport } from '../../lib/account-api';
import { ApiError } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, type FormState } from '../forms/form-state';
import { errorLabel } from './error-label';
import { personalExportView, type PersonalExportView } from './export-view';

export interface ExportFormState extends FormState {
  /** The student's files after a successful start, the new one first. */
  exports?: PersonalExportView[];
}

/** Starts building the student's "Download my data" file and returns the updated list of files. */
export async function requestPersonalExport(previous: ExportFormState): Promise<ExportFormState> {
  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/account');

  let exports: PersonalExportView[];
  try {
    await startPersonalExport(session.accessToken);
    exports = (await listPersonalExports(session.accessToken)).map((entry) => personalExportView(entry));
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/account&reason=session-ended');
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, {});
    console.error('Starting a data export failed.', {
      error: errorLabel(error),
    });
    return failedForm(previous, 'Your file could not be started. Try again in a minute.', {}, {});
  }
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: 'We are building your file. This takes a few seconds; the download link appears below when it is ready.',
    exports,
  };
}
