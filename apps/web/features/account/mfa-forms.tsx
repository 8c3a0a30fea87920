'use client';

import { useActionState } from 'react';
import { FormMessage } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { startMfaSetup, turnOffMfa } from './mfa-actions';

type MfaState = FormState<Record<string, never>>;

export function TurnOnMfaForm() {
  const [state, action, pending] = useActionState(startMfaSetup, { attempt: 0 } as MfaState);
  return (
    <form action={action} key={state.attempt} className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <button type="submit" className="button button-primary" disabled={pending}>
        Turn on two-step sign-in
      </button>
    </form>
  );
}

export function TurnOffMfaForm() {
  const [state, action, pending] = useActionState(turnOffMfa, { attempt: 0 } as MfaState);
  return (
    <form action={action} key={state.attempt} className="form">
      <FormMessage outcome={state.outcome} message={state.message} />
      <button type="submit" className="button button-danger" disabled={pending}>
        Turn off two-step sign-in
      </button>
    </form>
  );
}
