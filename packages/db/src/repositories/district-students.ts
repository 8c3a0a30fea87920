import { sql } from 'kysely';
import { DistrictRepository } from '../tenant-repository.ts';
import type { GradeLevel } from '../schema.ts';

/** A district student as the dashboard's list and the exports show them. */
export interface DistrictStudent {
  userId: string;
  givenName: string;
  familyName: string;
  schoolId: string;
  schoolName: string;
  gradeLevel: GradeLevel;
  /** '15', '16–17' or '18+'; null when the student has no birthdate on file. */
  ageBand: string | null;
  joinedAt: Date;
  applicationCount: number;
  hireCount: number;
  /** Number of applications in each status, for statuses that occur. */
  statusCounts: Record<string, number>;
}

/** One of a district student's applications. Never the message. */
export interface DistrictStudentApplication {
  applicationId: string;
  listingId: string;
  listingTitle: string;
  employerName: string;
  status: string;
  appliedAt: Date;
  statusUpdatedAt: Date;
}

export interface DistrictStudentDetail extends DistrictStudent {
  applications: DistrictStudentApplication[];
}

export interface DistrictStudentPage {
  students: DistrictStudent[];
  /** Pass back as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type DistrictStudentCursor = [familyName: string, givenName: string, userId: string];

export interface DistrictStudentQuery {
  limit: number;
  after?: DistrictStudentCursor | null;
  /** Matches the start of the given name, the family name or the full name, ignoring case. */
  search?: string | null;
  schoolId?: string | null;
}

/** Opaque keyset cursor: the last row's family name, given name and user id. */
export function encodeDistrictStudentCursor(student: Pick<DistrictStudent, 'familyName' | 'givenName' | 'userId'>) {
  return Buffer.from(JSON.stringify([student.familyName, student.givenName, student.userId])).toString('base64url');
}

export function decodeDistrictStudentCursor(cursor: string): DistrictStudentCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string')) {
      return value as DistrictStudentCursor;
    }
  } catch {
    // Fall through: a cursor that does not decode is treated as invalid input.
  }
  return null;
}

/** Escapes LIKE wildcards so that a search for "50%" matches the text "50%". */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The students of the district in the request context, for its administrators. */
export class DistrictStudentRepository extends DistrictRepository {
  /** Returns one page of the district's students by name, and writes the read to the audit log. */
  async list(options: DistrictStudentQuery): Promise<DistrictStudentPage> {
    const rows = await this.page(options);
    const students = await this.withSummaries(rows.slice(0, options.limit));
    await this.audit({
      action: 'district.students.viewed',
      targetType: 'district',
      targetId: this.districtId,
      details: { students: students.length, searched: Boolean(options.search), school: options.schoolId ?? null },
    });
    const last = students.at(-1);
    return {
      students,
      nextCursor: rows.length > options.limit && last ? encodeDistrictStudentCursor(last) : null,
    };
  }

  /**
   * Returns one page without writing an audit event, for callers that audit the whole
   * operation themselves, such as an export. Reads one row more than `limit` to tell whether
   * another page follows.
   */
  async unauditedPage(options: DistrictStudentQuery): Promise<{ students: DistrictStudent[]; hasMore: boolean }> {
    const rows = await this.page(options);
    return { students: await this.withSummaries(rows.slice(0, options.limit)), hasMore: rows.length > options.limit };
  }

  /** Returns one student of this district with their applications, or null for any other id. */
  async get(studentId: string): Promise<DistrictStudentDetail | null> {
    const row = await this.baseQuery().where('students.user_id', '=', studentId).executeTakeFirst();
    if (!row) return null;
    const [student] = await this.withSummaries([row]);
    if (!student) return null;
    const applications = await this.applicationsOf([studentId]);
    await this.audit({ action: 'district.student.viewed', targetType: 'student', targetId: studentId });
    return { ...student, applications: applications.get(studentId) ?? [] };
  }

