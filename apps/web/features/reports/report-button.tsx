'use client';

import { useActionState } from 'react';
import type { ReportTargetType } from '../../lib/messages-api';
import { FieldError, FormMessage, TextAreaField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { reportTarget, type ReportValues } from './report-action';
import { REPORT_CATEGORIES, reportTargetName } from './report-options';

interface ReportButtonProps {
  targetType: ReportTargetType;
  targetId: string;
  /** The page to come back to after signing in. */
  returnTo: string;
}

/**
 * Renders a "Report" disclosure: it opens a short form with the reasons that matter most for students
 * and an optional description, and sends the report to ClockIn staff.
 */
export function ReportButton({ targetType, targetId, returnTo }: ReportButtonProps) {
  const [state, action, pending] = useActionState(reportTarget.bind(null, { targetType, targetId, returnTo }), {
    attempt: 0,
  } as FormState<ReportValues>);
  const name = reportTargetName(targetType);
  const idPrefix = `report-${targetId}`;

  if (state.outcome === 'success') return <FormMessage outcome="success" message={state.message} />;

  return (
    <details className="report" open={state.outcome === 'error' ? true : undefined}>
      <summary>Report this {name}</summary>
      <form action={action} key={state.attempt} noValidate className="form" aria-label={`Report this ${name}`}>
        <FormMessage outcome={state.outcome} message={state.message} />
        <fieldset
          className="fieldset"
          aria-describedby={state.fieldErrors?.category ? `${idPrefix}-category-error` : undefined}
        >
          <legend>What went wrong?</legend>
          <FieldError id={`${idPrefix}-category`} error={state.fieldErrors?.category} />
          {REPORT_CATEGORIES.map((category) => (
            <div key={category.value}>
              <input
                type="radio"
                id={`${idPrefix}-${category.value}`}
                name="category"
                value={category.value}
                defaultChecked={state.values?.category === category.value}
              />{' '}
              <label htmlFor={`${idPrefix}-${category.value}`}>{category.label}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          id={`${idPrefix}-details`}
          name="details"
          label="Details (optional)"
          hint="What happened? ClockIn staff read this; the employer never sees your report."
          rows={3}
          maxLength={2000}
          defaultValue={state.values?.details}
          error={state.fieldErrors?.details}
        />
        <button type="submit" className="button button-danger" disabled={pending}>
          Send report
        </button>
      </form>
    </details>
  );
}
