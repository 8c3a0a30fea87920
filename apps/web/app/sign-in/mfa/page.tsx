import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { submitMfaCode } from '../../../features/auth/mfa-action';
import { CodeForm } from '../../../features/auth/code-form';
import { readSession } from '../../../lib/session';

export const metadata: Metadata = { title: 'Enter your authentication code' };

export default async function MfaPage() {
  const session = await readSession();
  if (session.challenge?.name !== 'SOFTWARE_TOKEN_MFA') redirect('/sign-in');

  return (
    <section className="page narrow">
      <h1>Enter your authentication code</h1>
      <p>Open your authenticator app and enter the 6-digit code it shows for ClockIn.</p>
      <CodeForm action={submitMfaCode} submitLabel="Verify code" />
    </section>
  );
}
