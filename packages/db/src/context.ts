import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type ActorRole = 'student' | 'employer' | 'staff' | 'district_admin' | 'anonymous';

/** The acting user and tenant, as the API established them from a verified access token. */
export interface RequestContext {
  userId: string | null;
  actorRole: ActorRole;
  organizationId?: string | null;
  districtId?: string | null;
  requestId?: string | null;
}

export type DatabaseTransaction = Transaction<Database>;

// DATE columns stay YYYY-MM-DD text: a Date would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

export function createDatabase(url: string, poolSize = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes (a restart or shutdown) must not crash the process.
  // The pool drops it, and the next query opens a new one.
  pool.on('error', (error) => console.warn(`PostgreSQL connection error on an idle connection: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Runs `work` in one transaction whose row-level security context is the given actor. The
 * settings are transaction-local, so a pooled connection carries nothing to the next request.
 */
export async function withContext<T>(
  db: Kysely<Database>,
  context: RequestContext,
  work: (transaction: DatabaseTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (transaction) => {
    await sql`
      SELECT
        set_config('clockin.user_id', ${context.userId ?? ''}, true),
        set_config('clockin.actor_role', ${context.actorRole}, true),
        set_config('clockin.organization_id', ${context.organizationId ?? ''}, true),
        set_config('clockin.district_id', ${context.districtId ?? ''}, true)
    `.execute(transaction);
    return work(transaction);
  });
}
