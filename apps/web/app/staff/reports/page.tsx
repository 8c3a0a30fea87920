import type { Metadata } from 'next';
import Link from 'next/link';
import {
  REPORT_CATEGORIES,
  formatTimeLeft,
  reportCategoryLabel,
  reportOutcomeLabel,
  reportTargetName,
} from '../../../features/reports/report-options';
import { formatDateTime } from '../../../lib/format';
import { listReportQueue, type ReportQueueFilter } from '../../../lib/messages-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Reports' };

interface QueueSearch {
  status?: string;
  category?: string;
  targetType?: string;
  overdue?: string;
}

/** Reads the queue's filters from the query string, ignoring values the API would reject. */
function filterFrom(search: QueueSearch): ReportQueueFilter {
  const filter: ReportQueueFilter = {};
  if (search.status === 'open' || search.status === 'resolved') filter.status = search.status;
  const category = REPORT_CATEGORIES.find((option) => option.value === search.category);
  if (category) filter.category = category.value;
  if (search.targetType === 'listing' || search.targetType === 'organization' || search.targetType === 'message') {
    filter.targetType = search.targetType;
  }
  if (search.overdue === 'true') filter.overdue = true;
  return filter;
}

export default async function StaffReportsPage({ searchParams }: { searchParams: Promise<QueueSearch> }) {
  const viewer = await requireViewer(['staff'], '/staff/reports');
  const search = await searchParams;
  const filter = filterFrom({ status: 'open', ...search });
  const reports = await listReportQueue(viewer.accessToken, filter);

  return (
    <section className="page">
      <h1>Reports</h1>
      <p>
        Decide every report within 24 hours of its arrival. Open reports come first, the nearest deadline at the top.
      </p>
      <form method="get" className="inline-form" aria-label="Filter reports">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="resolved">Decided</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Reason</label>
          <select id="filter-category" name="category" defaultValue={filter.category ?? ''}>
            <option value="">All reasons</option>
            {REPORT_CATEGORIES.map((category) => (
              <option key={category.value} value={category.value}>
                {category.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-target">Reported</label>
          <select id="filter-target" name="targetType" defaultValue={filter.targetType ?? ''}>
            <option value="">Anything</option>
            <option value="listing">Listings</option>
            <option value="organization">Employers</option>
            <option value="message">Messages</option>
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" value="true" defaultChecked={filter.overdue} /> Only overdue
          </label>
        </div>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </form>

      {reports.length === 0 ? (
        <p>No reports match these filters.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Reports matching the filters</caption>
          <thead>
            <tr>
              <th scope="col">Reported</th>
              <th scope="col">Reason</th>
              <th scope="col">Received</th>
              <th scope="col">Time against 24 hours</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <th scope="row">
                  <Link href={`/staff/reports/${report.id}`}>
                    {reportTargetName(report.targetType)}: {report.listingTitle ?? report.organizationName}
                  </Link>
                  <span className="cell-detail">
                    {report.organizationName} · reported by a {report.reporterRole}
                  </span>
                </th>
                <td>{reportCategoryLabel(report.category)}</td>
                <td>{formatDateTime(report.createdAt)}</td>
                <td className={report.overdue ? 'field-error' : undefined}>
                  {report.status === 'open'
                    ? formatTimeLeft(report.secondsLeft)
                    : report.overdue
                      ? 'Decided late'
                      : 'Decided in time'}
                </td>
                <td>{report.outcome ? reportOutcomeLabel(report.outcome) : 'Open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
