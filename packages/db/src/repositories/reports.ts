import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { ReportCategory, ReportOutcome, ReportTargetType } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';

export interface NewReport {
  targetType: ReportTargetType;
  /** The organization the report concerns, which the caller found through the target. */
  organizationId: string;
  listingId: string | null;
  messageId: string | null;
  category: ReportCategory;
  details: string | null;
}

export interface CreatedReport {
  id: string;
  createdAt: Date;
  dueAt: Date;
}

/** A target of a report, found only among the things the reporter can see. */
export interface ReportTarget {
  organizationId: string;
  listingId: string | null;
  messageId: string | null;
}

/** Reports by the signed-in student or employer member. */
export class ReportRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get reporterId(): string {
    if (!this.context.userId) throw new Error('A report repository needs a signed-in user.');
    return this.context.userId;
  }

  /** Finds a listing the reporter can see: published, or one the student applied to. */
  async listingTarget(listingId: string): Promise<ReportTarget | null> {
    const row = await this.transaction
      .selectFrom('listings')
      .where('id', '=', listingId)
      .select('organization_id')
      .executeTakeFirst();
    return row ? { organizationId: row.organization_id, listingId, messageId: null } : null;
  }

  /** Finds an organization the reporter can see: verified ones, or the reporter's own. */
  async organizationTarget(organizationId: string): Promise<ReportTarget | null> {
    const row = await this.transaction
      .selectFrom('organizations')
      .where('id', '=', organizationId)
      .select('id')
      .executeTakeFirst();
    return row ? { organizationId: row.id, listingId: null, messageId: null } : null;
  }

  /** Finds a message in one of the reporter's threads. */
  async messageTarget(messageId: string): Promise<ReportTarget | null> {
    const row = await this.transaction
      .selectFrom('messages')
      .where('id', '=', messageId)
      .select('organization_id')
      .executeTakeFirst();
    return row ? { organizationId: row.organization_id, listingId: null, messageId } : null;
  }

  /** Counts the reports the reporter made at or after `since`. */
  async countMadeSince(since: Date): Promise<number> {
    const row = await this.transaction
      .selectFrom('reports')
      .where('reporter_id', '=', this.reporterId)
      .where('created_at', '>=', since)
      .select((eb) => eb.fn.countAll<string>().as('made'))
      .executeTakeFirstOrThrow();
    return Number(row.made);
  }

  async create(report: NewReport): Promise<CreatedReport> {
    const role = this.context.actorRole;
    if (role !== 'student' && role !== 'employer') throw new Error('Only students and employers make reports.');
    const row = await this.transaction
      .insertInto('reports')
      .values({
        reporter_id: this.reporterId,
        reporter_role: role,
        target_type: report.targetType,
        organization_id: report.organizationId,
        listing_id: report.listingId,
        message_id: report.messageId,
        category: report.category,
        details: report.details,
      })
      .returning(['id', 'created_at', 'due_at'])
      .executeTakeFirstOrThrow();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'report.created',
      targetType: 'report',
      targetId: row.id,
      details: { category: report.category, targetType: report.targetType },
    });
    return { id: row.id, createdAt: row.created_at, dueAt: row.due_at };
  }
}

export type ReportStatus = 'open' | 'resolved';

export interface ReportQueueFilter {
  status?: ReportStatus;
  category?: ReportCategory;
  targetType?: ReportTargetType;
  /** Only open reports past their 24-hour target. */
  overdue?: boolean;
}

export interface QueuedReport {
  id: string;
  targetType: ReportTargetType;
  category: ReportCategory;
  reporterRole: 'student' | 'employer';
  organizationId: string;
  organizationName: string;
  listingId: string | null;
  listingTitle: string | null;
  messageId: string | null;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  createdAt: Date;
  dueAt: Date;
  decidedAt: Date | null;
}

export interface ReportDetail extends QueuedReport {
  details: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  /** The reported message's text as stored, or null for other targets and deleted messages. */
  messageBody: string | null;
  messageSenderRole: 'student' | 'employer' | null;
  messageSentAt: Date | null;
}

export interface ReportAuditEvent {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  /** Ids, counts and decisions only, as every audit event. */
  details: Record<string, string | number | boolean | null>;
}

export interface ReportDecision {
  outcome: ReportOutcome;
  note: string | null;
}

/** Maximum reports on one queue page; staff narrow the queue with the filters. */
const QUEUE_REPORTS_MAX = 200;

/**
 * ClockIn staff's report queue across every organization. Its methods are named `unsafe*` and
 * each call writes an audit event; row-level security lets them through only for staff. Report
 * events name no organization, so an organization's own audit view never shows that it was
 * reported.
 */
