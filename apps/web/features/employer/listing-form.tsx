'use client';

import { useActionState, useState } from 'react';
import { DAYS_OF_WEEK } from '../../lib/format';
import { FieldError, FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '../forms/fields';
import type { FormState } from '../forms/form-state';
import { createListing } from './create-listing-action';
import { EMPTY_SHIFT, PAY_UNITS, type ListingFormValues, type ShiftFormValues } from './listing-input';

const initialState: FormState<ListingFormValues> = { attempt: 0 };
const DAY_OPTIONS = DAYS_OF_WEEK.map((day) => ({ value: String(day.value), label: day.name }));

export function ListingForm() {
  const [state, action, pending] = useActionState(createListing, initialState);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} key={state.attempt} noValidate className="form">
      <FormMessage outcome={state.outcome} message={state.message} />

      <TextField
        id="listing-title"
        name="title"
        label="Job title"
        required
        maxLength={120}
        defaultValue={values.title}
        error={errors.title}
      />
      <TextAreaField
        id="listing-description"
        name="description"
        label="Description"
        hint="What the job involves, who it suits and what students will learn. 10 to 5,000 characters."
        required
        rows={8}
        maxLength={5000}
        defaultValue={values.description}
        error={errors.description}
      />

      <fieldset className="fieldset">
        <legend>Pay</legend>
        <div className="field-grid">
          <TextField
            id="listing-pay-min"
            name="payMin"
            label="Lowest pay (dollars)"
            inputMode="decimal"
            hint="For example 12.50"
            required
            defaultValue={values.payMin}
            error={errors.payMin}
          />
          <TextField
            id="listing-pay-max"
            name="payMax"
            label="Highest pay (dollars, optional)"
            inputMode="decimal"
            defaultValue={values.payMax}
            error={errors.payMax}
          />
          <SelectField
            id="listing-pay-unit"
            name="payUnit"
            label="Pay is counted"
            options={PAY_UNITS}
            required
            defaultValue={values.payUnit ?? 'hour'}
            error={errors.payUnit}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Where the work happens</legend>
        <p className="field-hint">Students browsing jobs see the city and ZIP code, not the street address.</p>
        <TextField
          id="listing-address"
          name="addressLine"
          label="Street address"
          autoComplete="street-address"
          required
          defaultValue={values.addressLine}
          error={errors.addressLine}
        />
        <div className="field-grid">
          <TextField
            id="listing-city"
            name="city"
            label="City"
            autoComplete="address-level2"
            required
            defaultValue={values.city}
            error={errors.city}
          />
          <TextField
            id="listing-zip"
            name="zip"
            label="ZIP code"
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={5}
            required
            defaultValue={values.zip}
            error={errors.zip}
          />
        </div>
      </fieldset>

      <ShiftRows initialShifts={values.shifts ?? [EMPTY_SHIFT]} errors={errors} />

      <SubmitButton pending={pending}>Submit listing</SubmitButton>
    </form>
  );
}

interface ShiftRow extends ShiftFormValues {
  key: number;
}

/** Weekly shift rows that the employer can add and remove. Each row is a group named "Shift N". */
function ShiftRows({ initialShifts, errors }: { initialShifts: ShiftFormValues[]; errors: Record<string, string> }) {
  const [rows, setRows] = useState<ShiftRow[]>(() => initialShifts.map((shift, index) => ({ ...shift, key: index })));
  const [nextKey, setNextKey] = useState(initialShifts.length);
  const [announcement, setAnnouncement] = useState('');

  function addRow() {
    const previous = rows[rows.length - 1];
    setRows([...rows, { ...(previous ?? EMPTY_SHIFT), key: nextKey }]);
    setNextKey(nextKey + 1);
    setAnnouncement(`Shift ${rows.length + 1} added.`);
  }

  function removeRow(key: number, position: number) {
    setRows(rows.filter((row) => row.key !== key));
    setAnnouncement(`Shift ${position} removed.`);
  }

  function updateRow(key: number, field: keyof ShiftFormValues, value: string) {
    setRows(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  return (
    <fieldset className="fieldset">
      <legend>Weekly schedule</legend>
      <p className="field-hint" id="schedule-hint">
        Add one row for each shift in a typical week. Times are local Ohio time.
      </p>
      <FieldError id="schedule" error={errors.schedule} />
      {rows.map((row, index) => {
        const id = `shift-${row.key}`;
        const error = errors[`shift-${index}`];
        return (
          <fieldset key={row.key} className="shift-row" aria-describedby={error ? `${id}-error` : undefined}>
            <legend>Shift {index + 1}</legend>
            <FieldError id={id} error={error} />
            <div className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-day`}>Day</label>
                <select
                  id={`${id}-day`}
                  name="shiftDay"
                  value={row.day}
                  onChange={(event) => updateRow(row.key, 'day', event.target.value)}
                >
                  {DAY_OPTIONS.map((day) => (
                    <option key={day.value} value={day.value}>
                      {day.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-start`}>Start time</label>
                <input
                  id={`${id}-start`}
                  name="shiftStart"
                  type="time"
                  required
                  value={row.start}
                  onChange={(event) => updateRow(row.key, 'start', event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-end`}>End time</label>
                <input
                  id={`${id}-end`}
                  name="shiftEnd"
                  type="time"
                  required
                  value={row.end}
                  onChange={(event) => updateRow(row.key, 'end', event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-break`}>Break (minutes)</label>
                <input
                  id={`${id}-break`}
                  name="shiftBreakMinutes"
                  type="number"
                  min="0"
                  step="5"
                  inputMode="numeric"
                  value={row.breakMinutes}
                  onChange={(event) => updateRow(row.key, 'breakMinutes', event.target.value)}
                />
              </div>
            </div>
            {rows.length > 1 && (
              <button type="button" className="button button-secondary" onClick={() => removeRow(row.key, index + 1)}>
                Remove shift {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="button button-secondary" onClick={addRow}>
        Add shift
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
