import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Registration received' };

export default function RegistrationSubmittedPage() {
  return (
    <section className="page narrow">
      <h1>Registration received</h1>
      <p role="status" className="notice notice-success">
        Your organization is registered and waits for ClockIn staff to verify it.
      </p>
      <p>
        You are its admin, and admins sign in with two-step verification. We signed you out, so sign in again now and
        set it up with an authenticator app. Your employer page then shows the verification status.
      </p>
      <p>
        <Link href="/sign-in?next=/employer" className="button button-primary">
          Sign in again
        </Link>
      </p>
    </section>
  );
}
