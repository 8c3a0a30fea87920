// Labor-law checks of one listing: the bands an employer's schedule admits, the warnings the
// listing editor shows, and the verdict for one student on the listing's first week.

import { ageBand, ageOn, type AgeBand } from './age.ts';
import { joinCitations } from './binding.ts';
import { addDays, dayOfWeek, MONTH_NAMES } from './dates.ts';
import type { DutyId } from './duties.ts';
import { evaluateShifts } from './evaluate.ts';
import { rulesInForce, type HourRule, type HourRuleName, type RuleContext } from './rules.ts';
import { formatClockTime, formatDuration } from './time.ts';
import type { Violation, WorkPermit } from './types.ts';
import { evaluateWeeklySchedule, type Season, type WeeklyShift } from './weekly.ts';

export const AGE_BANDS: readonly AgeBand[] = ['15', '16–17', '18+'];

/** Youngest age of each band, for comparing with the employer's minimum age. */
const BAND_YOUNGEST: Readonly<Record<AgeBand, number>> = { '15': 15, '16–17': 16, '18+': 18 };

/** The employer's own minimum age: it can narrow what the law allows, never widen it. */
export type MinimumAge = 15 | 16 | 18;

export interface SeasonSummary {
  /** Bands that may work every shift of the schedule. */
  allowedBands: AgeBand[];
  /** Bands that may work at least one shift, so their students can apply. */
  workableBands: AgeBand[];
  bands: BandSummary[];
}

export interface BandSummary {
  band: AgeBand;
  /** 'all' shifts, 'some' of them, or 'none'. */
  verdict: 'all' | 'some' | 'none';
  /** Indexes of the shifts every age in the band may work. */
  allowedShifts: number[];
  /** Each distinct reason once, in plain English with its citation. */
  reasons: Violation[];
  /** True when the employer's minimum age, not the law, rules the band out. */
  excludedByEmployer: boolean;
}

export interface ListingLaborSummary {
  schoolYear: SeasonSummary;
  summer: SeasonSummary;
}

function uniqueReasons(reasons: readonly Violation[]): Violation[] {
  const seen = new Map<string, Violation>();
  for (const reason of reasons) {
    const key = `${reason.rule}|${reason.message.replace(/^At \d+, /, '')}`;
    if (!seen.has(key)) seen.set(key, { rule: reason.rule, citation: reason.citation, message: reason.message });
  }
  return [...seen.values()];
}

/**
 * Checks a listing's weekly schedule and duties in a typical school week and a typical summer
 * week for each age band, then narrows the result by the employer's minimum age. Throws
 * LaborInputError on an invalid schedule.
 */
export function summarizeListing(input: {
  schedule: readonly WeeklyShift[];
  duties: readonly DutyId[];
  minimumAge: MinimumAge;
}): ListingLaborSummary {
  const verdict = evaluateWeeklySchedule({ schedule: input.schedule, duties: input.duties });
  const season = (key: 'schoolYear' | 'summer'): SeasonSummary => {
    const bands = verdict[key].bands.map((band): BandSummary => {
      const excludedByEmployer = BAND_YOUNGEST[band.band] < input.minimumAge;
      const allowedShifts = excludedByEmployer ? [] : band.allowedShifts;
      let verdict: BandSummary['verdict'] = 'none';
      if (allowedShifts.length > 0) verdict = allowedShifts.length === input.schedule.length ? 'all' : 'some';
      return {
        band: band.band,
        verdict,
        allowedShifts,
        reasons: uniqueReasons(band.reasons),
        excludedByEmployer,
      };
    });
    return {
      allowedBands: bands.filter((band) => band.verdict === 'all').map((band) => band.band),
      workableBands: bands.filter((band) => band.verdict !== 'none').map((band) => band.band),
      bands,
    };
  };
  return { schoolYear: season('schoolYear'), summer: season('summer') };
}

const SEASON_WORDS: Readonly<Record<Season, string>> = { 'school-year': 'during the school year', summer: 'in summer' };

function bandWords(band: AgeBand): string {
  return band === '18+' ? '18-year-olds and older' : `${band}-year-olds`;
}

