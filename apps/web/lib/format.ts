import type { PayUnit, Shift } from './api';

/** Ohio is in the Eastern time zone; dates show in local time for students and employers. */
const TIME_ZONE = 'America/New_York';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: TIME_ZONE,
});

export function dayName(day: number): string {
  return DAY_NAMES[day] ?? `Day ${day}`;
}

export const DAYS_OF_WEEK = DAY_NAMES.map((name, index) => ({ value: index, name }));

export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}

/** Formats pay such as "$12.00 – $15.00 per hour", or "$12.00 per hour" without a maximum. */
export function formatPay(payMinCents: number, payMaxCents: number | null, payUnit: PayUnit): string {
  const range =
    payMaxCents !== null && payMaxCents !== payMinCents
      ? `${formatCents(payMinCents)} – ${formatCents(payMaxCents)}`
      : formatCents(payMinCents);
  return `${range} per ${payUnit}`;
}

/** Formats a 24-hour "HH:MM" time as "4:00 pm". */
export function formatClockTime(time: string): string {
  const [hourText, minuteText = '00'] = time.split(':');
  const hour = Number(hourText);
  if (!Number.isInteger(hour)) return time;
  const suffix = hour < 12 ? 'am' : 'pm';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${minuteText.padStart(2, '0')} ${suffix}`;
}

/** Formats a shift as "Monday 4:00 pm – 8:00 pm (30 min break)". */
export function formatShift(shift: Shift): string {
  const hours = `${dayName(shift.day)} ${formatClockTime(shift.start)} – ${formatClockTime(shift.end)}`;
  return shift.breakMinutes > 0 ? `${hours} (${shift.breakMinutes} min break)` : hours;
}

/** Orders shifts from Sunday to Saturday and by start time within a day. */
export function sortShifts(schedule: readonly Shift[]): Shift[] {
  return [...schedule].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const APPLICATION_STATUS_WORDS: Record<string, string> = {
  submitted: 'Sent to the employer',
  viewed: 'Viewed by the employer',
  shortlisted: 'Shortlisted',
  contact_requested: 'Employer asked to contact you',
  contact_shared: 'Contact details shared',
  hired: 'Hired',
  not_selected: 'Not selected',
  withdrawn: 'Withdrawn',
};

const LISTING_STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Waiting for review',
  published: 'Published',
  rejected: 'Rejected',
  closed: 'Closed',
  filled: 'Filled',
  expired: 'Expired',
};

export function applicationStatusText(status: string): string {
  return APPLICATION_STATUS_WORDS[status] ?? status;
}

export function listingStatusText(status: string): string {
  return LISTING_STATUS_WORDS[status] ?? status;
}

export const GRADE_LEVELS = [
  { value: '9', label: '9th grade' },
  { value: '10', label: '10th grade' },
  { value: '11', label: '11th grade' },
  { value: '12', label: '12th grade' },
  { value: 'graduated', label: 'Graduated' },
] as const;
