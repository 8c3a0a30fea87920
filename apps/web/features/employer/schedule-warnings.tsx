'use client';

import { useEffect, useState } from 'react';
import type { Shift } from '../../lib/api';
import type { BandSummary, MinimumAge, ScheduleCheck } from '../../lib/labor-api';
import { AGE_BANDS, bandLabel, bandVerdictText, workableAgesText } from '../labor/labor-text';

const CHECK_DELAY_MS = 400;

interface ScheduleWarningsProps {
  /** Null while a shift row is incomplete or invalid. */
  schedule: Shift[] | null;
  duties: readonly string[];
  minimumAge: MinimumAge;
}

type CheckResult = { key: string; check: ScheduleCheck } | { key: string; failure: string };

function employerVerdictText(band: BandSummary | undefined, shiftCount: number, minimumAge: number): string {
  if (!band) return 'Not checked';
  if (band.excludedByEmployer) return `Left out by your minimum age of ${minimumAge}`;
  return bandVerdictText(band, shiftCount, minimumAge);
}

/**
 * Renders the editor's live labor-law check. While the employer edits shifts, duties or the
 * minimum age, it posts them (debounced) to the same-origin route /api/labor/schedule-check,
 * announces the warnings politely to screen readers and shows a table of the allowed ages.
 */
export function ScheduleWarnings({ schedule, duties, minimumAge }: ScheduleWarningsProps) {
  const requestKey = schedule ? JSON.stringify({ schedule, duties, minimumAge }) : null;
  const [result, setResult] = useState<CheckResult | null>(null);

  useEffect(() => {
    if (!requestKey) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/labor/schedule-check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: requestKey,
          signal: controller.signal,
        });
        const body = (await response.json()) as ScheduleCheck | { error: string };
        if ('error' in body) setResult({ key: requestKey, failure: body.error });
        else setResult({ key: requestKey, check: body });
      } catch {
        if (controller.signal.aborted) return;
        setResult({
          key: requestKey,
          failure: 'The labor-law check is not available right now. Staff still review the listing.',
        });
      }
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [requestKey]);

  const current = result && result.key === requestKey ? result : null;
  const check = current && 'check' in current ? current.check : null;
  let status: string;
  if (!requestKey) status = 'Complete every shift to see which ages Ohio law allows.';
  else if (!current) status = 'Checking the schedule against Ohio’s labor law…';
  else if (!check) status = 'failure' in current ? current.failure : '';
  else {
    status =
      `During the school year, ${workableAgesText(check.summary.schoolYear)} may work at least one shift. ` +
      `In summer, ${workableAgesText(check.summary.summer)} may.`;
  }

  return (
    <section aria-labelledby="schedule-check-heading" className="panel">
      <h2 id="schedule-check-heading">What Ohio law allows on this schedule</h2>
      <div aria-live="polite">
        <p>{status}</p>
        {check && check.warnings.length > 0 && (
          <ul className="schedule" aria-label="Labor-law warnings">
            {check.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
        {check && check.warnings.length === 0 && <p>Ohio law allows every shift for every age you hire.</p>}
      </div>
      {check && schedule && (
        <table className="table">
          <caption>Ages this schedule allows</caption>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col">During the school year</th>
              <th scope="col">In summer</th>
            </tr>
          </thead>
          <tbody>
            {AGE_BANDS.map((band) => (
              <tr key={band}>
                <th scope="row">{bandLabel(band)}</th>
                <td>
                  {employerVerdictText(
                    check.summary.schoolYear.bands.find((candidate) => candidate.band === band),
                    schedule.length,
                    minimumAge,
                  )}
                </td>
                <td>
                  {employerVerdictText(
                    check.summary.summer.bands.find((candidate) => candidate.band === band),
                    schedule.length,
                    minimumAge,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field-hint">Your minimum age can leave out more ages, but never adds an age the law rules out.</p>
    </section>
  );
}
