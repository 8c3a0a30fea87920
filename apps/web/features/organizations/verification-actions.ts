'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { decideOrganization, type StaffOrganizationDecision } from '../../lib/organizations-api';
import { readSession } from '../../lib/session';
import { failedForm, formText, type FormState } from '../forms/form-state';
import { errorLabel } from './error-label';

export interface DecisionValues {
  reason: string;
}

const outcomes: Record<StaffOrganizationDecision['decision'], string> = {
  verify: 'Organization verified. Its people can submit listings now.',
  reject: 'Registration rejected. The employer sees your reason.',
  suspend: 'Organization suspended. Its listings left search and its people lost access.',
  reinstate: 'Organization reinstated. Its published listings are back in search.',
};

function readDecision(formData: FormData): StaffOrganizationDecision | { error: string; field?: string } {
  const decision = formText(formData, 'decision');
  const reason = formText(formData, 'reason');
  switch (decision) {
    case 'verify':
    case 'reinstate':
      return { decision };
    case 'reject':
    case 'suspend':
      if (reason.length < 3) {
        return {
          error: decision === 'reject' ? 'Give a reason for the rejection.' : 'Give a reason for the suspension.',
          field: 'reason',
        };
      }
      return { decision, reason };
    default:
      return { error: 'Choose a decision.' };
  }
}

/** Applies one staff decision to one organization. `organizationId` is bound by the page. */
export async function decide(
  organizationId: string,
  previous: FormState<DecisionValues>,
  formData: FormData,
): Promise<FormState<DecisionValues>> {
  const values = { reason: formText(formData, 'reason') };
  const input = readDecision(formData);
  if ('error' in input) {
    return failedForm(
      previous,
      input.error,
      input.field ? { reason: 'Say what is wrong, in a sentence.' } : {},
      values,
    );
  }

  const session = await readSession();
  if (!session.accessToken) redirect('/sign-in?next=/staff/verifications');
  try {
    await decideOrganization(session.accessToken, organizationId, input);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) redirect('/sign-in?next=/staff/verifications');
    if (error instanceof ApiError && error.statusCode === 400 && error.field === 'reason') {
      return failedForm(previous, 'Check the reason.', { reason: error.message }, values);
    }
    if (error instanceof ApiError && error.statusCode < 500) return failedForm(previous, error.message, {}, values);
    console.error('Organization decision failed.', {
      organizationId,
      error: errorLabel(error),
    });
    return failedForm(previous, 'We could not save the decision. Try again in a few minutes.', {}, values);
  }

  // The card stays on the page with this message in place of its form, so staff see the outcome.
  // The queue shows the new status on the next visit.
  return { attempt: previous.attempt + 1, outcome: 'success', message: outcomes[input.decision] };
}
