/** The one minimum age for ClockIn, in whole years, counted on the sign-up day in Ohio. */
export const minimumAgeYears = 15;
export const minimumAgeMessage = `You must be at least ${minimumAgeYears} to use ClockIn.`;
/** Ohio's time zone: a birthday starts at midnight there, not in UTC. */
export const ohioTimeZone = 'America/New_York';

/** Cognito's Pre sign-up Lambda event, as far as ClockIn uses it. */
export interface PreSignUpEvent {
  version: string;
  triggerSource: 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion?: string; clientId: string };
  request: {
    userAttributes: Record<string, string>;
    validationData?: Record<string, string> | null;
    clientMetadata?: Record<string, string> | null;
  };
  response: { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean };
}

export type PreSignUpHandler = (event: PreSignUpEvent) => Promise<PreSignUpEvent>;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Returns the calendar date in Ohio at the given instant. */
export function ohioDate(instant: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ohioTimeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Parses a strict YYYY-MM-DD date that exists in the calendar, or returns null. */
export function parseBirthdate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * Returns the age in whole years on `today`. Someone born on 29 February turns a year older
 * on 1 March in non-leap years, because (3, 1) is the first day that compares after (2, 29).
 */
export function ageOn(birthdate: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birthdate.month || (today.month === birthdate.month && today.day >= birthdate.day);
  return today.year - birthdate.year - (hadBirthday ? 0 : 1);
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Creates the Pre sign-up handler: it rejects a missing, malformed or future birthdate and
 * anyone younger than the minimum age on the sign-up day in Ohio. A thrown error's message
 * reaches the caller inside UserLambdaValidationException, so it never contains the birthdate.
 */
export function createPreSignUpHandler(now: () => Date = () => new Date()): PreSignUpHandler {
  return async (event) => {
    const birthdate = parseBirthdate(event.request.userAttributes.birthdate);
    if (!birthdate) throw new Error('A valid birthdate (YYYY-MM-DD) is required.');

    const today = ohioDate(now());
    if (compareDates(birthdate, today) > 0) throw new Error('The birthdate cannot be in the future.');
    if (ageOn(birthdate, today) < minimumAgeYears) throw new Error(minimumAgeMessage);
    return event;
  };
}

/** The handler with the real clock, shaped like a Lambda entry point. */
export const handler: PreSignUpHandler = createPreSignUpHandler();
