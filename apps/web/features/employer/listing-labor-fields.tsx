'use client';

import { useState } from 'react';
import type { MinimumAge } from '../../lib/labor-api';
import { TextField } from '../forms/fields';
import { DutyFields } from './duty-fields';
import { EMPTY_SHIFT, MINIMUM_AGES, scheduleForCheck, type ListingFormValues } from './listing-input';
import { ScheduleWarnings } from './schedule-warnings';
import { ShiftRows, type ShiftRow } from './shift-rows';

interface ListingLaborFieldsProps {
  values: Partial<ListingFormValues>;
  errors: Record<string, string>;
  /** Ohio's date today (YYYY-MM-DD), the earliest start date the API accepts. */
  today: string;
}

function toMinimumAge(text: string): MinimumAge {
  if (text === '16') return 16;
  if (text === '18') return 18;
  return 15;
}

/**
 * Renders the parts of the listing form that decide who may legally work the job (weekly shifts,
 * duties, the employer's minimum age and the start date) and the live labor-law check.
 */
export function ListingLaborFields({ values, errors, today }: ListingLaborFieldsProps) {
  const [rows, setRows] = useState<ShiftRow[]>(() =>
    (values.shifts ?? [EMPTY_SHIFT]).map((shift, index) => ({ ...shift, key: index })),
  );
  const [duties, setDuties] = useState<string[]>(values.duties ?? []);
  const [minimumAge, setMinimumAge] = useState(values.minimumAge || '15');

  return (
    <>
      <ShiftRows rows={rows} onRowsChange={setRows} errors={errors} />
      <DutyFields selected={duties} onChange={setDuties} error={errors.duties} />

      <fieldset className="fieldset">
        <legend>Who you hire</legend>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="listing-minimum-age">Youngest age you hire</label>
            <p id="listing-minimum-age-hint" className="field-hint">
              Students younger than this cannot apply, even where the law would allow them.
            </p>
            {errors.minimumAge && (
              <p id="listing-minimum-age-error" className="field-error">
                {errors.minimumAge}
              </p>
            )}
            <select
              id="listing-minimum-age"
              name="minimumAge"
              value={minimumAge}
              aria-invalid={errors.minimumAge ? true : undefined}
              aria-describedby={
                errors.minimumAge ? 'listing-minimum-age-hint listing-minimum-age-error' : 'listing-minimum-age-hint'
              }
              onChange={(event) => setMinimumAge(event.target.value)}
            >
              {MINIMUM_AGES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="listing-starts-on"
            name="startsOn"
            label="First day of work"
            type="date"
            hint="Students see the law for their age on the first full week from this day."
            min={today}
            required
            defaultValue={values.startsOn || today}
            error={errors.startsOn}
          />
        </div>
      </fieldset>

      <ScheduleWarnings schedule={scheduleForCheck(rows)} duties={duties} minimumAge={toMinimumAge(minimumAge)} />
    </>
  );
}
