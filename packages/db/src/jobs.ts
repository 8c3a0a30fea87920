import pg from 'pg';
import { roles, withDatabase } from './bootstrap.ts';

/** The schema of pg-boss's tables. Only clockin_jobs owns it, and it owns nothing else. */
export const jobSchema = 'pgboss';

/**
 * Creates the job queue's schema, owned by clockin_jobs, and runs `install` while clockin_jobs
 * holds the database's CREATE privilege, which is revoked again afterwards, also on failure.
 * Runs as a role that may create roles and databases.
 *
 * pg-boss begins its installation with `CREATE SCHEMA IF NOT EXISTS`, and PostgreSQL checks the
 * database's CREATE privilege before it notices that the schema exists. So clockin_jobs needs
 * the privilege for the installation, and never while the product serves requests.
 */
export async function prepareJobSchema(
  adminUrl: string,
  database: string,
  install: () => Promise<void>,
): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await admin.connect();
  const databaseName = pg.escapeIdentifier(database);
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${jobSchema} AUTHORIZATION ${roles.jobs}`);
    await admin.query(`GRANT CREATE ON DATABASE ${databaseName} TO ${roles.jobs}`);
    try {
      await install();
    } finally {
      await admin.query(`REVOKE CREATE ON DATABASE ${databaseName} FROM ${roles.jobs}`);
    }
  } finally {
    await admin.end();
  }
}
