import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Database } from '@clockin/db';
import { DevMailbox } from '@clockin/email';
import { sql, type Kysely } from 'kysely';
import type { ApiConfig } from '../config.ts';
import { ApplicationService } from './applications.ts';
import { ListingService } from './listings.ts';
import { ReviewService } from './reviews.ts';
import { SchoolService } from './schools.ts';
import { StudentService } from './students.ts';

export function createServices(db: Kysely<Database>, identity: CognitoIdentityProviderClient, config: ApiConfig) {
  return {
    applications: new ApplicationService(db),
    listings: new ListingService(db),
    reviews: new ReviewService(db),
    schools: new SchoolService(db),
    students: new StudentService(db, identity),
    mailbox: config.mailboxDir ? new DevMailbox(config.mailboxDir) : null,
    /** Returns true when the database responds to a trivial query. */
    checkDatabase: async (): Promise<boolean> => {
      try {
        await sql`SELECT 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type Services = ReturnType<typeof createServices>;
