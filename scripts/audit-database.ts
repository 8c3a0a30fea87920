import { stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { roleUrl, type RoleName } from '@clockin/db';
import { startEmbeddedCluster } from '@clockin/db/cluster';
import { loadLocalSecrets, readStartConfig } from './config.ts';

// Finds the database that `npm start` uses, for the audit commands: the server in
// DATABASE_URL, or the embedded PostgreSQL in the data folder.

const root = path.resolve(import.meta.dirname, '..');
const database = 'clockin';

export interface LocalDatabase {
  url: string;
  /** Stops PostgreSQL again when this command started it. */
  close(): Promise<void>;
}

/**
 * Returns a connection URL for one of ClockIn's roles in the local installation. When the
 * embedded PostgreSQL is not running, it starts it from the data folder until `close`.
 */
export async function openLocalDatabase(role: RoleName, log: (line: string) => void): Promise<LocalDatabase> {
  const config = readStartConfig(root);
  if (!(await exists(path.join(config.dataDir, 'secrets.json')))) {
    throw new Error(
      `No ClockIn installation in ${config.dataDir}: run \`npm start\` once to create it, or pass --database-url.`,
    );
  }
  const secrets = await loadLocalSecrets(config.dataDir);
  const password = secrets.rolePasswords[role];

  if (config.externalDatabaseUrl) {
    return { url: roleUrl(config.externalDatabaseUrl, database, role, password), close: async () => {} };
  }

  if (!(await exists(path.join(config.dataDir, 'postgres', 'PG_VERSION')))) {
    throw new Error(`No PostgreSQL data in ${config.dataDir}: run \`npm start\` once to create it.`);
  }
  const serverUrl = `postgres://127.0.0.1:${config.databasePort}/postgres`;
  if (await isListening(config.databasePort)) {
    return { url: roleUrl(serverUrl, database, role, password), close: async () => {} };
  }

  log(
    `PostgreSQL is not running on port ${config.databasePort}, so this command starts it from ${config.dataDir} and stops it when done.`,
  );
  const cluster = await startEmbeddedCluster({ dataDir: config.dataDir, port: config.databasePort });
  return { url: roleUrl(serverUrl, database, role, password), close: () => cluster.stop() };
}

/** Explains the errors a user can fix, and returns other messages unchanged. */
export function describeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === '28P01' || code === '3D000' || code === '42883' || code === '42P01') {
    return `${message}\nIf this is the database of \`npm start\`, it may predate this version of ClockIn: run \`npm start\` once, which creates the roles and applies the pending migrations.`;
  }
  return message;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
