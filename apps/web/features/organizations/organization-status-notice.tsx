import Link from 'next/link';
import { formatDate } from '../../lib/format';
import { getMyOrganization } from '../../lib/organizations-api';
import type { Viewer } from '../../lib/viewer';

/**
 * Shows the employer the status of an organization that is not verified: waiting for staff,
 * rejected with the staff member's reason, or suspended.
 */
export async function OrganizationStatusNotice({ viewer }: { viewer: Viewer }) {
  const organization = viewer.organization;
  if (!organization || organization.status === 'verified') return null;

  if (organization.status === 'suspended') {
    return (
      <div className="notice notice-error" role="note">
        <p>
          ClockIn staff suspended {organization.name}. Its listings are hidden from students, and its people cannot use
          the employer pages until staff reinstate it. Contact ClockIn support to talk about it.
        </p>
      </div>
    );
  }

  const details = await getMyOrganization(viewer.accessToken);
  if (organization.status === 'rejected') {
    return (
      <div className="notice notice-error" role="note">
        <p>ClockIn staff could not verify {details.tradingName}.</p>
        {details.rejectionReason && <p>Reason: {details.rejectionReason}</p>}
        <p>
          {details.role === 'admin' ? (
            <Link href="/employer/register">Correct the registration and send it again</Link>
          ) : (
            'An admin of your organization can correct the registration and send it again.'
          )}
        </p>
      </div>
    );
  }

  return (
    <div className="notice notice-info" role="note">
      <p>
        {details.tradingName} is waiting for ClockIn staff to verify it (registered {formatDate(details.submittedAt)}).
        You can save listings as drafts now; they reach students only after verification and review.
      </p>
    </div>
  );
}
