import type { ListingLaborSummary } from '@clockin/domain';
import type { ListingCategory, ListingSeason, ListingStatus, PayUnit, ShiftTemplate } from '../schema.ts';
import { TenantRepository } from '../tenant-repository.ts';

export interface NewListing {
  title: string;
  description: string;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  latitude: number;
  longitude: number;
  schedule: ShiftTemplate[];
  duties: string[];
  minimumAge: number;
  /** First day of work (YYYY-MM-DD). */
  startsOn: string;
  /** The labor engine's summary of the schedule for each age band, stored as computed. */
  laborSummary: ListingLaborSummary;
  /** Bands that may work at least one shift in a school week and in a summer week. */
  schoolYearBands: string[];
  summerBands: string[];
  /** Defaults to 'other' in the database. */
  category?: ListingCategory;
  /** Defaults to 'both' in the database. */
  season?: ListingSeason;
  /** Defaults to 1 in the database. */
  positions?: number;
  /** Last day that takes applications (YYYY-MM-DD), or null for the 60-day limit only. */
  closingDate?: string | null;
}

export interface EmployerListing {
  id: string;
  title: string;
  status: ListingStatus;
  rejectionReason: string | null;
  city: string;
  zip: string;
  createdAt: Date;
  publishedAt: Date | null;
  applicationCount: number;
  minimumAge: number;
  startsOn: string | null;
  laborSummary: ListingLaborSummary | null;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  closingDate: string | null;
  submittedAt: Date | null;
  closedAt: Date | null;
}

/** Everything the employer entered on a listing, with its review state, for editing. */
export interface EmployerListingDetail {
  id: string;
  status: ListingStatus;
  rejectionReason: string | null;
  title: string;
  description: string;
  category: ListingCategory;
  season: ListingSeason;
  positions: number;
  payMinCents: number;
  payMaxCents: number | null;
  payUnit: PayUnit;
  addressLine: string;
  city: string;
  zip: string;
  schedule: ShiftTemplate[];
  duties: string[];
  minimumAge: number;
  startsOn: string | null;
  closingDate: string | null;
  laborSummary: ListingLaborSummary | null;
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  closedAt: Date | null;
}

/** Timestamps that a status change sets besides the status. */
export interface StatusChange {
  status: ListingStatus;
  submittedAt?: Date;
  closedAt?: Date;
}

export interface Applicant {
  applicationId: string;
  givenName: string;
  familyName: string;
  ageBand: string | null;
  schoolName: string;
  message: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  contactEmail: string | null;
  contactPhone: string | null;
  /** Indexes of the listing's shifts this applicant may legally work. */
  legalShifts: number[];
}

/** Column values of a listing's editable fields. */
function fieldColumns(listing: NewListing) {
  return {
    title: listing.title,
    description: listing.description,
    pay_min_cents: listing.payMinCents,
    pay_max_cents: listing.payMaxCents,
    pay_unit: listing.payUnit,
    address_line: listing.addressLine,
    city: listing.city,
    zip: listing.zip,
    latitude: listing.latitude,
    longitude: listing.longitude,
    schedule: JSON.stringify(listing.schedule),
    duties: listing.duties,
    minimum_age: listing.minimumAge,
    starts_on: listing.startsOn,
    labor_summary: JSON.stringify(listing.laborSummary),
    school_year_bands: listing.schoolYearBands,
    summer_bands: listing.summerBands,
    ...(listing.category === undefined ? {} : { category: listing.category }),
    ...(listing.season === undefined ? {} : { season: listing.season }),
    ...(listing.positions === undefined ? {} : { positions: listing.positions }),
    ...(listing.closingDate === undefined ? {} : { closing_date: listing.closingDate }),
  };
}

/** An organization's own listings and their applicants. */
export class ListingRepository extends TenantRepository {
  /** Saves a new listing as a draft or straight into the review queue (the default). */
  async create(
    listing: NewListing,
    createdBy: string,
    status: 'draft' | 'submitted' = 'submitted',
  ): Promise<{ id: string; status: ListingStatus }> {
    return this.insertInto('listings', {
      ...fieldColumns(listing),
      status,
      submitted_at: status === 'submitted' ? new Date() : null,
      created_by: createdBy,
    })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow() as Promise<{ id: string; status: ListingStatus }>;
  }

