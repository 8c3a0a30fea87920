'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';

type CodeState = FormState<Record<string, never>>;

interface CodeFormProps {
  action: (previous: CodeState, formData: FormData) => Promise<CodeState>;
  submitLabel: string;
}

/** Form with one 6-digit authenticator code, used by both MFA sign-in steps. */
export function CodeForm({ action, submitLabel }: CodeFormProps) {
  const [state, formAction, pending] = useActionState(action, { attempt: 0 } as CodeState);

  return (
    <form action={formAction} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="mfa-code"
        name="code"
        label="Authentication code"
        hint="The 6-digit code shown in your authenticator app."
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        error={state.fieldErrors?.code}
      />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
