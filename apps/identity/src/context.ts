import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Mailer } from '@clockin/email';
import type { SecretBox } from './crypto.ts';
import type { SigningKeyStore } from './signing-keys.ts';
import type { PreSignUpHandler } from './triggers/pre-sign-up.ts';

/** A change that makes every access token of one user issued before `revokedBefore` invalid. */
export interface RevocationEvent {
  sub: string;
  revokedBefore: Date;
  reason: string;
}

/** Everything an operation needs, shared by all requests of one server. */
export interface ServiceContext {
  db: pg.Pool;
  userPoolId: string;
  clientId: string;
  issuer: string;
  mailer: Mailer;
  now: () => Date;
  /** Encrypts TOTP secrets and digests emailed codes. */
  secrets: SecretBox;
  keys: SigningKeyStore;
  preSignUp: PreSignUpHandler;
  preSignUpTimeoutMs: number;
  onRevocation: (event: RevocationEvent) => Promise<void>;
  log: FastifyBaseLogger;
}

/** Facts about the HTTP request that some operations need. */
export interface RequestInfo {
  /** Socket address, or the forwarded one when the server is configured to trust a proxy. */
  clientAddress: string;
  /** Whether the request carries an AWS SigV4 Authorization header. */
  signed: boolean;
  log: FastifyBaseLogger;
}

export type OperationInput = Record<string, unknown>;
export type Operation = (context: ServiceContext, input: OperationInput, request: RequestInfo) => Promise<object>;

/** Runs `work` in one transaction on a pooled connection. */
export async function inTransaction<T>(db: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
