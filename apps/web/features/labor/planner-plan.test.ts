import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hourLimitsForAge } from './hour-limits';
import {
  ageOn,
  EMPTY_PLANNED_SHIFT,
  readPlannerForm,
  totalsByDay,
  totalsByWeek,
  validatePlan,
  weekStartOf,
  workedMinutes,
  type CheckedShift,
  type PlannedShiftValues,
} from './planner-plan';

function row(overrides: Partial<PlannedShiftValues>): PlannedShiftValues {
  return { job: 'Library', date: '2026-12-08', start: '15:00', end: '19:00', breakMinutes: '0', ...overrides };
}

function checked(overrides: Partial<CheckedShift>): CheckedShift {
  const shift = { job: 'Library', date: '2026-12-08', start: '15:00', end: '18:00', breakMinutes: 0, ...overrides };
  return { minutes: workedMinutes(shift), allowed: true, violations: [], ...shift, ...overrides };
}

const schoolDayCap = {
  rule: 'school-day-hours',
  citation: 'ORC 4109.07(A); 29 CFR 570.35',
  message: 'At 15, you can work at most 3 hours on a school day.',
};

describe('hours planner', () => {
  test('blank rows are skipped', () => {
    const { shifts, rowIndexes, errors } = validatePlan([EMPTY_PLANNED_SHIFT, row({}), EMPTY_PLANNED_SHIFT]);
    assert.deepEqual(errors, {});
    assert.equal(shifts.length, 1);
    assert.deepEqual(rowIndexes, [1]);
    assert.deepEqual(shifts[0], {
      job: 'Library',
      date: '2026-12-08',
      start: '15:00',
      end: '19:00',
      breakMinutes: 0,
    });
  });

  test('empty plan asks for a shift', () => {
    assert.deepEqual(validatePlan([EMPTY_PLANNED_SHIFT]).errors, { plan: 'Enter at least one shift.' });
  });

  test('each bad row gets its own error', () => {
    const { shifts, errors } = validatePlan([
      row({ job: '' }),
      row({ date: '2026-02-30' }),
      row({ end: '14:00' }),
      row({ breakMinutes: '240' }),
      row({ breakMinutes: 'ten' }),
      row({}),
    ]);
    assert.equal(shifts.length, 1);
    assert.equal(errors['row-0'], 'Enter the job’s name.');
    assert.equal(errors['row-1'], 'Enter the date of the shift.');
    assert.match(errors['row-2'] ?? '', /end time must be after the start time/);
    assert.equal(errors['row-3'], 'The break must be shorter than the shift.');
    assert.equal(errors['row-4'], 'Enter the break in whole minutes.');
    assert.equal(errors['row-5'], undefined);
  });

  test('form rows are read in order', () => {
    const form = new FormData();
    for (const [job, date] of [
      ['Library', '2026-12-08'],
      [' Pool ', '2026-12-09'],
    ]) {
      form.append('job', job ?? '');
      form.append('date', date ?? '');
      form.append('start', '15:00');
      form.append('end', '17:00');
      form.append('breakMinutes', '0');
    }
    const rows = readPlannerForm(form);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]?.job, 'Pool');
    assert.equal(rows[1]?.date, '2026-12-09');
  });

  test('worked minutes leave out the break', () => {
    assert.equal(workedMinutes({ job: 'A', date: '2026-12-08', start: '09:00', end: '14:30', breakMinutes: 30 }), 300);
  });

  test('weeks start on Sunday', () => {
    assert.equal(weekStartOf('2026-12-08'), '2026-12-06');
    assert.equal(weekStartOf('2026-12-06'), '2026-12-06');
    assert.equal(weekStartOf('2027-01-02'), '2026-12-27');
  });

  test('age counts February 29 from March 1', () => {
    assert.equal(ageOn('2011-02-28', '2026-02-28'), 15);
    assert.equal(ageOn('2011-03-01', '2026-02-28'), 14);
    assert.equal(ageOn('2008-02-29', '2025-02-28'), 16);
    assert.equal(ageOn('2008-02-29', '2025-03-01'), 17);
  });

  test('day totals add every job', () => {
    const shifts = [
      checked({ job: 'Library', date: '2026-12-08', start: '15:00', end: '17:00' }),
      checked({
        job: 'Pool',
        date: '2026-12-08',
        start: '17:00',
        end: '18:30',
        allowed: false,
        violations: [schoolDayCap],
      }),
      checked({ job: 'Pool', date: '2026-12-12', start: '09:00', end: '13:00' }),
    ];
    const days = totalsByDay(shifts, () => hourLimitsForAge(15));
    assert.deepEqual(
      days.map((day) => [day.date, day.minutes]),
      [
        ['2026-12-08', 210],
        ['2026-12-12', 240],
      ],
    );
    assert.deepEqual(days[0]?.overCaps, [schoolDayCap]);
    assert.deepEqual(days[1]?.overCaps, []);
    assert.deepEqual(days[0]?.caps, ['At most 3 hours on a school day.', 'At most 8 hours on a day without school.']);
  });

  test('week totals cross days', () => {
    const weekCap = { rule: 'school-week-hours', citation: 'ORC 4109.07(A)', message: 'At most 18 hours.' };
    const shifts = [
      checked({ date: '2026-12-07', start: '15:00', end: '18:00' }),
      checked({ date: '2026-12-12', start: '09:00', end: '17:00', violations: [weekCap, schoolDayCap] }),
      checked({ date: '2026-12-14', start: '15:00', end: '17:00' }),
    ];
    const weeks = totalsByWeek(shifts, () => hourLimitsForAge(15));
    assert.deepEqual(
      weeks.map((week) => [week.date, week.minutes]),
      [
        ['2026-12-06', 660],
        ['2026-12-13', 120],
      ],
    );
    assert.deepEqual(weeks[0]?.overCaps, [weekCap]);
    assert.deepEqual(weeks[0]?.caps, [
      'At most 18 hours in a week with school.',
      'At most 40 hours in a week without school.',
    ]);
  });

  test('no caps from 16', () => {
    const [day] = totalsByDay([checked({})], () => hourLimitsForAge(16));
    assert.deepEqual(day?.caps, []);
    assert.deepEqual(hourLimitsForAge(18), []);
  });
});
