import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '../../features/account/password-forms';

export const metadata: Metadata = { title: 'Reset your password' };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  return (
    <section className="page narrow">
      <h1>Reset your password</h1>
      {reason === 'required' && (
        <p className="notice notice-info">You need to set a new password before you sign in.</p>
      )}
      <p>We will email you a 6-digit code. Then choose a new password.</p>
      <ResetPasswordForm />
      <p>
        Remembered it? <Link href="/sign-in">Sign in</Link>.
      </p>
    </section>
  );
}
