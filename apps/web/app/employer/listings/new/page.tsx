import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingForm } from '../../../../features/employer/listing-form';
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
      <p>ClockIn staff review every listing before students can see it.</p>
      <ListingForm />
    </section>
  );
}
