import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { evaluateShifts, type LaborCheckRequest, type ShiftInput, type Violation } from '../src/labor/index.ts';

// School runs Monday to Friday, March 9–20, 2026. March 14 and 15 are a weekend.
const MARCH_SCHOOL_DAYS = [
  '2026-03-09',
  '2026-03-10',
  '2026-03-11',
  '2026-03-12',
  '2026-03-13',
  '2026-03-16',
  '2026-03-17',
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
];

const BOTH_14_15 = 'ORC 4109.07(A); 29 CFR 570.35';

function check(request: Partial<LaborCheckRequest> & { shifts: ShiftInput[] }): ReturnType<typeof evaluateShifts> {
  return evaluateShifts({ schoolDays: MARCH_SCHOOL_DAYS, ...request });
}

function rulesOf(violations: readonly Violation[]): string[] {
  return violations.map((violation) => violation.rule);
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1);
  const [item] = items;
  assert.ok(item !== undefined);
  return item;
}

describe('latest end, ages 14–15', () => {
  test('ends exactly 7 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-03-10', start: '16:00', end: '19:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('ends 7:01 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-03-14', start: '16:01', end: '19:01' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    assert.equal(violation.citation, BOTH_14_15);
    assert.equal(violation.message, "At 15, you can't work past 7:00 pm on this day. This shift ends at 7:01 pm.");
  });

  test('June 1 ends exactly 9 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-06-01', start: '16:00', end: '21:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('May 31 keeps 7 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-05-31', start: '16:00', end: '19:30' }] });
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['latest-end']);
  });

  test('August 31 allows 9 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-08-31', start: '16:00', end: '21:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('September 1 keeps Ohio 7 pm', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-09-01', start: '16:00', end: '19:30' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    // Federal law allows 9 pm until Labor Day, so only Ohio sets the 7 pm limit.
    assert.equal(violation.citation, 'ORC 4109.07(A)');
  });

  test('Labor Day keeps Ohio 7 pm', () => {
    const verdict = evaluateShifts({ age: 15, shifts: [{ date: '2026-09-07', start: '16:00', end: '20:00' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    assert.equal(violation.citation, 'ORC 4109.07(A)');
  });

  test('Labor Day is no school day', () => {
    const verdict = evaluateShifts({ age: 15, shifts: [{ date: '2026-09-07', start: '10:00', end: '14:00' }] });
    assert.equal(verdict.allowed, true);
    assert.equal(verdict.assumedSchoolCalendar, true);
  });

  test('crossing midnight ends next day', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-07-11', start: '20:00', end: '00:30' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    assert.equal(
      violation.message,
      "At 15, you can't work past 9:00 pm on this day. This shift ends at 12:30 am the next day.",
    );
  });
});

describe('school breaks, ages 14–15', () => {
  // Spring break: no school Monday to Friday, March 16–20.
  const springBreak = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-23'];
  const lateShift = [{ date: '2026-03-18', start: '17:00', end: '20:30', breakMinutes: 0 }];

  test('Ohio alone allows 9 pm', () => {
    const verdict = evaluateShifts({ age: 15, flsaCovered: false, schoolDays: springBreak, shifts: lateShift });
    assert.equal(verdict.allowed, true);
  });

  test('federal law keeps 7 pm', () => {
    const verdict = evaluateShifts({ age: 15, schoolDays: springBreak, shifts: lateShift });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    assert.equal(violation.citation, '29 CFR 570.35');
  });

  test('three-day break keeps 7 pm', () => {
    const shortBreak = ['2026-03-13', '2026-03-19', '2026-03-20'];
    const verdict = evaluateShifts({ age: 15, flsaCovered: false, schoolDays: shortBreak, shifts: lateShift });
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['latest-end']);
  });
});

