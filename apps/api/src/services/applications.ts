import {
  ApplicationDeadlineRepository,
  ApplicationRepository,
  DuplicateApplicationError,
  NotificationRepository,
  PublishedListingRepository,
  StudentContactRepository,
  StudentRepository,
  withContext,
  type ApplicationChange,
  type ClosedApplication,
  type Database,
  type StudentApplication,
  type StudentApplicationDetail,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';
import { requireStudentMove } from './application-transitions.ts';
import { checkListingForStudent } from './labor.ts';
import { jobContext, type NotificationService } from './notifications.ts';

/** A US phone number as students type it: ten digits, optionally after +1, with any punctuation. */
const PHONE_PATTERN = /^(?:\+?1[\s.-]*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})$/;

/** Returns the number as 614-555-0199, or throws a ValidationError naming the `phone` field. */
export function normalizePhone(phone: string): string {
  const match = PHONE_PATTERN.exec(phone.trim());
  if (!match) {
    throw new AppError(
      'ValidationError',
      'phone must be a US phone number with area code, like 614-555-0199.',
      'phone',
    );
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** The student's side of applications, and the no-decision rule. */
export class ApplicationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifications: NotificationService,
  ) {}

  async apply(actor: Actor, listingId: string, message: string): Promise<{ id: string; status: string }> {
    requireRole(actor, 'student');
    const text = message.trim();
    if (text.length < 1 || text.length > 1000) {
      throw new AppError('ValidationError', 'message must be 1 to 1,000 characters.', 'message');
    }
    let created: { id: string; status: string };
    try {
      created = await withContext(this.db, actor.context, async (transaction) => {
        const profile = await new StudentRepository(transaction, actor.context).profile();
        if (!profile) throw new AppError('Forbidden', 'Finish your student profile before applying.');
        const published = new PublishedListingRepository(transaction);
        const organizationId = await published.organizationOf(listingId);
        const listing = await published.get(listingId);
        if (!organizationId || !listing) throw notFound('The listing');
        const verdict = checkListingForStudent(listing, profile.birthdate);
        if (!verdict.canApply) {
          throw new AppError('LaborLawForbids', `You cannot apply to this job: ${verdict.blockers.join(' ')}`);
        }
        const legalShifts = verdict.shifts.flatMap((shift, index) => (shift.allowed ? [index] : []));
        const application = await new ApplicationRepository(transaction, actor.context).create(
          listingId,
          organizationId,
          text,
          legalShifts,
        );
        await new NotificationRepository(transaction, actor.context).add({
          recipientId: null,
          organizationId,
          kind: 'application_received',
          applicationId: application.id,
        });
        return application;
      });
    } catch (error) {
      if (error instanceof DuplicateApplicationError) {
        throw new AppError('DuplicateApplication', 'You have already applied to this listing.');
      }
      throw error;
    }
    await this.notifications.deliverPending();
    return created;
  }

  async listMine(actor: Actor): Promise<StudentApplication[]> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, (transaction) =>
      new ApplicationRepository(transaction, actor.context).listMine(),
    );
  }

  async detail(actor: Actor, applicationId: string): Promise<StudentApplicationDetail> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, async (transaction) => {
      const application = await new ApplicationRepository(transaction, actor.context).detail(applicationId);
      if (!application) throw notFound('The application');
      return application;
    });
  }

  async withdraw(actor: Actor, applicationId: string): Promise<StudentApplicationDetail> {
    return this.changeMine(actor, applicationId, (application) => {
      requireStudentMove(application.status, 'withdrawn');
      return { status: 'withdrawn', contact_sharing: false };
    });
  }

  /** Accepts or declines the employer's contact request. Accepting shows the email and phone to the employer. */
  async answerContactRequest(actor: Actor, applicationId: string, accept: boolean): Promise<StudentApplicationDetail> {
    return this.changeMine(actor, applicationId, (application, now) => {
      if (application.status !== 'contact_requested') {
        throw new AppError('InvalidTransition', 'The employer has not asked for your contact details.', 'status');
      }
      return accept
        ? { status: 'contact_shared', contact_sharing: true, contact_shared_at: now }
        : { status: 'shortlisted', contact_declined_at: now };
    });
  }

  /** Stops sharing contact details: the employer's view drops them from the next request on. */
  async stopSharing(actor: Actor, applicationId: string): Promise<StudentApplicationDetail> {
    return this.changeMine(actor, applicationId, (application, now) => {
      if (!application.contactSharing) {
        throw new AppError('InvalidTransition', 'You are not sharing contact details on this application.', 'status');
      }
      // A hired student stays hired, but before a hire the application goes back to the shortlist.
      const status = application.status === 'hired' ? 'hired' : 'shortlisted';
      if (status !== application.status) requireStudentMove(application.status, status);
      return { status, contact_sharing: false, contact_revoked_at: now };
    });
  }

  private async changeMine(
    actor: Actor,
    applicationId: string,
    decide: (application: StudentApplicationDetail, now: Date) => ApplicationChange,
  ): Promise<StudentApplicationDetail> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, async (transaction) => {
      const applications = new ApplicationRepository(transaction, actor.context);
      const application = await applications.detail(applicationId);
      if (!application) throw notFound('The application');
      const change = decide(application, new Date());
      if (!(await applications.change(applicationId, application.status, change))) {
        throw new AppError('InvalidTransition', 'The application changed meanwhile. Reload it and try again.');
      }
      return (await applications.detail(applicationId)) as StudentApplicationDetail;
    });
  }

  async phone(actor: Actor): Promise<string | null> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, (transaction) =>
      new StudentContactRepository(transaction, actor.context).phone(),
    );
  }

  /** Sets or clears the phone number that employers see while the student shares contact details. */
  async setPhone(actor: Actor, phone: string | null): Promise<string | null> {
    requireRole(actor, 'student');
    const normalized = phone === null || phone.trim() === '' ? null : normalizePhone(phone);
    return withContext(this.db, actor.context, async (transaction) => {
      const saved = await new StudentContactRepository(transaction, actor.context).setPhone(normalized);
      if (!saved) throw new AppError('Forbidden', 'Finish your student profile before adding a phone number.');
      return normalized;
    });
  }

  /**
   * Applies the no-decision rule, for the scheduler: closes as not selected every application still
   * without a decision 45 days after it was sent or 21 days after its listing closed, whichever
   * comes first, and emails each student a kind note.
   */
  async closeStaleApplications(now: Date): Promise<ClosedApplication[]> {
    const context = jobContext('close-stale-applications');
    const closed = await withContext(this.db, context, (transaction) =>
      new ApplicationDeadlineRepository(transaction, context).unsafeCloseWithoutDecision(now),
    );
    if (closed.length > 0) await this.notifications.deliverPending(now);
    return closed;
  }
}
