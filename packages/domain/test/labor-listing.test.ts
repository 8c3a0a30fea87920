import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';

import {
  firstFullWeek,
  hourLimitsFor,
  listingWarnings,
  personalVerdict,
  summarizeListing,
  type WeeklyShift,
} from '../src/labor/index.ts';

const mondayNight: WeeklyShift = { day: 1, start: '17:00', end: '21:00', breakMinutes: 0 };
const tuesdayNight: WeeklyShift = { day: 2, start: '17:00', end: '21:00', breakMinutes: 0 };

/** One shift per day, each ending by 11 pm the same day, so no two overlap. */
const scheduleArbitrary = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: 0, max: 6 }),
      hour: fc.integer({ min: 0, max: 14 }),
      length: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 1, maxLength: 6, selector: (shift) => shift.day },
  )
  .map((shifts) =>
    shifts.map(({ day, hour, length }) => ({
      day,
      start: `${String(hour).padStart(2, '0')}:00`,
      end: `${String(hour + length).padStart(2, '0')}:00`,
      breakMinutes: 0,
    })),
  );
const mondayEvening: WeeklyShift = { day: 1, start: '16:00', end: '19:00', breakMinutes: 0 };
const saturdayMorning: WeeklyShift = { day: 6, start: '09:00', end: '13:00', breakMinutes: 0 };

function band(summary: ReturnType<typeof summarizeListing>, season: 'schoolYear' | 'summer', name: string) {
  const found = summary[season].bands.find((entry) => entry.band === name);
  assert.ok(found, `band ${name}`);
  return found;
}

