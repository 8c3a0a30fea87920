import type { ListingLaborSummary } from '@clockin/domain';
import { sql } from 'kysely';
import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { ListingCategory, ListingSeason, ListingStatus, PayUnit, ShiftTemplate } from '../schema.ts';
import { recordAuditEvent } from './audit.ts';

/** One audit event about a listing: who did what, and when. */
export interface ListingEvent {
  action: string;
  actorId: string | null;
  actorRole: string;
  occurredAt: Date;
  details: Record<string, string | number | boolean | null>;
}

export interface ListingForReview {
  id: string;
  organizationId: string;
  employerName: string;
  status: ListingStatus;
  rejectionReason: string | null;
  title: string;
  description: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  duties: string[];
  minimumAge: number;
  startsOn: string | null;
  closingDate: string | null;
  laborSummary: ListingLaborSummary | null;
  createdAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  publishedAt: Date | null;
  /** The listing's audit trail, oldest first: submissions, edits, decisions and closing. */
  history: ListingEvent[];
}

/** Listings in the queue are past the draft stage; drafts stay private to their organization. */
export type ReviewQueueStatus = Exclude<ListingStatus, 'draft'>;

export interface ReviewQueueFilter {
  status: ReviewQueueStatus;
  organizationId: string | null;
  minimumAge: number | null;
  /** Only listings submitted at least this many hours ago. */
  minWaitingHours: number | null;
  limit: number;
  /** The last listing of the previous page, in queue order. */
  after: { submittedAt: string; id: string } | null;
}

export interface ReviewQueuePage {
  listings: ListingForReview[];
  /** The last listing of this page, when another page follows. */
  last: { submittedAt: string; id: string } | null;
  /** Organizations with listings in this status, for the organization filter. */
  organizations: Array<{ id: string; name: string; listings: number }>;
}

export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

/**
 * ClockIn staff's listing review queue. It reads and changes listings of every organization,
 * so its methods are named `unsafe*` and each call writes an audit event. Row-level security
 * lets these queries through only in a staff context.
 */
export class ListingReviewRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {
    if (context.actorRole !== 'staff') throw new Error('The listing review queue is for ClockIn staff only.');
  }

  /** Listings of every organization in one status, longest waiting first, with their audit trail. */
  async unsafeReviewQueue(filter: ReviewQueueFilter): Promise<ReviewQueuePage> {
    let query = this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', filter.status)
      .select([
        'listings.id',
        'listings.organization_id',
        'organizations.trading_name',
        'listings.status',
        'listings.rejection_reason',
        'listings.title',
        'listings.description',
        'listings.category',
        'listings.season',
        'listings.positions',
        'listings.pay_min_cents',
        'listings.pay_max_cents',
        'listings.pay_unit',
        'listings.address_line',
        'listings.city',
        'listings.zip',
        'listings.schedule',
        'listings.duties',
        'listings.minimum_age',
        'listings.starts_on',
        'listings.closing_date',
        'listings.labor_summary',
        'listings.created_at',
        'listings.submitted_at',
        'listings.reviewed_at',
        'listings.reviewed_by',
        'listings.published_at',
        sql<string>`to_char(listings.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'submitted_at_exact',
        ),
      ]);
    if (filter.organizationId) query = query.where('listings.organization_id', '=', filter.organizationId);
    if (filter.minimumAge !== null) query = query.where('listings.minimum_age', '=', filter.minimumAge);
    if (filter.minWaitingHours !== null) {
      query = query.where(
        'listings.submitted_at',
        '<=',
        sql<Date>`now() - make_interval(hours => ${filter.minWaitingHours})`,
      );
    }
    const after = filter.after;
    if (after) {
      const at = sql<Date>`${after.submittedAt}::timestamptz`;
      query = query
        .where('listings.submitted_at', '>=', at)
        .where((eb) => eb.or([eb('listings.submitted_at', '>', at), eb('listings.id', '>', after.id)]));
    }
    const rows = await query
      .orderBy('listings.submitted_at', 'asc')
      .orderBy('listings.id', 'asc')
      .limit(filter.limit + 1)
      .execute();
    const page = rows.slice(0, filter.limit);
    const history = await this.history(page.map((row) => row.id));
    const organizations = await this.organizationsIn(filter.status);

    await recordAuditEvent(this.transaction, this.context, {
      action: 'unsafe.listing_review_queue.read',
      targetType: 'listing',
      targetId: null,
      details: {
        listings: page.length,
        status: filter.status,
        organizationId: filter.organizationId,
        minimumAge: filter.minimumAge,
        minWaitingHours: filter.minWaitingHours,
      },
    });
    const last = page.at(-1);
    return {
      listings: page.map((row) => ({
        id: row.id,
        organizationId: row.organization_id,
        employerName: row.trading_name,
        status: row.status,
        rejectionReason: row.rejection_reason,
        title: row.title,
        description: row.description,
        category: row.category,
        season: row.season,
        positions: row.positions,
        payMinCents: row.pay_min_cents,
        payMaxCents: row.pay_max_cents,
        payUnit: row.pay_unit,
        addressLine: row.address_line,
        city: row.city,
        zip: row.zip,
        schedule: row.schedule,
        duties: row.duties,
        minimumAge: row.minimum_age,
        startsOn: row.starts_on,
        closingDate: row.closing_date,
        laborSummary: row.labor_summary,
        createdAt: row.created_at,
        submittedAt: row.submitted_at,
        reviewedAt: row.reviewed_at,
        reviewedBy: row.reviewed_by,
        publishedAt: row.published_at,
        history: history.get(row.id) ?? [],
      })),
      last: rows.length > filter.limit && last ? { submittedAt: last.submitted_at_exact, id: last.id } : null,
      organizations,
    };
  }

  /** Reads the audit log's events for these listings, oldest first. */
  private async history(listingIds: string[]): Promise<Map<string, ListingEvent[]>> {
    const byListing = new Map<string, ListingEvent[]>();
    if (listingIds.length === 0) return byListing;
    const events = await this.transaction
      .selectFrom('audit.events')
      .where('target_type', '=', 'listing')
      .where('target_id', 'in', listingIds)
      .where('action', 'like', 'listing.%')
      .select(['target_id', 'action', 'actor_id', 'actor_role', 'occurred_at', 'details'])
      .orderBy('occurred_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    for (const event of events) {
      if (!event.target_id) continue;
      const list = byListing.get(event.target_id) ?? [];
      list.push({
        action: event.action,
        actorId: event.actor_id,
        actorRole: event.actor_role,
        occurredAt: event.occurred_at,
        details: event.details as ListingEvent['details'],
      });
      byListing.set(event.target_id, list);
    }
    return byListing;
  }

  private async organizationsIn(status: ReviewQueueStatus): Promise<ReviewQueuePage['organizations']> {
    const rows = await this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', status)
      .groupBy(['organizations.id', 'organizations.trading_name'])
      .select((eb) => ['organizations.id', 'organizations.trading_name', eb.fn.countAll<string>().as('listings')])
      .orderBy('organizations.trading_name')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.trading_name, listings: Number(row.listings) }));
  }

  /**
   * Publishes or rejects a submitted listing of any organization and audits the decision;
   * false when no submitted listing matched.
   */
  async unsafeDecide(listingId: string, review: ReviewDecision): Promise<boolean> {
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
              updated_at: now,
            }
          : {
              status: 'rejected',
              reviewed_at: now,
              reviewed_by: this.context.userId,
              rejection_reason: review.reason,
              updated_at: now,
            },
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
