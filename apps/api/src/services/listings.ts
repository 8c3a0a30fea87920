import {
  decodeListingCursor,
  ListingRepository,
  PublishedListingRepository,
  ReferenceRepository,
  tenantScope,
  withContext,
  type Applicant,
  type Database,
  type EmployerListing,
  type ListingPage,
  type NewListing,
  type PublishedListing,
  type ShiftTemplate,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export type ListingInput = Omit<NewListing, 'latitude' | 'longitude'>;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function checkSchedule(schedule: ShiftTemplate[]): void {
  schedule.forEach((shift, index) => {
    if (shift.start === shift.end) {
      throw new AppError('ValidationError', 'A shift cannot end at the time it starts.', `schedule.${index}.end`);
    }
    const length = (minutes(shift.end) - minutes(shift.start) + 24 * 60) % (24 * 60);
    if (shift.breakMinutes >= length) {
      throw new AppError(
        'ValidationError',
        'The break must be shorter than the shift.',
        `schedule.${index}.breakMinutes`,
      );
    }
  });
}

export class ListingService {
  constructor(private readonly db: Kysely<Database>) {}

  async listPublished(actor: Actor, limit: number, cursor: string | undefined): Promise<ListingPage> {
    const position = cursor ? decodeListingCursor(cursor) : null;
    if (cursor && !position)
      throw new AppError('ValidationError', 'cursor is invalid: use the nextCursor of a previous page.', 'cursor');
    return withContext(this.db, actor.context, (transaction) =>
      new PublishedListingRepository(transaction).list(limit, position),
    );
  }

  async getPublished(actor: Actor, listingId: string): Promise<PublishedListing> {
    const listing = await withContext(this.db, actor.context, (transaction) =>
      new PublishedListingRepository(transaction).get(listingId),
    );
    if (!listing) throw notFound('The listing');
    return listing;
  }

  async create(actor: Actor, input: ListingInput): Promise<{ id: string; status: string }> {
    requireActiveEmployer(actor);
    checkSchedule(input.schedule);
    if (input.payMaxCents !== null && input.payMaxCents < input.payMinCents) {
      throw new AppError('ValidationError', 'The maximum pay must be at least the minimum pay.', 'payMaxCents');
    }
    return withContext(this.db, actor.context, async (transaction) => {
      const centroid = await new ReferenceRepository(transaction).zipCentroid(input.zip);
      if (!centroid) throw new AppError('ValidationError', `ZIP ${input.zip} is not an Ohio ZIP code.`, 'zip');
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      return listings.create({ ...input, ...centroid }, actor.context.userId as string);
    });
  }

  async listForEmployer(actor: Actor): Promise<EmployerListing[]> {
    requireActiveEmployer(actor);
    return withContext(this.db, actor.context, (transaction) =>
      new ListingRepository(tenantScope(transaction, actor.context)).list(),
    );
  }

  async applicants(actor: Actor, listingId: string): Promise<Applicant[]> {
    requireActiveEmployer(actor);
    return withContext(this.db, actor.context, async (transaction) => {
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      // Another organization's listing is indistinguishable from one that does not exist.
      if (!(await listings.exists(listingId))) throw notFound('The listing');
      return listings.applicants(listingId);
    });
  }
}

function requireActiveEmployer(actor: Actor): void {
  requireRole(actor, 'employer');
  if (actor.membership?.organizationStatus === 'suspended') {
    throw new AppError('Forbidden', 'This organization is suspended. Contact ClockIn support.');
  }
}
