import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApi } from '../src/app.ts';
import { startDistrictExportWorker, type ExportWorker } from '../src/jobs/district-export-worker.ts';
import { installJobQueue } from '../src/jobs/queue.ts';
import { clientId, createConfirmedUser, signIn, userPoolId, type Harness, type SignedIn } from './harness.ts';

/** Runs one statement as the migration role, which row-level security lets through. */
export async function ownerQuery(harness: Harness, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    return await owner.query(text, values);
  } finally {
    await owner.end();
  }
}

/** Returns `count` districts that each have at least one school, with a school of each. */
export async function districtsWithSchools(harness: Harness, count: number) {
  const rows = await ownerQuery(
    harness,
    `SELECT DISTINCT ON (district_id) id AS school_id, district_id FROM app.schools
     WHERE district_id IS NOT NULL ORDER BY district_id, id LIMIT $1`,
    [count],
  );
  return rows.rows as { school_id: string; district_id: string }[];
}

export async function startPartnership(harness: Harness, districtId: string): Promise<void> {
  await ownerQuery(
    harness,
    `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
     VALUES ($1, current_date, 'Dana District', 'dana@example.test', gen_random_uuid())
     ON CONFLICT (district_id) DO UPDATE SET ended_at = NULL, ended_by = NULL`,
    [districtId],
  );
}

/** Creates a district administrator (MFA enrolled on first sign-in) and signs them in. */
export async function districtAdmin(harness: Harness, email: string, districtId: string | null): Promise<SignedIn> {
  const sub = await createConfirmedUser(harness, email, 'district-admin');
  if (districtId) {
    await ownerQuery(
      harness,
      `INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`,
      [districtId, sub],
    );
  }
  return signIn(harness, email);
}

export interface SeededStudent {
  userId: string;
  givenName: string;
  familyName: string;
}

/**
 * Writes students straight into the database, as the owner: faster than signing each one up,
 * and the district routes read only ClockIn's own tables.
 */
export async function seedStudents(
  harness: Harness,
  schoolId: string,
  students: { givenName: string; familyName: string; gradeLevel?: string; birthdate?: string }[],
): Promise<SeededStudent[]> {
  const seeded: SeededStudent[] = [];
  for (const student of students) {
    const userId = crypto.randomUUID();
    await ownerQuery(
      harness,
      `INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level)
       SELECT $1, $2, $3, id, district_id, $4 FROM app.schools WHERE id = $5`,
      [userId, student.givenName, student.familyName, student.gradeLevel ?? '10', schoolId],
    );
    await ownerQuery(harness, 'INSERT INTO app.student_birthdates (user_id, birthdate) VALUES ($1, $2)', [
      userId,
      student.birthdate ?? '2009-03-15',
    ]);
    seeded.push({ userId, givenName: student.givenName, familyName: student.familyName });
  }
  return seeded;
}

/** Writes a verified organization with one published listing near downtown Columbus. */
export async function seedListing(harness: Harness, title: string, employerName: string) {
  const organization = await ownerQuery(
    harness,
    `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
     VALUES ($1, $1, '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0100', 'Retail', 'verified') RETURNING id`,
    [employerName],
  );
  const organizationId = organization.rows[0].id as string;
  const listing = await ownerQuery(
    harness,
    `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                               latitude, longitude, schedule, status, created_by, published_at)
     VALUES ($1, $2, 'Help out after school at the counter.', 1250, 'hour', '1 Main St', 'Columbus', '43215',
             39.96, -83.0, '[]', 'published', gen_random_uuid(), now()) RETURNING id`,
    [organizationId, title],
  );
  return { organizationId, listingId: listing.rows[0].id as string };
}

export async function seedApplication(
  harness: Harness,
  listing: { organizationId: string; listingId: string },
  studentId: string,
  status: string,
  message = 'I would like to work here after school.',
): Promise<string> {
  const row = await ownerQuery(
    harness,
    `INSERT INTO app.applications (organization_id, listing_id, student_id, message, status)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [listing.organizationId, listing.listingId, studentId, message, status],
  );
  return row.rows[0].id as string;
}

export interface ExportStack {
  api: FastifyInstance;
  worker: ExportWorker;
  exportDirectory: string;
  mailboxDir: string;
  close(): Promise<void>;
}

/**
 * Builds a second API on the harness's database and identity service, configured as `npm
 * start` configures it: with the job queue installed, exports on, a worker and a mailbox.
 */
export async function startExportStack(harness: Harness): Promise<ExportStack> {
  const exportDirectory = await mkdtemp(path.join(tmpdir(), 'clockin-exports-'));
  const mailboxDir = path.join(await mkdtemp(path.join(tmpdir(), 'clockin-mail-')), 'mailbox');
  await installJobQueue(harness.database.adminUrl, harness.database.name, harness.database.jobsUrl);

  const address = harness.identity.server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const api = await buildApi(
    {
      databaseUrl: harness.database.appUrl,
      tokenIssuer: `http://localhost:0/${userPoolId}`,
      jwksUrl: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
      identityEndpoint: endpoint,
      region: 'us-east-2',
      clientId,
      development: true,
      mailboxDir,
      clockToleranceSeconds: 30,
      userPoolId,
      districtExports: { jobsDatabaseUrl: harness.database.jobsUrl, directory: exportDirectory },
    },
    { logLevel: 'warn' },
  );
  await api.ready();
  const worker = await startDistrictExportWorker({
    jobsDatabaseUrl: harness.database.jobsUrl,
    appDatabaseUrl: harness.database.appUrl,
    exportDirectory,
    logLevel: 'warn',
    pollingIntervalSeconds: 0.5,
  });
  return {
    api,
    worker,
    exportDirectory,
    mailboxDir,
    close: async () => {
      await worker.stop();
      await api.close();
    },
  };
}

/** Polls an export until it leaves the queue, for at most 20 seconds. */
export async function waitForExport(api: FastifyInstance, user: SignedIn, exportId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.inject({
      method: 'GET',
      url: `/v1/district/exports/${exportId}`,
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    const body = response.json() as { status?: string };
    if (response.statusCode !== 200 || body.status === 'completed' || body.status === 'failed') return response;
    if (Date.now() > deadline) throw new Error(`Export ${exportId} is still ${body.status} after 20 seconds.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function bearer(user: SignedIn) {
  return { authorization: `Bearer ${user.accessToken}` };
}
