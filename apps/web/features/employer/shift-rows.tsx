'use client';

import { useState } from 'react';
import { DAYS_OF_WEEK } from '../../lib/format';
import { FieldError } from '../forms/fields';
import { EMPTY_SHIFT, type ShiftFormValues } from './listing-input';

const DAY_OPTIONS = DAYS_OF_WEEK.map((day) => ({ value: String(day.value), label: day.name }));

export interface ShiftRow extends ShiftFormValues {
  /** Stable React key, so removing a row keeps the focus and values of the others. */
  key: number;
}

interface ShiftRowsProps {
  rows: readonly ShiftRow[];
  onRowsChange: (rows: ShiftRow[]) => void;
  errors: Record<string, string>;
}

/** Weekly shift rows that the employer can add and remove. Each row is a group named "Shift N". */
export function ShiftRows({ rows, onRowsChange, errors }: ShiftRowsProps) {
  const [announcement, setAnnouncement] = useState('');

  function addRow() {
    const previous = rows[rows.length - 1];
    const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
    onRowsChange([...rows, { ...(previous ?? EMPTY_SHIFT), key }]);
    setAnnouncement(`Shift ${rows.length + 1} added.`);
  }

  function removeRow(key: number, position: number) {
    onRowsChange(rows.filter((row) => row.key !== key));
    setAnnouncement(`Shift ${position} removed.`);
  }

  function updateRow(key: number, field: keyof ShiftFormValues, value: string) {
    onRowsChange(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
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
