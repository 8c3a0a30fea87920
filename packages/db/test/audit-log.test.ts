import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { runAuditRetention } from '../src/audit-retention.ts';
import { verifyAuditChain } from '../src/audit-verify.ts';
import { roleUrl, withDatabase } from '../src/bootstrap.ts';
import { createDatabase, withContext, type RequestContext } from '../src/context.ts';
import { appMigrations, migrate } from '../src/migrate.ts';
import { recordAuditEvent } from '../src/repositories/audit.ts';
import { createTestDatabase, testServer, type TestDatabase } from '../src/testing.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const changeStatements = ['UPDATE {table} SET action = action', 'DELETE FROM {table}', 'TRUNCATE {table}'];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  return withClient(url, (client) => client.query<T>(text, values));
}

async function queryRow<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T> {
  const result = await query<T>(url, text, values);
  const row = result.rows[0];
  if (!row) throw new Error(`No row from: ${text}`);
  return row;
}

async function countEvents(ownerUrl: string): Promise<number> {
  const row = await queryRow<{ n: number }>(ownerUrl, 'SELECT count(*)::int AS n FROM audit.events');
  return row.n;
}

async function assertRejects(work: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(work, (error: Error & { code?: string }) => {
    assert.equal(error.code, code, `expected SQLSTATE ${code}, got ${error.code}: ${error.message}`);
    if (message) assert.match(error.message, message);
    return true;
  });
}

function staffContext(): RequestContext {
  return { userId: crypto.randomUUID(), actorRole: 'staff', requestId: crypto.randomUUID() };
}

/** Writes events through the repository as the runtime role, one transaction each. */
async function recordEvents(appUrl: string, count: number): Promise<void> {
  const db = createDatabase(appUrl, 2);
  try {
    for (let index = 0; index < count; index += 1) {
      const context = staffContext();
      await withContext(db, context, (transaction) =>
        recordAuditEvent(transaction, context, {
          action: 'listing.approved',
          targetType: 'listing',
          targetId: crypto.randomUUID(),
          organizationId: crypto.randomUUID(),
          details: { sequence: index },
        }),
      );
    }
  } finally {
    await db.destroy();
  }
}

/** Runs one statement as the owner with the append-only trigger switched off, as a tamperer could. */
async function changeAsOwner(ownerUrl: string, statement: string, values: unknown[]): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit.events DISABLE TRIGGER events_append_only');
    await client.query(statement, values);
    await client.query('ALTER TABLE audit.events ENABLE TRIGGER events_append_only');
    await client.query('COMMIT');
  });
}

/** Returns the name, without schema, of the partition that contains the event. */
async function partitionOf(ownerUrl: string, eventId: number): Promise<string> {
  const row = await queryRow<{ partition: string }>(
    ownerUrl,
    'SELECT c.relname AS partition FROM audit.events e JOIN pg_class c ON c.oid = e.tableoid WHERE e.id = $1',
    [eventId],
  );
  return row.partition;
}

/**
 * Creates, as the owner, the partition of the month that lies this many months before now
 * (UTC) unless it exists, and returns its name.
 */
async function createPartitionMonthsAgo(ownerUrl: string, months: number): Promise<string> {
  const row = await queryRow<{ name: string }>(
    ownerUrl,
    `SELECT 'events_' || to_char(month, 'YYYY_MM') AS name, audit.create_month_partition(month::date)
     FROM (SELECT (now() AT TIME ZONE 'UTC') - make_interval(months => $1) AS month) AS target`,
    [months],
  );
  return row.name;
}

/** Inserts events as the owner at the middle of the month that lies this many months before now. */
async function insertEventsMonthsAgo(ownerUrl: string, months: number, count: number): Promise<void> {
  await query(
    ownerUrl,
    `INSERT INTO audit.events (actor_role, action, target_type, occurred_at)
     SELECT 'staff', 'listing.approved', 'listing',
            (date_trunc('month', (now() AT TIME ZONE 'UTC') - make_interval(months => $1)) + interval '14 days'
              + n * interval '1 minute') AT TIME ZONE 'UTC'
     FROM generate_series(1, $2) AS n`,
    [months, count],
  );
}

async function tableExists(ownerUrl: string, name: string): Promise<boolean> {
  const row = await queryRow<{ found: boolean }>(ownerUrl, `SELECT to_regclass($1) IS NOT NULL AS found`, [
    `audit.${name}`,
  ]);
  return row.found;
}

