import pg from 'pg';
import { roleUrl, withDatabase, type RoleCredentials } from './bootstrap.ts';

/** Name of the migrated database, with reference data, that every test database copies. */
export const templateDatabase = 'clockin_template';

export interface TestDatabase {
  name: string;
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  identityUrl: string;
  drop(): Promise<void>;
}

interface TestServer {
  adminUrl: string;
  passwords: RoleCredentials;
}

/** Reads the test server that `npm test` started, from the environment it set. */
export function testServer(): TestServer {
  const adminUrl = process.env.CLOCKIN_TEST_ADMIN_URL;
  const passwords = process.env.CLOCKIN_TEST_ROLE_PASSWORDS;
  if (!adminUrl || !passwords) {
    throw new Error('No test database server: run the tests through `npm test`, which starts PostgreSQL first.');
  }
  return { adminUrl, passwords: JSON.parse(passwords) as RoleCredentials };
}

/**
 * Creates a database of its own for one test file, copied from the migrated template, so
 * tests never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = testServer();
  const name = `test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    adminUrl: withDatabase(server.adminUrl, name),
    ownerUrl: roleUrl(server.adminUrl, name, 'owner', server.passwords.owner),
    appUrl: roleUrl(server.adminUrl, name, 'app', server.passwords.app),
    identityUrl: roleUrl(server.adminUrl, name, 'identity', server.passwords.identity),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
