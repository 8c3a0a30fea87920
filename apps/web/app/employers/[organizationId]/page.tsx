import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportButton } from '../../../features/reports/report-button';
import { getEmployerProfile } from '../../../lib/employers-api';
import { formatDate, formatPay } from '../../../lib/format';
import { getViewer } from '../../../lib/viewer';

interface EmployerPageProps {
  params: Promise<{ organizationId: string }>;
}

export async function generateMetadata({ params }: EmployerPageProps): Promise<Metadata> {
  const profile = await getEmployerProfile((await params).organizationId);
  return { title: profile ? profile.tradingName : 'Employer not found' };
}

export default async function EmployerPage({ params }: EmployerPageProps) {
  const { organizationId } = await params;
  const viewer = await getViewer();
  const profile = await getEmployerProfile(organizationId, viewer?.accessToken);
  if (!profile) notFound();

  return (
    <article className="page">
      <p>
        <Link href="/jobs">← All jobs</Link>
      </p>
      <h1>{profile.tradingName}</h1>
      <p className="card-subtitle">Verified by ClockIn staff</p>

      <dl className="facts">
        <div>
          <dt>Industry</dt>
          <dd>{profile.industry}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>{profile.city}, OH</dd>
        </div>
        {profile.website && (
          <div>
            <dt>Website</dt>
            <dd>
              {isWebAddress(profile.website) ? (
                <a href={profile.website} rel="nofollow noopener noreferrer" target="_blank">
                  {profile.website}
                </a>
              ) : (
                profile.website
              )}
            </dd>
          </div>
        )}
        {profile.verifiedSince && (
          <div>
            <dt>Verified since</dt>
            <dd>{formatDate(profile.verifiedSince)}</dd>
          </div>
        )}
      </dl>

      <h2>Open jobs</h2>
      {profile.listings.length === 0 ? (
        <p>{profile.tradingName} has no open jobs right now.</p>
      ) : (
        <div className="card-list">
          {profile.listings.map((listing) => (
            <article className="card" key={listing.id}>
              <h3 className="card-title">
                <Link href={`/jobs/${listing.id}`}>{listing.title}</Link>
              </h3>
              <dl className="facts">
                <div>
                  <dt>Pay</dt>
                  <dd>{formatPay(listing.payMinCents, listing.payMaxCents, listing.payUnit)}</dd>
                </div>
                <div>
                  <dt>Location</dt>
                  <dd>{listing.city}, OH</dd>
                </div>
                <div>
                  <dt>Posted</dt>
                  <dd>{formatDate(listing.publishedAt)}</dd>
                </div>
              </dl>
            </article>
          ))}
        </div>
      )}

      {/* Reports come from students and employers; staff act on them in their queue instead. */}
      {(viewer?.accountType === 'student' || viewer?.accountType === 'employer') && (
        <ReportButton targetType="organization" targetId={profile.id} returnTo={`/employers/${profile.id}`} />
      )}
    </article>
  );
}

/** Returns whether the text is an http or https URL, because registration takes the website as free text. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
