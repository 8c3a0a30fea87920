import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { MessageSenderRole } from '../schema.ts';
import { TenantRepository } from '../tenant-repository.ts';

/** One message of a thread, as stored: masked when contact details were not shared. */
export interface ThreadMessage {
  id: string;
  senderRole: MessageSenderRole;
  body: string;
  maskedKinds: string[];
  createdAt: Date;
  readAt: Date | null;
}

/** A thread in an inbox: the application it belongs to and what is new in it. */
export interface ThreadSummary {
  applicationId: string;
  listingTitle: string;
  /** The employer's trading name for a student, the student's name for an employer. */
  counterpartName: string;
  lastMessageAt: Date;
  unread: number;
}

export interface NewMessage {
  applicationId: string;
  /** The application's organization and student, which the caller has already read. */
  organizationId: string;
  studentId: string;
  body: string;
  maskedKinds: string[];
}

/** Maximum messages returned for one thread. A thread this long has outgrown a hiring conversation. */
const THREAD_MESSAGES_MAX = 500;
const INBOX_THREADS_MAX = 200;

const MESSAGE_COLUMNS = [
  'messages.id',
  'messages.sender_role',
  'messages.body',
  'messages.masked_kinds',
  'messages.created_at',
  'messages.read_at',
] as const;

