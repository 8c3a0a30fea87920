import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDistrictExport } from '@clockin/api/jobs/district-export-job';
import type { Actor } from '@clockin/api/services/actors';
import { DistrictService } from '@clockin/api/services/districts';
import { createDatabase } from '@clockin/db';
import { createTestDatabase } from '@clockin/db/testing';
import pg from 'pg';
import pino from 'pino';
import { startTestServer } from './test-server.ts';

// `npm run bench:district`: seeds one district with 50,000 students in a throwaway PostgreSQL,
// then measures the dashboard's load time and each export's time and peak memory. Prints a
// Markdown table for docs/BENCHMARKS.md. Not part of `npm test`.

const districtId = '043802';
const studentCount = Number(process.env.BENCH_STUDENTS ?? 50_000);
const listingCount = 200;
const dashboardRuns = 5;

async function seed(ownerUrl: string, adminId: string): Promise<{ applications: number }> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    const organization = await owner.query<{ id: string }>(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       VALUES ('Bench Employer LLC', 'Bench Employer', '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0100',
               'Retail', 'verified') RETURNING id`,
    );
    const organizationId = organization.rows[0]?.id;
    await owner.query(
      `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                 latitude, longitude, schedule, status, created_by, published_at)
       SELECT $1, format('Bench listing %s', n), 'Help out after school.', 1200, 'hour', '1 Main St', 'Columbus',
              '43215', 39.96 + (n % 20) * 0.01, -83.0 - (n % 10) * 0.01, '[]', 'published', gen_random_uuid(), now()
       FROM generate_series(1, $2) AS n`,
      [organizationId, listingCount],
    );
    // Students spread over the district's schools, grades and ages 15 to 19.
    await owner.query(
      `WITH schools AS (
         SELECT id, row_number() OVER (ORDER BY id) - 1 AS position, count(*) OVER () AS total
         FROM app.schools WHERE district_id = $1
       )
       INSERT INTO app.students (user_id, given_name, family_name, school_id, district_id, grade_level, created_at)
       SELECT gen_random_uuid(), format('Given%s', n), format('Family%s', n % 5000), s.id, $1,
              (ARRAY['9', '10', '11', '12', 'graduated'])[1 + n % 5], now() - make_interval(days => n % 365)
       FROM generate_series(1, $2) AS n JOIN schools s ON s.position = n % s.total`,
      [districtId, studentCount],
    );
    await owner.query(
      `INSERT INTO app.student_birthdates (user_id, birthdate)
       SELECT user_id, current_date - make_interval(years => 15 + (hashtext(user_id::text) & 3), days => hashtext(user_id::text) & 255)
       FROM app.students WHERE district_id = $1`,
      [districtId],
    );
    // Zero to three applications per student, to different listings, with every status.
    const applications = await owner.query(
      `WITH numbered AS (
         SELECT user_id, row_number() OVER (ORDER BY user_id) AS n FROM app.students WHERE district_id = $1
       ), listings AS (
         SELECT id, row_number() OVER (ORDER BY id) - 1 AS position FROM app.listings WHERE organization_id = $2
       )
       INSERT INTO app.applications (organization_id, listing_id, student_id, message, status, created_at, updated_at)
       SELECT $2, l.id, s.user_id, 'Bench application.',
              (ARRAY['submitted', 'viewed', 'shortlisted', 'contact_requested', 'contact_shared', 'hired',
                     'not_selected', 'withdrawn'])[1 + (s.n + k) % 8],
              now() - make_interval(days => ((s.n * 7 + k) % 360)::int),
              now() - make_interval(days => ((s.n * 3 + k) % 30)::int)
       FROM numbered s
       CROSS JOIN LATERAL generate_series(0, (s.n % 4)::int - 1) AS k
       JOIN listings l ON l.position = (s.n + k * 37) % $3`,
      [districtId, organizationId, listingCount],
    );
    await owner.query(
      `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
       VALUES ($1, current_date, 'Bench Contact', 'bench@example.test', gen_random_uuid())`,
      [districtId],
    );
    await owner.query(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
      districtId,
      adminId,
    ]);
    await owner.query('COMMIT');
    await owner.query('ANALYZE app.students, app.student_birthdates, app.applications, app.listings');
    return { applications: applications.rowCount ?? 0 };
  } finally {
    await owner.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs `work` while sampling heap and resident memory every 10 ms; returns the peaks above the start. */
async function measureMemory<T>(work: () => Promise<T>) {
  global.gc?.();
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 10);
  const began = performance.now();
  try {
    const result = await work();
    return {
      result,
      milliseconds: performance.now() - began,
      heapGrowthMb: (peakHeap - start.heapUsed) / 2 ** 20,
      rssGrowthMb: (peakRss - start.rss) / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const server = await startTestServer();
  Object.assign(process.env, server.env);
  const database = await createTestDatabase();
  const exportDirectory = await mkdtemp(path.join(tmpdir(), 'clockin-bench-exports-'));
  const db = createDatabase(database.appUrl, 4);
  try {
    const adminId = crypto.randomUUID();
    const seedStarted = performance.now();
    const { applications } = await seed(database.ownerUrl, adminId);
    console.log(
      `Seeded ${studentCount} students and ${applications} applications in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`,
    );

    const actor: Actor = {
      context: { userId: adminId, actorRole: 'district_admin', districtId, requestId: 'bench' },
      membership: null,
    };
    const districts = new DistrictService(db);
    const dashboardTimes: number[] = [];
    for (let run = 0; run < dashboardRuns; run += 1) {
      const began = performance.now();
      const dashboard = await districts.dashboard(actor, { distanceMiles: 10 });
      dashboardTimes.push(performance.now() - began);
      if (dashboard.totals.students.count !== studentCount) {
        throw new Error(`The dashboard counted ${dashboard.totals.students.count} students, not ${studentCount}.`);
      }
    }
    const listTimes: number[] = [];
    for (let run = 0; run < dashboardRuns; run += 1) {
      const began = performance.now();
      await districts.students(actor, { limit: 50, search: 'given1' });
      listTimes.push(performance.now() - began);
    }

    const log = pino({ level: 'warn' });
    const rows: string[] = [];
    for (const format of ['csv', 'json'] as const) {
      const owner = new pg.Client({ connectionString: database.ownerUrl });
      await owner.connect();
      const created = await owner.query<{ id: string }>(
        `INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, $2, $3) RETURNING id`,
        [districtId, adminId, format],
      );
      await owner.end();
      const exportId = created.rows[0]?.id ?? '';
      const measured = await measureMemory(() =>
        runDistrictExport(db, { exportId, districtId, requestedBy: adminId }, exportDirectory, log),
      );
      if (measured.result !== 'completed') throw new Error(`The ${format} export ended ${measured.result}.`);
      rows.push(
        `| ${format.toUpperCase()} export | ${(measured.milliseconds / 1000).toFixed(1)} s | ` +
          `${measured.heapGrowthMb.toFixed(1)} MiB | ${measured.rssGrowthMb.toFixed(1)} MiB (peak RSS ${measured.peakRssMb.toFixed(0)} MiB) |`,
      );
    }

    console.log('\n| measurement | time | peak heap growth | peak RSS growth |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| dashboard (all aggregates, ${dashboardRuns} runs) | median ${median(dashboardTimes).toFixed(0)} ms, max ${Math.max(...dashboardTimes).toFixed(0)} ms | | |`,
    );
    console.log(
      `| student list, first page of a search (${dashboardRuns} runs) | median ${median(listTimes).toFixed(0)} ms | | |`,
    );
    for (const row of rows) console.log(row);
  } finally {
    await db.destroy();
    await database.drop();
    await rm(exportDirectory, { recursive: true, force: true });
    await server.stop();
  }
}

await main();
