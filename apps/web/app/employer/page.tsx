import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { WaitingSummaryNotice } from '../../features/applications/waiting-summary';
import { ListingActions } from '../../features/employer/listing-actions';
import { ListingOutcomeNotice, type ListingOutcome } from '../../features/employer/listing-outcome-notice';
import { OrganizationStatusNotice } from '../../features/organizations/organization-status-notice';
import { listEmployerListings } from '../../lib/api';
import { getWaitingApplications } from '../../lib/messages-api';
import { formatDate, listingStatusText } from '../../lib/format';
import type { ListingStatus } from '../../lib/listing-options';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'My listings' };

export default async function EmployerPage({ searchParams }: { searchParams: Promise<ListingOutcome> }) {
  const viewer = await requireViewer(['employer'], '/employer');
  // An employer account without an organization registers one first.
  if (!viewer.organization) redirect('/employer/register');
  if (viewer.organization.status === 'suspended') {
    return (
      <section className="page">
        <h1>My listings</h1>
        <OrganizationStatusNotice viewer={viewer} />
      </section>
    );
  }
  const [listings, waiting, outcome] = await Promise.all([
    listEmployerListings(viewer.accessToken),
    getWaitingApplications(viewer.accessToken),
    searchParams,
  ]);
  const organization = viewer.organization;

  return (
    <section className="page">
      <h1>My listings</h1>
      <p>{organization.name}</p>
      <OrganizationStatusNotice viewer={viewer} />
      <ListingOutcomeNotice outcome={outcome} />
      <WaitingSummaryNotice summary={waiting} />
      <p>
        <Link href="/employer/listings/new" className="button button-primary">
          New listing
        </Link>
      </p>

      {listings.length === 0 ? (
        <p>You have no listings yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your job listings</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Location</th>
              <th scope="col">Created</th>
              <th scope="col">Applicants</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {listings.map((listing) => (
              <tr key={listing.id}>
                <th scope="row">{listing.title}</th>
                <td>
                  {listingStatusText(listing.status)}
                  {listing.status === 'rejected' && listing.rejectionReason && (
                    <span className="cell-detail">Reason: {listing.rejectionReason}</span>
                  )}
                </td>
                <td>
                  {listing.city}, OH {listing.zip}
                </td>
                <td>{formatDate(listing.createdAt)}</td>
                <td>
                  <Link href={`/employer/listings/${listing.id}/applicants`}>
                    {listing.applicationCount === 1 ? '1 applicant' : `${listing.applicationCount} applicants`}
                    <span className="visually-hidden"> for {listing.title}</span>
                  </Link>
                </td>
                <td>
                  <ListingActions id={listing.id} title={listing.title} status={listing.status as ListingStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
