import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { withContext, type DatabaseTransaction, type RequestContext } from '../src/context.ts';
import { ApplicationRepository } from '../src/repositories/applications.ts';
import { DistrictStudentRepository } from '../src/repositories/district-students.ts';
import { ListingRepository } from '../src/repositories/listings.ts';
import { PublishedListingRepository } from '../src/repositories/published-listings.ts';
import type { Database } from '../src/schema.ts';
import { districtScope, tenantScope } from '../src/tenant-repository.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { seedManyOrganizations, type SeededOrganization } from './fixtures.ts';

// The repositories run their queries as the runtime role with a request context set, and the
// SQL that Kysely sent is then explained in the same transaction. The seed writes 12,000
// listings, 24,000 applications and 12,000 audit events, 40 to 80 rows of each per organization.
// The planner's cost for reading one organization's rows is then far lower through a matching
// index than through a sequential scan. So it picks the index when one exists, and
// enable_seqscan stays on.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

interface Scan {
  node: string;
  /** Schema-qualified relation. A partition is reported under its partitioned table. */
  table: string;
  /** The scanned relation itself, partition included. */
  relation: string;
  index: string | null;
  indexCondition: string | null;
}

interface ExplainedQuery {
  sql: string;
  plan: PlanNode;
}

let database: TestDatabase;
let db: Kysely<Database>;
let admin: pg.Client;
let organizations: SeededOrganization[];
const recorded: CompiledQuery[] = [];
/** Partition → partitioned table, for every partition in the database. */
let partitionRoots: Map<string, string>;
/** Relations with no rows after ANALYZE, where a sequential scan costs nothing. */
let emptyRelations: Set<string>;

before(async () => {
  database = await createTestDatabase();
  organizations = await seedManyOrganizations(database.ownerUrl, {
    organizations: 300,
    listingsPerOrganization: 40,
    applicationsPerListing: 2,
    students: 3000,
    listingStatus: 'mixed',
    auditEvents: true,
  });

  const pool = new pg.Pool({ connectionString: database.appUrl, max: 1 });
  pool.on('error', (error) => console.warn(`PostgreSQL connection error on an idle connection: ${error.message}`));
  db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push(event.query);
    },
  });

  admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const partitions = await admin.query<{ partition: string; root: string }>(
    `SELECT c.oid::regclass::text AS partition, pg_partition_root(c.oid)::regclass::text AS root
     FROM pg_class c WHERE c.relispartition AND c.relkind IN ('r', 'p')`,
  );
  partitionRoots = new Map(partitions.rows.map((row) => [row.partition, row.root]));
  const empty = await admin.query<{ relation: string }>(
    `SELECT c.oid::regclass::text AS relation
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('app', 'audit') AND c.relkind = 'r' AND c.reltuples = 0`,
  );
  emptyRelations = new Set(empty.rows.map((row) => row.relation));
});

after(async () => {
  await admin?.end();
  await db?.destroy();
  await database?.drop();
});

/**
 * Runs `work` in a transaction with the request context, then explains each query that it
 * sent, with the same parameters, in the same transaction.
 */
async function explainQueries(
  context: RequestContext,
  work: (transaction: DatabaseTransaction) => Promise<unknown>,
): Promise<ExplainedQuery[]> {
  return withContext(db, context, async (transaction) => {
    recorded.length = 0;
    await work(transaction);
    const queries = recorded.splice(0);
    const explained: ExplainedQuery[] = [];
    for (const query of queries) {
      const result = await transaction.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        CompiledQuery.raw(`EXPLAIN (FORMAT JSON, VERBOSE) ${query.sql}`, [...query.parameters]),
      );
      const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
      assert.ok(plan, `no plan for ${query.sql}`);
      explained.push({ sql: query.sql, plan });
    }
    return explained;
  });
}

/** Explains the first SELECT that the work sent. */
async function explainFirstSelect(
  context: RequestContext,
  work: (transaction: DatabaseTransaction) => Promise<unknown>,
): Promise<PlanNode> {
  const explained = await explainQueries(context, work);
  const select = explained.find((query) => /^\s*select\b/i.test(query.sql));
  assert.ok(select, `no SELECT among: ${explained.map((query) => query.sql).join('; ')}`);
  return select.plan;
}

