import type { Metadata } from 'next';
import Link from 'next/link';
import { listDistrictExports, type DistrictExport } from '../../../features/district/district-api';
import { districtErrorMessage } from '../../../features/district/district-page-guard';
import { ExportForm } from '../../../features/district/export-form';
import { ExportRefresher } from '../../../features/district/export-refresher';
import { formatDateTime } from '../../../lib/format';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'District exports' };

const STATUS_WORDS: Record<DistrictExport['status'], string> = {
  queued: 'Waiting to start',
  running: 'Running',
  completed: 'Ready',
  failed: 'Failed',
};

function ExportProgress({ item }: { item: DistrictExport }) {
  if (item.status !== 'running' && item.status !== 'queued') return null;
  const total = item.totalStudents ?? 0;
  return (
    <>
      <progress
        max={Math.max(total, 1)}
        value={item.status === 'queued' ? undefined : item.studentsWritten}
        aria-label={`Progress of the ${item.format.toUpperCase()} export`}
      />
      <span className="cell-detail">
        {item.status === 'queued' ? 'Queued' : `${item.studentsWritten} of ${total} students`}
      </span>
    </>
  );
}

function DownloadCell({ item }: { item: DistrictExport }) {
  if (item.status === 'failed') return <>{item.failureReason ?? 'The export failed. Start a new one.'}</>;
  if (item.status !== 'completed' || !item.expiresAt) return <>Not ready yet</>;
  if (new Date(item.expiresAt).getTime() <= Date.now()) return <>Link expired</>;
  return (
    <>
      <a href={`/district/exports/${item.id}/download`} download>
        Download {item.format.toUpperCase()}
        <span className="visually-hidden"> export from {formatDateTime(item.createdAt)}</span>
      </a>
      <span className="cell-detail">Link expires {formatDateTime(item.expiresAt)}</span>
    </>
  );
}

export default async function DistrictExportsPage() {
  const viewer = await requireViewer(['district_admin'], '/district/exports');
  let exports: DistrictExport[];
  try {
    exports = await listDistrictExports(viewer.accessToken);
  } catch (error) {
    const message = districtErrorMessage(error);
    if (!message) throw error;
    return (
      <section className="page">
        <h1>Exports</h1>
        <p className="notice notice-info">{message}</p>
      </section>
    );
  }
  const active = exports.some((item) => item.status === 'queued' || item.status === 'running');

  return (
    <section className="page">
      <p>
        <Link href="/district">← District dashboard</Link>
      </p>
      <h1>Exports</h1>
      <p>
        An export holds every student of your district on ClockIn with their school, grade level, age range and
        applications, the same fields as the student list. Message text is never included. Each download link works for
        24 hours.
      </p>
      <ExportForm />
      <ExportRefresher active={active} />
      <h2>Recent exports</h2>
      <div aria-live="polite">
        {exports.length === 0 ? (
          <p>No exports yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Your district&apos;s 20 newest exports</caption>
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">Format</th>
                <th scope="col">Status</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{formatDateTime(item.createdAt)}</th>
                  <td>{item.format.toUpperCase()}</td>
                  <td>
                    {STATUS_WORDS[item.status]}
                    <ExportProgress item={item} />
                  </td>
                  <td>
                    <DownloadCell item={item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
