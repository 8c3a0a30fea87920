import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildApi } from '@clockin/api/app';
import { startAccountWorker, type AccountWorker } from '@clockin/api/jobs/account-worker';
import { startDistrictExportWorker, type ExportWorker } from '@clockin/api/jobs/district-export-worker';
import { installJobQueue } from '@clockin/api/jobs/queue';
import { listingLaborResult } from '@clockin/api/services/labor';
import {
  appMigrations,
  backfillListingLaborSummaries,
  bootstrapDatabase,
  loadReferenceData,
  migrate,
  roleUrl,
  runAuditRetention,
} from '@clockin/db';
import { DevMailbox } from '@clockin/email';
import { buildIdentityServer } from '@clockin/identity/server';
import { identityMigrations } from '@clockin/identity/migrations';
import type { FastifyInstance } from 'fastify';
import type { LocalSecrets, StartConfig } from './config.ts';
import { loadDemoData, type DemoAccounts } from './demo-data.ts';
import { startWeb, stopWeb } from './web.ts';

export interface Stack {
  urls: { web: string; api: string; identity: string };
  demo: DemoAccounts | null;
  mailbox: DevMailbox;
  stop(): Promise<void>;
}

export interface StackOptions {
  config: StartConfig;
  secrets: LocalSecrets;
  /** A role that can create roles and databases on the server. */
  adminUrl: string;
  database: string;
  log: (line: string) => void;
  /** Log level of the API and identity service. */
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  /** Skip the web app, for tests of the services alone. */
  withoutWeb?: boolean;
}

