import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { roles } from '../src/bootstrap.ts';
import { createTestDatabase, templateDatabase, type TestDatabase } from '../src/testing.ts';
import { asRuntimeRole, seedPrivateRows, seedTwoOrganizations, type TwoOrganizations } from './fixtures.ts';

// Every table and policy is read from the catalog, so tables that later migrations add are
// checked without a change here.

/** Columns that tie a row to one organization, one district or one person. */
const tenantColumns = ['organization_id', 'district_id', 'student_id', 'user_id', 'user_sub'];
const tenantSchemas = ['app', 'audit'];
const clockinSchemas = ['app', 'audit', 'identity'];
/** Public reference data. A school's district_id names its district and does not scope the row. */
const publicReferenceTables = ['app.districts', 'app.schools'];
/** Roles that services connect as: every ClockIn role but the migration role. */
const serviceRoles = Object.values(roles).filter((role) => role !== roles.owner);
/** Roles that serve requests. Unlike a retention role, they may not own even an audit partition. */
const runtimeRoles = [roles.app, roles.identity];

interface TenantTable {
  name: string;
  partition: boolean;
  enabled: boolean;
  forced: boolean;
  /** Privileges of the service roles, as `role:PRIVILEGE`. */
  grants: string[];
}

interface Policy {
  table: string;
  name: string;
  /** `*` for ALL, `r` SELECT, `a` INSERT, `w` UPDATE, `d` DELETE, as in pg_policy.polcmd. */
  command: string;
  permissive: boolean;
  using: string | null;
  check: string | null;
  /** The service roles the policy applies to. */
  appliesTo: string[];
}

const commandCodes = { SELECT: 'r', INSERT: 'a', UPDATE: 'w', DELETE: 'd' } as const;

let database: TestDatabase;
let ids: TwoOrganizations;
let admin: pg.Client;
let tenantTables: TenantTable[];
let policies: Policy[];
let contextFunctions: Set<string>;

async function catalog<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await admin.query<T>(text, values)).rows;
}

function can(table: TenantTable, role: string, privilege: string): boolean {
  return table.grants.includes(`${role}:${privilege}`);
}

function policiesFor(table: string, role: string, command: keyof typeof commandCodes): Policy[] {
  return policies.filter(
    (policy) =>
      policy.table === table &&
      policy.appliesTo.includes(role) &&
      (policy.command === '*' || policy.command === commandCodes[command]),
  );
}

/** Whether the expression depends on the clockin.* settings, directly or through a function. */
function readsContext(expression: string): boolean {
  if (expression.includes('current_setting(')) return true;
  return [...contextFunctions].some((name) => expression.includes(`${name}(`));
}

/** Permissive SELECT policies for the runtime role that do not read the request context. */
function publicPolicies(table: string): Policy[] {
  return policiesFor(table, roles.app, 'SELECT').filter(
    (policy) => policy.permissive && policy.using !== null && !readsContext(policy.using),
  );
}

/** Finds the functions that read clockin.* settings, following calls between functions. */
async function findContextFunctions(): Promise<Set<string>> {
  const functions = await catalog<{ name: string; unqualified: string; source: string }>(
    `SELECT n.nspname || '.' || p.proname AS name, p.proname AS unqualified, p.prosrc AS source
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = ANY($1)`,
    [clockinSchemas],
  );
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const candidate of functions) {
      if (found.has(candidate.name)) continue;
      const callsOne = functions.some(
        (known) => found.has(known.name) && candidate.source.includes(`${known.unqualified}(`),
      );
      if (candidate.source.includes('current_setting(') || callsOne) {
        found.add(candidate.name);
        grew = true;
      }
    }
  }
  return found;
}

