'use client';

import { useEffect, useRef } from 'react';

/**
 * Renders the error message of a whole form as an alert that takes focus when it appears. Keyboard
 * and screen reader users then start from it after a failed submission and tab on to the fields,
 * whose own errors are tied to them with aria-describedby.
 */
export function ErrorSummary({ message }: { message: string }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    summary.current?.focus();
  }, []);

  return (
    <div ref={summary} role="alert" tabIndex={-1} className="notice notice-error">
      {message}
    </div>
  );
}
