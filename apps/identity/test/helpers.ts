import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DevMailbox } from '@clockin/email';
import { createTestDatabase, type TestDatabase } from '@clockin/db/testing';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import type { RevocationEvent } from '../src/context.ts';
import { buildIdentityServer, type IdentityServerOptions } from '../src/server.ts';

export const userPoolId = 'us-east-2_ClockInLocal';
export const clientId = 'clockin-web-local';
export const strongPassword = 'Velvet-Harbor-42-Quill';
export const encryptionKey = Buffer.alloc(32, 7).toString('base64');

/** A running identity service on 127.0.0.1 with its own database, mailbox and movable clock. */
export interface Harness {
  client: CognitoIdentityProviderClient;
  url: string;
  server: FastifyInstance;
  database: TestDatabase;
  mailbox: DevMailbox;
  owner: pg.Pool;
  revocations: RevocationEvent[];
  /** The clock the server reads; tests move it with `advance`. */
  now: Date;
  advance(milliseconds: number): void;
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<IdentityServerOptions> = {},
  start = new Date(),
): Promise<Harness> {
  const database = await createTestDatabase();
  const mailDirectory = await mkdtemp(path.join(tmpdir(), 'clockin-identity-mail-'));
  const mailbox = new DevMailbox(mailDirectory);
  const revocations: RevocationEvent[] = [];
  const harness = { now: start } as Harness;
  const server = await buildIdentityServer({
    databaseUrl: database.identityUrl,
    userPoolId,
    clientId,
    issuerBaseUrl: 'http://127.0.0.1:4100',
    mailer: mailbox,
    mfaEncryptionKey: encryptionKey,
    logger: false,
    clock: () => harness.now,
    onRevocation: async (event) => {
      revocations.push(event);
    },
    ...overrides,
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const owner = new pg.Pool({ connectionString: database.ownerUrl, max: 2 });
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-2',
    endpoint: url,
    // One attempt, so tests see TooManyRequestsException instead of the SDK's retries.
    maxAttempts: 1,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  Object.assign(harness, {
    client,
    url,
    server,
    database,
    mailbox,
    owner,
    revocations,
    advance(milliseconds: number) {
      harness.now = new Date(harness.now.getTime() + milliseconds);
    },
    async close() {
      client.destroy();
      await server.close();
      await owner.end();
      await database.drop();
      await rm(mailDirectory, { recursive: true, force: true });
    },
  });
  return harness;
}

/** Returns the six-digit code in the newest email to `to` of the given category. */
export async function latestCode(mailbox: DevMailbox, to: string, category: string): Promise<string> {
  const email = (await mailbox.list(to)).find((message) => message.category === category);
  const code = email && /\b(\d{6})\b/.exec(email.text)?.[1];
  if (!code) throw new Error(`No ${category} email with a code was sent.`);
  return code;
}

/** Returns the TOTP code for the harness clock's current time step. */
export function totpCode(harness: Harness, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(harness.now.getTime() / 1000) });
}

/** Sends a raw Cognito request without a signature. */
export async function rawCall(url: string, operation: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Decodes a JWT payload without verifying it. */
export function claimsOf(token: string | undefined): Record<string, unknown> {
  const payload = token?.split('.')[1];
  if (!payload) throw new Error('Not a JWT.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
