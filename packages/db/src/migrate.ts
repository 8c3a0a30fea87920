import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Postgrator from 'postgrator';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

export interface MigrationSet {
  /** Folder of versioned files named `NNN.do.description.sql`. */
  directory: string;
  /** Table that records the applied versions of this set. */
  versionTable: string;
}

/** The application's own migrations. The identity service brings its own set. */
export const appMigrations: MigrationSet = {
  directory: migrationsDir,
  versionTable: 'public.schema_version_app',
};

/** Applies every pending migration of each set in order, as the migration role. */
export async function migrate(ownerUrl: string, sets: MigrationSet[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    for (const set of sets) {
      const postgrator = new Postgrator({
        migrationPattern: path.join(set.directory, '*.sql'),
        driver: 'pg',
        schemaTable: set.versionTable,
        execQuery: (query) => client.query(query),
      });
      const done = await postgrator.migrate();
      applied.push(...done.map((migration) => migration.filename));
    }
  } finally {
    await client.end();
  }
  return applied;
}
