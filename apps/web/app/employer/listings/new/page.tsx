import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingForm } from '../../../../features/employer/listing-form';
import { ohioToday } from '../../../../features/labor/labor-text';
import { requireViewer } from '../../../../lib/viewer';

export const metadata: Metadata = { title: 'New listing' };

export default async function NewListingPage() {
  await requireViewer(['employer'], '/employer/listings/new');

  return (
    <section className="page narrow">
      <p>
        <Link href="/employer">← My listings</Link>
      </p>
      <h1>New listing</h1>
      <p>
        ClockIn staff review every listing before students can see it. As you fill in the shifts and tasks, the form
        shows which ages Ohio law allows to work them.
      </p>
      <ListingForm today={ohioToday()} />
    </section>
  );
}
