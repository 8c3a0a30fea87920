import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';
import pg from 'pg';
import { SecretBox } from './crypto.ts';

/** Lifetime of access and ID tokens, which also bounds how long a retired key stays published. */
export const tokenLifetimeSeconds = 60 * 60;
/** Extra time a retired key stays published, to cover clock differences between services. */
const retiredKeyGraceSeconds = 5 * 60;

export interface PublishedKey extends JWK {
  kid: string;
}

type Queryable = pg.Pool | pg.PoolClient | pg.Client;

export function signingKeyBox(encryptionKey: string): SecretBox {
  return new SecretBox(encryptionKey, 'signing-keys');
}

async function insertKey(db: Queryable, box: SecretBox, status: 'current' | 'next', now: Date): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const publicJwk = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  await db.query(
    `INSERT INTO signing_keys (kid, status, public_jwk, private_key_encrypted, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [kid, status, JSON.stringify(publicJwk), box.encrypt(await exportPKCS8(privateKey)), now],
  );
}

/**
 * Creates the current and next keys when there are none, or rotates them: the current key is
 * retired, the next one becomes current and a new next key is made.
 * Serialised with an advisory lock, so two callers cannot rotate at once.
 */
async function rotateWith(client: Queryable, box: SecretBox, now: Date, onlyIfMissing: boolean): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))`);
  const existing = await client.query<{ status: string }>(`SELECT status FROM signing_keys WHERE status <> 'retired'`);
  const statuses = new Set(existing.rows.map((row) => row.status));
  if (onlyIfMissing && statuses.has('current') && statuses.has('next')) return;

  if (!onlyIfMissing && statuses.has('current')) {
    await client.query(`UPDATE signing_keys SET status = 'retired', retired_at = $1 WHERE status = 'current'`, [now]);
    statuses.delete('current');
  }
  if (!statuses.has('current')) {
    const promoted = await client.query(`UPDATE signing_keys SET status = 'current' WHERE status = 'next'`);
    if (promoted.rowCount === 0) await insertKey(client, box, 'current', now);
    statuses.delete('next');
  }
  if (!statuses.has('next')) await insertKey(client, box, 'next', now);
}

/**
 * Rotates the token signing keys in the database at `databaseUrl` (the clockin_identity role).
 * The retired key stays in the JWKS until every token it signed has expired. The encryption key
 * defaults to the CLOCKIN_IDENTITY_ENCRYPTION_KEY environment variable.
 */
export async function rotateSigningKeys(
  databaseUrl: string,
  encryptionKey = process.env.CLOCKIN_IDENTITY_ENCRYPTION_KEY,
  now = new Date(),
): Promise<void> {
  if (!encryptionKey) throw new Error('Missing encryption key: set CLOCKIN_IDENTITY_ENCRYPTION_KEY.');
  const box = signingKeyBox(encryptionKey);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await rotateWith(client, box, now, false);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads signing keys from the database, with imported private keys cached by key id. */
export class SigningKeyStore {
  private readonly privateKeys = new Map<string, CryptoKey>();

  constructor(
    private readonly db: pg.Pool,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {}

  /** Creates the current and next keys if the database has none yet. */
  async ensureKeys(): Promise<void> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await rotateWith(client, this.box, this.now(), true);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async currentKey(): Promise<{ kid: string; privateKey: CryptoKey }> {
    const found = await this.db.query<{ kid: string; private_key_encrypted: string }>(
      `SELECT kid, private_key_encrypted FROM signing_keys WHERE status = 'current'`,
    );
    const row = found.rows[0];
    if (!row) throw new Error('No current signing key: run the identity key rotation.');
    let privateKey = this.privateKeys.get(row.kid);
    if (!privateKey) {
      privateKey = await importPKCS8(this.box.decrypt(row.private_key_encrypted), 'RS256');
      this.privateKeys.set(row.kid, privateKey);
    }
    return { kid: row.kid, privateKey };
  }

  /** Returns the keys to publish: current, next, and retired keys whose tokens may still be valid. */
  async publishedKeys(): Promise<PublishedKey[]> {
    const oldestRetirement = new Date(this.now().getTime() - (tokenLifetimeSeconds + retiredKeyGraceSeconds) * 1000);
    const found = await this.db.query<{ public_jwk: PublishedKey }>(
      `SELECT public_jwk FROM signing_keys
        WHERE status IN ('current', 'next') OR retired_at > $1
        ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, created_at DESC`,
      [oldestRetirement],
    );
    return found.rows.map((row) => row.public_jwk);
  }
}
