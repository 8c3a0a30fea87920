import type { DatabaseTransaction } from '../context.ts';

export interface Membership {
  organizationId: string;
  role: 'admin' | 'member';
  organizationStatus: string;
  organizationName: string;
}

export interface DistrictMembership {
  districtId: string;
  role: 'admin' | 'viewer';
}

/**
 * The organizations and districts a signed-in user belongs to. Read in the user's own context, where the
 * membership policy shows only rows with their user id.
 */
export class MembershipRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  async forUser(userId: string): Promise<Membership[]> {
    const rows = await this.transaction
      .selectFrom('organization_members')
      .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
      .where('organization_members.user_id', '=', userId)
      .select([
        'organization_members.organization_id',
        'organization_members.role',
        'organizations.status',
        'organizations.trading_name',
      ])
      .orderBy('organization_members.created_at')
      .execute();
    return rows.map((row) => ({
      organizationId: row.organization_id,
      role: row.role,
      organizationStatus: row.status,
      organizationName: row.trading_name,
    }));
  }

  async districtsForUser(userId: string): Promise<DistrictMembership[]> {
    const rows = await this.transaction
      .selectFrom('district_members')
      .where('user_id', '=', userId)
      .select(['district_id', 'role'])
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({ districtId: row.district_id, role: row.role }));
  }
}
