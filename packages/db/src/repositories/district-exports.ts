import { sql } from 'kysely';
import { DistrictRepository } from '../tenant-repository.ts';
import type { DistrictExportFormat, DistrictExportStatus } from '../schema.ts';

/** An export request of the district in the request context, and its progress. */
export interface DistrictExport {
  id: string;
  format: DistrictExportFormat;
  status: DistrictExportStatus;
  requestedBy: string;
  /** Students in the district when the job started; null until then. */
  totalStudents: number | null;
  studentsWritten: number;
  byteSize: number | null;
  failureReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** After this moment the file is no longer served, and the worker deletes it. */
  expiresAt: Date | null;
}

const exportColumns = [
  'district_exports.id',
  'district_exports.format',
  'district_exports.status',
  'district_exports.requested_by',
  'district_exports.total_students',
  'district_exports.students_written',
  'district_exports.byte_size',
  'district_exports.failure_reason',
  'district_exports.created_at',
  'district_exports.started_at',
  'district_exports.completed_at',
  'district_exports.expires_at',
] as const;

type ExportRow = {
  id: string;
  format: DistrictExportFormat;
  status: DistrictExportStatus;
  requested_by: string;
  total_students: number | null;
  students_written: number;
  byte_size: string | null;
  failure_reason: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date | null;
};

function toExport(row: ExportRow): DistrictExport {
  return {
    id: row.id,
    format: row.format,
    status: row.status,
    requestedBy: row.requested_by,
    totalStudents: row.total_students,
    studentsWritten: row.students_written,
    byteSize: row.byte_size === null ? null : Number(row.byte_size),
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
  };
}

/**
 * Export requests of the district in the request context. The API creates them, and the
 * worker moves them along in the requesting administrator's own context, so every write
 * passes the same row-level security policy as a read.
 */
export class DistrictExportRepository extends DistrictRepository {
  /** Records a new export request and writes it to the audit log. */
  async create(format: DistrictExportFormat): Promise<DistrictExport> {
    if (!this.context.userId) throw new Error('An export request needs the requesting user in the context.');
    const row = await this.insertExport({ requested_by: this.context.userId, format })
      .returning(exportColumns)
      .executeTakeFirstOrThrow();
    await this.audit({
      action: 'district.export.requested',
      targetType: 'district_export',
      targetId: row.id,
      details: { format },
    });
    return toExport(row);
  }

  /** Returns the district's newest export requests first. */
  async list(limit: number): Promise<DistrictExport[]> {
    const rows = await this.selectFrom('district_exports')
      .select(exportColumns)
      .orderBy('district_exports.created_at', 'desc')
      .orderBy('district_exports.id')
      .limit(limit)
      .execute();
    return rows.map(toExport);
  }

  /** Returns one export of this district, or null for an id of any other district. */
  async get(exportId: string): Promise<DistrictExport | null> {
    const row = await this.selectFrom('district_exports')
      .where('district_exports.id', '=', exportId)
      .select(exportColumns)
      .executeTakeFirst();
    return row ? toExport(row) : null;
  }

  /** Moves a queued (or retried) export to running. Returns false when no such export is visible. */
  async markRunning(exportId: string, totalStudents: number): Promise<boolean> {
    const result = await this.updateExports()
      .where('district_exports.id', '=', exportId)
      .where('district_exports.status', 'in', ['queued', 'running'])
      .set({
        status: 'running',
        total_students: totalStudents,
        students_written: 0,
        started_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordProgress(exportId: string, studentsWritten: number): Promise<void> {
    await this.updateExports()
      .where('district_exports.id', '=', exportId)
      .where('district_exports.status', '=', 'running')
      .set({ students_written: studentsWritten, updated_at: sql<Date>`now()` })
      .execute();
  }

  /**
   * Marks the export complete with its size and link expiry, and writes it to the audit log.
   * Returns false when the export is no longer visible, for example after the partnership ended.
   */
  async complete(
    exportId: string,
    result: { studentsWritten: number; byteSize: number; expiresAt: Date },
  ): Promise<boolean> {
    const updated = await this.updateExports()
      .where('district_exports.id', '=', exportId)
      .where('district_exports.status', '=', 'running')
      .set({
        status: 'completed',
        students_written: result.studentsWritten,
        byte_size: result.byteSize,
        completed_at: sql<Date>`now()`,
        expires_at: result.expiresAt,
        updated_at: sql<Date>`now()`,
      })
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await this.audit({
      action: 'district.export.completed',
      targetType: 'district_export',
      targetId: exportId,
      details: { students: result.studentsWritten, bytes: result.byteSize },
    });
    return true;
  }

  /** Marks the export failed with a reason that names no student, and writes it to the audit log. */
  async fail(exportId: string, reason: string): Promise<void> {
    await this.updateExports()
      .where('district_exports.id', '=', exportId)
      .where('district_exports.status', 'in', ['queued', 'running'])
      .set({ status: 'failed', failure_reason: reason.slice(0, 500), updated_at: sql<Date>`now()` })
      .execute();
    await this.audit({ action: 'district.export.failed', targetType: 'district_export', targetId: exportId });
  }

  async recordDownload(exportId: string): Promise<void> {
    await this.audit({ action: 'district.export.downloaded', targetType: 'district_export', targetId: exportId });
  }
}
