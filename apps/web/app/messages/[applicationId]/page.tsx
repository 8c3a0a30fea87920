import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MessageForm } from '../../../features/messages/message-form';
import { MessageList } from '../../../features/messages/message-list';
import { applicationStatusText } from '../../../lib/format';
import { getThread, type Thread } from '../../../lib/messages-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Conversation' };

/** Returns why the viewer cannot write, or null when they can. */
function closedReason(thread: Thread, side: 'student' | 'employer'): string | null {
  if (thread.canSend) return null;
  if (side === 'employer' && thread.blocked) return 'This student has blocked your organization, so you cannot write.';
  return 'This application has ended, so the conversation is closed.';
}

export default async function ThreadPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const viewer = await requireViewer(['student', 'employer'], `/messages/${applicationId}`);
  const thread = await getThread(viewer.accessToken, applicationId);
  if (!thread) notFound();
  const side = viewer.accountType === 'employer' ? 'employer' : 'student';
  const closed = closedReason(thread, side);

  return (
    <section className="page">
      <p>
        <Link href="/messages">← All messages</Link> ·{' '}
        <Link href={`/applications/${applicationId}`}>
          {side === 'student' ? 'Your application' : 'The application'}
        </Link>
      </p>
      <h1>
        {thread.listingTitle}: {thread.counterpartName}
      </h1>
      <p className="card-subtitle">Application status: {applicationStatusText(thread.status)}</p>
      {side === 'student' && (
        <p className="notice notice-info">
          Keep the conversation on ClockIn. If anyone asks you to meet alone, pay a fee or move to another app, report
          the message. You can also block the employer on{' '}
          <Link href={`/applications/${applicationId}`}>your application</Link>.
        </p>
      )}
      <MessageList thread={thread} viewerSide={side} />
      {closed ? (
        <p className="notice notice-info">{closed}</p>
      ) : (
        <MessageForm applicationId={applicationId} contactShared={thread.contactShared} viewerSide={side} />
      )}
    </section>
  );
}
