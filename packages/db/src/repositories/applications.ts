import type { Updateable } from 'kysely';
import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { ApplicationStatus, ApplicationTable } from '../schema.ts';

/** Statuses before a decision: the student may still withdraw and the no-decision rule applies. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'viewed',
  'shortlisted',
  'contact_requested',
  'contact_shared',
];

/**
 * The columns a status change may set, besides `status` and `updated_at`. The listing, the
 * student and the message never change, and the database rejects any attempt.
 */
export type ApplicationChange = Pick<
  Updateable<ApplicationTable>,
  | 'status'
  | 'viewed_at'
  | 'contact_requested_at'
  | 'contact_declined_at'
  | 'contact_shared_at'
  | 'contact_revoked_at'
  | 'contact_sharing'
  | 'decided_at'
> & { status: ApplicationStatus };

/** A student's application with what the student needs to act on it. */
export interface StudentApplicationDetail extends StudentApplication {
  organizationId: string;
  message: string;
  contactSharing: boolean;
  contactRequestedAt: Date | null;
  /** Whether the student has blocked the employer. */
  employerBlocked: boolean;
}

export interface StudentApplication {
  id: string;
  listingId: string;
  listingTitle: string;
  employerName: string;
  status: ApplicationStatus;
  createdAt: Date;
  updatedAt: Date;
}

export class DuplicateApplicationError extends Error {
  constructor() {
    super('This student has already applied to this listing.');
    this.name = 'DuplicateApplicationError';
  }
}

/** Shown for an employer whose organization the student can no longer see, such as a suspended one. */
const EMPLOYER_GONE = 'Employer no longer on ClockIn';

/** The signed-in student's applications. */
export class ApplicationRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get studentId(): string {
    if (!this.context.userId) throw new Error('An application repository needs a signed-in student.');
    return this.context.userId;
  }

  async create(
    listingId: string,
    organizationId: string,
    message: string,
    legalShifts: number[],
  ): Promise<{ id: string; status: ApplicationStatus }> {
    const row = await this.transaction
      .insertInto('applications')
      .values({
        listing_id: listingId,
        organization_id: organizationId,
        student_id: this.studentId,
        message,
        legal_shifts: legalShifts,
      })
      .onConflict((conflict) => conflict.columns(['listing_id', 'student_id']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) throw new DuplicateApplicationError();
    return row;
  }

  /** Returns the student's own application, or null when the student has no application with this id. */
  async detail(applicationId: string): Promise<StudentApplicationDetail | null> {
    const row = await this.transaction
      .selectFrom('applications')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .leftJoin('organizations', 'organizations.id', 'applications.organization_id')
      .where('applications.id', '=', applicationId)
      .where('applications.student_id', '=', this.studentId)
      .select((eb) => [
        'applications.id',
        'applications.listing_id',
        'applications.organization_id',
        'listings.title',
        'organizations.trading_name',
        'applications.message',
        'applications.status',
        'applications.contact_sharing',
        'applications.contact_requested_at',
        'applications.created_at',
        'applications.updated_at',
        eb
          .exists(
            eb
              .selectFrom('student_blocks')
              .whereRef('student_blocks.organization_id', '=', 'applications.organization_id')
              .where('student_blocks.student_id', '=', this.studentId),
          )
          .as('blocked'),
      ])
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      listingId: row.listing_id,
      listingTitle: row.title,
      employerName: row.trading_name ?? EMPLOYER_GONE,
      organizationId: row.organization_id,
      message: row.message,
      status: row.status,
      contactSharing: row.contact_sharing,
      contactRequestedAt: row.contact_requested_at,
      employerBlocked: Boolean(row.blocked),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Changes the student's application if it still has the expected status. Returns false when
   * another request changed it first.
   */
  async change(applicationId: string, expected: ApplicationStatus, change: ApplicationChange): Promise<boolean> {
    const updated = await this.transaction
      .updateTable('applications')
      .set({ ...change, updated_at: new Date() })
      .where('id', '=', applicationId)
      .where('student_id', '=', this.studentId)
      .where('status', '=', expected)
      .returning('id')
      .executeTakeFirst();
    return updated !== undefined;
  }

  async listMine(): Promise<StudentApplication[]> {
    const rows = await this.transaction
      .selectFrom('applications')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .leftJoin('organizations', 'organizations.id', 'listings.organization_id')
      .where('applications.student_id', '=', this.studentId)
      .select([
        'applications.id',
        'applications.listing_id',
        'listings.title',
        'organizations.trading_name',
        'applications.status',
        'applications.created_at',
        'applications.updated_at',
      ])
      .orderBy('applications.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      listingId: row.listing_id,
      listingTitle: row.title,
      employerName: row.trading_name ?? EMPLOYER_GONE,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}

/** The student's own phone number, which employers see only while the student shares contact details. */
export class StudentContactRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get studentId(): string {
    if (!this.context.userId) throw new Error('A student contact repository needs a signed-in student.');
    return this.context.userId;
  }

  async phone(): Promise<string | null> {
    const row = await this.transaction
      .selectFrom('student_contacts')
      .where('user_id', '=', this.studentId)
      .select('phone')
      .executeTakeFirst();
    return row?.phone ?? null;
  }

  /** Sets or clears the phone number. Returns false when the student has no profile yet. */
  async setPhone(phone: string | null): Promise<boolean> {
    const updated = await this.transaction
      .updateTable('student_contacts')
      .set({ phone })
      .where('user_id', '=', this.studentId)
      .returning('user_id')
      .executeTakeFirst();
    return updated !== undefined;
  }
}
