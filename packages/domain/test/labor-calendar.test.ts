import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  ageBand,
  ageOn,
  createSchoolCalendar,
  defaultSchoolYearStart,
  evaluateShifts,
  federalHolidays,
  isDefaultSchoolDay,
  isObservedFederalHoliday,
  laborDay,
} from '../src/labor/index.ts';

describe('federal holidays', () => {
  test('2026 dates and observed dates', () => {
    assert.deepEqual(federalHolidays(2026), [
      { name: "New Year's Day", date: '2026-01-01', observedDate: '2026-01-01' },
      { name: 'Birthday of Martin Luther King, Jr.', date: '2026-01-19', observedDate: '2026-01-19' },
      { name: "Washington's Birthday", date: '2026-02-16', observedDate: '2026-02-16' },
      { name: 'Memorial Day', date: '2026-05-25', observedDate: '2026-05-25' },
      { name: 'Juneteenth National Independence Day', date: '2026-06-19', observedDate: '2026-06-19' },
      { name: 'Independence Day', date: '2026-07-04', observedDate: '2026-07-03' },
      { name: 'Labor Day', date: '2026-09-07', observedDate: '2026-09-07' },
      { name: 'Columbus Day', date: '2026-10-12', observedDate: '2026-10-12' },
      { name: 'Veterans Day', date: '2026-11-11', observedDate: '2026-11-11' },
      { name: 'Thanksgiving Day', date: '2026-11-26', observedDate: '2026-11-26' },
      { name: 'Christmas Day', date: '2026-12-25', observedDate: '2026-12-25' },
    ]);
  });

  test('Sunday holiday observed Monday', () => {
    const independenceDay = federalHolidays(2027).find((holiday) => holiday.name === 'Independence Day');
    assert.equal(independenceDay?.observedDate, '2027-07-05');
  });

  test('Saturday New Year observed December 31', () => {
    assert.equal(isObservedFederalHoliday('2027-12-31'), true);
    assert.equal(isObservedFederalHoliday('2028-01-01'), false);
  });

  test('Juneteenth starts in 2021', () => {
    const names2020 = federalHolidays(2020).map((holiday) => holiday.name);
    const names2021 = federalHolidays(2021).map((holiday) => holiday.name);
    assert.equal(names2020.includes('Juneteenth National Independence Day'), false);
    assert.equal(names2021.includes('Juneteenth National Independence Day'), true);
  });

  test('Labor Day is first Monday', () => {
    assert.equal(laborDay(2026), '2026-09-07');
    assert.equal(laborDay(2025), '2025-09-01');
  });
});

describe('default school calendar', () => {
  test('year starts fourth Monday of August', () => {
    assert.equal(defaultSchoolYearStart(2026), '2026-08-24');
    assert.equal(defaultSchoolYearStart(2025), '2025-08-25');
  });

  test('school days and non-school days', () => {
    const expected: Array<[string, boolean]> = [
      ['2026-08-21', false], // Friday before the fourth Monday of August
      ['2026-08-24', true], // fourth Monday of August
      ['2026-05-29', true], // last Friday through May 31
      ['2026-06-01', false], // summer
      ['2026-05-25', false], // Memorial Day
      ['2026-09-07', false], // Labor Day
      ['2026-11-11', false], // Veterans Day on a Wednesday
      ['2026-11-27', true], // Friday after Thanksgiving is not a federal holiday
      ['2026-12-25', false], // Christmas
      ['2027-12-31', false], // observed New Year's Day 2028
      ['2026-03-14', false], // Saturday
    ];
    for (const [date, schoolDay] of expected) {
      assert.equal(isDefaultSchoolDay(date), schoolDay, date);
    }
  });

  test('verdict says calendar was assumed', () => {
    const verdict = evaluateShifts({ age: 15, shifts: [{ date: '2026-08-24', start: '10:00', end: '13:00' }] });
    assert.equal(verdict.assumedSchoolCalendar, true);
    assert.deepEqual(
      verdict.shifts[0]?.violations.map((violation) => violation.rule),
      ['school-hours'],
    );
  });

  test('Friday before school year is free', () => {
    const verdict = evaluateShifts({ age: 15, shifts: [{ date: '2026-08-21', start: '10:00', end: '13:00' }] });
    assert.equal(verdict.allowed, true);
    assert.equal(verdict.assumedSchoolCalendar, true);
  });

  test('given calendar is not assumed', () => {
    const verdict = evaluateShifts({
      age: 15,
      schoolDays: [],
      shifts: [{ date: '2026-08-24', start: '10:00', end: '13:00' }],
    });
    assert.equal(verdict.allowed, true);
    assert.equal(verdict.assumedSchoolCalendar, false);
  });

  test('adult verdict assumes nothing', () => {
    const verdict = evaluateShifts({ age: 19, shifts: [{ date: '2026-08-24', start: '10:00', end: '13:00' }] });
    assert.equal(verdict.assumedSchoolCalendar, false);
  });
});

describe('summer vacation', () => {
  test('default calendar summer bounds', () => {
    const calendar = createSchoolCalendar();
    const expected: Array<[string, boolean]> = [
      ['2026-05-29', false], // last school day
      ['2026-05-30', true], // Saturday after it
      ['2026-07-15', true],
      ['2026-08-23', true], // Sunday before school starts
      ['2026-08-24', false],
      ['2026-09-07', false], // Labor Day falls in the school year
    ];
    for (const [date, summer] of expected) {
      assert.equal(calendar.isInSummerVacation(date), summer, date);
    }
  });

  test('given calendar summer bounds', () => {
    const calendar = createSchoolCalendar(['2026-06-05', '2026-08-19']);
    assert.equal(calendar.isInSummerVacation('2026-06-04'), false);
    assert.equal(calendar.isInSummerVacation('2026-06-06'), true);
    assert.equal(calendar.isInSummerVacation('2026-08-18'), true);
    assert.equal(calendar.isInSummerVacation('2026-08-20'), false);
  });

  test('March is never summer', () => {
    const calendar = createSchoolCalendar([]);
    assert.equal(calendar.isInSummerVacation('2026-03-28'), false);
  });
});

describe('ages', () => {
  test('age on birthday and day before', () => {
    assert.equal(ageOn('2010-03-12', '2026-03-11'), 15);
    assert.equal(ageOn('2010-03-12', '2026-03-12'), 16);
  });

  test('February 29 birthday', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
    assert.equal(ageOn('2008-02-29', '2028-02-29'), 20);
  });

  test('date before birthdate throws', () => {
    assert.throws(() => ageOn('2010-03-12', '2009-01-01'), RangeError);
  });

  test('age bands', () => {
    assert.equal(ageBand(14), null);
    assert.equal(ageBand(15), '15');
    assert.equal(ageBand(16), '16–17');
    assert.equal(ageBand(17), '16–17');
    assert.equal(ageBand(18), '18+');
    assert.equal(ageBand(20), '18+');
  });

  test('invalid age band input throws', () => {
    assert.throws(() => ageBand(15.5), RangeError);
    assert.throws(() => ageBand(-1), RangeError);
  });
});
