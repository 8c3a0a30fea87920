import type { ListingStatus, PayUnit, ShiftTemplate } from '../schema.ts';
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
}

/** An organization's own listings and their applicants. */
export class ListingRepository extends TenantRepository {
  async create(listing: NewListing, createdBy: string): Promise<{ id: string; status: ListingStatus }> {
    return this.insertInto('listings', {
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
      status: 'submitted',
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
        eb
          .selectFrom('applications')
          .whereRef('applications.listing_id', '=', 'listings.id')
          .where('applications.organization_id', '=', this.organizationId)
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
    }));
  }

  async exists(listingId: string): Promise<boolean> {
    const row = await this.selectFrom('listings')
      .where('listings.id', '=', listingId)
      .select('listings.id')
      .executeTakeFirst();
    return row !== undefined;
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
    }));
  }
}
