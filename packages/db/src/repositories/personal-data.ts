import type { DatabaseTransaction, RequestContext } from '../context.ts';

/** Everything ClockIn's database holds about one student, for their own download. */
export interface PersonalData {
  profile: Record<string, unknown> | null;
  applications: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  reports: Record<string, unknown>[];
  blockedEmployers: Record<string, unknown>[];
}

/**
 * The signed-in student's own data and data export records. Row-level security limits every
 * query to the student's rows, and the explicit filters repeat that for the reader.
 */
export class PersonalDataRepository {
  constructor(
    private readonly transaction: DatabaseTransaction,
    private readonly context: RequestContext,
  ) {}

  private get userId(): string {
    if (!this.context.userId) throw new Error('Personal data needs a signed-in student.');
    return this.context.userId;
  }

  async collect(): Promise<PersonalData> {
    const profile = await this.transaction
      .selectFrom('students')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .leftJoin('student_birthdates', 'student_birthdates.user_id', 'students.user_id')
      .leftJoin('student_contacts', 'student_contacts.user_id', 'students.user_id')
      .where('students.user_id', '=', this.userId)
      .select([
        'students.user_id as userId',
        'students.given_name as givenName',
        'students.family_name as familyName',
        'student_birthdates.birthdate',
        'student_contacts.email',
        'student_contacts.phone',
        'schools.name as school',
        'students.grade_level as gradeLevel',
        'students.created_at as joinedAt',
      ])
      .executeTakeFirst();
    const applications = await this.transaction
      .selectFrom('applications')
      .innerJoin('listings', 'listings.id', 'applications.listing_id')
      .leftJoin('organizations', 'organizations.id', 'applications.organization_id')
      .where('applications.student_id', '=', this.userId)
      .select([
        'applications.id',
        'listings.title as listing',
        'organizations.trading_name as employer',
        'applications.message',
        'applications.status',
        'applications.created_at as sentAt',
        'applications.updated_at as updatedAt',
        'applications.viewed_at as viewedAt',
        'applications.contact_requested_at as contactRequestedAt',
        'applications.contact_shared_at as contactSharedAt',
        'applications.contact_declined_at as contactDeclinedAt',
        'applications.contact_revoked_at as contactRevokedAt',
        'applications.contact_sharing as sharingContactNow',
        'applications.decided_at as decidedAt',
      ])
      .orderBy('applications.created_at')
      .execute();
    const messages = await this.transaction
      .selectFrom('messages')
      .where('messages.student_id', '=', this.userId)
      .select([
        'messages.application_id as applicationId',
        'messages.sender_role as from',
        'messages.body',
        'messages.created_at as sentAt',
        'messages.read_at as readAt',
      ])
      .orderBy('messages.created_at')
      .execute();
    const reports = await this.transaction
      .selectFrom('reports')
      .where('reports.reporter_id', '=', this.userId)
      .select([
        'reports.id',
        'reports.target_type as about',
        'reports.category',
        'reports.details',
        'reports.status',
        'reports.created_at as filedAt',
      ])
      .orderBy('reports.created_at')
      .execute();
    const blockedEmployers = await this.transaction
      .selectFrom('student_blocks')
      .innerJoin('organizations', 'organizations.id', 'student_blocks.organization_id')
      .where('student_blocks.student_id', '=', this.userId)
      .select(['organizations.trading_name as employer', 'student_blocks.created_at as blockedAt'])
      .execute();
    return { profile: profile ?? null, applications, messages, reports, blockedEmployers };
  }

  async createExport(): Promise<string> {
    const row = await this.transaction
      .insertInto('personal_exports')
      .values({ user_id: this.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async exportStatus(exportId: string) {
    return this.transaction
      .selectFrom('personal_exports')
      .where('id', '=', exportId)
      .where('user_id', '=', this.userId)
      .select(['id', 'status', 'progress', 'byte_size', 'created_at', 'completed_at', 'expires_at'])
      .executeTakeFirst();
  }

  async latestExports(limit = 5) {
    return this.transaction
      .selectFrom('personal_exports')
      .where('user_id', '=', this.userId)
      .select(['id', 'status', 'progress', 'byte_size', 'created_at', 'completed_at', 'expires_at'])
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  async updateExport(
    exportId: string,
    change: { status?: 'running' | 'completed' | 'failed'; progress?: number; byteSize?: number; expiresAt?: Date },
  ): Promise<void> {
    await this.transaction
      .updateTable('personal_exports')
      .set({
        ...(change.status ? { status: change.status } : {}),
        ...(change.progress !== undefined ? { progress: change.progress } : {}),
        ...(change.byteSize !== undefined ? { byte_size: String(change.byteSize) } : {}),
        ...(change.expiresAt ? { expires_at: change.expiresAt } : {}),
        ...(change.status === 'completed' ? { completed_at: new Date() } : {}),
      })
      .where('id', '=', exportId)
      .where('user_id', '=', this.userId)
      .execute();
  }
}
