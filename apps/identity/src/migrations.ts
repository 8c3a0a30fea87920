import { fileURLToPath } from 'node:url';
import type { MigrationSet } from '@clockin/db';

/** The identity service's own schema, applied by the migration role like the app's. */
export const identityMigrations: MigrationSet = {
  directory: fileURLToPath(new URL('../migrations', import.meta.url)),
  versionTable: 'public.schema_version_identity',
};
