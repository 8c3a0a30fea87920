import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicantControls, SharedContact } from '../../../../../features/applications/employer-application';
import { WaitingSummaryNotice } from '../../../../../features/applications/waiting-summary';
import { ApiError } from '../../../../../lib/api';
import { applicationStatusText, formatDate, formatShift, sortShifts } from '../../../../../lib/format';
import { listApplicantsWithShifts, type ApplicantWithShifts } from '../../../../../lib/labor-api';
import { getWaitingApplications, listEmployerApplications } from '../../../../../lib/messages-api';
import { requireViewer } from '../../../../../lib/viewer';

export const metadata: Metadata = { title: 'Applicants' };

async function loadApplicants(accessToken: string, listingId: string): Promise<ApplicantWithShifts[]> {
  try {
    return await listApplicantsWithShifts(accessToken, listingId);
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
  // The same applications with their current status and, while shared, the contact details.
  const [listed, waiting] = await Promise.all([
    listEmployerApplications(viewer.accessToken, { listingId }),
    getWaitingApplications(viewer.accessToken),
  ]);
  const applications = new Map(listed.map((application) => [application.applicationId, application]));

  return (
    <section className="page">
      <p>
        <Link href="/employer">← My listings</Link>
      </p>
      <h1>Applicants</h1>
      <WaitingSummaryNotice summary={waiting} listingId={listingId} />
      <p>
        To protect students, you see each applicant’s name, age band, school and message. Contact details appear only
        after you ask for them and the student accepts, and they disappear if the student stops sharing.
      </p>
      <p>
        For each applicant you also see the shifts of this listing that Ohio law lets them work, checked for their age
        when they applied. Schedule them only for those shifts.
      </p>
      {applicants.length === 0 ? (
        <p>No one has applied yet.</p>
      ) : (
        <ul className="card-list">
          {applicants.map((applicant) => {
            const application = applications.get(applicant.applicationId);
            return (
              <li key={applicant.applicationId} className="card">
                <h2 className="card-title">
                  <Link href={`/applications/${applicant.applicationId}`}>{applicant.name}</Link>
                </h2>
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
                <LegalShifts applicant={applicant} />
                <h3 className="visually-hidden">Message from {applicant.name}</h3>
                <blockquote className="message">{applicant.message}</blockquote>
                {application && (
                  <>
                    <h3>Contact details</h3>
                    <SharedContact application={application} />
                    <ApplicantControls application={application} />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function LegalShifts({ applicant }: { applicant: ApplicantWithShifts }) {
  return (
    <>
      <h3>Shifts {applicant.name} may legally work</h3>
      {applicant.legalShifts.length === 0 ? (
        <p>No shift check is on file for this application, because it was sent before ClockIn checked shifts.</p>
      ) : (
        <ul className="schedule">
          {sortShifts(applicant.legalShifts).map((shift) => (
            <li key={`${shift.day}-${shift.start}-${shift.end}`}>{formatShift(shift)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