describe('school hours and start, ages 14–15', () => {
  test('starts when school ends', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-03-10', start: '15:00', end: '18:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('starts one minute early', () => {
    const verdict = check({ age: 15, shifts: [{ date: '2026-03-10', start: '14:59', end: '17:59' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'school-hours');
    assert.equal(violation.citation, BOTH_14_15);
  });

  test('custom school hours apply', () => {
    const schoolHours = { start: '07:30', end: '14:20' };
    const early = check({ age: 15, schoolHours, shifts: [{ date: '2026-03-10', start: '14:00', end: '16:00' }] });
    const after = check({ age: 15, schoolHours, shifts: [{ date: '2026-03-10', start: '14:20', end: '16:00' }] });
    assert.deepEqual(rulesOf(early.shifts[0]?.violations ?? []), ['school-hours']);
    assert.equal(after.allowed, true);
  });

  test('Saturday daytime is allowed', () => {
    const verdict = check({ age: 14, shifts: [{ date: '2026-03-14', start: '10:00', end: '13:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('starts exactly 7 am', () => {
    const verdict = check({ age: 14, shifts: [{ date: '2026-03-14', start: '07:00', end: '10:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('starts 6:59 am', () => {
    const verdict = check({ age: 14, shifts: [{ date: '2026-03-14', start: '06:59', end: '10:00' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'earliest-start');
    assert.equal(violation.message, "At 14, you can't start work before 7:00 am. This shift starts at 6:59 am.");
  });
});

describe('hour caps, ages 14–15', () => {
  test('two school-day shifts total 3 hours', () => {
    const verdict = check({
      age: 15,
      shifts: [
        { date: '2026-03-10', start: '17:00', end: '18:30' },
        { date: '2026-03-10', start: '15:00', end: '16:30' },
      ],
    });
    assert.equal(verdict.allowed, true);
  });

  test('later shift fails daily cap', () => {
    const verdict = check({
      age: 15,
      shifts: [
        { date: '2026-03-10', start: '17:00', end: '19:00' },
        { date: '2026-03-10', start: '15:00', end: '16:30' },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [false, true],
    );
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'school-day-hours');
    assert.equal(
      violation.message,
      'At 15, you can work at most 3 hours on a school day. With this shift, you would work 3 hours 30 minutes on March 10, 2026.',
    );
  });

  test('non-school day allows 8 hours', () => {
    const verdict = check({
      age: 15,
      shifts: [{ date: '2026-03-14', start: '09:00', end: '17:30', breakMinutes: 30 }],
    });
    assert.equal(verdict.allowed, true);
  });

  test('non-school day over 8 hours', () => {
    const verdict = check({
      age: 15,
      shifts: [{ date: '2026-03-14', start: '09:00', end: '17:45', breakMinutes: 30 }],
    });
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['non-school-day-hours']);
  });

  test('school week over 18 hours', () => {
    const weekdays = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    const shifts = [
      { date: '2026-03-08', start: '10:00', end: '13:00' },
      ...weekdays.map((date) => ({ date, start: '15:30', end: '18:30' })),
      { date: '2026-03-14', start: '10:00', end: '11:00' },
    ];
    const verdict = check({ age: 15, shifts });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [true, true, true, true, true, true, false],
    );
    const violation = only(verdict.shifts[6]?.violations ?? []);
    assert.equal(violation.rule, 'school-week-hours');
    assert.equal(
      violation.message,
      'At 15, you can work at most 18 hours in a week with school. With this shift, you would work 19 hours in the week starting Sunday, March 8, 2026.',
    );
  });

  test('summer week over 40 hours', () => {
    const weekdays = ['2026-07-13', '2026-07-14', '2026-07-15', '2026-07-16', '2026-07-17'];
    const shifts = [
      ...weekdays.map((date) => ({ date, start: '08:00', end: '16:30', breakMinutes: 30 })),
      { date: '2026-07-18', start: '09:00', end: '10:00' },
    ];
    const verdict = evaluateShifts({ age: 15, schoolDays: [], shifts });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [true, true, true, true, true, false],
    );
    assert.deepEqual(rulesOf(verdict.shifts[5]?.violations ?? []), ['non-school-week-hours']);
  });
});

describe('ages 16–17', () => {
  test('ends 11:01 pm before school', () => {
    const verdict = check({ age: 16, shifts: [{ date: '2026-03-10', start: '18:01', end: '23:01' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end-before-school-day');
    assert.equal(violation.citation, 'ORC 4109.07(D)');
  });

  test('Sunday night crossing midnight', () => {
    const verdict = check({ age: 16, shifts: [{ date: '2026-03-15', start: '20:00', end: '00:30' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end-before-school-day');
    assert.equal(
      violation.message,
      "At 16, you can't work past 11:00 pm on a night before a school day. This shift ends at 12:30 am the next day.",
    );
  });

  test('Saturday night crossing midnight', () => {
    const verdict = check({ age: 16, shifts: [{ date: '2026-03-14', start: '20:00', end: '01:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('6 am after working late', () => {
    const verdict = check({
      age: 17,
      shifts: [
        { date: '2026-03-15', start: '16:00', end: '20:01' },
        { date: '2026-03-16', start: '06:00', end: '07:30' },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [true, false],
    );
    const violation = only(verdict.shifts[1]?.violations ?? []);
    assert.equal(violation.rule, 'earliest-start-on-school-day');
    assert.equal(
      violation.message,
      "At 17, you can't start before 7:00 am on a school day after working late the night before. This shift starts at 6:00 am.",
    );
  });

  test('7 am after working late', () => {
    const verdict = check({
      age: 17,
      shifts: [
        { date: '2026-03-15', start: '18:00', end: '22:00' },
        { date: '2026-03-16', start: '07:00', end: '07:45' },
      ],
    });
    assert.equal(verdict.allowed, true);
  });

  test('no daily or weekly caps', () => {
    const weekdays = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    const shifts = weekdays.map((date) => ({ date, start: '15:00', end: '23:00', breakMinutes: 30 }));
    const verdict = check({ age: 16, shifts });
    assert.equal(verdict.allowed, true);
  });
});

describe('graduates', () => {
  test('16 graduate skips Ohio hours', () => {
    const verdict = check({ age: 16, graduated: true, shifts: [{ date: '2026-03-10', start: '19:00', end: '23:30' }] });
    assert.equal(verdict.allowed, true);
  });

  test('15 graduate keeps federal hours', () => {
    const verdict = check({ age: 15, graduated: true, shifts: [{ date: '2026-03-14', start: '16:00', end: '19:15' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'latest-end');
    assert.equal(violation.citation, '29 CFR 570.35');
  });

  test('15 graduate without FLSA', () => {
    const verdict = check({
      age: 15,
      graduated: true,
      flsaCovered: false,
      shifts: [{ date: '2026-03-14', start: '16:00', end: '19:15' }],
    });
    assert.equal(verdict.allowed, true);
  });

  test('graduate still needs rest', () => {
    const verdict = check({ age: 17, graduated: true, shifts: [{ date: '2026-03-14', start: '09:00', end: '15:00' }] });
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['rest-period']);
  });
});

describe('rest periods', () => {
  test('exactly 5 hours without break', () => {
    const verdict = check({ age: 16, shifts: [{ date: '2026-03-14', start: '09:00', end: '14:00' }] });
    assert.equal(verdict.allowed, true);
  });

  test('5 hours 1 minute without break', () => {
    const verdict = check({ age: 16, shifts: [{ date: '2026-03-14', start: '09:00', end: '14:01' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'rest-period');
    assert.equal(violation.citation, 'ORC 4109.07(C)');
    assert.equal(
      violation.message,
      'You need a break of at least 30 minutes for every 5 hours of work in a row. This shift runs 5 hours 1 minute with no such break.',
    );
  });

  test('30-minute break covers 6 hours', () => {
    const verdict = check({
      age: 16,
      shifts: [{ date: '2026-03-14', start: '09:00', end: '15:00', breakMinutes: 30 }],
    });
    assert.equal(verdict.allowed, true);
  });

  test('29-minute break is no rest', () => {
    const verdict = check({
      age: 16,
      shifts: [{ date: '2026-03-14', start: '09:00', end: '15:00', breakMinutes: 29 }],
    });
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['rest-period']);
  });

  test('long shift needs two rests', () => {
    const oneBreak = check({
      age: 16,
      shifts: [{ date: '2026-03-14', start: '07:00', end: '18:00', breakMinutes: 30 }],
    });
    const twoBreaks = check({
      age: 16,
      shifts: [{ date: '2026-03-14', start: '07:00', end: '18:00', breakMinutes: 60 }],
    });
    assert.equal(
      oneBreak.shifts[0]?.violations[0]?.message,
      'You need a break of at least 30 minutes for every 5 hours of work in a row. This shift has 10 hours 30 minutes of work with only 1 such break.',
    );
    assert.equal(twoBreaks.allowed, true);
  });

  test('close shifts join one run', () => {
    const verdict = check({
      age: 16,
      shifts: [
        { date: '2026-03-14', start: '09:00', end: '12:00' },
        { date: '2026-03-14', start: '12:15', end: '15:00' },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [true, false],
    );
    assert.equal(
      verdict.shifts[1]?.violations[0]?.message,
      'You need a break of at least 30 minutes for every 5 hours of work in a row. This shift together with the shift right before it runs 6 hours with no such break.',
    );
  });

  test('30-minute gap splits runs', () => {
    const verdict = check({
      age: 16,
      shifts: [
        { date: '2026-03-14', start: '09:00', end: '12:00' },
        { date: '2026-03-14', start: '12:30', end: '15:30' },
      ],
    });
    assert.equal(verdict.allowed, true);
  });

  test('adults need no rest', () => {
    const verdict = check({ age: 18, shifts: [{ date: '2026-03-14', start: '06:00', end: '23:00' }] });
    assert.equal(verdict.allowed, true);
  });
});

describe('age on each shift', () => {
  test('turning 16 between shifts', () => {
    const verdict = check({
      birthdate: '2010-03-12',
      shifts: [
        { date: '2026-03-11', start: '16:00', end: '19:30' },
        { date: '2026-03-12', start: '16:00', end: '22:00', breakMinutes: 30 },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.age),
      [15, 16],
    );
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [false, true],
    );
    assert.deepEqual(rulesOf(verdict.shifts[0]?.violations ?? []), ['latest-end', 'school-day-hours']);
  });

  test('cooking allowed from 16', () => {
    const verdict = check({
      birthdate: '2010-03-12',
      duties: ['cooking'],
      shifts: [
        { date: '2026-03-07', start: '10:00', end: '13:00' },
        { date: '2026-03-14', start: '10:00', end: '13:00' },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [false, true],
    );
  });

  test('under 14 is rejected', () => {
    const verdict = check({ age: 13, shifts: [{ date: '2026-03-14', start: '10:00', end: '12:00' }] });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'minimum-age');
    assert.equal(violation.citation, '29 CFR 570.2(a)');
    assert.equal(verdict.workPermit.kind, 'not-eligible');
  });
});

describe('duties', () => {
  test('meat slicer at 17', () => {
    const verdict = check({
      age: 17,
      duties: ['meat-slicer'],
      shifts: [{ date: '2026-03-14', start: '10:00', end: '13:00' }],
    });
    const violation = only(verdict.shifts[0]?.violations ?? []);
    assert.equal(violation.rule, 'prohibited-duty');
    assert.equal(violation.citation, 'OAC 4101:9-2; 29 CFR 570 Subpart E');
    assert.equal(
      violation.message,
      `At 17, you can't do this task: "Using a power-driven meat slicer". Nobody under 18 is allowed to do it.`,
    );
  });

  test('every shift fails prohibited duty', () => {
    const verdict = check({
      age: 15,
      duties: ['warehouse'],
      shifts: [
        { date: '2026-03-14', start: '10:00', end: '13:00' },
        { date: '2026-03-15', start: '10:00', end: '13:00' },
      ],
    });
    assert.deepEqual(
      verdict.shifts.map((shift) => rulesOf(shift.violations)),
      [['prohibited-duty'], ['prohibited-duty']],
    );
  });

  test('one violation per duty', () => {
    const verdict = check({
      age: 15,
      duties: ['cooking', 'driving', 'cashier'],
      shifts: [{ date: '2026-03-14', start: '10:00', end: '13:00' }],
    });
    assert.deepEqual(
      verdict.shifts[0]?.violations.map((violation) => violation.citation),
      ['OAC 4101:9-2-02; 29 CFR 570.33', 'OAC 4101:9-2; 29 CFR 570 Subpart E'],
    );
  });

  test('cooking allowed at 16', () => {
    const verdict = check({
      age: 16,
      duties: ['cooking', 'baking'],
      shifts: [{ date: '2026-03-14', start: '10:00', end: '13:00' }],
    });
    assert.equal(verdict.allowed, true);
  });

  test('lifeguard needs age 15 federally', () => {
    const shifts = [{ date: '2026-07-11', start: '10:00', end: '13:00' }];
    const fourteen = check({ age: 14, duties: ['lifeguard'], shifts });
    const fourteenOhioOnly = check({ age: 14, duties: ['lifeguard'], flsaCovered: false, shifts });
    const fifteen = check({ age: 15, duties: ['lifeguard'], shifts });
    assert.deepEqual(rulesOf(fourteen.shifts[0]?.violations ?? []), ['prohibited-duty']);
    assert.equal(fourteenOhioOnly.allowed, true);
    assert.equal(fifteen.allowed, true);
  });
});
