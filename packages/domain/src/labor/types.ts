import type { DutyId } from './duties.ts';
import type { HourRuleName } from './rules.ts';

/** One dated shift. Times are 24-hour HH:MM. A shift whose end is before its start ends the next day. */
export interface ShiftInput {
  date: string;
  start: string;
  end: string;
  /** Unpaid break time within the shift, in minutes. Defaults to 0. */
  breakMinutes?: number;
}

/** Start and end (24-hour HH:MM) of the school day. */
export interface SchoolHours {
  start: string;
  end: string;
}

/** A worker's planned shifts to check against Ohio and federal rules for minors. */
export interface LaborCheckRequest {
  /** Age in whole years, the same on every shift. Give either `age` or `birthdate`. */
  age?: number;
  /** Birthdate (YYYY-MM-DD). The age is computed on each shift's date. */
  birthdate?: string;
  /** High school graduate. Defaults to false. */
  graduated?: boolean;
  /** Employer covered by the federal FLSA. Defaults to true. */
  flsaCovered?: boolean;
  /**
   * School days of the worker's district (YYYY-MM-DD). When given, exactly these dates are school
   * days. When omitted, a default calendar is assumed and the verdict reports it.
   */
  schoolDays?: readonly string[];
  /** Defaults to 08:00–15:00. */
  schoolHours?: SchoolHours;
  shifts: readonly ShiftInput[];
  duties?: readonly DutyId[];
}

export type ViolationRule = HourRuleName | 'minimum-age' | 'prohibited-duty';

/** A broken rule, with a message written for the worker. */
export interface Violation {
  rule: ViolationRule;
  /** Every law that sets the broken limit, separated by "; ". */
  citation: string;
  message: string;
}

export interface ShiftVerdict {
  allowed: boolean;
  /** Worker's age on the shift's date. */
  age: number;
  violations: Violation[];
}

export type WorkPermitKind =
  'none' | 'age-and-schooling-certificate' | 'proof-of-age-and-parent-consent' | 'not-eligible';

/** The paperwork a worker needs before starting, and how to get it. */
export interface WorkPermit {
  needed: boolean;
  kind: WorkPermitKind;
  /** Empty when no permit is needed. */
  citation: string;
  /** True when every shift of a 16- or 17-year-old falls in summer vacation. */
  summerOnly: boolean;
  /** True when the permit covers one employer only, so a new job needs a new permit. */
  onePerEmployer: boolean;
  message: string;
  /** Steps to get the permit, in order. Empty when none is needed. */
  steps: string[];
  /** Employer obligations toward a minor worker. Empty for adults. */
  employerDuties: string[];
}

export interface LaborVerdict {
  /** True when every shift is allowed. */
  allowed: boolean;
  /** One verdict per shift, in the order of the request. */
  shifts: ShiftVerdict[];
  workPermit: WorkPermit;
  /** True when no school days were given and the verdict looked up the default calendar. */
  assumedSchoolCalendar: boolean;
}

/** Raised when a request is invalid. The message names the field and what to send instead. */
export class LaborInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaborInputError';
  }
}
