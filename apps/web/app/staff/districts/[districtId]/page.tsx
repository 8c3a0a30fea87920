import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getStaffDistrict, type StaffDistrictDetail } from '../../../../features/district/district-api';
import {
  EndPartnershipForm,
  InviteAdministratorForm,
  StartPartnershipForm,
} from '../../../../features/district/staff-district-forms';
import { ApiError } from '../../../../lib/api';
import { formatDate } from '../../../../lib/format';
import { requireViewer } from '../../../../lib/viewer';

export const metadata: Metadata = { title: 'District partnership' };

async function loadDistrict(accessToken: string, districtId: string): Promise<StaffDistrictDetail> {
  try {
    return await getStaffDistrict(accessToken, districtId);
  } catch (error) {
    if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 400)) notFound();
    throw error;
  }
}

function partnershipStatus(partnership: StaffDistrictDetail['partnership']): string {
  if (!partnership) return 'None';
  return partnership.active ? 'Active' : 'Ended';
}

export default async function StaffDistrictPage({ params }: { params: Promise<{ districtId: string }> }) {
  const { districtId } = await params;
  const viewer = await requireViewer(['staff'], `/staff/districts/${districtId}`);
  const district = await loadDistrict(viewer.accessToken, districtId);
  const partnership = district.partnership;

  return (
    <section className="page">
      <p>
        <Link href="/staff/districts">← District partnerships</Link>
      </p>
      <h1>{district.name}</h1>
      <dl className="facts">
        <div>
          <dt>IRN</dt>
          <dd>{district.districtId}</dd>
        </div>
        <div>
          <dt>County</dt>
          <dd>{district.county}</dd>
        </div>
        <div>
          <dt>Students on ClockIn</dt>
          <dd>{district.students}</dd>
        </div>
        <div>
          <dt>Partnership</dt>
          <dd>{partnershipStatus(partnership)}</dd>
        </div>
      </dl>
      {partnership && (
        <dl className="facts">
          <div>
            <dt>Agreement signed</dt>
            <dd>{formatDate(`${partnership.agreementSignedOn}T12:00:00Z`)}</dd>
          </div>
          <div>
            <dt>Contact</dt>
            <dd>
              {partnership.contactName}, {partnership.contactEmail}
              {partnership.contactPhone ? `, ${partnership.contactPhone}` : ''}
            </dd>
          </div>
          <div>
            <dt>{partnership.active ? 'Started' : 'Ended'}</dt>
            <dd>
              {formatDate(partnership.active ? partnership.startedAt : (partnership.endedAt ?? partnership.startedAt))}
            </dd>
          </div>
        </dl>
      )}

      <h2>Administrators</h2>
      {district.administrators.length === 0 ? (
        <p>No administrators yet.</p>
      ) : (
        <ul>
          {district.administrators.map((admin) => (
            <li key={admin.userId}>
              User {admin.userId} ({admin.role}), added {formatDate(admin.addedAt)}
            </li>
          ))}
        </ul>
      )}

      {partnership?.active ? (
        <>
          <InviteAdministratorForm districtId={district.districtId} />
          <EndPartnershipForm districtId={district.districtId} />
        </>
      ) : (
        <StartPartnershipForm districtId={district.districtId} />
      )}
    </section>
  );
}
