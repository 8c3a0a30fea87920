'use server';

import { redirect } from 'next/navigation';
import { ApiError } from '../../lib/api';
import { checkDatedShifts, type ShiftsCheck } from '../../lib/labor-api';
import { readSession } from '../../lib/session';
import { failedForm, fieldErrorSummary, type FormState } from '../forms/form-state';
import { hourLimitsForAge } from './hour-limits';
import {
  ageOn,
  readPlannerForm,
  totalsByDay,
  totalsByWeek,
  validatePlan,
  workedMinutes,
  type CheckedShift,
  type PeriodTotal,
  type PlannedShiftValues,
} from './planner-plan';
import { readStudentBirthdate, SignInRequiredError } from './student-birthdate';

export interface PlannerValues {
  rows: PlannedShiftValues[];
}

export interface PlannerResult {
  shifts: CheckedShift[];
  days: PeriodTotal[];
  weeks: PeriodTotal[];
  assumedSchoolCalendar: boolean;
}

export type PlannerState = FormState<PlannerValues> & { result?: PlannerResult };

const SIGN_IN_PATH = '/sign-in?next=/planner';

/** Maps an API error field such as "shifts.2.date" to the planner row it came from. */
function rowFieldFor(apiField: string | undefined, rowIndexes: readonly number[]): string | null {
  const match = /^shifts\.(\d+)/.exec(apiField ?? '');
  const row = match ? rowIndexes[Number(match[1])] : undefined;
  return row === undefined ? null : `row-${row}`;
}

/**
 * Checks the student's planned shifts across all their jobs with the API's labor engine, for
 * their age on each date, and adds the totals per day and per week.
 */
export async function checkPlan(previous: PlannerState, formData: FormData): Promise<PlannerState> {
  const rows = readPlannerForm(formData);
  const values = { rows };
  const { shifts, rowIndexes, errors } = validatePlan(rows);
  if (Object.keys(errors).length > 0) {
    return failedForm(previous, errors.plan ?? fieldErrorSummary(errors), errors, values);
  }

  const session = await readSession();
  if (!session.accessToken) redirect(SIGN_IN_PATH);

  let birthdate: string;
  let verdict: ShiftsCheck;
  try {
    birthdate = await readStudentBirthdate(session.accessToken);
    verdict = await checkDatedShifts(
      birthdate,
      shifts.map(({ date, start, end, breakMinutes }) => ({ date, start, end, breakMinutes })),
    );
  } catch (error) {
    if (error instanceof SignInRequiredError) redirect(SIGN_IN_PATH);
    if (error instanceof ApiError && error.statusCode === 400) {
      const field = rowFieldFor(error.field, rowIndexes);
      return failedForm(
        previous,
        field ? 'Fix the shift marked below.' : error.message,
        field ? { [field]: error.message } : {},
        values,
      );
    }
    console.error('Hours planner check failed.', { error: error instanceof Error ? error.message : String(error) });
    return failedForm(previous, 'We could not check your plan. Try again in a few minutes.', {}, values);
  }

  const checked: CheckedShift[] = shifts.map((shift, index) => ({
    ...shift,
    minutes: workedMinutes(shift),
    allowed: verdict.shifts[index]?.allowed ?? false,
    violations: verdict.shifts[index]?.violations ?? [],
  }));
  const limitsOn = (date: string) => hourLimitsForAge(ageOn(birthdate, date));
  const brokenCount = checked.filter((shift) => !shift.allowed).length;

  return {
    attempt: previous.attempt + 1,
    outcome: 'success',
    message:
      brokenCount === 0
        ? 'Every shift in your plan is within the law.'
        : `${brokenCount} of ${checked.length} shifts break a rule. See the reasons below.`,
    values,
    result: {
      shifts: checked,
      days: totalsByDay(checked, limitsOn),
      weeks: totalsByWeek(checked, limitsOn),
      assumedSchoolCalendar: verdict.assumedSchoolCalendar,
    },
  };
}
