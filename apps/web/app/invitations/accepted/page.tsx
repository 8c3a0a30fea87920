import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Invitation accepted' };

export default function InvitationAcceptedPage() {
  return (
    <section className="page narrow">
      <h1>You joined the team</h1>
      <p role="status" className="notice notice-success">
        You are now an admin of the organization.
      </p>
      <p>Admins sign in with two-step verification. We signed you out, so sign in again now and set it up.</p>
      <p>
        <Link href="/sign-in?next=/employer" className="button button-primary">
          Sign in again
        </Link>
      </p>
    </section>
  );
}
