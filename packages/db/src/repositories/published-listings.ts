import type { ListingLaborSummary } from '@clockin/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DatabaseTransaction } from '../context.ts';
import type { ListingCategory, ListingSeason, PayUnit, ShiftTemplate } from '../schema.ts';
import { encodeSearchCursor, type ListingSort, type SearchCursor } from './search-cursor.ts';

export interface PublishedListing {
  id: string;
  title: string;
  description: string;
  employerName: string;
  /** The verified organization that posted the listing, for its public profile. */
  organizationId: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  /** The lowest pay per hour worked that the listing guarantees, in cents. */
  hourlyPayCents: number | null;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  duties: string[];
  minimumAge: number;
  startsOn: string | null;
  closingDate: string | null;
  /** When the listing stops taking applications: its closing date's end or its 60-day limit. */
  closesAt: Date;
  laborSummary: ListingLaborSummary | null;
  publishedAt: Date;
  /** Miles from the search's ZIP code, to one decimal; null when the search names no ZIP. */
  distanceMiles: number | null;
}

/** A listing as an employer's public profile shows it. */
export interface OrganizationListingSummary {
  id: string;
  title: string;
  city: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  publishedAt: Date;
}

/** Limits a search to listings that students of one age band may work in one season. */
export interface WorkableFilter {
  band: string;
  season: 'school-year' | 'summer';
}

export interface SearchOrigin {
  latitude: number;
  longitude: number;
}

export interface ListingSearch {
  /** Words to match, in web search syntax: quotes for phrases, `-` to exclude, `or`. */
  text: string | null;
  origin: SearchOrigin | null;
  /** Needs `origin`. */
  radiusMiles: number | null;
  category: ListingCategory | null;
  minHourlyPayCents: number | null;
  afterSchool: boolean;
  weekends: boolean;
  /** Listings whose season is summer or both. */
  summer: boolean;
  workable: WorkableFilter | null;
  /** Relevance needs searchable text and distance needs an origin; otherwise newest applies. */
  sort: ListingSort;
  limit: number;
  cursor: SearchCursor | null;
}

export interface ListingPage {
  listings: PublishedListing[];
  nextCursor: string | null;
}

export interface SearchPage extends ListingPage {
  /** The order actually used: relevance falls back to newest when the text has no searchable words. */
  sort: ListingSort;
}

export class CursorMismatchError extends Error {
  constructor(readonly expected: ListingSort) {
    super(`The cursor belongs to another sort order than ${expected}.`);
    this.name = 'CursorMismatchError';
  }
}

/** Miles per degree of latitude, rounded down, so that the bounding box never cuts the circle. */
const milesPerDegreeLatitude = 68.7;
/** Miles per degree of longitude at the equator, rounded up, for the same reason. */
const milesPerDegreeLongitudeAtEquator = 69.2;

/**
 * Listings that students and anonymous visitors may see: published, from a verified
 * organization, and still open, so a listing past its closing date or its 60-day limit drops
 * out before the expiry job marks it. The public policy on listings enforces the first two in
 * the database as well.
 */
export class PublishedListingRepository {
  constructor(private readonly transaction: DatabaseTransaction) {}

