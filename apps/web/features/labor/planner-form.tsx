'use client';

import { useActionState, useState } from 'react';
import { formatClockTime } from '../../lib/format';
import { FieldError, FormMessage, SubmitButton } from '../forms/fields';
import { formatMinutes, formatWeekdayDate, formatCalendarDate } from './labor-text';
import { checkPlan, type PlannerResult, type PlannerState } from './planner-action';
import { EMPTY_PLANNED_SHIFT, MAX_JOB_NAME_LENGTH, type PeriodTotal, type PlannedShiftValues } from './planner-plan';
import { ReasonList } from './reasons';

/** Rows shown before the student adds any, so the form also works without JavaScript. */
const STARTING_ROWS = 3;

interface PlannerRow extends PlannedShiftValues {
  key: number;
}

function startingRows(rows: readonly PlannedShiftValues[] | undefined): PlannerRow[] {
  const values = rows && rows.length > 0 ? rows : Array.from({ length: STARTING_ROWS }, () => EMPTY_PLANNED_SHIFT);
  return values.map((row, index) => ({ ...row, key: index }));
}

/** Renders the hours planner: one row per planned shift across all the student's jobs, and the results. */
export function PlannerForm() {
  const [state, action, pending] = useActionState(checkPlan, { attempt: 0 } as PlannerState);
  return (
    <>
      <form action={action} key={state.attempt} noValidate className="form">
        <FormMessage outcome={state.outcome} message={state.message} />
        <PlannerRows initialRows={startingRows(state.values?.rows)} errors={state.fieldErrors ?? {}} />
        <SubmitButton pending={pending}>Check my plan</SubmitButton>
      </form>
      {state.result && <PlannerResults result={state.result} />}
    </>
  );
}

function PlannerRows({ initialRows, errors }: { initialRows: PlannerRow[]; errors: Record<string, string> }) {
  const [rows, setRows] = useState(initialRows);
  const [announcement, setAnnouncement] = useState('');

  function addRow() {
    const previous = rows[rows.length - 1];
    const key = Math.max(-1, ...rows.map((row) => row.key)) + 1;
    // A new row starts with the previous row's job, the usual case when planning several shifts.
    setRows([...rows, { ...EMPTY_PLANNED_SHIFT, job: previous?.job ?? '', key }]);
    setAnnouncement(`Shift ${rows.length + 1} added.`);
  }

  function removeRow(key: number, position: number) {
    setRows(rows.filter((row) => row.key !== key));
    setAnnouncement(`Shift ${position} removed.`);
  }

  function updateRow(key: number, field: keyof PlannedShiftValues, value: string) {
    setRows(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  return (
    <fieldset className="fieldset">
      <legend>Planned shifts</legend>
      <p className="field-hint">
        One row per shift, for every job you have. Times are local Ohio time. Empty rows are skipped.
      </p>
      {rows.map((row, index) => {
        const id = `planner-row-${row.key}`;
        const error = errors[`row-${index}`];
        const inputProps = {
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        return (
          <fieldset key={row.key} className="shift-row">
            <legend>Shift {index + 1}</legend>
            <FieldError id={id} error={error} />
            <div className="field-grid">
              <div className="field">
                <label htmlFor={`${id}-job`}>Job</label>
                <input
                  id={`${id}-job`}
                  name="job"
                  type="text"
                  maxLength={MAX_JOB_NAME_LENGTH}
                  value={row.job}
                  onChange={(event) => updateRow(row.key, 'job', event.target.value)}
                  {...inputProps}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-date`}>Date</label>
                <input
                  id={`${id}-date`}
                  name="date"
                  type="date"
                  value={row.date}
                  onChange={(event) => updateRow(row.key, 'date', event.target.value)}
                  {...inputProps}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-start`}>Start time</label>
                <input
                  id={`${id}-start`}
                  name="start"
                  type="time"
                  value={row.start}
                  onChange={(event) => updateRow(row.key, 'start', event.target.value)}
                  {...inputProps}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-end`}>End time</label>
                <input
                  id={`${id}-end`}
                  name="end"
                  type="time"
                  value={row.end}
                  onChange={(event) => updateRow(row.key, 'end', event.target.value)}
                  {...inputProps}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-break`}>Break (minutes)</label>
                <input
                  id={`${id}-break`}
                  name="breakMinutes"
                  type="number"
                  min="0"
                  step="5"
                  inputMode="numeric"
                  value={row.breakMinutes}
                  onChange={(event) => updateRow(row.key, 'breakMinutes', event.target.value)}
                  {...inputProps}
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

interface PeriodTableProps {
  caption: string;
  heading: string;
  totals: PeriodTotal[];
  formatPeriod: (date: string) => string;
}

function PeriodTable({ caption, heading, totals, formatPeriod }: PeriodTableProps) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Hours worked</th>
          <th scope="col">Limits at your age</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((total) => (
          <tr key={total.date}>
            <th scope="row">{formatPeriod(total.date)}</th>
            <td>{formatMinutes(total.minutes)}</td>
            <td>{total.caps.length > 0 ? total.caps.join(' ') : 'No hour limit'}</td>
            <td>{total.overCaps.length === 0 ? 'Within the limits' : <ReasonList reasons={total.overCaps} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlannerResults({ result }: { result: PlannerResult }) {
  return (
    <section aria-labelledby="planner-results-heading" className="panel">
      <h2 id="planner-results-heading">Your plan against the law</h2>
      <table className="table">
        <caption>Each planned shift</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Date</th>
            <th scope="col">Time</th>
            <th scope="col">Hours worked</th>
            <th scope="col">Allowed</th>
            <th scope="col">Rules broken</th>
          </tr>
        </thead>
        <tbody>
          {result.shifts.map((shift, index) => (
            <tr key={index}>
              <th scope="row">{shift.job}</th>
              <td>{formatWeekdayDate(shift.date)}</td>
              <td>
                {formatClockTime(shift.start)} – {formatClockTime(shift.end)}
                {shift.breakMinutes > 0 && <span className="cell-detail">{shift.breakMinutes} min break</span>}
              </td>
              <td>{formatMinutes(shift.minutes)}</td>
              <td>{shift.allowed ? 'Yes' : 'No'}</td>
              <td>{shift.violations.length === 0 ? 'None' : <ReasonList reasons={shift.violations} />}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Hours per day</h3>
      <PeriodTable
        caption="Hours worked each day, across all jobs"
        heading="Day"
        totals={result.days}
        formatPeriod={formatWeekdayDate}
      />
      <h3>Hours per week</h3>
      <PeriodTable
        caption="Hours worked each week (Sunday to Saturday), across all jobs"
        heading="Week of"
        totals={result.weeks}
        formatPeriod={formatCalendarDate}
      />
      {result.assumedSchoolCalendar && (
        <p className="cell-detail">
          ClockIn does not know your school’s calendar, so these checks assume a typical Ohio school year: school on
          weekdays from late August through May, except federal holidays.
        </p>
      )}
    </section>
  );
}
