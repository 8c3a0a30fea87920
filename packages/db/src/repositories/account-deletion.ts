import { sql, type Kysely } from 'kysely';
import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { Database } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';

export type DeletedAccountType = 'student' | 'employer' | 'district_admin' | 'staff';

/** Application statuses still waiting on someone; deletion withdraws them. */
const OPEN_STATUSES = ['submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared'] as const;

/**
 * The signed-in user's own account deletion. Run in the user's own context: row-level security
 * lets these statements touch only their rows.
 */
export class AccountDeletionRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get userId(): string {
    if (!this.context.userId) throw new Error('Deleting an account needs a signed-in user.');
    return this.context.userId;
  }

  /**
   * Hides the user at once, withdraws a student's open applications, records the deletion for
   * the purge and writes the audit event. Returns when the purge is due; a repeated call
   * returns the first deletion's time and changes nothing.
   */
  async markDeleted(accountType: DeletedAccountType, purgeDelayDays: number, source: 'self' | 'email'): Promise<Date> {
    const recorded = await this.transaction
      .insertInto('account_deletions')
      .values({
        user_id: this.userId,
        account_type: accountType,
        source,
        // The database's clock sets both times, so the purge is never before the request.
        purge_after: sql<Date>`now() + ${purgeDelayDays} * interval '1 day'`,
      })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('purge_after')
      .executeTakeFirst();
    if (!recorded) {
      const existing = await this.transaction
        .selectFrom('account_deletions')
        .where('user_id', '=', this.userId)
        .select('purge_after')
        .executeTakeFirstOrThrow();
      return existing.purge_after;
    }
    if (accountType === 'student') {
      await this.transaction
        .updateTable('students')
        .set({ deleted_at: new Date() })
        .where('user_id', '=', this.userId)
        .execute();
      await this.transaction
        .updateTable('applications')
        .set({ status: 'withdrawn', contact_sharing: false } as never)
        .where('student_id', '=', this.userId)
        .where('status', 'in', OPEN_STATUSES)
        .execute();
    }
    await recordAuditEvent(this.transaction, this.context, {
      action: 'account.deleted',
      targetType: 'user',
      targetId: this.userId,
      details: { accountType, source },
    });
    return recorded.purge_after;
  }

  /** Tells whether the user's deletion is already recorded. */
  async isDeleted(): Promise<boolean> {
    const row = await this.transaction
      .selectFrom('account_deletions')
      .where('user_id', '=', this.userId)
      .select('user_id')
      .executeTakeFirst();
    return row !== undefined;
  }
}

/**
 * Removes every row about a user whose deletion is recorded and due, through the database
 * function that names each table. Returns false when there was nothing to purge: the deletion
 * is not due yet, or an earlier run already finished.
 */
export async function purgeDeletedUser(db: Kysely<Database>, userId: string, email: string | null): Promise<boolean> {
  const result = await sql<{ purged: boolean }>`SELECT app.purge_user(${userId}::uuid, ${email}) AS purged`.execute(db);
  return result.rows[0]?.purged === true;
}

export interface DueDeletion {
  userId: string;
  purgeAfter: Date;
}

export interface DeletionRequest {
  id: string;
  receivedOn: string;
  /** Null once the request is carried out. */
  requesterEmail: string | null;
  note: string | null;
  status: 'open' | 'completed' | 'no_account';
  recordedAt: Date;
  completedAt: Date | null;
}

/**
 * Staff's view of deletions across every account: due purges and the deletion requests that
 * arrived by email. Each method reads or changes other users' rows, so each is `unsafe*` and
 * writes an audit event.
 */
