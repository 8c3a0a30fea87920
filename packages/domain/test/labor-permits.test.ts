import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { evaluateShifts, LaborInputError, type LaborCheckRequest } from '../src/labor/index.ts';

const JULY_SHIFT = { date: '2026-07-15', start: '10:00', end: '14:00' };
const SEPTEMBER_SHIFT = { date: '2026-09-12', start: '10:00', end: '14:00' };

describe('work permits', () => {
  test('15 needs certificate in summer', () => {
    const { workPermit } = evaluateShifts({ age: 15, shifts: [JULY_SHIFT] });
    assert.equal(workPermit.needed, true);
    assert.equal(workPermit.kind, 'age-and-schooling-certificate');
    assert.equal(workPermit.citation, 'ORC 4109.02; ORC 3331.01');
    assert.equal(workPermit.onePerEmployer, true);
    assert.equal(workPermit.steps.length, 4);
    assert.equal(workPermit.employerDuties.length, 2);
  });

  test('16 summer-only needs consent', () => {
    const verdict = evaluateShifts({ age: 16, shifts: [JULY_SHIFT] });
    assert.equal(verdict.workPermit.kind, 'proof-of-age-and-parent-consent');
    assert.equal(verdict.workPermit.needed, true);
    assert.equal(verdict.workPermit.summerOnly, true);
    assert.equal(verdict.workPermit.citation, 'ORC 4109.02');
    assert.equal(verdict.assumedSchoolCalendar, true);
  });

  test('16 in school year needs certificate', () => {
    const { workPermit } = evaluateShifts({ age: 16, shifts: [JULY_SHIFT, SEPTEMBER_SHIFT] });
    assert.equal(workPermit.kind, 'age-and-schooling-certificate');
    assert.equal(workPermit.summerOnly, false);
  });

  test('hazardous summer job needs certificate', () => {
    const { workPermit } = evaluateShifts({ age: 17, duties: ['roofing'], shifts: [JULY_SHIFT] });
    assert.equal(workPermit.kind, 'age-and-schooling-certificate');
    assert.equal(workPermit.summerOnly, true);
  });

  test('given calendar decides summer', () => {
    const lateJune = { date: '2026-06-08', start: '10:00', end: '14:00' };
    const inSchool = evaluateShifts({ age: 16, schoolDays: ['2026-06-08', '2026-06-09'], shifts: [lateJune] });
    const afterSchool = evaluateShifts({ age: 16, schoolDays: ['2026-06-05'], shifts: [lateJune] });
    assert.equal(inSchool.workPermit.kind, 'age-and-schooling-certificate');
    assert.equal(afterSchool.workPermit.kind, 'proof-of-age-and-parent-consent');
    assert.equal(afterSchool.assumedSchoolCalendar, false);
  });

  test('adults need no permit', () => {
    const { workPermit } = evaluateShifts({ age: 18, shifts: [SEPTEMBER_SHIFT] });
    assert.equal(workPermit.needed, false);
    assert.equal(workPermit.kind, 'none');
    assert.deepEqual(workPermit.steps, []);
    assert.deepEqual(workPermit.employerDuties, []);
  });

  test('turning 18 uses youngest age', () => {
    const { workPermit } = evaluateShifts({
      birthdate: '2008-07-20',
      shifts: [JULY_SHIFT, SEPTEMBER_SHIFT],
    });
    assert.equal(workPermit.kind, 'proof-of-age-and-parent-consent');
  });

  test('fixed age without shifts', () => {
    const verdict = evaluateShifts({ age: 16, shifts: [] });
    assert.equal(verdict.allowed, true);
    assert.deepEqual(verdict.shifts, []);
    assert.equal(verdict.workPermit.kind, 'age-and-schooling-certificate');
  });
});

describe('request validation', () => {
  const shift = { date: '2026-03-14', start: '10:00', end: '13:00' };
  const invalid: Array<[string, LaborCheckRequest, string]> = [
    ['no age', { shifts: [shift] }, 'Give exactly one of age and birthdate.'],
    ['both ages', { age: 15, birthdate: '2010-01-01', shifts: [shift] }, 'Give exactly one of age and birthdate.'],
    ['fractional age', { age: 15.5, shifts: [shift] }, 'age 15.5 is invalid: expected whole years from 0 to 130.'],
    [
      'bad time',
      { age: 15, shifts: [{ ...shift, end: '24:00' }] },
      'shifts[0].end "24:00" is invalid: expected HH:MM from 00:00 to 23:59.',
    ],
    [
      'bad date',
      { age: 15, shifts: [{ ...shift, date: '2026-02-30' }] },
      'shifts[0].date "2026-02-30" is invalid: expected a real date as YYYY-MM-DD.',
    ],
    [
      'date before rules',
      { age: 15, shifts: [{ ...shift, date: '2024-12-31' }] },
      'shifts[0].date 2024-12-31 is too early: the rules cover shifts from 2025-01-01.',
    ],
    [
      'zero-length shift',
      { age: 15, shifts: [{ ...shift, end: '10:00' }] },
      'shifts[0].end "10:00" is invalid: a shift must end at least 1 minute after its start 10:00.',
    ],
    [
      'break as long as shift',
      { age: 15, shifts: [{ ...shift, breakMinutes: 180 }] },
      'shifts[0].breakMinutes 180 is invalid: expected whole minutes, at least 0 and shorter than the 180-minute shift.',
    ],
    [
      'overlapping shifts',
      { age: 15, shifts: [shift, { ...shift, start: '12:00', end: '14:00' }] },
      'shifts[0] and shifts[1] overlap: a worker cannot work two shifts at once.',
    ],
    [
      'unknown duty',
      { age: 15, duties: ['juggling' as never], shifts: [shift] },
      'Unknown duty "juggling": pick one of the ids in DUTY_IDS.',
    ],
    [
      'school hours reversed',
      { age: 15, schoolHours: { start: '15:00', end: '08:00' }, shifts: [shift] },
      'schoolHours end 08:00 must be after start 15:00.',
    ],
    [
      'shift before birth',
      { birthdate: '2026-03-15', shifts: [shift] },
      'shifts[0].date 2026-03-14 is before the birthdate 2026-03-15.',
    ],
  ];

  for (const [name, request, message] of invalid) {
    test(`rejects ${name}`, () => {
      assert.throws(() => evaluateShifts(request), new LaborInputError(message));
    });
  }
});
