import Link from 'next/link';
import type { WaitingSummary } from '../../lib/messages-api';

const applicationCount = (count: number) => (count === 1 ? '1 application' : `${count} applications`);

/** "1 application waits" or "3 applications wait", so the verb agrees with the count. */
const waiting = (count: number) => `${applicationCount(count)} ${count === 1 ? 'waits' : 'wait'}`;

/**
 * Shows how many applications wait on the employer: to be opened, shortlisted, asked for contact or
 * decided. With `listingId`, the listing's count comes first.
 */
export function WaitingSummaryNotice({ summary, listingId }: { summary: WaitingSummary; listingId?: string }) {
  if (summary.total === 0) return <p>No applications are waiting on you.</p>;
  const listing = listingId ? summary.listings.find((entry) => entry.listingId === listingId) : undefined;
  return (
    <div className="notice notice-info">
      {listingId && <p>{waiting(listing?.waiting ?? 0)} on you for this listing.</p>}
      <p>
        {waiting(summary.total)} on you across all your listings. Applications without a decision close on their own 45
        days after they were sent.
      </p>
      {!listingId && (
        <ul className="schedule">
          {summary.listings.map((entry) => (
            <li key={entry.listingId}>
              <Link href={`/employer/listings/${entry.listingId}/applicants`}>{entry.listingTitle}</Link>:{' '}
              {applicationCount(entry.waiting)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
