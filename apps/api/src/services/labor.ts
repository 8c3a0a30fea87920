import {
  evaluateShifts,
  isDutyId,
  LaborInputError,
  listingWarnings,
  personalVerdict,
  summarizeListing,
  type DutyId,
  type LaborCheckRequest,
  type LaborVerdict,
  type ListingLaborSummary,
  type MinimumAge,
  type PersonalVerdict,
  type WeeklyShift,
} from '@clockin/domain';
import { AppError } from '../errors.ts';

/** Checks dated shifts against Ohio and federal rules for minors. Pure: no database. */
export function checkLabor(request: LaborCheckRequest): LaborVerdict {
  try {
    return evaluateShifts(request);
  } catch (error) {
    if (error instanceof LaborInputError) {
      // The engine's messages start with the field's path, such as "shifts[2].end".
      const field = /^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?)\s/.exec(error.message)?.[1] ?? 'body';
      throw new AppError('ValidationError', error.message, field.replace(/\[(\d+)\]/g, '.$1'));
    }
    throw error;
  }
}

const ohioDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Ohio (YYYY-MM-DD). */
export function ohioToday(now = new Date()): string {
  return ohioDate.format(now);
}

/** Returns the season of a date for search: June through August is summer, the stricter reading. */
export function seasonOf(date: string): 'summer' | 'school-year' {
  const month = Number(date.slice(5, 7));
  return month >= 6 && month <= 8 ? 'summer' : 'school-year';
}

export interface ScheduleCheck {
  summary: ListingLaborSummary;
  warnings: string[];
}

/** Checks a listing's weekly schedule and duties for every age band; 400 on a schedule the engine refuses. */
export function checkListingSchedule(input: {
  schedule: readonly WeeklyShift[];
  duties: readonly DutyId[];
  minimumAge: MinimumAge;
}): ScheduleCheck {
  try {
    const summary = summarizeListing(input);
    return { summary, warnings: listingWarnings(summary) };
  } catch (error) {
    if (error instanceof LaborInputError) {
      const field = /^schedule\[(\d+)\]/.exec(error.message)?.[1];
      throw new AppError('ValidationError', error.message, field === undefined ? 'schedule' : `schedule.${field}`);
    }
    throw error;
  }
}

/** Checks a listing for one student, from the later of its start date and today. */
export function checkListingForStudent(
  listing: { schedule: readonly WeeklyShift[]; duties: readonly string[]; minimumAge: number; startsOn: string | null },
  birthdate: string,
  today = ohioToday(),
): PersonalVerdict {
  const from = listing.startsOn && listing.startsOn > today ? listing.startsOn : today;
  return personalVerdict({
    birthdate,
    schedule: listing.schedule,
    duties: listing.duties.filter(isDutyId),
    minimumAge: toMinimumAge(listing.minimumAge),
    from,
  });
}

export function toMinimumAge(value: number): MinimumAge {
  return value === 16 || value === 18 ? value : 15;
}

/** Builds the stored form of a listing's labor summary, for listings saved before the engine ran on save. */
export function listingLaborResult(input: {
  schedule: readonly WeeklyShift[];
  duties: readonly string[];
  minimumAge: number;
}) {
  const summary = summarizeListing({
    schedule: input.schedule,
    duties: input.duties.filter(isDutyId),
    minimumAge: toMinimumAge(input.minimumAge),
  });
  return { summary, schoolYearBands: summary.schoolYear.workableBands, summerBands: summary.summer.workableBands };
}
