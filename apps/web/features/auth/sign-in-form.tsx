'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { signIn, type SignInValues } from './sign-in-action';

interface SignInFormProps {
  email?: string;
  returnTo?: string;
}

export function SignInForm({ email, returnTo }: SignInFormProps) {
  const [state, action, pending] = useActionState(signIn, { attempt: 0, values: { email } } as FormState<SignInValues>);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      {returnTo && <input type="hidden" name="next" value={returnTo} />}
      <TextField
        id="sign-in-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