function toThreadMessage(row: {
  id: string;
  sender_role: MessageSenderRole;
  body: string;
  masked_kinds: string[];
  created_at: Date;
  read_at: Date | null;
}): ThreadMessage {
  return {
    id: row.id,
    senderRole: row.sender_role,
    body: row.body,
    maskedKinds: row.masked_kinds,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The signed-in student's message threads, one per application. */
export class StudentMessageRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get studentId(): string {
    if (!this.context.userId) throw new Error('A student message repository needs a signed-in student.');
    return this.context.userId;
  }

  async thread(applicationId: string): Promise<ThreadMessage[]> {
    const rows = await this.transaction
      .selectFrom('messages')
      .where('messages.student_id', '=', this.studentId)
      .where('messages.application_id', '=', applicationId)
      .select(MESSAGE_COLUMNS)
      .orderBy('messages.created_at', 'asc')
      .limit(THREAD_MESSAGES_MAX)
      .execute();
    return rows.map(toThreadMessage);
  }

  async send(message: NewMessage): Promise<ThreadMessage> {
    const row = await this.transaction
      .insertInto('messages')
      .values({
        application_id: message.applicationId,
        organization_id: message.organizationId,
        student_id: this.studentId,
        sender_id: this.studentId,
        sender_role: 'student',
        body: message.body,
        masked_kinds: message.maskedKinds,
      })
      .returning(['id', 'sender_role', 'body', 'masked_kinds', 'created_at', 'read_at'])
      .executeTakeFirstOrThrow();
    return toThreadMessage(row);
  }

  /** Marks the employer's messages in the thread as read and returns how many were unread. */
  async markRead(applicationId: string, at: Date): Promise<number> {
    const rows = await this.transaction
      .updateTable('messages')
      .set({ read_at: at })
      .where('student_id', '=', this.studentId)
      .where('application_id', '=', applicationId)
      .where('sender_role', '=', 'employer')
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    return rows.length;
  }

  /** Counts the messages the student sent at or after `since`, across every thread. */
  async countSentSince(since: Date): Promise<number> {
    const row = await this.transaction
      .selectFrom('messages')
      .where('sender_id', '=', this.studentId)
      .where('created_at', '>=', since)
      .select((eb) => eb.fn.countAll<string>().as('sent'))
      .executeTakeFirstOrThrow();
    return Number(row.sent);
  }

  async inbox(): Promise<ThreadSummary[]> {
    const rows = await this.transaction
      .selectFrom('messages')
      .innerJoin('applications', 'applications.id', 'messages.application_id')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .leftJoin('organizations', 'organizations.id', 'applications.organization_id')
      .where('messages.student_id', '=', this.studentId)
      .groupBy(['messages.application_id', 'listings.title', 'organizations.trading_name'])
      .select((eb) => [
        'messages.application_id',
        'listings.title',
        'organizations.trading_name',
        eb.fn.max('messages.created_at').as('last_message_at'),
        eb.fn
          .countAll<string>()
          .filterWhere((filter) =>
            filter.and([filter('messages.sender_role', '=', 'employer'), filter('messages.read_at', 'is', null)]),
          )
          .as('unread'),
      ])
      .orderBy('last_message_at', 'desc')
      .limit(INBOX_THREADS_MAX)
      .execute();
    return rows.map((row) => ({
      applicationId: row.application_id,
      listingTitle: row.title,
      counterpartName: row.trading_name ?? 'Employer no longer on ClockIn',
      lastMessageAt: row.last_message_at,
      unread: Number(row.unread),
    }));
  }
}

/** An organization's message threads, one per application. */
export class EmployerMessageRepository extends TenantRepository {
  private get senderId(): string {
    if (!this.context.userId) throw new Error('An employer message repository needs a signed-in member.');
    return this.context.userId;
  }

  async thread(applicationId: string): Promise<ThreadMessage[]> {
    const rows = await this.selectFrom('messages')
      .where('messages.application_id', '=', applicationId)
      .select(MESSAGE_COLUMNS)
      .orderBy('messages.created_at', 'asc')
      .limit(THREAD_MESSAGES_MAX)
      .execute();
    return rows.map(toThreadMessage);
  }

  async send(message: NewMessage): Promise<ThreadMessage> {
    const row = await this.insertInto('messages', {
      application_id: message.applicationId,
      student_id: message.studentId,
      sender_id: this.senderId,
      sender_role: 'employer',
      body: message.body,
      masked_kinds: message.maskedKinds,
    })
      .returning(['id', 'sender_role', 'body', 'masked_kinds', 'created_at', 'read_at'])
      .executeTakeFirstOrThrow();
    return toThreadMessage(row as Parameters<typeof toThreadMessage>[0]);
  }

  /** Marks the student's messages in the thread as read and returns how many were unread. */
  async markRead(applicationId: string, at: Date): Promise<number> {
    const rows = await this.updateTable('messages')
      .set({ read_at: at })
      .where('messages.application_id', '=', applicationId)
      .where('messages.sender_role', '=', 'student')
      .where('messages.read_at', 'is', null)
      .returning('messages.id')
      .execute();
    return rows.length;
  }

  /** Counts the messages this member sent at or after `since`, across every thread. */
  async countSentSince(since: Date): Promise<number> {
    const row = await this.selectFrom('messages')
      .where('messages.sender_id', '=', this.senderId)
      .where('messages.created_at', '>=', since)
      .select((eb) => eb.fn.countAll<string>().as('sent'))
      .executeTakeFirstOrThrow();
    return Number(row.sent);
  }

  async inbox(): Promise<ThreadSummary[]> {
    const rows = await this.selectFrom('messages')
      .innerJoin('applications', 'applications.id', 'messages.application_id')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      // A deleted student's row is hidden from employers, so their threads stay with no name.
      .leftJoin('students', 'students.user_id', 'messages.student_id')
      .groupBy(['messages.application_id', 'listings.title', 'students.given_name', 'students.family_name'])
      .select((eb) => [
        'messages.application_id',
        'listings.title',
        'students.given_name',
        'students.family_name',
        eb.fn.max('messages.created_at').as('last_message_at'),
        eb.fn
          .countAll<string>()
          .filterWhere((filter) =>
            filter.and([filter('messages.sender_role', '=', 'student'), filter('messages.read_at', 'is', null)]),
          )
          .as('unread'),
      ])
      .orderBy('last_message_at', 'desc')
      .limit(INBOX_THREADS_MAX)
      .execute();
    return rows.map((row) => ({
      applicationId: row.application_id,
      listingTitle: row.title,
      counterpartName: row.given_name === null ? 'Deleted user' : `${row.given_name} ${row.family_name}`,
      lastMessageAt: row.last_message_at,
      unread: Number(row.unread),
    }));
  }
}

export interface BlockedOrganization {
  organizationId: string;
  organizationName: string;
  blockedAt: Date;
}

/** The organizations the signed-in student has blocked. */
export class StudentBlockRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get studentId(): string {
    if (!this.context.userId) throw new Error('A block repository needs a signed-in student.');
    return this.context.userId;
  }

  async list(): Promise<BlockedOrganization[]> {
    const rows = await this.transaction
      .selectFrom('student_blocks')
      .leftJoin('organizations', 'organizations.id', 'student_blocks.organization_id')
      .where('student_blocks.student_id', '=', this.studentId)
      .select(['student_blocks.organization_id', 'organizations.trading_name', 'student_blocks.created_at'])
      .orderBy('student_blocks.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      organizationId: row.organization_id,
      organizationName: row.trading_name ?? 'Employer no longer on ClockIn',
      blockedAt: row.created_at,
    }));
  }

  /** Returns whether the student can see the organization: a verified one, or one they applied to. */
  async canSee(organizationId: string): Promise<boolean> {
    const row = await this.transaction
      .selectFrom('organizations')
      .where('id', '=', organizationId)
      .select('id')
      .unionAll(
        this.transaction
          .selectFrom('applications')
          .where('organization_id', '=', organizationId)
          .where('student_id', '=', this.studentId)
          .select('organization_id as id'),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Blocks the organization and ends contact with it: sharing stops, and an unanswered contact
   * request counts as declined. Returns false when it was blocked already.
   */
  async block(organizationId: string, at: Date): Promise<boolean> {
    const inserted = await this.transaction
      .insertInto('student_blocks')
      .values({ student_id: this.studentId, organization_id: organizationId })
      .onConflict((conflict) => conflict.columns(['student_id', 'organization_id']).doNothing())
      .returning('organization_id')
      .executeTakeFirst();
    await this.transaction
      .updateTable('applications')
      .set((eb) => ({
        status: eb
          .case()
          .when('status', 'in', ['contact_shared', 'contact_requested'])
          .then('shortlisted' as const)
          .else(eb.ref('status'))
          .end(),
        contact_declined_at: eb
          .case()
          .when('status', '=', 'contact_requested')
          .then(at)
          .else(eb.ref('contact_declined_at'))
          .end(),
        contact_revoked_at: eb
          .case()
          .when('contact_sharing', '=', true)
          .then(at)
          .else(eb.ref('contact_revoked_at'))
          .end(),
        contact_sharing: false,
        updated_at: at,
      }))
      .where('student_id', '=', this.studentId)
      .where('organization_id', '=', organizationId)
      .where((eb) => eb.or([eb('contact_sharing', '=', true), eb('status', '=', 'contact_requested')]))
      .execute();
    return inserted !== undefined;
  }

  /** Returns false when the organization was not blocked. */
  async unblock(organizationId: string): Promise<boolean> {
    const deleted = await this.transaction
      .deleteFrom('student_blocks')
      .where('student_id', '=', this.studentId)
      .where('organization_id', '=', organizationId)
      .returning('organization_id')
      .executeTakeFirst();
    return deleted !== undefined;
  }
}