before(async () => {
  database = await createTestDatabase();
  ids = await seedTwoOrganizations(database.ownerUrl);
  await seedPrivateRows(database.ownerUrl, ids);

  admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  // Deparsed policy expressions then name every function with its schema.
  await admin.query('SET search_path = pg_catalog');

  const discovered = await catalog<TenantTable>(
    `WITH with_tenant_column AS (
       SELECT c.oid
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p')
         AND EXISTS (
           SELECT 1 FROM pg_attribute a
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = ANY($2))
     ),
     referenced AS (
       SELECT con.confrelid AS oid
       FROM pg_constraint con
       JOIN pg_class target ON target.oid = con.confrelid
       JOIN pg_namespace target_schema ON target_schema.oid = target.relnamespace
       WHERE con.contype = 'f' AND con.conrelid IN (SELECT oid FROM with_tenant_column)
         AND target_schema.nspname = ANY($1)
         AND EXISTS (
           SELECT 1 FROM pg_attribute a
           WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey) AND a.attname = ANY($2))
     )
     SELECT c.oid::regclass::text AS name, c.relispartition AS partition,
            c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            ARRAY(
              SELECT runtime_role || ':' || privilege
              FROM unnest($3::text[]) AS runtime_role,
                   unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) AS privilege
              WHERE has_table_privilege(runtime_role, c.oid, privilege)) AS grants
     FROM pg_class c
     WHERE c.oid IN (SELECT oid FROM with_tenant_column UNION SELECT oid FROM referenced)
     ORDER BY 1`,
    [tenantSchemas, tenantColumns, serviceRoles],
  );
  tenantTables = discovered.filter((table) => !publicReferenceTables.includes(table.name));

  policies = await catalog<Policy>(
    `SELECT p.polrelid::regclass::text AS table, p.polname AS name, p.polcmd::text AS command,
            p.polpermissive AS permissive,
            pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check,
            ARRAY(
              SELECT runtime_role FROM unnest($1::text[]) AS runtime_role
              WHERE EXISTS (
                SELECT 1 FROM unnest(p.polroles) AS policy_role
                WHERE policy_role = 0 OR pg_has_role(runtime_role, policy_role, 'MEMBER'))) AS "appliesTo"
     FROM pg_policy p
     ORDER BY 1, 2`,
    [serviceRoles],
  );
  contextFunctions = await findContextFunctions();
});

after(async () => {
  await admin?.end();
  await database?.drop();
});

