import {
  OrganizationVerificationRepository,
  withContext,
  type Database,
  type OrganizationDecisionInput,
  type OrganizationForVerification,
  type OrganizationStatus,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export interface VerificationQueueQuery {
  status: OrganizationStatus;
  /** Only requests waiting at least this many days. */
  olderThanDays?: number;
  limit: number;
}

const dayMs = 24 * 60 * 60 * 1000;

const decisionWords: Record<OrganizationDecisionInput['decision'], string> = {
  verify: 'verified',
  reject: 'rejected',
  suspend: 'suspended',
  reinstate: 'reinstated',
};

/** ClockIn staff's verification queue: verify, reject, suspend and reinstate organizations. */
export class OrganizationVerificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async queue(actor: Actor, query: VerificationQueueQuery): Promise<OrganizationForVerification[]> {
    requireRole(actor, 'staff');
    const submittedBefore =
      query.olderThanDays === undefined ? null : new Date(this.now().getTime() - query.olderThanDays * dayMs);
    return withContext(this.db, actor.context, (transaction) =>
      new OrganizationVerificationRepository(transaction, actor.context).unsafeVerificationQueue({
        status: query.status,
        submittedBefore,
        limit: query.limit,
      }),
    );
  }

  /** Applies a decision. Suspending takes the organization's listings out of search at once. */
  async decide(actor: Actor, organizationId: string, input: OrganizationDecisionInput): Promise<OrganizationStatus> {
    requireRole(actor, 'staff');
    if ((input.decision === 'reject' || input.decision === 'suspend') && input.reason.trim().length < 3) {
      throw new AppError('ValidationError', 'reason must say what is wrong, in at least 3 characters.', 'reason');
    }
    if ('reason' in input) input = { ...input, reason: input.reason.trim() };
    const result = await withContext(this.db, actor.context, (transaction) =>
      new OrganizationVerificationRepository(transaction, actor.context).unsafeDecide(organizationId, input),
    );
    if (result.outcome === 'not-found') throw notFound('The organization');
    if (result.outcome === 'wrong-status') {
      throw new AppError(
        'OrganizationStatusConflict',
        `The organization is ${result.status}, so it cannot be ${decisionWords[input.decision]}.`,
      );
    }
    return result.status;
  }
}
