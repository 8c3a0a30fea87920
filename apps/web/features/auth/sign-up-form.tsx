'use client';

import { useActionState } from 'react';
import { GRADE_LEVELS } from '../../lib/format';
import { FormMessage, SelectField, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { SchoolPicker } from '../schools/school-picker';
import { signUp, type SignUpValues } from './sign-up-action';
import { PASSWORD_POLICY } from './validation';

const initialState: FormState<SignUpValues> = { attempt: 0 };

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUp, initialState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />

      <TextField
        id="sign-up-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        id="sign-up-password"
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
        id="sign-up-given-name"
        name="givenName"
        label="Given name"
        autoComplete="given-name"
        required
        maxLength={100}
        defaultValue={values.givenName}
        error={errors.givenName}
      />
      <TextField
        id="sign-up-family-name"
        name="familyName"
        label="Family name"
        autoComplete="family-name"
        required
        maxLength={100}
        defaultValue={values.familyName}
        error={errors.familyName}
      />
      <TextField
        id="sign-up-birthdate"
        name="birthdate"
        type="date"
        label="Birthdate"
        autoComplete="bday"
        hint="You must be 15 or older to use ClockIn."
        required
        defaultValue={values.birthdate}
        error={errors.birthdate}
      />
      <SchoolPicker
        id="sign-up-school"
        error={errors.schoolId}
        defaultSchoolId={values.schoolId}
        defaultSchoolName={values.schoolName}
      />
      <SelectField
        id="sign-up-grade-level"
        name="gradeLevel"
        label="Grade level"
        placeholder="Choose your grade"
        options={GRADE_LEVELS}
        required
        defaultValue={values.gradeLevel ?? ''}
        error={errors.gradeLevel}
      />

      <SubmitButton pending={pending}>Create account</SubmitButton>
    </form>
  );
}