function runScript(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audit log permissions', () => {
  let database: TestDatabase;
  let monthPartition: string;

  before(async () => {
    database = await createTestDatabase();
    await recordEvents(database.appUrl, 3);
    // Event 4 lies beyond the partitions made in advance, so it lands in the default partition.
    await query(
      database.ownerUrl,
      `INSERT INTO audit.events (actor_role, action, target_type, occurred_at)
       VALUES ('staff', 'listing.approved', 'listing', now() + interval '30 months')`,
    );
    monthPartition = await partitionOf(database.ownerUrl, 1);
    assert.equal(await partitionOf(database.ownerUrl, 4), 'events_default');
  });
  after(async () => database.drop());

  async function assertCannotChange(url: string): Promise<void> {
    for (const table of ['audit.events', `audit.${monthPartition}`, 'audit.events_default']) {
      for (const statement of changeStatements) {
        await assertRejects(query(url, statement.replace('{table}', table)), '42501', /permission denied/);
      }
    }
  }

  test('app role cannot change events', async () => {
    await assertCannotChange(database.appUrl);
  });

  test('identity role cannot change events', async () => {
    await assertCannotChange(database.identityUrl);
  });

  test('owner changes hit the trigger', async () => {
    for (const table of ['audit.events', `audit.${monthPartition}`, 'audit.events_default']) {
      for (const statement of changeStatements) {
        await assertRejects(
          query(database.ownerUrl, statement.replace('{table}', table)),
          '42501',
          /audit events are append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/,
        );
      }
    }
    assert.equal(await countEvents(database.ownerUrl), 4);
  });

  test('runtime role cannot reach partitions', async () => {
    await assertRejects(query(database.appUrl, `SELECT 1 FROM audit.${monthPartition}`), '42501');
    await assertRejects(
      query(
        database.appUrl,
        `INSERT INTO audit.${monthPartition} (id, actor_role, action, target_type, previous_hash, hash)
         VALUES (99, 'staff', 'forged', 'listing', '', '')`,
      ),
      '42501',
    );
    await assertRejects(query(database.appUrl, `SELECT 1 FROM audit.events_default`), '42501');
  });

  test('runtime role cannot set chain columns', async () => {
    const forgedValues: Record<string, string> = {
      id: '1',
      occurred_at: `now() - interval '1 year'`,
      previous_hash: `'forged'`,
      hash: `'forged'`,
    };
    for (const [column, value] of Object.entries(forgedValues)) {
      await assertRejects(
        query(
          database.appUrl,
          `INSERT INTO audit.events (actor_role, action, target_type, ${column}) VALUES ('staff', 'forged', 'listing', ${value})`,
        ),
        '42501',
        /permission denied for table events/,
      );
    }
  });

  test('runtime roles cannot drop partitions', async () => {
    for (const url of [database.appUrl, database.identityUrl]) {
      await assertRejects(query(url, `DROP TABLE audit.${monthPartition}`), '42501');
      await assertRejects(query(url, `ALTER TABLE audit.events DETACH PARTITION audit.${monthPartition}`), '42501');
    }
  });

  test('runtime role cannot call retention functions', async () => {
    for (const call of [
      `SELECT audit.drop_partition('${monthPartition}')`,
      'SELECT * FROM audit.drop_expired_partitions()',
      'SELECT audit.ensure_partitions(3)',
      `SELECT audit.create_month_partition('2001-01-01')`,
    ]) {
      await assertRejects(query(database.appUrl, call), '42501', /permission denied for function/);
    }
  });

  test('retention role cannot touch rows', async () => {
    await assertRejects(query(database.retentionUrl, 'SELECT 1 FROM audit.events'), '42501');
    await assertRejects(
      query(
        database.retentionUrl,
        `INSERT INTO audit.events (actor_role, action, target_type) VALUES ('staff', 'x', 'y')`,
      ),
      '42501',
    );
    for (const statement of changeStatements) {
      await assertRejects(query(database.retentionUrl, statement.replace('{table}', 'audit.events')), '42501');
    }
    await assertRejects(query(database.retentionUrl, `DROP TABLE audit.${monthPartition}`), '42501', /must be owner/);
    await assertRejects(query(database.retentionUrl, 'SELECT 1 FROM audit.dropped_partitions'), '42501');
  });
});

