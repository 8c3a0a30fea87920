/**
 * Renders the apply section for a student whom the law rules out of every shift, or whom the
 * employer's minimum age excludes: the reasons, then the Apply button, visible but disabled.
 */
export function BlockedApply({ reasons }: { reasons: readonly string[] }) {
  return (
    <div className="form">
      <div id="apply-blocked-reasons" className="notice notice-error">
        <p>You cannot apply for this job:</p>
        <ul className="schedule">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button-primary" disabled aria-describedby="apply-blocked-reasons">
        Apply
      </button>
    </div>
  );
}
