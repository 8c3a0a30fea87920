import type { Shift } from '../../lib/api';
import type { MinimumAge, ScheduleCheckRequest } from '../../lib/labor-api';
import { isKnownDuty } from './duties';

/** The API's limits on a schedule check, applied before the request leaves the web server. */
const MAX_SHIFTS = 21;
const MAX_DUTIES = 40;
const MAX_BREAK_MINUTES = 240;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseShift(value: unknown): Shift | null {
  if (!isRecord(value)) return null;
  const { day, start, end, breakMinutes } = value;
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 6) return null;
  if (typeof start !== 'string' || !TIME_PATTERN.test(start)) return null;
  if (typeof end !== 'string' || !TIME_PATTERN.test(end)) return null;
  if (typeof breakMinutes !== 'number' || !Number.isInteger(breakMinutes)) return null;
  if (breakMinutes < 0 || breakMinutes > MAX_BREAK_MINUTES) return null;
  return { day, start, end, breakMinutes };
}

/**
 * Reads the editor's schedule-check request body. Returns the request with only the fields the
 * API takes, or a message naming what is invalid.
 */
export function parseScheduleCheckRequest(body: unknown): ScheduleCheckRequest | { error: string } {
  if (!isRecord(body)) return { error: 'The request body must be a JSON object.' };

  const { schedule, duties = [], minimumAge = 15 } = body;
  if (!Array.isArray(schedule) || schedule.length === 0 || schedule.length > MAX_SHIFTS) {
    return { error: `schedule must list 1 to ${MAX_SHIFTS} shifts.` };
  }
  const shifts = schedule.map(parseShift);
  const invalid = shifts.findIndex((shift) => shift === null);
  if (invalid >= 0) {
    return { error: `schedule[${invalid}] is invalid: give day 0–6, start and end as HH:MM and breakMinutes 0–240.` };
  }

  if (!Array.isArray(duties) || duties.length > MAX_DUTIES) {
    return { error: `duties must list at most ${MAX_DUTIES} tasks.` };
  }
  const unknown = duties.find((duty) => typeof duty !== 'string' || !isKnownDuty(duty));
  if (unknown !== undefined) return { error: `duties contains an unknown task: ${JSON.stringify(unknown)}.` };

  if (minimumAge !== 15 && minimumAge !== 16 && minimumAge !== 18) {
    return { error: 'minimumAge must be 15, 16 or 18.' };
  }
  return { schedule: shifts as Shift[], duties: duties as string[], minimumAge: minimumAge as MinimumAge };
}
