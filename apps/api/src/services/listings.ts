import {
  expireDueListings,
  ListingRepository,
  ReferenceRepository,
  tenantScope,
  withContext,
  type Applicant,
  type Database,
  type DatabaseTransaction,
  type EmployerListing,
  type EmployerListingDetail,
  type ExpiredListing,
  type ListingCategory,
  type ListingSeason,
  type ListingStatus,
  type NewListing,
  type PayUnit,
  type ShiftTemplate,
  type StatusChange,
} from '@clockin/db';
import type { DutyId } from '@clockin/domain';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, requireVerifiedOrganization, type Actor } from './actors.ts';
import { checkListingSchedule, ohioToday, toMinimumAge } from './labor.ts';
import {
  checkDates,
  checkDatesForSubmission,
  checkPay,
  checkSchedule,
  editedFields,
  requireStatus,
  reviewedChanges,
} from './listing-rules.ts';

/** A listing as the employer writes it. Omitted optional fields take defaults on create and keep their value on edit. */
export interface ListingInput {
  title: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  duties?: DutyId[];
  minimumAge?: number;
  startsOn?: string;
  category?: ListingCategory;
  season?: ListingSeason;
  positions?: number;
  closingDate?: string | null;
}

/** A listing input with every optional field filled in. */
type CompleteInput = Required<Omit<ListingInput, 'closingDate'>> & { closingDate: string | null };

export interface SavedListing {
  id: string;
  status: ListingStatus;
}

export interface EditedListing extends SavedListing {
  /** True when the edit changed a reviewed field of a published listing, which is back in review. */
  returnedToReview: boolean;
}

