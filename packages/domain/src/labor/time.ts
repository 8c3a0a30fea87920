// Times of day as minutes from midnight, and their wording in messages.

export const MINUTES_PER_DAY = 1440;

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses a 24-hour HH:MM time (00:00–23:59) into minutes from midnight, or returns null. */
export function parseClockTime(text: string): number | null {
  const match = CLOCK_PATTERN.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Formats minutes from midnight as a 12-hour time, for example "7:15 pm". Values past 24:00 wrap. */
export function formatClockTime(minutes: number): string {
  const minuteOfDay = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hour24 = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const suffix = hour24 < 12 ? 'am' : 'pm';
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour12}:${String(minute).padStart(2, '0')} ${suffix}`;
}

/** Formats a number of minutes as hours and minutes, for example "3 hours 30 minutes". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 1 ? '1 hour' : `${hours} hours`;
  const minuteText = rest === 1 ? '1 minute' : `${rest} minutes`;

  if (hours === 0) return minuteText;
  if (rest === 0) return hourText;
  return `${hourText} ${minuteText}`;
}
