import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionForm } from '../../../../features/reports/decision-form';
import {
  formatTimeLeft,
  reportCategoryLabel,
  reportOutcomeLabel,
  reportTargetName,
} from '../../../../features/reports/report-options';
import { formatDateTime } from '../../../../lib/format';
import { getReportCase } from '../../../../lib/messages-api';
import { requireViewer } from '../../../../lib/viewer';

export const metadata: Metadata = { title: 'Report' };

const ACTION_WORDS: Record<string, string> = {
  'report.created': 'Report made',
  'unsafe.report.read': 'Opened by staff',
  'report.decided': 'Decided',
};

export default async function StaffReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const viewer = await requireViewer(['staff'], `/staff/reports/${reportId}`);
  const reportCase = await getReportCase(viewer.accessToken, reportId);
  if (!reportCase) notFound();
  const { report, auditTrail } = reportCase;

  return (
    <section className="page">
      <p>
        <Link href="/staff/reports">← Report queue</Link>
      </p>
      <h1>
        Reported {reportTargetName(report.targetType)}: {report.listingTitle ?? report.organizationName}
      </h1>
      <dl className="facts">
        <div>
          <dt>Reason</dt>
          <dd>{reportCategoryLabel(report.category)}</dd>
        </div>
        <div>
          <dt>Employer</dt>
          <dd>{report.organizationName}</dd>
        </div>
        <div>
          <dt>Reported by</dt>
          <dd>A {report.reporterRole}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatDateTime(report.createdAt)}</dd>
        </div>
        <div>
          <dt>24-hour target</dt>
          <dd>{report.status === 'open' ? formatTimeLeft(report.secondsLeft) : formatDateTime(report.dueAt)}</dd>
        </div>
      </dl>
      {report.details && (
        <>
          <h2>What the reporter wrote</h2>
          <blockquote className="message">{report.details}</blockquote>
        </>
      )}
      {report.targetType === 'message' && (
        <>
          <h2>Reported message</h2>
          {report.messageBody ? (
            <>
              <p className="card-subtitle">
                Sent by the {report.messageSenderRole}{' '}
                {report.messageSentAt ? `on ${formatDateTime(report.messageSentAt)}` : ''}
              </p>
              <blockquote className="message">{report.messageBody}</blockquote>
            </>
          ) : (
            <p>The message was deleted with its application.</p>
          )}
        </>
      )}
      {report.listingId && (
        <p>
          <Link href={`/jobs/${report.listingId}`}>Open the reported listing</Link>
        </p>
      )}

      <h2>Decision</h2>
      {report.status === 'open' ? (
        <DecisionForm reportId={report.id} />
      ) : (
        <dl className="facts">
          <div>
            <dt>Outcome</dt>
            <dd>{report.outcome ? reportOutcomeLabel(report.outcome) : ''}</dd>
          </div>
          <div>
            <dt>Decided</dt>
            <dd>{report.decidedAt ? formatDateTime(report.decidedAt) : ''}</dd>
          </div>
          {report.decisionNote && (
            <div>
              <dt>Note</dt>
              <dd>{report.decisionNote}</dd>
            </div>
          )}
        </dl>
      )}

      <h2>Audit trail</h2>
      <table className="table">
        <caption className="visually-hidden">Who did what with this report, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {auditTrail.map((event, index) => (
            <tr key={`${event.occurredAt}-${index}`}>
              <td>{formatDateTime(event.occurredAt)}</td>
              <td>{ACTION_WORDS[event.action] ?? event.action}</td>
              <td>
                {event.actorRole} {event.actorId ? <span className="cell-detail">{event.actorId}</span> : null}
              </td>
              <td>
                {Object.entries(event.details)
                  .map(([key, value]) => `${key}: ${String(value)}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
