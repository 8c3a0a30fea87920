import type { Metadata } from 'next';
import { ScheduleList } from '../../../features/jobs/schedule-list';
import { ReviewForm } from '../../../features/staff/review-form';
import { listListingsForReview } from '../../../lib/api';
import { formatDateTime, formatPay } from '../../../lib/format';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Listing reviews' };

export default async function StaffReviewsPage() {
  const viewer = await requireViewer(['staff'], '/staff/reviews');
  const listings = await listListingsForReview(viewer.accessToken);

  return (
    <section className="page">
      <h1>Listing reviews</h1>
      <p>
        Check each listing for a real employer, fair pay and hours that Ohio allows for students of this age. Approve to
        publish it, or reject it with a reason the employer can act on.
      </p>
      {listings.length === 0 ? (
        <p>No listings are waiting for review.</p>
      ) : (
        <ul className="card-list">
          {listings.map((listing) => (
            <li key={listing.id}>
              <article className="card" aria-labelledby={`review-${listing.id}`}>
                <h2 id={`review-${listing.id}`} className="card-title">
                  {listing.title}
                </h2>
                <p className="card-subtitle">
                  {listing.employerName} · submitted {formatDateTime(listing.createdAt)}
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
                </dl>
                <h3>Weekly schedule</h3>
                <ScheduleList schedule={listing.schedule} />
                <h3>Description</h3>
                <p className="prose">{listing.description}</p>
                <ReviewForm listingId={listing.id} listingTitle={listing.title} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
