import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { summarizeListing } from '@clockin/domain';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase, withContext, type DatabaseTransaction, type RequestContext } from '../src/context.ts';
import { ListingRepository, type NewListing } from '../src/repositories/listings.ts';
import type { Database } from '../src/schema.ts';
import { tenantScope } from '../src/tenant-repository.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { seedManyOrganizations, type SeededOrganization } from './fixtures.ts';

// Every request here shares one pooled connection, so a request context that outlived its
// transaction would be seen by the next request, whichever organization that one is for.

type Tenant = 'A' | 'B';

const requestKinds = [
  'listListings',
  'readApplicants',
  'readWithoutFilter',
  'createListing',
  'createListingThenThrow',
  'readThenThrow',
  'insertIntoOtherTenant',
  'readAsAnonymous',
  'readOutsideTransaction',
] as const;
type RequestKind = (typeof requestKinds)[number];

interface Request {
  tenant: Tenant;
  kind: RequestKind;
  /** Picks one of the tenant's seeded listings. */
  listingIndex: number;
}

class ApplicationError extends Error {
  constructor() {
    super('The request failed after its queries ran.');
    this.name = 'ApplicationError';
  }
}

const newListingSchedule = [{ day: 2, start: '16:00', end: '19:00', breakMinutes: 0 }];
const newListingSummary = summarizeListing({ schedule: newListingSchedule, duties: [], minimumAge: 15 });
const newListing: NewListing = {
  title: 'Stock clerk',
  description: 'Stock shelves on weekday evenings.',
  payMinCents: 1250,
  payMaxCents: null,
  payUnit: 'hour',
  addressLine: '2 Main St',
  city: 'Columbus',
  zip: '43215',
  latitude: 39.96,
  longitude: -83.01,
  schedule: newListingSchedule,
  duties: [],
  minimumAge: 15,
  startsOn: '2030-06-01',
  laborSummary: newListingSummary,
  schoolYearBands: newListingSummary.schoolYear.workableBands,
  summerBands: newListingSummary.summer.workableBands,
};

let database: TestDatabase;
let db: Kysely<Database>;
let seeded: Record<Tenant, SeededOrganization>;
const employerIds: Record<Tenant, string> = { A: crypto.randomUUID(), B: crypto.randomUUID() };
/** Listings created by the requests, with the tenant that created them. Rolled-back ones stay listed. */
const createdListings = new Map<string, Tenant>();
const rolledBackListings = new Set<string>();
const backendIds = new Set<number>();

before(async () => {
  database = await createTestDatabase();
  const organizations = await seedManyOrganizations(database.ownerUrl, {
    organizations: 2,
    listingsPerOrganization: 3,
    applicationsPerListing: 2,
    students: 12,
    // Waiting for review, so only the organization's own context shows them.
    listingStatus: 'submitted',
    auditEvents: false,
  });
  const [first, second] = organizations;
  assert.ok(first);
  assert.ok(second);
  seeded = { A: first, B: second };
  db = createDatabase(database.appUrl, 1);
});

after(async () => {
  await db?.destroy();
  await database?.drop();
});

function otherTenant(tenant: Tenant): Tenant {
  return tenant === 'A' ? 'B' : 'A';
}

function employerContext(tenant: Tenant): RequestContext {
  return { userId: employerIds[tenant], actorRole: 'employer', organizationId: seeded[tenant].id };
}

function seededListingIds(tenant: Tenant): string[] {
  return seeded[tenant].listings.map((listing) => listing.id);
}

function seededApplicationIds(tenant: Tenant): string[] {
  return seeded[tenant].listings.flatMap((listing) => listing.applications.map((application) => application.id));
}

async function recordBackend(transaction: DatabaseTransaction | Kysely<Database>): Promise<void> {
  const result = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(transaction);
  const pid = result.rows[0]?.pid;
  assert.ok(pid !== undefined);
  backendIds.add(pid);
}

