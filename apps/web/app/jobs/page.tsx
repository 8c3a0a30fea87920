import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingCard } from '../../features/jobs/listing-card';
import { listListings } from '../../lib/api';

export const metadata: Metadata = { title: 'Browse jobs' };

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const page = await listListings(cursor);

  return (
    <section className="page">
      <h1>Browse jobs</h1>
      <p>Every job here comes from an employer that ClockIn staff have verified.</p>
      {page.listings.length === 0 ? (
        <p>{cursor ? 'There are no more jobs.' : 'There are no open jobs right now. Check back soon.'}</p>
      ) : (
        <div className="card-list">
          {page.listings.map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </div>
      )}
      <nav aria-label="Pages of jobs" className="pagination">
        {cursor && <Link href="/jobs">First page</Link>}
        {page.nextCursor && (
          <Link href={`/jobs?cursor=${encodeURIComponent(page.nextCursor)}`} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