export class StaffReportRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('The report queue is for ClockIn staff only.');
  }

  private selectReports() {
    return this.transaction
      .selectFrom('reports')
      .innerJoin('organizations', 'organizations.id', 'reports.organization_id')
      .leftJoin('listings', 'listings.id', 'reports.listing_id')
      .select([
        'reports.id',
        'reports.target_type',
        'reports.category',
        'reports.reporter_role',
        'reports.organization_id',
        'organizations.trading_name',
        'reports.listing_id',
        'listings.title',
        'reports.message_id',
        'reports.status',
        'reports.outcome',
        'reports.created_at',
        'reports.due_at',
        'reports.decided_at',
      ]);
  }

  /** Reports matching the filter, the nearest deadline first, then the newest decided. */
  async unsafeQueue(filter: ReportQueueFilter, now: Date): Promise<QueuedReport[]> {
    let query = this.selectReports();
    if (filter.status) query = query.where('reports.status', '=', filter.status);
    if (filter.category) query = query.where('reports.category', '=', filter.category);
    if (filter.targetType) query = query.where('reports.target_type', '=', filter.targetType);
    if (filter.overdue) query = query.where('reports.status', '=', 'open').where('reports.due_at', '<', now);
    const rows = await query
      .orderBy('reports.status', 'asc')
      .orderBy('reports.due_at', 'asc')
      .limit(QUEUE_REPORTS_MAX)
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.report_queue.read',
      targetType: 'report',
      targetId: null,
      details: { reports: rows.length },
    });
    return rows.map(toQueuedReport);
  }

  async unsafeGet(reportId: string): Promise<ReportDetail | null> {
    const row = await this.selectReports()
      .leftJoin('messages', 'messages.id', 'reports.message_id')
      .select([
        'reports.details',
        'reports.decision_note',
        'reports.decided_by',
        'messages.body',
        'messages.sender_role',
        'messages.created_at as message_created_at',
      ])
      .where('reports.id', '=', reportId)
      .executeTakeFirst();
    if (!row) return null;
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.report.read',
      targetType: 'report',
      targetId: reportId,
    });
    return {
      ...toQueuedReport(row),
      details: row.details,
      decisionNote: row.decision_note,
      decidedBy: row.decided_by,
      messageBody: row.body,
      messageSenderRole: row.sender_role,
      messageSentAt: row.message_created_at,
    };
  }

  /** Records the decision on an open report and audits it. Returns false when no open report matched. */
  async unsafeDecide(reportId: string, decision: ReportDecision, now: Date): Promise<boolean> {
    const updated = await this.transaction
      .updateTable('reports')
      .set({
        status: 'resolved',
        outcome: decision.outcome,
        decision_note: decision.note,
        decided_by: this.context.userId,
        decided_at: now,
      })
      .where('id', '=', reportId)
      .where('status', '=', 'open')
      .returning(['id', 'category', 'due_at'])
      .executeTakeFirst();
    if (!updated) return false;
    await recordAuditEvent(this.transaction, this.context, {
      action: 'report.decided',
      targetType: 'report',
      targetId: updated.id,
      details: { outcome: decision.outcome, category: updated.category, withinTarget: now <= updated.due_at },
    });
    return true;
  }

  /** Returns the audit events about one report, oldest first: who read it and who decided what. */
  async unsafeAuditTrail(reportId: string): Promise<ReportAuditEvent[]> {
    const rows = await this.transaction
      .selectFrom('audit.events')
      .where('target_type', '=', 'report')
      .where('target_id', '=', reportId)
      .select(['occurred_at', 'actor_id', 'actor_role', 'action', 'details'])
      .orderBy('id', 'asc')
      .execute();
    return rows.map((row) => ({
      occurredAt: row.occurred_at,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      action: row.action,
      details: row.details as ReportAuditEvent['details'],
    }));
  }
}

function toQueuedReport(row: {
  id: string;
  target_type: ReportTargetType;
  category: ReportCategory;
  reporter_role: 'student' | 'employer';
  organization_id: string;
  trading_name: string;
  listing_id: string | null;
  title: string | null;
  message_id: string | null;
  status: ReportStatus;
  outcome: ReportOutcome | null;
  created_at: Date;
  due_at: Date;
  decided_at: Date | null;
}): QueuedReport {
  return {
    id: row.id,
    targetType: row.target_type,
    category: row.category,
    reporterRole: row.reporter_role,
    organizationId: row.organization_id,
    organizationName: row.trading_name,
    listingId: row.listing_id,
    listingTitle: row.title,
    messageId: row.message_id,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.created_at,
    dueAt: row.due_at,
    decidedAt: row.decided_at,
  };
}
