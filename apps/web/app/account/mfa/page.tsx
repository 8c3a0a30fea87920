import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { cancelMfaSetup, confirmMfaSetup } from '../../../features/account/mfa-actions';
import { CodeForm } from '../../../features/auth/code-form';
import { TotpSetupDetails } from '../../../features/auth/totp-setup-details';
import { readSession } from '../../../lib/session';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'Turn on two-step sign-in' };

export default async function AccountMfaSetupPage() {
  const viewer = await requireViewer(['student', 'employer', 'staff'], '/account');
  const { mfaSetup } = await readSession();
  if (!mfaSetup) redirect('/account');

  return (
    <section className="page narrow">
      <h1>Turn on two-step sign-in</h1>
      <p>
        Add ClockIn to an authenticator app on your phone, then enter the 6-digit code it shows. From then on, each
        sign-in asks for your password and a code from the app.
      </p>
      <TotpSetupDetails email={viewer.username} secretCode={mfaSetup.secretCode} />
      <CodeForm action={confirmMfaSetup} submitLabel="Turn on two-step sign-in" />
      <form action={cancelMfaSetup}>
        <button type="submit" className="button button-secondary">
          Cancel
        </button>
      </form>
    </section>
  );
}
