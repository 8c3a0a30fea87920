import { ReferenceRepository, withContext, type Database, type SchoolSummary } from '@clockin/db';
import type { Kysely } from 'kysely';
import type { Actor } from './actors.ts';

export class SchoolService {
  constructor(private readonly db: Kysely<Database>) {}

  async search(actor: Actor, query: string): Promise<SchoolSummary[]> {
    if (query.trim().length < 2) return [];
    return withContext(this.db, actor.context, (transaction) =>
      new ReferenceRepository(transaction).searchSchools(query, 15),
    );
  }
}
