import Link from 'next/link';
import type { AccountType } from '../../lib/api';
import type { LaborListingDetail } from '../../lib/labor-api';
import { BandTable } from './band-table';
import { StudentLabor } from './student-labor';

interface ListingLaborBoxProps {
  listing: LaborListingDetail;
  /** The viewer's account type, or null for a visitor who is not signed in. */
  accountType: AccountType | null;
}

/**
 * Renders the "What Ohio law allows" box of a listing page: the verdict for a student with a
 * profile, and the table for each age band for everyone else.
 */
export function ListingLaborBox({ listing, accountType }: ListingLaborBoxProps) {
  const verdict = listing.forYou;
  return (
    <section aria-labelledby="labor-heading" className="panel">
      <h2 id="labor-heading">{verdict ? 'What Ohio law allows for you' : 'What Ohio law allows at each age'}</h2>
      {verdict && <StudentLabor listing={listing} verdict={verdict} />}
      {!verdict && listing.laborSummary && (
        <BandTable summary={listing.laborSummary} schedule={listing.schedule} minimumAge={listing.minimumAge} />
      )}
      {!verdict && !listing.laborSummary && (
        <p>ClockIn has not yet checked this listing’s shifts against Ohio’s labor law. Check back soon.</p>
      )}
      {!verdict && accountType === null && (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/jobs/${listing.id}`)}`}>Sign in as a student</Link> to see
          the shifts you may work at your age, your hour limits and breaks, and the work permit you need.
        </p>
      )}
    </section>
  );
}