/**
 * Sentences for the listing editor: which ages the schedule leaves out, and why. The first
 * reason of each band is enough for the employer to see what to change.
 */
export function listingWarnings(summary: ListingLaborSummary): string[] {
  const warnings: string[] = [];
  for (const [season, key] of [
    ['school-year', 'schoolYear'],
    ['summer', 'summer'],
  ] as const) {
    for (const band of summary[key].bands) {
      if (band.excludedByEmployer || band.verdict === 'all') continue;
      const reason = band.reasons[0]?.message.replace(/^At \d+, you /, 'they ') ?? '';
      const extent = band.verdict === 'none' ? 'cannot work any shift' : 'cannot work every shift';
      warnings.push(
        `${SEASON_WORDS[season]}, ${bandWords(band.band)} ${extent}: ${reason}`.replace(/^./, (first) =>
          first.toUpperCase(),
        ),
      );
    }
  }
  return warnings;
}

/** One rule that binds a worker, stated for them. */
export interface HourLimit {
  rule: HourRuleName;
  citation: string;
  text: string;
}

function strictest<R extends HourRule>(rules: readonly R[], value: (rule: R) => number, stricter: 'lower' | 'higher') {
  if (rules.length === 0) return null;
  const values = rules.map(value);
  const limit = stricter === 'lower' ? Math.min(...values) : Math.max(...values);
  return { limit, citation: joinCitations(rules.filter((rule) => value(rule) === limit)) };
}

/**
 * Lists the hour rules in force for a worker of `age` on `date`. Each rule appears once, with the
 * stricter of the Ohio and federal limits, in the order a worker plans a week by.
 */
export function hourLimitsFor(
  age: number,
  date: string,
  options: { graduated?: boolean; flsaCovered?: boolean } = {},
): HourLimit[] {
  const context: RuleContext = {
    age,
    date,
    flsaCovered: options.flsaCovered ?? true,
    graduated: options.graduated ?? false,
  };
  const limits: HourLimit[] = [];

  const school = rulesInForce('school-hours', context);
  if (school.length > 0) {
    limits.push({
      rule: 'school-hours',
      citation: joinCitations(school),
      text: 'No work during school hours on a school day.',
    });
  }

  const start = strictest(rulesInForce('earliest-start', context), (rule) => rule.earliestStart, 'higher');
  if (start) {
    limits.push({
      rule: 'earliest-start',
      citation: start.citation,
      text: `No work before ${formatClockTime(start.limit)}.`,
    });
  }

  const latestEnd = rulesInForce('latest-end', context);
  const end = strictest(latestEnd, (rule) => rule.latestEnd, 'lower');
  const summerEnd = strictest(latestEnd, (rule) => rule.summerLatestEnd, 'lower');
  if (end && summerEnd) {
    // The narrowest summer window is the stricter one: a fixed last day ends before Labor Day.
    const fixed = latestEnd.map((rule) => rule.summerThrough).find((through) => through !== 'labor-day');
    const from = latestEnd[0]?.summerFrom ?? { month: 6, day: 1 };
    const through = fixed ? `${MONTH_NAMES[fixed.month - 1]} ${fixed.day}` : 'Labor Day';
    limits.push({
      rule: 'latest-end',
      citation: joinCitations(latestEnd),
      text:
        `No work after ${formatClockTime(end.limit)}, or after ${formatClockTime(summerEnd.limit)} ` +
        `from ${MONTH_NAMES[from.month - 1]} ${from.day} through ${through}.`,
    });
  }

  const capWords: Record<string, string> = {
    'school-day-hours': 'on a school day',
    'non-school-day-hours': 'on a day without school',
    'school-week-hours': 'in a week with school',
    'non-school-week-hours': 'in a week without school',
  };
  for (const name of [
    'school-day-hours',
    'non-school-day-hours',
    'school-week-hours',
    'non-school-week-hours',
  ] as const) {
    const cap = strictest(rulesInForce(name, context), (rule) => rule.maxMinutes, 'lower');
    if (cap)
      limits.push({
        rule: name,
        citation: cap.citation,
        text: `At most ${formatDuration(cap.limit)} ${capWords[name]}.`,
      });
  }

  const night = strictest(rulesInForce('latest-end-before-school-day', context), (rule) => rule.latestEnd, 'lower');
  if (night) {
    limits.push({
      rule: 'latest-end-before-school-day',
      citation: night.citation,
      text: `No work after ${formatClockTime(night.limit)} on a night before a school day.`,
    });
  }

  const [schoolStart] = rulesInForce('earliest-start-on-school-day', context);
  if (schoolStart) {
    limits.push({
      rule: 'earliest-start-on-school-day',
      citation: schoolStart.citation,
      text:
        `No work before ${formatClockTime(schoolStart.earliestStart)} on a school day, or before ` +
        `${formatClockTime(schoolStart.earlyStart)} if you did not work after ${formatClockTime(schoolStart.lateWorkAfter)} the night before.`,
    });
  }

  const rest = strictest(rulesInForce('rest-period', context), (rule) => rule.maxConsecutiveMinutes, 'lower');
  const [restRule] = rulesInForce('rest-period', context);
  if (rest && restRule) {
    limits.push({
      rule: 'rest-period',
      citation: rest.citation,
      text: `A break of at least ${formatDuration(restRule.minRestMinutes)} after ${formatDuration(rest.limit)} of work in a row.`,
    });
  }
  return limits;
}

