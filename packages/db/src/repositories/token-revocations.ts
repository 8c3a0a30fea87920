import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface TokenRevocation {
  userId: string;
  /** Every access token issued at or before this instant is refused. */
  revokedBefore: Date;
  /** The cause, in kebab case: global-sign-out, password-reset, user-disabled, user-deleted. */
  reason: string;
}

/**
 * Records that a user's access tokens up to `revokedBefore` are revoked. It runs outside any
 * request context: the database function writes only this one row and keeps the latest time.
 */
export async function recordTokenRevocation(db: Kysely<Database>, revocation: TokenRevocation): Promise<void> {
  await sql`SELECT app.record_token_revocation(${revocation.userId}::uuid, ${revocation.revokedBefore}, ${revocation.reason})`.execute(
    db,
  );
}

/** Returns the user's latest revocation time, or null when their tokens were never revoked. */
export async function tokenRevokedBefore(db: Kysely<Database>, userId: string): Promise<Date | null> {
  const result = await sql<{
    revoked_before: Date | null;
  }>`SELECT app.token_revoked_before(${userId}::uuid) AS revoked_before`.execute(db);
  return result.rows[0]?.revoked_before ?? null;
}
