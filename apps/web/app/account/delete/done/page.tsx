import type { Metadata } from 'next';
import Link from 'next/link';
import { PURGE_WITHIN_DAYS } from '../../../../features/privacy/deletion-explanation';
import { formatDate } from '../../../../lib/format';

export const metadata: Metadata = { title: 'Account deleted' };

/** Reads the purge time passed by the deletion form; anything that is not a date is ignored. */
function purgeDate(value: string | undefined): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return formatDate(value);
}

/** Confirms a deletion. The session is gone by now, so the page shows nothing personal. */
export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<{ purgeAfter?: string }> }) {
  const purgeBy = purgeDate((await searchParams).purgeAfter);

  return (
    <section className="page narrow">
      <h1>Your account is deleted</h1>
      <p role="status" className="notice notice-success">
        You are signed out on every device, and your account can no longer be used.
      </p>
      <p>
        {purgeBy
          ? `We erase the rest of your data on ${purgeBy}.`
          : `We erase the rest of your data within ${PURGE_WITHIN_DAYS} days.`}{' '}
        You do not need to do anything else.
      </p>
      <p>
        <Link href="/">Back to the ClockIn home page</Link>
      </p>
    </section>
  );
}
