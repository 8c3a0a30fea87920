import type { ServiceContext } from './context.ts';
import { randomToken, sha256 } from './crypto.ts';
import { notAuthorized } from './errors.ts';

export type ChallengeName = 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA';

/** Cognito's default lifetime of the Session that comes with a challenge. */
const sessionLifetimeMs = 3 * 60 * 1000;
/** Wrong MFA codes allowed within one session before it must start over with the password. */
const maxSessionFailures = 3;

export interface ChallengeSession {
  digest: string;
  sub: string;
  challenge: ChallengeName;
  mfa_setup_verified: boolean;
}

export async function createChallengeSession(
  context: ServiceContext,
  sub: string,
  challenge: ChallengeName,
): Promise<string> {
  const session = randomToken();
  const now = context.now();
  await context.db.query(
    `INSERT INTO auth_sessions (session_digest, sub, challenge, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [sha256(session), sub, challenge, new Date(now.getTime() + sessionLifetimeMs), now],
  );
  return session;
}

/** Loads a live session for the expected challenge, or raises NotAuthorizedException. */
export async function loadChallengeSession(
  context: ServiceContext,
  session: unknown,
  challenge: ChallengeName,
): Promise<ChallengeSession> {
  if (typeof session !== 'string' || session.length === 0) throw notAuthorized('Invalid session for the user.');
  const found = await context.db.query<Omit<ChallengeSession, 'digest'>>(
    `SELECT sub, challenge, mfa_setup_verified FROM auth_sessions
      WHERE session_digest = $1 AND challenge = $2 AND expires_at > $3 AND failed_attempts < $4`,
    [sha256(session), challenge, context.now(), maxSessionFailures],
  );
  const row = found.rows[0];
  if (!row) throw notAuthorized('Invalid session for the user, session is expired.');
  return { ...row, digest: sha256(session) };
}

export async function recordSessionFailure(context: ServiceContext, session: ChallengeSession): Promise<void> {
  await context.db.query(`UPDATE auth_sessions SET failed_attempts = failed_attempts + 1 WHERE session_digest = $1`, [
    session.digest,
  ]);
}

export async function markSetupVerified(context: ServiceContext, session: ChallengeSession): Promise<void> {
  await context.db.query(`UPDATE auth_sessions SET mfa_setup_verified = true WHERE session_digest = $1`, [
    session.digest,
  ]);
}

/** Deletes a session once it has produced tokens, so it cannot be used again. */
export async function endChallengeSession(context: ServiceContext, session: ChallengeSession): Promise<boolean> {
  const deleted = await context.db.query(`DELETE FROM auth_sessions WHERE session_digest = $1`, [session.digest]);
  return (deleted.rowCount ?? 0) > 0;
}
