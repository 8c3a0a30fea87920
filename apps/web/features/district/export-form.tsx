'use client';

import { useActionState } from 'react';
import { FormMessage } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { requestExport } from './export-action';

export function ExportForm() {
  const [state, action, pending] = useActionState(requestExport, { attempt: 0 } as FormState);
  return (
    <form action={action} className="form" aria-labelledby="new-export-heading">
      <h2 id="new-export-heading">New export</h2>
      <FormMessage outcome={state.outcome} message={state.message} />
      <fieldset className="fieldset">
        <legend>File format</legend>
        <label className="choice">
          <input type="radio" name="format" value="csv" defaultChecked /> CSV (spreadsheets)
        </label>
        <label className="choice">
          <input type="radio" name="format" value="json" /> JSON (other systems)
        </label>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Starting…' : 'Start export'}
      </button>
    </form>
  );
}
