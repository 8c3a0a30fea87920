import Link from 'next/link';
import type { Listing } from '../../lib/api';
import { formatPay } from '../../lib/format';

export function ListingCard({ listing }: { listing: Listing }) {
  return (
    <article className="card">
      <h2 className="card-title">
        <Link href={`/jobs/${listing.id}`}>{listing.title}</Link>
      </h2>
      <p className="card-subtitle">{listing.employerName}</p>
      <dl className="facts">
        <div>
          <dt>Pay</dt>
          <dd>{formatPay(listing.payMinCents, listing.payMaxCents, listing.payUnit)}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>
            {listing.city}, OH {listing.zip}
          </dd>
        </div>
        <div>
          <dt>Shifts per week</dt>
          <dd>{listing.schedule.length}</dd>
        </div>
      </dl>
    </article>
  );
}
