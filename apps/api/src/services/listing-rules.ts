import type { EmployerListingDetail, ListingStatus, NewListing, ShiftTemplate } from '@clockin/db';
import { AppError } from '../errors.ts';

/** Fields whose change on a published listing sends it back to staff review. */
export type ReviewedField = 'schedule' | 'duties' | 'pay' | 'description';

/** Statuses from which an employer may take each action. Any other status gets a 409. */
export const allowedFrom = {
  edit: ['draft', 'submitted', 'rejected', 'published'],
  submit: ['draft', 'rejected'],
  close: ['submitted', 'published'],
  fill: ['published', 'closed', 'expired'],
} as const satisfies Record<string, readonly ListingStatus[]>;

export type ListingAction = keyof typeof allowedFrom;

const actionNames: Record<ListingAction, string> = {
  edit: 'edited',
  submit: 'submitted for review',
  close: 'closed',
  fill: 'marked filled',
};

/** Rejects the action with 409 ListingStatusConflict unless the listing's status allows it. */
export function requireStatus(action: ListingAction, status: ListingStatus): void {
  if (!(allowedFrom[action] as readonly ListingStatus[]).includes(status)) {
    throw new AppError(
      'ListingStatusConflict',
      `A ${status} listing cannot be ${actionNames[action]}; that needs a listing that is ${allowedFrom[action].join(', ')}.`,
    );
  }
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Rejects shifts of no length and breaks as long as the shift. */
export function checkSchedule(schedule: ShiftTemplate[]): void {
  schedule.forEach((shift, index) => {
    if (shift.start === shift.end) {
      throw new AppError('ValidationError', 'A shift cannot end at the time it starts.', `schedule.${index}.end`);
    }
    const length = (minutes(shift.end) - minutes(shift.start) + 24 * 60) % (24 * 60);
    if (shift.breakMinutes >= length) {
      throw new AppError(
        'ValidationError',
        'The break must be shorter than the shift.',
        `schedule.${index}.breakMinutes`,
      );
    }
  });
}

export function checkPay(payMinCents: number, payMaxCents: number | null): void {
  if (payMaxCents !== null && payMaxCents < payMinCents) {
    throw new AppError('ValidationError', 'The maximum pay must be at least the minimum pay.', 'payMaxCents');
  }
}

/**
 * Rejects a start or closing date before today (Ohio). A date that an edit leaves as it was
 * may have passed: a job that started last week can still be edited.
 */
export function checkDates(
  dates: { startsOn: string; closingDate: string | null },
  today: string,
  previous: { startsOn: string | null; closingDate: string | null } | null,
): void {
  if (dates.startsOn < today && dates.startsOn !== previous?.startsOn) {
    throw new AppError('ValidationError', 'The start date cannot be in the past.', 'startsOn');
  }
  if (dates.closingDate !== null && dates.closingDate < today && dates.closingDate !== previous?.closingDate) {
    throw new AppError('ValidationError', 'The closing date cannot be in the past.', 'closingDate');
  }
}

/** Rejects submitting a saved listing whose start or closing date has passed since it was saved. */
export function checkDatesForSubmission(listing: EmployerListingDetail, today: string): void {
  if (listing.closingDate !== null && listing.closingDate < today) {
    throw new AppError(
      'ValidationError',
      'The closing date has passed. Edit the listing to set a new one, then submit it.',
      'closingDate',
    );
  }
  if (listing.startsOn !== null && listing.startsOn < today) {
    throw new AppError(
      'ValidationError',
      'The start date has passed. Edit the listing to set a new one, then submit it.',
      'startsOn',
    );
  }
}

const shiftKey = (shift: ShiftTemplate) => `${shift.day} ${shift.start} ${shift.end} ${shift.breakMinutes}`;

/**
 * Lists the reviewed fields that differ between the saved listing and the edit. Shift order counts,
 * because applications store the indexes of the shifts an applicant may work.
 */
export function reviewedChanges(current: EmployerListingDetail, next: NewListing): ReviewedField[] {
  const changed: ReviewedField[] = [];
  if (current.schedule.map(shiftKey).join('|') !== next.schedule.map(shiftKey).join('|')) changed.push('schedule');
  if ([...current.duties].sort().join(',') !== [...next.duties].sort().join(',')) changed.push('duties');
  if (
    current.payMinCents !== next.payMinCents ||
    current.payMaxCents !== next.payMaxCents ||
    current.payUnit !== next.payUnit
  ) {
    changed.push('pay');
  }
  if (current.description !== next.description) changed.push('description');
  return changed;
}

/** Lists every edited field, reviewed or not, for the audit event of an edit. */
export function editedFields(current: EmployerListingDetail, next: NewListing): string[] {
  const others = (
    [
      ['title', current.title, next.title],
      ['category', current.category, next.category],
      ['season', current.season, next.season],
      ['positions', current.positions, next.positions],
      [
        'address',
        `${current.addressLine}|${current.city}|${current.zip}`,
        `${next.addressLine}|${next.city}|${next.zip}`,
      ],
      ['minimumAge', current.minimumAge, next.minimumAge],
      ['startsOn', current.startsOn, next.startsOn],
      ['closingDate', current.closingDate, next.closingDate ?? null],
    ] as const
  )
    .filter(([, before, after]) => before !== after)
    .map(([name]) => name);
  return [...reviewedChanges(current, next), ...others];
}
