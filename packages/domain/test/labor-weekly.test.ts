import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { evaluateWeeklySchedule, LaborInputError, type WeeklyShift } from '../src/labor/index.ts';

const WEEKDAYS = [1, 2, 3, 4, 5];

function weekdays(start: string, end: string, breakMinutes = 0): WeeklyShift[] {
  return WEEKDAYS.map((day) => ({ day, start, end, breakMinutes }));
}

describe('evaluateWeeklySchedule', () => {
  test('reference weeks are fixed', () => {
    const verdict = evaluateWeeklySchedule({ schedule: weekdays('16:00', '18:00') });
    assert.equal(verdict.schoolYear.weekStart, '2026-03-08');
    assert.equal(verdict.summer.weekStart, '2026-07-12');
  });

  test('weekday evenings exclude 15 in school', () => {
    const verdict = evaluateWeeklySchedule({ schedule: weekdays('16:00', '21:00') });

    assert.deepEqual(verdict.schoolYear.allowedBands, ['16–17', '18+']);
    const fifteen = verdict.schoolYear.bands.find((band) => band.band === '15');
    assert.equal(fifteen?.allowed, false);
    assert.deepEqual(
      [...new Set(fifteen?.reasons.map((reason) => reason.rule))],
      ['latest-end', 'school-day-hours', 'school-week-hours'],
    );
    assert.deepEqual([...new Set(fifteen?.reasons.map((reason) => reason.day))], [1, 2, 3, 4, 5]);
  });

  test('weekday evenings fit every band in summer', () => {
    const verdict = evaluateWeeklySchedule({ schedule: weekdays('16:00', '21:00') });
    assert.deepEqual(verdict.summer.allowedBands, ['15', '16–17', '18+']);
  });

  test('short after-school shifts fit everyone', () => {
    const verdict = evaluateWeeklySchedule({ schedule: weekdays('15:30', '18:30') });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['15', '16–17', '18+']);
    assert.deepEqual(verdict.summer.allowedBands, ['15', '16–17', '18+']);
  });

  test('Sunday late night in school year', () => {
    const verdict = evaluateWeeklySchedule({ schedule: [{ day: 0, start: '18:00', end: '23:30', breakMinutes: 30 }] });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['18+']);
    assert.deepEqual(verdict.summer.allowedBands, ['16–17', '18+']);

    const sixteen = verdict.schoolYear.bands.find((band) => band.band === '16–17');
    assert.deepEqual(
      sixteen?.reasons.map((reason) => [reason.age, reason.day, reason.rule]),
      [
        [16, 0, 'latest-end-before-school-day'],
        [17, 0, 'latest-end-before-school-day'],
      ],
    );
  });

  test('Saturday late night fits 16–17', () => {
    const verdict = evaluateWeeklySchedule({ schedule: [{ day: 6, start: '18:00', end: '23:30', breakMinutes: 30 }] });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['16–17', '18+']);
  });

  test('early Saturday excludes 15', () => {
    const verdict = evaluateWeeklySchedule({ schedule: [{ day: 6, start: '06:00', end: '11:00' }] });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['16–17', '18+']);
    assert.deepEqual(verdict.summer.allowedBands, ['16–17', '18+']);
  });

  test('cooking excludes 15', () => {
    const verdict = evaluateWeeklySchedule({
      schedule: [{ day: 6, start: '10:00', end: '13:00' }],
      duties: ['cooking'],
    });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['16–17', '18+']);
    assert.deepEqual(verdict.summer.allowedBands, ['16–17', '18+']);
  });

  test('driving leaves only adults', () => {
    const verdict = evaluateWeeklySchedule({
      schedule: [{ day: 6, start: '10:00', end: '13:00' }],
      duties: ['driving'],
    });
    assert.deepEqual(verdict.schoolYear.allowedBands, ['18+']);
    assert.deepEqual(verdict.summer.allowedBands, ['18+']);
  });

  test('invalid day is rejected', () => {
    assert.throws(
      () => evaluateWeeklySchedule({ schedule: [{ day: 7, start: '10:00', end: '13:00' }] }),
      new LaborInputError('schedule[0].day 7 is invalid: expected 0 (Sunday) to 6 (Saturday).'),
    );
  });

  test('invalid time names schedule', () => {
    assert.throws(
      () => evaluateWeeklySchedule({ schedule: [{ day: 1, start: '9:00', end: '13:00' }] }),
      new LaborInputError('schedule[0].start "9:00" is invalid: expected HH:MM from 00:00 to 23:59.'),
    );
  });
});
