import type { DatabaseTransaction } from '../context.ts';
import type { PayUnit, ShiftTemplate } from '../schema.ts';

export interface PublishedListing {
  id: string;
  title: string;
  description: string;
  employerName: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  publishedAt: Date;
}

export interface ListingPage {
  listings: PublishedListing[];
  nextCursor: string | null;
}

/**
 * Listings that students and anonymous visitors may see: published, from a verified
 * organization. The public policy on listings enforces the same rule in the database.
 */
export class PublishedListingRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  private base() {
    return this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', 'published')
      .where('organizations.status', '=', 'verified')
      .select([
        'listings.id',
        'listings.title',
        'listings.description',
        'organizations.trading_name',
        'listings.pay_min_cents',
        'listings.pay_max_cents',
        'listings.pay_unit',
        'listings.city',
        'listings.zip',
        'listings.schedule',
        'listings.published_at',
      ]);
  }

  /** Newest first, with a keyset cursor of the last row's publication time and id. */
  async list(limit: number, cursor: { publishedAt: string; id: string } | null): Promise<ListingPage> {
    let query = this.base();
    if (cursor) {
      query = query.where((eb) =>
        eb.or([
          eb('listings.published_at', '<', new Date(cursor.publishedAt)),
          eb.and([eb('listings.published_at', '=', new Date(cursor.publishedAt)), eb('listings.id', '<', cursor.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('listings.published_at', 'desc')
      .orderBy('listings.id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit).map(toListing);
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ publishedAt: last.publishedAt.toISOString(), id: last.id })).toString(
            'base64url',
          )
        : null;
    return { listings: page, nextCursor };
  }

  async get(id: string): Promise<PublishedListing | null> {
    const row = await this.base().where('listings.id', '=', id).executeTakeFirst();
    return row ? toListing(row) : null;
  }

  /** Returns the listing's organization when the listing is open to applications, else null. */
  async organizationOf(listingId: string): Promise<string | null> {
    const row = await this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.id', '=', listingId)
      .where('listings.status', '=', 'published')
      .where('organizations.status', '=', 'verified')
      .select('listings.organization_id')
      .executeTakeFirst();
    return row?.organization_id ?? null;
  }
}

function toListing(row: {
  id: string;
  title: string;
  description: string;
  trading_name: string;
  pay_min_cents: number;
  pay_max_cents: number | null;
  pay_unit: PayUnit;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  published_at: Date | null;
}): PublishedListing {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    employerName: row.trading_name,
    payMinCents: row.pay_min_cents,
    payMaxCents: row.pay_max_cents,
    payUnit: row.pay_unit,
    city: row.city,
    zip: row.zip,
    schedule: row.schedule,
    publishedAt: row.published_at ?? new Date(0),
  };
}

export function decodeListingCursor(cursor: string): { publishedAt: string; id: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as { publishedAt?: unknown }).publishedAt === 'string' &&
      typeof (parsed as { id?: unknown }).id === 'string' &&
      !Number.isNaN(Date.parse((parsed as { publishedAt: string }).publishedAt)) &&
      /^[0-9a-f-]{36}$/.test((parsed as { id: string }).id)
    ) {
      return parsed as { publishedAt: string; id: string };
    }
  } catch {
    // Falls through to the invalid-cursor result.
  }
  return null;
}
