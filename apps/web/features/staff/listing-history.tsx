import { formatDateTime } from '../../lib/format';
import type { ListingEvent } from '../../lib/listings-api';

const ACTION_WORDS: Record<string, string> = {
  'listing.drafted': 'Saved as a draft',
  'listing.submitted': 'Submitted for review',
  'listing.edited': 'Edited',
  'listing.returned_to_review': 'Sent back to review by an edit',
  'listing.approved': 'Approved',
  'listing.rejected': 'Rejected',
  'listing.closed': 'Closed',
  'listing.filled': 'Marked filled',
  'listing.expired': 'Expired',
};

const EXPIRY_REASONS: Record<string, string> = {
  closing_date: 'its closing date passed',
  publication_limit: '60 days after it was first published',
};

function eventText(event: ListingEvent): string {
  const words = ACTION_WORDS[event.action] ?? event.action;
  const fields = event.details.fields;
  if (typeof fields === 'string' && fields) return `${words}: ${fields.split(',').join(', ')}`;
  const reason = event.details.reason;
  if (event.action === 'listing.expired' && typeof reason === 'string') {
    return `${words}: ${EXPIRY_REASONS[reason] ?? reason}`;
  }
  return words;
}

/** Names who acted without personal data, because the audit log stores pseudonymous ids only. */
function actorText(event: ListingEvent, viewerId: string): string {
  if (event.actorRole === 'system') return 'ClockIn, automatically';
  if (event.actorId === viewerId) return 'you';
  let who = event.actorRole;
  if (event.actorRole === 'staff') who = 'ClockIn staff';
  if (event.actorRole === 'employer') who = 'the employer';
  return event.actorId ? `${who} (user ${event.actorId.slice(0, 8)})` : who;
}

/** Lists a listing's audit trail, oldest first: who did what, and when. */
export function ListingHistory({ history, viewerId }: { history: readonly ListingEvent[]; viewerId: string }) {
  if (history.length === 0) return <p>No recorded steps.</p>;
  return (
    <ol className="schedule">
      {history.map((event, index) => (
        <li key={index}>
          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>: {eventText(event)}, by{' '}
          {actorText(event, viewerId)}
        </li>
      ))}
    </ol>
  );
}
