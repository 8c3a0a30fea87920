import { chmod, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  createDatabase,
  jobSchema,
  PersonalDataRepository,
  purgeDeletedUser,
  recordAuditEvent,
  StaffDeletionRepository,
  withContext,
  type Database,
  type RequestContext,
} from '@clockin/db';
import { DevMailbox } from '@clockin/email';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import pino, { type Logger } from 'pino';
import { loggerOptions } from '../logging.ts';
import {
  jobQueueError,
  accountPurgeQueue,
  maintenanceQueue,
  personalExportQueue,
  type AccountPurgeJob,
  type PersonalExportJob,
} from './account-jobs.ts';

/** How long a student's data file can be downloaded. */
export const PERSONAL_EXPORT_HOURS = 24;

/** A periodic task the maintenance job runs, such as closing stale applications. */
export interface MaintenanceTask {
  name: string;
  run(now: Date): Promise<number>;
}

export interface AccountWorkerOptions {
  jobsDatabaseUrl: string;
  appDatabaseUrl: string;
  exportDirectory: string;
  identity: { endpoint?: string; region: string; userPoolId: string };
  /** The development mailbox, whose copies of a deleted user's emails are purged too. */
  mailboxDir?: string;
  /** Further periodic work, run every 15 minutes after the due purges. */
  tasks?: MaintenanceTask[];
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  pollingIntervalSeconds?: number;
}

export interface AccountWorker {
  /** Runs one maintenance round now, as the schedule does; for tests and the CLI. */
  runMaintenance(now?: Date): Promise<void>;
  purge(userId: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** Jobs act across accounts, so they run in a staff context, and each such use is audited. */
const jobContext: RequestContext = { userId: null, actorRole: 'staff', requestId: null };

function identityErrorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

export interface AccountJobs {
  db: Kysely<Database>;
  identity: CognitoIdentityProviderClient;
  userPoolId: string;
  exportDirectory: string;
  mailbox: DevMailbox | null;
  log: Logger;
}

/**
 * Purges one deleted account: its data files, its development emails, every database row and
 * the identity record. Each step can run again, so a purge that stopped half-way finishes on
 * the next try. Returns false when the account's deletion is not due or already purged.
 */
export async function purgeAccount(jobs: AccountJobs, userId: string, now = new Date()): Promise<boolean> {
  const state = await withContext(jobs.db, jobContext, (transaction) =>
    new StaffDeletionRepository(transaction, jobContext).unsafeDeletionState(userId, now),
  );
  if (state === 'waiting') return false;

  let email: string | null = null;
  let enabled = true;
  try {
    const user = await jobs.identity.send(new AdminGetUserCommand({ UserPoolId: jobs.userPoolId, Username: userId }));
    email = user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value ?? null;
    enabled = user.Enabled !== false;
  } catch (error) {
    if (identityErrorName(error) !== 'UserNotFoundException') throw error;
  }
  // With no deletion recorded, a disabled identity user is what an interrupted purge left behind.
  // An enabled one is a live account, so it is left alone.
  if (state === 'none' && (email === null || enabled)) return false;

  if (state === 'due') {
    const studentContext: RequestContext = { userId, actorRole: 'student', requestId: null };
    const exports = await withContext(jobs.db, studentContext, (transaction) =>
      new PersonalDataRepository(transaction, studentContext).latestExports(1000),
    );
    for (const entry of exports) await rm(path.join(jobs.exportDirectory, `${entry.id}.json`), { force: true });
  }
  if (email && jobs.mailbox) await jobs.mailbox.deleteFor(email);
  // The identity record goes before the rows: deleting it reports one more revocation, which the
  // row purge then removes with the rest.
  try {
    await jobs.identity.send(new AdminDeleteUserCommand({ UserPoolId: jobs.userPoolId, Username: userId }));
  } catch (error) {
    if (identityErrorName(error) !== 'UserNotFoundException') throw error;
  }
  // Two runs may overlap (the job and the maintenance round); the database function removes the
  // deletion record, so only one of them reports the purge.
  const purged = state === 'due' && (await purgeDeletedUser(jobs.db, userId, email));
  if (!purged) return false;
  await withContext(jobs.db, jobContext, (transaction) =>
    recordAuditEvent(transaction, jobContext, { action: 'account.purged', targetType: 'user', targetId: userId }),
  );
  jobs.log.info({ userId, action: 'account.purged' }, 'deleted account purged');
  return true;
}

/** Builds a student's data file in their own context and marks it ready for 24 hours. */
export async function buildPersonalExport(jobs: AccountJobs, job: PersonalExportJob): Promise<void> {
  const context: RequestContext = { userId: job.userId, actorRole: 'student', requestId: null };
  const update = (change: Parameters<PersonalDataRepository['updateExport']>[1]) =>
    withContext(jobs.db, context, (transaction) =>
      new PersonalDataRepository(transaction, context).updateExport(job.exportId, change),
    );
  try {
    await update({ status: 'running', progress: 10 });
    const data = await withContext(jobs.db, context, (transaction) =>
      new PersonalDataRepository(transaction, context).collect(),
    );
    await update({ progress: 60 });
    const events = await jobs.identity.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: jobs.userPoolId, Username: job.userId, MaxResults: 60 }),
    );
    const signIns = (events.AuthEvents ?? []).map((event) => ({ at: event.CreationDate, result: event.EventResponse }));
    await update({ progress: 80 });

