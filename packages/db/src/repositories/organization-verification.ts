import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { OrganizationStatus } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';
import {
  organizationDetailColumns,
  toOrganizationDetails,
  type OrganizationDetails,
  type RecordedAcknowledgement,
} from './organizations.ts';

/** Audit actions that record a staff decision on an organization, as the queue shows them. */
export const organizationDecisionActions = [
  'organization.verified',
  'organization.rejected',
  'organization.suspended',
  'organization.reinstated',
] as const;
export type OrganizationDecisionAction = (typeof organizationDecisionActions)[number];

/** One staff decision, read back from the audit log. */
export interface OrganizationDecision {
  action: OrganizationDecisionAction;
  /** The staff member's user id: the audit log names people only by id. */
  decidedBy: string | null;
  decidedAt: Date;
}

export interface OrganizationForVerification extends OrganizationDetails {
  id: string;
  status: OrganizationStatus;
  rejectionReason: string | null;
  suspensionReason: string | null;
  createdAt: Date;
  submittedAt: Date;
  memberCount: number;
  acknowledgement: RecordedAcknowledgement | null;
  decisions: OrganizationDecision[];
}

export interface VerificationQueueFilter {
  status: OrganizationStatus;
  /** Only requests submitted at or before this time, to find the ones waiting longest. */
  submittedBefore: Date | null;
  limit: number;
}

export type OrganizationDecisionInput =
  | { decision: 'verify' }
  | { decision: 'reject'; reason: string }
  | { decision: 'suspend'; reason: string }
  | { decision: 'reinstate' };

/** The result of a staff decision: done, no such organization, or not allowed from its status. */
export type DecisionOutcome =
  | { outcome: 'decided'; status: OrganizationStatus }
  | { outcome: 'not-found' }
  | { outcome: 'wrong-status'; status: OrganizationStatus };

/** The status each decision starts from, the status it leads to, and its audit action. */
const transitions = {
  verify: { from: 'pending', to: 'verified', action: 'organization.verified' },
  reject: { from: 'pending', to: 'rejected', action: 'organization.rejected' },
  suspend: { from: 'verified', to: 'suspended', action: 'organization.suspended' },
  reinstate: { from: 'suspended', to: 'verified', action: 'organization.reinstated' },
} as const satisfies Record<
  OrganizationDecisionInput['decision'],
  { from: OrganizationStatus; to: OrganizationStatus; action: OrganizationDecisionAction }
>;

/** Returns the columns a decision writes besides the status. */
function statusChanges(input: OrganizationDecisionInput, now: Date) {
  const to = transitions[input.decision].to;
  switch (input.decision) {
    case 'verify':
      return { status: to, decided_at: now, rejection_reason: null };
    case 'reject':
      return { status: to, decided_at: now, rejection_reason: input.reason };
    case 'suspend':
      return { status: to, suspended_at: now, suspension_reason: input.reason };
    case 'reinstate':
      return { status: to, suspended_at: null, suspension_reason: null };
  }
}

/**
 * ClockIn staff's organization verification queue. It reads and changes organizations of every
 * tenant, so its methods are named `unsafe*` and each call writes an audit event. Row-level
 * security lets these queries through only in a staff context.
 */
