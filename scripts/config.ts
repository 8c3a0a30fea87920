import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomSecret } from '@clockin/db/cluster';
import type { RoleCredentials } from '@clockin/db';

export interface StartConfig {
  production: boolean;
  dataDir: string;
  externalDatabaseUrl: string | null;
  databasePort: number;
  identityPort: number;
  apiPort: number;
  webPort: number;
  userPoolId: string;
  clientId: string;
  region: string;
  host: string;
  /** Days between an account deletion and its purge: 0 to 30. */
  purgeDelayDays: number;
}

function port(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${variable}=${raw} is not a valid port: use a whole number from 1 to 65535.`);
  }
  return value;
}

/** Reads the start configuration from the environment; every value has a local default. */
export function readStartConfig(root: string): StartConfig {
  return {
    production: process.env.NODE_ENV === 'production',
    dataDir: path.resolve(root, process.env.CLOCKIN_DATA_DIR ?? '.clockin'),
    externalDatabaseUrl: process.env.DATABASE_URL || null,
    databasePort: port('CLOCKIN_DATABASE_PORT', 5433),
    identityPort: port('CLOCKIN_IDENTITY_PORT', 4100),
    apiPort: port('CLOCKIN_API_PORT', 4000),
    webPort: port('CLOCKIN_WEB_PORT', 3000),
    userPoolId: process.env.CLOCKIN_USER_POOL_ID ?? 'us-east-2_ClockInLocal',
    clientId: process.env.CLOCKIN_IDENTITY_CLIENT_ID ?? 'clockin-web-local',
    region: process.env.CLOCKIN_AWS_REGION ?? 'us-east-2',
    host: process.env.CLOCKIN_HOST ?? 'localhost',
    purgeDelayDays: purgeDelayDays(),
  };
}

function purgeDelayDays(): number {
  const raw = process.env.CLOCKIN_PURGE_DELAY_DAYS;
  if (raw === undefined || raw === '') return 7;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 30) {
    throw new Error(`CLOCKIN_PURGE_DELAY_DAYS=${raw} is invalid: use a whole number of days from 0 to 30.`);
  }
  return value;
}

export interface LocalSecrets {
  rolePasswords: RoleCredentials;
  sessionSecret: string;
  mfaEncryptionKey: string;
}

/**
 * Secrets for a local installation, generated on first start and kept in the data folder
 * (readable by the owner only). Environment variables override each of them.
 */
export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'secrets.json');
  let secrets: LocalSecrets;
  try {
    secrets = JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  } catch {
    secrets = {
      rolePasswords: {
        owner: randomSecret(),
        app: randomSecret(),
        identity: randomSecret(),
        retention: randomSecret(),
        jobs: randomSecret(),
      },
      sessionSecret: randomSecret() + randomSecret(),
      mfaEncryptionKey: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  // Data folders created before the audit retention role existed have no password for it.
  if (typeof secrets.rolePasswords.retention !== 'string') {
    secrets.rolePasswords.retention = randomSecret();
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  // Nor do those created before the job queue's role existed.
  if (typeof secrets.rolePasswords.jobs !== 'string') {
    secrets.rolePasswords.jobs = randomSecret();
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    rolePasswords: {
      owner: process.env.CLOCKIN_DB_OWNER_PASSWORD ?? secrets.rolePasswords.owner,
      app: process.env.CLOCKIN_DB_APP_PASSWORD ?? secrets.rolePasswords.app,
      identity: process.env.CLOCKIN_DB_IDENTITY_PASSWORD ?? secrets.rolePasswords.identity,
      retention: process.env.CLOCKIN_DB_RETENTION_PASSWORD ?? secrets.rolePasswords.retention,
      jobs: process.env.CLOCKIN_DB_JOBS_PASSWORD ?? secrets.rolePasswords.jobs,
    },
    sessionSecret: process.env.CLOCKIN_SESSION_SECRET ?? secrets.sessionSecret,
    mfaEncryptionKey: process.env.CLOCKIN_MFA_KEY ?? secrets.mfaEncryptionKey,
  };
}
