import { maskContactDetails } from '@clockin/domain/masking/index';
import {
  ApplicationRepository,
  EmployerApplicationRepository,
  EmployerMessageRepository,
  NotificationRepository,
  StudentBlockRepository,
  StudentMessageRepository,
  tenantScope,
  withContext,
  type ApplicationStatus,
  type BlockedOrganization,
  type Database,
  type DatabaseTransaction,
  type NewMessage,
  type ThreadMessage,
  type ThreadSummary,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';
import { CLOSED_THREAD_STATUSES } from './application-transitions.ts';
import type { NotificationService } from './notifications.ts';

/** Maximum length of a message that a person types, in characters. */
export const MESSAGE_LENGTH_MAX = 2000;

/**
 * Messages one person may send: a burst limit and a daily limit, across all their threads. A
 * hiring conversation needs far fewer, and the limits slow down anyone spamming students.
 */
export const MESSAGE_LIMITS = [
  { messages: 10, windowMs: 60_000, period: 'minute' },
  { messages: 200, windowMs: 24 * 60 * 60_000, period: 'day' },
] as const;

export interface Thread {
  applicationId: string;
  listingTitle: string;
  /** The employer's trading name for a student, the student's name for an employer. */
  counterpartName: string;
  status: ApplicationStatus;
  contactShared: boolean;
  /** Whether the student has blocked the employer. */
  blocked: boolean;
  /** Whether the caller may write: false once the application ended, or for a blocked employer. */
  canSend: boolean;
  messages: ThreadMessage[];
}

/** The facts about a thread that each side checks before it reads or writes. */
interface ThreadState {
  side: 'student' | 'employer';
  applicationId: string;
  organizationId: string;
  studentId: string;
  listingTitle: string;
  counterpartName: string;
  status: ApplicationStatus;
  contactSharing: boolean;
  blocked: boolean;
}

function requireParticipant(actor: Actor): 'student' | 'employer' {
  const role = actor.context.actorRole;
  if (role === 'student' || role === 'employer') {
    requireRole(actor, role);
    return role;
  }
  // Staff and district users are in no thread, so for them a thread does not exist.
  throw notFound('The application');
}

/** Message threads, one per application, and students' blocks of employers. */
export class MessageService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifications: NotificationService,
  ) {}

  async inbox(actor: Actor): Promise<ThreadSummary[]> {
    const role = actor.context.actorRole;
    if (role !== 'student' && role !== 'employer') {
      throw new AppError('Forbidden', 'Messages are for students and employers only.');
    }
    requireRole(actor, role);
    return withContext(this.db, actor.context, (transaction) =>
      role === 'student'
        ? new StudentMessageRepository(transaction, actor.context).inbox()
        : new EmployerMessageRepository(tenantScope(transaction, actor.context)).inbox(),
    );
  }

  /** Returns the thread and marks the other side's messages as read. */
  async thread(actor: Actor, applicationId: string): Promise<Thread> {
    requireParticipant(actor);
    return withContext(this.db, actor.context, async (transaction) => {
      const state = await this.state(transaction, actor, applicationId);
      const repository = this.repository(transaction, actor);
      await repository.markRead(applicationId, new Date());
      return {
        applicationId,
        listingTitle: state.listingTitle,
        counterpartName: state.counterpartName,
        status: state.status,
        contactShared: state.contactSharing,
        blocked: state.blocked,
        canSend: canSend(state),
        messages: await repository.thread(applicationId),
      };
    });
  }

  /**
   * Stores a message. Until the student shares contact details, emails, phone numbers, handles
   * and links are masked before the text reaches the database. The text is never logged.
   */
  async send(actor: Actor, applicationId: string, text: string): Promise<ThreadMessage> {
    const side = requireParticipant(actor);
    const trimmed = text.trim();
    if (trimmed.length < 1 || trimmed.length > MESSAGE_LENGTH_MAX) {
      throw new AppError('ValidationError', `text must be 1 to ${MESSAGE_LENGTH_MAX} characters.`, 'text');
    }
    const message = await withContext(this.db, actor.context, async (transaction) => {
      const state = await this.state(transaction, actor, applicationId);
      if (CLOSED_THREAD_STATUSES.includes(state.status)) {
        throw new AppError('ThreadClosed', 'This application has ended, so its conversation is closed.');
      }
      if (side === 'employer' && state.blocked) {
        throw new AppError(
          'BlockedByStudent',
          'This student has blocked your organization, so you cannot message them.',
        );
      }
      const repository = this.repository(transaction, actor);
      const now = Date.now();
      for (const limit of MESSAGE_LIMITS) {
        const sent = await repository.countSentSince(new Date(now - limit.windowMs));
        if (sent >= limit.messages) {
          throw new AppError(
            'TooManyRequests',
            `You can send at most ${limit.messages} messages a ${limit.period}. Wait a little and try again.`,
          );
        }
      }
      const masked = state.contactSharing ? { text: trimmed, kinds: [] } : maskContactDetails(trimmed);
      const newMessage: NewMessage = {
        applicationId,
        organizationId: state.organizationId,
        studentId: state.studentId,
        body: masked.text,
        maskedKinds: masked.kinds,
      };
      const stored = await repository.send(newMessage);
      await new NotificationRepository(transaction, actor.context).add({
        recipientId: side === 'employer' ? state.studentId : null,
        organizationId: state.organizationId,
        kind: 'message_received',
        applicationId,
      });
      return stored;
    });
    await this.notifications.deliverPending();
    return message;
  }

  async blocks(actor: Actor): Promise<BlockedOrganization[]> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, (transaction) =>
      new StudentBlockRepository(transaction, actor.context).list(),
    );
  }

  /** Blocks an employer: no more messages or contact requests, and contact sharing with it ends. */
  async block(actor: Actor, organizationId: string): Promise<{ created: boolean }> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, async (transaction) => {
      const blocks = new StudentBlockRepository(transaction, actor.context);
      if (!(await blocks.canSee(organizationId))) throw notFound('The employer');
      return { created: await blocks.block(organizationId, new Date()) };
    });
  }

  async unblock(actor: Actor, organizationId: string): Promise<void> {
    requireRole(actor, 'student');
    await withContext(this.db, actor.context, async (transaction) => {
      if (!(await new StudentBlockRepository(transaction, actor.context).unblock(organizationId))) {
        throw notFound('The block');
      }
    });
  }

  private repository(transaction: DatabaseTransaction, actor: Actor) {
    return actor.context.actorRole === 'student'
      ? new StudentMessageRepository(transaction, actor.context)
      : new EmployerMessageRepository(tenantScope(transaction, actor.context));
  }

  /** Reads the application behind a thread on the caller's side. Another side's thread is a 404. */
  private async state(transaction: DatabaseTransaction, actor: Actor, applicationId: string): Promise<ThreadState> {
    if (actor.context.actorRole === 'student') {
      const application = await new ApplicationRepository(transaction, actor.context).detail(applicationId);
      if (!application) throw notFound('The application');
      return {
        side: 'student',
        applicationId,
        organizationId: application.organizationId,
        studentId: actor.context.userId as string,
        listingTitle: application.listingTitle,
        counterpartName: application.employerName,
        status: application.status,
        contactSharing: application.contactSharing,
        blocked: application.employerBlocked,
      };
    }
    const applications = new EmployerApplicationRepository(tenantScope(transaction, actor.context));
    const state = await applications.state(applicationId);
    const view = state ? await applications.get(applicationId) : null;
    if (!state || !view) throw notFound('The application');
    return {
      side: 'employer',
      applicationId,
      organizationId: actor.context.organizationId as string,
      studentId: state.studentId,
      listingTitle: view.listingTitle,
      counterpartName: `${view.givenName} ${view.familyName}`,
      status: state.status,
      contactSharing: state.contactSharing,
      blocked: state.blockedByStudent,
    };
  }
}

function canSend(state: ThreadState): boolean {
  if (CLOSED_THREAD_STATUSES.includes(state.status)) return false;
  return !(state.side === 'employer' && state.blocked);
}
