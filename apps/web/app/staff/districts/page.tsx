import type { Metadata } from 'next';
import Link from 'next/link';
import { searchStaffDistricts, type StaffDistrict } from '../../../features/district/district-api';
import { formatDate } from '../../../lib/format';
import { requireViewer } from '../../../lib/viewer';

export const metadata: Metadata = { title: 'District partnerships' };

function partnershipText(partnership: StaffDistrict['partnership']): string {
  if (!partnership) return 'None';
  if (partnership.active) return `Active since ${formatDate(partnership.startedAt)}`;
  return `Ended ${formatDate(partnership.endedAt ?? partnership.startedAt)}`;
}

export default async function StaffDistrictsPage({ searchParams }: { searchParams: Promise<{ query?: string }> }) {
  const viewer = await requireViewer(['staff'], '/staff/districts');
  const { query = '' } = await searchParams;
  const districts = await searchStaffDistricts(viewer.accessToken, query.trim().slice(0, 100));

  return (
    <section className="page">
      <h1>District partnerships</h1>
      <p>Find an Ohio district by name or IRN to turn a partnership on, end it, or invite its administrators.</p>
      <form method="get" className="form inline-form" role="search" aria-label="Find a district">
        <div className="field">
          <label htmlFor="query">District name or IRN</label>
          <input id="query" name="query" type="search" defaultValue={query} maxLength={100} />
        </div>
        <button type="submit" className="button button-secondary">
          Find
        </button>
      </form>
      <h2>{query ? `Districts matching “${query}”` : 'Partners and past partners'}</h2>
      {districts.length === 0 ? (
        <p role="status">{query ? 'No district matches.' : 'No district has a partnership yet.'}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Districts with their partnership status</caption>
          <thead>
            <tr>
              <th scope="col">District</th>
              <th scope="col">IRN</th>
              <th scope="col">County</th>
              <th scope="col">Partnership</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((district) => (
              <tr key={district.districtId}>
                <th scope="row">
                  <Link href={`/staff/districts/${district.districtId}`}>{district.name}</Link>
                </th>
                <td>{district.districtId}</td>
                <td>{district.county}</td>
                <td>{partnershipText(district.partnership)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
