import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  PublishedListingRepository,
  withContext,
  type Database,
  type ListingSearch,
  type RequestContext,
} from '@clockin/db';
import { createTestDatabase, type TestDatabase } from '@clockin/db/testing';
import type { CompiledQuery } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

// The search's SQL, as the repository sends it, runs again as clockin_app over 6,000 published
// listings spread across Ohio, with auto_explain reporting the plan of every statement,
// including the one inside app.listing_text_matches. With that many rows the planner reads a
// rare word or a small radius through an index when a usable one exists, so enable_seqscan
// stays on.

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

let database: TestDatabase;
let db: Kysely<Database>;
const recorded: CompiledQuery[] = [];
const anonymous: RequestContext = { userId: null, actorRole: 'anonymous' };

const everything: ListingSearch = {
  text: null,
  origin: null,
  radiusMiles: null,
  category: null,
  minHourlyPayCents: null,
  afterSchool: false,
  weekends: false,
  summer: false,
  workable: null,
  sort: 'newest',
  limit: 20,
  cursor: null,
};

before(async () => {
  database = await createTestDatabase();
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    const organization = await owner.query<{ id: string }>(
      `INSERT INTO app.organizations (legal_name, trading_name, ein, address_line, city, zip, phone, industry, status)
       VALUES ('Index Test LLC', 'Index Test', '12-3456789', '1 Main St', 'Columbus', '43215', '614-555-0101', 'Food',
               'verified')
       RETURNING id`,
    );
    await owner.query(
      `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                                 latitude, longitude, schedule, status, created_by, published_at)
       SELECT $1, format('%s %s %s', (ARRAY['Cashier', 'Lifeguard', 'Stocker', 'Host', 'Barista', 'Camp aide'])[1 + n % 6],
                         (ARRAY['helper', 'assistant', 'crew', 'associate'])[1 + n % 4],
                         CASE WHEN n % 1500 = 0 THEN 'xylophone' ELSE '' END),
              'Help the team with daily tasks and keep the place tidy for customers.',
              1200 + n % 800, 'hour', '1 Main St', 'Columbus', '43215',
              38.5 + random() * 3.4, -84.8 + random() * 4.2,
              '[{"day": 1, "start": "16:00", "end": "19:00", "breakMinutes": 0}]', 'published', gen_random_uuid(),
              now() - make_interval(secs => random() * 2592000)
       FROM generate_series(1, 6000) AS n`,
      [organization.rows[0]?.id],
    );
    // VACUUM moves the GIN index's pending entries into the index proper, as autovacuum would.
    await owner.query('VACUUM ANALYZE app.listings');
    await owner.query('ANALYZE app.organizations');
  } finally {
    await owner.end();
  }

  const pool = new pg.Pool({ connectionString: database.appUrl, max: 1 });
  db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push(event.query);
    },
  });
});

after(async () => {
  await db?.destroy();
  await database?.drop();
});

/** Sends the search through the repository and returns the query that reads the listings. */
async function searchQuery(search: ListingSearch): Promise<{ query: CompiledQuery; found: number }> {
  return withContext(db, anonymous, async (transaction) => {
    recorded.length = 0;
    const page = await new PublishedListingRepository(transaction).search(search);
    const query = recorded.find((candidate) => candidate.sql.includes('from "listings"'));
    assert.ok(query, `no listings query among: ${recorded.map((candidate) => candidate.sql).join('; ')}`);
    return { query, found: page.listings.length };
  });
}

/**
 * Runs the query again as clockin_app in an anonymous context and returns the plans that
 * auto_explain reports for it and for every statement it runs inside functions.
 */
async function executedPlans(query: CompiledQuery): Promise<PlanNode[]> {
  const client = new pg.Client({ connectionString: database.adminUrl });
  const plans: PlanNode[] = [];
  client.on('notice', (notice) => {
    const json = notice.message?.slice(notice.message.indexOf('{'));
    if (json) plans.push((JSON.parse(json) as { Plan: PlanNode }).Plan);
  });
  await client.connect();
  try {
    await client.query(`LOAD 'auto_explain'`);
    await client.query(`SET auto_explain.log_min_duration = 0`);
    await client.query(`SET auto_explain.log_nested_statements = on`);
    await client.query(`SET auto_explain.log_format = 'json'`);
    await client.query(`SET auto_explain.log_level = 'notice'`);
    await client.query('SET ROLE clockin_app');
    // SET ROLE does not apply the role's own settings, so its search path is set here.
    await client.query('SET search_path = app, public');
    await client.query('BEGIN');
    await client.query(`SELECT set_config('clockin.actor_role', 'anonymous', true)`);
    plans.length = 0;
    await client.query(query.sql, [...query.parameters]);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return plans;
}

function indexesUsed(node: PlanNode): string[] {
  const own = node['Index Name'] ? [`${node['Node Type']} on ${node['Index Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(indexesUsed)];
}

describe('listing search indexes', () => {
  for (const sort of ['relevance', 'newest'] as const) {
    test(`text search by ${sort} reads the GIN index`, async () => {
      const { query, found } = await searchQuery({ ...everything, text: 'xylophone', sort });
      assert.equal(found, 4);
      const used = (await executedPlans(query)).flatMap(indexesUsed);
      assert.ok(
        used.includes('Bitmap Index Scan on listings_search_document_idx'),
        `the plans read ${used.join(', ') || 'no index'}`,
      );
    });
  }

  test('radius reads the location index', async () => {
    const { query, found } = await searchQuery({
      ...everything,
      origin: { latitude: 39.9669, longitude: -83.013 },
      radiusMiles: 10,
      sort: 'distance',
    });
    assert.ok(found > 0);
    const used = (await executedPlans(query)).flatMap(indexesUsed);
    assert.ok(
      used.some((entry) => entry.endsWith('on listings_location_idx')),
      `the plans read ${used.join(', ') || 'no index'}`,
    );
  });
});
