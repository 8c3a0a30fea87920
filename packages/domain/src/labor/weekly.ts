// Checks of a listing's weekly schedule for each age band, in a school week and in a summer week.

import type { AgeBand } from './age.ts';
import { addDays } from './dates.ts';
import type { DutyId } from './duties.ts';
import { evaluateShiftList } from './evaluate.ts';
import { LaborInputError, type ShiftInput, type Violation } from './types.ts';

/** A shift in a weekly schedule. `day` is 0 for Sunday through 6 for Saturday. */
export interface WeeklyShift {
  day: number;
  start: string;
  end: string;
  breakMinutes?: number;
}

export interface WeeklyScheduleRequest {
  schedule: readonly WeeklyShift[];
  duties?: readonly DutyId[];
}

export type Season = 'school-year' | 'summer';

/** A rule the schedule breaks for one age in a band. */
export interface ScheduleReason extends Violation {
  age: number;
  /** Day of the week of the failing shift, 0 for Sunday. */
  day: number;
}

export interface BandVerdict {
  band: AgeBand;
  allowed: boolean;
  /** Indexes of the schedule's shifts that every age in the band may work. */
  allowedShifts: number[];
  reasons: ScheduleReason[];
}

export interface SeasonVerdict {
  season: Season;
  /** Sunday of the reference week the schedule was placed in. */
  weekStart: string;
  /** Bands that can work the schedule, in the order '15', '16–17', '18+'. */
  allowedBands: AgeBand[];
  bands: BandVerdict[];
}

export interface WeeklyScheduleVerdict {
  schoolYear: SeasonVerdict;
  summer: SeasonVerdict;
}

/**
 * Fixed reference weeks. The school week, March 8–14, 2026, has school Monday to Friday and no
 * holiday. The summer week, July 12–18, 2026, has no school and falls in the 9 pm window for
 * 14- and 15-year-olds.
 */
export const REFERENCE_WEEKS: Readonly<Record<Season, { weekStart: string; schoolDays: readonly string[] }>> = {
  'school-year': {
    weekStart: '2026-03-08',
    schoolDays: ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'],
  },
  summer: { weekStart: '2026-07-12', schoolDays: [] },
};

/** Ages checked for each band. Every age must pass for the band to pass. */
const BAND_AGES: ReadonlyArray<{ band: AgeBand; ages: readonly number[] }> = [
  { band: '15', ages: [15] },
  { band: '16–17', ages: [16, 17] },
  { band: '18+', ages: [18] },
];

function toShifts(schedule: readonly WeeklyShift[], weekStart: string): ShiftInput[] {
  return schedule.map((entry, index) => {
    if (!Number.isInteger(entry.day) || entry.day < 0 || entry.day > 6) {
      throw new LaborInputError(
        `schedule[${index}].day ${JSON.stringify(entry.day)} is invalid: expected 0 (Sunday) to 6 (Saturday).`,
      );
    }
    const shift: ShiftInput = { date: addDays(weekStart, entry.day), start: entry.start, end: entry.end };
    if (entry.breakMinutes !== undefined) shift.breakMinutes = entry.breakMinutes;
    return shift;
  });
}

function evaluateSeason(request: WeeklyScheduleRequest, season: Season): SeasonVerdict {
  const { weekStart, schoolDays } = REFERENCE_WEEKS[season];
  const shifts = toShifts(request.schedule, weekStart);

  const bands = BAND_AGES.map(({ band, ages }): BandVerdict => {
    const reasons: ScheduleReason[] = [];
    const forbidden = new Set<number>();
    for (const age of ages) {
      const verdict = evaluateShiftList(
        { age, schoolDays, shifts, ...(request.duties ? { duties: request.duties } : {}) },
        'schedule',
      );
      verdict.shifts.forEach((shiftVerdict, index) => {
        const day = request.schedule[index]?.day ?? 0;
        if (!shiftVerdict.allowed) forbidden.add(index);
        for (const violation of shiftVerdict.violations) reasons.push({ ...violation, age, day });
      });
    }
    const allowedShifts = shifts.map((_, index) => index).filter((index) => !forbidden.has(index));
    return { band, allowed: reasons.length === 0, allowedShifts, reasons };
  });

  return {
    season,
    weekStart,
    allowedBands: bands.filter((verdict) => verdict.allowed).map((verdict) => verdict.band),
    bands,
  };
}

/**
 * Places a listing's weekly schedule in a typical school week and a typical summer week (see
 * REFERENCE_WEEKS) and checks it for ages 15, 16, 17 and 18. The worker is taken to be a
 * non-graduate and the employer FLSA-covered. Throws LaborInputError on an invalid schedule.
 */
export function evaluateWeeklySchedule(request: WeeklyScheduleRequest): WeeklyScheduleVerdict {
  if (!Array.isArray(request.schedule)) {
    throw new LaborInputError('schedule is missing: expected a list of weekly shifts.');
  }
  return {
    schoolYear: evaluateSeason(request, 'school-year'),
    summer: evaluateSeason(request, 'summer'),
  };
}
