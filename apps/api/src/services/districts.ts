import {
  decodeDistrictStudentCursor,
  DistrictAccessRepository,
  DistrictDashboardRepository,
  DistrictStudentRepository,
  districtScope,
  withContext,
  type Database,
  type DistrictDashboard,
  type DistrictOverview,
  type DistrictScope,
  type DistrictStudentDetail,
  type DistrictStudentPage,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export interface StudentListQuery {
  limit?: number;
  after?: string;
  search?: string;
  schoolId?: string;
}

/** Fails unless the caller is a district administrator whose context names a district. */
export function requireDistrictAdmin(actor: Actor): void {
  requireRole(actor, 'district_admin');
  if (!actor.context.districtId) {
    throw new AppError('Forbidden', 'Your account is not an administrator of a partner district.');
  }
}

/**
 * Runs `work` in the administrator's district scope once the partnership is confirmed active.
 * Routes without ids use it, so an ended partnership reads as 403 rather than an empty district.
 */
async function withActiveDistrict<T>(
  db: Kysely<Database>,
  actor: Actor,
  work: (scope: DistrictScope, district: DistrictOverview) => Promise<T>,
): Promise<T> {
  requireDistrictAdmin(actor);
  return withContext(db, actor.context, async (transaction) => {
    const scope = districtScope(transaction, actor.context);
    const district = await new DistrictAccessRepository(scope).current();
    if (!district) {
      throw new AppError('Forbidden', "Your district's partnership with ClockIn is not active, so its data is closed.");
    }
    return work(scope, district);
  });
}

/** A district administrator's reads: their district's students and aggregates, nothing else. */
export class DistrictService {
  constructor(private readonly db: Kysely<Database>) {}

  async overview(actor: Actor): Promise<DistrictOverview> {
    return withActiveDistrict(this.db, actor, async (_scope, district) => district);
  }

  async dashboard(
    actor: Actor,
    query: { distanceMiles?: number },
  ): Promise<DistrictDashboard & { district: DistrictOverview }> {
    return withActiveDistrict(this.db, actor, async (scope, district) => ({
      district,
      ...(await new DistrictDashboardRepository(scope).dashboard({ distanceMiles: query.distanceMiles ?? 10 })),
    }));
  }

  /** Returns a page of the students in the administrator's own district. */
  async students(actor: Actor, query: StudentListQuery): Promise<DistrictStudentPage> {
    const after = query.after ? decodeDistrictStudentCursor(query.after) : null;
    if (query.after && !after) throw new AppError('ValidationError', 'The page cursor is not valid.', 'after');
    return withActiveDistrict(this.db, actor, (scope) =>
      new DistrictStudentRepository(scope).list({
        limit: query.limit ?? 50,
        after,
        search: query.search ?? null,
        schoolId: query.schoolId ?? null,
      }),
    );
  }

  /**
   * Returns one student of the administrator's district with their applications. Any other id,
   * including another district's student or a deleted account, is a 404, and so is every id
   * while the partnership is not active, because row-level security then shows no student.
   */
  async student(actor: Actor, studentId: string): Promise<DistrictStudentDetail> {
    requireDistrictAdmin(actor);
    const student = await withContext(this.db, actor.context, (transaction) =>
      new DistrictStudentRepository(districtScope(transaction, actor.context)).get(studentId),
    );
    if (!student) throw notFound('A student of your district with this id');
    return student;
  }
}
