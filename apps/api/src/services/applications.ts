import {
  ApplicationRepository,
  DuplicateApplicationError,
  PublishedListingRepository,
  StudentRepository,
  withContext,
  type Database,
  type StudentApplication,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { requireRole, type Actor } from './actors.ts';

export class ApplicationService {
  constructor(private readonly db: Kysely<Database>) {}

  async apply(actor: Actor, listingId: string, message: string): Promise<{ id: string; status: string }> {
    requireRole(actor, 'student');
    const text = message.trim();
    if (text.length < 1 || text.length > 1000) {
      throw new AppError('ValidationError', 'message must be 1 to 1,000 characters.', 'message');
    }
    try {
      return await withContext(this.db, actor.context, async (transaction) => {
        const profile = await new StudentRepository(transaction, actor.context).profile();
        if (!profile) throw new AppError('Forbidden', 'Finish your student profile before applying.');
        const organizationId = await new PublishedListingRepository(transaction).organizationOf(listingId);
        if (!organizationId) throw notFound('The listing');
        return new ApplicationRepository(transaction, actor.context).create(listingId, organizationId, text);
      });
    } catch (error) {
      if (error instanceof DuplicateApplicationError) {
        throw new AppError('DuplicateApplication', 'You have already applied to this listing.');
      }
      throw error;
    }
  }

  async listMine(actor: Actor): Promise<StudentApplication[]> {
    requireRole(actor, 'student');
    return withContext(this.db, actor.context, (transaction) =>
      new ApplicationRepository(transaction, actor.context).listMine(),
    );
  }
}
