import type { DatabaseTransaction, RequestContext } from '../context.ts';
import type { ApplicationStatus } from '../schema.ts';

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
  ): Promise<{ id: string; status: ApplicationStatus }> {
    const row = await this.transaction
      .insertInto('applications')
      .values({ listing_id: listingId, organization_id: organizationId, student_id: this.studentId, message })
      .onConflict((conflict) => conflict.columns(['listing_id', 'student_id']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) throw new DuplicateApplicationError();
    return row;
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
      employerName: row.trading_name ?? 'Employer no longer on ClockIn',
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}