describe('audit chain', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  test('clean chain verifies', async () => {
    await recordEvents(database.appUrl, 5);
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 5);
  });

  test('verify reads in batches', async () => {
    const progress: number[] = [];
    const report = await verifyAuditChain(database.ownerUrl, {
      batchSize: 2,
      onProgress: ({ verified }) => progress.push(verified),
    });
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 5);
    assert.deepEqual(progress, [2, 4, 5]);
  });

  test('multi-row insert chains every row', async () => {
    const context = staffContext();
    await withClient(database.appUrl, async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('clockin.user_id', $1, true)`, [context.userId]);
      await client.query(
        `INSERT INTO audit.events (actor_id, actor_role, action, target_type)
         SELECT $1, 'staff', 'listing.approved', 'listing' FROM generate_series(1, 4)`,
        [context.userId],
      );
      await client.query('COMMIT');
    });
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 9);
  });

  test('concurrent inserts keep one chain', async () => {
    const existing = await countEvents(database.ownerUrl);
    const connections = 16;
    const eventsPerConnection = 20;
    const clients = await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = new pg.Client({ connectionString: database.appUrl });
        await client.connect();
        return client;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (client, connection) => {
          for (let index = 0; index < eventsPerConnection; index += 1) {
            const userId = crypto.randomUUID();
            await client.query('BEGIN');
            await client.query(`SELECT set_config('clockin.user_id', $1, true)`, [userId]);
            await client.query(
              `INSERT INTO audit.events (actor_id, actor_role, action, target_type, details)
               VALUES ($1, 'staff', 'listing.approved', 'listing', $2)`,
              [userId, JSON.stringify({ connection, index })],
            );
            await client.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }

    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, existing + connections * eventsPerConnection);

    const shape = await queryRow<{ ids_contiguous: boolean; links_unique: boolean; time_rises: boolean }>(
      database.ownerUrl,
      `SELECT max(id) = count(*) AND min(id) = 1 AS ids_contiguous,
              count(DISTINCT previous_hash) = count(*) AS links_unique,
              bool_and(occurred_at >= previous_occurred_at) IS NOT FALSE AS time_rises
       FROM (SELECT id, previous_hash, occurred_at, lag(occurred_at) OVER (ORDER BY id) AS previous_occurred_at
             FROM audit.events) AS chain`,
    );
    assert.equal(shape.ids_contiguous, true);
    assert.equal(shape.links_unique, true);
    assert.equal(shape.time_rises, true);
  });

  test('repeatable read insert cannot fork', async () => {
    await withClient(database.appUrl, async (stale) => {
      const userId = crypto.randomUUID();
      await stale.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await stale.query(`SELECT set_config('clockin.user_id', $1, true)`, [userId]);
      await recordEvents(database.appUrl, 1);
      await assertRejects(
        stale.query(
          `INSERT INTO audit.events (actor_id, actor_role, action, target_type) VALUES ($1, 'staff', 'x', 'y')`,
          [userId],
        ),
        '40001',
      );
      await stale.query('ROLLBACK');
    });
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
  });

  test('verify command reports intact chain', async () => {
    const count = await countEvents(database.ownerUrl);
    const result = await runScript('scripts/audit-verify.ts', ['--database-url', database.ownerUrl]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^Audit chain intact: ${count} events$`, 'm'));
  });
});

describe('audit chain tampering', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
    await recordEvents(database.appUrl, 6);
  });
  after(async () => database.drop());

  test('owner edit names that row', async () => {
    await changeAsOwner(
      database.ownerUrl,
      `UPDATE audit.events SET details = jsonb_set(details, '{sequence}', '99') WHERE id = $1`,
      [4],
    );
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak?.eventId, '4');
    assert.equal(report.firstBreak?.reason, 'hash_mismatch');
    assert.equal(report.verifiedCount, 3);
  });

  test('verify command exits 1 naming row', async () => {
    const result = await runScript('scripts/audit-verify.ts', ['--database-url', database.ownerUrl]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^Audit chain broken at event 4 \(hash_mismatch\): Event 4 was changed/m);
  });

  test('restored content verifies again', async () => {
    await changeAsOwner(
      database.ownerUrl,
      `UPDATE audit.events SET details = jsonb_set(details, '{sequence}', '3') WHERE id = $1`,
      [4],
    );
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 6);
  });

  test('edited link names that row', async () => {
    await changeAsOwner(
      database.ownerUrl,
      `UPDATE audit.events SET previous_hash = repeat('a', 64) WHERE id = $1`,
      [2],
    );
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak?.eventId, '2');
    assert.equal(report.firstBreak?.reason, 'previous_hash_mismatch');
  });
});

