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
  retentionUrl: string;
  jobsUrl: string;
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
    // Two copies of one template cannot start at the same moment (55006), so retry briefly.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    name,
    adminUrl: withDatabase(server.adminUrl, name),
    ownerUrl: roleUrl(server.adminUrl, name, 'owner', server.passwords.owner),
    appUrl: roleUrl(server.adminUrl, name, 'app', server.passwords.app),
    identityUrl: roleUrl(server.adminUrl, name, 'identity', server.passwords.identity),
    retentionUrl: roleUrl(server.adminUrl, name, 'retention', server.passwords.retention),
    jobsUrl: roleUrl(server.adminUrl, name, 'jobs', server.passwords.jobs),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      try {
        // A pool resolves end() while its clients are still closing. Terminating those sessions
        // would raise an error on a client without an error listener, so wait for them first.
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const open = await client.query<{ sessions: number }>(
            'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (open.rows[0]?.sessions === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface ScanHit {
  table: string;
  column: string;
  needle: string;
}

/**
 * Searches every column of every table in ClockIn's schemas for each needle, reading the
 * table list from the catalog so that new tables are covered without a change here.
 */
export async function scanDatabaseFor(adminUrl: string, needles: string[]): Promise<ScanHit[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const columns = await client.query<{ schema: string; table: string; column: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE t.table_type = 'BASE TABLE' AND c.table_schema IN ('app', 'identity', 'audit', 'public')`,
    );
    const hits: ScanHit[] = [];
    for (const { schema, table, column } of columns.rows) {
      const name = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
      for (const needle of needles) {
        const found = await client.query(
          `SELECT 1 FROM ${name} WHERE ${pg.escapeIdentifier(column)}::text ILIKE '%' || $1 || '%' LIMIT 1`,
          [needle],
        );
        if (found.rowCount) hits.push({ table: `${schema}.${table}`, column, needle });
      }
    }
    return hits;
  } finally {
    await client.end();
  }
}
