export const GRADE_LEVEL_VALUES: readonly string[] = ['9', '10', '11', '12', 'graduated'];

export const UNDER_AGE_MESSAGE =
  'ClockIn is for students aged 15 and older. We did not create an account and did not keep the details you entered.';

export const PASSWORD_POLICY =
  'At least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.';

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** Accepts a real calendar date written as YYYY-MM-DD that is not in the future. */
export function isValidBirthdate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now();
}

export function isSixDigitCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
