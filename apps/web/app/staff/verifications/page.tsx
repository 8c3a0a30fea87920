import type { Metadata } from 'next';
import { OrganizationDecisionForm } from '../../../features/organizations/verification-forms';
import { formatDateTime } from '../../../lib/format';
import {
  listOrganizationsForVerification,
  type OrganizationDecisionRecord,
  type OrganizationStatus,
} from '../../../lib/organizations-api';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Organization verification' };

const STATUSES: readonly { value: OrganizationStatus; label: string }[] = [
  { value: 'pending', label: 'Waiting for verification' },
  { value: 'verified', label: 'Verified' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'suspended', label: 'Suspended' },
];

const AGES = [
  { value: '', label: 'Any age' },
  { value: '1', label: 'At least 1 day' },
  { value: '3', label: 'At least 3 days' },
  { value: '7', label: 'At least 7 days' },
  { value: '14', label: 'At least 14 days' },
];

const DECISION_WORDS: Record<string, string> = {
  'organization.verified': 'Verified',
  'organization.rejected': 'Rejected',
  'organization.suspended': 'Suspended',
  'organization.reinstated': 'Reinstated',
};

function decisionText(decision: OrganizationDecisionRecord, viewerId: string): string {
  const who =
    decision.decidedBy === null
      ? 'an unknown user'
      : decision.decidedBy === viewerId
        ? 'you'
        : `staff member ${decision.decidedBy}`;
  return `${DECISION_WORDS[decision.action] ?? decision.action} by ${who} on ${formatDateTime(decision.decidedAt)}`;
}

interface Filters {
  status?: string;
  age?: string;
}

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<Filters> }) {
  const viewer = await requireViewer(['staff'], '/staff/verifications');
  const params = await searchParams;
  const status = STATUSES.find((option) => option.value === params.status)?.value ?? 'pending';
  const age = AGES.find((option) => option.value === params.age)?.value ?? '';
  const organizations = await listOrganizationsForVerification(viewer.accessToken, {
    status,
    olderThanDays: age ? Number(age) : undefined,
  });

  return (
    <section className="page">
      <h1>Organization verification</h1>
      <p>
        Check that each organization is real: the legal name matches the EIN, the address and phone belong to it, and
        the admin confirmed Ohio&apos;s minor labor law duties. Every decision and every view of this queue goes into
        the audit log.
      </p>

      <form method="get" className="inline-form" aria-label="Filter organizations">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={status}>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-age">Waiting</label>
          <select id="filter-age" name="age" defaultValue={age}>
            {AGES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Show
        </button>
      </form>

      <p role="status">
        {organizations.length === 1 ? '1 organization' : `${organizations.length} organizations`}, longest waiting
        first.
      </p>
      {organizations.length > 0 && (
        <ul className="card-list">
          {organizations.map((organization) => (
            <li key={organization.id}>
              <article className="card" aria-labelledby={`organization-${organization.id}`}>
                <h2 id={`organization-${organization.id}`} className="card-title">
                  {organization.tradingName}
                </h2>
                <p className="card-subtitle">
                  {organization.legalName} · sent {formatDateTime(organization.submittedAt)}
                </p>
                <dl className="facts">
                  <div>
                    <dt>EIN</dt>
                    <dd>{organization.ein}</dd>
                  </div>
                  <div>
                    <dt>Address</dt>
                    <dd>
                      {organization.addressLine}, {organization.city}, OH {organization.zip}
                    </dd>
                  </div>
                  <div>
                    <dt>Phone</dt>
                    <dd>{organization.phone}</dd>
                  </div>
                  <div>
                    <dt>Website</dt>
                    <dd>{organization.website ?? 'None given'}</dd>
                  </div>
                  <div>
                    <dt>Industry</dt>
                    <dd>{organization.industry}</dd>
                  </div>
                  <div>
                    <dt>Members</dt>
                    <dd>{organization.memberCount}</dd>
                  </div>
                  <div>
                    <dt>Labor law duties</dt>
                    <dd>
                      {organization.acknowledgement
                        ? `Confirmed by user ${organization.acknowledgement.acknowledgedBy} on ${formatDateTime(
                            organization.acknowledgement.acknowledgedAt,
                          )} (statement ${organization.acknowledgement.statementVersion})`
                        : 'Not confirmed'}
                    </dd>
                  </div>
                  {organization.rejectionReason && (
                    <div>
                      <dt>Rejection reason</dt>
                      <dd>{organization.rejectionReason}</dd>
                    </div>
                  )}
                  {organization.suspensionReason && (
                    <div>
                      <dt>Suspension reason</dt>
                      <dd>{organization.suspensionReason}</dd>
                    </div>
                  )}
                </dl>
                <h3>Decisions</h3>
                {organization.decisions.length === 0 ? (
                  <p>No decisions yet.</p>
                ) : (
                  <ol>
                    {organization.decisions.map((decision) => (
                      <li key={`${decision.action}-${decision.decidedAt}`}>{decisionText(decision, viewer.userId)}</li>
                    ))}
                  </ol>
                )}
                <OrganizationDecisionForm
                  organizationId={organization.id}
                  organizationName={organization.tradingName}
                  status={organization.status}
                />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
