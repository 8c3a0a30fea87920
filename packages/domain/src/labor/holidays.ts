import { dateParts, dayOfWeek, addDays, lastWeekdayOfMonth, makeDate, nthWeekdayOfMonth } from './dates.ts';

/** A US federal holiday (5 U.S.C. 6103) in one year. */
export interface FederalHoliday {
  name: string;
  /** Date the holiday falls on. */
  date: string;
  /**
   * Date federal offices close for it: the Friday before a Saturday holiday and the Monday
   * after a Sunday one. New Year's Day on a Saturday is observed on December 31 of the year before.
   */
  observedDate: string;
}

const MONDAY = 1;
const THURSDAY = 4;

/** First year Juneteenth National Independence Day was a federal holiday (enacted June 17, 2021). */
const JUNETEENTH_FIRST_YEAR = 2021;

function observedDateOf(date: string): string {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

/** Returns the federal holidays that fall in `year`, in date order, with their observed dates. */
export function federalHolidays(year: number): FederalHoliday[] {
  const holidays: Array<[string, string]> = [
    ["New Year's Day", makeDate(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekdayOfMonth(year, 1, MONDAY, 3)],
    ["Washington's Birthday", nthWeekdayOfMonth(year, 2, MONDAY, 3)],
    ['Memorial Day', lastWeekdayOfMonth(year, 5, MONDAY)],
  ];
  if (year >= JUNETEENTH_FIRST_YEAR) {
    holidays.push(['Juneteenth National Independence Day', makeDate(year, 6, 19)]);
  }
  holidays.push(
    ['Independence Day', makeDate(year, 7, 4)],
    ['Labor Day', laborDay(year)],
    ['Columbus Day', nthWeekdayOfMonth(year, 10, MONDAY, 2)],
    ['Veterans Day', makeDate(year, 11, 11)],
    ['Thanksgiving Day', nthWeekdayOfMonth(year, 11, THURSDAY, 4)],
    ['Christmas Day', makeDate(year, 12, 25)],
  );

  return holidays.map(([name, date]) => ({ name, date, observedDate: observedDateOf(date) }));
}

/** Returns Labor Day, the first Monday of September. */
export function laborDay(year: number): string {
  return nthWeekdayOfMonth(year, 9, MONDAY, 1);
}

/** Returns whether federal offices are closed on `date` for a holiday (its observed date). */
export function isObservedFederalHoliday(date: string): boolean {
  const { year } = dateParts(date);
  // December 31 can be the observed date of the next year's New Year's Day.
  const candidates = [...federalHolidays(year), ...federalHolidays(year + 1)];
  return candidates.some((holiday) => holiday.observedDate === date);
}