export class StaffDeletionRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('Deletion requests are for ClockIn staff only.');
  }

  /** Deletions whose purge is due at `now`, oldest first. */
  async unsafeDueDeletions(now: Date, limit = 100): Promise<DueDeletion[]> {
    const rows = await this.transaction
      .selectFrom('account_deletions')
      .where('purge_after', '<=', now)
      .select(['user_id', 'purge_after'])
      .orderBy('purge_after')
      .limit(limit)
      .execute();
    if (rows.length > 0) {
      await recordAuditEvent(this.transaction, this.context, {
        action: 'unsafe.account_deletions.read',
        targetType: 'user',
        targetId: null,
        details: { due: rows.length },
      });
    }
    return rows.map((row) => ({ userId: row.user_id, purgeAfter: row.purge_after }));
  }

  async unsafeRecordRequest(request: {
    receivedOn: string;
    requesterEmail: string;
    note: string | null;
  }): Promise<string> {
    const row = await this.transaction
      .insertInto('deletion_requests')
      .values({
        received_on: request.receivedOn,
        requester_email: request.requesterEmail.trim().toLowerCase(),
        note: request.note,
        recorded_by: this.context.userId as string,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'deletion_request.recorded',
      targetType: 'deletion_request',
      targetId: row.id,
      details: { receivedOn: request.receivedOn },
    });
    return row.id;
  }

  /** Lists every request: open ones first by date received, then the rest newest first. */
  async unsafeListRequests(): Promise<DeletionRequest[]> {
    const rows = await this.transaction
      .selectFrom('deletion_requests')
      .selectAll()
      .orderBy(sql`status = 'open'`, 'desc')
      .orderBy('received_on')
      .orderBy('recorded_at', 'desc')
      .limit(500)
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.deletion_requests.read',
      targetType: 'deletion_request',
      targetId: null,
      details: { requests: rows.length },
    });
    return rows.map((row) => ({
      id: row.id,
      receivedOn: row.received_on,
      requesterEmail: row.requester_email,
      note: row.note,
      status: row.status,
      recordedAt: row.recorded_at,
      completedAt: row.completed_at,
    }));
  }

  /** Tells whether a user's purge is due, waiting, or not recorded (never deleted, or already purged). */
  async unsafeDeletionState(userId: string, now: Date): Promise<'due' | 'waiting' | 'none'> {
    const row = await this.transaction
      .selectFrom('account_deletions')
      .where('user_id', '=', userId)
      .select('purge_after')
      .executeTakeFirst();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.account_deletion.read',
      targetType: 'user',
      targetId: userId,
    });
    if (!row) return 'none';
    return row.purge_after <= now ? 'due' : 'waiting';
  }

  /** Finds what kind of account a user has from their ClockIn rows: student, employer or district admin. */
  async unsafeAccountTypeOf(userId: string): Promise<DeletedAccountType> {
    const [student, member, district] = await Promise.all([
      this.transaction.selectFrom('students').where('user_id', '=', userId).select('user_id').executeTakeFirst(),
      this.transaction
        .selectFrom('organization_members')
        .where('user_id', '=', userId)
        .select('user_id')
        .executeTakeFirst(),
      this.transaction
        .selectFrom('district_members')
        .where('user_id', '=', userId)
        .select('user_id')
        .executeTakeFirst(),
    ]);
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.account_type.read',
      targetType: 'user',
      targetId: userId,
    });
    if (member) return 'employer';
    if (district) return 'district_admin';
    if (student) return 'student';
    return 'student';
  }

  /** Returns the email of an open request, or null when the request is unknown or already closed. */
  async unsafeOpenRequestEmail(requestId: string): Promise<string | null> {
    const row = await this.transaction
      .selectFrom('deletion_requests')
      .where('id', '=', requestId)
      .where('status', '=', 'open')
      .select('requester_email')
      .executeTakeFirst();
    return row?.requester_email ?? null;
  }

  /** Closes an open request and clears the address it came from. */
  async unsafeCloseRequest(requestId: string, outcome: 'completed' | 'no_account'): Promise<void> {
    await this.transaction
      .updateTable('deletion_requests')
      .set({ status: outcome, requester_email: null, completed_by: this.context.userId, completed_at: new Date() })
      .where('id', '=', requestId)
      .where('status', '=', 'open')
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'deletion_request.closed',
      targetType: 'deletion_request',
      targetId: requestId,
      details: { outcome },
    });
  }
}
