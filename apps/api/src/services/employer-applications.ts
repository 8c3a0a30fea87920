import {
  EmployerApplicationRepository,
  NotificationRepository,
  tenantScope,
  withContext,
  type ApplicationChange,
  type ApplicationStatus,
  type Database,
  type DatabaseTransaction,
  type EmployerApplication,
  type EmployerApplicationFilter,
  type EmployerApplicationState,
  type WaitingCount,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';
import { requireEmployerMove } from './application-transitions.ts';
import type { NotificationService } from './notifications.ts';

export type { EmployerApplication as EmployerApplicationRecord } from '@clockin/db';

/** The decisions an employer sets directly. Viewing and contact requests have their own actions. */
export type EmployerDecision = Extract<ApplicationStatus, 'shortlisted' | 'hired' | 'not_selected'>;

export interface WaitingSummary {
  total: number;
  listings: WaitingCount[];
}

/** The employer's side of applications: the limited view, decisions and contact requests. */
export class EmployerApplicationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifications: NotificationService,
  ) {}

  async list(actor: Actor, filter: EmployerApplicationFilter): Promise<EmployerApplication[]> {
    requireRole(actor, 'employer');
    return withContext(this.db, actor.context, (transaction) =>
      new EmployerApplicationRepository(tenantScope(transaction, actor.context)).list(filter),
    );
  }

  /** Counts the applications waiting on the organization, per listing and in total. */
  async waiting(actor: Actor): Promise<WaitingSummary> {
    requireRole(actor, 'employer');
    const listings = await withContext(this.db, actor.context, (transaction) =>
      new EmployerApplicationRepository(tenantScope(transaction, actor.context)).waitingCounts(),
    );
    return { total: listings.reduce((sum, listing) => sum + listing.waiting, 0), listings };
  }

  /** Opens one application. The first opening marks it viewed and emails the student. */
  async open(actor: Actor, applicationId: string): Promise<EmployerApplication> {
    requireRole(actor, 'employer');
    let notified = false;
    const application = await withContext(this.db, actor.context, async (transaction) => {
      const applications = new EmployerApplicationRepository(tenantScope(transaction, actor.context));
      const state = await applications.state(applicationId);
      if (!state) throw notFound('The application');
      if (state.status === 'submitted') {
        const changed = await applications.change(applicationId, 'submitted', {
          status: 'viewed',
          viewed_at: new Date(),
        });
        if (changed) {
          await this.notifyStudent(transaction, actor, state, 'viewed');
          notified = true;
        }
      }
      return this.reread(applications, applicationId);
    });
    if (notified) await this.notifications.deliverPending();
    return application;
  }

  async decide(actor: Actor, applicationId: string, decision: EmployerDecision): Promise<EmployerApplication> {
    return this.changeApplication(actor, applicationId, (state, now) => {
      requireEmployerMove(state.status, decision);
      const change: ApplicationChange = { status: decision };
      if (decision !== 'shortlisted') change.decided_at = now;
      // Not selected ends the sharing. A hire keeps it, and the student may still stop it.
      if (decision === 'not_selected') change.contact_sharing = false;
      return change;
    });
  }

  /** Asks the student for contact details, which the student accepts or declines. */
  async requestContact(actor: Actor, applicationId: string): Promise<EmployerApplication> {
    return this.changeApplication(actor, applicationId, (state, now) => {
      if (state.blockedByStudent) {
        throw new AppError('BlockedByStudent', 'This student has blocked your organization, so you cannot ask again.');
      }
      if (state.contactDeclinedAt || state.contactRevokedAt) {
        throw new AppError(
          'ContactDeclined',
          'This student declined to share contact details or stopped sharing them, so you cannot ask again.',
        );
      }
      if (state.status !== 'shortlisted') {
        throw new AppError(
          'InvalidTransition',
          'Shortlist the applicant before asking for contact details; you can ask once per application.',
          'status',
        );
      }
      return { status: 'contact_requested', contact_requested_at: now };
    });
  }

  private async changeApplication(
    actor: Actor,
    applicationId: string,
    decide: (state: EmployerApplicationState, now: Date) => ApplicationChange,
  ): Promise<EmployerApplication> {
    requireRole(actor, 'employer');
    const application = await withContext(this.db, actor.context, async (transaction) => {
      const applications = new EmployerApplicationRepository(tenantScope(transaction, actor.context));
      const state = await applications.state(applicationId);
      if (!state) throw notFound('The application');
      const change = decide(state, new Date());
      if (!(await applications.change(applicationId, state.status, change))) {
        throw new AppError('InvalidTransition', 'The application changed meanwhile. Reload it and try again.');
      }
      await this.notifyStudent(transaction, actor, state, change.status);
      return this.reread(applications, applicationId);
    });
    await this.notifications.deliverPending();
    return application;
  }

  private async notifyStudent(
    transaction: DatabaseTransaction,
    actor: Actor,
    state: EmployerApplicationState,
    status: ApplicationStatus,
  ): Promise<void> {
    await new NotificationRepository(transaction, actor.context).add({
      recipientId: state.studentId,
      organizationId: actor.context.organizationId ?? null,
      kind: status === 'contact_requested' ? 'contact_requested' : 'application_status',
      applicationId: state.applicationId,
      status,
    });
  }

  private async reread(applications: EmployerApplicationRepository, applicationId: string) {
    const application = await applications.get(applicationId);
    if (!application) throw notFound('The application');
    return application;
  }
}
