// Hour rules for minors as data. Each entry is one version of one rule in one jurisdiction,
// in force from `effectiveFrom` through `effectiveTo`. When the law changes, set `effectiveTo`
// on the old version and add a new version, so past shifts keep their verdicts.
//
// Ohio S.B. 50 (which would have let 14- and 15-year-olds work until 9 pm on school nights) was
// vetoed on 2025-12-03 and is not encoded. If the veto is overridden, add a new version of the
// Ohio latest-end rule from the date the bill takes effect.

/**
 * First day the first rule versions cover. They were checked against the law as in force in late
 * 2025, and no older version was checked, so the engine rejects shifts before this date.
 */
export const FIRST_VERSION_DATE = '2025-01-01';

export type Jurisdiction = 'ohio' | 'federal';

/** A month (1–12) and day of month, the same in every year. */
export interface MonthDay {
  month: number;
  day: number;
}

/** Fields every rule version has. Times of day are minutes from midnight. */
export interface RuleVersion {
  /** Federal versions apply only to employers covered by the FLSA. */
  jurisdiction: Jurisdiction;
  /** Youngest age the version covers. */
  minAge: number;
  /** Oldest age the version covers. */
  maxAge: number;
  citation: string;
  /** First day in force (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Last day in force (YYYY-MM-DD), or null while still in force. */
  effectiveTo: string | null;
  /** True when high school graduates are exempt (ORC 4109.06 exempts them from Ohio's hour limits). */
  graduatesExempt: boolean;
}

/** No work during the school's hours on a school day. */
export interface SchoolHoursRule extends RuleVersion {
  name: 'school-hours';
}

/** No work before `earliestStart` on any day. */
export interface EarliestStartRule extends RuleVersion {
  name: 'earliest-start';
  earliestStart: number;
}

/** No work after `latestEnd`, or after `summerLatestEnd` in the summer window and long school breaks. */
export interface LatestEndRule extends RuleVersion {
  name: 'latest-end';
  latestEnd: number;
  summerLatestEnd: number;
  summerFrom: MonthDay;
  /** Last day of the summer window, or Labor Day (the first Monday of September). */
  summerThrough: MonthDay | 'labor-day';
  /** Minimum weekdays in a school break that also allows `summerLatestEnd`, or null if breaks do not. */
  schoolBreakMinWeekdays: number | null;
}

export type HoursCapName = 'school-day-hours' | 'non-school-day-hours' | 'school-week-hours' | 'non-school-week-hours';

/** Maximum hours worked per day or per Sunday-to-Saturday week, not counting breaks. */
export interface HoursCapRule extends RuleVersion {
  name: HoursCapName;
  maxMinutes: number;
}

/** No work after `latestEnd` on a day followed by a school day. */
export interface NightBeforeSchoolRule extends RuleVersion {
  name: 'latest-end-before-school-day';
  latestEnd: number;
}

/**
 * No start before `earliestStart` on a school day, or before `earlyStart` when the worker did
 * not work after `lateWorkAfter` the evening before.
 */
export interface SchoolDayStartRule extends RuleVersion {
  name: 'earliest-start-on-school-day';
  earliestStart: number;
  earlyStart: number;
  lateWorkAfter: number;
}

/** A rest period of at least `minRestMinutes` after each `maxConsecutiveMinutes` of work. */
export interface RestPeriodRule extends RuleVersion {
  name: 'rest-period';
  maxConsecutiveMinutes: number;
  minRestMinutes: number;
}

export type HourRule =
  | SchoolHoursRule
  | EarliestStartRule
  | LatestEndRule
  | HoursCapRule
  | NightBeforeSchoolRule
  | SchoolDayStartRule
  | RestPeriodRule;

export type HourRuleName = HourRule['name'];

/** Minimum working age for the jobs ClockIn lists, which are not in agriculture. */
export const MINIMUM_AGE_RULE = {
  minimumAge: 14,
  citation: '29 CFR 570.2(a)',
  effectiveFrom: FIRST_VERSION_DATE,
  effectiveTo: null,
} as const;

const HOUR = 60;

const OHIO_14_15 = {
  jurisdiction: 'ohio',
  minAge: 14,
  maxAge: 15,
  citation: 'ORC 4109.07(A)',
  effectiveFrom: FIRST_VERSION_DATE,
  effectiveTo: null,
  graduatesExempt: true,
} as const;

