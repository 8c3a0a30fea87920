import { ageOn } from './age.ts';
import { parseDate, toDayNumber } from './dates.ts';
import { isDutyId, type DutyId } from './duties.ts';
import { FIRST_VERSION_DATE } from './rules.ts';
import { MINUTES_PER_DAY, parseClockTime } from './time.ts';
import { LaborInputError, type LaborCheckRequest, type ShiftInput } from './types.ts';

/** A validated shift. Times are minutes from midnight of `date`; `end` exceeds 1440 past midnight. */
export interface Shift {
  /** Position in the request. */
  index: number;
  date: string;
  start: number;
  end: number;
  breakMinutes: number;
  age: number;
  /** Start and end as minutes since 1970-01-01 00:00, for ordering and overlap. */
  startInstant: number;
  endInstant: number;
}

/** A validated request with its defaults filled in. */
export interface NormalizedRequest {
  shifts: Shift[];
  /** Age from the request, or null when a birthdate was given. */
  age: number | null;
  graduated: boolean;
  flsaCovered: boolean;
  schoolDays: readonly string[] | undefined;
  schoolHours: { start: number; end: number };
  duties: DutyId[];
}

const DEFAULT_SCHOOL_HOURS = { start: '08:00', end: '15:00' };

function requireTime(text: unknown, field: string): number {
  const minutes = typeof text === 'string' ? parseClockTime(text) : null;
  if (minutes === null) {
    throw new LaborInputError(`${field} ${JSON.stringify(text)} is invalid: expected HH:MM from 00:00 to 23:59.`);
  }
  return minutes;
}

function requireDate(text: unknown, field: string): string {
  if (typeof text !== 'string' || parseDate(text) === null) {
    throw new LaborInputError(`${field} ${JSON.stringify(text)} is invalid: expected a real date as YYYY-MM-DD.`);
  }
  return text;
}

function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new LaborInputError(`${field} ${JSON.stringify(value)} is invalid: expected true or false.`);
  }
  return value;
}

/** Source of each shift's age: one fixed age, or a birthdate. */
type AgeSource = { age: number } | { birthdate: string };

function readAge(request: LaborCheckRequest): AgeSource {
  const hasAge = request.age !== undefined;
  const hasBirthdate = request.birthdate !== undefined;
  if (hasAge === hasBirthdate) {
    throw new LaborInputError('Give exactly one of age and birthdate.');
  }
  if (hasBirthdate) return { birthdate: requireDate(request.birthdate, 'birthdate') };

  const age = request.age;
  if (typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > 130) {
    throw new LaborInputError(`age ${JSON.stringify(age)} is invalid: expected whole years from 0 to 130.`);
  }
  return { age };
}

function ageOnShift(source: AgeSource, date: string, field: string): number {
  if ('age' in source) return source.age;
  if (date < source.birthdate) {
    throw new LaborInputError(`${field}.date ${date} is before the birthdate ${source.birthdate}.`);
  }
  return ageOn(source.birthdate, date);
}

function readShift(input: ShiftInput, field: string, index: number, ageSource: AgeSource): Shift {
  if (typeof input !== 'object' || input === null) {
    throw new LaborInputError(`${field} is invalid: expected an object with date, start and end.`);
  }
  const date = requireDate(input.date, `${field}.date`);
  if (date < FIRST_VERSION_DATE) {
    throw new LaborInputError(`${field}.date ${date} is too early: the rules cover shifts from ${FIRST_VERSION_DATE}.`);
  }

  const start = requireTime(input.start, `${field}.start`);
  const endOfDay = requireTime(input.end, `${field}.end`);
  if (start === endOfDay) {
    throw new LaborInputError(
      `${field}.end ${JSON.stringify(input.end)} is invalid: a shift must end at least 1 minute after its start ${input.start}.`,
    );
  }
  const end = endOfDay < start ? endOfDay + MINUTES_PER_DAY : endOfDay;

  const breakMinutes = input.breakMinutes ?? 0;
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes >= end - start) {
    throw new LaborInputError(
      `${field}.breakMinutes ${JSON.stringify(input.breakMinutes)} is invalid: expected whole minutes, ` +
        `at least 0 and shorter than the ${end - start}-minute shift.`,
    );
  }

  const dayStart = toDayNumber(date) * MINUTES_PER_DAY;
  return {
    index,
    date,
    start,
    end,
    breakMinutes,
    age: ageOnShift(ageSource, date, field),
    startInstant: dayStart + start,
    endInstant: dayStart + end,
  };
}

function rejectOverlaps(shifts: readonly Shift[], listName: string): void {
  const ordered = [...shifts].sort((a, b) => a.startInstant - b.startInstant);
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1];
    const current = ordered[i];
    if (previous && current && current.startInstant < previous.endInstant) {
      throw new LaborInputError(
        `${listName}[${previous.index}] and ${listName}[${current.index}] overlap: a worker cannot work two shifts at once.`,
      );
    }
  }
}

function readDuties(duties: unknown): DutyId[] {
  if (duties === undefined) return [];
  if (!Array.isArray(duties)) {
    throw new LaborInputError('duties is invalid: expected a list of duty ids.');
  }
  const result: DutyId[] = [];
  for (const duty of duties) {
    if (typeof duty !== 'string' || !isDutyId(duty)) {
      throw new LaborInputError(`Unknown duty ${JSON.stringify(duty)}: pick one of the ids in DUTY_IDS.`);
    }
    if (!result.includes(duty)) result.push(duty);
  }
  return result;
}

function readSchoolDays(schoolDays: unknown): readonly string[] | undefined {
  if (schoolDays === undefined) return undefined;
  if (!Array.isArray(schoolDays)) {
    throw new LaborInputError('schoolDays is invalid: expected a list of dates as YYYY-MM-DD.');
  }
  return schoolDays.map((day, index) => requireDate(day, `schoolDays[${index}]`));
}

function readSchoolHours(request: LaborCheckRequest): { start: number; end: number } {
  const hours = request.schoolHours ?? DEFAULT_SCHOOL_HOURS;
  const start = requireTime(hours.start, 'schoolHours.start');
  const end = requireTime(hours.end, 'schoolHours.end');
  if (end <= start) {
    throw new LaborInputError(`schoolHours end ${hours.end} must be after start ${hours.start}.`);
  }
  return { start, end };
}

/**
 * Validates a request and fills in defaults. Throws LaborInputError naming the first invalid
 * field. `listName` is the name of the shift list in those messages.
 */
export function normalizeRequest(request: LaborCheckRequest, listName = 'shifts'): NormalizedRequest {
  if (!Array.isArray(request.shifts)) {
    throw new LaborInputError(`${listName} is missing: expected a list of shifts.`);
  }
  const ageSource = readAge(request);
  if ('birthdate' in ageSource && request.shifts.length === 0) {
    throw new LaborInputError(`${listName} is empty: with a birthdate, give at least one shift to compute the age on.`);
  }

  const shifts = request.shifts.map((shift, index) => readShift(shift, `${listName}[${index}]`, index, ageSource));
  rejectOverlaps(shifts, listName);

  return {
    shifts,
    age: 'age' in ageSource ? ageSource.age : null,
    graduated: optionalBoolean(request.graduated, 'graduated', false),
    flsaCovered: optionalBoolean(request.flsaCovered, 'flsaCovered', true),
    schoolDays: readSchoolDays(request.schoolDays),
    schoolHours: readSchoolHours(request),
    duties: readDuties(request.duties),
  };
}
