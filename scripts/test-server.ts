import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { identityMigrations } from '@clockin/identity/migrations';
import {
  appMigrations,
  bootstrapDatabase,
  loadReferenceData,
  migrate,
  roleUrl,
  type RoleCredentials,
} from '@clockin/db';
import { randomSecret, startEmbeddedCluster } from '@clockin/db/cluster';
import { templateDatabase } from '@clockin/db/testing';
import { freePort } from './ports.ts';

export interface TestServerHandle {
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL 16 for the test run and prepares the template database
 * (migrations and reference data) that every test file copies.
 */
export async function startTestServer(): Promise<TestServerHandle> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clockin-test-'));
  const port = await freePort();
  const cluster = await startEmbeddedCluster({ dataDir, port, persistent: false });
  const passwords: RoleCredentials = {
    owner: randomSecret(),
    app: randomSecret(),
    identity: randomSecret(),
    retention: randomSecret(),
    jobs: randomSecret(),
  };

  await bootstrapDatabase(cluster.adminUrl, templateDatabase, passwords);
  const ownerUrl = roleUrl(cluster.adminUrl, templateDatabase, 'owner', passwords.owner);
  await migrate(ownerUrl, [appMigrations, identityMigrations]);
  await loadReferenceData(ownerUrl);

  return {
    env: {
      CLOCKIN_TEST_ADMIN_URL: cluster.adminUrl,
      CLOCKIN_TEST_ROLE_PASSWORDS: JSON.stringify(passwords),
    },
    stop: async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
