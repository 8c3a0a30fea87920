'use server';

import { revalidatePath } from 'next/cache';
import { blockOrganization, sendMessage, unblockOrganization } from '../../lib/messages-api';
import { accessTokenOrSignIn, actionFailure } from '../applications/action-result';
import { failedForm, type FormState } from '../forms/form-state';

export interface MessageValues {
  text: string;
}

/** Maximum message length that the API accepts, in characters. */
const MESSAGE_LENGTH_MAX = 2000;

/** Sends a message in one thread. `applicationId` is bound by the page. */
export async function sendMessageAction(
  applicationId: string,
  previous: FormState<MessageValues>,
  formData: FormData,
): Promise<FormState<MessageValues>> {
  const raw = formData.get('text');
  const text = typeof raw === 'string' ? raw.trim() : '';
  const values = { text };
  if (!text) return failedForm(previous, 'Write a message first.', { text: 'Enter a message.' }, values);
  if (text.length > MESSAGE_LENGTH_MAX) {
    return failedForm(
      previous,
      'Your message is too long.',
      { text: `Use at most ${MESSAGE_LENGTH_MAX} characters; this message has ${text.length}.` },
      values,
    );
  }

  const path = `/messages/${applicationId}`;
  const accessToken = await accessTokenOrSignIn(path);
  try {
    const sent = await sendMessage(accessToken, applicationId, text);
    revalidatePath(path);
    return {
      attempt: previous.attempt + 1,
      outcome: 'success',
      message:
        sent.maskedKinds.length > 0
          ? 'Sent. ClockIn hid the contact details in it, because none are shared on this application yet.'
          : 'Sent.',
    };
  } catch (error) {
    return actionFailure(previous, error, path, 'Send the message', values);
  }
}

type ActionState = FormState<Record<string, string>>;

/** Blocks or unblocks an employer for the signed-in student. The target is bound by the page. */
export async function setBlockAction(
  target: { organizationId: string; blocked: boolean; returnTo: string },
  previous: ActionState,
): Promise<ActionState> {
  const accessToken = await accessTokenOrSignIn(target.returnTo);
  try {
    if (target.blocked) await blockOrganization(accessToken, target.organizationId);
    else await unblockOrganization(accessToken, target.organizationId);
  } catch (error) {
    return actionFailure(
      previous,
      error,
      target.returnTo,
      target.blocked ? 'Block the employer' : 'Unblock the employer',
    );
  }
  revalidatePath(target.returnTo);
  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message: target.blocked
      ? 'Blocked. This employer can no longer message you or ask for your contact details.'
      : 'Unblocked.',
  };
}
