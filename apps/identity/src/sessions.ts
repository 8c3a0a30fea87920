import type pg from 'pg';
import type { ServiceContext } from './context.ts';
import { inTransaction } from './context.ts';
import { randomToken, sha256 } from './crypto.ts';
import { CognitoError, notAuthorized } from './errors.ts';
import { signTokens, type SignedTokens } from './tokens.ts';
import { findUserBySub, type UserRecord } from './users.ts';

/** Refresh tokens expire this long after sign-in. Rotation never extends it. */
export const refreshTokenLifetimeDays = 30;

export interface AuthenticationResult extends SignedTokens {
  RefreshToken: string;
}

async function insertRefreshToken(db: pg.Pool | pg.PoolClient, chainId: string, now: Date): Promise<string> {
  const token = randomToken();
  await db.query(`INSERT INTO refresh_tokens (token_digest, chain_id, created_at) VALUES ($1, $2, $3)`, [
    sha256(token),
    chainId,
    now,
  ]);
  return token;
}

/** Starts a sign-in: a new refresh chain with its first refresh token, and signed tokens. */
export async function startSignInSession(context: ServiceContext, user: UserRecord): Promise<AuthenticationResult> {
  const now = context.now();
  const chainId = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + refreshTokenLifetimeDays * 24 * 60 * 60 * 1000);
  const refreshToken = await inTransaction(context.db, async (client) => {
    await client.query(
      `INSERT INTO refresh_chains (id, sub, client_id, auth_time, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $4)`,
      [chainId, user.sub, context.clientId, now, expiresAt],
    );
    return insertRefreshToken(client, chainId, now);
  });
  return { ...(await signTokens(context, user, chainId, now)), RefreshToken: refreshToken };
}

interface RefreshRow {
  chain_id: string;
  used_at: Date | null;
  sub: string;
  auth_time: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

type RotationOutcome = { kind: 'rotated'; row: RefreshRow; token: string } | { kind: 'reused' };

/**
 * Exchanges a refresh token for new tokens and a new refresh token, and marks the old one used.
 * Presenting a used token again revokes the whole chain and raises RefreshTokenReuseException.
 */
export async function refreshSession(context: ServiceContext, refreshToken: unknown): Promise<AuthenticationResult> {
  if (typeof refreshToken !== 'string' || refreshToken.length === 0) throw notAuthorized('Invalid Refresh Token');
  const now = context.now();
  const outcome = await inTransaction<RotationOutcome>(context.db, async (client) => {
    const found = await client.query<RefreshRow>(
      `SELECT t.chain_id, t.used_at, c.sub, c.auth_time, c.expires_at, c.revoked_at
         FROM refresh_tokens t JOIN refresh_chains c ON c.id = t.chain_id
        WHERE t.token_digest = $1 AND c.client_id = $2
          FOR UPDATE`,
      [sha256(refreshToken), context.clientId],
    );
    const row = found.rows[0];
    if (!row) throw notAuthorized('Invalid Refresh Token');
    if (row.revoked_at) throw notAuthorized('Refresh Token has been revoked');
    if (row.expires_at <= now) throw notAuthorized('Refresh Token has expired');
    if (row.used_at) {
      await revokeChain(client, row.chain_id, 'refresh-token-reuse', now);
      return { kind: 'reused' };
    }
    await client.query(`UPDATE refresh_tokens SET used_at = $2 WHERE token_digest = $1`, [sha256(refreshToken), now]);
    return { kind: 'rotated', row, token: await insertRefreshToken(client, row.chain_id, now) };
  });
  if (outcome.kind === 'reused') {
    context.log.warn(
      { event: 'refresh-token-reuse' },
      'Revoked a sign-in because a used refresh token was presented again',
    );
    throw new CognitoError('RefreshTokenReuseException', 'Refresh token has already been used. Sign in again.');
  }

  const user = await findUserBySub(context.db, outcome.row.sub);
  if (!user || !user.enabled) throw notAuthorized('Refresh Token has been revoked');
  const tokens = await signTokens(context, user, outcome.row.chain_id, outcome.row.auth_time);
  return { ...tokens, RefreshToken: outcome.token };
}

export async function revokeChain(
  db: pg.Pool | pg.PoolClient,
  chainId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE refresh_chains SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
    [chainId, now, reason],
  );
}

/** Revokes the sign-in that a refresh token belongs to. Unknown tokens are ignored, as in Cognito. */
export async function revokeRefreshToken(context: ServiceContext, refreshToken: string): Promise<void> {
  const found = await context.db.query<{ chain_id: string }>(
    `SELECT chain_id FROM refresh_tokens t JOIN refresh_chains c ON c.id = t.chain_id WHERE token_digest = $1 AND c.client_id = $2`,
    [sha256(refreshToken), context.clientId],
  );
  const chainId = found.rows[0]?.chain_id;
  if (chainId) await revokeChain(context.db, chainId, 'revoke-token', context.now());
}

/**
 * Tells the API first that the user's tokens issued until now are revoked, then revokes every
 * refresh chain and challenge session of the user here. If the API hook fails, nothing changes
 * here and the caller gets an error it can retry.
 */
export async function revokeAllSessions(context: ServiceContext, sub: string, reason: string): Promise<void> {
  const now = context.now();
  await context.onRevocation({ sub, revokedBefore: now, reason });
  await inTransaction(context.db, async (client) => {
    await client.query(`UPDATE users SET tokens_valid_after = $2, updated_at = $2 WHERE sub = $1`, [sub, now]);
    await client.query(
      `UPDATE refresh_chains SET revoked_at = $2, revoked_reason = $3 WHERE sub = $1 AND revoked_at IS NULL`,
      [sub, now, reason],
    );
    await client.query(`DELETE FROM auth_sessions WHERE sub = $1`, [sub]);
  });
}