/** Lists every scan in the plan. A bitmap index scan takes the table of its heap scan. */
function collectScans(node: PlanNode, bitmapHeap?: string): Scan[] {
  const nodeType = node['Node Type'];
  const relation = node['Relation Name'] ? `${node.Schema}.${node['Relation Name']}` : bitmapHeap;
  const scans: Scan[] = [];
  if (relation && (node['Relation Name'] || nodeType === 'Bitmap Index Scan')) {
    scans.push({
      node: nodeType,
      table: partitionRoots.get(relation) ?? relation,
      relation,
      index: node['Index Name'] ?? null,
      indexCondition: node['Index Cond'] ?? null,
    });
  }
  const passesHeap = nodeType === 'Bitmap Heap Scan' || nodeType === 'BitmapAnd' || nodeType === 'BitmapOr';
  for (const child of node.Plans ?? []) scans.push(...collectScans(child, passesHeap ? relation : undefined));
  return scans;
}

function describeScans(scans: Scan[]): string {
  return scans
    .map(
      (scan) => `${scan.node} on ${scan.relation}${scan.index ? ` using ${scan.index} (${scan.indexCondition})` : ''}`,
    )
    .join('; ');
}

async function firstIndexColumn(scan: Scan): Promise<string | null> {
  if (!scan.index) return null;
  const schema = scan.relation.split('.')[0];
  const result = await admin.query<{ column: string | null }>(
    `SELECT pg_get_indexdef(to_regclass(format('%I.%I', $1::text, $2::text)), 1, true) AS column`,
    [schema, scan.index],
  );
  return result.rows[0]?.column ?? null;
}

/**
 * Asserts that the plan reads `table` through an index whose first column is `column`, with
 * `value` in the index condition, and never scans a non-empty part of it sequentially.
 */
async function assertReadByLeadingColumn(plan: PlanNode, table: string, column: string, value: string): Promise<void> {
  const scans = collectScans(plan).filter((scan) => scan.table === table);
  assert.ok(scans.length > 0, `the plan does not read ${table}`);

  const sequential = scans.filter((scan) => scan.node === 'Seq Scan' && !emptyRelations.has(scan.relation));
  assert.deepEqual(describeScans(sequential), '', `sequential scans of ${table}`);

  const leading: Scan[] = [];
  for (const scan of scans) {
    if (scan.indexCondition?.includes(value) && (await firstIndexColumn(scan)) === column) leading.push(scan);
  }
  assert.ok(
    leading.length > 0,
    `no index led by ${column} finds ${value} in ${table}; the scans are: ${describeScans(scans)}`,
  );
}

function employerContext(organization: SeededOrganization): RequestContext {
  return { userId: crypto.randomUUID(), actorRole: 'employer', organizationId: organization.id };
}

function pickOrganization(): SeededOrganization {
  const organization = organizations[Math.floor(organizations.length / 2)];
  assert.ok(organization);
  return organization;
}