export class OrganizationVerificationRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff')
      throw new Error('The organization verification queue is for ClockIn staff only.');
  }

  /** Organizations in one status, longest waiting first, each with its decision history. */
  async unsafeVerificationQueue(filter: VerificationQueueFilter): Promise<OrganizationForVerification[]> {
    let query = this.transaction
      .selectFrom('organizations')
      .where('organizations.status', '=', filter.status)
      .select((eb) => [
        'organizations.id',
        ...organizationDetailColumns,
        'organizations.status',
        'organizations.rejection_reason',
        'organizations.suspension_reason',
        'organizations.created_at',
        'organizations.submitted_at',
        eb
          .selectFrom('organization_members')
          .whereRef('organization_members.organization_id', '=', 'organizations.id')
          .select((count) => count.fn.countAll<string>().as('n'))
          .as('member_count'),
      ]);
    if (filter.submittedBefore) query = query.where('organizations.submitted_at', '<=', filter.submittedBefore);
    const rows = await query
      .orderBy('organizations.submitted_at', 'asc')
      .orderBy('organizations.id', 'asc')
      .limit(filter.limit)
      .execute();

    const ids = rows.map((row) => row.id);
    const acknowledgements = await this.latestAcknowledgements(ids);
    const decisions = await this.decisions(ids);
    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.organization_verification_queue.read',
      targetType: 'organization',
      targetId: null,
      details: { status: filter.status, organizations: rows.length },
    });
    return rows.map((row) => ({
      id: row.id,
      ...toOrganizationDetails(row),
      status: row.status,
      rejectionReason: row.rejection_reason,
      suspensionReason: row.suspension_reason,
      createdAt: row.created_at,
      submittedAt: row.submitted_at,
      memberCount: Number(row.member_count ?? 0),
      acknowledgement: acknowledgements.get(row.id) ?? null,
      decisions: decisions.get(row.id) ?? [],
    }));
  }

  /**
   * Applies a staff decision to any organization and audits it. The organization's row is
   * locked first, so two staff members deciding at once cannot both succeed.
   */
  async unsafeDecide(organizationId: string, input: OrganizationDecisionInput): Promise<DecisionOutcome> {
    const current = await this.transaction
      .selectFrom('organizations')
      .where('id', '=', organizationId)
      .select('status')
      .forUpdate()
      .executeTakeFirst();
    if (!current) return { outcome: 'not-found' };
    const transition = transitions[input.decision];
    if (current.status !== transition.from) return { outcome: 'wrong-status', status: current.status };

    await this.transaction
      .updateTable('organizations')
      .set(statusChanges(input, new Date()))
      .where('id', '=', organizationId)
      .execute();
    await recordAuditEvent(this.transaction, this.context, {
      action: transition.action,
      targetType: 'organization',
      targetId: organizationId,
      organizationId,
      details: { from: transition.from, to: transition.to },
    });
    return { outcome: 'decided', status: transition.to };
  }

  private async latestAcknowledgements(ids: string[]): Promise<Map<string, RecordedAcknowledgement>> {
    const found = new Map<string, RecordedAcknowledgement>();
    if (ids.length === 0) return found;
    const rows = await this.transaction
      .selectFrom('organization_duty_acknowledgements')
      .where('organization_id', 'in', ids)
      .select(['organization_id', 'acknowledged_by', 'acknowledged_at', 'statement_version', 'duties'])
      .orderBy('acknowledged_at', 'asc')
      .execute();
    // Ascending order, so the latest acknowledgement of each organization is written last.
    for (const row of rows) {
      found.set(row.organization_id, {
        acknowledgedBy: row.acknowledged_by,
        acknowledgedAt: row.acknowledged_at,
        statementVersion: row.statement_version,
        duties: row.duties,
      });
    }
    return found;
  }

  private async decisions(ids: string[]): Promise<Map<string, OrganizationDecision[]>> {
    const found = new Map<string, OrganizationDecision[]>();
    if (ids.length === 0) return found;
    const rows = await this.transaction
      .selectFrom('audit.events')
      .where('target_type', '=', 'organization')
      .where('target_id', 'in', ids)
      .where('action', 'in', [...organizationDecisionActions])
      .select(['target_id', 'action', 'actor_id', 'occurred_at'])
      .orderBy('id', 'asc')
      .execute();
    for (const row of rows) {
      const list = found.get(row.target_id as string) ?? [];
      list.push({
        action: row.action as OrganizationDecisionAction,
        decidedBy: row.actor_id,
        decidedAt: row.occurred_at,
      });
      found.set(row.target_id as string, list);
    }
    return found;
  }
}
