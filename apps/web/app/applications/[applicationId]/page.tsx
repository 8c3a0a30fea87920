import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EmployerApplicationView } from '../../../features/applications/employer-application';
import { StudentApplication } from '../../../features/applications/student-application';
import { getMyApplication, getMyPhone, openEmployerApplication } from '../../../lib/messages-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Application' };

/** Shows one application: the student's own, or an applicant for an employer (opening it marks it viewed). */
export default async function ApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const viewer = await requireViewer(['student', 'employer'], `/applications/${applicationId}`);

  if (viewer.accountType === 'employer') {
    const application = await openEmployerApplication(viewer.accessToken, applicationId);
    if (!application) notFound();
    return (
      <section className="page">
        <p>
          <Link href="/employer">← My listings</Link>
        </p>
        <h1>{application.name}</h1>
        <EmployerApplicationView application={application} />
      </section>
    );
  }

  const [application, phone] = await Promise.all([
    getMyApplication(viewer.accessToken, applicationId),
    getMyPhone(viewer.accessToken),
  ]);
  if (!application) notFound();
  return (
    <section className="page">
      <p>
        <Link href="/applications">← My applications</Link>
      </p>
      <h1>{application.listingTitle}</h1>
      <StudentApplication application={application} phone={phone} />
    </section>
  );
}
