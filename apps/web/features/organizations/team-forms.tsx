'use client';

import { useActionState } from 'react';
import type { OrganizationRole } from '../../lib/organizations-api';
import { FormMessage, SelectField, SubmitButton, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { changeRole, invite, remove, withdrawInvitation, type InviteValues } from './team-actions';

const ROLES = [
  { value: 'member', label: 'Member: manages listings and applicants' },
  { value: 'admin', label: 'Admin: also manages the team (two-step verification required)' },
] as const;

export function InviteForm() {
  const [state, action, pending] = useActionState(invite, { attempt: 0 } as FormState<InviteValues>);
  const values = state.outcome === 'success' ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-label="Invite a person">
      <FormMessage outcome={state.outcome} message={state.message} />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label="Email address"
        hint="They accept with an employer account under this address."
        autoComplete="off"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <SelectField
        id="invite-role"
        name="role"
        label="Role"
        options={ROLES}
        required
        defaultValue={values.role ?? 'member'}
        error={errors.role}
      />
      <SubmitButton pending={pending}>Send invitation</SubmitButton>
    </form>
  );
}

/** Role change for one member, named in the form's label for screen reader users. */
export function MemberRoleForm({ userId, name, role }: { userId: string; name: string; role: OrganizationRole }) {
  const [state, action, pending] = useActionState(changeRole.bind(null, userId), { attempt: 0 } as FormState);
  const other: OrganizationRole = role === 'admin' ? 'member' : 'admin';
  return (
    <form action={action} className="inline-form" aria-label={`Role of ${name}`}>
      <FormMessage outcome={state.outcome} message={state.message} />
      <input type="hidden" name="role" value={other} />
      <button type="submit" className="button button-secondary" disabled={pending}>
        {other === 'admin' ? 'Make admin' : 'Make member'}
        <span className="visually-hidden"> {name}</span>
      </button>
    </form>
  );
}

export function RemoveMemberForm({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(remove.bind(null, userId), { attempt: 0 } as FormState);
  return (
    <form action={action} className="inline-form" aria-label={`Remove ${name}`}>
      <FormMessage outcome={state.outcome} message={state.message} />
      <button type="submit" className="button button-danger" disabled={pending}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </form>
  );
}

export function WithdrawInvitationForm({ invitationId, email }: { invitationId: string; email: string }) {
  const [state, action, pending] = useActionState(withdrawInvitation.bind(null, invitationId), {
    attempt: 0,
  } as FormState);
  return (
    <form action={action} className="inline-form" aria-label={`Withdraw the invitation to ${email}`}>
      <FormMessage outcome={state.outcome} message={state.message} />
      <button type="submit" className="button button-danger" disabled={pending}>
        Withdraw<span className="visually-hidden"> the invitation to {email}</span>
      </button>
    </form>
  );
}
