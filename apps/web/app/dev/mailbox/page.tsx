import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listDevMailbox } from '../../../lib/api';
import { developmentPagesEnabled } from '../../../lib/dev-mode';
import { formatDateTime } from '../../../lib/format';

export const metadata: Metadata = { title: 'Development mailbox' };

/** Shows the emails the API captured instead of sending. Exists only in development mode. */
export default async function DevMailboxPage() {
  if (!developmentPagesEnabled()) notFound();

  const emails = [...(await listDevMailbox())].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));

  return (
    <section className="page">
      <h1>Development mailbox</h1>
      <p>Emails that the API would have sent, newest first. This page exists only in development mode.</p>
      {emails.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <ul className="card-list">
          {emails.map((email) => (
            <li key={email.id} className="card">
              <h2 className="card-title">{email.subject}</h2>
              <p className="card-subtitle">
                To {email.to} · {formatDateTime(email.sentAt)} · {email.category}
              </p>
              <pre className="email-text">{email.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
