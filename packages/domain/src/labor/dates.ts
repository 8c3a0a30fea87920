// Calendar dates as YYYY-MM-DD strings. Arithmetic goes through day numbers
// (days since 1970-01-01) computed with Date.UTC, so the host time zone and
// daylight saving time never shift a date.

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Year, month (1–12) and day of month of a calendar date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses a YYYY-MM-DD string, or returns null when it is not a real calendar date. */
export function parseDate(text: string): DateParts | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  const isReal = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return isReal ? { year, month, day } : null;
}

function requireDate(text: string): DateParts {
  const parts = parseDate(text);
  if (!parts) {
    throw new RangeError(`Invalid date "${text}": expected a real calendar date as YYYY-MM-DD.`);
  }
  return parts;
}

/** Formats year, month (1–12) and day as YYYY-MM-DD. */
export function makeDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Converts a YYYY-MM-DD date to days since 1970-01-01. Throws RangeError on an invalid date. */
export function toDayNumber(date: string): number {
  const { year, month, day } = requireDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Converts days since 1970-01-01 back to a YYYY-MM-DD date. */
export function fromDayNumber(dayNumber: number): string {
  const value = new Date(dayNumber * MS_PER_DAY);
  return makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Returns the day of the week, 0 for Sunday through 6 for Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Returns the Sunday that starts the Sunday-to-Saturday week containing `date`. */
export function weekStart(date: string): string {
  return addDays(date, -dayOfWeek(date));
}

/** Returns the `n`th (1-based) `weekday` (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string {
  const first = makeDate(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

/** Returns the last `weekday` (0 = Sunday) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): string {
  const nextMonthFirst = month === 12 ? makeDate(year + 1, 1, 1) : makeDate(year, month + 1, 1);
  const last = addDays(nextMonthFirst, -1);
  const offset = (dayOfWeek(last) - weekday + 7) % 7;
  return addDays(last, -offset);
}

export function dateParts(date: string): DateParts {
  return requireDate(date);
}

/** Formats a date for messages, for example "March 10, 2026". */
export function formatDateForPeople(date: string): string {
  const { year, month, day } = requireDate(date);
  return `${MONTH_NAMES[month - 1] ?? ''} ${day}, ${year}`;
}
