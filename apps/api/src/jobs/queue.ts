import { jobSchema, prepareJobSchema } from '@clockin/db';
import PgBoss from 'pg-boss';
import { installAccountQueues } from './account-jobs.ts';

/** The queue of district export jobs. Job data carries ids only, never student data. */
export const districtExportQueue = 'district-export';

export interface DistrictExportJob {
  exportId: string;
  districtId: string;
  /** The district administrator who asked for the export; the job reads in their context. */
  requestedBy: string;
}

/** How long a job may run before pg-boss counts it as failed, in seconds. */
const exportJobTimeoutSeconds = 30 * 60;

/**
 * Creates or upgrades pg-boss's tables in the `pgboss` schema, owned by clockin_jobs, and the
 * export queue. Runs once at start, with a role that may create roles and databases.
 */
export async function installJobQueue(adminUrl: string, database: string, jobsUrl: string): Promise<void> {
  await prepareJobSchema(adminUrl, database, async () => {
    const boss = new PgBoss({ connectionString: jobsUrl, schema: jobSchema, supervise: false, schedule: false });
    // Installation errors reject start() or createQueue() below and stop the start; the listener
    // only keeps a pool error event from crashing the process before that.
    boss.on('error', () => {});
    await boss.start();
    try {
      if (!(await boss.getQueue(districtExportQueue))) {
        await boss.createQueue(districtExportQueue, {
          name: districtExportQueue,
          retryLimit: 1,
          retryDelay: 30,
          expireInSeconds: exportJobTimeoutSeconds,
        });
      }
      await installAccountQueues(boss);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
}

/**
 * The API's side of the export queue: it only sends jobs. It connects as clockin_jobs, which
 * cannot read ClockIn's tables, and checks on first use that installJobQueue has run.
 */
export class DistrictExportQueue {
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

  /** Sends one export job; the worker picks it up within its polling interval. */
  async enqueue(job: DistrictExportJob): Promise<void> {
    this.#starting ??= this.#boss.start().catch((error: unknown) => {
      this.#starting = null;
      throw error;
    });
    const boss = await this.#starting;
    const id = await boss.send(districtExportQueue, { ...job });
    if (!id) throw new Error(`pg-boss did not accept the export job for export ${job.exportId}.`);
  }

  async stop(): Promise<void> {
    if (!this.#starting) return;
    await this.#starting.catch(() => undefined);
    await this.#boss.stop({ graceful: false, wait: true });
  }
}
