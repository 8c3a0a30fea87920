import { applicationStatusText } from '../../lib/format';

/** Summarises status counts as "2 Hired, 1 Sent to the employer", most frequent first. */
export function statusSummary(statusCounts: Record<string, number>): string {
  const entries = Object.entries(statusCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return 'No applications';
  return entries.map(([status, count]) => `${count} ${applicationStatusText(status)}`).join(', ');
}
