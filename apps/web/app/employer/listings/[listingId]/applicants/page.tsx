import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiError, listApplicants, type Applicant } from '../../../../../lib/api';
import { applicationStatusText, formatDate } from '../../../../../lib/format';
import { requireViewer } from '../../../../../lib/viewer';

export const metadata: Metadata = { title: 'Applicants' };

async function loadApplicants(accessToken: string, listingId: string): Promise<Applicant[]> {
  try {
    return await listApplicants(accessToken, listingId);
  } catch (error) {
    // Another organization's listing is a 404 from the API, the same as a missing one.
    if (error instanceof ApiError && error.statusCode === 404) notFound();
    throw error;
  }
}

export default async function ApplicantsPage({ params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const viewer = await requireViewer(['employer'], `/employer/listings/${listingId}/applicants`);
  const applicants = await loadApplicants(viewer.accessToken, listingId);

  return (
    <section className="page">
      <p>
        <Link href="/employer">← My listings</Link>
      </p>
      <h1>Applicants</h1>
      <p>
        To protect students, you see each applicant’s name, age band, school and message. Contact details are not shown
        here.
      </p>
      {applicants.length === 0 ? (
        <p>No one has applied yet.</p>
      ) : (
        <ul className="card-list">
          {applicants.map((applicant) => (
            <li key={applicant.applicationId} className="card">
              <h2 className="card-title">{applicant.name}</h2>
              <dl className="facts">
                <div>
                  <dt>Age</dt>
                  <dd>{applicant.ageBand}</dd>
                </div>
                <div>
                  <dt>School</dt>
                  <dd>{applicant.schoolName}</dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd>{applicationStatusText(applicant.status)}</dd>
                </div>
                <div>
                  <dt>Applied</dt>
                  <dd>{formatDate(applicant.createdAt)}</dd>
                </div>
              </dl>
              <h3 className="visually-hidden">Message from {applicant.name}</h3>
              <blockquote className="message">{applicant.message}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
