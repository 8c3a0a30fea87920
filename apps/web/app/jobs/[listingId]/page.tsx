import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyForm } from '../../../features/jobs/apply-form';
import { BlockedApply } from '../../../features/jobs/blocked-apply';
import { ScheduleList } from '../../../features/jobs/schedule-list';
import { dutyLabel } from '../../../features/labor/duties';
import { formatCalendarDate } from '../../../features/labor/labor-text';
import { ListingLaborBox } from '../../../features/labor/listing-labor-box';
import { ReportButton } from '../../../features/reports/report-button';
import { formatDate, formatPay } from '../../../lib/format';
import { categoryLabel, seasonLabel } from '../../../lib/listing-options';
import { getListingDetail } from '../../../lib/listings-api';
import { getViewer } from '../../../lib/viewer';

interface ListingPageProps {
  params: Promise<{ listingId: string }>;
}

export async function generateMetadata({ params }: ListingPageProps): Promise<Metadata> {
  const listing = await getListingDetail((await params).listingId);
  return { title: listing ? listing.title : 'Job not found' };
}

export default async function ListingPage({ params }: ListingPageProps) {
  const { listingId } = await params;
  const viewer = await getViewer();
  // The student's token makes the API add their own verdict (`forYou`) to the listing.
  const listing = await getListingDetail(listingId, viewer?.accessToken);
  if (!listing) notFound();
  const verdict = listing.forYou;

  return (
    <article className="page">
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
      <h1>{listing.title}</h1>
      <p className="card-subtitle">
        <Link href={`/employers/${listing.organizationId}`}>{listing.employerName}</Link>
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
          </dd>
        </div>
        {listing.startsOn && (
          <div>
            <dt>Starts</dt>
            <dd>{formatCalendarDate(listing.startsOn)}</dd>
          </div>
        )}
        {listing.minimumAge > 15 && (
          <div>
            <dt>Employer hires from age</dt>
            <dd>{listing.minimumAge}</dd>
          </div>
        )}
        <div>
          <dt>Kind of work</dt>
          <dd>{categoryLabel(listing.category)}</dd>
        </div>
        <div>
          <dt>Season</dt>
          <dd>{seasonLabel(listing.season)}</dd>
        </div>
        <div>
          <dt>Openings</dt>
          <dd>{listing.positions}</dd>
        </div>
        <div>
          <dt>Posted</dt>
          <dd>{formatDate(listing.publishedAt)}</dd>
        </div>
        <div>
          <dt>Apply by</dt>
          <dd>{formatDate(new Date(Date.parse(listing.closesAt) - 1).toISOString())}</dd>
        </div>
      </dl>

      <h2>Weekly schedule</h2>
      <ScheduleList schedule={listing.schedule} />

      {listing.duties.length > 0 && (
        <>
          <h2>What the job involves</h2>
          <ul className="schedule">
            {listing.duties.map((duty) => (
              <li key={duty}>{dutyLabel(duty)}</li>
            ))}
          </ul>
        </>
      )}

      <h2>About the job</h2>
      <div className="prose">
        {listing.description.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>

      <ListingLaborBox listing={listing} accountType={viewer?.accountType ?? null} />

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
        {viewer?.accountType === 'student' &&
          (verdict && !verdict.canApply ? (
            <BlockedApply reasons={verdict.blockers} />
          ) : (
            <ApplyForm listingId={listing.id} />
          ))}
        {viewer && viewer.accountType !== 'student' && <p>Only student accounts can apply for jobs.</p>}
      </section>

      {/* Reports come from students and employers; staff act on them in their queue instead. */}
      {(viewer?.accountType === 'student' || viewer?.accountType === 'employer') && (
        <ReportButton targetType="listing" targetId={listing.id} returnTo={`/jobs/${listing.id}`} />
      )}
    </article>
  );
}
