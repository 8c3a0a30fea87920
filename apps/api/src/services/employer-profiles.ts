import { EmployerProfileRepository, withContext, type Database, type EmployerProfile } from '@clockin/db';
import type { Kysely } from 'kysely';
import { notFound } from '../errors.ts';
import type { Actor } from './actors.ts';

/** Public profiles of verified employers, for anyone signed in or not. */
export class EmployerProfileService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Returns a verified organization's public profile; any other organization is NotFound. */
  async get(actor: Actor, organizationId: string): Promise<EmployerProfile> {
    return withContext(this.db, actor.context, async (transaction) => {
      const profile = await new EmployerProfileRepository(transaction).get(organizationId);
      if (!profile) throw notFound('The employer');
      return profile;
    });
  }
}
