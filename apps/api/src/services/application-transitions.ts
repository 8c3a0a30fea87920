import type { ApplicationStatus } from '@clockin/db';
import { AppError } from '../errors.ts';

/**
 * The status changes an employer may make. Viewing happens when the employer first opens an
 * application, and "contact requested" only through a contact request. The database trigger
 * app.check_application_change enforces the same table.
 */
const EMPLOYER_MOVES: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['viewed', 'shortlisted', 'not_selected'],
  viewed: ['shortlisted', 'not_selected'],
  shortlisted: ['contact_requested', 'hired', 'not_selected'],
  contact_requested: ['not_selected'],
  contact_shared: ['hired', 'not_selected'],
  hired: [],
  not_selected: [],
  withdrawn: [],
};

/** The status changes a student may make: withdraw, accept or decline a contact request, and stop sharing. */
const STUDENT_MOVES: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['withdrawn'],
  viewed: ['withdrawn'],
  shortlisted: ['withdrawn'],
  contact_requested: ['contact_shared', 'shortlisted', 'withdrawn'],
  contact_shared: ['shortlisted', 'withdrawn'],
  hired: [],
  not_selected: [],
  withdrawn: [],
};

const STATUS_WORDS: Record<ApplicationStatus, string> = {
  submitted: 'submitted',
  viewed: 'viewed',
  shortlisted: 'shortlisted',
  contact_requested: 'waiting for the student to answer a contact request',
  contact_shared: 'sharing contact details',
  hired: 'hired',
  not_selected: 'not selected',
  withdrawn: 'withdrawn',
};

export function statusWords(status: ApplicationStatus): string {
  return STATUS_WORDS[status];
}

function requireMove(
  moves: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>>,
  from: ApplicationStatus,
  to: ApplicationStatus,
): void {
  if (moves[from].includes(to)) return;
  throw new AppError(
    'InvalidTransition',
    `This application is ${statusWords(from)}, so it cannot become ${statusWords(to)}.`,
    'status',
  );
}

/** Throws InvalidTransition (409) unless an employer may move the application from `from` to `to`. */
export function requireEmployerMove(from: ApplicationStatus, to: ApplicationStatus): void {
  requireMove(EMPLOYER_MOVES, from, to);
}

/** Throws InvalidTransition (409) unless a student may move the application from `from` to `to`. */
export function requireStudentMove(from: ApplicationStatus, to: ApplicationStatus): void {
  requireMove(STUDENT_MOVES, from, to);
}

/** Statuses in which the thread is closed: the application has ended without a hire. */
export const CLOSED_THREAD_STATUSES: readonly ApplicationStatus[] = ['withdrawn', 'not_selected'];
