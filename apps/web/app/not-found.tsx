import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>This page does not exist, or it is not available to your account.</p>
      <p>
        <Link href="/jobs">Browse jobs</Link> or go back to the <Link href="/">home page</Link>.
      </p>
    </section>
  );
}
