import type { Shift } from '../../lib/api';
import { formatShift } from '../../lib/format';
import type { BandSummary, LaborSummary } from '../../lib/labor-api';
import { AGE_BANDS, bandLabel, bandVerdictText } from './labor-text';
import { PERMITS_BY_BAND } from './permits';
import { Citation, ReasonList } from './reasons';

function SeasonCell({
  band,
  schedule,
  minimumAge,
}: {
  band: BandSummary | undefined;
  schedule: readonly Shift[];
  minimumAge: number;
}) {
  if (!band) return <td>Not checked</td>;
  const allowed = band.allowedShifts.flatMap((index) => (schedule[index] ? [schedule[index]] : []));
  return (
    <td>
      <strong>{bandVerdictText(band, schedule.length, minimumAge)}</strong>
      {band.verdict === 'some' && (
        <>
          <span className="cell-detail">Allowed shifts:</span>
          <ul className="schedule">
            {allowed.map((shift, index) => (
              <li key={index}>{formatShift(shift)}</li>
            ))}
          </ul>
        </>
      )}
      {band.verdict !== 'all' && !band.excludedByEmployer && <ReasonList reasons={band.reasons} />}
    </td>
  );
}

/** Renders the table of which shifts of a listing each age band may work, in the school year and in summer. */
export function BandTable({
  summary,
  schedule,
  minimumAge,
}: {
  summary: LaborSummary;
  schedule: readonly Shift[];
  minimumAge: number;
}) {
  return (
    <table className="table">
      <caption>Who may work this job’s weekly shifts under Ohio and federal law</caption>
      <thead>
        <tr>
          <th scope="col">Age</th>
          <th scope="col">During the school year</th>
          <th scope="col">In summer</th>
          <th scope="col">Paperwork before the first day</th>
        </tr>
      </thead>
      <tbody>
        {AGE_BANDS.map((band) => (
          <tr key={band}>
            <th scope="row">{bandLabel(band)}</th>
            <SeasonCell
              band={summary.schoolYear.bands.find((candidate) => candidate.band === band)}
              schedule={schedule}
              minimumAge={minimumAge}
            />
            <SeasonCell
              band={summary.summer.bands.find((candidate) => candidate.band === band)}
              schedule={schedule}
              minimumAge={minimumAge}
            />
            <td>
              {PERMITS_BY_BAND[band].map((permit) => (
                <p key={permit.text}>
                  {permit.text} <Citation citation={permit.citation} />
                </p>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
