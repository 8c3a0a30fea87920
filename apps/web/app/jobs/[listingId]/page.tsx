import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyForm } from '../../../features/jobs/apply-form';
import { ScheduleList } from '../../../features/jobs/schedule-list';
import { getListing } from '../../../lib/api';
import { formatDate, formatPay } from '../../../lib/format';
import { getViewer } from '../../../lib/viewer';

interface ListingPageProps {
  params: Promise<{ listingId: string }>;
}

export async function generateMetadata({ params }: ListingPageProps): Promise<Metadata> {
  const listing = await getListing((await params).listingId);
  return { title: listing ? listing.title : 'Job not found' };
}

export default async function ListingPage({ params }: ListingPageProps) {
  const { listingId } = await params;
  const [listing, viewer] = await Promise.all([getListing(listingId), getViewer()]);
  if (!listing) notFound();

  return (
    <article className="page">
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
      <h1>{listing.title}</h1>
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
          <dt>Posted</dt>
          <dd>{formatDate(listing.publishedAt)}</dd>
        </div>
      </dl>

      <h2>Weekly schedule</h2>
      <ScheduleList schedule={listing.schedule} />

      <h2>About the job</h2>
      <div className="prose">
        {listing.description.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>

      <section aria-labelledby="apply-heading" className="panel">
        <h2 id="apply-heading">Apply for this job</h2>
        {!viewer && (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/jobs/${listing.id}`)}`} className="button button-primary">
              Sign in to apply
            </Link>{' '}
            New here? <Link href="/sign-up">Create a student account</Link>.
          </p>
        )}
        {viewer?.accountType === 'student' && <ApplyForm listingId={listing.id} />}
        {viewer && viewer.accountType !== 'student' && <p>Only student accounts can apply for jobs.</p>}
      </section>
    </article>
  );
}
