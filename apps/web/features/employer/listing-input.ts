import type { NewListing, PayUnit, Shift } from '../../lib/api';

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
    shifts: days.map((day, index) => ({
      day,
      start: starts[index] ?? '',
      end: ends[index] ?? '',
      breakMinutes: breaks[index] ?? '',
    })),
  };
}

/**
 * Checks the form the same way the API does for lengths and formats, so most mistakes show next
 * to their field. The API stays the authority and may still reject the listing, for example
 * for Ohio's working-hour limits for minors.
 */
export function validateListingForm(values: ListingFormValues): {
  listing?: NewListing;
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

  const schedule: Shift[] = [];
  if (values.shifts.length === 0) errors.schedule = 'Add at least one weekly shift.';
  values.shifts.forEach((shift, index) => {
    const day = Number(shift.day);
    const breakMinutes = Number(shift.breakMinutes || '0');
    const validTimes = /^\d{2}:\d{2}$/.test(shift.start) && /^\d{2}:\d{2}$/.test(shift.end);
    if (!Number.isInteger(day) || day < 0 || day > 6 || !validTimes) {
      errors[`shift-${index}`] = 'Choose a day and enter start and end times.';
    } else if (shift.end <= shift.start) {
      errors[`shift-${index}`] = 'The end time must be after the start time on the same day.';
    } else if (
      !Number.isInteger(breakMinutes) ||
      breakMinutes < 0 ||
      breakMinutes >= minutesBetween(shift.start, shift.end)
    ) {
      errors[`shift-${index}`] = 'Enter the break in whole minutes, shorter than the shift.';
    }
    schedule.push({ day, start: shift.start, end: shift.end, breakMinutes });
  });

  if (Object.keys(errors).length > 0 || payMinCents === null || !payUnit) return { errors };
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
      schedule,
    },
  };
}
