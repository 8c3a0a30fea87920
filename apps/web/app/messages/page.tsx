import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '../../lib/format';
import { WaitingSummaryNotice } from '../../features/applications/waiting-summary';
import { getWaitingApplications, listThreads } from '../../lib/messages-api';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage() {
  const viewer = await requireViewer(['student', 'employer'], '/messages');
  const [threads, waiting] = await Promise.all([
    listThreads(viewer.accessToken),
    viewer.accountType === 'employer' ? getWaitingApplications(viewer.accessToken) : null,
  ]);

  return (
    <section className="page">
      <h1>Messages</h1>
      <p>
        Every conversation belongs to one application and stays on ClockIn. Until a student shares contact details,
        email addresses, phone numbers, social handles and links are hidden.
      </p>
      {waiting && <WaitingSummaryNotice summary={waiting} />}
      {threads.length === 0 ? (
        <p>
          No messages yet. Start a conversation from{' '}
          {viewer.accountType === 'student' ? (
            <Link href="/applications">My applications</Link>
          ) : (
            <Link href="/employer">an applicant</Link>
          )}
          .
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Conversations, the most recent first</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">{viewer.accountType === 'student' ? 'Employer' : 'Applicant'}</th>
              <th scope="col">Last message</th>
              <th scope="col">Unread</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((thread) => (
              <tr key={thread.applicationId}>
                <th scope="row">
                  <Link href={`/messages/${thread.applicationId}`}>{thread.listingTitle}</Link>
                </th>
                <td>{thread.counterpartName}</td>
                <td>{formatDateTime(thread.lastMessageAt)}</td>
                <td>{thread.unread > 0 ? `${thread.unread} new` : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
