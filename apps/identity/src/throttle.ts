import type { ServiceContext } from './context.ts';
import { sha256 } from './crypto.ts';
import { CognitoError } from './errors.ts';
import { normalizeUsername } from './users.ts';

/** Failed sign-ins allowed before back-off starts, per account and per client address. */
export const freeFailures = { account: 5, address: 20 } as const;
/** First back-off delay, doubled on each further failure up to the maximum. */
const baseDelayMs = 1000;
const maxDelayMs = 15 * 60 * 1000;
/** Counters start again after this long without a failure, so nothing locks out for good. */
const windowMs = 60 * 60 * 1000;
/** Code emails per username and window. Further requests get the usual response and no email. */
const maxEmailsPerWindow = 5;

export function accountKey(username: string): string {
  return sha256(`account:${normalizeUsername(username)}`);
}

export function addressKey(address: string): string {
  return sha256(`address:${address}`);
}

/** Raises TooManyRequestsException while any of the keys is backing off. */
export async function checkBackoff(context: ServiceContext, keys: string[]): Promise<void> {
  const blocked = await context.db.query(`SELECT 1 FROM throttles WHERE key_digest = ANY($1) AND blocked_until > $2`, [
    keys,
    context.now(),
  ]);
  if ((blocked.rowCount ?? 0) > 0) {
    throw new CognitoError(
      'TooManyRequestsException',
      'Too many failed sign-in attempts. Wait a moment and try again.',
    );
  }
}

/** Counts one failure for the key and, past the free ones, blocks it for an exponentially growing delay. */
export async function recordFailure(context: ServiceContext, key: string, free: number): Promise<void> {
  const now = context.now();
  const windowStart = new Date(now.getTime() - windowMs);
  const counted = await context.db.query<{ events: number }>(
    `INSERT INTO throttles (key_digest, events, last_event_at) VALUES ($1, 1, $2)
     ON CONFLICT (key_digest) DO UPDATE
       SET events = CASE WHEN throttles.last_event_at < $3 THEN 1 ELSE throttles.events + 1 END,
           last_event_at = $2
     RETURNING events`,
    [key, now, windowStart],
  );
  const events = counted.rows[0]?.events ?? 1;
  if (events < free) return;
  const delay = Math.min(baseDelayMs * 2 ** Math.min(events - free, 30), maxDelayMs);
  await context.db.query(`UPDATE throttles SET blocked_until = $2 WHERE key_digest = $1`, [
    key,
    new Date(now.getTime() + delay),
  ]);
}

export async function clearFailures(context: ServiceContext, key: string): Promise<void> {
  await context.db.query(`DELETE FROM throttles WHERE key_digest = $1`, [key]);
}

/** Counts one code email for the username and returns whether it may be sent. */
export async function allowCodeEmail(context: ServiceContext, username: string): Promise<boolean> {
  const now = context.now();
  const counted = await context.db.query<{ events: number }>(
    `INSERT INTO throttles (key_digest, events, last_event_at) VALUES ($1, 1, $2)
     ON CONFLICT (key_digest) DO UPDATE
       SET events = CASE WHEN throttles.last_event_at < $3 THEN 1 ELSE throttles.events + 1 END,
           last_event_at = CASE WHEN throttles.last_event_at < $3 THEN $2 ELSE throttles.last_event_at END
     RETURNING events`,
    [sha256(`email:${normalizeUsername(username)}`), now, new Date(now.getTime() - windowMs)],
  );
  return (counted.rows[0]?.events ?? 1) <= maxEmailsPerWindow;
}
