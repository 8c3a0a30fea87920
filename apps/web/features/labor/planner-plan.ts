// The hours planner's arithmetic: reading and checking the rows the student typed, hours worked
// per shift, and totals per day and per Sunday-to-Saturday week. Pure, so it is unit-tested.

import type { Violation } from '../../lib/labor-api';
import { DAY_CAP_RULES, WEEK_CAP_RULES, type HourLimitText } from './hour-limits';

/** Rows the planner accepts at once; the API checks at most 200 shifts per request. */
export const MAX_PLANNED_SHIFTS = 50;
export const MAX_JOB_NAME_LENGTH = 60;
/** The API accepts breaks of 0 to 720 minutes. */
const MAX_BREAK_MINUTES = 720;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One planner row as typed, kept as text so the form can show it again. */
export interface PlannedShiftValues {
  job: string;
  date: string;
  start: string;
  end: string;
  breakMinutes: string;
}

export interface PlannedShift {
  job: string;
  /** YYYY-MM-DD. */
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
}

export interface CheckedShift extends PlannedShift {
  /** Minutes worked, not counting the break. */
  minutes: number;
  allowed: boolean;
  violations: Violation[];
}

/** Hours worked in one day or one week, with the caps that apply and the caps broken. */
export interface PeriodTotal {
  /** The day, or the Sunday that starts the week (YYYY-MM-DD). */
  date: string;
  minutes: number;
  /** The caps for the student's age, or an empty list when none apply. */
  caps: string[];
  /** Cap violations of the shifts in the period, each once. */
  overCaps: Violation[];
}

export const EMPTY_PLANNED_SHIFT: PlannedShiftValues = { job: '', date: '', start: '', end: '', breakMinutes: '0' };

function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function readPlannerForm(formData: FormData): PlannedShiftValues[] {
  const all = (name: string) => formData.getAll(name).map((value) => (typeof value === 'string' ? value.trim() : ''));
  const jobs = all('job');
  const dates = all('date');
  const starts = all('start');
  const ends = all('end');
  const breaks = all('breakMinutes');
  return jobs.map((job, index) => ({
    job,
    date: dates[index] ?? '',
    start: starts[index] ?? '',
    end: ends[index] ?? '',
    breakMinutes: breaks[index] ?? '',
  }));
}

/** Returns whether a row has no job, date or times. Such rows are skipped, so spare rows are no error. */
export function isBlankRow(row: PlannedShiftValues): boolean {
  return !row.job && !row.date && !row.start && !row.end;
}

function rowError(row: PlannedShiftValues): string | null {
  if (!row.job) return 'Enter the job’s name.';
  if (row.job.length > MAX_JOB_NAME_LENGTH) return `Use at most ${MAX_JOB_NAME_LENGTH} characters for the job’s name.`;
  if (!isCalendarDate(row.date)) return 'Enter the date of the shift.';
  if (!TIME_PATTERN.test(row.start) || !TIME_PATTERN.test(row.end)) return 'Enter start and end times.';
  if (row.end <= row.start) return 'The end time must be after the start time. Split a shift past midnight in two.';
  const breakMinutes = Number(row.breakMinutes || '0');
  const length = minutesOfDay(row.end) - minutesOfDay(row.start);
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes > MAX_BREAK_MINUTES) {
    return 'Enter the break in whole minutes.';
  }
  if (breakMinutes >= length) return 'The break must be shorter than the shift.';
  return null;
}

/**
 * Checks the typed rows. Returns the shifts to send, the row each came from, and errors keyed
 * "row-N" (N counts from 0) or "plan" for the whole plan.
 */
export function validatePlan(rows: readonly PlannedShiftValues[]): {
  shifts: PlannedShift[];
  rowIndexes: number[];
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const shifts: PlannedShift[] = [];
  const rowIndexes: number[] = [];

  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const error = rowError(row);
    if (error) {
      errors[`row-${index}`] = error;
      return;
    }
    shifts.push({
      job: row.job,
      date: row.date,
      start: row.start,
      end: row.end,
      breakMinutes: Number(row.breakMinutes || '0'),
    });
    rowIndexes.push(index);
  });

  if (shifts.length === 0 && Object.keys(errors).length === 0) errors.plan = 'Enter at least one shift.';
  if (shifts.length > MAX_PLANNED_SHIFTS) errors.plan = `Plan at most ${MAX_PLANNED_SHIFTS} shifts at a time.`;
  return { shifts, rowIndexes, errors };
}

export function workedMinutes(shift: PlannedShift): number {
  return minutesOfDay(shift.end) - minutesOfDay(shift.start) - shift.breakMinutes;
}

/** Returns the Sunday (YYYY-MM-DD) of the Sunday-to-Saturday week that contains `date`. */
export function weekStartOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - day.getUTCDay());
  return day.toISOString().slice(0, 10);
}

/**
 * Returns the age in whole years on `date` of someone born on `birthdate` (both YYYY-MM-DD),
 * the way the labor engine counts it: a February 29 birthday counts from March 1 in other years.
 */
export function ageOn(birthdate: string, date: string): number {
  const [birthYear, birthMonth, birthDay] = birthdate.split('-').map(Number) as [number, number, number];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const beforeBirthday = month < birthMonth || (month === birthMonth && day < birthDay);
  return year - birthYear - (beforeBirthday ? 1 : 0);
}

function uniqueViolations(violations: readonly Violation[]): Violation[] {
  const seen = new Map<string, Violation>();
  for (const violation of violations) seen.set(`${violation.rule}|${violation.message}`, violation);
  return [...seen.values()];
}

function totalsBy(
  shifts: readonly CheckedShift[],
  periodOf: (date: string) => string,
  capRules: readonly string[],
  limitsOn: (date: string) => readonly HourLimitText[],
): PeriodTotal[] {
  const periods = new Map<string, CheckedShift[]>();
  for (const shift of shifts) {
    const period = periodOf(shift.date);
    periods.set(period, [...(periods.get(period) ?? []), shift]);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, inPeriod]) => ({
      date,
      minutes: inPeriod.reduce((sum, shift) => sum + shift.minutes, 0),
      caps: limitsOn(date)
        .filter((limit) => capRules.includes(limit.rule))
        .map((limit) => limit.text),
      overCaps: uniqueViolations(
        inPeriod.flatMap((shift) => shift.violations.filter((violation) => capRules.includes(violation.rule))),
      ),
    }));
}

/** Hours per day, with the daily caps for the age on that day. */
export function totalsByDay(
  shifts: readonly CheckedShift[],
  limitsOn: (date: string) => readonly HourLimitText[],
): PeriodTotal[] {
  return totalsBy(shifts, (date) => date, DAY_CAP_RULES, limitsOn);
}

/** Hours per Sunday-to-Saturday week, with the weekly caps for the age on its Sunday. */
export function totalsByWeek(
  shifts: readonly CheckedShift[],
  limitsOn: (date: string) => readonly HourLimitText[],
): PeriodTotal[] {
  return totalsBy(shifts, weekStartOf, WEEK_CAP_RULES, limitsOn);
}
