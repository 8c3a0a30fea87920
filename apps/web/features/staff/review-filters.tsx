import { SelectField } from '../forms/fields';

export interface ReviewFilterValues {
  status: string;
  organizationId: string;
  minimumAge: string;
  minWaitingHours: string;
}

export const REVIEW_STATUSES = [
  { value: 'submitted', label: 'Waiting for review' },
  { value: 'published', label: 'Published' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'closed', label: 'Closed' },
  { value: 'filled', label: 'Filled' },
  { value: 'expired', label: 'Expired' },
] as const;

const MINIMUM_AGES = [
  { value: '', label: 'Any' },
  { value: '15', label: '15' },
  { value: '16', label: '16' },
  { value: '18', label: '18' },
];

const WAITING = [
  { value: '', label: 'Any time' },
  { value: '24', label: 'At least 24 hours' },
  { value: '48', label: 'At least 2 days' },
  { value: '72', label: 'At least 3 days' },
];

/** Renders the review queue's filters as a plain GET form, so they work without JavaScript. */
export function ReviewFilters({
  values,
  organizations,
}: {
  values: ReviewFilterValues;
  organizations: readonly { id: string; name: string; listings: number }[];
}) {
  const organizationOptions = [
    { value: '', label: 'All organizations' },
    ...organizations.map((organization) => ({
      value: organization.id,
      label: `${organization.name} (${organization.listings})`,
    })),
  ];
  return (
    <form method="get" action="/staff/reviews" className="form" aria-label="Filter listings">
      <div className="field-grid">
        <SelectField
          id="reviews-status"
          name="status"
          label="Status"
          options={REVIEW_STATUSES}
          defaultValue={values.status || 'submitted'}
        />
        <SelectField
          id="reviews-organization"
          name="organizationId"
          label="Organization"
          options={organizationOptions}
          defaultValue={values.organizationId}
        />
        <SelectField
          id="reviews-minimum-age"
          name="minimumAge"
          label="Youngest age hired"
          options={MINIMUM_AGES}
          defaultValue={values.minimumAge}
        />
        <SelectField
          id="reviews-waiting"
          name="minWaitingHours"
          label="Submitted"
          options={WAITING}
          defaultValue={values.minWaitingHours}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </div>
    </form>
  );
}
