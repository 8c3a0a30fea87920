import type { PayUnit, Shift } from '../../lib/api';
import type { MinimumAge } from '../../lib/labor-api';
import { LISTING_CATEGORIES, LISTING_SEASONS } from '../../lib/listing-options';
import type { EmployerListingDetail, ListingSubmission } from '../../lib/listings-api';
import { isKnownDuty } from '../labor/duties';
import { ohioToday } from '../labor/labor-text';

/** Listing form input as the employer typed it, kept as text so the form can show it again after an error. */
export interface ListingFormValues {
  title: string;
  description: string;
  payMin: string;
  payMax: string;
  payUnit: string;
  addressLine: string;
  city: string;
  zip: string;
  shifts: ShiftFormValues[];
  /** Duty ids from the checked boxes. */
  duties: string[];
  minimumAge: string;
  /** First day of work, YYYY-MM-DD. */
  startsOn: string;
  category: string;
  season: string;
  positions: string;
  /** Last day that takes applications, YYYY-MM-DD, or empty for none. */
  closingDate: string;
}

export interface ShiftFormValues {
  day: string;
  start: string;
  end: string;
  breakMinutes: string;
}

export const PAY_UNITS: readonly { value: PayUnit; label: string }[] = [
  { value: 'hour', label: 'Per hour' },
  { value: 'shift', label: 'Per shift' },
  { value: 'week', label: 'Per week' },
];

export const EMPTY_SHIFT: ShiftFormValues = { day: '1', start: '16:00', end: '20:00', breakMinutes: '0' };

export const MINIMUM_AGES: readonly { value: string; label: string }[] = [
  { value: '15', label: '15 (every age the law allows)' },
  { value: '16', label: '16' },
  { value: '18', label: '18' },
];

const MAX_DUTIES = 40;
const MAX_POSITIONS = 50;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Converts a dollar amount such as "15" or "15.50" to cents; returns null when it is not a valid amount. */
export function dollarsToCents(text: string): number | null {
  const normalized = text.replace(/[$,\s]/g, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

function minutesBetween(start: string, end: string): number {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return toMinutes(end) - toMinutes(start);
}

export function readListingForm(formData: FormData): ListingFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const all = (name: string) => formData.getAll(name).map((value) => (typeof value === 'string' ? value.trim() : ''));

  const days = all('shiftDay');
  const starts = all('shiftStart');
  const ends = all('shiftEnd');
  const breaks = all('shiftBreakMinutes');

  return {
    title: text('title'),
    description: text('description'),
    payMin: text('payMin'),
    payMax: text('payMax'),
    payUnit: text('payUnit'),
    addressLine: text('addressLine'),
    city: text('city'),
    zip: text('zip'),
    duties: all('duties').filter(Boolean),
    minimumAge: text('minimumAge'),
    startsOn: text('startsOn'),
    category: text('category'),
    season: text('season'),
    positions: text('positions'),
    closingDate: text('closingDate'),
    shifts: days.map((day, index) => ({
      day,
      start: starts[index] ?? '',
      end: ends[index] ?? '',
      breakMinutes: breaks[index] ?? '',
    })),
  };
}

/** The API accepts at most this many shifts in a weekly schedule. */
const MAX_SHIFTS = 21;

/** Returns what is wrong with one shift row, or null when the API would accept it. */
export function shiftError(shift: ShiftFormValues): string | null {
  const day = Number(shift.day);
  const breakMinutes = Number(shift.breakMinutes || '0');
  const validTimes = /^\d{2}:\d{2}$/.test(shift.start) && /^\d{2}:\d{2}$/.test(shift.end);
  if (shift.day === '' || !Number.isInteger(day) || day < 0 || day > 6 || !validTimes) {
    return 'Choose a day and enter start and end times.';
  }
  if (shift.end <= shift.start) return 'The end time must be after the start time on the same day.';
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes >= minutesBetween(shift.start, shift.end)) {
    return 'Enter the break in whole minutes, shorter than the shift.';
  }
  return null;
}

function toShift(shift: ShiftFormValues): Shift {
  return {
    day: Number(shift.day),
    start: shift.start,
    end: shift.end,
    breakMinutes: Number(shift.breakMinutes || '0'),
  };
}

/**
 * Returns the weekly schedule for the live labor-law check, or null while any row is incomplete
 * or invalid, so the editor does not warn about a shift the employer is still typing.
 */
export function scheduleForCheck(shifts: readonly ShiftFormValues[]): Shift[] | null {
  if (shifts.length === 0 || shifts.length > MAX_SHIFTS) return null;
  if (shifts.some((shift) => shiftError(shift) !== null)) return null;
  return shifts.map(toShift);
}

function parseMinimumAge(text: string): MinimumAge | null {
  if (text === '15' || text === '') return 15;
  if (text === '16') return 16;
  if (text === '18') return 18;
  return null;
}

/**
 * Checks the form the same way the API does for lengths and formats, so most mistakes show next
 * to their field. The API stays the authority and may still reject the listing. `today` is
 * Ohio's date (YYYY-MM-DD), which the start and closing dates may not be before unless an edit
 * leaves them as `saved` had them.
 */
