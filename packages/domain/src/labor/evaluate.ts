import { createSchoolCalendar } from './calendar.ts';
import { DUTIES, dutyProhibitionsFor, type DutyId } from './duties.ts';
import { normalizeRequest, type Shift } from './input.ts';
import { addToTotals, checkDayHours, checkRestPeriods, checkWeekHours, createRunningTotals } from './limit-checks.ts';
import { minimumAgeMessage, prohibitedDutyMessage } from './messages.ts';
import { determineWorkPermit } from './permits.ts';
import { MINIMUM_AGE_RULE } from './rules.ts';
import {
  checkEarliestStart,
  checkLatestEnd,
  checkNightBeforeSchool,
  checkSchoolDayStart,
  checkSchoolHours,
  type CheckContext,
} from './shift-checks.ts';
import type { LaborCheckRequest, LaborVerdict, ShiftVerdict, Violation } from './types.ts';

function checkMinimumAge(shift: Shift): Violation[] {
  const rule = MINIMUM_AGE_RULE;
  const inForce = rule.effectiveFrom <= shift.date;
  if (!inForce || shift.age >= rule.minimumAge) return [];
  // NOTE: applied even when the employer is not covered by the FLSA, because no rules for
  // workers under 14 are encoded and Ohio's own minimum age was not checked.
  return [{ rule: 'minimum-age', citation: rule.citation, message: minimumAgeMessage(shift.age, rule.minimumAge) }];
}

function checkDuties(shift: Shift, duties: readonly DutyId[], flsaCovered: boolean): Violation[] {
  const violations: Violation[] = [];
  for (const dutyId of duties) {
    for (const prohibition of dutyProhibitionsFor(dutyId, shift.age, shift.date, flsaCovered)) {
      violations.push({
        rule: 'prohibited-duty',
        citation: prohibition.citation,
        message: prohibitedDutyMessage(shift.age, DUTIES[dutyId].label, prohibition.underAge),
      });
    }
  }
  return violations;
}

/**
 * Checks a worker's shifts against Ohio and federal rules for minors and decides the work permit.
 * Where both laws set a limit, the stricter one decides. Cumulative limits are checked in time
 * order, so the first shift that pushes a daily or weekly total over its limit fails, along with
 * every later shift that adds to that total. A prohibited duty fails every shift the worker is
 * too young for.
 * Throws LaborInputError when the request is invalid.
 */
export function evaluateShifts(request: LaborCheckRequest): LaborVerdict {
  return evaluateShiftList(request, 'shifts');
}

/** Runs `evaluateShifts`, naming the shift list `listName` in error messages. */
export function evaluateShiftList(request: LaborCheckRequest, listName: string): LaborVerdict {
  const input = normalizeRequest(request, listName);
  const calendar = createSchoolCalendar(input.schoolDays);
  const ordered = [...input.shifts].sort((a, b) => a.startInstant - b.startInstant);
  const totals = createRunningTotals();
  const verdicts = new Map<number, ShiftVerdict>();

  ordered.forEach((shift, position) => {
    const context: CheckContext = {
      shift,
      rules: { age: shift.age, date: shift.date, flsaCovered: input.flsaCovered, graduated: input.graduated },
      calendar,
      schoolHours: input.schoolHours,
      allShifts: input.shifts,
    };
    addToTotals(totals, shift);

    const violations = [
      ...checkMinimumAge(shift),
      ...checkDuties(shift, input.duties, input.flsaCovered),
      ...checkSchoolHours(context),
      ...checkEarliestStart(context),
      ...checkLatestEnd(context),
      ...checkNightBeforeSchool(context),
      ...checkSchoolDayStart(context),
      ...checkDayHours(context, totals),
      ...checkWeekHours(context, totals),
      ...checkRestPeriods(context, ordered.slice(0, position)),
    ];
    verdicts.set(shift.index, { allowed: violations.length === 0, age: shift.age, violations });
  });

  const shifts = input.shifts.map((shift) => {
    const verdict = verdicts.get(shift.index);
    if (!verdict) throw new Error(`Internal error: evaluateShifts skipped shift ${shift.index}.`);
    return verdict;
  });

  const workPermit = determineWorkPermit({
    ages: input.shifts.map((shift) => shift.age),
    fixedAge: input.age,
    shiftDates: input.shifts.map((shift) => shift.date),
    duties: input.duties,
    calendar,
  });

  return {
    allowed: shifts.every((verdict) => verdict.allowed),
    shifts,
    workPermit,
    assumedSchoolCalendar: calendar.assumed && calendar.wasConsulted(),
  };
}
