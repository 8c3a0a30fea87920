import { createDatabase, jobSchema } from '@clockin/db';
import PgBoss from 'pg-boss';
import pino, { type Logger } from 'pino';
import { loggerOptions } from '../logging.ts';
import { deleteExpiredExportFiles, runDistrictExport } from './district-export-job.ts';
import { jobQueueError } from './account-jobs.ts';
import { districtExportQueue, type DistrictExportJob } from './queue.ts';

export interface ExportWorkerOptions {
  /** clockin_jobs' connection URL: it fetches and completes jobs, and reads no ClockIn table. */
  jobsDatabaseUrl: string;
  /** clockin_app's connection URL: every export reads district data as this role. */
  appDatabaseUrl: string;
  /** Folder for export files, inside the data folder. */
  exportDirectory: string;
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  /** How often an idle worker polls for a job, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
}

export interface ExportWorker {
  stop(): Promise<void>;
}

/** How often expired export files are deleted. */
const sweepIntervalMs = 10 * 60 * 1000;

function isExportJob(data: unknown): data is DistrictExportJob {
  const job = data as Partial<DistrictExportJob> | null;
  return typeof job?.exportId === 'string' && typeof job.districtId === 'string' && typeof job.requestedBy === 'string';
}

/**
 * Starts the district export worker: pg-boss on the jobs role fetches one job at a time, and
 * runDistrictExport writes the file as clockin_app. installJobQueue must have run first.
 */
export async function startDistrictExportWorker(options: ExportWorkerOptions): Promise<ExportWorker> {
  const baseLogger = options.logStream
    ? pino(loggerOptions(options.logLevel ?? 'info'), options.logStream)
    : pino(loggerOptions(options.logLevel ?? 'info'));
  const log: Logger = baseLogger.child({ component: 'district-export-worker' });
  const db = createDatabase(options.appDatabaseUrl, 4);
  const boss = new PgBoss({
    connectionString: options.jobsDatabaseUrl,
    schema: jobSchema,
    max: 4,
    migrate: false,
  });
  boss.on('error', (error) => log.error({ error: jobQueueError(error) }, 'job queue error'));

  const sweep = async () => {
    try {
      const deleted = await deleteExpiredExportFiles(options.exportDirectory);
      if (deleted > 0) log.info({ deleted }, 'deleted expired district export files');
    } catch (error) {
      log.error({ err: error }, 'deleting expired district export files failed');
    }
  };

  try {
    await boss.start();
    await boss.work(
      districtExportQueue,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        for (const job of jobs) {
          if (!isExportJob(job.data)) {
            log.error({ jobId: job.id }, 'district export job has no export id, district or requester; dropped');
            continue;
          }
          await runDistrictExport(db, job.data, options.exportDirectory, log);
        }
      },
    );
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await db.destroy();
    throw error;
  }
  await sweep();
  const timer = setInterval(() => void sweep(), sweepIntervalMs);
  timer.unref();
  log.info({ queue: districtExportQueue }, 'district export worker started');

  return {
    async stop() {
      clearInterval(timer);
      // A graceful stop lets a running export finish its current batch loop before the pool closes.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await db.destroy();
      log.info('district export worker stopped');
    },
  };
}
