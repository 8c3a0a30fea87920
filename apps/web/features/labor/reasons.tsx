import type { Violation } from '../../lib/labor-api';

/** Shows the laws behind a rule after its message. */
export function Citation({ citation }: { citation: string }) {
  if (!citation) return null;
  return (
    <span className="cell-detail">
      Law: <cite>{citation}</cite>
    </span>
  );
}

/** Broken rules as a list, each message with its citation. */
export function ReasonList({ reasons }: { reasons: readonly Violation[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="schedule">
      {reasons.map((reason, index) => (
        <li key={`${reason.rule}-${index}`}>
          {reason.message} <Citation citation={reason.citation} />
        </li>
      ))}
    </ul>
  );
}
