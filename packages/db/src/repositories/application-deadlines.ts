import type { DatabaseTransaction, RequestContext } from '../context.ts';
import { OPEN_APPLICATION_STATUSES } from './applications.ts';
import { recordAuditEvent } from './audit.ts';

/** Days after sending that an application without a decision is closed. */
export const DECISION_DAYS_AFTER_SENDING = 45;
/** Days after its listing closed that an application without a decision is closed. */
export const DECISION_DAYS_AFTER_LISTING_CLOSED = 21;

export interface ClosedApplication {
  applicationId: string;
  organizationId: string;
  studentId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The no-decision rule across every organization: a scheduled job, not a request, so its
 * methods are named `unsafe*` and audit what they change. Runs in a staff context.
 */
export class ApplicationDeadlineRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('The no-decision rule runs in a staff context only.');
  }

  /**
   * Closes as not selected every open application sent 45 or more days before `now`, or whose
   * listing closed 21 or more days before `now`, and stops any contact sharing on it. Adds the
   * student's email to the outbox in the same transaction.
   */
  async unsafeCloseWithoutDecision(now: Date): Promise<ClosedApplication[]> {
    const sentBefore = new Date(now.getTime() - DECISION_DAYS_AFTER_SENDING * DAY_MS);
    const listingClosedBefore = new Date(now.getTime() - DECISION_DAYS_AFTER_LISTING_CLOSED * DAY_MS);
    const closed = await this.transaction
      .updateTable('applications')
      .set({
        status: 'not_selected',
        contact_sharing: false,
        decided_at: now,
        closed_without_decision_at: now,
        updated_at: now,
      })
      .where('applications.status', 'in', [...OPEN_APPLICATION_STATUSES])
      .where((eb) =>
        eb.or([
          eb('applications.created_at', '<=', sentBefore),
          eb.exists(
            eb
              .selectFrom('listings')
              .whereRef('listings.id', '=', 'applications.listing_id')
              .where('listings.closed_at', '<=', listingClosedBefore),
          ),
        ]),
      )
      .returning(['applications.id', 'applications.organization_id', 'applications.student_id'])
      .execute();
    if (closed.length === 0) return [];

    await this.transaction
      .insertInto('notifications')
      .values(
        closed.map((row) => ({
          recipient_id: row.student_id,
          organization_id: row.organization_id,
          kind: 'application_closed' as const,
          application_id: row.id,
        })),
      )
      .execute();
    for (const row of closed) {
      await recordAuditEvent(this.transaction, this.context, {
        action: 'application.closed_without_decision',
        targetType: 'application',
        targetId: row.id,
        organizationId: row.organization_id,
      });
    }
    return closed.map((row) => ({
      applicationId: row.id,
      organizationId: row.organization_id,
      studentId: row.student_id,
    }));
  }
}
