import type { Metadata } from 'next';
import Link from 'next/link';
import { listEmployerListings } from '../../lib/api';
import { formatDate, listingStatusText } from '../../lib/format';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'My listings' };

export default async function EmployerPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const viewer = await requireViewer(['employer'], '/employer');
  const [listings, { created }] = await Promise.all([listEmployerListings(viewer.accessToken), searchParams]);
  const organization = viewer.organization;

  return (
    <section className="page">
      <h1>My listings</h1>
      {organization && (
        <p>
          {organization.name}
          {organization.status !== 'verified' && (
            <>
              {' '}
              — ClockIn staff have not verified this organization yet (status: {organization.status}). Listings go live
              only after verification.
            </>
          )}
        </p>
      )}
      {created && (
        <p role="status" className="notice notice-success">
          Your listing was submitted. ClockIn staff review every listing before students can see it.
        </p>
      )}
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