/** Asserts that `ids` contains every seeded listing of the tenant and otherwise only its own new ones. */
function assertOwnListings(tenant: Tenant, ids: string[]): void {
  for (const id of seededListingIds(tenant)) assert.ok(ids.includes(id), `${tenant} misses its listing ${id}`);
  for (const id of ids) {
    assert.ok(!rolledBackListings.has(id), `${tenant} sees the rolled-back listing ${id}`);
    const owner = seededListingIds(tenant).includes(id) ? tenant : createdListings.get(id);
    assert.equal(owner, tenant, `${tenant} sees listing ${id} of ${owner ?? 'no known tenant'}`);
  }
}

async function readWithoutFilter(transaction: DatabaseTransaction, tenant: Tenant): Promise<void> {
  const applications = await transaction.selectFrom('applications').select('id').execute();
  assert.deepEqual(applications.map((row) => row.id).sort(), seededApplicationIds(tenant).sort());
  const listings = await transaction.selectFrom('listings').select('id').execute();
  assertOwnListings(
    tenant,
    listings.map((row) => row.id),
  );
}

/** Runs one request as the API would, and checks what it saw. */
async function runRequest(request: Request): Promise<void> {
  const { tenant, kind } = request;
  const context = employerContext(tenant);
  const ownListings = seeded[tenant].listings;
  const listing = ownListings[request.listingIndex % ownListings.length];
  const otherListing = seeded[otherTenant(tenant)].listings[0];
  assert.ok(listing);
  assert.ok(otherListing);

  switch (kind) {
    case 'listListings':
      await withContext(db, context, async (transaction) => {
        await recordBackend(transaction);
        const listings = await new ListingRepository(tenantScope(transaction, context)).list();
        assertOwnListings(
          tenant,
          listings.map((row) => row.id),
        );
        for (const row of listings.filter((candidate) => seededListingIds(tenant).includes(candidate.id))) {
          assert.equal(row.applicationCount, 2, `application count of ${row.id}`);
        }
      });
      return;

    case 'readApplicants':
      await withContext(db, context, async (transaction) => {
        await recordBackend(transaction);
        const repository = new ListingRepository(tenantScope(transaction, context));
        const own = await repository.applicants(listing.id);
        assert.deepEqual(
          own.map((applicant) => applicant.applicationId).sort(),
          listing.applications.map((application) => application.id).sort(),
        );
        assert.deepEqual(await repository.applicants(otherListing.id), []);
        assert.equal(await repository.exists(otherListing.id), false);
      });
      return;

    case 'readWithoutFilter':
      await withContext(db, context, async (transaction) => {
        await recordBackend(transaction);
        await readWithoutFilter(transaction, tenant);
      });
      return;

    case 'createListing':
      await withContext(db, context, async (transaction) => {
        await recordBackend(transaction);
        const created = await new ListingRepository(tenantScope(transaction, context)).create(
          newListing,
          employerIds[tenant],
        );
        createdListings.set(created.id, tenant);
      });
      return;

    case 'createListingThenThrow':
      await assert.rejects(
        withContext(db, context, async (transaction) => {
          await recordBackend(transaction);
          const created = await new ListingRepository(tenantScope(transaction, context)).create(
            newListing,
            employerIds[tenant],
          );
          createdListings.set(created.id, tenant);
          rolledBackListings.add(created.id);
          throw new ApplicationError();
        }),
        ApplicationError,
      );
      return;

    case 'readThenThrow':
      await assert.rejects(
        withContext(db, context, async (transaction) => {
          await recordBackend(transaction);
          await readWithoutFilter(transaction, tenant);
          throw new ApplicationError();
        }),
        ApplicationError,
      );
      return;

    case 'insertIntoOtherTenant':
      await assert.rejects(
        withContext(db, context, async (transaction) => {
          await recordBackend(transaction);
          await transaction
            .insertInto('listings')
            .values({
              organization_id: seeded[otherTenant(tenant)].id,
              title: 'Misfiled listing',
              description: 'A listing written into another organization.',
              pay_min_cents: 1000,
              pay_unit: 'hour',
              address_line: '3 Main St',
              city: 'Columbus',
              zip: '43215',
              latitude: 39.96,
              longitude: -83.01,
              schedule: '[]',
              created_by: employerIds[tenant],
            })
            .execute();
        }),
        (error: Error & { code?: string }) => error.code === '42501',
      );
      return;

    case 'readAsAnonymous':
      await withContext(db, { userId: null, actorRole: 'anonymous' }, async (transaction) => {
        await recordBackend(transaction);
        assert.deepEqual(await transaction.selectFrom('applications').select('id').execute(), []);
        assert.deepEqual(await transaction.selectFrom('listings').select('id').execute(), []);
      });
      return;

    case 'readOutsideTransaction': {
      await recordBackend(db);
      const settings = await sql<{ organization: string | null; role: string | null }>`
        SELECT current_setting('clockin.organization_id', true) AS organization,
               current_setting('clockin.actor_role', true) AS role`.execute(db);
      assert.ok(
        ['', null].includes(settings.rows[0]?.organization ?? null),
        'organization setting outlived its request',
      );
      assert.ok(['', null].includes(settings.rows[0]?.role ?? null), 'actor role setting outlived its request');
      assert.deepEqual(await db.selectFrom('applications').select('id').execute(), []);
      return;
    }
  }
}

