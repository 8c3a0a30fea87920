import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { NotificationKind } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';

/**
 * An email to send later. `recipientId` names one user (a student or an organization member).
 * Without it, every member of `organizationId` gets the email. `organizationId` also names the
 * employer that a student's email is about.
 */
export interface NewNotification {
  recipientId: string | null;
  organizationId: string | null;
  kind: NotificationKind;
  applicationId?: string | null;
  reportId?: string | null;
  /** The new status, for application_status. */
  status?: string | null;
}

/** Adds emails to the outbox in the caller's transaction, so they go out only if the action commits. */
export class NotificationRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  async add(notification: NewNotification): Promise<void> {
    await this.transaction
      .insertInto('notifications')
      .values({
        recipient_id: notification.recipientId,
        organization_id: notification.organizationId,
        kind: notification.kind,
        application_id: notification.applicationId ?? null,
        report_id: notification.reportId ?? null,
        status: notification.status ?? null,
        created_by: this.context.userId,
      })
      .execute();
  }
}

export interface OutboxNotification {
  id: string;
  recipientId: string | null;
  organizationId: string | null;
  kind: NotificationKind;
  applicationId: string | null;
  reportId: string | null;
  status: string | null;
  createdAt: Date;
  heldAt: Date | null;
}

/** A person an email goes to. `birthdate` is set for students only. */
export interface Recipient {
  userId: string;
  email: string;
  birthdate: string | null;
}

/** The facts that an email about an application may name. None of them is about the student. */
export interface ApplicationFacts {
  applicationId: string;
  listingId: string;
  listingTitle: string;
  employerName: string;
}

/** Maximum emails handled in one delivery run. The next run takes the rest. */
const OUTBOX_BATCH_MAX = 500;

/**
 * The email outbox across every organization and student. Delivery is a job, not a request, so
 * the methods are named `unsafe*`, run in a staff context, and audit what they send.
 */
