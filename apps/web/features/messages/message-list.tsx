import { formatDateTime } from '../../lib/format';
import type { Thread } from '../../lib/messages-api';
import { ReportButton } from '../reports/report-button';

/** Lists a thread's messages, oldest first. Messages from the other side carry a Report button. */
export function MessageList({ thread, viewerSide }: { thread: Thread; viewerSide: 'student' | 'employer' }) {
  if (thread.messages.length === 0) return <p>No messages yet. Say hello!</p>;
  return (
    <ol className="card-list" aria-label="Messages, oldest first">
      {thread.messages.map((message) => {
        const mine = message.sender === viewerSide;
        const author = mine ? 'You' : thread.counterpartName;
        return (
          <li key={message.id} className="card">
            <p className="card-subtitle">
              {author} · {formatDateTime(message.sentAt)}
            </p>
            <p className="message">{message.text}</p>
            {message.maskedKinds.length > 0 && (
              <p className="cell-detail">ClockIn hid contact details in this message.</p>
            )}
            {!mine && (
              <ReportButton targetType="message" targetId={message.id} returnTo={`/messages/${thread.applicationId}`} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
