// Wording for labor-law results: age bands, verdicts, calendar dates and work permits. Pure, so
// the listing page, the editor and the planner word them the same way.

import type { AgeBand, BandSummary, SeasonSummary, WorkPermit } from '../../lib/labor-api';
import { isHazardousDuty } from './duties';

export const AGE_BANDS: readonly AgeBand[] = ['15', '16–17', '18+'];

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ohioDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Ohio as YYYY-MM-DD, the date the API checks start dates and ages against. */
export function ohioToday(now = new Date()): string {
  return ohioDateFormat.format(now);
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function bandLabel(band: AgeBand): string {
  if (band === '18+') return '18 and older';
  return band === '15' ? 'Age 15' : 'Ages 16–17';
}

/** Joins words as "a", "a and b" or "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Describes the ages that may work at least one shift in a season, such as "ages 16–17 and
 * 18+", or "no student age" when the schedule or duties rule every band out.
 */
export function workableAgesText(season: SeasonSummary): string {
  const bands = AGE_BANDS.filter((band) => season.workableBands.includes(band));
  if (bands.length === 0) return 'no student age';
  if (bands.length === 1 && bands[0] === '15') return 'age 15';
  return `ages ${joinWords(bands)}`;
}

/** Words for one band's verdict on a schedule of `shiftCount` shifts. */
export function bandVerdictText(band: BandSummary, shiftCount: number, minimumAge: number): string {
  if (band.excludedByEmployer) return `Not hired here: the employer hires from age ${minimumAge}`;
  if (band.verdict === 'all') return shiftCount === 1 ? 'The shift is allowed' : 'Every shift is allowed';
  if (band.verdict === 'none') return shiftCount === 1 ? 'The shift is not allowed' : 'No shift is allowed';
  return `${band.allowedShifts.length} of ${shiftCount} shifts are allowed`;
}

function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Formats a calendar date (YYYY-MM-DD) as "December 6, 2026". The date is read as a calendar
 * day, not an instant, so no time zone can move it to the day before.
 */
export function formatCalendarDate(date: string): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return `${MONTH_NAMES[parts.month - 1] ?? ''} ${parts.day}, ${parts.year}`;
}

/** Formats a calendar date (YYYY-MM-DD) as "Tuesday, December 8". */
export function formatWeekdayDate(date: string): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return `${WEEKDAY_NAMES[weekday]}, ${MONTH_NAMES[parts.month - 1] ?? ''} ${parts.day}`;
}

/** Formats minutes as "4 h", "3 h 30 min" or "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * Returns the note for a 16- or 17-year-old whose permit is the full certificate: work only in
 * summer vacation needs less paperwork (ORC 4109.02), unless the job has a duty banned for
 * everyone under 18. Returns null when the note does not apply.
 */
export function summerPermitNote(band: AgeBand | null, permit: WorkPermit, duties: readonly string[]): string | null {
  if (band !== '16–17' || permit.kind !== 'age-and-schooling-certificate' || permit.summerOnly) return null;
  if (duties.some(isHazardousDuty)) {
    return 'This job includes hazardous work, so even a summer-only job needs the full work permit (ORC 4109.02).';
  }
  return (
    'If you work this job only during summer vacation, you do not need the full work permit: proof of your age ' +
    'and a statement signed by your parent or guardian are enough (ORC 4109.02).'
  );
}
