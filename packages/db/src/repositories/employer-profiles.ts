import type { DatabaseTransaction } from '../context.ts';
import { PublishedListingRepository, type OrganizationListingSummary } from './published-listings.ts';

/** A verified employer's public details, without its EIN, phone, street address or members. */
export interface EmployerProfile {
  id: string;
  tradingName: string;
  city: string;
  industry: string;
  website: string | null;
  /** When staff last decided on the organization; null for one verified without a recorded decision. */
  verifiedSince: Date | null;
  listings: OrganizationListingSummary[];
}

/**
 * Public profiles of verified employers. Members and staff can read other organizations through
 * row-level security, so the status check here is what keeps pending, rejected and suspended
 * organizations out for them too.
 */
export class EmployerProfileRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  /** Returns the organization's public profile with its open listings, or null unless it is verified. */
  async get(organizationId: string): Promise<EmployerProfile | null> {
    const organization = await this.transaction
      .selectFrom('organizations')
      .where('organizations.id', '=', organizationId)
      .where('organizations.status', '=', 'verified')
      .select([
        'organizations.id',
        'organizations.trading_name',
        'organizations.city',
        'organizations.industry',
        'organizations.website',
        'organizations.decided_at',
      ])
      .executeTakeFirst();
    if (!organization) return null;

    const listings = await new PublishedListingRepository(this.transaction).listOfOrganization(organizationId);
    return {
      id: organization.id,
      tradingName: organization.trading_name,
      city: organization.city,
      industry: organization.industry,
      website: organization.website,
      verifiedSince: organization.decided_at,
      listings,
    };
  }
}
