import path from 'node:path';
import exitHook from 'async-exit-hook';
import { startEmbeddedCluster, type EmbeddedCluster } from '@clockin/db/cluster';
import { loadLocalSecrets, readStartConfig } from './config.ts';
import { assertPortFree } from './ports.ts';
import { startStack, type Stack } from './stack.ts';
import { buildWebIfStale } from './web.ts';

// `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, reference and
// demo data, then the identity service, the API and the web app. Ctrl-C stops all of it.

const root = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[clockin] ${line}`);

async function main(): Promise<void> {
  const config = readStartConfig(root);
  const ports: [number, string][] = [
    [config.identityPort, 'CLOCKIN_IDENTITY_PORT'],
    [config.apiPort, 'CLOCKIN_API_PORT'],
    [config.webPort, 'CLOCKIN_WEB_PORT'],
  ];
  if (!config.externalDatabaseUrl) ports.push([config.databasePort, 'CLOCKIN_DATABASE_PORT']);
  for (const [port, variable] of ports) await assertPortFree(port, variable);

  const secrets = await loadLocalSecrets(config.dataDir);
  let cluster: EmbeddedCluster | null = null;
  let stack: Stack | null = null;
  exitHook((done) => {
    log('Stopping...');
    void (async () => {
      await stack?.stop().catch((error: unknown) => log(`Stopping the services failed: ${String(error)}`));
      await cluster?.stop().catch((error: unknown) => log(`Stopping PostgreSQL failed: ${String(error)}`));
      log('Stopped.');
      done();
    })();
  });

  await buildWebIfStale(log);
  let adminUrl = config.externalDatabaseUrl;
  if (!adminUrl) {
    log(`Starting PostgreSQL 16 on port ${config.databasePort} with data in ${config.dataDir}`);
    cluster = await startEmbeddedCluster({ dataDir: config.dataDir, port: config.databasePort });
    adminUrl = cluster.adminUrl;
  } else {
    log('Using the PostgreSQL server in DATABASE_URL.');
  }

  stack = await startStack({
    config,
    secrets,
    adminUrl,
    database: 'clockin',
    log,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  });

  log(`Web app:          ${stack.urls.web}`);
  log(`API:              ${stack.urls.api}  (GET /health, /v1/openapi.json)`);
  log(`Identity service: ${stack.urls.identity}/${config.userPoolId}/.well-known/jwks.json`);
  if (stack.demo) {
    log(`Development mailbox: ${stack.urls.web}/dev/mailbox`);
    log('Demo accounts (development mode only):');
    for (const account of stack.demo.accounts) {
      const mfa = account.totpSecret ? `, TOTP secret ${account.totpSecret} (add it to an authenticator app)` : '';
      log(`  ${account.role}: ${account.email} / ${account.password}${mfa}`);
    }
  }
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(`[clockin] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