describe('database roles', () => {
  test('ClockIn roles have no superuser powers', async () => {
    const found = await catalog<{ role: string; attributes: Record<string, boolean> }>(
      `SELECT r.rolname AS role,
              json_build_object('superuser', r.rolsuper, 'bypassRowLevelSecurity', r.rolbypassrls,
                                'createRole', r.rolcreaterole, 'createDatabase', r.rolcreatedb,
                                'replication', r.rolreplication) AS attributes
       FROM pg_roles r
       WHERE r.rolname LIKE 'clockin\\_%'
          OR r.oid IN (
            SELECT c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1)
            UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY($1)
            UNION SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = ANY($1))
       ORDER BY 1`,
      [clockinSchemas],
    );

    for (const role of Object.values(roles)) {
      assert.ok(
        found.some((row) => row.role === role),
        `role ${role} is missing`,
      );
    }
    for (const { role, attributes } of found) {
      assert.deepEqual(
        attributes,
        {
          superuser: false,
          bypassRowLevelSecurity: false,
          createRole: false,
          createDatabase: false,
          replication: false,
        },
        `role ${role}`,
      );
    }
  });

  test('service roles own nothing', async () => {
    // pg_shdepend records the owner of every object, of every kind, in every database. Only a
    // role that serves no requests, such as a retention role, may own an audit partition.
    const owned = await catalog<{ role: string; object: string }>(
      `SELECT pg_get_userbyid(d.refobjid) AS role, pg_describe_object(d.classid, d.objid, d.objsubid) AS object
       FROM pg_shdepend d
       WHERE d.deptype = 'o' AND d.refclassid = 'pg_authid'::regclass
         AND d.refobjid = ANY(($1::text[])::regrole[])
         AND d.dbid IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
         AND NOT (
           pg_get_userbyid(d.refobjid)::text <> ALL($2)
           AND d.classid = 'pg_class'::regclass
           AND EXISTS (
             SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.oid = d.objid AND c.relispartition AND n.nspname = 'audit'))
       ORDER BY 1, 2`,
      [serviceRoles, runtimeRoles],
    );
    assert.deepEqual(owned, []);
  });

  test('service roles belong to no role', async () => {
    const memberships = await catalog<{ member: string; role: string }>(
      `SELECT pg_get_userbyid(m.member) AS member, pg_get_userbyid(m.roleid) AS role
       FROM pg_auth_members m
       WHERE m.member = ANY(($1::text[])::regrole[])
       ORDER BY 1, 2`,
      [serviceRoles],
    );
    assert.deepEqual(memberships, []);
  });

  test('service roles cannot create objects', async () => {
    const schemas = await catalog<{ role: string; schema: string }>(
      `SELECT runtime_role AS role, n.nspname AS schema
       FROM unnest($1::text[]) AS runtime_role CROSS JOIN pg_namespace n
       WHERE has_schema_privilege(runtime_role, n.oid, 'CREATE')
       ORDER BY 1, 2`,
      [serviceRoles],
    );
    assert.deepEqual(schemas, []);

    const databases = await catalog<{ role: string }>(
      `SELECT runtime_role AS role FROM unnest($1::text[]) AS runtime_role
       WHERE has_database_privilege(runtime_role, current_database(), 'CREATE')`,
      [serviceRoles],
    );
    assert.deepEqual(databases, []);
  });

  test('bootstrap grants service roles only CONNECT', async () => {
    // Test databases are copies made with CREATE DATABASE ... TEMPLATE, which does not copy the
    // database's owner or privileges, so this reads the template that bootstrapDatabase set up.
    const [template] = await catalog<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [templateDatabase],
    );
    assert.equal(template?.owner, roles.owner);

    const grants = await catalog<{ grantee: string; privilege: string }>(
      `SELECT CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(acl.grantee) END AS grantee,
              acl.privilege_type AS privilege
       FROM pg_database d CROSS JOIN aclexplode(d.datacl) AS acl
       WHERE d.datname = $1 AND acl.grantee <> d.datdba
       ORDER BY 1, 2`,
      [templateDatabase],
    );
    assert.deepEqual(
      grants,
      [...serviceRoles].sort().map((role) => ({ grantee: role, privilege: 'CONNECT' })),
    );
  });

  test('service roles lack TRUNCATE and TRIGGER', async () => {
    // TRUNCATE ignores row-level security, and TRIGGER and REFERENCES attach code or constraints.
    const grants = await catalog<{ role: string; relation: string; privilege: string }>(
      `SELECT runtime_role AS role, c.oid::regclass::text AS relation, privilege
       FROM unnest($1::text[]) AS runtime_role
       CROSS JOIN pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN unnest(ARRAY['TRUNCATE', 'TRIGGER', 'REFERENCES']) AS privilege
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
         AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND has_table_privilege(runtime_role, c.oid, privilege)
       ORDER BY 1, 2, 3`,
      [serviceRoles],
    );
    assert.deepEqual(grants, []);
  });

  test('migration role owns every object', async () => {
    // A retention role may own audit partitions so that it can drop them. The role test above
    // still denies it superuser powers, and the runtime roles own nothing at all.
    const relations = await catalog<{ relation: string; owner: string }>(
      `SELECT c.oid::regclass::text AS relation, pg_get_userbyid(c.relowner) AS owner
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
         AND c.relowner <> $2::regrole
         AND NOT (n.nspname = 'audit' AND c.relispartition AND pg_get_userbyid(c.relowner)::text <> ALL($3))
       ORDER BY 1`,
      [clockinSchemas, roles.owner, runtimeRoles],
    );
    assert.deepEqual(relations, []);

    const functions = await catalog<{ function: string; owner: string }>(
      `SELECT p.oid::regprocedure::text AS function, pg_get_userbyid(p.proowner) AS owner
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = ANY($1) AND p.proowner <> $2::regrole
       ORDER BY 1`,
      [clockinSchemas, roles.owner],
    );
    assert.deepEqual(functions, []);

    const types = await catalog<{ type: string; owner: string }>(
      `SELECT t.oid::regtype::text AS type, pg_get_userbyid(t.typowner) AS owner
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = ANY($1) AND t.typowner <> $2::regrole AND t.typtype IN ('d', 'e', 'r', 'm')
       ORDER BY 1`,
      [clockinSchemas, roles.owner],
    );
    assert.deepEqual(types, []);

    const schemas = await catalog<{ schema: string; owner: string }>(
      `SELECT n.nspname AS schema, pg_get_userbyid(n.nspowner) AS owner
       FROM pg_namespace n WHERE n.nspname = ANY($1) ORDER BY 1`,
      [clockinSchemas],
    );
    assert.deepEqual(
      schemas,
      clockinSchemas.map((schema) => ({ schema, owner: roles.owner })),
    );
  });
});

