import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DistrictExportFormat, DistrictStudentApplication, DistrictStudentDetail } from '@clockin/db';
import { stringify } from 'csv-stringify';

/**
 * The file formats of a district export. Both carry exactly the dashboard's individual-level
 * fields: the student list's columns and each student's applications. README.md lists them.
 */

/** CSV columns, one row per application; a student without applications gets one row. */
export const csvColumns = [
  'student_id',
  'given_name',
  'family_name',
  'school_id',
  'school_name',
  'grade_level',
  'age_band',
  'joined_at',
  'application_count',
  'hire_count',
  'listing_title',
  'employer_name',
  'application_status',
  'applied_at',
  'status_updated_at',
] as const;

type CsvRecord = Record<(typeof csvColumns)[number], string | number | null>;

/**
 * Spreadsheets run a cell that begins with =, +, - or @ as a formula, and some also treat a
 * leading tab or carriage return that way. Such a cell gets a leading apostrophe, which
 * spreadsheets show as text (the OWASP advice for CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecords(student: DistrictStudentDetail): CsvRecord[] {
  const common = {
    student_id: student.userId,
    given_name: student.givenName,
    family_name: student.familyName,
    school_id: student.schoolId,
    school_name: student.schoolName,
    grade_level: student.gradeLevel,
    age_band: student.ageBand,
    joined_at: student.joinedAt.toISOString(),
    application_count: student.applicationCount,
    hire_count: student.hireCount,
  };
  const empty = {
    listing_title: null,
    employer_name: null,
    application_status: null,
    applied_at: null,
    status_updated_at: null,
  };
  if (student.applications.length === 0) return [{ ...common, ...empty }];
  return student.applications.map((application) => ({
    ...common,
    listing_title: application.listingTitle,
    employer_name: application.employerName,
    application_status: application.status,
    applied_at: application.appliedAt.toISOString(),
    status_updated_at: application.statusUpdatedAt.toISOString(),
  }));
}

function jsonApplication(application: DistrictStudentApplication) {
  return {
    listingTitle: application.listingTitle,
    employerName: application.employerName,
    status: application.status,
    appliedAt: application.appliedAt.toISOString(),
    statusUpdatedAt: application.statusUpdatedAt.toISOString(),
  };
}

function jsonStudent(student: DistrictStudentDetail) {
  return {
    studentId: student.userId,
    givenName: student.givenName,
    familyName: student.familyName,
    schoolId: student.schoolId,
    schoolName: student.schoolName,
    gradeLevel: student.gradeLevel,
    ageBand: student.ageBand,
    joinedAt: student.joinedAt.toISOString(),
    applicationCount: student.applicationCount,
    hireCount: student.hireCount,
    statusCounts: student.statusCounts,
    applications: student.applications.map(jsonApplication),
  };
}

export interface ExportHeader {
  districtId: string;
  districtName: string;
  generatedAt: Date;
}

/** Writes students to a file one at a time, waiting whenever the file stream is full. */
export interface ExportSerializer {
  write(student: DistrictStudentDetail): Promise<void>;
  /** Ends the output and resolves once every byte has reached the destination. */
  finish(): Promise<void>;
}

async function writeWithBackpressure(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

function csvSerializer(destination: Writable): ExportSerializer {
  const stringifier = stringify({
    header: true,
    columns: [...csvColumns],
    cast: { string: neutraliseFormula },
  });
  const done = pipeline(stringifier, destination);
  // The pipeline's rejection is reported by finish(); this keeps it from going unhandled first.
  done.catch(() => {});
  return {
    async write(student) {
      for (const record of csvRecords(student)) await writeWithBackpressure(stringifier, record);
    },
    async finish() {
      stringifier.end();
      await done;
    },
  };
}

/** Writes a JSON document `{ district, generatedAt, students: [...] }` one student at a time. */
function jsonSerializer(destination: Writable, header: ExportHeader): ExportSerializer {
  let first = true;
  const opening = JSON.stringify({
    district: { id: header.districtId, name: header.districtName },
    generatedAt: header.generatedAt.toISOString(),
  });
  const ready = writeWithBackpressure(destination, `${opening.slice(0, -1)},"students":[`);
  return {
    async write(student) {
      await ready;
      await writeWithBackpressure(destination, `${first ? '\n' : ',\n'}${JSON.stringify(jsonStudent(student))}`);
      first = false;
    },
    async finish() {
      await ready;
      destination.end('\n]}\n');
      await once(destination, 'finish');
    },
  };
}

export function createExportSerializer(
  format: DistrictExportFormat,
  destination: Writable,
  header: ExportHeader,
): ExportSerializer {
  return format === 'csv' ? csvSerializer(destination) : jsonSerializer(destination, header);
}