describe('listing summary', () => {
  test('school-night 9 pm shift excludes 15 in the school year', () => {
    const summary = summarizeListing({ schedule: [mondayNight], duties: [], minimumAge: 15 });
    assert.deepEqual(summary.schoolYear.allowedBands, ['16–17', '18+']);
    assert.deepEqual(summary.summer.allowedBands, ['15', '16–17', '18+']);
    assert.equal(band(summary, 'schoolYear', '15').verdict, 'none');
    assert.deepEqual(listingWarnings(summary), [
      "During the school year, 15-year-olds cannot work any shift: they can't work past 7:00 pm on this day. This shift ends at 9:00 pm.",
    ]);
  });

  test('a mixed schedule lets 15 work some shifts', () => {
    const summary = summarizeListing({ schedule: [mondayEvening, tuesdayNight], duties: [], minimumAge: 15 });
    const fifteen = band(summary, 'schoolYear', '15');
    assert.equal(fifteen.verdict, 'some');
    assert.deepEqual(fifteen.allowedShifts, [0]);
    assert.deepEqual(summary.schoolYear.workableBands, ['15', '16–17', '18+']);
  });

  test('employer minimum age narrows the bands', () => {
    const summary = summarizeListing({ schedule: [saturdayMorning], duties: [], minimumAge: 18 });
    assert.deepEqual(summary.schoolYear.allowedBands, ['18+']);
    assert.equal(band(summary, 'summer', '16–17').excludedByEmployer, true);
    assert.deepEqual(listingWarnings(summary), []);
  });

  test('a low minimum age never widens what the law allows', () => {
    const summary = summarizeListing({ schedule: [saturdayMorning], duties: ['meat-slicer'], minimumAge: 15 });
    assert.deepEqual(summary.schoolYear.workableBands, ['18+']);
    assert.deepEqual(summary.summer.workableBands, ['18+']);
    assert.equal(band(summary, 'summer', '16–17').reasons[0]?.rule, 'prohibited-duty');
  });

  test('raising the minimum age never adds a band', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        const loose = summarizeListing({ schedule, duties: [], minimumAge: 15 });
        for (const minimumAge of [16, 18] as const) {
          const strict = summarizeListing({ schedule, duties: [], minimumAge });
          for (const season of ['schoolYear', 'summer'] as const) {
            for (const name of strict[season].workableBands) assert.ok(loose[season].workableBands.includes(name));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('hour limits for a worker', () => {
  test('15 gets the school-week caps and the 7 pm end', () => {
    const texts = hourLimitsFor(15, '2026-03-09').map((limit) => limit.text);
    assert.ok(texts.includes('At most 3 hours on a school day.'));
    assert.ok(texts.includes('At most 18 hours in a week with school.'));
    assert.ok(texts.includes('No work after 7:00 pm, or after 9:00 pm from June 1 through August 31.'));
    assert.ok(texts.includes('A break of at least 30 minutes after 5 hours of work in a row.'));
  });

  test('16 gets the school-night rule and no hour caps', () => {
    const limits = hourLimitsFor(16, '2026-03-09');
    assert.deepEqual(
      limits.map((limit) => limit.rule),
      ['latest-end-before-school-day', 'earliest-start-on-school-day', 'rest-period'],
    );
  });

  test('adults have no hour limits', () => {
    assert.deepEqual(hourLimitsFor(18, '2026-03-09'), []);
  });

  test('graduates keep only the break rule', () => {
    assert.deepEqual(
      hourLimitsFor(17, '2026-03-09', { graduated: true }).map((limit) => limit.rule),
      ['rest-period'],
    );
  });
});

describe('personal verdict', () => {
  test('first full week starts on the next Sunday', () => {
    assert.equal(firstFullWeek('2027-01-06'), '2027-01-10');
    assert.equal(firstFullWeek('2027-01-10'), '2027-01-10');
  });

  test('15-year-old cannot apply to school-night shifts only', () => {
    const verdict = personalVerdict({
      birthdate: '2011-06-01',
      schedule: [mondayNight],
      duties: [],
      minimumAge: 15,
      from: '2027-02-01',
    });
    assert.equal(verdict.age, 15);
    assert.equal(verdict.canApply, false);
    assert.match(verdict.blockers[0] ?? '', /past 7:00 pm/);
    assert.equal(verdict.workPermit.kind, 'age-and-schooling-certificate');
    assert.equal(verdict.assumedSchoolCalendar, true);
  });

  test('15-year-old applies when some shifts are allowed', () => {
    const verdict = personalVerdict({
      birthdate: '2011-06-01',
      schedule: [mondayEvening, tuesdayNight],
      duties: [],
      minimumAge: 15,
      from: '2027-02-01',
    });
    assert.equal(verdict.canApply, true);
    assert.deepEqual(
      verdict.shifts.map((shift) => shift.allowed),
      [true, false],
    );
  });

  test('employer minimum age blocks a younger student', () => {
    const verdict = personalVerdict({
      birthdate: '2011-06-01',
      schedule: [saturdayMorning],
      duties: [],
      minimumAge: 16,
      from: '2027-02-01',
    });
    assert.deepEqual(verdict.blockers, ['The employer hires from age 16.']);
  });

  test('age counts on the checked week', () => {
    const verdict = personalVerdict({
      birthdate: '2011-02-08',
      schedule: [saturdayMorning],
      duties: [],
      minimumAge: 16,
      from: '2027-02-03',
    });
    assert.equal(verdict.weekStart, '2027-02-07');
    assert.equal(verdict.age, 15);
    assert.equal(verdict.shifts[0]?.date, '2027-02-13');
    assert.equal(verdict.canApply, false);
  });

  test('an adult can always apply without hazardous duties', () => {
    fc.assert(
      fc.property(scheduleArbitrary, (schedule) => {
        const verdict = personalVerdict({
          birthdate: '2000-01-01',
          schedule,
          duties: ['cashier'],
          minimumAge: 18,
          from: '2027-02-01',
        });
        assert.equal(verdict.canApply, true);
        assert.ok(verdict.shifts.every((entry) => entry.allowed));
      }),
      { numRuns: 60 },
    );
  });
});
