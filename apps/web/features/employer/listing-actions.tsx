import type { ListingStatus } from '../../lib/listing-options';
import { changeStatus } from './listing-status-action';

const EDITABLE: readonly string[] = ['draft', 'submitted', 'rejected', 'published'];

const STATUS_ACTIONS = [
  { action: 'submit', label: 'Submit for review', from: ['draft', 'rejected'], style: 'button-primary' },
  { action: 'close', label: 'Close', from: ['submitted', 'published'], style: 'button-secondary' },
  { action: 'filled', label: 'Mark filled', from: ['published', 'closed', 'expired'], style: 'button-secondary' },
] as const;

/**
 * Renders the buttons for what the employer may do next with one listing. Each is a form of its
 * own, so every action works without JavaScript. Edit is a GET form, which keeps the table row's
 * only link the one to its applicants.
 */
export function ListingActions({ id, title, status }: { id: string; title: string; status: ListingStatus }) {
  const actions = STATUS_ACTIONS.filter((entry) => (entry.from as readonly string[]).includes(status));
  return (
    <div className="button-row">
      {EDITABLE.includes(status) && (
        <form method="get" action={`/employer/listings/${encodeURIComponent(id)}/edit`}>
          <button type="submit" className="button button-secondary">
            Edit<span className="visually-hidden"> {title}</span>
          </button>
        </form>
      )}
      {actions.map((entry) => (
        <form key={entry.action} action={changeStatus}>
          <input type="hidden" name="listingId" value={id} />
          <input type="hidden" name="action" value={entry.action} />
          <button type="submit" className={`button ${entry.style}`}>
            {entry.label}
            <span className="visually-hidden"> {title}</span>
          </button>
        </form>
      ))}
    </div>
  );
}
