'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { startDistrictExport } from './district-api';

/** Starts a CSV or JSON export of the district's students; the page then shows its progress. */
export async function requestExport(previous: FormState, formData: FormData): Promise<FormState> {
  const format = formText(formData, 'format');
  if (format !== 'csv' && format !== 'json') {
    return failedForm(previous, 'Choose CSV or JSON.', { format: 'Choose a file format.' }, {});
  }
  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/district/exports');

  try {
    await startDistrictExport(session.accessToken, format);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/district/exports');
    if (error instanceof ApiError && error.statusCode < 600) return failedForm(previous, error.message, {}, {});
    console.error('Starting a district export failed.', {
      error: error instanceof Error ? error.message : String(error),
    });
    return failedForm(previous, 'The export could not be started. Try again in a minute.', {}, {});
  }
  revalidatePath('/district/exports');
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: `Your ${format.toUpperCase()} export has started. Its progress shows below.`,
  };
}
