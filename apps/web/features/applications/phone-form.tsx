'use client';

import { useActionState } from 'react';
import { FormMessage, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { savePhoneAction, type PhoneValues } from './student-actions';

/** Edits the student's phone number, which an employer gets only while the student shares contact details. */
export function PhoneForm({ phone, returnTo }: { phone: string | null; returnTo: string }) {
  const [state, action, pending] = useActionState(savePhoneAction.bind(null, returnTo), {
    attempt: 0,
    values: { phone: phone ?? '' },
  } as FormState<PhoneValues>);

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="contact-phone"
        name="phone"
        type="tel"
        label="Phone number (optional)"
        hint="A US number with area code, such as 614-555-0199. Leave it empty to share only your email."
        autoComplete="tel"
        maxLength={30}
        defaultValue={state.values?.phone}
        error={state.fieldErrors?.phone}
      />
      <button type="submit" className="button button-secondary" disabled={pending}>
        Save phone number
      </button>
    </form>
  );
}
