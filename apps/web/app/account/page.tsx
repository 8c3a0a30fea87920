import type { Metadata } from 'next';
import Link from 'next/link';
import { MfaSection } from '../../features/account/mfa-section';
import { ChangePasswordForm } from '../../features/account/password-forms';
import { SignOutEverywhereForm } from '../../features/auth/sign-out-everywhere-form';
import { PersonalExportSection } from '../../features/privacy/export-section';
import { getStudentProfile } from '../../lib/api';
import { GRADE_LEVELS } from '../../lib/format';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ mfa?: string }> }) {
  const { mfa } = await searchParams;
  const viewer = await requireViewer(['student', 'employer', 'staff', 'district_admin'], '/account');
  const profile =
    viewer.accountType === 'student' && viewer.hasProfile ? await getStudentProfile(viewer.accessToken) : null;

  return (
    <section className="page narrow">
      <h1>Account</h1>
      {profile && (
        <>
          <h2>Your profile</h2>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>
                {profile.givenName} {profile.familyName}
              </dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{profile.email}</dd>
            </div>
            <div>
              <dt>School</dt>
              <dd>{profile.schoolName}</dd>
            </div>
            <div>
              <dt>Grade level</dt>
              <dd>{GRADE_LEVELS.find((grade) => grade.value === profile.gradeLevel)?.label ?? profile.gradeLevel}</dd>
            </div>
          </dl>
        </>
      )}

      <MfaSection accessToken={viewer.accessToken} changed={mfa} />

      <h2>Change password</h2>
      <p>After the change, you sign in again with the new password.</p>
      <ChangePasswordForm />

      <h2>Sign out everywhere</h2>
      <p>Signs you out on every phone and computer, including this one. Use it if you lost a device or shared one.</p>
      <SignOutEverywhereForm />

      {viewer.accountType === 'student' && <PersonalExportSection accessToken={viewer.accessToken} />}

      <h2>Delete my account</h2>
      <p>
        Deleting your account signs you out everywhere at once, and we erase your data within 30 days. It cannot be
        undone.
      </p>
      <p>
        <Link href="/account/delete" className="button button-danger">
          Delete my account…
        </Link>
      </p>
    </section>
  );
}
