import Link from 'next/link';

export default function HomePage() {
  return (
    <section className="page">
      <h1>Find a part-time job near you</h1>
      <p className="lead">
        ClockIn connects Ohio students aged 15 to 20 with local employers. Our staff verify every employer and review
        every job listing before students can see it.
      </p>
      <div className="button-row">
        <Link href="/jobs" className="button button-primary">
          Browse jobs
        </Link>
        <Link href="/sign-up" className="button button-secondary">
          Sign up as a student
        </Link>
        <Link href="/sign-in" className="button button-secondary">
          Sign in
        </Link>
      </div>

      <h2>How it works</h2>
      <ol className="steps">
        <li>Create a student account with your school and grade level, then confirm your email.</li>
        <li>Browse jobs and see the pay, the weekly schedule and the city before you apply.</li>
        <li>Apply with a short message. The employer sees your name, age band, school and message.</li>
      </ol>

      <h2>Your privacy</h2>
      <p>
        When you apply, the employer does not see your email, birthdate or address. They see your age band (15, 16–17 or
        18+), not your exact age. Read every promise we make, and the tests that check them, on the{' '}
        <Link href="/security">security and privacy page</Link>.
      </p>
    </section>
  );
}