/** A shift of the listing placed on a date, with the student's verdict on it. */
export interface PersonalShift extends WeeklyShift {
  date: string;
  allowed: boolean;
  violations: Violation[];
}

export interface PersonalVerdict {
  /** The student's age on the first day of the week checked. */
  age: number;
  band: AgeBand | null;
  /** Sunday of the week the schedule was placed in: the first full week from the listing's start. */
  weekStart: string;
  shifts: PersonalShift[];
  /** True when the student may work at least one shift and the employer's minimum age admits them. */
  canApply: boolean;
  /** Reasons the student cannot apply, empty when they can. */
  blockers: string[];
  limits: HourLimit[];
  workPermit: WorkPermit;
  /** True because ClockIn does not know the student's school calendar, so the default one was used. */
  assumedSchoolCalendar: boolean;
}

/** Returns the Sunday that starts the first full week on or after `date`. */
export function firstFullWeek(date: string): string {
  const weekday = dayOfWeek(date);
  return weekday === 0 ? date : addDays(date, 7 - weekday);
}

/**
 * Checks a listing's weekly schedule for one student. The schedule is placed in the first full
 * Sunday-to-Saturday week on or after `from`, the later of the listing's start and today. Each
 * shift is checked for the student's age on its date.
 */
export function personalVerdict(input: {
  birthdate: string;
  schedule: readonly WeeklyShift[];
  duties: readonly DutyId[];
  minimumAge: MinimumAge;
  from: string;
}): PersonalVerdict {
  const weekStart = firstFullWeek(input.from);
  const dated = input.schedule.map((shift) => ({ ...shift, date: addDays(weekStart, shift.day) }));
  const age = ageOn(input.birthdate, weekStart);
  const verdict = evaluateShifts({
    birthdate: input.birthdate,
    shifts: dated.map((shift) => ({
      date: shift.date,
      start: shift.start,
      end: shift.end,
      breakMinutes: shift.breakMinutes ?? 0,
    })),
    duties: input.duties,
  });
  const shifts = dated.map((shift, index) => ({
    ...shift,
    allowed: verdict.shifts[index]?.allowed ?? false,
    violations: verdict.shifts[index]?.violations ?? [],
  }));
  const blockers: string[] = [];
  if (age < input.minimumAge) blockers.push(`The employer hires from age ${input.minimumAge}.`);
  if (!shifts.some((shift) => shift.allowed)) {
    const reasons = uniqueReasons(shifts.flatMap((shift) => shift.violations)).map((reason) => reason.message);
    blockers.push(...(reasons.length > 0 ? reasons : ['The law allows none of these shifts at your age.']));
  }
  return {
    age,
    band: ageBand(age),
    weekStart,
    shifts,
    canApply: blockers.length === 0,
    blockers,
    limits: hourLimitsFor(age, weekStart),
    workPermit: verdict.workPermit,
    assumedSchoolCalendar: verdict.assumedSchoolCalendar,
  };
}
