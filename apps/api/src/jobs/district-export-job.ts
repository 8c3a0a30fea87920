import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import {
  DistrictAccessRepository,
  DistrictExportRepository,
  districtScope,
  DistrictStudentRepository,
  withContext,
  type Database,
  type DistrictExportFormat,
  type DistrictStudentCursor,
  type RequestContext,
} from '@clockin/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createExportSerializer } from './district-export-format.ts';
import type { DistrictExportJob } from './queue.ts';

/** How long a finished export can be downloaded. */
export const exportLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** Students read, written and counted per transaction; memory use depends on this, not on the district. */
export const exportBatchSize = 500;

/** Returns the export's file in the export folder. Export ids are UUIDs, so the name cannot leave the folder. */
export function exportFilePath(directory: string, exportId: string, format: DistrictExportFormat): string {
  return path.join(directory, `${exportId}.${format}`);
}

export type ExportOutcome = 'completed' | 'not-visible' | 'failed';

/**
 * Writes one district export to its file, batch by batch. Every read runs as clockin_app in
 * the requesting administrator's own context, so row-level security applies to the job as to
 * the dashboard. Students deleted before a batch is read are not in it. An export whose
 * partnership or membership ended meanwhile stops and leaves no file.
 */
export async function runDistrictExport(
  db: Kysely<Database>,
  job: DistrictExportJob,
  directory: string,
  log: Logger,
): Promise<ExportOutcome> {
  const context: RequestContext = {
    userId: job.requestedBy,
    actorRole: 'district_admin',
    districtId: job.districtId,
    requestId: `export:${job.exportId}`,
  };
  const started = await withContext(db, context, async (transaction) => {
    const scope = districtScope(transaction, context);
    const district = await new DistrictAccessRepository(scope).current();
    const exports = new DistrictExportRepository(scope);
    const request = await exports.get(job.exportId);
    if (!district || !request || request.status === 'completed' || request.status === 'failed') return null;
    const total = await new DistrictStudentRepository(scope).count();
    await exports.markRunning(job.exportId, total);
    return { district, format: request.format };
  });
  if (!started) {
    log.warn({ exportId: job.exportId }, 'district export skipped: the request is not visible or already finished');
    return 'not-visible';
  }

  await mkdir(directory, { recursive: true });
  const finalPath = exportFilePath(directory, job.exportId, started.format);
  const partialPath = `${finalPath}.partial`;
  try {
    const file = createWriteStream(partialPath, { mode: 0o600 });
    const serializer = createExportSerializer(started.format, file, {
      districtId: started.district.districtId,
      districtName: started.district.name,
      generatedAt: new Date(),
    });
    let written = 0;
    let after: DistrictStudentCursor | null = null;
    for (;;) {
      const batch = await withContext(db, context, async (transaction) => {
        const scope = districtScope(transaction, context);
        const students = new DistrictStudentRepository(scope);
        const page = await students.unauditedPage({ limit: exportBatchSize, after });
        const applications = await students.applicationsOf(page.students.map((student) => student.userId));
        for (const student of page.students) {
          await serializer.write({ ...student, applications: applications.get(student.userId) ?? [] });
        }
        written += page.students.length;
        await new DistrictExportRepository(scope).recordProgress(job.exportId, written);
        return page;
      });
      const last = batch.students.at(-1);
      if (!batch.hasMore || !last) break;
      after = [last.familyName, last.givenName, last.userId];
    }
    await serializer.finish();
    await finished(file);
    await rename(partialPath, finalPath);
    const { size } = await stat(finalPath);

    const completed = await withContext(db, context, async (transaction) => {
      const exports = new DistrictExportRepository(districtScope(transaction, context));
      return exports.complete(job.exportId, {
        studentsWritten: written,
        byteSize: size,
        expiresAt: new Date(Date.now() + exportLinkLifetimeMs),
      });
    });
    if (!completed) {
      await rm(finalPath, { force: true });
      log.warn({ exportId: job.exportId }, 'district export discarded: access ended while it ran');
      return 'not-visible';
    }
    log.info(
      { exportId: job.exportId, districtId: job.districtId, students: written, bytes: size },
      'district export completed',
    );
    return 'completed';
  } catch (error) {
    await rm(partialPath, { force: true });
    log.error({ err: error, exportId: job.exportId, districtId: job.districtId }, 'district export failed');
    await withContext(db, context, (transaction) =>
      new DistrictExportRepository(districtScope(transaction, context)).fail(
        job.exportId,
        'The export could not be written. Start a new export.',
      ),
    ).catch((failError: unknown) =>
      log.error({ err: failError, exportId: job.exportId }, 'district export could not be marked failed'),
    );
    return 'failed';
  }
}

/**
 * Deletes export files whose download link has expired, and partial files of jobs that died.
 * Works from file times alone, so it needs no database access: a file is written just before
 * its export is marked complete, so it is older than the link once the link has expired.
 */
export async function deleteExpiredExportFiles(directory: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let deleted = 0;
  for (const name of names) {
    if (!/^[0-9a-f-]{36}\.(csv|json)(\.partial)?$/.test(name)) continue;
    const file = path.join(directory, name);
    const { mtimeMs } = await stat(file);
    if (now - mtimeMs > exportLinkLifetimeMs) {
      await rm(file, { force: true });
      deleted += 1;
    }
  }
  return deleted;
}