  async list(): Promise<EmployerListing[]> {
    const rows = await this.selectFrom('listings')
      .select((eb) => [
        'listings.id',
        'listings.title',
        'listings.status',
        'listings.rejection_reason',
        'listings.city',
        'listings.zip',
        'listings.created_at',
        'listings.published_at',
        'listings.minimum_age',
        'listings.starts_on',
        'listings.labor_summary',
        'listings.category',
        'listings.season',
        'listings.positions',
        'listings.closing_date',
        'listings.submitted_at',
        'listings.closed_at',
        // Counted through the applicant projection, as the applicants page lists them, so a
        // deleted student's application leaves the count when it leaves the page.
        eb
          .selectFrom('applicant_projection')
          .whereRef('applicant_projection.listing_id', '=', 'listings.id')
          .where('applicant_projection.organization_id', '=', this.organizationId)
          .select((count) => count.fn.countAll<string>().as('n'))
          .as('application_count'),
      ])
      .orderBy('listings.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      rejectionReason: row.rejection_reason,
      city: row.city,
      zip: row.zip,
      createdAt: row.created_at,
      publishedAt: row.published_at,
      applicationCount: Number(row.application_count ?? 0),
      minimumAge: row.minimum_age,
      startsOn: row.starts_on,
      laborSummary: row.labor_summary,
      category: row.category,
      season: row.season,
      positions: row.positions,
      closingDate: row.closing_date,
      submittedAt: row.submitted_at,
      closedAt: row.closed_at,
    }));
  }

  /**
   * Returns one listing of this organization with every field, or null when it has none with this id.
   * With `lock`, the row stays locked until the transaction ends, so a status check and the
   * change that follows it cannot interleave with another request's.
   */
  async get(listingId: string, lock = false): Promise<EmployerListingDetail | null> {
    let query = this.selectFrom('listings')
      .where('listings.id', '=', listingId)
      .select([
        'listings.id',
        'listings.status',
        'listings.rejection_reason',
        'listings.title',
        'listings.description',
        'listings.category',
        'listings.season',
        'listings.positions',
        'listings.pay_min_cents',
        'listings.pay_max_cents',
        'listings.pay_unit',
        'listings.address_line',
        'listings.city',
        'listings.zip',
        'listings.schedule',
        'listings.duties',
        'listings.minimum_age',
        'listings.starts_on',
        'listings.closing_date',
        'listings.labor_summary',
        'listings.created_at',
        'listings.submitted_at',
        'listings.published_at',
        'listings.first_published_at',
        'listings.closed_at',
      ]);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      rejectionReason: row.rejection_reason,
      title: row.title,
      description: row.description,
      category: row.category,
      season: row.season,
      positions: row.positions,
      payMinCents: row.pay_min_cents,
      payMaxCents: row.pay_max_cents,
      payUnit: row.pay_unit,
      addressLine: row.address_line,
      city: row.city,
      zip: row.zip,
      schedule: row.schedule,
      duties: row.duties,
      minimumAge: row.minimum_age,
      startsOn: row.starts_on,
      closingDate: row.closing_date,
      laborSummary: row.labor_summary,
      createdAt: row.created_at,
      submittedAt: row.submitted_at,
      publishedAt: row.published_at,
      firstPublishedAt: row.first_published_at,
      closedAt: row.closed_at,
    };
  }

  /** Replaces the listing's editable fields, and its status when `change` is given. */
  async update(listingId: string, listing: NewListing, change: StatusChange | null): Promise<void> {
    await this.updateTable('listings')
      .set({
        ...fieldColumns(listing),
        ...(change ? statusColumns(change) : {}),
        updated_at: new Date(),
      })
      .where('listings.id', '=', listingId)
      .executeTakeFirstOrThrow();
  }

  async setStatus(listingId: string, change: StatusChange): Promise<void> {
    await this.updateTable('listings')
      .set({ ...statusColumns(change), updated_at: new Date() })
      .where('listings.id', '=', listingId)
      .executeTakeFirstOrThrow();
  }

  /** Writes an audit event about one of this organization's listings. */
  async recordEvent(listingId: string, action: string, details?: Record<string, string | number | boolean>) {
    await this.audit({ action, targetType: 'listing', targetId: listingId, details });
  }

  async exists(listingId: string): Promise<boolean> {
    return (await this.schedule(listingId)) !== null;
  }

  /** Returns the listing's weekly schedule, or null when this organization has no such listing. */
  async schedule(listingId: string): Promise<ShiftTemplate[] | null> {
    const row = await this.selectFrom('listings')
      .where('listings.id', '=', listingId)
      .select('listings.schedule')
      .executeTakeFirst();
    return row ? row.schedule : null;
  }

  /** Applicants in the limited view: the projection carries no email, phone, birthdate or grade. */
  async applicants(listingId: string): Promise<Applicant[]> {
    const rows = await this.selectFrom('applicant_projection')
      .where('applicant_projection.listing_id', '=', listingId)
      .selectAll()
      .orderBy('applicant_projection.created_at', 'asc')
      .execute();
    return rows.map((row) => ({
      applicationId: row.application_id,
      givenName: row.given_name,
      familyName: row.family_name,
      ageBand: row.age_band,
      schoolName: row.school_name,
      message: row.message,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
      legalShifts: row.legal_shifts,
    }));
  }
}

function statusColumns(change: StatusChange) {
  return {
    status: change.status,
    ...(change.submittedAt ? { submitted_at: change.submittedAt, rejection_reason: null } : {}),
    ...(change.closedAt ? { closed_at: change.closedAt } : {}),
  };
}