describe('audit chain deletions', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
    await recordEvents(database.appUrl, 6);
  });
  after(async () => database.drop());

  test('deleted last event is a gap', async () => {
    await changeAsOwner(database.ownerUrl, 'DELETE FROM audit.events WHERE id = $1', [6]);
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak?.eventId, '6');
    assert.equal(report.firstBreak?.reason, 'gap');
    assert.match(report.firstBreak?.message ?? '', /^Event 6 is missing/);
  });

  test('deleted middle event is a gap', async () => {
    await changeAsOwner(database.ownerUrl, 'DELETE FROM audit.events WHERE id = $1', [3]);
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak?.eventId, '4');
    assert.equal(report.firstBreak?.reason, 'gap');
    assert.match(report.firstBreak?.message ?? '', /^Event 3 is missing: event 4 does not link to event 2/);
  });
});

describe('audit retention', () => {
  let database: TestDatabase;
  let expiredPartition: string;

  before(async () => {
    database = await createTestDatabase();
    // Ids 1 to 3 lie eight years back, so the oldest month starts the chain.
    expiredPartition = await createPartitionMonthsAgo(database.ownerUrl, 96);
    await insertEventsMonthsAgo(database.ownerUrl, 96, 3);
    await recordEvents(database.appUrl, 2);
  });
  after(async () => database.drop());

  test('retention role drops expired month', async () => {
    const dropped = await queryRow<{ n: number }>(database.retentionUrl, 'SELECT audit.drop_partition($1)::int AS n', [
      expiredPartition,
    ]);
    assert.equal(dropped.n, 3);
    assert.equal(await tableExists(database.ownerUrl, expiredPartition), false);

    const record = await query(
      database.ownerUrl,
      'SELECT event_count::int, first_id::int, last_id::int, dropped_by FROM audit.dropped_partitions WHERE partition_name = $1',
      [expiredPartition],
    );
    assert.deepEqual(record.rows, [{ event_count: 3, first_id: 1, last_id: 3, dropped_by: 'clockin_retention' }]);

    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 2);
  });

  test('retention role keeps younger months', async () => {
    const current = await partitionOf(database.ownerUrl, 4);
    for (const name of [
      await createPartitionMonthsAgo(database.ownerUrl, 84),
      await createPartitionMonthsAgo(database.ownerUrl, 72),
      current,
    ]) {
      await assertRejects(
        query(database.retentionUrl, 'SELECT audit.drop_partition($1)', [name]),
        '42501',
        /less than seven years ago/,
      );
      assert.equal(await tableExists(database.ownerUrl, name), true);
    }
    await assertRejects(
      query(database.retentionUrl, `SELECT audit.drop_partition('events_default')`),
      '42P01',
      /not a monthly partition/,
    );
  });

  test('retention job drops only expired months', async () => {
    const older = await createPartitionMonthsAgo(database.ownerUrl, 100);
    const justExpired = await createPartitionMonthsAgo(database.ownerUrl, 85);
    const boundary = await createPartitionMonthsAgo(database.ownerUrl, 84);

    const result = await runAuditRetention(database.retentionUrl, { monthsAhead: 5 });
    assert.deepEqual(
      result.droppedPartitions.map((partition) => [partition.partitionName, partition.eventCount]),
      [
        [older, 0],
        [justExpired, 0],
      ],
    );
    assert.equal(await tableExists(database.ownerUrl, older), false);
    assert.equal(await tableExists(database.ownerUrl, justExpired), false);
    assert.equal(await tableExists(database.ownerUrl, boundary), true);

    const ahead = await query<{ missing: string }>(
      database.ownerUrl,
      `SELECT 'events_' || to_char(month, 'YYYY_MM') AS missing
       FROM generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'),
                            date_trunc('month', now() AT TIME ZONE 'UTC') + interval '5 months', interval '1 month') AS month
       WHERE to_regclass('audit.events_' || to_char(month, 'YYYY_MM')) IS NULL`,
    );
    assert.deepEqual(ahead.rows, []);
  });

  test('retention command reports its run', async () => {
    const result = await runScript('scripts/audit-retention.ts', ['--database-url', database.retentionUrl]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /No month has passed the seven-year retention period\./);
  });

  test('retention rejects interleaved month', async () => {
    const backdated = await createPartitionMonthsAgo(database.ownerUrl, 90);
    await insertEventsMonthsAgo(database.ownerUrl, 90, 1);
    await assertRejects(
      query(database.retentionUrl, 'SELECT audit.drop_partition($1)', [backdated]),
      '55000',
      /is not the start of the chain: 2 events with smaller ids are in other months/,
    );
    assert.equal(await tableExists(database.ownerUrl, backdated), true);
  });
});

