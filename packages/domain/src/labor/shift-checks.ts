// Checks that look at one shift's times: school hours, earliest start and latest end.

import { joinCitations, strictestBrokenLimit } from './binding.ts';
import type { SchoolCalendar } from './calendar.ts';
import { addDays, dateParts, makeDate } from './dates.ts';
import { laborDay } from './holidays.ts';
import type { Shift } from './input.ts';
import {
  earliestStartMessage,
  latestEndMessage,
  nightBeforeSchoolMessage,
  schoolDayStartMessage,
  schoolHoursMessage,
} from './messages.ts';
import { rulesInForce, type LatestEndRule, type RuleContext } from './rules.ts';
import { MINUTES_PER_DAY } from './time.ts';
import type { Violation } from './types.ts';

/** A shift with everything its checks read. */
export interface CheckContext {
  shift: Shift;
  rules: RuleContext;
  calendar: SchoolCalendar;
  schoolHours: { start: number; end: number };
  /** Every shift in the request, in any order. */
  allShifts: readonly Shift[];
}

export function checkSchoolHours(context: CheckContext): Violation[] {
  const versions = rulesInForce('school-hours', context.rules);
  if (versions.length === 0) return [];

  const { shift, calendar, schoolHours } = context;
  // A shift that crosses midnight can reach into the next day's school hours.
  const days = shift.end > MINUTES_PER_DAY ? [0, 1] : [0];
  for (const dayOffset of days) {
    const date = addDays(shift.date, dayOffset);
    const schoolStart = dayOffset * MINUTES_PER_DAY + schoolHours.start;
    const schoolEnd = dayOffset * MINUTES_PER_DAY + schoolHours.end;
    const overlaps = shift.start < schoolEnd && shift.end > schoolStart;
    if (overlaps && calendar.isSchoolDay(date)) {
      return [
        {
          rule: 'school-hours',
          citation: joinCitations(versions),
          message: schoolHoursMessage(shift.age, schoolHours.start, schoolHours.end, date),
        },
      ];
    }
  }
  return [];
}

export function checkEarliestStart(context: CheckContext): Violation[] {
  const { shift } = context;
  const binding = strictestBrokenLimit(
    rulesInForce('earliest-start', context.rules),
    (version) => version.earliestStart,
    (limit) => shift.start < limit,
    'higher',
  );
  if (!binding) return [];
  return [
    {
      rule: 'earliest-start',
      citation: binding.citation,
      message: earliestStartMessage(shift.age, binding.limit, shift.start),
    },
  ];
}

function isInSummerWindow(version: LatestEndRule, date: string): boolean {
  const { year } = dateParts(date);
  const from = makeDate(year, version.summerFrom.month, version.summerFrom.day);
  const through =
    version.summerThrough === 'labor-day'
      ? laborDay(year)
      : makeDate(year, version.summerThrough.month, version.summerThrough.day);
  return from <= date && date <= through;
}

/** Returns the latest end a version allows on `date`, in minutes from midnight. */
export function latestEndOn(version: LatestEndRule, date: string, calendar: SchoolCalendar): number {
  if (isInSummerWindow(version, date)) return version.summerLatestEnd;

  const breakWeekdays = version.schoolBreakMinWeekdays;
  if (breakWeekdays !== null && calendar.isInSchoolBreak(date, breakWeekdays)) {
    return version.summerLatestEnd;
  }
  return version.latestEnd;
}

export function checkLatestEnd(context: CheckContext): Violation[] {
  const { shift, calendar } = context;
  const binding = strictestBrokenLimit(
    rulesInForce('latest-end', context.rules),
    (version) => latestEndOn(version, shift.date, calendar),
    (limit) => shift.end > limit,
    'lower',
  );
  if (!binding) return [];
  return [
    {
      rule: 'latest-end',
      citation: binding.citation,
      message: latestEndMessage(shift.age, binding.limit, shift.end),
    },
  ];
}

/** Checks the latest end on a night before a school day. A shift belongs to the day it starts on. */
export function checkNightBeforeSchool(context: CheckContext): Violation[] {
  const versions = rulesInForce('latest-end-before-school-day', context.rules);
  const { shift, calendar } = context;
  if (versions.length === 0 || !calendar.isSchoolDay(addDays(shift.date, 1))) return [];

  const binding = strictestBrokenLimit(
    versions,
    (version) => version.latestEnd,
    (limit) => shift.end > limit,
    'lower',
  );
  if (!binding) return [];
  return [
    {
      rule: 'latest-end-before-school-day',
      citation: binding.citation,
      message: nightBeforeSchoolMessage(shift.age, binding.limit, shift.end),
    },
  ];
}

/** Returns whether any other shift has work after `after` minutes into the day before `shift`. */
function workedLateNightBefore(shift: Shift, allShifts: readonly Shift[], after: number): boolean {
  const lateFrom = shift.startInstant - shift.start - MINUTES_PER_DAY + after;
  return allShifts.some(
    (other) => other !== shift && other.endInstant > lateFrom && other.startInstant < shift.startInstant,
  );
}

export function checkSchoolDayStart(context: CheckContext): Violation[] {
  const versions = rulesInForce('earliest-start-on-school-day', context.rules);
  const { shift, calendar, allShifts } = context;
  if (versions.length === 0 || !calendar.isSchoolDay(shift.date)) return [];

  const lateWork = (version: (typeof versions)[number]): boolean =>
    workedLateNightBefore(shift, allShifts, version.lateWorkAfter);
  const binding = strictestBrokenLimit(
    versions,
    (version) => (lateWork(version) ? version.earliestStart : version.earlyStart),
    (limit) => shift.start < limit,
    'higher',
  );
  if (!binding) return [];

  const workedLate = versions.some(lateWork);
  return [
    {
      rule: 'earliest-start-on-school-day',
      citation: binding.citation,
      message: schoolDayStartMessage(shift.age, binding.limit, workedLate, shift.start),
    },
  ];
}
