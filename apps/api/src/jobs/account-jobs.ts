import { jobSchema } from '@clockin/db';
import PgBoss from 'pg-boss';

/** Purges one deleted account. Job data carries the user id only. */
export const accountPurgeQueue = 'account-purge';
/** Builds one student's "Download my data" file. Job data carries ids only. */
export const personalExportQueue = 'personal-export';
/** Periodic upkeep: due purges, listing expiry, stale applications, held emails, audit retention. */
export const maintenanceQueue = 'maintenance';

export interface AccountPurgeJob {
  userId: string;
}

export interface PersonalExportJob {
  exportId: string;
  userId: string;
}

/**
 * Reduces a pg-boss error to its message and code for the log. A pg error carries its client,
 * whose dump is long and may hold connection details.
 */
export function jobQueueError(error: Error): { message: string; code?: string } {
  const code = (error as { code?: unknown }).code;
  return { message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** Every 15 minutes, in pg-boss's cron syntax. */
export const maintenanceSchedule = '*/15 * * * *';

/**
 * Creates the queues this module uses and the maintenance schedule. Called from the job queue
 * installer, with pg-boss connected as the jobs role.
 */
export async function installAccountQueues(boss: PgBoss): Promise<void> {
  const queues: Array<[string, PgBoss.Queue]> = [
    [accountPurgeQueue, { name: accountPurgeQueue, retryLimit: 10, retryDelay: 60, retryBackoff: true }],
    [personalExportQueue, { name: personalExportQueue, retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 }],
    [maintenanceQueue, { name: maintenanceQueue, retryLimit: 0, expireInSeconds: 10 * 60 }],
  ];
  for (const [name, options] of queues) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
  await boss.schedule(maintenanceQueue, maintenanceSchedule, {}, { tz: 'America/New_York' });
}

/**
 * The API's side of the account queues: it only sends jobs, as the jobs role, which cannot
 * read ClockIn's tables.
 */
export class AccountJobSender {
  readonly #boss: PgBoss;
  #starting: Promise<PgBoss> | null = null;

  constructor(jobsDatabaseUrl: string, onError: (error: Error) => void) {
    this.#boss = new PgBoss({
      connectionString: jobsDatabaseUrl,
      schema: jobSchema,
      max: 2,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    this.#boss.on('error', onError);
  }

  async #started(): Promise<PgBoss> {
    this.#starting ??= this.#boss.start().catch((error: unknown) => {
      this.#starting = null;
      throw error;
    });
    return this.#starting;
  }

  /** Schedules the purge of a deleted account; pg-boss starts it at `startAfter`. */
  async sendPurge(job: AccountPurgeJob, startAfter: Date): Promise<void> {
    const boss = await this.#started();
    const id = await boss.send(accountPurgeQueue, { ...job }, { startAfter });
    if (!id) throw new Error(`pg-boss did not accept the purge job for account ${job.userId}.`);
  }

  async sendPersonalExport(job: PersonalExportJob): Promise<void> {
    const boss = await this.#started();
    const id = await boss.send(personalExportQueue, { ...job });
    if (!id) throw new Error(`pg-boss did not accept the personal export job ${job.exportId}.`);
  }

  async stop(): Promise<void> {
    if (!this.#starting) return;
    await this.#starting.catch(() => undefined);
    await this.#boss.stop({ graceful: false, wait: true });
  }
}
