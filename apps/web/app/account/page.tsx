import type { Metadata } from 'next';
import { ChangePasswordForm } from '../../features/account/password-forms';
import { signOutEverywhere } from '../../features/auth/sign-out-action';
import { getStudentProfile } from '../../lib/api';
import { GRADE_LEVELS } from '../../lib/format';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const viewer = await requireViewer(['student', 'employer', 'staff'], '/account');
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

      <h2>Change password</h2>
      <ChangePasswordForm />

      <h2>Sign out everywhere</h2>
      <p>Signs you out on every phone and computer, including this one. Use it if you lost a device or shared one.</p>
      <form action={signOutEverywhere}>
        <button type="submit" className="button button-danger">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
