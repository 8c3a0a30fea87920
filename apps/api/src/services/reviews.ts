import {
  ListingReviewRepository,
  withContext,
  type Database,
  type ListingForReview,
  type ReviewDecision,
  type ReviewQueuePage,
  type ReviewQueueStatus,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export interface ReviewQueueQuery {
  /** Defaults to submitted: the listings waiting for a decision. */
  status?: ReviewQueueStatus;
  organizationId?: string;
  minimumAge?: number;
  minWaitingHours?: number;
  cursor?: string;
  limit?: number;
}

export interface ReviewQueueResult {
  listings: ListingForReview[];
  organizations: ReviewQueuePage['organizations'];
  nextCursor: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function decodeQueueCursor(cursor: string): { submittedAt: string; id: string } | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> | null;
    const submittedAt = value?.submittedAt;
    const id = value?.id;
    if (typeof submittedAt !== 'string' || !timestampPattern.test(submittedAt)) return null;
    if (new Date(submittedAt).toISOString().slice(0, 19) !== submittedAt.slice(0, 19)) return null;
    if (typeof id !== 'string' || !uuidPattern.test(id)) return null;
    return { submittedAt, id };
  } catch {
    return null;
  }
}

export class ReviewService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Reads the listing review queue with its filters, longest waiting first, each listing with its audit trail. */
  async queue(actor: Actor, query: ReviewQueueQuery = {}): Promise<ReviewQueueResult> {
    requireRole(actor, 'staff');
    const after = query.cursor ? decodeQueueCursor(query.cursor) : null;
    if (query.cursor && !after) {
      throw new AppError('ValidationError', 'cursor is invalid: use the nextCursor of a previous page.', 'cursor');
    }
    const page = await withContext(this.db, actor.context, (transaction) =>
      new ListingReviewRepository(transaction, actor.context).unsafeReviewQueue({
        status: query.status ?? 'submitted',
        organizationId: query.organizationId ?? null,
        minimumAge: query.minimumAge ?? null,
        minWaitingHours: query.minWaitingHours ?? null,
        limit: query.limit ?? 50,
        after,
      }),
    );
    return {
      listings: page.listings,
      organizations: page.organizations,
      nextCursor: page.last ? Buffer.from(JSON.stringify(page.last)).toString('base64url') : null,
    };
  }

  async decide(actor: Actor, listingId: string, decision: ReviewDecision): Promise<void> {
    requireRole(actor, 'staff');
    const decided = await withContext(this.db, actor.context, (transaction) =>
      new ListingReviewRepository(transaction, actor.context).unsafeDecide(listingId, decision),
    );
    if (!decided) throw notFound('A submitted listing with this id');
  }
}
