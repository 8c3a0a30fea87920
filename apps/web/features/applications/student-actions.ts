'use server';

import { revalidatePath } from 'next/cache';
import { answerContactRequest, setMyPhone, stopSharingContact, withdrawApplication } from '../../lib/messages-api';
import { formText, type FormState } from '../forms/form-state';
import { accessTokenOrSignIn, actionFailure } from './action-result';

type ActionState = FormState<Record<string, string>>;

const pagePath = (applicationId: string) => `/applications/${applicationId}`;

async function run(
  applicationId: string,
  previous: ActionState,
  what: string,
  call: (accessToken: string) => Promise<unknown>,
  success: string,
): Promise<ActionState> {
  const path = pagePath(applicationId);
  const accessToken = await accessTokenOrSignIn(path);
  try {
    await call(accessToken);
  } catch (error) {
    return actionFailure(previous, error, path, what);
  }
  revalidatePath(path);
  revalidatePath('/applications');
  return { attempt: previous.attempt + 1, outcome: 'success', message: success };
}

export async function withdrawAction(applicationId: string, previous: ActionState): Promise<ActionState> {
  return run(
    applicationId,
    previous,
    'Withdraw the application',
    (token) => withdrawApplication(token, applicationId),
    'Your application was withdrawn.',
  );
}

export async function acceptContactAction(applicationId: string, previous: ActionState): Promise<ActionState> {
  return run(
    applicationId,
    previous,
    'Share your contact details',
    (token) => answerContactRequest(token, applicationId, true),
    'The employer can now see your email address and phone number.',
  );
}

export async function declineContactAction(applicationId: string, previous: ActionState): Promise<ActionState> {
  return run(
    applicationId,
    previous,
    'Decline the request',
    (token) => answerContactRequest(token, applicationId, false),
    'You declined. The employer cannot ask again on this application.',
  );
}

export async function stopSharingAction(applicationId: string, previous: ActionState): Promise<ActionState> {
  return run(
    applicationId,
    previous,
    'Stop sharing',
    (token) => stopSharingContact(token, applicationId),
    'You stopped sharing. The employer no longer sees your contact details.',
  );
}

export interface PhoneValues {
  phone: string;
}

/** Saves or clears the student's phone number; `returnTo` is the page the form is on. */
export async function savePhoneAction(
  returnTo: string,
  previous: FormState<PhoneValues>,
  formData: FormData,
): Promise<FormState<PhoneValues>> {
  const phone = formText(formData, 'phone');
  const accessToken = await accessTokenOrSignIn(returnTo);
  try {
    const saved = await setMyPhone(accessToken, phone || null);
    revalidatePath(returnTo);
    return {
      attempt: previous.attempt + 1,
      outcome: 'success',
      message: saved ? `Saved ${saved}.` : 'Your phone number was removed.',
      values: { phone: saved ?? '' },
    };
  } catch (error) {
    return actionFailure(previous, error, returnTo, 'Save the phone number', { phone });
  }
}
