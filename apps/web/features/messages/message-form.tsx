'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextAreaField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { sendMessageAction, type MessageValues } from './message-actions';

/** Renders the box to write in a thread. After a send, the box is empty again. */
export function MessageForm({
  applicationId,
  contactShared,
  viewerSide,
}: {
  applicationId: string;
  contactShared: boolean;
  viewerSide: 'student' | 'employer';
}) {
  const [state, action, pending] = useActionState(sendMessageAction.bind(null, applicationId), {
    attempt: 0,
  } as FormState<MessageValues>);

  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-label="Write a message">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextAreaField
        id="message-text"
        name="text"
        label="Your message"
        hint={
          contactShared
            ? 'Contact details are shared on this application, so nothing in your message is hidden.'
            : viewerSide === 'student'
              ? 'Email addresses, phone numbers, social handles and links are hidden until you share your contact details.'
              : 'Email addresses, phone numbers, social handles and links are hidden until the student shares contact details.'
        }
        rows={4}
        maxLength={2000}
        defaultValue={state.outcome === 'error' ? state.values?.text : ''}
        error={state.fieldErrors?.text}
      />
      <SubmitButton pending={pending}>Send message</SubmitButton>
    </form>
  );
}
