'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { PASSWORD_POLICY } from '../auth/validation';
import { signUpEmployer, type EmployerSignUpValues } from './employer-sign-up-action';

const initialState: FormState<EmployerSignUpValues> = { attempt: 0 };

/** Renders the account form for people who hire: no school or grade, and adults only. */
export function EmployerSignUpForm() {
  const [state, action, pending] = useActionState(signUpEmployer, initialState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="employer-email"
        name="email"
        type="email"
        label="Work email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        id="employer-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint={PASSWORD_POLICY}
        required
        minLength={10}
        error={errors.password}
      />
      <TextField
        id="employer-given-name"
        name="givenName"
        label="Given name"
        autoComplete="given-name"
        required
        maxLength={100}
        defaultValue={values.givenName}
        error={errors.givenName}
      />
      <TextField
        id="employer-family-name"
        name="familyName"
        label="Family name"
        autoComplete="family-name"
        required
        maxLength={100}
        defaultValue={values.familyName}
        error={errors.familyName}
      />
      <TextField
        id="employer-birthdate"
        name="birthdate"
        type="date"
        label="Birthdate"
        autoComplete="bday"
        hint="You must be 18 or older to hire on ClockIn."
        required
        defaultValue={values.birthdate}
        error={errors.birthdate}
      />
      <SubmitButton pending={pending}>Create employer account</SubmitButton>
    </form>
  );
}
