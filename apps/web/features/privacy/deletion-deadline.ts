/**
 * Dates of the deletion request console. The API decides "overdue" against today's date in UTC,
 * so the console counts days the same way.
 */

export function todayInUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Accepts a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Whole days from `today` to `deadline`, both YYYY-MM-DD; negative once the deadline has passed. */
export function daysUntil(deadline: string, today = todayInUtc()): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Describes the time left, such as "12 days left", "Due today" or "Overdue by 10 days". */
export function timeLeftText(deadline: string, today = todayInUtc()): string {
  const days = daysUntil(deadline, today);
  if (days > 1) return `${days} days left`;
  if (days === 1) return '1 day left';
  if (days === 0) return 'Due today';
  return days === -1 ? 'Overdue by 1 day' : `Overdue by ${-days} days`;
}
