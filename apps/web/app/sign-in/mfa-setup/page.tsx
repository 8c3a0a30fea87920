import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { submitMfaSetupCode } from '../../../features/auth/mfa-action';
import { CodeForm } from '../../../features/auth/code-form';
import { TotpSetupDetails } from '../../../features/auth/totp-setup-details';
import { readSession } from '../../../lib/session';

export const metadata: Metadata = { title: 'Set up two-step sign-in' };

export default async function MfaSetupPage() {
  const session = await readSession();
  const challenge = session.challenge;
  if (challenge?.name !== 'MFA_SETUP' || !challenge.secretCode) redirect('/sign-in');

  return (
    <section className="page narrow">
      <h1>Set up two-step sign-in</h1>
      <p>
        Employer and staff accounts need a code from an authenticator app each time they sign in. Add ClockIn to your
        app, then enter the 6-digit code it shows.
      </p>
      <TotpSetupDetails email={challenge.username} secretCode={challenge.secretCode} />
      <CodeForm action={submitMfaSetupCode} submitLabel="Verify code" />
    </section>
  );
}
