import type { PersonalExport, PersonalExportStatus } from '../../lib/account-api';
import { formatDateTime } from '../../lib/format';

/**
 * A "Download my data" file as the account page shows it. Dates are formatted on the server, for
 * the first render and for each poll alike, so the browser shows exactly what the server wrote.
 */
export interface PersonalExportView {
  id: string;
  status: PersonalExportStatus;
  statusText: string;
  progress: number;
  requested: string;
  /** Same-origin link to the file; null unless the file is ready and its link has not expired. */
  downloadPath: string | null;
  /** For example "12 KB"; null until the file is ready. */
  size: string | null;
  /** When the link expires, or when it expired; null until the file is ready. */
  expiry: string | null;
  expired: boolean;
}

const STATUS_TEXT: Record<PersonalExportStatus, string> = {
  queued: 'Waiting to start',
  running: 'Being built',
  completed: 'Ready',
  failed: 'Failed. Start a new one.',
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function isExportActive(entry: { status: PersonalExportStatus }): boolean {
  return entry.status === 'queued' || entry.status === 'running';
}

export function personalExportView(entry: PersonalExport, now = Date.now()): PersonalExportView {
  const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
  const ready = entry.status === 'completed' && entry.expiresAt !== null && !expired;
  return {
    id: entry.id,
    status: entry.status,
    statusText: expired ? 'Link expired' : STATUS_TEXT[entry.status],
    progress: entry.status === 'completed' ? 100 : entry.progress,
    requested: formatDateTime(entry.createdAt),
    downloadPath: ready ? `/api/account/exports/${encodeURIComponent(entry.id)}/download` : null,
    size: entry.status === 'completed' && entry.byteSize !== null ? formatSize(entry.byteSize) : null,
    expiry: entry.expiresAt ? formatDateTime(entry.expiresAt) : null,
    expired,
  };
}
