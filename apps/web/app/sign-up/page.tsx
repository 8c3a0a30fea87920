import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '../../features/auth/sign-up-form';

export const metadata: Metadata = { title: 'Create a student account' };

export default function SignUpPage() {
  return (
    <section className="page narrow">
      <h1>Create a student account</h1>
      <p>ClockIn is for students in Ohio aged 15 and older. Every field is required.</p>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
      <p>
        Hiring students? <Link href="/employer/register">Create an employer account</Link>.
      </p>
    </section>
  );
}
