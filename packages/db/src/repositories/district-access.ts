import { DistrictRepository } from '../tenant-repository.ts';

/** The district in the request context, as shown to its administrator. */
export interface DistrictOverview {
  districtId: string;
  name: string;
  county: string;
  /** When the data processing agreement was signed (YYYY-MM-DD). */
  agreementSignedOn: string;
  partnershipStartedAt: Date;
}

export class DistrictAccessRepository extends DistrictRepository {
  /**
   * Returns the administrator's district while its partnership is active, or null. Row-level
   * security shows the partnership only to a member of the district while it has not ended,
   * so null also covers a missing membership.
   */
  async current(): Promise<DistrictOverview | null> {
    const row = await this.selectFrom('district_partnerships')
      .innerJoin('districts', 'districts.id', 'district_partnerships.district_id')
      .where('district_partnerships.ended_at', 'is', null)
      .select([
        'districts.id',
        'districts.name',
        'districts.county',
        'district_partnerships.agreement_signed_on',
        'district_partnerships.started_at',
      ])
      .executeTakeFirst();
    if (!row) return null;
    return {
      districtId: row.id,
      name: row.name,
      county: row.county,
      agreementSignedOn: row.agreement_signed_on,
      partnershipStartedAt: row.started_at,
    };
  }
}