describe('audit partitions', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
    await recordEvents(database.appUrl, 2);
  });
  after(async () => database.drop());

  test('event without partition is kept', async () => {
    await query(
      database.ownerUrl,
      `INSERT INTO audit.events (actor_role, action, target_type, occurred_at)
       VALUES ('staff', 'listing.approved', 'listing', now() + interval '30 months')`,
    );
    assert.equal(await partitionOf(database.ownerUrl, 3), 'events_default');

    const created = await query<{ name: string }>(database.ownerUrl, 'SELECT audit.ensure_partitions(3) AS name');
    const expected = await queryRow<{ name: string }>(
      database.ownerUrl,
      `SELECT 'events_' || to_char((now() AT TIME ZONE 'UTC') + interval '30 months', 'YYYY_MM') AS name`,
    );
    assert.deepEqual(
      created.rows.map((row) => row.name),
      [expected.name],
    );
    assert.equal(await partitionOf(database.ownerUrl, 3), expected.name);

    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 3);
  });

  test('moved partition rejects changes', async () => {
    const partition = await partitionOf(database.ownerUrl, 3);
    for (const statement of changeStatements) {
      await assertRejects(
        query(database.ownerUrl, statement.replace('{table}', `audit.${partition}`)),
        '42501',
        /append-only/,
      );
    }
    await assertRejects(query(database.appUrl, `SELECT 1 FROM audit.${partition}`), '42501');
  });

  test('unrecorded drop breaks the chain', async () => {
    const first = await partitionOf(database.ownerUrl, 1);
    await query(database.ownerUrl, `DROP TABLE audit.${first}`);
    const report = await verifyAuditChain(database.ownerUrl);
    assert.equal(report.firstBreak?.eventId, '3');
    assert.equal(report.firstBreak?.reason, 'gap');
    assert.match(report.firstBreak?.message ?? '', /^Events 1 to 2 are missing/);
  });
});

describe('audit log migration', () => {
  const server = testServer();
  const name = `test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const adminUrl = withDatabase(server.adminUrl, name);
  const ownerUrl = roleUrl(server.adminUrl, name, 'owner', server.passwords.owner);
  const appUrl = roleUrl(server.adminUrl, name, 'app', server.passwords.app);
  let oldMigrations: string;

  before(async () => {
    await query(server.adminUrl, `CREATE DATABASE ${name} OWNER clockin_owner`);
    await query(adminUrl, `GRANT CONNECT ON DATABASE ${name} TO clockin_app, clockin_retention`);
    await query(adminUrl, 'REVOKE ALL ON SCHEMA public FROM PUBLIC');
    oldMigrations = await mkdtemp(path.join(tmpdir(), 'clockin-migrations-'));
    for (const file of await readdir(appMigrations.directory)) {
      if (/^00[1-3]\./.test(file)) {
        await copyFile(path.join(appMigrations.directory, file), path.join(oldMigrations, file));
      }
    }
  });
  after(async () => {
    await query(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await rm(oldMigrations, { recursive: true, force: true });
  });

  test('existing events keep verifying', async () => {
    await migrate(ownerUrl, [{ directory: oldMigrations, versionTable: appMigrations.versionTable }]);
    await recordEvents(appUrl, 2);
    // A rolled-back insert used id 3 of the old sequence, so the old ids have a gap.
    await withClient(appUrl, async (client) => {
      await client.query('BEGIN');
      await client.query(`INSERT INTO audit.events (actor_role, action, target_type) VALUES ('staff', 'x', 'y')`);
      await client.query('ROLLBACK');
    });
    await recordEvents(appUrl, 2);
    const original = await query(ownerUrl, 'SELECT id::int, hash FROM audit.events ORDER BY id');

    const applied = await migrate(ownerUrl, [appMigrations]);
    assert.ok(applied.some((file) => file.endsWith('005.do.audit-retention.sql')));
    const moved = await query(ownerUrl, 'SELECT id::int, hash FROM audit.events ORDER BY id');
    assert.deepEqual(moved.rows, original.rows);
    assert.deepEqual(
      moved.rows.map((row) => row.id),
      [1, 2, 4, 5],
    );

    await recordEvents(appUrl, 1);
    const report = await verifyAuditChain(ownerUrl);
    assert.equal(report.firstBreak, null);
    assert.equal(report.verifiedCount, 5);
    assert.match(await partitionOf(ownerUrl, 6), /^events_\d{4}_\d{2}$/);
  });
});
