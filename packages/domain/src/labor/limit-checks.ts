// Cumulative checks: hours per day, hours per week and rest periods. Shifts are checked in time
// order, and each check counts the shifts before it, so the shift that first pushes a total over
// its limit fails, and so does every later shift that adds to the same total.

import { joinCitations, strictestBrokenLimit } from './binding.ts';
import type { Shift } from './input.ts';
import { dayHoursMessage, restPeriodMessage, weekHoursMessage, type RestShortfall } from './messages.ts';
import { rulesInForce, type HoursCapName, type RestPeriodRule } from './rules.ts';
import type { CheckContext } from './shift-checks.ts';
import { weekStart } from './dates.ts';
import type { Violation } from './types.ts';

/** Minutes worked in a shift, not counting its break. */
export function workedMinutes(shift: Shift): number {
  return shift.end - shift.start - shift.breakMinutes;
}

/**
 * Minutes worked per day and per week by the shifts checked so far. A shift counts in full
 * toward the day and the week it starts in, even when it ends after midnight.
 */
export interface RunningTotals {
  byDay: Map<string, number>;
  byWeek: Map<string, number>;
}

export function createRunningTotals(): RunningTotals {
  return { byDay: new Map(), byWeek: new Map() };
}

/** Adds `shift` to the totals. Call once per shift, in time order, before checking it. */
export function addToTotals(totals: RunningTotals, shift: Shift): void {
  const worked = workedMinutes(shift);
  const sunday = weekStart(shift.date);
  totals.byDay.set(shift.date, (totals.byDay.get(shift.date) ?? 0) + worked);
  totals.byWeek.set(sunday, (totals.byWeek.get(sunday) ?? 0) + worked);
}

function checkCap(
  context: CheckContext,
  name: HoursCapName,
  total: number,
  message: (limit: number) => string,
): Violation[] {
  const binding = strictestBrokenLimit(
    rulesInForce(name, context.rules),
    (version) => version.maxMinutes,
    (limit) => total > limit,
    'lower',
  );
  if (!binding) return [];
  return [{ rule: name, citation: binding.citation, message: message(binding.limit) }];
}

function hasCaps(context: CheckContext, names: readonly HoursCapName[]): boolean {
  return names.some((name) => rulesInForce(name, context.rules).length > 0);
}

export function checkDayHours(context: CheckContext, totals: RunningTotals): Violation[] {
  // Skip the calendar lookup when no cap applies, so that it does not count as consulted.
  if (!hasCaps(context, ['school-day-hours', 'non-school-day-hours'])) return [];
  const { shift, calendar } = context;
  const total = totals.byDay.get(shift.date) ?? 0;
  const schoolDay = calendar.isSchoolDay(shift.date);
  const name = schoolDay ? 'school-day-hours' : 'non-school-day-hours';
  return checkCap(context, name, total, (limit) => dayHoursMessage(shift.age, schoolDay, limit, total, shift.date));
}

export function checkWeekHours(context: CheckContext, totals: RunningTotals): Violation[] {
  if (!hasCaps(context, ['school-week-hours', 'non-school-week-hours'])) return [];
  const { shift, calendar } = context;
  const sunday = weekStart(shift.date);
  const total = totals.byWeek.get(sunday) ?? 0;
  const schoolWeek = calendar.isSchoolWeek(shift.date);
  const name = schoolWeek ? 'school-week-hours' : 'non-school-week-hours';
  return checkCap(context, name, total, (limit) => weekHoursMessage(shift.age, schoolWeek, limit, total, sunday));
}

/**
 * Measures the run of work that ends with `shift`. Shifts less than one rest period apart join one
 * run, and the gap between them counts as work time. `breakMinutes` gives no times, so a break
 * is taken to be split into rest periods of at least `minRestMinutes` placed to divide the work
 * evenly. A break shorter than one rest period is not a rest, and its time counts as work.
 */
function measureRun(version: RestPeriodRule, shift: Shift, earlier: readonly Shift[]): RestShortfall {
  let consecutiveMinutes = 0;
  let restPeriods = 0;
  let shiftCount = 0;
  let next: Shift | null = null;

  for (const current of [shift, ...[...earlier].reverse()]) {
    if (next !== null) {
      const gap = next.startInstant - current.endInstant;
      if (gap >= version.minRestMinutes) break;
      consecutiveMinutes += gap;
    }
    const rests = Math.floor(current.breakMinutes / version.minRestMinutes);
    const restTime = rests > 0 ? current.breakMinutes : 0;
    consecutiveMinutes += current.end - current.start - restTime;
    restPeriods += rests;
    shiftCount += 1;
    next = current;
  }

  return {
    consecutiveMinutes,
    restPeriods,
    maxConsecutiveMinutes: version.maxConsecutiveMinutes,
    minRestMinutes: version.minRestMinutes,
    shiftCount,
  };
}

/** Checks rest periods. `earlier` lists the shifts before `context.shift`, in time order. */
export function checkRestPeriods(context: CheckContext, earlier: readonly Shift[]): Violation[] {
  const versions = rulesInForce('rest-period', context.rules);
  const broken: Array<{ version: RestPeriodRule; shortfall: RestShortfall }> = [];

  for (const version of versions) {
    const shortfall = measureRun(version, context.shift, earlier);
    // Exactly `maxConsecutiveMinutes` of work before each rest period is allowed.
    if (shortfall.consecutiveMinutes > version.maxConsecutiveMinutes * (shortfall.restPeriods + 1)) {
      broken.push({ version, shortfall });
    }
  }

  const first = broken[0];
  if (!first) return [];
  return [
    {
      rule: 'rest-period',
      citation: joinCitations(broken.map((entry) => entry.version)),
      message: restPeriodMessage(first.shortfall),
    },
  ];
}
