import type { Metadata } from 'next';
import { ConfirmForm } from '../../features/auth/confirm-form';
import { readSession } from '../../lib/session';

export const metadata: Metadata = { title: 'Confirm your email' };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const session = await readSession();

  return (
    <section className="page narrow">
      <h1>Check your email for a 6-digit code</h1>
      {reason === 'unconfirmed' && (
        <p className="notice notice-info">You need to confirm your email before you can sign in.</p>
      )}
      <p>
        We sent a 6-digit code to {session.pendingConfirmationEmail ?? 'your email address'}. Enter it below to confirm
        your email. The code expires after a while; if it has, send a new one.
      </p>
      <ConfirmForm email={session.pendingConfirmationEmail} />
    </section>
  );
}
