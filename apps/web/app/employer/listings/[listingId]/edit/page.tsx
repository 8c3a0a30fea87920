import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ListingForm } from '../../../../../features/employer/listing-form';
import { formValuesFromListing } from '../../../../../features/employer/listing-input';
import { ohioToday } from '../../../../../features/labor/labor-text';
import { listingStatusText } from '../../../../../lib/format';
import { getEmployerListing } from '../../../../../lib/listings-api';
import { requireViewer } from '../../../../../lib/viewer';

export const metadata: Metadata = { title: 'Edit listing' };

/** Statuses in which the API accepts an edit. */
const EDITABLE = new Set(['draft', 'submitted', 'rejected', 'published']);

export default async function EditListingPage({ params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const viewer = await requireViewer(['employer'], `/employer/listings/${listingId}/edit`);
  const listing = await getEmployerListing(viewer.accessToken, listingId);
  if (!listing) notFound();

  return (
    <section className="page narrow">
      <p>
        <Link href="/employer">← My listings</Link>
      </p>
      <h1>Edit {listing.title}</h1>
      <p>Status: {listingStatusText(listing.status)}</p>
      {listing.status === 'rejected' && listing.rejectionReason && (
        <p role="status" className="notice notice-info">
          ClockIn staff rejected this listing: {listing.rejectionReason} Save your changes, then submit it again from My
          listings.
        </p>
      )}
      {EDITABLE.has(listing.status) ? (
        <ListingForm
          today={ohioToday()}
          edited={{
            id: listing.id,
            status: listing.status,
            values: formValuesFromListing(listing),
            saved: { startsOn: listing.startsOn, closingDate: listing.closingDate },
          }}
        />
      ) : (
        <p>A {listingStatusText(listing.status).toLowerCase()} listing can no longer be edited.</p>
      )}
    </section>
  );
}
