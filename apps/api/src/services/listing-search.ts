import { ageBand, ageOn, type PersonalVerdict } from '@clockin/domain';
import {
  CursorMismatchError,
  decodeSearchCursor,
  PublishedListingRepository,
  ReferenceRepository,
  StudentRepository,
  withContext,
  type Database,
  type DatabaseTransaction,
  type ListingCategory,
  type ListingSort,
  type PublishedListing,
  type SearchPage,
  type WorkableFilter,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from './actors.ts';
import { checkListingForStudent, ohioToday, seasonOf } from './labor.ts';

/** A published listing with what the law allows on it, for everyone and for the signed-in student. */
export type ListingDetail = PublishedListing & { forYou: PersonalVerdict | null };

export interface ListingSearchQuery {
  q?: string;
  zip?: string;
  radiusMiles?: number;
  category?: ListingCategory;
  minHourlyPayCents?: number;
  afterSchool?: boolean;
  weekends?: boolean;
  summer?: boolean;
  workable?: boolean;
  /** Defaults to relevance with q, else distance with zip, else newest. */
  sort?: ListingSort;
  cursor?: string;
  limit?: number;
}

/** Search for students and anonymous visitors over published listings of verified employers. */
export class ListingSearchService {
  constructor(private readonly db: Kysely<Database>) {}

  async search(actor: Actor, query: ListingSearchQuery): Promise<SearchPage> {
    const text = query.q?.trim() || null;
    const zip = query.zip ?? null;
    if (query.radiusMiles !== undefined && !zip) {
      throw new AppError('ValidationError', 'zip is required to search within a distance.', 'zip');
    }
    if (query.sort === 'distance' && !zip) {
      throw new AppError('ValidationError', 'zip is required to sort by distance.', 'zip');
    }
    let sort: ListingSort = 'newest';
    if (query.sort) sort = query.sort;
    else if (text) sort = 'relevance';
    else if (zip) sort = 'distance';
    const cursor = query.cursor ? decodeSearchCursor(query.cursor) : null;
    if (query.cursor && !cursor) {
      throw new AppError('ValidationError', 'cursor is invalid: use the nextCursor of a previous page.', 'cursor');
    }

    return withContext(this.db, actor.context, async (transaction) => {
      let origin = null;
      if (zip) {
        origin = await new ReferenceRepository(transaction).zipCentroid(zip);
        if (!origin) throw new AppError('ValidationError', `zip ${zip} is not an Ohio ZIP code.`, 'zip');
      }
      const workable = query.workable ? await workableFilter(transaction, actor) : null;
      if (workable === 'none') return { listings: [], nextCursor: null, sort };
      try {
        return await new PublishedListingRepository(transaction).search({
          text,
          origin,
          radiusMiles: query.radiusMiles ?? null,
          category: query.category ?? null,
          minHourlyPayCents: query.minHourlyPayCents ?? null,
          afterSchool: query.afterSchool === true,
          weekends: query.weekends === true,
          summer: query.summer === true,
          workable,
          sort,
          limit: query.limit ?? 20,
          cursor,
        });
      } catch (error) {
        if (error instanceof CursorMismatchError) {
          throw new AppError(
            'ValidationError',
            'cursor is from a search with another sort order: start again without it.',
            'cursor',
          );
        }
        throw error;
      }
    });
  }

  async getPublished(actor: Actor, listingId: string): Promise<ListingDetail> {
    return withContext(this.db, actor.context, async (transaction) => {
      const listing = await new PublishedListingRepository(transaction).get(listingId);
      if (!listing) throw notFound('The listing');
      let forYou: PersonalVerdict | null = null;
      if (actor.context.actorRole === 'student') {
        const profile = await new StudentRepository(transaction, actor.context).profile();
        if (profile) forYou = checkListingForStudent(listing, profile.birthdate);
      }
      return { ...listing, forYou };
    });
  }
}

/**
 * Works out the signed-in student's age band and today's season, so that search keeps only listings
 * with a shift they may legally work; 'none' when no band fits their age.
 */
async function workableFilter(transaction: DatabaseTransaction, actor: Actor): Promise<WorkableFilter | 'none'> {
  if (actor.context.actorRole !== 'student') {
    throw new AppError('Forbidden', 'Only students can filter to jobs they can legally work.', 'workable');
  }
  const profile = await new StudentRepository(transaction, actor.context).profile();
  if (!profile) throw new AppError('Forbidden', 'Finish your student profile to filter by what you can work.');
  const today = ohioToday();
  const band = ageBand(ageOn(profile.birthdate, today));
  if (!band) return 'none';
  return { band, season: seasonOf(today) };
}