/** An organization's own listings through their lifecycle, and their applicants. */
export class ListingService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Saves a new listing as a draft, or submits it for review straight away (the default). */
  async create(actor: Actor, input: ListingInput, options: { draft?: boolean } = {}): Promise<SavedListing> {
    requireRole(actor, 'employer');
    if (!options.draft) requireVerifiedOrganization(actor);
    const today = ohioToday();
    const complete: CompleteInput = {
      duties: [],
      minimumAge: 15,
      startsOn: today,
      category: 'other',
      season: 'both',
      positions: 1,
      closingDate: null,
      ...input,
    };
    return withContext(this.db, actor.context, async (transaction) => {
      const listing = await prepareListing(transaction, complete, today, null);
      const status = options.draft ? 'draft' : 'submitted';
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      const created = await listings.create(listing, actor.context.userId as string, status);
      await listings.recordEvent(created.id, status === 'draft' ? 'listing.drafted' : 'listing.submitted');
      return created;
    });
  }

  /**
   * Replaces a listing's fields. A published listing whose schedule, duties, pay or description
   * changed goes back to review and leaves search until staff approve it again.
   */
  async update(actor: Actor, listingId: string, input: ListingInput): Promise<EditedListing> {
    requireRole(actor, 'employer');
    return withContext(this.db, actor.context, async (transaction) => {
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      const current = await listings.get(listingId, true);
      if (!current) throw notFound('The listing');
      requireStatus('edit', current.status);

      const saved = {
        duties: current.duties as DutyId[],
        minimumAge: current.minimumAge,
        startsOn: current.startsOn ?? ohioToday(),
        category: current.category,
        season: current.season,
        positions: current.positions,
        closingDate: current.closingDate,
      };
      const listing = await prepareListing(transaction, { ...saved, ...input }, ohioToday(), current);
      const reviewed = current.status === 'published' ? reviewedChanges(current, listing) : [];
      const change: StatusChange | null = reviewed.length > 0 ? { status: 'submitted', submittedAt: new Date() } : null;
      await listings.update(listingId, listing, change);

      const edited = editedFields(current, listing);
      if (edited.length > 0) await listings.recordEvent(listingId, 'listing.edited', { fields: edited.join(',') });
      if (change) await listings.recordEvent(listingId, 'listing.returned_to_review', { fields: reviewed.join(',') });
      return { id: listingId, status: change?.status ?? current.status, returnedToReview: change !== null };
    });
  }

  /** Sends a draft or a rejected listing to staff review. Only verified organizations may. */
  async submit(actor: Actor, listingId: string): Promise<SavedListing> {
    requireVerifiedOrganization(actor);
    return this.transition(actor, listingId, 'submit', (current) => {
      checkDatesForSubmission(current, ohioToday());
      return { status: 'submitted', submittedAt: new Date() };
    });
  }

  /** Stops a listing in review or in search from taking applications. */
  async close(actor: Actor, listingId: string): Promise<SavedListing> {
    requireRole(actor, 'employer');
    return this.transition(actor, listingId, 'close', () => ({ status: 'closed', closedAt: new Date() }));
  }

  /** Records that the job is filled; it leaves search if it was still there. */
  async markFilled(actor: Actor, listingId: string): Promise<SavedListing> {
    requireRole(actor, 'employer');
    return this.transition(actor, listingId, 'fill', (current) => ({
      status: 'filled',
      ...(current.closedAt ? {} : { closedAt: new Date() }),
    }));
  }

  private async transition(
    actor: Actor,
    listingId: string,
    action: 'submit' | 'close' | 'fill',
    next: (current: EmployerListingDetail) => StatusChange,
  ): Promise<SavedListing> {
    return withContext(this.db, actor.context, async (transaction) => {
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      const current = await listings.get(listingId, true);
      if (!current) throw notFound('The listing');
      requireStatus(action, current.status);
      const change = next(current);
      await listings.setStatus(listingId, change);
      await listings.recordEvent(listingId, `listing.${change.status}`, { from: current.status });
      return { id: listingId, status: change.status };
    });
  }

  async getForEmployer(actor: Actor, listingId: string): Promise<EmployerListingDetail> {
    requireRole(actor, 'employer');
    const listing = await withContext(this.db, actor.context, (transaction) =>
      new ListingRepository(tenantScope(transaction, actor.context)).get(listingId),
    );
    if (!listing) throw notFound('The listing');
    return listing;
  }

  async listForEmployer(actor: Actor): Promise<EmployerListing[]> {
    requireRole(actor, 'employer');
    return withContext(this.db, actor.context, (transaction) =>
      new ListingRepository(tenantScope(transaction, actor.context)).list(),
    );
  }

  /** Applicants in the limited view, each with the listing's shifts they may legally work. */
  async applicants(actor: Actor, listingId: string): Promise<Array<Applicant & { legalShiftTimes: ShiftTemplate[] }>> {
    requireRole(actor, 'employer');
    return withContext(this.db, actor.context, async (transaction) => {
      const listings = new ListingRepository(tenantScope(transaction, actor.context));
      // Another organization's listing is indistinguishable from one that does not exist.
      const schedule = await listings.schedule(listingId);
      if (!schedule) throw notFound('The listing');
      const applicants = await listings.applicants(listingId);
      return applicants.map((applicant) => ({
        ...applicant,
        legalShiftTimes: applicant.legalShifts.flatMap((index) => (schedule[index] ? [schedule[index]] : [])),
      }));
    });
  }
}

/**
 * Validates a listing and works out what is stored beside it: the ZIP's location and the labor
 * engine's summary, which every save recomputes so the summary always matches the schedule.
 */
async function prepareListing(
  transaction: DatabaseTransaction,
  input: CompleteInput,
  today: string,
  current: EmployerListingDetail | null,
): Promise<NewListing> {
  checkSchedule(input.schedule);
  checkPay(input.payMinCents, input.payMaxCents);
  checkDates({ startsOn: input.startsOn, closingDate: input.closingDate }, today, current);
  const duties = [...new Set(input.duties)];
  const minimumAge = toMinimumAge(input.minimumAge);
  const { summary } = checkListingSchedule({ schedule: input.schedule, duties, minimumAge });
  const centroid = await new ReferenceRepository(transaction).zipCentroid(input.zip);
  if (!centroid) throw new AppError('ValidationError', `ZIP ${input.zip} is not an Ohio ZIP code.`, 'zip');
  return {
    ...input,
    ...centroid,
    duties,
    minimumAge,
    laborSummary: summary,
    schoolYearBands: summary.schoolYear.workableBands,
    summerBands: summary.summer.workableBands,
  };
}

/**
 * Expires every listing due at `now`: published or submitted listings past their closing date
 * (Ohio time), and published listings first published 60 or more days before `now`. Each one
 * gets a `listing.expired` audit event. Meant for a daily schedule; safe to run at any time.
 */
export async function expireListings(db: Kysely<Database>, now: Date): Promise<ExpiredListing[]> {
  return expireDueListings(db, now);
}
