import {
  ListingReviewRepository,
  withContext,
  type Database,
  type ListingForReview,
  type ReviewDecision,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export class ReviewService {
  constructor(private readonly db: Kysely<Database>) {}

  async queue(actor: Actor): Promise<ListingForReview[]> {
    requireRole(actor, 'staff');
    return withContext(this.db, actor.context, (transaction) =>
      new ListingReviewRepository(transaction, actor.context).queue(),
    );
  }

  async decide(actor: Actor, listingId: string, decision: ReviewDecision): Promise<void> {
    requireRole(actor, 'staff');
    const decided = await withContext(this.db, actor.context, (transaction) =>
      new ListingReviewRepository(transaction, actor.context).decide(listingId, decision),
    );
    if (!decided) throw notFound('A submitted listing with this id');
  }
}