/**
 * Prepares the database and starts the identity service, the API and the web app. The
 * caller owns the PostgreSQL server; `stop` stops everything this function started.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { config, secrets, log } = options;
  const development = !config.production;

  await bootstrapDatabase(options.adminUrl, options.database, secrets.rolePasswords);
  const ownerUrl = roleUrl(options.adminUrl, options.database, 'owner', secrets.rolePasswords.owner);
  const applied = await migrate(ownerUrl, [appMigrations, identityMigrations]);
  if (applied.length > 0) log(`Applied ${applied.length} migrations.`);
  const jobsUrl = roleUrl(options.adminUrl, options.database, 'jobs', secrets.rolePasswords.jobs);
  const appUrl = roleUrl(options.adminUrl, options.database, 'app', secrets.rolePasswords.app);
  await installJobQueue(options.adminUrl, options.database, jobsUrl);
  const exportDirectory = path.join(config.dataDir, 'exports');
  const personalExportDirectory = path.join(config.dataDir, 'personal-exports');
  const retentionUrl = roleUrl(options.adminUrl, options.database, 'retention', secrets.rolePasswords.retention);
  const reference = await loadReferenceData(ownerUrl);
  if (reference) {
    log(
      `Loaded ${reference.districts} Ohio districts, ${reference.schools} high schools and ${reference.zipCentroids} ZIP centroids.`,
    );
  }

  const mailbox = new DevMailbox(path.join(config.dataDir, 'mailbox'));
  const identityOrigin = `http://${config.host}:${config.identityPort}`;
  const started: {
    identity?: FastifyInstance;
    api?: FastifyInstance;
    web?: ChildProcess;
    exports?: ExportWorker;
    accounts?: AccountWorker;
  } = {};
  const stop = async () => {
    if (started.web) await stopWeb(started.web);
    await started.accounts?.stop();
    await started.exports?.stop();
    await started.api?.close();
    await started.identity?.close();
  };

  try {
    started.identity = await buildIdentityServer({
      databaseUrl: roleUrl(options.adminUrl, options.database, 'identity', secrets.rolePasswords.identity),
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      issuerBaseUrl: identityOrigin,
      mailer: mailbox,
      mfaEncryptionKey: secrets.mfaEncryptionKey,
      // Locally, the identity service tells the API about every revocation it makes itself
      // (sign-out everywhere, password reset, disabling and deleting users), as a production
      // deployment would from Cognito's events. ClockIn's own routes record theirs directly.
      onRevocation: async (event) => {
        if (!started.api) throw new Error('The API is not running, so the revocation cannot be recorded.');
        await started.api.revocations.record({
          userId: event.sub,
          revokedBefore: event.revokedBefore,
          reason: event.reason,
        });
      },
      logger: {
        level: options.logLevel ?? 'info',
        ...(options.logStream ? { stream: options.logStream } : {}),
      } as never,
    });
    await started.identity.listen({ port: config.identityPort, host: '127.0.0.1' });

    started.api = await buildApi(
      {
        databaseUrl: appUrl,
        tokenIssuer: `${identityOrigin}/${config.userPoolId}`,
        jwksUrl: `http://127.0.0.1:${config.identityPort}/${config.userPoolId}/.well-known/jwks.json`,
        identityEndpoint: `http://127.0.0.1:${config.identityPort}`,
        region: config.region,
        clientId: config.clientId,
        development,
        mailboxDir: development ? path.join(config.dataDir, 'mailbox') : undefined,
        webUrl: `http://${config.host}:${config.webPort}`,
        clockToleranceSeconds: 30,
        userPoolId: config.userPoolId,
        districtExports: { jobsDatabaseUrl: jobsUrl, directory: exportDirectory },
        accounts: {
          jobsDatabaseUrl: jobsUrl,
          exportDirectory: personalExportDirectory,
          purgeDelayDays: config.purgeDelayDays,
        },
      },
      { logLevel: options.logLevel, logStream: options.logStream },
    );
    await started.api.listen({ port: config.apiPort, host: '127.0.0.1' });
    started.exports = await startDistrictExportWorker({
      jobsDatabaseUrl: jobsUrl,
      appDatabaseUrl: appUrl,
      exportDirectory,
      logLevel: options.logLevel,
      logStream: options.logStream,
    });
    started.accounts = await startAccountWorker({
      jobsDatabaseUrl: jobsUrl,
      appDatabaseUrl: appUrl,
      exportDirectory: personalExportDirectory,
      identity: {
        endpoint: `http://127.0.0.1:${config.identityPort}`,
        region: config.region,
        userPoolId: config.userPoolId,
      },
      mailboxDir: development ? path.join(config.dataDir, 'mailbox') : undefined,
      tasks: [
        ...started.api.services.maintenanceTasks(),
        {
          name: 'audit-retention',
          run: async () => (await runAuditRetention(retentionUrl)).droppedPartitions.length,
        },
      ],
      logLevel: options.logLevel,
      logStream: options.logStream,
    });

    const demo = development
      ? await loadDemoData({
          ownerUrl,
          identityEndpoint: `http://127.0.0.1:${config.identityPort}`,
          region: config.region,
          userPoolId: config.userPoolId,
          clientId: config.clientId,
          dataDir: config.dataDir,
          log,
        })
      : null;

    const backfilled = await backfillListingLaborSummaries(ownerUrl, listingLaborResult);
    if (backfilled > 0) log(`Checked ${backfilled} listings against Ohio's minor labor law.`);

    if (!options.withoutWeb) {
      started.web = await startWeb(config.webPort, {
        CLOCKIN_MODE: development ? 'development' : 'production',
        CLOCKIN_API_URL: `http://127.0.0.1:${config.apiPort}`,
        CLOCKIN_IDENTITY_URL: `http://127.0.0.1:${config.identityPort}`,
        CLOCKIN_IDENTITY_CLIENT_ID: config.clientId,
        CLOCKIN_AWS_REGION: config.region,
        CLOCKIN_SESSION_SECRET: secrets.sessionSecret,
      });
    }

    return {
      urls: {
        web: `http://${config.host}:${config.webPort}`,
        api: `http://${config.host}:${config.apiPort}`,
        identity: identityOrigin,
      },
      demo,
      mailbox,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
