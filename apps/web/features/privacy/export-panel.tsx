'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '../forms/fields';
import { requestPersonalExport, type ExportFormState } from './export-action';
import type { PersonalExportView } from './export-view';

const POLL_INTERVAL_MS = 2000;

function isActive(entry: PersonalExportView): boolean {
  return entry.status === 'queued' || entry.status === 'running';
}

/**
 * Renders the "Download my data" controls: a button that starts a new file, and the recent files.
 * While a file is being built, the list requests the same-origin route /api/account/exports for
 * its progress every two seconds, so the browser never has a token or calls the API.
 */
export function PersonalExportPanel({ initial }: { initial: PersonalExportView[] }) {
  const [exports, setExports] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const [state, action, pending] = useActionState(requestPersonalExport, { attempt: 0 } as ExportFormState);

  useEffect(() => {
    if (state.exports) {
      setExports(state.exports);
      setPollError(null);
    }
  }, [state]);

  const building = exports.some(isActive);
  const polling = building && pollError === null;
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/api/account/exports', { cache: 'no-store' });
        const body = (await response.json()) as { exports?: PersonalExportView[]; error?: string };
        if (response.ok && body.exports) {
          setExports(body.exports);
        } else if (response.status === 401 || response.status === 403) {
          setPollError(body.error ?? 'Sign in again to see your downloads.');
        }
        // Other failures are usually brief, so the next poll tries again.
      } catch {
        // The network dropped for a moment; the next poll tries again.
      }
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [polling]);

  return (
    <>
      <form action={action} className="form" aria-label="Prepare my data file">
        {/* The "being built" message goes once the file is ready; errors stay until the next try. */}
        {(state.outcome === 'error' || building) && <FormMessage outcome={state.outcome} message={state.message} />}
        <button type="submit" className="button button-secondary" disabled={pending || building}>
          {pending ? 'Starting…' : 'Prepare my data file'}
        </button>
      </form>
      {pollError && <p className="notice notice-error">{pollError}</p>}
      <div aria-live="polite">
        {exports.length > 0 && (
          <table className="table">
            <caption className="table-caption">Your recent data files</caption>
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">Status</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.requested}</th>
                  <td>
                    {entry.statusText}
                    {isActive(entry) && (
                      <>
                        <progress
                          max={100}
                          value={entry.status === 'queued' ? undefined : entry.progress}
                          aria-label={`Progress of your data file requested ${entry.requested}`}
                        />
                        <span className="cell-detail">
                          {entry.status === 'queued' ? 'Queued' : `${entry.progress}%`}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <DownloadCell entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

function DownloadCell({ entry }: { entry: PersonalExportView }) {
  if (entry.downloadPath) {
    return (
      <>
        <a href={entry.downloadPath} download>
          Download JSON file{entry.size ? ` (${entry.size})` : ''}
          <span className="visually-hidden"> requested {entry.requested}</span>
        </a>
        <span className="cell-detail">The link works until {entry.expiry}.</span>
      </>
    );
  }
  if (entry.expired) return <>The link expired {entry.expiry}. Start a new file.</>;
  if (entry.status === 'failed') return <>No file</>;
  return <>Not ready yet</>;
}
