/** Query parameters that the listing form and the listing actions redirect to My listings with. */
export interface ListingOutcome {
  created?: string;
  saved?: string;
  updated?: string;
  changed?: string;
  failed?: string;
}

const SUCCESS: Record<string, string> = {
  created: 'Your listing was submitted. ClockIn staff review every listing before students can see it.',
  draft: 'Your draft was saved. Submit it for review when it is ready.',
  updated: 'Your changes were saved.',
  review:
    'Your changes were saved. Because they changed the shifts, tasks, pay or description, the listing is back with ClockIn staff and students cannot find it until staff approve it again.',
  submit: 'The listing was submitted. ClockIn staff review every listing before students can see it.',
  close: 'The listing was closed. Students can no longer find it or apply.',
  filled: 'The listing was marked filled. Students can no longer find it or apply.',
};

const FAILURE: Record<string, string> = {
  conflict: 'That change does not fit the listing’s status any more. The table below shows its current status.',
  unverified:
    'Only verified organizations can submit listings. You can keep saving drafts until ClockIn verifies yours.',
  dates: 'The listing’s first day of work or closing date has passed. Edit the listing, then submit it.',
  other: 'We could not change the listing. Try again in a few minutes.',
};

function successText(outcome: ListingOutcome): string | undefined {
  if (outcome.created) return SUCCESS.created;
  if (outcome.saved === 'draft') return SUCCESS.draft;
  if (outcome.updated) return outcome.updated === 'review' ? SUCCESS.review : SUCCESS.updated;
  if (outcome.changed) return SUCCESS[outcome.changed];
  return undefined;
}

/** Shows what the last listing form or action did, from the query string of My listings. */
export function ListingOutcomeNotice({ outcome }: { outcome: ListingOutcome }) {
  if (outcome.failed) {
    return (
      <p role="alert" className="notice notice-error">
        {FAILURE[outcome.failed] ?? FAILURE.other}
      </p>
    );
  }
  const text = successText(outcome);
  if (!text) return null;
  return (
    <p role="status" className="notice notice-success">
      {text}
    </p>
  );
}
