import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface ExpiredListing {
  listingId: string;
  organizationId: string;
  /** `closing_date`: its closing date passed. `publication_limit`: 60 days since first publication. */
  reason: 'closing_date' | 'publication_limit';
}

/**
 * Marks every listing that is due at `asOf` as expired, with an audit event each, in one
 * statement. app.expire_listings runs as the table owner, so no request context is needed.
 */
export async function expireDueListings(db: Kysely<Database>, asOf: Date): Promise<ExpiredListing[]> {
  const result = await sql<{
    expired_listing_id: string;
    expired_organization_id: string;
    expiry_reason: ExpiredListing['reason'];
  }>`SELECT * FROM app.expire_listings(${asOf})`.execute(db);
  return result.rows.map((row) => ({
    listingId: row.expired_listing_id,
    organizationId: row.expired_organization_id,
    reason: row.expiry_reason,
  }));
}
