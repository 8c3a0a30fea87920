'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="page narrow">
      <h1>Something went wrong</h1>
      <p>We could not load this page. This is usually short-lived.</p>
      <button type="button" className="button button-primary" onClick={() => reset()}>
        Try again
      </button>
    </section>
  );
}