    const body = JSON.stringify(
      { generatedAt: new Date().toISOString(), about: 'Everything ClockIn holds about you.', ...data, signIns },
      null,
      2,
    );
    await mkdir(jobs.exportDirectory, { recursive: true, mode: 0o700 });
    const file = path.join(jobs.exportDirectory, `${job.exportId}.json`);
    await writeFile(file, body, { mode: 0o600 });
    await chmod(file, 0o600);
    await update({
      status: 'completed',
      progress: 100,
      byteSize: Buffer.byteLength(body),
      expiresAt: new Date(Date.now() + PERSONAL_EXPORT_HOURS * 60 * 60 * 1000),
    });
    jobs.log.info(
      { userId: job.userId, exportId: job.exportId, action: 'personal_export.completed' },
      'data export ready',
    );
  } catch (error) {
    await update({ status: 'failed' }).catch(() => undefined);
    throw error;
  }
}

/** Deletes data files older than their download window. */
export async function deleteExpiredPersonalExports(directory: string, now = new Date()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return 0;
  }
  let deleted = 0;
  for (const name of names) {
    const file = path.join(directory, name);
    const info = await stat(file);
    if (now.getTime() - info.mtimeMs > PERSONAL_EXPORT_HOURS * 60 * 60 * 1000) {
      await rm(file, { force: true });
      deleted += 1;
    }
  }
  return deleted;
}

function isPurgeJob(data: unknown): data is AccountPurgeJob {
  return typeof (data as Partial<AccountPurgeJob> | null)?.userId === 'string';
}

function isExportJob(data: unknown): data is PersonalExportJob {
  const job = data as Partial<PersonalExportJob> | null;
  return typeof job?.exportId === 'string' && typeof job.userId === 'string';
}

/**
 * Starts the worker for account purges, personal exports and the 15-minute maintenance round.
 * The queues must exist (installJobQueue creates them).
 */
export async function startAccountWorker(options: AccountWorkerOptions): Promise<AccountWorker> {
  const base = options.logStream
    ? pino(loggerOptions(options.logLevel ?? 'info'), options.logStream)
    : pino(loggerOptions(options.logLevel ?? 'info'));
  const log = base.child({ component: 'account-worker' });
  const db = createDatabase(options.appDatabaseUrl, 4);
  const identity = new CognitoIdentityProviderClient({
    region: options.identity.region,
    ...(options.identity.endpoint
      ? { endpoint: options.identity.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  const jobs: AccountJobs = {
    db,
    identity,
    userPoolId: options.identity.userPoolId,
    exportDirectory: options.exportDirectory,
    mailbox: options.mailboxDir ? new DevMailbox(options.mailboxDir) : null,
    log,
  };

  const runMaintenance = async (now = new Date()) => {
    const due = await withContext(db, jobContext, (transaction) =>
      new StaffDeletionRepository(transaction, jobContext).unsafeDueDeletions(now),
    );
    for (const deletion of due) {
      try {
        await purgeAccount(jobs, deletion.userId);
      } catch (error) {
        log.error({ err: error, userId: deletion.userId }, 'purging a deleted account failed; the next round retries');
      }
    }
    const expired = await deleteExpiredPersonalExports(options.exportDirectory, now);
    if (expired > 0) log.info({ deleted: expired }, 'deleted expired personal data files');
    for (const task of options.tasks ?? []) {
      try {
        const count = await task.run(now);
        if (count > 0) log.info({ task: task.name, count }, 'maintenance task done');
      } catch (error) {
        log.error({ err: error, task: task.name }, 'maintenance task failed; the next round retries');
      }
    }
  };

  const boss = new PgBoss({ connectionString: options.jobsDatabaseUrl, schema: jobSchema, max: 4, migrate: false });
  boss.on('error', (error) => log.error({ error: jobQueueError(error) }, 'job queue error'));
  const polling = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  try {
    await boss.start();
    await boss.work(accountPurgeQueue, polling, async ([job]) => {
      if (!job || !isPurgeJob(job.data)) return;
      await purgeAccount(jobs, job.data.userId);
    });
    await boss.work(personalExportQueue, polling, async ([job]) => {
      if (!job || !isExportJob(job.data)) return;
      await buildPersonalExport(jobs, job.data);
    });
    await boss.work(maintenanceQueue, polling, async () => runMaintenance());
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    identity.destroy();
    await db.destroy();
    throw error;
  }
  log.info('account worker started');

  return {
    runMaintenance,
    purge: (userId) => purgeAccount(jobs, userId),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      identity.destroy();
      await db.destroy();
    },
  };
}
