import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyApplications } from '../../lib/api';
import { applicationStatusText, formatDate } from '../../lib/format';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'My applications' };

export default async function ApplicationsPage() {
  const viewer = await requireViewer(['student'], '/applications');
  const applications = await listMyApplications(viewer.accessToken);

  return (
    <section className="page">
      <h1>My applications</h1>
      <p>
        Open an application to answer the employer, share or stop sharing your contact details, or read your{' '}
        <Link href="/messages">messages</Link>.
      </p>
      {applications.length === 0 ? (
        <p>
          You have not applied for any jobs yet. <Link href="/jobs">Browse jobs</Link>.
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Jobs you applied for, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Employer</th>
              <th scope="col">Applied</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <th scope="row">
                  <Link href={`/applications/${application.id}`}>{application.listingTitle}</Link>
                </th>
                <td>{application.employerName}</td>
                <td>{formatDate(application.createdAt)}</td>
                <td>{applicationStatusText(application.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
