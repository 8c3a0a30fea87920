'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { accept } from './invitation-actions';

export function InvitationAcceptForm({ token, organizationName }: { token: string; organizationName: string }) {
  const [state, action, pending] = useActionState(accept.bind(null, token), { attempt: 0 } as FormState);
  return (
    <form action={action} className="form" aria-label={`Join ${organizationName}`}>
      <FormMessage outcome={state.outcome} message={state.message} />
      <SubmitButton pending={pending}>Join {organizationName}</SubmitButton>
    </form>
  );
}
