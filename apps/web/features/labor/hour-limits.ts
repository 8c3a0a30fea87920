// The hour rules for each age as the labor engine states them (hourLimitsFor in @clockin/domain),
// for the hours planner. The API's dated-shift check returns verdicts but not the limits, and
// the web app cannot import the domain package, so this is a copy. It has no imports, so
// e2e/labor.test.ts can load it and check it against the engine for each age.
//
// NOTE: these are the limits for a student still in high school. The planner does not send the
// grade level, so the engine applies the same, stricter, rules to graduates.

export interface HourLimitText {
  rule: string;
  citation: string;
  text: string;
}

const OHIO_AND_FEDERAL_14_15 = 'ORC 4109.07(A); 29 CFR 570.35';

const UNDER_16: readonly HourLimitText[] = [
  { rule: 'school-hours', citation: OHIO_AND_FEDERAL_14_15, text: 'No work during school hours on a school day.' },
  { rule: 'earliest-start', citation: OHIO_AND_FEDERAL_14_15, text: 'No work before 7:00 am.' },
  {
    rule: 'latest-end',
    citation: OHIO_AND_FEDERAL_14_15,
    text: 'No work after 7:00 pm, or after 9:00 pm from June 1 through August 31.',
  },
  { rule: 'school-day-hours', citation: OHIO_AND_FEDERAL_14_15, text: 'At most 3 hours on a school day.' },
  { rule: 'non-school-day-hours', citation: OHIO_AND_FEDERAL_14_15, text: 'At most 8 hours on a day without school.' },
  { rule: 'school-week-hours', citation: OHIO_AND_FEDERAL_14_15, text: 'At most 18 hours in a week with school.' },
  {
    rule: 'non-school-week-hours',
    citation: OHIO_AND_FEDERAL_14_15,
    text: 'At most 40 hours in a week without school.',
  },
  {
    rule: 'rest-period',
    citation: 'ORC 4109.07(C)',
    text: 'A break of at least 30 minutes after 5 hours of work in a row.',
  },
];

const AGES_16_17: readonly HourLimitText[] = [
  {
    rule: 'latest-end-before-school-day',
    citation: 'ORC 4109.07(D)',
    text: 'No work after 11:00 pm on a night before a school day.',
  },
  {
    rule: 'earliest-start-on-school-day',
    citation: 'ORC 4109.07(D)',
    text: 'No work before 7:00 am on a school day, or before 6:00 am if you did not work after 8:00 pm the night before.',
  },
  {
    rule: 'rest-period',
    citation: 'ORC 4109.07(C)',
    text: 'A break of at least 30 minutes after 5 hours of work in a row.',
  },
];

/** Returns the hour rules for a worker of `age` in high school; none from 18 on. */
export function hourLimitsForAge(age: number): readonly HourLimitText[] {
  if (age >= 18) return [];
  return age >= 16 ? AGES_16_17 : UNDER_16;
}

/** Rules that cap the hours worked in one day. */
export const DAY_CAP_RULES: readonly string[] = ['school-day-hours', 'non-school-day-hours'];

/** Rules that cap the hours worked in one Sunday-to-Saturday week. */
export const WEEK_CAP_RULES: readonly string[] = ['school-week-hours', 'non-school-week-hours'];
