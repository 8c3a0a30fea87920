import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DistrictAccessRepository,
  DistrictExportRepository,
  districtScope,
  withContext,
  type Database,
  type DistrictExport,
  type DistrictExportFormat,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../errors.ts';
import { exportFilePath } from '../jobs/district-export-job.ts';
import type { DistrictExportQueue } from '../jobs/queue.ts';
import type { Actor } from './actors.ts';
import { requireDistrictAdmin } from './districts.ts';

export interface ExportDownload {
  stream: Readable;
  fileName: string;
  contentType: string;
  byteSize: number | null;
}

const contentTypes: Record<DistrictExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * District exports: the request, its progress and the download. The file itself is written
 * by the export worker (jobs/district-export-worker.ts).
 */
export class DistrictExportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly queue: DistrictExportQueue | null,
    private readonly directory: string | null,
  ) {}

  /** Records an export request and queues its job. */
  async start(actor: Actor, format: DistrictExportFormat): Promise<DistrictExport> {
    requireDistrictAdmin(actor);
    const queue = this.queue;
    const created = await withContext(this.db, actor.context, async (transaction) => {
      const scope = districtScope(transaction, actor.context);
      if (!(await new DistrictAccessRepository(scope).current())) {
        throw new AppError(
          'Forbidden',
          "Your district's partnership with ClockIn is not active, so its data is closed.",
        );
      }
      if (!queue || !this.directory) {
        throw new AppError('JobQueueUnavailable', 'Exports are not set up on this server. Ask ClockIn support.');
      }
      return new DistrictExportRepository(scope).create(format);
    });
    if (!queue) throw new AppError('JobQueueUnavailable', 'Exports are not set up on this server.');
    try {
      await queue.enqueue({
        exportId: created.id,
        districtId: actor.context.districtId as string,
        requestedBy: actor.context.userId as string,
      });
    } catch {
      await withContext(this.db, actor.context, (transaction) =>
        new DistrictExportRepository(districtScope(transaction, actor.context)).fail(
          created.id,
          'The export could not be queued. Start a new export.',
        ),
      );
      throw new AppError('JobQueueUnavailable', 'The export could not be started. Try again in a minute.');
    }
    return created;
  }

  async list(actor: Actor): Promise<DistrictExport[]> {
    requireDistrictAdmin(actor);
    return withContext(this.db, actor.context, (transaction) =>
      new DistrictExportRepository(districtScope(transaction, actor.context)).list(20),
    );
  }

  /** Returns one export of the administrator's district; any other id is a 404. */
  async get(actor: Actor, exportId: string): Promise<DistrictExport> {
    requireDistrictAdmin(actor);
    const found = await withContext(this.db, actor.context, (transaction) =>
      new DistrictExportRepository(districtScope(transaction, actor.context)).get(exportId),
    );
    if (!found) throw notFound('An export of your district with this id');
    return found;
  }

  /**
   * Opens a finished export's file and writes the download to the audit log. Exports of other
   * districts, unfinished ones and expired links are all a 404.
   */
  async download(actor: Actor, exportId: string): Promise<ExportDownload> {
    requireDistrictAdmin(actor);
    const found = await withContext(this.db, actor.context, async (transaction) => {
      const exports = new DistrictExportRepository(districtScope(transaction, actor.context));
      const row = await exports.get(exportId);
      if (!row || row.status !== 'completed' || !row.expiresAt || row.expiresAt.getTime() <= Date.now()) return row;
      await exports.recordDownload(exportId);
      return row;
    });
    if (!found || found.status !== 'completed') throw notFound('A finished export of your district with this id');
    if (!found.expiresAt || found.expiresAt.getTime() <= Date.now()) {
      throw new AppError('NotFound', 'This download link has expired. Start a new export.');
    }
    if (!this.directory) throw new AppError('JobQueueUnavailable', 'Exports are not set up on this server.');

    const stream = createReadStream(exportFilePath(this.directory, found.id, found.format));
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    }).catch(() => {
      throw new AppError('NotFound', 'The export file is no longer available. Start a new export.');
    });
    const date = found.createdAt.toISOString().slice(0, 10);
    return {
      stream,
      fileName: `clockin-${actor.context.districtId}-students-${date}.${found.format}`,
      contentType: contentTypes[found.format],
      byteSize: found.byteSize,
    };
  }
}
