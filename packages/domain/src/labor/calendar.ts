import { addDays, dateParts, dayOfWeek, makeDate, nthWeekdayOfMonth, weekStart } from './dates.ts';
import { isObservedFederalHoliday } from './holidays.ts';

/**
 * School days of the worker's school district. Every lookup marks the calendar as consulted, so
 * a verdict can report whether it depended on an assumed calendar.
 */
export interface SchoolCalendar {
  /** True when no school days were given and the default calendar is in use. */
  readonly assumed: boolean;
  isSchoolDay(date: string): boolean;
  /** Returns whether the Sunday-to-Saturday week containing `date` has a school day. */
  isSchoolWeek(date: string): boolean;
  /**
   * Returns whether `date` lies in a school break: a run of days without school that has school
   * days on both sides and at least `minWeekdays` weekdays.
   */
  isInSchoolBreak(date: string, minWeekdays: number): boolean;
  /**
   * Returns whether `date` lies in summer vacation: the run of days without school that contains
   * July 1, limited to May through September.
   */
  isInSummerVacation(date: string): boolean;
  wasConsulted(): boolean;
}

/** Returns the fourth Monday of August, the first school day of the default calendar. */
export function defaultSchoolYearStart(year: number): string {
  return nthWeekdayOfMonth(year, 8, 1, 4);
}

/**
 * Returns whether `date` is a school day in the calendar assumed when none is given: Monday to
 * Friday from the fourth Monday of August through May 31, except observed federal holidays.
 */
export function isDefaultSchoolDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;

  const { year } = dateParts(date);
  const inSpringTerm = date <= makeDate(year, 5, 31);
  const inFallTerm = date >= defaultSchoolYearStart(year);
  if (!inSpringTerm && !inFallTerm) return false;

  return !isObservedFederalHoliday(date);
}

/**
 * Maximum number of days searched in each direction for the school day that ends a break.
 * A summer vacation is about three months, so a year covers any real break.
 */
const BREAK_SEARCH_DAYS = 366;

/** Months (1–12) in which summer vacation can fall. Schools are in session in April and October. */
const SUMMER_FIRST_MONTH = 5;
const SUMMER_LAST_MONTH = 9;

/**
 * Creates the calendar for a request. With `schoolDays`, exactly those dates are school days, so
 * the list should cover the school year around the shifts. Without it, the default calendar
 * applies (see `isDefaultSchoolDay`).
 */
export function createSchoolCalendar(schoolDays?: readonly string[]): SchoolCalendar {
  const listedDays = schoolDays === undefined ? null : new Set(schoolDays);
  let consulted = false;

  const isSchoolDay = (date: string): boolean => {
    consulted = true;
    return listedDays ? listedDays.has(date) : isDefaultSchoolDay(date);
  };

  // Counts weekdays without school from `date` (exclusive) in direction `step` until a school
  // day. Returns null when no school day comes within the search window.
  const weekdaysUntilSchool = (date: string, step: 1 | -1): number | null => {
    let weekdays = 0;
    for (let offset = 1; offset <= BREAK_SEARCH_DAYS; offset += 1) {
      const next = addDays(date, offset * step);
      if (isSchoolDay(next)) return weekdays;
      const weekday = dayOfWeek(next);
      if (weekday !== 0 && weekday !== 6) weekdays += 1;
    }
    return null;
  };

  return {
    assumed: listedDays === null,
    isSchoolDay,

    isSchoolWeek(date) {
      const sunday = weekStart(date);
      for (let offset = 0; offset < 7; offset += 1) {
        if (isSchoolDay(addDays(sunday, offset))) return true;
      }
      return false;
    },

    isInSchoolBreak(date, minWeekdays) {
      if (isSchoolDay(date)) return false;
      const before = weekdaysUntilSchool(date, -1);
      const after = weekdaysUntilSchool(date, 1);
      if (before === null || after === null) return false;

      const weekday = dayOfWeek(date);
      const own = weekday !== 0 && weekday !== 6 ? 1 : 0;
      return before + own + after >= minWeekdays;
    },

    isInSummerVacation(date) {
      const { year, month } = dateParts(date);
      if (month < SUMMER_FIRST_MONTH || month > SUMMER_LAST_MONTH) return false;

      const julyFirst = makeDate(year, 7, 1);
      const step = date <= julyFirst ? 1 : -1;
      for (let current = date; ; current = addDays(current, step)) {
        if (isSchoolDay(current)) return false;
        if (current === julyFirst) return true;
      }
    },

    wasConsulted: () => consulted,
  };
}
