// Violation messages, written for a worker as young as 14.

import { formatDateForPeople } from './dates.ts';
import { formatClockTime, formatDuration, MINUTES_PER_DAY } from './time.ts';

function endTimeText(end: number): string {
  const time = formatClockTime(end);
  return end > MINUTES_PER_DAY ? `${time} the next day` : time;
}

export function minimumAgeMessage(age: number, minimumAge: number): string {
  return `At ${age}, you are too young for this job. You must be at least ${minimumAge}.`;
}

export function prohibitedDutyMessage(age: number, dutyLabel: string, underAge: number): string {
  return `At ${age}, you can't do this task: "${dutyLabel}". Nobody under ${underAge} is allowed to do it.`;
}

export function schoolHoursMessage(age: number, schoolStart: number, schoolEnd: number, date: string): string {
  return (
    `At ${age}, you can't work during school hours (${formatClockTime(schoolStart)} to ` +
    `${formatClockTime(schoolEnd)}) on a school day. This shift overlaps them on ${formatDateForPeople(date)}.`
  );
}

export function earliestStartMessage(age: number, limit: number, start: number): string {
  return `At ${age}, you can't start work before ${formatClockTime(limit)}. This shift starts at ${formatClockTime(start)}.`;
}

export function latestEndMessage(age: number, limit: number, end: number): string {
  return `At ${age}, you can't work past ${formatClockTime(limit)} on this day. This shift ends at ${endTimeText(end)}.`;
}

export function dayHoursMessage(age: number, schoolDay: boolean, limit: number, total: number, date: string): string {
  const day = schoolDay ? 'a school day' : 'a day without school';
  return (
    `At ${age}, you can work at most ${formatDuration(limit)} on ${day}. ` +
    `With this shift, you would work ${formatDuration(total)} on ${formatDateForPeople(date)}.`
  );
}

export function weekHoursMessage(
  age: number,
  schoolWeek: boolean,
  limit: number,
  total: number,
  sunday: string,
): string {
  const week = schoolWeek ? 'a week with school' : 'a week without school';
  return (
    `At ${age}, you can work at most ${formatDuration(limit)} in ${week}. With this shift, you would ` +
    `work ${formatDuration(total)} in the week starting Sunday, ${formatDateForPeople(sunday)}.`
  );
}

export function nightBeforeSchoolMessage(age: number, limit: number, end: number): string {
  return (
    `At ${age}, you can't work past ${formatClockTime(limit)} on a night before a school day. ` +
    `This shift ends at ${endTimeText(end)}.`
  );
}

export function schoolDayStartMessage(age: number, limit: number, workedLate: boolean, start: number): string {
  const condition = workedLate ? ' after working late the night before' : '';
  return (
    `At ${age}, you can't start before ${formatClockTime(limit)} on a school day${condition}. ` +
    `This shift starts at ${formatClockTime(start)}.`
  );
}

/** Describes a run of work that needs more rest periods than it has. */
export interface RestShortfall {
  consecutiveMinutes: number;
  restPeriods: number;
  maxConsecutiveMinutes: number;
  minRestMinutes: number;
  /** Number of shifts in the run, counting this one. Shifts less than a rest period apart join. */
  shiftCount: number;
}

export function restPeriodMessage(shortfall: RestShortfall): string {
  const rule =
    `You need a break of at least ${formatDuration(shortfall.minRestMinutes)} for every ` +
    `${formatDuration(shortfall.maxConsecutiveMinutes)} of work in a row.`;
  let joined = '';
  if (shortfall.shiftCount === 2) joined = ' together with the shift right before it';
  if (shortfall.shiftCount > 2) joined = ' together with the shifts right before it';
  const worked = formatDuration(shortfall.consecutiveMinutes);
  if (shortfall.restPeriods === 0) {
    return `${rule} This shift${joined} runs ${worked} with no such break.`;
  }
  const breaks = shortfall.restPeriods === 1 ? '1 such break' : `${shortfall.restPeriods} such breaks`;
  return `${rule} This shift${joined} has ${worked} of work with only ${breaks}.`;
}