const FEDERAL_14_15 = {
  jurisdiction: 'federal',
  minAge: 14,
  maxAge: 15,
  citation: '29 CFR 570.35',
  effectiveFrom: FIRST_VERSION_DATE,
  effectiveTo: null,
  graduatesExempt: false,
} as const;

// Ohio's limits for 16- and 17-year-olds still required to attend school. Federal law sets no
// hour limits at these ages.
const OHIO_16_17 = {
  jurisdiction: 'ohio',
  minAge: 16,
  maxAge: 17,
  citation: 'ORC 4109.07(D)',
  effectiveFrom: FIRST_VERSION_DATE,
  effectiveTo: null,
  graduatesExempt: true,
} as const;

function capsFor(base: RuleVersion): HoursCapRule[] {
  return [
    { ...base, name: 'school-day-hours', maxMinutes: 3 * HOUR },
    { ...base, name: 'non-school-day-hours', maxMinutes: 8 * HOUR },
    { ...base, name: 'school-week-hours', maxMinutes: 18 * HOUR },
    { ...base, name: 'non-school-week-hours', maxMinutes: 40 * HOUR },
  ];
}

/** Every hour rule version. Where versions of one rule disagree, the stricter limit wins. */
export const HOUR_RULES: readonly HourRule[] = [
  { ...OHIO_14_15, name: 'school-hours' },
  { ...FEDERAL_14_15, name: 'school-hours' },
  { ...OHIO_14_15, name: 'earliest-start', earliestStart: 7 * HOUR },
  { ...FEDERAL_14_15, name: 'earliest-start', earliestStart: 7 * HOUR },
  {
    ...OHIO_14_15,
    name: 'latest-end',
    latestEnd: 19 * HOUR,
    summerLatestEnd: 21 * HOUR,
    summerFrom: { month: 6, day: 1 },
    // Ohio's window runs "to the first day of September". September 1 itself is left out
    // because that is the stricter reading.
    summerThrough: { month: 8, day: 31 },
    schoolBreakMinWeekdays: 5,
  },
  {
    ...FEDERAL_14_15,
    name: 'latest-end',
    latestEnd: 19 * HOUR,
    summerLatestEnd: 21 * HOUR,
    summerFrom: { month: 6, day: 1 },
    summerThrough: 'labor-day',
    schoolBreakMinWeekdays: null,
  },
  ...capsFor(OHIO_14_15),
  ...capsFor(FEDERAL_14_15),
  { ...OHIO_16_17, name: 'latest-end-before-school-day', latestEnd: 23 * HOUR },
  {
    ...OHIO_16_17,
    name: 'earliest-start-on-school-day',
    earliestStart: 7 * HOUR,
    earlyStart: 6 * HOUR,
    lateWorkAfter: 20 * HOUR,
  },
  {
    jurisdiction: 'ohio',
    minAge: 14,
    maxAge: 17,
    citation: 'ORC 4109.07(C)',
    effectiveFrom: FIRST_VERSION_DATE,
    effectiveTo: null,
    // NOTE: graduates keep the rest-period rule. ORC 4109.06 exempts them from Ohio's hour
    // limits, and whether that covers rest periods was not checked, so the stricter reading applies.
    graduatesExempt: false,
    name: 'rest-period',
    maxConsecutiveMinutes: 5 * HOUR,
    minRestMinutes: 30,
  },
];

/** Worker and employer facts that decide which rule versions apply to a shift. */
export interface RuleContext {
  age: number;
  date: string;
  flsaCovered: boolean;
  graduated: boolean;
}

/** Returns the versions of rule `name` that apply to a shift, in the order of HOUR_RULES. */
export function rulesInForce<N extends HourRuleName>(
  name: N,
  context: RuleContext,
): Array<Extract<HourRule, { name: N }>> {
  return HOUR_RULES.filter(
    (rule): rule is Extract<HourRule, { name: N }> =>
      rule.name === name &&
      context.age >= rule.minAge &&
      context.age <= rule.maxAge &&
      rule.effectiveFrom <= context.date &&
      (rule.effectiveTo === null || context.date <= rule.effectiveTo) &&
      (context.flsaCovered || rule.jurisdiction !== 'federal') &&
      !(context.graduated && rule.graduatesExempt),
  );
}
