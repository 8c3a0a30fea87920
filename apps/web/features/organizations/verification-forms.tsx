'use client';

import { useActionState } from 'react';
import type { OrganizationStatus } from '../../lib/organizations-api';
import { FormMessage, TextAreaField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { decide, type DecisionValues } from './verification-actions';

interface DecisionFormProps {
  organizationId: string;
  organizationName: string;
  status: OrganizationStatus;
}

/**
 * Offers the decisions that fit the organization's status: verify or reject a pending one,
 * suspend a verified one, reinstate a suspended one. A rejected one waits for the employer.
 */
export function OrganizationDecisionForm({ organizationId, organizationName, status }: DecisionFormProps) {
  const [state, action, pending] = useActionState(decide.bind(null, organizationId), {
    attempt: 0,
  } as FormState<DecisionValues>);

  if (state.outcome === 'success') return <FormMessage outcome="success" message={state.message} />;
  if (status === 'rejected') return null;

  const reasonField = (label: string, hint: string) => (
    <TextAreaField
      id={`reason-${organizationId}`}
      name="reason"
      label={label}
      hint={hint}
      rows={3}
      maxLength={1000}
      defaultValue={state.values?.reason}
      error={state.fieldErrors?.reason}
    />
  );

  return (
    <form
      action={action}
      key={state.attempt}
      noValidate
      className="form review-form"
      aria-label={`Decide on ${organizationName}`}
    >
      <FormMessage outcome={state.outcome} message={state.message} />
      {status === 'pending' &&
        reasonField('Reason for rejection', 'Needed only to reject. The employer sees this text and can correct it.')}
      {status === 'verified' &&
        reasonField(
          'Reason for suspension',
          'Needed to suspend. Kept for staff; the employer is told to contact support.',
        )}
      <div className="button-row">
        {status === 'pending' && (
          <>
            <button type="submit" name="decision" value="verify" className="button button-primary" disabled={pending}>
              Verify
            </button>
            <button type="submit" name="decision" value="reject" className="button button-danger" disabled={pending}>
              Reject
            </button>
          </>
        )}
        {status === 'verified' && (
          <button type="submit" name="decision" value="suspend" className="button button-danger" disabled={pending}>
            Suspend
          </button>
        )}
        {status === 'suspended' && (
          <button type="submit" name="decision" value="reinstate" className="button button-primary" disabled={pending}>
            Reinstate
          </button>
        )}
      </div>
    </form>
  );
}
