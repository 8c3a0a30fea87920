import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signUpStudent, someSchoolId, startHarness, type Harness, type SignedIn } from './harness.ts';
import {
  assertError,
  client,
  createEmployer,
  createStaff,
  ids,
  listingBody,
  ownerQuery,
  publishListing,
  shift,
  type Employer,
} from './listing-fixtures.ts';

let harness: Harness;
let outfitters: Employer;
let kayakClub: Employer;
let staff: SignedIn;
let student: SignedIn;
let origin: { latitude: number; longitude: number };

/** Listing ids by the role they play in the tests below. */
const listing: Record<string, string> = {};

const earthRadiusMiles = 3958.8;

function idOf(key: string): string {
  const id = listing[key];
  assert.ok(id, `no listing ${key}`);
  return id;
}

/** Publishes a listing of the outfitters (or `employer`) and stores its id under `key`. */
async function publish(key: string, body: Record<string, unknown>, employer: Employer = outfitters) {
  listing[key] = await publishListing(harness, employer.user, staff, body);
}

/** Moves a listing due north of ZIP 43215's centroid by exactly `miles` along the meridian. */
async function placeNorth(key: string, miles: number) {
  const latitude = origin.latitude + ((miles / earthRadiusMiles) * 180) / Math.PI;
  await ownerQuery(harness, 'UPDATE app.listings SET latitude = $2, longitude = $3 WHERE id = $1', [
    listing[key],
    latitude,
    origin.longitude,
  ]);
}

function birthdateForAge(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 60);
  return date.toISOString().slice(0, 10);
}

interface Found {
  id: string;
  category: string;
  hourlyPayCents: number | null;
  distanceMiles: number | null;
  publishedAt: string;
}