export class NotificationOutboxRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('The email outbox is read in a staff context only.');
  }

  private selectOutbox() {
    return this.transaction
      .selectFrom('notifications')
      .where('sent_at', 'is', null)
      .select([
        'id',
        'recipient_id',
        'organization_id',
        'kind',
        'application_id',
        'report_id',
        'status',
        'created_at',
        'held_at',
      ])
      .orderBy('created_at', 'asc')
      .limit(OUTBOX_BATCH_MAX)
      .forUpdate()
      .skipLocked();
  }

  /** Returns the unsent emails that are not held, oldest first, and locks them until the transaction ends. */
  async unsafePending(): Promise<OutboxNotification[]> {
    const rows = await this.selectOutbox().where('held_at', 'is', null).execute();
    return rows.map(toOutboxNotification);
  }

  /** Returns the emails held for school hours, oldest first, and locks them until the transaction ends. */
  async unsafeHeld(): Promise<OutboxNotification[]> {
    const rows = await this.selectOutbox().where('held_at', 'is not', null).execute();
    return rows.map(toOutboxNotification);
  }

  /** Looks up each notification's recipients: one user, or every member of the organization. */
  async unsafeRecipients(notifications: OutboxNotification[]): Promise<Map<string, Recipient[]>> {
    const userIds = [...new Set(notifications.flatMap((row) => (row.recipientId ? [row.recipientId] : [])))];
    const organizationIds = [
      ...new Set(notifications.flatMap((row) => (!row.recipientId && row.organizationId ? [row.organizationId] : []))),
    ];

    const students =
      userIds.length === 0
        ? []
        : await this.transaction
            .selectFrom('student_contacts')
            .innerJoin('student_birthdates', 'student_birthdates.user_id', 'student_contacts.user_id')
            .innerJoin('students', 'students.user_id', 'student_contacts.user_id')
            .where('student_contacts.user_id', 'in', userIds)
            .where('students.deleted_at', 'is', null)
            .select(['student_contacts.user_id', 'student_contacts.email', 'student_birthdates.birthdate'])
            .execute();
    const members =
      userIds.length === 0 && organizationIds.length === 0
        ? []
        : await this.transaction
            .selectFrom('organization_members')
            .where((eb) =>
              eb.or([
                ...(userIds.length > 0 ? [eb('user_id', 'in', userIds)] : []),
                ...(organizationIds.length > 0 ? [eb('organization_id', 'in', organizationIds)] : []),
              ]),
            )
            .select(['organization_id', 'user_id', 'email'])
            .execute();

    const recipients = new Map<string, Recipient[]>();
    for (const notification of notifications) {
      const found: Recipient[] = [];
      if (notification.recipientId) {
        const student = students.find((row) => row.user_id === notification.recipientId);
        if (student) found.push({ userId: student.user_id, email: student.email, birthdate: student.birthdate });
        const member = members.find(
          (row) => row.user_id === notification.recipientId && row.organization_id === notification.organizationId,
        );
        if (!student && member) found.push({ userId: member.user_id, email: member.email, birthdate: null });
      } else {
        for (const member of members.filter((row) => row.organization_id === notification.organizationId)) {
          found.push({ userId: member.user_id, email: member.email, birthdate: null });
        }
      }
      recipients.set(notification.id, found);
    }
    return recipients;
  }

  async unsafeApplicationFacts(applicationIds: string[]): Promise<Map<string, ApplicationFacts>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await this.transaction
      .selectFrom('applications')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
      .where('applications.id', 'in', [...new Set(applicationIds)])
      .select(['applications.id', 'listings.id as listing_id', 'listings.title', 'organizations.trading_name'])
      .execute();
    return new Map(
      rows.map((row) => [
        row.id,
        { applicationId: row.id, listingId: row.listing_id, listingTitle: row.title, employerName: row.trading_name },
      ]),
    );
  }

  /**
   * Returns the threads that got a new-message email (or had one folded into another) at or after `since`,
   * as keys from `messageThreadKey`.
   */
  async unsafeRecentMessageThreads(since: Date): Promise<Set<string>> {
    const rows = await this.transaction
      .selectFrom('notifications')
      .where('kind', '=', 'message_received')
      .where('sent_at', '>=', since)
      .select(['application_id', 'recipient_id', 'organization_id'])
      .distinct()
      .execute();
    return new Set(
      rows.map((row) =>
        messageThreadKey({
          applicationId: row.application_id,
          recipientId: row.recipient_id,
          organizationId: row.organization_id,
        }),
      ),
    );
  }

  async unsafeMarkHeld(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.transaction.updateTable('notifications').set({ held_at: at }).where('id', 'in', ids).execute();
  }

  /** Marks emails as sent and audits the count. The audit event names no recipient. */
  async unsafeMarkSent(ids: string[], at: Date, emails: number): Promise<void> {
    if (ids.length === 0) return;
    await this.transaction.updateTable('notifications').set({ sent_at: at }).where('id', 'in', ids).execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.notifications.sent',
      targetType: 'notification',
      targetId: null,
      details: { notifications: ids.length, emails },
    });
  }
}

/** Names a thread and the side that a new-message email goes to. */
export function messageThreadKey(notification: {
  applicationId: string | null;
  recipientId: string | null;
  organizationId: string | null;
}): string {
  return `${notification.applicationId}:${notification.recipientId ?? `organization:${notification.organizationId}`}`;
}

function toOutboxNotification(row: {
  id: string;
  recipient_id: string | null;
  organization_id: string | null;
  kind: NotificationKind;
  application_id: string | null;
  report_id: string | null;
  status: string | null;
  created_at: Date;
  held_at: Date | null;
}): OutboxNotification {
  return {
    id: row.id,
    recipientId: row.recipient_id,
    organizationId: row.organization_id,
    kind: row.kind,
    applicationId: row.application_id,
    reportId: row.report_id,
    status: row.status,
    createdAt: row.created_at,
    heldAt: row.held_at,
  };
}
