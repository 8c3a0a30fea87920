import { formatShift } from '../../lib/format';
import type { LaborListingDetail, PersonalVerdict } from '../../lib/labor-api';
import { formatCalendarDate, formatWeekdayDate, summerPermitNote } from './labor-text';
import { Citation, ReasonList } from './reasons';

function VerdictNotice({ verdict }: { verdict: PersonalVerdict }) {
  const allowedCount = verdict.shifts.filter((shift) => shift.allowed).length;
  if (!verdict.canApply) {
    return (
      <div className="notice notice-error">
        <p>You cannot work this job at your age, so you cannot apply:</p>
        <ul className="schedule">
          {verdict.blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (allowedCount === verdict.shifts.length) {
    return (
      <p className="notice notice-success">
        {verdict.shifts.length === 1 ? 'You may work this job’s shift.' : 'You may work every shift of this job.'}
      </p>
    );
  }
  return (
    <p className="notice notice-info">
      You may work {allowedCount} of {verdict.shifts.length} shifts. If you apply, the employer sees which shifts you
      may legally work, but not your age.
    </p>
  );
}

function ShiftTable({ verdict }: { verdict: PersonalVerdict }) {
  return (
    <table className="table">
      <caption>Your shifts in the week of {formatCalendarDate(verdict.weekStart)}</caption>
      <thead>
        <tr>
          <th scope="col">Shift</th>
          <th scope="col">Date</th>
          <th scope="col">Allowed for you</th>
          <th scope="col">Why not</th>
        </tr>
      </thead>
      <tbody>
        {verdict.shifts.map((shift, index) => (
          <tr key={`${shift.date}-${shift.start}-${index}`}>
            <th scope="row">{formatShift(shift)}</th>
            <td>{formatWeekdayDate(shift.date)}</td>
            <td>{shift.allowed ? 'Yes' : 'No'}</td>
            <td>{shift.allowed ? '—' : <ReasonList reasons={shift.violations} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WorkPermitDetails({ listing, verdict }: { listing: LaborListingDetail; verdict: PersonalVerdict }) {
  const permit = verdict.workPermit;
  const note = summerPermitNote(verdict.band, permit, listing.duties);
  return (
    <>
      <h3>Work permit</h3>
      <p>
        {permit.message} <Citation citation={permit.citation} />
      </p>
      {permit.steps.length > 0 && (
        <>
          <h4>How to get it</h4>
          <ol className="steps">
            {permit.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {note && <p>{note}</p>}
    </>
  );
}

/** Renders the signed-in student's part of the labor-law box: their shifts, limits and work permit. */
export function StudentLabor({ listing, verdict }: { listing: LaborListingDetail; verdict: PersonalVerdict }) {
  return (
    <>
      <p>
        Checked for you at age {verdict.age}, in the first full week you could work this job: the week of{' '}
        {formatCalendarDate(verdict.weekStart)}.
      </p>
      <VerdictNotice verdict={verdict} />
      <ShiftTable verdict={verdict} />

      <h3>Your limits at {verdict.age}</h3>
      {verdict.limits.length === 0 ? (
        <p>Ohio’s limits on working hours for minors do not apply to you.</p>
      ) : (
        <ul className="schedule">
          {verdict.limits.map((limit) => (
            <li key={limit.rule}>
              {limit.text} <Citation citation={limit.citation} />
            </li>
          ))}
        </ul>
      )}

      <WorkPermitDetails listing={listing} verdict={verdict} />

      {verdict.assumedSchoolCalendar && (
        <p className="cell-detail">
          ClockIn does not know your school’s calendar, so these checks assume a typical Ohio school year: school on
          weekdays from late August through May, except federal holidays. If your school’s days differ, so may your
          limits.
        </p>
      )}
    </>
  );
}
