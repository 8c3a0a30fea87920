'use client';

import { useActionState } from 'react';
import { FormMessage } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { signOutEverywhere } from './sign-out-action';

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhere, { attempt: 0 } as FormState);

  return (
    <form action={action} key={state.attempt} className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <button type="submit" className="button button-danger" disabled={pending}>
        Sign out everywhere
      </button>
    </form>
  );
}
