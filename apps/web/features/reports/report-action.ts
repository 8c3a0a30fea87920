'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { createReport, type ReportTargetType } from '../../lib/messages-api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { isReportCategory } from './report-options';

export interface ReportValues {
  category: string;
  details: string;
}

type ReportState = FormState<ReportValues>;

const DETAILS_MAX = 2000;

/** Sends a report to ClockIn staff. The target is bound by the page; `returnTo` is where sign-in comes back. */
export async function reportTarget(
  target: { targetType: ReportTargetType; targetId: string; returnTo: string },
  previous: ReportState,
  formData: FormData,
): Promise<ReportState> {
  const category = formText(formData, 'category');
  const details = formText(formData, 'details');
  const values = { category, details };

  if (!isReportCategory(category)) {
    return failedForm(previous, 'Choose what went wrong.', { category: 'Choose one of the reasons.' }, values);
  }
  if (details.length > DETAILS_MAX) {
    return failedForm(
      previous,
      'The details are too long.',
      { details: `Use at most ${DETAILS_MAX} characters; this has ${details.length}.` },
      values,
    );
  }

  const session = await readSession();
  if (!session.accessToken) redirect(`/sign-in?next=${encodeURIComponent(target.returnTo)}`);

  try {
    await createReport(session.accessToken, {
      targetType: target.targetType,
      targetId: target.targetId,
      category,
      ...(details ? { details } : {}),
    });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      redirect(`/sign-in?next=${encodeURIComponent(target.returnTo)}`);
    }
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, values);
    console.error('Report failed.', {
      targetType: target.targetType,
      error: error instanceof Error ? error.message : String(error),
    });
    return failedForm(previous, 'We could not send your report. Try again, or email trust@clockin.jobs.', {}, values);
  }
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: 'Thank you. ClockIn staff will review your report within 24 hours, and we sent you an email.',
  };
}
