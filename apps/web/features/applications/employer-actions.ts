'use server';

import { revalidatePath } from 'next/cache';
import { decideApplication, requestContact, type EmployerDecision } from '../../lib/messages-api';
import type { FormState } from '../forms/form-state';
import { accessTokenOrSignIn, actionFailure } from './action-result';

type ActionState = FormState<Record<string, string>>;

const DECISION_MESSAGES: Record<EmployerDecision, string> = {
  shortlisted: 'Shortlisted. The student gets an email.',
  hired: 'Marked as hired. The student gets an email.',
  not_selected: 'Marked as not selected. The student gets a kind email.',
};

/** Sets a decision on an application. The application and the decision are bound by the page. */
export async function decideAction(
  target: { applicationId: string; decision: EmployerDecision },
  previous: ActionState,
): Promise<ActionState> {
  const path = `/applications/${target.applicationId}`;
  const accessToken = await accessTokenOrSignIn(path);
  try {
    await decideApplication(accessToken, target.applicationId, target.decision);
  } catch (error) {
    return actionFailure(previous, error, path, 'Save the decision');
  }
  revalidatePath(path);
  return { attempt: previous.attempt + 1, outcome: 'success', message: DECISION_MESSAGES[target.decision] };
}

export async function requestContactAction(applicationId: string, previous: ActionState): Promise<ActionState> {
  const path = `/applications/${applicationId}`;
  const accessToken = await accessTokenOrSignIn(path);
  try {
    await requestContact(accessToken, applicationId);
  } catch (error) {
    return actionFailure(previous, error, path, 'Ask for contact details');
  }
  revalidatePath(path);
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: 'Request sent. You will see the contact details here if the student accepts.',
  };
}