describe('indexes of the scoped queries', () => {
  test('listings by organization lead with organization_id', async () => {
    const organization = pickOrganization();
    const context = employerContext(organization);
    const plan = await explainFirstSelect(context, (transaction) =>
      new ListingRepository(tenantScope(transaction, context)).list(),
    );
    await assertReadByLeadingColumn(plan, 'app.listings', 'organization_id', organization.id);
  });

  test('application counts lead with organization_id', async () => {
    const organization = pickOrganization();
    const context = employerContext(organization);
    const plan = await explainFirstSelect(context, (transaction) =>
      new ListingRepository(tenantScope(transaction, context)).list(),
    );
    await assertReadByLeadingColumn(plan, 'app.applications', 'organization_id', organization.id);
  });

  test('applicant projection leads with organization_id', async () => {
    const organization = pickOrganization();
    const listing = organization.listings[0];
    assert.ok(listing);
    const context = employerContext(organization);
    const plan = await explainFirstSelect(context, async (transaction) => {
      const applicants = await new ListingRepository(tenantScope(transaction, context)).applicants(listing.id);
      assert.equal(applicants.length, listing.applications.length);
    });
    await assertReadByLeadingColumn(plan, 'app.applications', 'organization_id', organization.id);
  });

  test('student applications lead with student_id', async () => {
    const application = pickOrganization().listings[0]?.applications[0];
    assert.ok(application);
    const context: RequestContext = { userId: application.studentId, actorRole: 'student' };
    const plan = await explainFirstSelect(context, (transaction) =>
      new ApplicationRepository(transaction, context).listMine(),
    );
    await assertReadByLeadingColumn(plan, 'app.applications', 'student_id', application.studentId);
  });

  test('audit events lead with organization_id', async () => {
    // No repository reads the audit log yet. This is the staff query that the
    // organization_id, occurred_at index is there for, built with Kysely.
    const organization = pickOrganization();
    const context: RequestContext = { userId: crypto.randomUUID(), actorRole: 'staff' };
    const plan = await explainFirstSelect(context, async (transaction) => {
      const events = await transaction
        .selectFrom('audit.events')
        .where('organization_id', '=', organization.id)
        .orderBy('occurred_at', 'desc')
        .limit(50)
        .selectAll()
        .execute();
      assert.equal(events.length, organization.listings.length);
    });
    await assertReadByLeadingColumn(plan, 'audit.events', 'organization_id', organization.id);
  });

  test('district students lead with district_id', async () => {
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    let districtId: string;
    try {
      const busiest = await owner.query<{ district_id: string }>(
        `SELECT district_id FROM app.students WHERE district_id IS NOT NULL
         GROUP BY district_id ORDER BY count(*) DESC, district_id LIMIT 1`,
      );
      const found = busiest.rows[0]?.district_id;
      assert.ok(found);
      districtId = found;
    } finally {
      await owner.end();
    }
    const context: RequestContext = { userId: crypto.randomUUID(), actorRole: 'district_admin', districtId };
    const plan = await explainFirstSelect(context, (transaction) =>
      new DistrictStudentRepository(districtScope(transaction, context)).list({ limit: 20 }),
    );
    await assertReadByLeadingColumn(plan, 'app.students', 'district_id', districtId);
  });
});

describe('indexes of the published listings search', () => {
  // Published listings belong to no single tenant: the search is keyed by publication time.

  test('first page reads the publication time index', async () => {
    const context: RequestContext = { userId: null, actorRole: 'anonymous' };
    const plan = await explainFirstSelect(context, (transaction) =>
      new PublishedListingRepository(transaction).list(20, null),
    );
    const scans = collectScans(plan).filter((scan) => scan.table === 'app.listings');
    const ordered: Scan[] = [];
    for (const scan of scans) {
      if (scan.node === 'Index Scan' && (await firstIndexColumn(scan)) === 'published_at') ordered.push(scan);
    }
    assert.ok(ordered.length > 0, `listings are not read in publication order: ${describeScans(scans)}`);
  });

  test('later page seeks to the cursor', async () => {
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    let cursor: { publishedAt: string; id: string };
    try {
      const deep = await owner.query<{ id: string; published_at: Date }>(
        `SELECT id, published_at FROM app.listings WHERE status = 'published'
         ORDER BY published_at DESC, id DESC OFFSET 4000 LIMIT 1`,
      );
      const row = deep.rows[0];
      assert.ok(row);
      cursor = { publishedAt: row.published_at.toISOString(), id: row.id };
    } finally {
      await owner.end();
    }

    const context: RequestContext = { userId: null, actorRole: 'anonymous' };
    const plan = await explainFirstSelect(context, (transaction) =>
      new PublishedListingRepository(transaction).list(20, cursor),
    );
    // Without the cursor in the index condition, the scan starts at the newest listing and
    // filters out every row before the cursor, so each later page costs more than the last.
    const scans = collectScans(plan).filter((scan) => scan.table === 'app.listings');
    const seeking = scans.filter((scan) => scan.indexCondition?.includes('published_at'));
    assert.ok(seeking.length > 0, `no listings scan starts at the cursor: ${describeScans(scans)}`);
  });
});