describe('row-level security catalog', () => {
  test('discovery finds the known tenant tables', () => {
    const names = tenantTables.map((table) => table.name);
    for (const known of ['app.applications', 'app.listings', 'app.organizations', 'app.students', 'audit.events']) {
      assert.ok(names.includes(known), `${known} is not among the discovered tables: ${names.join(', ')}`);
    }
  });

  test('tenant tables enable and force it', () => {
    const unprotected = tenantTables
      .filter((table) => !table.enabled || !table.forced)
      .map((table) => ({ table: table.name, enabled: table.enabled, forced: table.forced }));
    assert.deepEqual(unprotected, []);
  });

  test('tenant tables have policies', () => {
    // A partition that no service role may touch directly is read through its parent, whose
    // policies apply, and with row-level security forced and no policy of its own it shows nothing.
    const needPolicies = tenantTables.filter((table) => !table.partition || table.grants.length > 0);
    const withoutPolicy = needPolicies
      .filter((table) => !policies.some((policy) => policy.table === table.name))
      .map((table) => table.name);
    assert.deepEqual(withoutPolicy, []);
  });

  test('writable tenant tables check new rows', () => {
    const unchecked: string[] = [];
    for (const table of tenantTables) {
      for (const role of serviceRoles) {
        for (const command of ['INSERT', 'UPDATE'] as const) {
          if (!can(table, role, command)) continue;
          const checking = policiesFor(table.name, role, command).filter(
            (policy) => policy.permissive && policy.check !== null,
          );
          if (checking.length === 0) unchecked.push(`${table.name}: ${command} by ${role}`);
        }
      }
    }
    assert.deepEqual(unchecked, []);
  });

  test('policies depend on the request context', () => {
    // A SELECT policy may publish rows without a context (published listings, verified
    // employers), but never with a bare `true`. Every policy that lets rows be written,
    // changed or deleted must depend on the request context.
    const offending: string[] = [];
    for (const table of tenantTables) {
      for (const policy of policies.filter((p) => p.table === table.name && p.permissive)) {
        if (policy.appliesTo.length === 0) continue;
        if (policy.command === commandCodes.SELECT) {
          if (policy.using?.trim() === 'true') offending.push(`${table.name}.${policy.name}: USING (true)`);
          continue;
        }
        if (policy.using !== null && !readsContext(policy.using)) {
          offending.push(`${table.name}.${policy.name}: USING (${policy.using})`);
        }
        if (policy.check !== null && !readsContext(policy.check)) {
          offending.push(`${table.name}.${policy.name}: WITH CHECK (${policy.check})`);
        }
      }
    }
    assert.deepEqual(offending, []);
  });

  test('public reference tables are read-only', async () => {
    const tables = await catalog<{ table: string; exists: boolean; writes: string[] }>(
      `SELECT name AS table, to_regclass(name) IS NOT NULL AS exists,
              ARRAY(
                SELECT runtime_role || ':' || privilege
                FROM unnest($2::text[]) AS runtime_role,
                     unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS privilege
                WHERE to_regclass(name) IS NOT NULL AND has_table_privilege(runtime_role, to_regclass(name), privilege)
              ) AS writes
       FROM unnest($1::text[]) AS name`,
      [publicReferenceTables, serviceRoles],
    );
    assert.deepEqual(
      tables,
      publicReferenceTables.map((table) => ({ table, exists: true, writes: [] })),
    );
  });

  test('views run with the caller rights', async () => {
    // A view or materialized view runs its query as the owner, whose policies show every row,
    // unless it is a view with security_invoker.
    const views = await catalog<{ view: string; kind: string }>(
      `SELECT c.oid::regclass::text AS view, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind IN ('v', 'm')
         AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS runtime_role WHERE has_table_privilege(runtime_role, c.oid, 'SELECT'))
         AND NOT (c.relkind = 'v' AND coalesce((
           SELECT lower(option_value) IN ('true', 'on', 'yes', '1')
           FROM pg_options_to_table(c.reloptions) WHERE option_name = 'security_invoker'), false))
       ORDER BY 1`,
      [clockinSchemas, serviceRoles],
    );
    assert.deepEqual(views, []);
  });

  test('security definer functions pin search_path', async () => {
    const functions = await catalog<{ function: string }>(
      `SELECT p.oid::regprocedure::text AS function
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = ANY($1) AND p.prosecdef
         AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS setting WHERE setting LIKE 'search\\_path=%')
       ORDER BY 1`,
      [clockinSchemas],
    );
    assert.deepEqual(functions, []);
  });
});

