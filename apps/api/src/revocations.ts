import { recordTokenRevocation, tokenRevokedBefore, type Database, type TokenRevocation } from '@clockin/db';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';

/** How long one API process trusts what it read from the revocation record. */
export const REVOCATION_CACHE_MS = 2_000;

/**
 * The API's record of revoked access tokens. Cognito keeps accepting a revoked access token
 * until it expires; ClockIn refuses it on the next request. Each user's revocation time is read
 * from PostgreSQL and cached for at most REVOCATION_CACHE_MS, so a revocation recorded by another
 * process takes effect within that time, and one recorded by this process at once.
 */
export class RevocationList {
  readonly #db: Kysely<Database>;
  /** Milliseconds since the epoch, or 0 for a user whose tokens were never revoked. */
  readonly #cache: LRUCache<string, number>;

  constructor(db: Kysely<Database>, cacheMs = REVOCATION_CACHE_MS) {
    this.#db = db;
    this.#cache = new LRUCache<string, number>({
      max: 50_000,
      ttl: cacheMs,
      fetchMethod: async (userId) => (await tokenRevokedBefore(this.#db, userId))?.getTime() ?? 0,
    });
  }

  async record(revocation: TokenRevocation): Promise<void> {
    await recordTokenRevocation(this.#db, revocation);
    const known = this.#cache.get(revocation.userId) ?? 0;
    this.#cache.set(revocation.userId, Math.max(known, revocation.revokedBefore.getTime()));
  }

  /**
   * Tells whether a token issued at `issuedAtSeconds` (the JWT's iat) is revoked. iat has whole
   * seconds, so a token whose second includes the revocation instant is refused too: the only
   * safe reading when the token may have been issued a moment before it.
   */
  async isRevoked(userId: string, issuedAtSeconds: number): Promise<boolean> {
    const revokedBefore = (await this.#cache.fetch(userId)) ?? 0;
    return revokedBefore > 0 && issuedAtSeconds * 1000 <= revokedBefore;
  }
}
