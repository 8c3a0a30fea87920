import {
  NotificationRepository,
  ReportRepository,
  StaffReportRepository,
  withContext,
  type CreatedReport,
  type Database,
  type QueuedReport,
  type ReportAuditEvent,
  type ReportCategory,
  type ReportDecision,
  type ReportDetail,
  type ReportQueueFilter,
  type ReportTarget,
  type ReportTargetType,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';
import type { NotificationService } from './notifications.ts';

export interface ReportInput {
  targetType: ReportTargetType;
  targetId: string;
  category: ReportCategory;
  details?: string;
}

/** Maximum reports one person may make in an hour: enough for real trouble, few enough to stop a flood. */
export const REPORTS_PER_HOUR = 20;
const HOUR_MS = 60 * 60 * 1000;

const TARGET_NAMES: Record<ReportTargetType, string> = {
  listing: 'The listing',
  organization: 'The employer',
  message: 'The message',
};

/** A report in the staff queue with the time left against the 24-hour target. */
export type QueueEntry = QueuedReport & { secondsLeft: number; overdue: boolean };

export interface ReportCase {
  report: ReportDetail & { secondsLeft: number; overdue: boolean };
  auditTrail: ReportAuditEvent[];
}

function withTimeLeft<T extends { dueAt: Date; status: string; decidedAt: Date | null }>(report: T, now: Date) {
  // An open report counts down to its target, and a decided one shows the margin it was decided with.
  const until = report.status === 'open' ? now : (report.decidedAt ?? now);
  const secondsLeft = Math.round((report.dueAt.getTime() - until.getTime()) / 1000);
  return { ...report, secondsLeft, overdue: secondsLeft < 0 };
}

/** Reports from students and employers, and the staff queue that decides them. */
export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifications: NotificationService,
  ) {}

  /** Records a report of something the reporter can see and emails them an acknowledgement. */
  async create(actor: Actor, input: ReportInput): Promise<CreatedReport> {
    const role = actor.context.actorRole;
    if (role !== 'student' && role !== 'employer') {
      throw new AppError('Forbidden', 'Reports are for students and employers. Staff act on reports in the queue.');
    }
    requireRole(actor, role);
    const details = input.details?.trim() ? input.details.trim() : null;
    const report = await withContext(this.db, actor.context, async (transaction) => {
      const reports = new ReportRepository(transaction, actor.context);
      if ((await reports.countMadeSince(new Date(Date.now() - HOUR_MS))) >= REPORTS_PER_HOUR) {
        throw new AppError(
          'TooManyRequests',
          `You can make at most ${REPORTS_PER_HOUR} reports an hour. If someone is in danger, call 911.`,
        );
      }
      const target = await findTarget(reports, input.targetType, input.targetId);
      if (!target) throw notFound(TARGET_NAMES[input.targetType]);
      const created = await reports.create({
        targetType: input.targetType,
        ...target,
        category: input.category,
        details,
      });
      await new NotificationRepository(transaction, actor.context).add({
        recipientId: actor.context.userId,
        organizationId: actor.context.organizationId ?? null,
        kind: 'report_received',
        reportId: created.id,
      });
      return created;
    });
    await this.notifications.deliverPending();
    return report;
  }

  async queue(actor: Actor, filter: ReportQueueFilter): Promise<QueueEntry[]> {
    requireRole(actor, 'staff');
    const now = new Date();
    const reports = await withContext(this.db, actor.context, (transaction) =>
      new StaffReportRepository(transaction, actor.context).unsafeQueue(filter, now),
    );
    return reports.map((report) => withTimeLeft(report, now));
  }

  /** Returns one report with its target and the audit trail of who read and decided it. */
  async get(actor: Actor, reportId: string): Promise<ReportCase> {
    requireRole(actor, 'staff');
    return withContext(this.db, actor.context, async (transaction) => {
      const reports = new StaffReportRepository(transaction, actor.context);
      const report = await reports.unsafeGet(reportId);
      if (!report) throw notFound('The report');
      return { report: withTimeLeft(report, new Date()), auditTrail: await reports.unsafeAuditTrail(reportId) };
    });
  }

  async decide(actor: Actor, reportId: string, decision: ReportDecision): Promise<ReportCase> {
    requireRole(actor, 'staff');
    const note = decision.note?.trim() ? decision.note.trim() : null;
    await withContext(this.db, actor.context, async (transaction) => {
      const reports = new StaffReportRepository(transaction, actor.context);
      if (await reports.unsafeDecide(reportId, { outcome: decision.outcome, note }, new Date())) return;
      const existing = await reports.unsafeGet(reportId);
      if (!existing) throw notFound('The report');
      throw new AppError('Conflict', 'This report was already decided. Reload the queue to see the decision.');
    });
    return this.get(actor, reportId);
  }
}

function findTarget(
  reports: ReportRepository,
  targetType: ReportTargetType,
  targetId: string,
): Promise<ReportTarget | null> {
  switch (targetType) {
    case 'listing':
      return reports.listingTarget(targetId);
    case 'organization':
      return reports.organizationTarget(targetId);
    case 'message':
      return reports.messageTarget(targetId);
  }
}