describe('row-level security without a request context', () => {
  test('missing context shows only public rows', async (t) => {
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      await owner.query('SET search_path = pg_catalog');
      for (const table of tenantTables.filter((candidate) => can(candidate, roles.app, 'SELECT'))) {
        await t.test(table.name, async () => {
          const publicReadPolicies = publicPolicies(table.name);
          const publicQuals = publicReadPolicies.map((policy) => `(${policy.using})`);
          // The public policies' own expressions, evaluated by the owner, whose policy shows every row.
          const total = await count(owner, `SELECT count(*)::int AS n FROM ${table.name}`);
          const published =
            publicQuals.length === 0
              ? 0
              : await count(owner, `SELECT count(*)::int AS n FROM ${table.name} WHERE ${publicQuals.join(' OR ')}`);
          if (!table.partition) {
            assert.ok(total > 0, `${table.name} has no rows; add one to seedPrivateRows so this check can fail`);
            assert.ok(
              total > published,
              `all ${total} rows of ${table.name} are public through ${publicReadPolicies.map((policy) => policy.name).join(', ')}`,
            );
          }

          const visible = await countWithoutContext(table.name);
          assert.deepEqual(visible, { neverSet: published, emptySettings: published, afterRollback: published });
        });
      }
    } finally {
      await owner.end();
    }
  });

  test('unreadable tenant tables reject reads', async () => {
    const unreadable = tenantTables.filter((table) => !can(table, roles.app, 'SELECT'));
    for (const table of unreadable) {
      await assert.rejects(
        asRuntimeRole(database.appUrl, {}, (client) => client.query(`SELECT 1 FROM ${table.name}`)),
        (error: Error & { code?: string }) => error.code === '42501',
        table.name,
      );
    }
  });

  test('runtime role cannot change row-level security', async () => {
    const client = new pg.Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      for (const table of tenantTables) {
        for (const statement of [
          `ALTER TABLE ${table.name} NO FORCE ROW LEVEL SECURITY`,
          `ALTER TABLE ${table.name} DISABLE ROW LEVEL SECURITY`,
          `CREATE POLICY everything ON ${table.name} USING (true) WITH CHECK (true)`,
        ]) {
          await assert.rejects(
            client.query(statement),
            (error: Error & { code?: string }) => error.code === '42501',
            statement,
          );
        }
      }
    } finally {
      await client.end();
    }
  });
});

async function count(client: pg.Client, text: string): Promise<number> {
  const result = await client.query<{ n: number }>(text);
  return result.rows[0]?.n ?? Number.NaN;
}

/**
 * Counts the rows the runtime role can read with no request context, in three states.
 * `neverSet` is a new connection where the clockin.* settings were never set, `emptySettings`
 * has every setting set to the empty string, and `afterRollback` follows a rolled-back
 * transaction that set an employer's context.
 */
async function countWithoutContext(
  table: string,
): Promise<{ neverSet: number; emptySettings: number; afterRollback: number }> {
  const client = new pg.Client({ connectionString: database.appUrl });
  await client.connect();
  try {
    const neverSet = await count(client, `SELECT count(*)::int AS n FROM ${table}`);

    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('clockin.user_id', $1, true), set_config('clockin.actor_role', 'employer', true),
              set_config('clockin.organization_id', $2, true)`,
      [crypto.randomUUID(), ids.organizationA],
    );
    await client.query('ROLLBACK');
    const afterRollback = await count(client, `SELECT count(*)::int AS n FROM ${table}`);

    const emptySettings = await asRuntimeRole(database.appUrl, {}, (empty) =>
      count(empty, `SELECT count(*)::int AS n FROM ${table}`),
    );
    return { neverSet, emptySettings, afterRollback };
  } finally {
    await client.end();
  }
}
