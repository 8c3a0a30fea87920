import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { PayUnit, ShiftTemplate } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';

export interface ListingForReview {
  id: string;
  organizationId: string;
  employerName: string;
  title: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  createdAt: Date;
}

export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/** ClockIn staff's listing review queue. Staff context is required by row-level security. */
export class ListingReviewRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  async queue(): Promise<ListingForReview[]> {
    const rows = await this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', 'submitted')
      .select([
        'listings.id',
        'listings.organization_id',
        'organizations.trading_name',
        'listings.title',
        'listings.description',
        'listings.pay_min_cents',
        'listings.pay_max_cents',
        'listings.pay_unit',
        'listings.address_line',
        'listings.city',
        'listings.zip',
        'listings.schedule',
        'listings.created_at',
      ])
      .orderBy('listings.created_at', 'asc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      employerName: row.trading_name,
      title: row.title,
      description: row.description,
      payMinCents: row.pay_min_cents,
      payMaxCents: row.pay_max_cents,
      payUnit: row.pay_unit,
      addressLine: row.address_line,
      city: row.city,
      zip: row.zip,
      schedule: row.schedule,
      createdAt: row.created_at,
    }));
  }

  /** Publishes or rejects a submitted listing and audits the decision; false when none matched. */
  async decide(listingId: string, review: ReviewDecision): Promise<boolean> {
    const now = new Date();
    const updated = await this.transaction
      .updateTable('listings')
      .set(
        review.decision === 'approve'
          ? {
              status: 'published',
              published_at: now,
              reviewed_at: now,
              reviewed_by: this.context.userId,
              rejection_reason: null,
            }
          : { status: 'rejected', reviewed_at: now, reviewed_by: this.context.userId, rejection_reason: review.reason },
      )
      .where('id', '=', listingId)
      .where('status', '=', 'submitted')
      .returning(['id', 'organization_id'])
      .executeTakeFirst();
    if (!updated) return false;
    await recordAuditEvent(this.transaction, this.context, {
      action: review.decision === 'approve' ? 'listing.approved' : 'listing.rejected',
      targetType: 'listing',
      targetId: updated.id,
      organizationId: updated.organization_id,
    });
    return true;
  }
}
