import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BandSummary, SeasonSummary, WorkPermit } from '../../lib/labor-api';
import {
  bandVerdictText,
  formatCalendarDate,
  formatMinutes,
  formatWeekdayDate,
  joinWords,
  ohioToday,
  summerPermitNote,
  workableAgesText,
} from './labor-text';

function season(workableBands: SeasonSummary['workableBands']): SeasonSummary {
  return { allowedBands: [], workableBands, bands: [] };
}

function band(overrides: Partial<BandSummary>): BandSummary {
  return { band: '15', verdict: 'all', allowedShifts: [0, 1], reasons: [], excludedByEmployer: false, ...overrides };
}

const certificate: WorkPermit = {
  needed: true,
  kind: 'age-and-schooling-certificate',
  citation: 'ORC 4109.02; ORC 3331.01',
  summerOnly: false,
  onePerEmployer: true,
  message: 'You need a work permit.',
  steps: ['Get a job offer first.'],
  employerDuties: [],
};

describe('labor wording', () => {
  test('calendar dates keep their day', () => {
    assert.equal(formatCalendarDate('2026-12-06'), 'December 6, 2026');
    assert.equal(formatCalendarDate('2027-01-01'), 'January 1, 2027');
    assert.equal(formatWeekdayDate('2026-12-08'), 'Tuesday, December 8');
    assert.equal(formatCalendarDate('not a date'), 'not a date');
  });

  test('Ohio today follows Eastern time', () => {
    assert.equal(ohioToday(new Date('2026-12-05T03:30:00Z')), '2026-12-04');
    assert.equal(ohioToday(new Date('2026-12-05T05:30:00Z')), '2026-12-05');
    assert.equal(ohioToday(new Date('2026-07-01T03:59:00Z')), '2026-06-30');
  });

  test('workable ages in band order', () => {
    assert.equal(workableAgesText(season(['18+', '16–17'])), 'ages 16–17 and 18+');
    assert.equal(workableAgesText(season(['15', '16–17', '18+'])), 'ages 15, 16–17 and 18+');
    assert.equal(workableAgesText(season(['15'])), 'age 15');
    assert.equal(workableAgesText(season([])), 'no student age');
  });

  test('band verdict names the count', () => {
    assert.equal(bandVerdictText(band({ verdict: 'all' }), 2, 15), 'Every shift is allowed');
    assert.equal(bandVerdictText(band({ verdict: 'some', allowedShifts: [1] }), 3, 15), '1 of 3 shifts are allowed');
    assert.equal(bandVerdictText(band({ verdict: 'none', allowedShifts: [] }), 1, 15), 'The shift is not allowed');
    assert.equal(
      bandVerdictText(band({ verdict: 'none', allowedShifts: [], excludedByEmployer: true }), 2, 16),
      'Not hired here: the employer hires from age 16',
    );
  });

  test('minutes as hours and minutes', () => {
    assert.equal(formatMinutes(240), '4 h');
    assert.equal(formatMinutes(210), '3 h 30 min');
    assert.equal(formatMinutes(45), '45 min');
    assert.equal(joinWords(['a']), 'a');
  });

  test('summer permit note only for 16–17', () => {
    assert.match(summerPermitNote('16–17', certificate, ['cashier']) ?? '', /proof of your age/);
    assert.match(summerPermitNote('16–17', certificate, ['roofing']) ?? '', /hazardous/);
    assert.equal(summerPermitNote('15', certificate, ['cashier']), null);
    assert.equal(summerPermitNote('16–17', { ...certificate, summerOnly: true }, ['cashier']), null);
    assert.equal(
      summerPermitNote('16–17', { ...certificate, kind: 'proof-of-age-and-parent-consent' }, ['cashier']),
      null,
    );
  });
});