  private base() {
    return this.transaction
      .selectFrom('listings')
      .innerJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('listings.status', '=', 'published')
      .where('organizations.status', '=', 'verified')
      .where((eb) =>
        eb.or([
          eb('listings.closing_date', 'is', null),
          eb('listings.closing_date', '>=', sql<string>`(now() AT TIME ZONE 'America/New_York')::date`),
        ]),
      )
      .where('listings.first_published_at', '>', sql<Date>`now() - interval '60 days'`)
      .select([
        'listings.id',
        'listings.title',
        'listings.description',
        'organizations.trading_name',
        'listings.organization_id',
        'listings.category',
        'listings.season',
        'listings.positions',
        'listings.pay_min_cents',
        'listings.pay_max_cents',
        'listings.pay_unit',
        'listings.hourly_pay_cents',
        'listings.city',
        'listings.zip',
        'listings.schedule',
        'listings.duties',
        'listings.minimum_age',
        'listings.starts_on',
        'listings.closing_date',
        'listings.labor_summary',
        'listings.published_at',
        sql<string>`to_char(listings.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'published_at_exact',
        ),
        sql<Date>`least(
          (listings.closing_date + 1)::timestamp AT TIME ZONE 'America/New_York',
          listings.first_published_at + interval '60 days')`.as('closes_at'),
      ]);
  }

  /** Returns whether the text has any word that full-text search can match (not only stop words). */
  async isSearchable(text: string): Promise<boolean> {
    const result = await sql<{ nodes: number }>`
      SELECT numnode(websearch_to_tsquery('english', ${text})) AS nodes
    `.execute(this.transaction);
    return (result.rows[0]?.nodes ?? 0) > 0;
  }

  /** Finds one page of listings in the requested order, with a keyset cursor for the next page. */
  async search(search: ListingSearch): Promise<SearchPage> {
    const text = search.text !== null && (await this.isSearchable(search.text)) ? search.text : null;
    const sort = effectiveSort(search.sort, text, search.origin);
    if (search.cursor && search.cursor.sort !== sort) throw new CursorMismatchError(sort);

    const rank = text === null ? sql<number>`0::real` : sql<number>`matches.rank`;
    const origin = search.origin;
    const distance = origin
      ? sql<
          number | null
        >`app.distance_miles(${origin.latitude}, ${origin.longitude}, listings.latitude, listings.longitude)`
      : sql<number | null>`NULL::double precision`;

    let builder = this.base().select([rank.as('rank'), distance.as('distance')]);
    if (text !== null) {
      // The match runs in app.listing_text_matches, where the GIN index can serve it.
      builder = builder.innerJoin(
        sql<{ listing_id: string; rank: number }>`app.listing_text_matches(${text})`.as('matches'),
        (join) => join.onRef(sql.ref('matches.listing_id'), '=', 'listings.id'),
      );
    }
    if (origin && search.radiusMiles !== null) {
      const box = boundingBox(origin, search.radiusMiles);
      builder = builder
        .where('listings.latitude', '>=', box.south)
        .where('listings.latitude', '<=', box.north)
        .where('listings.longitude', '>=', box.west)
        .where('listings.longitude', '<=', box.east)
        .where(distance, '<=', search.radiusMiles);
    }
    if (search.category) builder = builder.where('listings.category', '=', search.category);
    if (search.minHourlyPayCents !== null) {
      builder = builder.where('listings.hourly_pay_cents', '>=', search.minHourlyPayCents);
    }
    if (search.afterSchool) builder = builder.where('listings.has_after_school_shift', '=', true);
    if (search.weekends) builder = builder.where('listings.has_weekend_shift', '=', true);
    if (search.summer) builder = builder.where('listings.season', 'in', ['summer', 'both']);
    if (search.workable) {
      const bands =
        search.workable.season === 'summer' ? sql.ref('listings.summer_bands') : sql.ref('listings.school_year_bands');
      builder = builder.where(sql<SqlBool>`${search.workable.band} = ANY(${bands})`);
    }

    const cursor = search.cursor;
    if (cursor?.sort === 'newest') {
      // The redundant bound lets the scan of the publication time index start at the cursor.
      builder = builder
        .where('listings.published_at', '<=', sql<Date>`${cursor.publishedAt}::timestamptz`)
        .where((eb) =>
          eb.or([
            eb('listings.published_at', '<', sql<Date>`${cursor.publishedAt}::timestamptz`),
            eb('listings.id', '<', cursor.id),
          ]),
        );
    } else if (cursor?.sort === 'relevance') {
      builder = builder.where(afterKey(rank, sql`${cursor.rank}::real`, '<', cursor.id));
    } else if (cursor?.sort === 'distance') {
      builder = builder.where(afterKey(distance, sql`${cursor.distance}::double precision`, '>', cursor.id));
    }

    if (sort === 'relevance') builder = builder.orderBy(rank, 'desc').orderBy('listings.id', 'desc');
    else if (sort === 'distance') builder = builder.orderBy(distance, 'asc').orderBy('listings.id', 'asc');
    else builder = builder.orderBy('listings.published_at', 'desc').orderBy('listings.id', 'desc');

    const rows = await builder.limit(search.limit + 1).execute();
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    let nextCursor: string | null = null;
    if (rows.length > search.limit && last) {
      nextCursor = encodeSearchCursor(
        sort === 'relevance'
          ? { sort, rank: last.rank, id: last.id }
          : sort === 'distance'
            ? { sort, distance: Number(last.distance), id: last.id }
            : { sort, publishedAt: last.published_at_exact, id: last.id },
      );
    }
    return { listings: page.map(toListing), nextCursor, sort };
  }

  /** Newest first, with a keyset cursor of the last row's publication time and id. */
  async list(
    limit: number,
    cursor: { publishedAt: string; id: string } | null,
    workable: WorkableFilter | null = null,
  ): Promise<ListingPage> {
    const { listings, nextCursor } = await this.search({
      text: null,
      origin: null,
      radiusMiles: null,
      category: null,
      minHourlyPayCents: null,
      afterSchool: false,
      weekends: false,
      summer: false,
      workable,
      sort: 'newest',
      limit,
      cursor: cursor ? { sort: 'newest', ...cursor } : null,
    });
    return { listings, nextCursor };
  }

  async get(id: string): Promise<PublishedListing | null> {
    const row = await this.base()
      .select([sql<number>`0::real`.as('rank'), sql<number | null>`NULL::double precision`.as('distance')])
      .where('listings.id', '=', id)
      .executeTakeFirst();
    return row ? toListing(row) : null;
  }

  /** Returns the listing's organization when the listing is open to applications, else null. */
  async organizationOf(listingId: string): Promise<string | null> {
    const row = await this.base().where('listings.id', '=', listingId).executeTakeFirst();
    return row?.organization_id ?? null;
  }

  /** Lists one organization's open listings for its public profile, newest first. */
  async listOfOrganization(organizationId: string): Promise<OrganizationListingSummary[]> {
    const rows = await this.base()
      .where('listings.organization_id', '=', organizationId)
      .orderBy('listings.published_at', 'desc')
      .orderBy('listings.id', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      city: row.city,
      payMinCents: row.pay_min_cents,
      payMaxCents: row.pay_max_cents,
      payUnit: row.pay_unit,
      publishedAt: row.published_at ?? new Date(0),
    }));
  }
}

function effectiveSort(requested: ListingSort, text: string | null, origin: SearchOrigin | null): ListingSort {
  if (requested === 'relevance' && text === null) return 'newest';
  if (requested === 'distance' && origin === null) return 'newest';
  return requested;
}

/** Rows after (value, id) in an order where `direction` leads away from the first row. */
function afterKey(
  key: Expression<unknown>,
  value: Expression<unknown>,
  direction: '<' | '>',
  id: string,
): Expression<SqlBool> {
  const operator = sql.raw(direction);
  return sql<SqlBool>`(${key} ${operator} ${value} OR (${key} = ${value} AND listings.id ${operator} ${id}))`;
}

/** Computes a latitude and longitude box that contains every point within `miles` of the origin. */
function boundingBox(origin: SearchOrigin, miles: number) {
  const latitudeDelta = miles / milesPerDegreeLatitude;
  const farthestLatitude = Math.min(89, Math.abs(origin.latitude) + latitudeDelta);
  const longitudeDelta = miles / (milesPerDegreeLongitudeAtEquator * Math.cos((farthestLatitude * Math.PI) / 180));
  return {
    south: origin.latitude - latitudeDelta,
    north: origin.latitude + latitudeDelta,
    west: origin.longitude - longitudeDelta,
    east: origin.longitude + longitudeDelta,
  };
}

function toListing(row: {
  id: string;
  title: string;
  description: string;
  trading_name: string;
  organization_id: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  pay_min_cents: number;
  pay_max_cents: number | null;
  pay_unit: PayUnit;
  hourly_pay_cents: number | null;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  duties: string[];
  minimum_age: number;
  starts_on: string | null;
  closing_date: string | null;
  closes_at: Date;
  labor_summary: ListingLaborSummary | null;
  published_at: Date | null;
  distance: number | null;
}): PublishedListing {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    employerName: row.trading_name,
    organizationId: row.organization_id,
    category: row.category,
    season: row.season,
    positions: row.positions,
    payMinCents: row.pay_min_cents,
    payMaxCents: row.pay_max_cents,
    payUnit: row.pay_unit,
    hourlyPayCents: row.hourly_pay_cents,
    city: row.city,
    zip: row.zip,
    schedule: row.schedule,
    duties: row.duties,
    minimumAge: row.minimum_age,
    startsOn: row.starts_on,
    closingDate: row.closing_date,
    closesAt: row.closes_at,
    laborSummary: row.labor_summary,
    publishedAt: row.published_at ?? new Date(0),
    distanceMiles: row.distance === null ? null : Math.round(Number(row.distance) * 10) / 10,
  };
}
