import { dateParts } from './dates.ts';

/** Employer-facing age bands. ClockIn serves students from age 15, so there is no band below 15. */
export type AgeBand = '15' | '16–17' | '18+';

/**
 * Returns the age in whole years on `date` of someone born on `birthdate` (both YYYY-MM-DD).
 * Someone born on February 29 turns a year older on March 1 in years without February 29.
 * Throws RangeError on an invalid date or when `date` is before `birthdate`.
 */
export function ageOn(birthdate: string, date: string): number {
  const birth = dateParts(birthdate);
  const on = dateParts(date);

  let age = on.year - birth.year;
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  if (beforeBirthday) age -= 1;

  if (age < 0) {
    throw new RangeError(`Date ${date} is before the birthdate ${birthdate}.`);
  }
  return age;
}

function requireAge(age: number): void {
  if (!Number.isInteger(age) || age < 0) {
    throw new RangeError(`Invalid age ${age}: expected a whole number of years, 0 or more.`);
  }
}

/**
 * Returns the employer-facing band for an age, or null below 15 because ClockIn lists no jobs
 * for younger workers. Throws RangeError when `age` is not a whole number of 0 or more.
 */
export function ageBand(age: number): AgeBand | null {
  requireAge(age);
  if (age < 15) return null;
  if (age === 15) return '15';
  if (age < 18) return '16–17';
  return '18+';
}
