import type { Metadata } from 'next';
import Link from 'next/link';
import { readMfaStatus } from '../../../features/account/mfa-status';
import type { MfaState } from '../../../features/privacy/deletion-action';
import { DeletionExplanation } from '../../../features/privacy/deletion-explanation';
import { DeleteAccountForm } from '../../../features/privacy/deletion-form';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Delete my account' };

export default async function DeleteAccountPage() {
  const viewer = await requireViewer(['student', 'employer', 'staff', 'district_admin'], '/account/delete');
  const status = await readMfaStatus(viewer.accessToken);
  let mfa: MfaState = 'unknown';
  if (status) mfa = status.enabled ? 'on' : 'off';

  return (
    <section className="page narrow">
      <p>
        <Link href="/account">← Account</Link>
      </p>
      <h1>Delete my account</h1>
      <DeletionExplanation accountType={viewer.accountType} />
      {viewer.accountType === 'student' && (
        <p>
          Want a copy first? Use <Link href="/account#my-data-heading">Download my data</Link> before you delete your
          account.
        </p>
      )}
      {viewer.organization?.role === 'admin' && (
        <p className="notice notice-info">
          An organization always keeps one admin. If you are the only admin of {viewer.organization.name}, make another
          member an admin on the <Link href="/employer/team">Team page</Link> first.
        </p>
      )}

      <h2>Confirm that it is you</h2>
      <DeleteAccountForm mfa={mfa} />
    </section>
  );
}
