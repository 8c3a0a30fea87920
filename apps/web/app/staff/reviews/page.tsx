import type { Metadata } from 'next';
import Link from 'next/link';
import { ScheduleList } from '../../../features/jobs/schedule-list';
import { dutyLabel } from '../../../features/labor/duties';
import { formatCalendarDate, workableAgesText } from '../../../features/labor/labor-text';
import { ListingHistory } from '../../../features/staff/listing-history';
import { REVIEW_STATUSES, ReviewFilters, type ReviewFilterValues } from '../../../features/staff/review-filters';
import { ReviewForm } from '../../../features/staff/review-form';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatPay, listingStatusText } from '../../../lib/format';
import { categoryLabel, seasonLabel } from '../../../lib/listing-options';
import { listReviewQueue, type ReviewQueueListing, type ReviewQueuePage } from '../../../lib/listings-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Listing reviews' };

type SearchParams = Record<string, string | string[] | undefined>;

function text(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function readFilters(params: SearchParams): ReviewFilterValues {
  return {
    status: text(params.status),
    organizationId: text(params.organizationId),
    minimumAge: text(params.minimumAge),
    minWaitingHours: text(params.minWaitingHours),
  };
}

function pageHref(filters: ReviewFilterValues, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  return query.size > 0 ? `/staff/reviews?${query.toString()}` : '/staff/reviews';
}

export default async function StaffReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer(['staff'], '/staff/reviews');
  const params = await searchParams;
  const filters = readFilters(params);
  const cursor = text(params.cursor) || undefined;

  let page: ReviewQueuePage | null = null;
  let problem: string | null = null;
  try {
    page = await listReviewQueue(viewer.accessToken, { ...filters, cursor });
  } catch (error) {
    if (!(error instanceof ApiError) || error.statusCode !== 400) throw error;
    problem = `${error.message} Choose the filters again.`;
  }
  const statusName =
    REVIEW_STATUSES.find((entry) => entry.value === (filters.status || 'submitted'))?.label ?? filters.status;

  return (
    <section className="page">
      <h1>Listing reviews</h1>
      <p>
        Check each listing for a real employer, fair pay and hours that Ohio allows for students of this age. Approve to
        publish it, or reject it with a reason the employer can act on.
      </p>
      <ReviewFilters values={filters} organizations={page?.organizations ?? []} />
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {page && page.listings.length === 0 && <p>{emptyText(filters, Boolean(cursor))}</p>}
      {page && page.listings.length > 0 && (
        <>
          <h2 className="visually-hidden">{statusName}</h2>
          <ul className="card-list">
            {page.listings.map((listing) => (
              <li key={listing.id}>
                <ReviewCard listing={listing} viewerId={viewer.userId} />
              </li>
            ))}
          </ul>
        </>
      )}
      <nav aria-label="Pages of listings" className="pagination">
        {cursor && <Link href={pageHref(filters)}>First page</Link>}
        {page?.nextCursor && (
          <Link href={pageHref(filters, page.nextCursor)} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}

function emptyText(filters: ReviewFilterValues, later: boolean): string {
  if (later) return 'There are no more listings.';
  const filtered = filters.organizationId || filters.minimumAge || filters.minWaitingHours;
  if (!filters.status || filters.status === 'submitted') {
    return filtered ? 'No listing waiting for review matches these filters.' : 'No listings are waiting for review.';
  }
  return 'No listing matches these filters.';
}

function ReviewCard({ listing, viewerId }: { listing: ReviewQueueListing; viewerId: string }) {
  const summary = listing.laborSummary;
  return (
    <article className="card" aria-labelledby={`review-${listing.id}`}>
      <h3 id={`review-${listing.id}`} className="card-title">
        {listing.title}
      </h3>
      <p className="card-subtitle">
        {listing.employerName} · {listingStatusText(listing.status)}
        {listing.submittedAt && ` · submitted ${formatDateTime(listing.submittedAt)}`}
      </p>
      <dl className="facts">
        <div>
          <dt>Pay</dt>
          <dd>{formatPay(listing.payMinCents, listing.payMaxCents, listing.payUnit)}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>
            {listing.addressLine}, {listing.city}, OH {listing.zip}
          </dd>
        </div>
        <div>
          <dt>Kind of work</dt>
          <dd>{categoryLabel(listing.category)}</dd>
        </div>
        <div>
          <dt>Season</dt>
          <dd>{seasonLabel(listing.season)}</dd>
        </div>
        <div>
          <dt>Openings</dt>
          <dd>{listing.positions}</dd>
        </div>
        <div>
          <dt>Youngest age hired</dt>
          <dd>{listing.minimumAge}</dd>
        </div>
        {listing.startsOn && (
          <div>
            <dt>Starts</dt>
            <dd>{formatCalendarDate(listing.startsOn)}</dd>
          </div>
        )}
        {listing.closingDate && (
          <div>
            <dt>Closing date</dt>
            <dd>{formatCalendarDate(listing.closingDate)}</dd>
          </div>
        )}
        {summary && (
          <div>
            <dt>Ages who may work a shift</dt>
            <dd>
              {workableAgesText(summary.schoolYear)} in the school year; {workableAgesText(summary.summer)} in summer
            </dd>
          </div>
        )}
      </dl>
      {listing.status === 'rejected' && listing.rejectionReason && <p>Reason given: {listing.rejectionReason}</p>}
      <h4>Weekly schedule</h4>
      <ScheduleList schedule={listing.schedule} />
      {listing.duties.length > 0 && (
        <>
          <h4>Tasks</h4>
          <p>{listing.duties.map(dutyLabel).join(', ')}</p>
        </>
      )}
      <h4>Description</h4>
      <p className="prose">{listing.description}</p>
      <h4>Decision trail</h4>
      <ListingHistory history={listing.history} viewerId={viewerId} />
      {listing.status === 'submitted' && <ReviewForm listingId={listing.id} listingTitle={listing.title} />}
    </article>
  );
}