  /** Returns the applications of the given students of this district, newest first, by student id. */
  async applicationsOf(studentIds: readonly string[]): Promise<Map<string, DistrictStudentApplication[]>> {
    const byStudent = new Map<string, DistrictStudentApplication[]>();
    if (studentIds.length === 0) return byStudent;
    const rows = await this.selectApplications(studentIds)
      .selectAll()
      .orderBy('applications.created_at', 'desc')
      .orderBy('applications.application_id')
      .execute();
    for (const row of rows) {
      const list = byStudent.get(row.student_id) ?? [];
      list.push({
        applicationId: row.application_id,
        listingId: row.listing_id,
        listingTitle: row.listing_title,
        employerName: row.employer_name,
        status: row.status,
        appliedAt: new Date(row.created_at),
        statusUpdatedAt: new Date(row.updated_at),
      });
      byStudent.set(row.student_id, list);
    }
    return byStudent;
  }

  /** Counts the district's students that `search` and `schoolId` match. */
  async count(options: Pick<DistrictStudentQuery, 'search' | 'schoolId'> = {}): Promise<number> {
    const row = await this.filtered(this.baseQuery(), options)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('students'))
      .executeTakeFirstOrThrow();
    return Number(row.students);
  }

  private baseQuery() {
    return this.selectFrom('students')
      .innerJoin('schools', 'schools.id', 'students.school_id')
      .where('students.deleted_at', 'is', null)
      .select([
        'students.user_id',
        'students.given_name',
        'students.family_name',
        'students.school_id',
        'schools.name as school_name',
        'students.grade_level',
        'students.created_at',
      ]);
  }

  private filtered<Q extends ReturnType<DistrictStudentRepository['baseQuery']>>(
    query: Q,
    options: Pick<DistrictStudentQuery, 'search' | 'schoolId'>,
  ): Q {
    let filtered = query;
    const search = options.search?.trim();
    if (search) {
      const pattern = likePrefix(search);
      filtered = filtered.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['students.family_name']), 'like', pattern),
          eb(eb.fn('lower', ['students.given_name']), 'like', pattern),
          eb(sql<string>`lower(students.given_name || ' ' || students.family_name)`, 'like', pattern),
        ]),
      ) as Q;
    }
    if (options.schoolId) filtered = filtered.where('students.school_id', '=', options.schoolId) as Q;
    return filtered;
  }

  private async page(options: DistrictStudentQuery) {
    let query = this.filtered(this.baseQuery(), options);
    if (options.after) {
      const [familyName, givenName, userId] = options.after;
      query = query.where((eb) =>
        eb(
          eb.refTuple('students.family_name', 'students.given_name', 'students.user_id'),
          '>',
          eb.tuple(familyName, givenName, userId),
        ),
      );
    }
    return query
      .orderBy('students.family_name')
      .orderBy('students.given_name')
      .orderBy('students.user_id')
      .limit(options.limit + 1)
      .execute();
  }

  /** Adds age band and application counts, read through the narrow database functions. */
  private async withSummaries(
    rows: Awaited<ReturnType<DistrictStudentRepository['page']>>,
  ): Promise<DistrictStudent[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.user_id);
    const [bands, statuses] = await Promise.all([
      this.selectAgeBands(ids).selectAll().execute(),
      this.selectApplications(ids)
        .select(['applications.student_id', 'applications.status'])
        .select((eb) => eb.fn.countAll<string>().as('applications'))
        .groupBy(['applications.student_id', 'applications.status'])
        .execute(),
    ]);
    const bandOf = new Map(bands.map((band) => [band.student_id, band.age_band]));
    const countsOf = new Map<string, Record<string, number>>();
    for (const row of statuses) {
      const counts = countsOf.get(row.student_id) ?? {};
      counts[row.status] = Number(row.applications);
      countsOf.set(row.student_id, counts);
    }
    return rows.map((row) => {
      const statusCounts = countsOf.get(row.user_id) ?? {};
      return {
        userId: row.user_id,
        givenName: row.given_name,
        familyName: row.family_name,
        schoolId: row.school_id,
        schoolName: row.school_name,
        gradeLevel: row.grade_level,
        ageBand: bandOf.get(row.user_id) ?? null,
        joinedAt: row.created_at,
        applicationCount: Object.values(statusCounts).reduce((sum, count) => sum + count, 0),
        hireCount: statusCounts.hired ?? 0,
        statusCounts,
      };
    });
  }
}
