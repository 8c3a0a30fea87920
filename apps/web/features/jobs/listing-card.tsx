import Link from 'next/link';
import { formatDate, formatPay } from '../../lib/format';
import { categoryLabel } from '../../lib/listing-options';
import type { SearchListing } from '../../lib/listings-api';
import { workableAgesText } from '../labor/labor-text';

export function ListingCard({ listing }: { listing: SearchListing }) {
  const summary = listing.laborSummary;
  return (
    <article className="card">
      <h2 className="card-title">
        <Link href={`/jobs/${listing.id}`}>{listing.title}</Link>
      </h2>
      <p className="card-subtitle">
        {listing.employerName} · {categoryLabel(listing.category)}
      </p>
      <dl className="facts">
        <div>
          <dt>Pay</dt>
          <dd>{formatPay(listing.payMinCents, listing.payMaxCents, listing.payUnit)}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>
            {listing.city}, OH {listing.zip}
            {listing.distanceMiles !== null && ` · ${milesText(listing.distanceMiles)}`}
          </dd>
        </div>
        <div>
          <dt>Apply by</dt>
          <dd>{formatDate(lastMomentBefore(listing.closesAt))}</dd>
        </div>
        <div>
          <dt>Shifts per week</dt>
          <dd>{listing.schedule.length}</dd>
        </div>
        {summary && (
          <OpenToFacts schoolYear={workableAgesText(summary.schoolYear)} summer={workableAgesText(summary.summer)} />
        )}
      </dl>
    </article>
  );
}

/** Returns the last moment before `iso`, so a listing that closes at midnight shows the day before. */
function lastMomentBefore(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString();
}

function milesText(miles: number): string {
  return miles === 1 ? '1 mile away' : `${miles} miles away`;
}

/** Shows the ages the law and the employer allow on at least one shift, once when both seasons agree. */
function OpenToFacts({ schoolYear, summer }: { schoolYear: string; summer: string }) {
  if (schoolYear === summer) {
    return (
      <div>
        <dt>Open to</dt>
        <dd>{schoolYear}, all year</dd>
      </div>
    );
  }
  return (
    <>
      <div>
        <dt>Open to in the school year</dt>
        <dd>{schoolYear}</dd>
      </div>
      <div>
        <dt>Open to in summer</dt>
        <dd>{summer}</dd>
      </div>
    </>
  );
}
