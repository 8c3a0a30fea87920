'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { decideReportAction, type DecisionValues } from './decision-action';
import { REPORT_OUTCOMES } from './report-options';

/** Asks for the outcome and an optional note. The decision goes into the audit log. */
export function DecisionForm({ reportId }: { reportId: string }) {
  const [state, action, pending] = useActionState(decideReportAction.bind(null, reportId), {
    attempt: 0,
  } as FormState<DecisionValues>);

  if (state.outcome === 'success') return <FormMessage outcome="success" message={state.message} />;

  return (
    <form action={action} key={state.attempt} noValidate className="form" aria-label="Decide this report">
      <FormMessage outcome={state.outcome} message={state.message} />
      <SelectField
        id="decision-outcome"
        name="outcome"
        label="Outcome"
        placeholder="Choose an outcome"
        options={REPORT_OUTCOMES}
        defaultValue={state.values?.outcome}
        error={state.fieldErrors?.outcome}
      />
      <TextAreaField
        id="decision-note"
        name="note"
        label="Note for the record (optional)"
        hint="What you checked and did. Staff see it, but the audit log keeps only the outcome."
        rows={3}
        maxLength={2000}
        defaultValue={state.values?.note}
        error={state.fieldErrors?.note}
      />
      <SubmitButton pending={pending}>Save decision</SubmitButton>
    </form>
  );
}