export function validateListingForm(
  values: ListingFormValues,
  today = ohioToday(),
  saved: { startsOn: string | null; closingDate: string | null } | null = null,
): {
  listing?: ListingSubmission;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};

  if (values.title.length < 3 || values.title.length > 120) errors.title = 'Enter a title of 3 to 120 characters.';
  if (values.description.length < 10 || values.description.length > 5000) {
    errors.description = 'Enter a description of 10 to 5,000 characters.';
  }

  const payMinCents = dollarsToCents(values.payMin);
  if (payMinCents === null || payMinCents <= 0) errors.payMin = 'Enter the lowest pay in dollars, for example 12.50.';
  const payMaxCents = values.payMax ? dollarsToCents(values.payMax) : null;
  if (values.payMax && payMaxCents === null) errors.payMax = 'Enter the highest pay in dollars, or leave it empty.';
  if (payMinCents !== null && payMaxCents !== null && payMaxCents < payMinCents) {
    errors.payMax = 'The highest pay must be at least the lowest pay.';
  }
  const payUnit = PAY_UNITS.find((unit) => unit.value === values.payUnit)?.value;
  if (!payUnit) errors.payUnit = 'Choose how the pay is counted.';

  if (!values.addressLine) errors.addressLine = 'Enter the street address where the work happens.';
  if (!values.city) errors.city = 'Enter the city.';
  if (!/^\d{5}$/.test(values.zip)) errors.zip = 'Enter a 5-digit ZIP code.';

  if (values.shifts.length === 0) errors.schedule = 'Add at least one weekly shift.';
  if (values.shifts.length > MAX_SHIFTS) errors.schedule = `Use at most ${MAX_SHIFTS} weekly shifts.`;
  values.shifts.forEach((shift, index) => {
    const error = shiftError(shift);
    if (error) errors[`shift-${index}`] = error;
  });

  const duties = [...new Set(values.duties)];
  if (duties.length > MAX_DUTIES) errors.duties = `Choose at most ${MAX_DUTIES} tasks.`;
  const unknownDuty = duties.find((duty) => !isKnownDuty(duty));
  if (unknownDuty) errors.duties = `“${unknownDuty}” is not a task ClockIn knows. Choose from the list.`;

  const minimumAge = parseMinimumAge(values.minimumAge);
  if (minimumAge === null) errors.minimumAge = 'Choose 15, 16 or 18 as the youngest age you hire.';

  const startsOn = values.startsOn || today;
  if (!isCalendarDate(startsOn)) errors.startsOn = 'Enter the first day of work as a date.';
  else if (startsOn < today && startsOn !== saved?.startsOn) {
    errors.startsOn = 'The first day of work cannot be in the past.';
  }

  const category = LISTING_CATEGORIES.find((entry) => entry.value === (values.category || 'other'))?.value;
  if (!category) errors.category = 'Choose the kind of work from the list.';
  const season = LISTING_SEASONS.find((entry) => entry.value === (values.season || 'both'))?.value;
  if (!season) errors.season = 'Choose when the work happens.';
  const positions = Number(values.positions || '1');
  if (!/^\d+$/.test(values.positions || '1') || positions < 1 || positions > MAX_POSITIONS) {
    errors.positions = `Enter the number of openings, 1 to ${MAX_POSITIONS}.`;
  }
  const closingDate = values.closingDate || null;
  if (closingDate !== null) {
    if (!isCalendarDate(closingDate)) errors.closingDate = 'Enter the closing date as a date.';
    else if (closingDate < today && closingDate !== saved?.closingDate) {
      errors.closingDate = 'The closing date cannot be in the past.';
    }
  }

  if (
    Object.keys(errors).length > 0 ||
    payMinCents === null ||
    !payUnit ||
    minimumAge === null ||
    !category ||
    !season
  ) {
    return { errors };
  }
  return {
    errors,
    listing: {
      title: values.title,
      description: values.description,
      payMinCents,
      payMaxCents,
      payUnit,
      addressLine: values.addressLine,
      city: values.city,
      zip: values.zip,
      schedule: values.shifts.map(toShift),
      duties,
      minimumAge,
      startsOn,
      category,
      season,
      positions,
      closingDate,
    },
  };
}

function centsToDollars(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Turns a saved listing into form values, for the edit form. */
export function formValuesFromListing(listing: EmployerListingDetail): ListingFormValues {
  return {
    title: listing.title,
    description: listing.description,
    payMin: centsToDollars(listing.payMinCents),
    payMax: listing.payMaxCents === null ? '' : centsToDollars(listing.payMaxCents),
    payUnit: listing.payUnit,
    addressLine: listing.addressLine,
    city: listing.city,
    zip: listing.zip,
    shifts: listing.schedule.map((shift) => ({
      day: String(shift.day),
      start: shift.start,
      end: shift.end,
      breakMinutes: String(shift.breakMinutes),
    })),
    duties: listing.duties,
    minimumAge: String(listing.minimumAge),
    startsOn: listing.startsOn ?? '',
    category: listing.category,
    season: listing.season,
    positions: String(listing.positions),
    closingDate: listing.closingDate ?? '',
  };
}
