import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EMPTY_SHIFT, scheduleForCheck, validateListingForm, type ListingFormValues } from './listing-input';

const today = '2026-12-04';

function form(overrides: Partial<ListingFormValues>): ListingFormValues {
  return {
    title: 'Evening stock crew',
    description: 'Restock shelves after the dinner rush.',
    payMin: '13.50',
    payMax: '',
    payUnit: 'hour',
    addressLine: '100 N High St',
    city: 'Columbus',
    zip: '43215',
    shifts: [{ day: '1', start: '17:00', end: '21:00', breakMinutes: '0' }],
    duties: ['retail-stocking'],
    minimumAge: '15',
    startsOn: '2026-12-07',
    category: 'retail',
    season: 'both',
    positions: '2',
    closingDate: '2026-12-20',
    ...overrides,
  };
}

describe('listing input', () => {
  test('labor fields reach the listing', () => {
    const { listing, errors } = validateListingForm(form({ duties: ['cashier', 'cashier'], minimumAge: '16' }), today);
    assert.deepEqual(errors, {});
    assert.deepEqual(listing?.duties, ['cashier']);
    assert.equal(listing?.minimumAge, 16);
    assert.equal(listing?.startsOn, '2026-12-07');
    assert.deepEqual(listing?.schedule, [{ day: 1, start: '17:00', end: '21:00', breakMinutes: 0 }]);
  });

  test('empty start date means today', () => {
    assert.equal(validateListingForm(form({ startsOn: '' }), today).listing?.startsOn, today);
  });

  test('labor fields reject bad input', () => {
    const { listing, errors } = validateListingForm(
      form({ duties: ['juggling'], minimumAge: '17', startsOn: '2026-12-03' }),
      today,
    );
    assert.equal(listing, undefined);
    assert.match(errors.duties ?? '', /“juggling” is not a task/);
    assert.equal(errors.minimumAge, 'Choose 15, 16 or 18 as the youngest age you hire.');
    assert.equal(errors.startsOn, 'The first day of work cannot be in the past.');
    assert.equal(
      validateListingForm(form({ startsOn: '2026-13-01' }), today).errors.startsOn,
      'Enter the first day of work as a date.',
    );
  });

  test('live check waits for complete shifts', () => {
    assert.deepEqual(scheduleForCheck([EMPTY_SHIFT]), [{ day: 1, start: '16:00', end: '20:00', breakMinutes: 0 }]);
    assert.equal(scheduleForCheck([EMPTY_SHIFT, { ...EMPTY_SHIFT, end: '' }]), null);
    assert.equal(scheduleForCheck([{ ...EMPTY_SHIFT, end: '15:00' }]), null);
    assert.equal(scheduleForCheck([{ ...EMPTY_SHIFT, breakMinutes: '300' }]), null);
    assert.equal(scheduleForCheck([]), null);
  });

  test('listing fields reach the listing', () => {
    const { listing, errors } = validateListingForm(form({ season: 'summer', positions: '12' }), today);
    assert.deepEqual(errors, {});
    assert.equal(listing?.category, 'retail');
    assert.equal(listing?.season, 'summer');
    assert.equal(listing?.positions, 12);
    assert.equal(listing?.closingDate, '2026-12-20');
  });

  test('empty listing fields take defaults', () => {
    const { listing } = validateListingForm(form({ category: '', season: '', positions: '', closingDate: '' }), today);
    assert.equal(listing?.category, 'other');
    assert.equal(listing?.season, 'both');
    assert.equal(listing?.positions, 1);
    assert.equal(listing?.closingDate, null);
  });

  test('listing fields reject bad input', () => {
    const { listing, errors } = validateListingForm(
      form({ category: 'astronaut', season: 'winter', positions: '51', closingDate: '2026-12-03' }),
      today,
    );
    assert.equal(listing, undefined);
    assert.equal(errors.category, 'Choose the kind of work from the list.');
    assert.equal(errors.season, 'Choose when the work happens.');
    assert.equal(errors.positions, 'Enter the number of openings, 1 to 50.');
    assert.equal(errors.closingDate, 'The closing date cannot be in the past.');
    assert.equal(validateListingForm(form({ positions: '2.5' }), today).errors.positions, errors.positions);
    assert.equal(validateListingForm(form({ positions: '0' }), today).errors.positions, errors.positions);
  });

  test('edit keeps a saved past date', () => {
    const values = form({ startsOn: '2026-11-01', closingDate: '2026-12-01' });
    const saved = { startsOn: '2026-11-01', closingDate: '2026-12-01' };
    assert.deepEqual(validateListingForm(values, today, saved).errors, {});
    const moved = validateListingForm(form({ startsOn: '2026-11-02', closingDate: '2026-12-01' }), today, saved);
    assert.equal(moved.errors.startsOn, 'The first day of work cannot be in the past.');
  });
});