const requestArbitrary = fc.record({
  tenant: fc.constantFrom<Tenant>('A', 'B'),
  kind: fc.constantFrom(...requestKinds),
  listingIndex: fc.nat(),
});

describe('one pooled connection shared by two organizations', () => {
  test('interleaved requests see only own rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(requestArbitrary, { minLength: 2, maxLength: 40 }), async (requests) => {
        await Promise.all(requests.map(runRequest));
      }),
      { numRuns: 30 },
    );

    assert.equal(backendIds.size, 1, `requests ran on ${backendIds.size} server processes, not one`);

    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      const stored = await owner.query<{ id: string; organization_id: string }>(
        'SELECT id, organization_id FROM app.listings WHERE id = ANY($1::uuid[])',
        [[...createdListings.keys()]],
      );
      const storedOrganizations = new Map(stored.rows.map((row) => [row.id, row.organization_id]));
      for (const [id, tenant] of createdListings) {
        const expected = rolledBackListings.has(id) ? undefined : seeded[tenant].id;
        assert.equal(storedOrganizations.get(id), expected, `listing ${id} created by ${tenant}`);
      }
    } finally {
      await owner.end();
    }
  });

  test('context is gone after a rollback', async () => {
    const context = employerContext('A');
    await assert.rejects(
      withContext(db, context, async (transaction) => {
        await new ListingRepository(tenantScope(transaction, context)).list();
        throw new ApplicationError();
      }),
      ApplicationError,
    );

    const settings = await sql<{ organization: string | null; userId: string | null; role: string | null }>`
      SELECT current_setting('clockin.organization_id', true) AS organization,
             current_setting('clockin.user_id', true) AS "userId",
             current_setting('clockin.actor_role', true) AS role`.execute(db);
    assert.deepEqual(settings.rows, [{ organization: '', userId: '', role: '' }]);
    assert.deepEqual(await db.selectFrom('applications').select('id').execute(), []);
    assert.deepEqual(await db.selectFrom('listings').select('id').execute(), []);
  });

  test('context is gone after a failed statement', async () => {
    // The request asserts that the database rejected the insert with 42501.
    await runRequest({ tenant: 'B', kind: 'insertIntoOtherTenant', listingIndex: 0 });

    const settings = await sql<{ organization: string | null }>`
      SELECT current_setting('clockin.organization_id', true) AS organization`.execute(db);
    assert.deepEqual(settings.rows, [{ organization: '' }]);
    assert.deepEqual(await db.selectFrom('applications').select('id').execute(), []);
  });
});
