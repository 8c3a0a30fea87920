import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import { DUTY_IDS, evaluateShifts, type DutyId, type LaborCheckRequest, type ShiftInput } from '../src/labor/index.ts';

const MINUTES_PER_DAY = 1440;

/** A shift as numbers: day offset from the base date, start minute, length and break in minutes. */
interface RawShift {
  dayOffset: number;
  start: number;
  length: number;
  breakMinutes: number;
}

interface Scenario {
  base: string;
  age: number;
  graduated: boolean;
  flsaCovered: boolean;
  schoolDayOffsets: number[] | null;
  duties: DutyId[];
  shifts: RawShift[];
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function clock(minutes: number): string {
  const minuteOfDay = minutes % MINUTES_PER_DAY;
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  return `${hours}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

function toShift(base: string, raw: RawShift): ShiftInput {
  return {
    date: addDays(base, raw.dayOffset),
    start: clock(raw.start),
    end: clock(raw.start + raw.length),
    breakMinutes: raw.breakMinutes,
  };
}

function toRequest(scenario: Scenario): LaborCheckRequest {
  const request: LaborCheckRequest = {
    age: scenario.age,
    graduated: scenario.graduated,
    flsaCovered: scenario.flsaCovered,
    duties: scenario.duties,
    shifts: scenario.shifts.map((raw) => toShift(scenario.base, raw)),
  };
  if (scenario.schoolDayOffsets !== null) {
    request.schoolDays = scenario.schoolDayOffsets.map((offset) => addDays(scenario.base, offset));
  }
  return request;
}

// Shifts start on every other day at most and last at most 15 hours, so they never overlap.
// Half are typical shifts (quarter-hour times between 6 am and 9 pm, up to 8 hours) so that many
// shifts start out allowed, and half are arbitrary.
const typicalTimes = fc.record({
  start: fc.integer({ min: 24, max: 84 }).map((quarter) => quarter * 15),
  length: fc.integer({ min: 4, max: 32 }).map((quarters) => quarters * 15),
});
const anyTimes = fc.record({
  start: fc.integer({ min: 0, max: MINUTES_PER_DAY - 1 }),
  length: fc.integer({ min: 1, max: 900 }),
});

const rawShift = (dayOffset: number): fc.Arbitrary<RawShift> =>
  fc
    .oneof(typicalTimes, anyTimes)
    .chain(({ start, length }) =>
      fc
        .oneof(fc.constantFrom(0, 30, 60), fc.integer({ min: 0, max: 120 }))
        .map((breakMinutes) => ({ dayOffset, start, length, breakMinutes: Math.min(breakMinutes, length - 1) })),
    );

const shiftsArbitrary: fc.Arbitrary<RawShift[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 8 })
  .chain((slots) => fc.tuple(...slots.map((slot) => rawShift(slot * 2))));

// Base dates cover the school year, the end of spring term, summer, the fall start and winter break.
const baseArbitrary = fc.constantFrom('2026-03-01', '2026-05-17', '2026-06-28', '2026-08-16', '2026-12-13');

const scenarioArbitrary = (ages: fc.Arbitrary<number>, duties: fc.Arbitrary<DutyId[]>): fc.Arbitrary<Scenario> =>
  fc.record({
    base: baseArbitrary,
    age: ages,
    graduated: fc.boolean(),
    flsaCovered: fc.boolean(),
    schoolDayOffsets: fc.option(fc.uniqueArray(fc.integer({ min: -10, max: 40 }), { maxLength: 30 }), {
      nil: null,
    }),
    duties,
    shifts: shiftsArbitrary,
  });

const minorScenario = scenarioArbitrary(
  fc.integer({ min: 14, max: 17 }),
  fc.oneof(fc.constant<DutyId[]>([]), fc.subarray([...DUTY_IDS], { maxLength: 2 })),
);

// Few random shifts start out allowed for minors, so the monotonicity properties need more runs.
const MONOTONIC_RUNS = { numRuns: 500 };

function allowedFlags(scenario: Scenario): boolean[] {
  return evaluateShifts(toRequest(scenario)).shifts.map((shift) => shift.allowed);
}

function assertNoNewFailures(before: boolean[], after: boolean[]): void {
  before.forEach((allowed, index) => {
    if (allowed) assert.equal(after[index], true, `shift ${index} became forbidden`);
  });
}

describe('labor properties', () => {
  test('shortening never forbids a shift', () => {
    const shortening = fc.record({
      index: fc.nat(),
      lengthPerMille: fc.integer({ min: 0, max: 1000 }),
      offsetPerMille: fc.integer({ min: 0, max: 1000 }),
    });

    fc.assert(
      fc.property(minorScenario, shortening, (scenario, cut) => {
        const index = cut.index % scenario.shifts.length;
        const original = scenario.shifts[index];
        assert.ok(original);

        const minLength = original.breakMinutes + 1;
        const length = minLength + Math.floor(((original.length - minLength) * cut.lengthPerMille) / 1000);
        const maxOffset = Math.min(original.length - length, MINUTES_PER_DAY - 1 - original.start);
        const start = original.start + Math.floor((maxOffset * cut.offsetPerMille) / 1000);

        const shorter = {
          ...scenario,
          shifts: scenario.shifts.map((raw, i) => (i === index ? { ...raw, start, length } : raw)),
        };
        assertNoNewFailures(allowedFlags(scenario), allowedFlags(shorter));
      }),
      MONOTONIC_RUNS,
    );
  });

  test('longer break never forbids a shift', () => {
    const extraBreak = fc.record({ index: fc.nat(), extra: fc.integer({ min: 1, max: 240 }) });

    fc.assert(
      fc.property(minorScenario, extraBreak, (scenario, change) => {
        const index = change.index % scenario.shifts.length;
        const original = scenario.shifts[index];
        assert.ok(original);
        const breakMinutes = Math.min(original.breakMinutes + change.extra, original.length - 1);
        fc.pre(breakMinutes > original.breakMinutes);

        const rested = {
          ...scenario,
          shifts: scenario.shifts.map((raw, i) => (i === index ? { ...raw, breakMinutes } : raw)),
        };
        assertNoNewFailures(allowedFlags(scenario), allowedFlags(rested));
      }),
      MONOTONIC_RUNS,
    );
  });

  test('adult shifts always allowed', () => {
    const adultScenario = scenarioArbitrary(fc.integer({ min: 18, max: 20 }), fc.subarray([...DUTY_IDS]));

    fc.assert(
      fc.property(adultScenario, (scenario) => {
        const verdict = evaluateShifts(toRequest(scenario));
        assert.equal(verdict.allowed, true);
        assert.deepEqual(
          verdict.shifts.map((shift) => shift.violations),
          scenario.shifts.map(() => []),
        );
        assert.equal(verdict.workPermit.kind, 'none');
        assert.equal(verdict.assumedSchoolCalendar, false);
      }),
    );
  });

  test('input order keeps verdicts', () => {
    const shuffled = minorScenario.chain((scenario) =>
      fc
        .shuffledSubarray(
          scenario.shifts.map((_raw, index) => index),
          { minLength: scenario.shifts.length, maxLength: scenario.shifts.length },
        )
        .map((order) => ({ scenario, order })),
    );

    fc.assert(
      fc.property(shuffled, ({ scenario, order }) => {
        const reordered = { ...scenario, shifts: order.map((index) => scenario.shifts[index] as RawShift) };
        const original = evaluateShifts(toRequest(scenario));
        const permuted = evaluateShifts(toRequest(reordered));
        order.forEach((originalIndex, position) => {
          assert.deepEqual(permuted.shifts[position], original.shifts[originalIndex]);
        });
      }),
    );
  });
});
