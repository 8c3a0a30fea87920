import type { ApplicationStatus } from '../schema.ts';
import { TenantRepository } from '../tenant-repository.ts';
import type { ApplicationChange } from './applications.ts';

/** Statuses in which the employer owes the next step: look, shortlist, ask for contact or decide. */
export const WAITING_ON_EMPLOYER: readonly ApplicationStatus[] = [
  'submitted',
  'viewed',
  'shortlisted',
  'contact_shared',
];

/**
 * An application in the employer's limited view. The contact fields are filled only while the
 * student shares contact details; the applicant projection leaves them empty otherwise.
 */
export interface EmployerApplication {
  applicationId: string;
  listingId: string;
  listingTitle: string;
  givenName: string;
  familyName: string;
  ageBand: string | null;
  schoolName: string;
  message: string;
  status: ApplicationStatus;
  createdAt: Date;
  updatedAt: Date;
  contactEmail: string | null;
  contactPhone: string | null;
}

/** The state that the employer's actions on an application depend on. The student's id stays inside the API. */
export interface EmployerApplicationState {
  applicationId: string;
  listingId: string;
  studentId: string;
  status: ApplicationStatus;
  contactSharing: boolean;
  contactDeclinedAt: Date | null;
  contactRevokedAt: Date | null;
  /** Whether the student has blocked this organization. */
  blockedByStudent: boolean;
}

export interface WaitingCount {
  listingId: string;
  listingTitle: string;
  waiting: number;
}

export interface EmployerApplicationFilter {
  listingId?: string;
  status?: ApplicationStatus;
}

/** An organization's applications, read through the applicant projection. */
export class EmployerApplicationRepository extends TenantRepository {
  /** Withdrawn applications leave the view, even while the student has others with this organization. */
  private selectApplicants() {
    return this.selectFrom('applicant_projection')
      .innerJoin('listings', 'listings.id', 'applicant_projection.listing_id')
      .where('applicant_projection.status', '<>', 'withdrawn')
      .select([
        'applicant_projection.application_id',
        'applicant_projection.listing_id',
        'listings.title',
        'applicant_projection.given_name',
        'applicant_projection.family_name',
        'applicant_projection.age_band',
        'applicant_projection.school_name',
        'applicant_projection.message',
        'applicant_projection.status',
        'applicant_projection.created_at',
        'applicant_projection.updated_at',
        'applicant_projection.contact_email',
        'applicant_projection.contact_phone',
      ]);
  }

  async list(filter: EmployerApplicationFilter): Promise<EmployerApplication[]> {
    let query = this.selectApplicants();
    if (filter.listingId) query = query.where('applicant_projection.listing_id', '=', filter.listingId);
    if (filter.status) query = query.where('applicant_projection.status', '=', filter.status);
    const rows = await query.orderBy('applicant_projection.created_at', 'desc').limit(500).execute();
    return rows.map(toEmployerApplication);
  }

  async get(applicationId: string): Promise<EmployerApplication | null> {
    const row = await this.selectApplicants()
      .where('applicant_projection.application_id', '=', applicationId)
      .executeTakeFirst();
    return row ? toEmployerApplication(row) : null;
  }

  /** Returns null for another organization's application, a missing one and a withdrawn one. */
  async state(applicationId: string): Promise<EmployerApplicationState | null> {
    const row = await this.selectFrom('applications')
      .where('applications.id', '=', applicationId)
      .where('applications.status', '<>', 'withdrawn')
      .select((eb) => [
        'applications.id',
        'applications.listing_id',
        'applications.student_id',
        'applications.status',
        'applications.contact_sharing',
        'applications.contact_declined_at',
        'applications.contact_revoked_at',
        eb
          .exists(
            eb
              .selectFrom('student_blocks')
              .whereRef('student_blocks.student_id', '=', 'applications.student_id')
              .where('student_blocks.organization_id', '=', this.organizationId),
          )
          .as('blocked'),
      ])
      .executeTakeFirst();
    if (!row) return null;
    return {
      applicationId: row.id,
      listingId: row.listing_id,
      studentId: row.student_id,
      status: row.status,
      contactSharing: row.contact_sharing,
      contactDeclinedAt: row.contact_declined_at,
      contactRevokedAt: row.contact_revoked_at,
      blockedByStudent: Boolean(row.blocked),
    };
  }

  /** Changes the application if it still has the expected status. Returns false when it changed first. */
  async change(applicationId: string, expected: ApplicationStatus, change: ApplicationChange): Promise<boolean> {
    const updated = await this.updateTable('applications')
      .set({ ...change, updated_at: new Date() })
      .where('applications.id', '=', applicationId)
      .where('applications.status', '=', expected)
      .returning('applications.id')
      .executeTakeFirst();
    if (!updated) return false;
    await this.audit({
      action: 'application.status_changed',
      targetType: 'application',
      targetId: applicationId,
      details: { from: expected, to: change.status },
    });
    return true;
  }

  /** Counts the applications waiting on the organization, per listing, leaving out listings with none. */
  async waitingCounts(): Promise<WaitingCount[]> {
    const rows = await this.selectFrom('applications')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .where('applications.status', 'in', [...WAITING_ON_EMPLOYER])
      .groupBy(['applications.listing_id', 'listings.title'])
      .select((eb) => ['applications.listing_id', 'listings.title', eb.fn.countAll<string>().as('waiting')])
      .orderBy('listings.title')
      .execute();
    return rows.map((row) => ({ listingId: row.listing_id, listingTitle: row.title, waiting: Number(row.waiting) }));
  }
}

function toEmployerApplication(row: {
  application_id: string;
  listing_id: string;
  title: string;
  given_name: string;
  family_name: string;
  age_band: string | null;
  school_name: string;
  message: string;
  status: ApplicationStatus;
  created_at: Date;
  updated_at: Date;
  contact_email: string | null;
  contact_phone: string | null;
}): EmployerApplication {
  return {
    applicationId: row.application_id,
    listingId: row.listing_id,
    listingTitle: row.title,
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
  };
}
