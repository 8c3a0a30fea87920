import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '../../features/auth/sign-in-form';
import { readSession } from '../../lib/session';
import { safeReturnPath } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInSearchParams {
  next?: string;
  confirmed?: string;
  signedOut?: string;
  reset?: string;
  reason?: string;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const params = await searchParams;
  const session = await readSession();

  return (
    <section className="page narrow">
      <h1>Sign in</h1>
      {params.confirmed && <p className="notice notice-success">Your email is confirmed. Sign in to continue.</p>}
      {params.reset && <p className="notice notice-success">Your password is changed. Sign in with the new one.</p>}
      {params.reason === 'session-ended' && (
        <p className="notice notice-info">Your sign-in has ended. Sign in again to continue.</p>
      )}
      {params.signedOut === 'everywhere' && (
        <p className="notice notice-success">You are signed out on every device.</p>
      )}
      <SignInForm email={session.pendingConfirmationEmail ?? session.username} returnTo={safeReturnPath(params.next)} />
      <p>
        New to ClockIn? <Link href="/sign-up">Create a student account</Link>.
      </p>
    </section>
  );
}