/** Follows nextCursor through every page of a search and returns the listings in order. */
async function searchAll(query: string, user: SignedIn | null = null): Promise<{ pages: number; listings: Found[] }> {
  const listings: Found[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const url: string = `/v1/listings?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client(harness, user).get(url);
    assert.equal(response.statusCode, 200, response.body);
    listings.push(...response.json().listings);
    cursor = response.json().nextCursor;
    pages += 1;
    assert.ok(pages < 100, 'pagination does not end');
  } while (cursor);
  return { pages, listings };
}

/** The ids among `keys` that a search returns, in the search's order. */
async function matching(query: string, keys: string[]): Promise<string[]> {
  const wanted = new Map(keys.map((key) => [listing[key], key]));
  const { listings } = await searchAll(query);
  return listings.flatMap((found) => (wanted.has(found.id) ? [wanted.get(found.id) as string] : []));
}

before(async () => {
  harness = await startHarness();
  outfitters = await createEmployer(harness, 'admin@outfitters.example.test', 'Riverbend Outfitters');
  kayakClub = await createEmployer(harness, 'admin@kayakclub.example.test', 'Kayak Kids Club');
  staff = await createStaff(harness, 'reviewer@search.example.test');
  student = await signUpStudent(harness, {
    email: 'fifteen@search.example.test',
    givenName: 'Ines',
    familyName: 'Okonkwo-Hale',
    birthdate: birthdateForAge(15),
    schoolId: await someSchoolId(harness),
    gradeLevel: '9',
  });
  const [centroid] = await ownerQuery<{ latitude: number; longitude: number }>(
    harness,
    `SELECT latitude, longitude FROM app.zip_centroids WHERE zip = '43215'`,
  );
  assert.ok(centroid);
  origin = centroid;

  // Text: "kayak" in the title (weight A), the employer's name (B) or the description (C).
  await publish('kayakTitle', listingBody('Kayak rental assistant'));
  await publish('kayakEmployer', listingBody('Dock helper'), kayakClub);
  await publish(
    'kayakDescription',
    listingBody('Boathouse aide', { description: 'Carry paddles and hose down each kayak after a trip.' }),
  );
  await publish('noKayak', listingBody('Bait shop clerk'));

  // Distance: placed due north of 43215 just inside and just outside each radius.
  for (const miles of [4.9, 5.1, 9.9, 10.1, 24.9, 25.1, 49.9, 50.1]) {
    await publish(`north${miles}`, listingBody(`Ranger station helper ${miles}`));
    await placeNorth(`north${miles}`, miles);
  }
  // Real ZIP centroids: 43201 is about two miles from 43215 and 45202 (Cincinnati) about 100.
  await publish('zip43201', listingBody('Campus bike shop helper', { zip: '43201' }));
  await publish('zip45202', listingBody('Riverfront rental helper', { zip: '45202', city: 'Cincinnati' }));

  // Category, pay, schedule and season.
  await publish('grocery', listingBody('Produce stocker', { category: 'grocery' }));
  await publish('retail', listingBody('Gift shop cashier', { category: 'retail' }));
  await publish('hourly1500', listingBody('Hourly at fifteen', { payMinCents: 1500 }));
  await publish('hourly1499', listingBody('Hourly under fifteen', { payMinCents: 1499 }));
  await publish(
    'shift1500',
    listingBody('Paid by the shift', { payUnit: 'shift', payMinCents: 6000, schedule: [shift(3, '16:00', '20:00')] }),
  );
  await publish(
    'week1499',
    listingBody('Paid by the week', {
      payUnit: 'week',
      payMinCents: 11992,
      schedule: [shift(2, '16:00', '20:00'), shift(4, '16:00', '20:00')],
    }),
  );
  await publish('weekdayThree', listingBody('Weekday at three', { schedule: [shift(1, '15:00', '18:00')] }));
  await publish('weekdayEarly', listingBody('Weekday before three', { schedule: [shift(5, '14:30', '18:00')] }));
  await publish('saturday', listingBody('Saturday afternoons', { schedule: [shift(6, '16:00', '19:00')] }));
  await publish('sunday', listingBody('Sunday mornings', { schedule: [shift(0, '10:00', '14:00')] }));
  await publish('summer', listingBody('Summer only', { season: 'summer' }));
  await publish('both', listingBody('All year', { season: 'both' }));
  await publish('schoolYear', listingBody('School year only', { season: 'school-year' }));

  // Everything at once, for the combined search below.
  await publish('canoeFit', listingBody('Canoe launch helper', { category: 'outdoor' }));
  await publish(
    'canoeLate',
    listingBody('Canoe night closer', { category: 'outdoor', schedule: [shift(1, '17:00', '22:00')] }),
  );
  await publish('canoeRetail', listingBody('Canoe shop seller', { category: 'retail' }));

  // Identical listings, so that every sort order has ties for pagination to get through.
  for (const n of [1, 2, 3, 4]) await publish(`crew${n}`, listingBody('Trail crew member'));
  await ownerQuery(
    harness,
    `UPDATE app.listings SET published_at = date_trunc('second', now()) - interval '1 hour' + interval '123456 microseconds'
     WHERE id = ANY($1)`,
    [[listing.crew1, listing.crew2, listing.crew3, listing.crew4]],
  );
});
after(async () => harness?.close());

describe('listing search filters', () => {
  test('anonymous visitors can search', async () => {
    const response = await client(harness, null).get('/v1/listings?q=kayak');
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().sort, 'relevance');
  });

  test('text ranks title over employer over description', async () => {
    const keys = ['kayakTitle', 'kayakEmployer', 'kayakDescription', 'noKayak'];
    assert.deepEqual(await matching('q=kayak', keys), ['kayakTitle', 'kayakEmployer', 'kayakDescription']);
  });

  test('text matches word forms', async () => {
    assert.deepEqual(await matching('q=kayaks', ['kayakTitle', 'noKayak']), ['kayakTitle']);
  });

  test('excluded word drops matches', async () => {
    assert.deepEqual(await matching('q=kayak%20-dock', ['kayakTitle', 'kayakEmployer', 'kayakDescription']), [
      'kayakTitle',
      'kayakDescription',
    ]);
  });

  test('employer rename is searchable at once', async () => {
    const renamed = await createEmployer(harness, 'admin@rename.example.test', 'Quillfeather Stables');
    await publish('renamed', listingBody('Barn hand'), renamed);
    assert.deepEqual(await matching('q=quillfeather', ['renamed']), ['renamed']);
    await ownerQuery(harness, `UPDATE app.organizations SET trading_name = 'Juniperhollow Stables' WHERE id = $1`, [
      renamed.organizationId,
    ]);
    assert.deepEqual(await matching('q=quillfeather', ['renamed']), []);
    assert.deepEqual(await matching('q=juniperhollow', ['renamed']), ['renamed']);
    const found = await client(harness, null).get(`/v1/listings/${listing.renamed}`);
    assert.equal(found.json().employerName, 'Juniperhollow Stables');
  });

  test('stop words alone search everything', async () => {
    const response = await client(harness, null).get('/v1/listings?q=the&limit=50');
    assert.equal(response.json().sort, 'newest');
    assert.ok(ids(response).includes(idOf('noKayak')));
  });

  for (const [radius, inside, outside] of [
    [5, 'north4.9', 'north5.1'],
    [10, 'north9.9', 'north10.1'],
    [25, 'north24.9', 'north25.1'],
    [50, 'north49.9', 'north50.1'],
  ] as const) {
    test(`${radius} mile radius boundary`, async () => {
      const found = await matching(`zip=43215&radiusMiles=${radius}`, [inside, outside]);
      assert.deepEqual(found, [inside]);
    });
  }

  test('radius includes everything closer', async () => {
    const keys = ['north4.9', 'north5.1', 'north9.9', 'north10.1', 'north24.9', 'north25.1', 'north49.9', 'north50.1'];
    assert.deepEqual(await matching('zip=43215&radiusMiles=25', keys), [
      'north4.9',
      'north5.1',
      'north9.9',
      'north10.1',
      'north24.9',
    ]);
  });

  test('ZIP centroids place listings', async () => {
    const near = await matching('zip=43215&radiusMiles=5', ['zip43201', 'zip45202']);
    assert.deepEqual(near, ['zip43201']);
    const far = await matching('zip=45202&radiusMiles=5', ['zip43201', 'zip45202']);
    assert.deepEqual(far, ['zip45202']);
  });

  test('distance sort orders by miles', async () => {
    const { listings } = await searchAll('zip=43215&sort=distance&limit=50');
    const distances = listings.map((found) => found.distanceMiles as number);
    assert.deepEqual(
      distances,
      [...distances].sort((x, y) => x - y),
    );
    const north = listings.find((found) => found.id === listing['north24.9']);
    assert.equal(north?.distanceMiles, 24.9);
  });

  test('search without zip has no distance', async () => {
    const response = await client(harness, null).get('/v1/listings?limit=1');
    assert.equal(response.json().listings[0].distanceMiles, null);
  });

  test('category filter', async () => {
    const { listings } = await searchAll('category=grocery');
    assert.deepEqual(
      listings.map((found) => found.id),
      [listing.grocery],
    );
    assert.deepEqual(await matching('category=retail', ['grocery', 'retail']), ['retail']);
  });

  test('minimum pay compares per hour', async () => {
    const keys = ['hourly1500', 'hourly1499', 'shift1500', 'week1499'];
    assert.deepEqual((await matching('minHourlyPayCents=1500', keys)).sort(), ['hourly1500', 'shift1500']);
    const { listings } = await searchAll('minHourlyPayCents=1499');
    const byId = new Map(listings.map((found) => [found.id, found.hourlyPayCents]));
    assert.equal(byId.get(idOf('shift1500')), 1500);
    assert.equal(byId.get(idOf('week1499')), 1499);
    assert.equal(byId.get(idOf('hourly1499')), 1499);
  });

  test('after-school needs a weekday shift from three', async () => {
    const keys = ['weekdayThree', 'weekdayEarly', 'saturday', 'sunday'];
    assert.deepEqual(await matching('afterSchool=true', keys), ['weekdayThree']);
  });

  test('weekends needs a Saturday or Sunday shift', async () => {
    const keys = ['weekdayThree', 'weekdayEarly', 'saturday', 'sunday'];
    assert.deepEqual((await matching('weekends=true', keys)).sort(), ['saturday', 'sunday']);
  });

  test('summer keeps summer and both', async () => {
    const keys = ['summer', 'both', 'schoolYear'];
    assert.deepEqual((await matching('summer=true', keys)).sort(), ['both', 'summer']);
  });

  test('false flags filter nothing', async () => {
    const keys = ['weekdayThree', 'saturday', 'schoolYear'];
    assert.deepEqual((await matching('afterSchool=false&weekends=false&summer=false', keys)).sort(), [
      'saturday',
      'schoolYear',
      'weekdayThree',
    ]);
  });

  test('all filters combine with workable', async () => {
    const query =
      'q=canoe&zip=43215&radiusMiles=5&category=outdoor&minHourlyPayCents=1300&afterSchool=true&workable=true&sort=distance';
    const response = await client(harness, student).get(`/v1/listings?${query}`);
    assert.deepEqual(ids(response), [listing.canoeFit]);
    const withoutWorkable = await client(harness, student).get(`/v1/listings?${query.replace('&workable=true', '')}`);
    assert.deepEqual(ids(withoutWorkable).sort(), [listing.canoeFit, listing.canoeLate].sort());
  });

  test('workable needs a student', async () => {
    assertError(await client(harness, null).get('/v1/listings?workable=true'), 403, 'Forbidden', 'workable');
  });
});

describe('listing search order and pages', () => {
  test('newest sorts by publication time', async () => {
    const { listings } = await searchAll('sort=newest&limit=50');
    for (let index = 1; index < listings.length; index += 1) {
      const before = listings[index - 1] as Found;
      const current = listings[index] as Found;
      assert.ok(
        before.publishedAt > current.publishedAt ||
          (before.publishedAt === current.publishedAt && before.id > current.id),
        `${before.id} before ${current.id}`,
      );
    }
  });

  test('relevance without text sorts newest', async () => {
    const response = await client(harness, null).get('/v1/listings?sort=relevance&limit=1');
    assert.equal(response.json().sort, 'newest');
  });

  test('zip alone sorts by distance', async () => {
    const response = await client(harness, null).get('/v1/listings?zip=43215&limit=1');
    assert.equal(response.json().sort, 'distance');
  });

  const orders: Array<[string, string]> = [
    ['newest', 'sort=newest'],
    ['distance', 'zip=43215&sort=distance'],
    ['relevance', 'q=crew%20OR%20kayak%20OR%20canoe&sort=relevance'],
  ];
  for (const [name, query] of orders) {
    test(`${name} pages have no duplicates or gaps`, async () => {
      const whole = await client(harness, null).get(`/v1/listings?${query}&limit=50`);
      assert.equal(whole.json().nextCursor, null, 'the whole result must fit one page of 50');
      const expected = ids(whole);
      assert.ok(expected.length >= 7, `only ${expected.length} results`);
      for (const size of [1, 2, 3]) {
        const paged = await searchAll(`${query}&limit=${size}`);
        const found = paged.listings.map((entry) => entry.id);
        assert.equal(new Set(found).size, found.length, `duplicates with pages of ${size}`);
        assert.deepEqual(found, expected, `pages of ${size}`);
        assert.equal(paged.pages, Math.ceil(expected.length / size));
      }
    });
  }

  test('ties on rank keep a stable order', async () => {
    const crew = ['crew1', 'crew2', 'crew3', 'crew4'];
    const first = await matching('q=crew&limit=1', crew);
    const second = await matching('q=crew&limit=3', crew);
    assert.equal(first.length, 4);
    assert.deepEqual(first, second);
  });

  test('cursor from another sort answers 400', async () => {
    const newest = await client(harness, null).get('/v1/listings?sort=newest&limit=1');
    const cursor = newest.json().nextCursor as string;
    const response = await client(harness, null).get(
      `/v1/listings?zip=43215&sort=distance&cursor=${encodeURIComponent(cursor)}`,
    );
    assertError(response, 400, 'ValidationError', 'cursor');
  });
});

describe('listing search visibility', () => {
  test('suspended organization leaves search at once', async () => {
    const suspended = await createEmployer(harness, 'admin@zeppelin.example.test', 'Zeppelin Tours');
    await publish('zeppelin', listingBody('Zeppelin ticket seller'), suspended);
    assert.deepEqual(await matching('q=zeppelin', ['zeppelin']), ['zeppelin']);
    await ownerQuery(
      harness,
      `UPDATE app.organizations SET status = 'suspended', suspended_at = now(), suspension_reason = 'Test suspension'
       WHERE id = $1`,
      [suspended.organizationId],
    );
    assert.deepEqual(await matching('q=zeppelin', ['zeppelin']), []);
    assert.deepEqual(await matching('', ['zeppelin']), []);
    assertError(await client(harness, null).get(`/v1/listings/${listing.zeppelin}`), 404, 'NotFound');
  });

  for (const status of ['pending', 'rejected']) {
    test(`${status} organization never appears`, async () => {
      const employer = await createEmployer(harness, `admin@${status}.example.test`, `Marmalade ${status} Co`);
      await publish(`marmalade${status}`, listingBody(`Marmalade ${status} packer`), employer);
      assert.deepEqual(await matching(`q=marmalade%20${status}`, [`marmalade${status}`]), [`marmalade${status}`]);
      await ownerQuery(harness, `UPDATE app.organizations SET status = $2 WHERE id = $1`, [
        employer.organizationId,
        status,
      ]);
      assert.deepEqual(await matching(`q=marmalade%20${status}`, [`marmalade${status}`]), []);
      assert.deepEqual(await matching(`zip=43215&sort=distance`, [`marmalade${status}`]), []);
    });
  }

  test('unpublished listings never appear', async () => {
    const { listings } = await searchAll('limit=50');
    const statuses = await ownerQuery<{ status: string }>(
      harness,
      'SELECT DISTINCT l.status FROM app.listings l WHERE l.id = ANY($1)',
      [listings.map((found) => found.id)],
    );
    assert.deepEqual(
      statuses.map((row) => row.status),
      ['published'],
    );
  });
});

describe('listing search input', () => {
  const invalid: Array<[string, string, string]> = [
    ['radius outside the list', 'zip=43215&radiusMiles=7', 'radiusMiles'],
    ['radius without zip', 'radiusMiles=5', 'zip'],
    ['distance sort without zip', 'sort=distance', 'zip'],
    ['malformed zip', 'zip=abcde', 'zip'],
    ['zip outside Ohio', 'zip=90210', 'zip'],
    ['unknown category', 'category=astronaut', 'category'],
    ['negative pay', 'minHourlyPayCents=-1', 'minHourlyPayCents'],
    ['pay as text', 'minHourlyPayCents=lots', 'minHourlyPayCents'],
    ['unknown sort', 'sort=alphabetical', 'sort'],
    ['after-school as text', 'afterSchool=maybe', 'afterSchool'],
    ['garbage cursor', 'cursor=not-a-cursor', 'cursor'],
    ['zero limit', 'limit=0', 'limit'],
    ['long text', `q=${'a'.repeat(201)}`, 'q'],
  ];
  for (const [name, query, field] of invalid) {
    test(`${name} answers 400`, async () => {
      assertError(await client(harness, null).get(`/v1/listings?${query}`), 400, 'ValidationError', field);
    });
  }

  test('forged cursor answers 400', async () => {
    const forged = Buffer.from(
      JSON.stringify({ sort: 'newest', publishedAt: '2025-02-30T00:00:00.000000Z', id: listing.noKayak }),
    ).toString('base64url');
    assertError(await client(harness, null).get(`/v1/listings?cursor=${forged}`), 400, 'ValidationError', 'cursor');
  });

  test('search syntax never fails', async () => {
    for (const q of ['"unclosed', 'a & b | !c', '-', 'or or', "o'neil:*", '\\']) {
      const response = await client(harness, null).get(`/v1/listings?q=${encodeURIComponent(q)}`);
      assert.equal(response.statusCode, 200, `${q}: ${response.body}`);
    }
  });
});
