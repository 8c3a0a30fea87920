'use client';

import { useActionState } from 'react';
import { FormMessage } from '../forms/fields';
import type { FormState } from '../forms/form-state';

type ActionState = FormState<Record<string, string>>;

interface ActionButtonProps {
  /** A Server Action with its ids bound, taking the previous state. */
  action: (previous: ActionState) => Promise<ActionState>;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
}

/** Renders one button that runs a Server Action and shows its outcome next to it. */
export function ActionButton({ action, label, variant = 'secondary' }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, { attempt: 0 } as ActionState);
  return (
    <form action={formAction} className="inline-form">
      <button type="submit" className={`button button-${variant}`} disabled={pending}>
        {label}
      </button>
      <FormMessage outcome={state.outcome} message={state.message} />
    </form>
  );
}
