import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { signIn, signUpStudent, startBrowserHarness, type BrowserHarness } from './harness.ts';

// A student searches the jobs page by words and by distance from a ZIP code. The listings are
// written straight into the database as published listings of a verified demo employer: the
// employer and review steps have browser tests of their own.

let harness: BrowserHarness;

const student = {
  email: 'marisol.vantongeren@example.test',
  password: 'Harbor-Lantern-58%',
  givenName: 'Marisol',
  familyName: 'Vantongeren',
  birthdate: '2009-04-17',
};
/** About two miles from the centroid of ZIP 43215 in downtown Columbus. */
const nearTitle = 'Lantern festival usher';
/** In Cincinnati, about 100 miles from 43215. */
const farTitle = 'Lantern museum guide';
const otherTitle = 'Riverboat deck helper';

const url = (path: string) => `${harness.stack.urls.web}${path}`;

async function publishListing(
  client: pg.Client,
  organizationId: string,
  listing: { title: string; zip: string; city: string; description: string },
) {
  await client.query(
    `INSERT INTO app.listings (organization_id, title, description, pay_min_cents, pay_unit, address_line, city, zip,
                               latitude, longitude, schedule, status, created_by, published_at, category)
     SELECT $1, $2, $3, 1400, 'hour', '1 Festival Way', $4, z.zip, z.latitude, z.longitude,
            '[{"day": 6, "start": "10:00", "end": "14:00", "breakMinutes": 0}]', 'published', gen_random_uuid(), now(),
            'recreation'
     FROM app.zip_centroids z WHERE z.zip = $5`,
    [organizationId, listing.title, listing.description, listing.city, listing.zip],
  );
}

before(async () => {
  harness = await startBrowserHarness();
  const client = new pg.Client({ connectionString: harness.adminUrl });
  await client.connect();
  try {
    const organization = await client.query<{ id: string }>(
      `SELECT id FROM app.organizations WHERE status = 'verified' ORDER BY created_at LIMIT 1`,
    );
    const organizationId = organization.rows[0]?.id;
    assert.ok(organizationId, 'the demo data has a verified organization');
    await publishListing(client, organizationId, {
      title: nearTitle,
      zip: '43201',
      city: 'Columbus',
      description: 'Guide visitors to their seats and hand out lanterns at the riverside festival.',
    });
    await publishListing(client, organizationId, {
      title: farTitle,
      zip: '45202',
      city: 'Cincinnati',
      description: 'Welcome visitors and tell them about the lantern collection.',
    });
    await publishListing(client, organizationId, {
      title: otherTitle,
      zip: '43215',
      city: 'Columbus',
      description: 'Coil ropes and greet passengers on weekend cruises.',
    });
  } finally {
    await client.end();
  }
  await signUpStudent(harness, student);
});
after(async () => harness?.close());

describe('listing search in the browser', () => {
  test('student finds a job by words and distance', async () => {
    const context = await harness.browser.newContext();
    const page = await signIn(harness, context, student.email, student.password);
    await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
    await page.goto(url('/jobs'));

    await page.getByLabel('Keywords').fill('lantern');
    await page.getByLabel('ZIP code').fill('43215');
    await page.getByLabel('Distance').selectOption({ label: 'Within 5 miles' });
    await page.getByRole('button', { name: 'Show jobs' }).click();
    await page.waitForURL(/radiusMiles=5/);

    await page.getByRole('link', { name: nearTitle }).waitFor();
    assert.equal(await page.getByRole('link', { name: farTitle }).count(), 0);
    assert.equal(await page.getByRole('link', { name: otherTitle }).count(), 0);
    const card = page.locator('article').filter({ hasText: nearTitle });
    assert.match(await card.innerText(), /\d+(\.\d)? miles away/);

    // The form keeps the search, so widening it needs only the distance.
    assert.equal(await page.getByLabel('Keywords').inputValue(), 'lantern');
    await page.getByLabel('Distance').selectOption({ label: 'Any distance' });
    await page.getByLabel('Sort by').selectOption({ label: 'Nearest first' });
    await page.getByRole('button', { name: 'Show jobs' }).click();
    await page.waitForURL(/sort=distance/);
    await page.getByRole('link', { name: farTitle }).waitFor();
    const titles = await page.locator('article h2').allInnerTexts();
    assert.deepEqual(
      titles.filter((title) => title === nearTitle || title === farTitle),
      [nearTitle, farTitle],
    );

    await page.getByRole('link', { name: nearTitle }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: nearTitle }).waitFor();
    assert.match(await page.locator('main').innerText(), /Apply by/);
    await context.close();
  });

  test('search works without JavaScript', async () => {
    const context = await harness.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/jobs'));
    await page.getByLabel('Keywords').fill('riverboat');
    await page.getByRole('button', { name: 'Show jobs' }).click();
    await page.waitForURL(/q=riverboat/);
    await page.getByRole('link', { name: otherTitle }).waitFor();
    assert.equal(await page.getByRole('link', { name: nearTitle }).count(), 0);
    await context.close();
  });

  test('distance without a ZIP code is explained', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('/jobs?radiusMiles=10'));
    await page.getByRole('alert').filter({ hasText: 'Check the search fields marked below.' }).waitFor();
    assert.match(await page.getByRole('search').innerText(), /Enter a ZIP code to search by distance\./);
    await context.close();
  });
});
