import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './harness.ts';

let harness: Harness;

before(async () => {
  harness = await startHarness();
});
after(async () => harness?.close());

describe('HTTP contract', () => {
  test('health checks the database', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: 'ok' });
  });

  test('openapi document lists the routes', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.match(document.openapi, /^3\./);
    assert.ok(document.paths['/v1/listings/{listingId}/applications']);
    assert.ok(document.paths['/v1/employer/listings']);
  });

  test('unknown route answers 404', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/nowhere' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'NotFound');
  });

  test('every private route demands a token', async () => {
    const privateRoutes = harness.api.routeTable.filter((route) => !route.public);
    assert.ok(privateRoutes.length >= 8);
    for (const route of privateRoutes) {
      const url = route.url.replace(':listingId', crypto.randomUUID());
      const response = await harness.api.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}`);
      assert.equal(response.json().error, 'Unauthorized');
    }
  });

  test('forged tokens are rejected', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: crypto.randomUUID(),
        token_use: 'access',
        client_id: 'clockin-web-local',
        exp: 4102444800,
      }),
    ).toString('base64url');
    for (const token of [`${header}.${payload}.`, 'not-a-token', `${header}.${payload}.c2lnbmF0dXJl`]) {
      const response = await harness.api.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error, 'Unauthorized');
    }
  });

  test('bad input names the field', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/listings?limit=500' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'limit');
  });

  test('school search finds by city', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/schools?query=columbus' });
    assert.equal(response.statusCode, 200);
    assert.ok(response.json().schools.length > 0);
    assert.ok(
      response
        .json()
        .schools.every((school: { city: string; name: string }) => /columbus/i.test(`${school.city} ${school.name}`)),
    );
  });
});

describe('security headers', () => {
  test('every response carries a strict policy', async () => {
    for (const url of ['/health', '/v1/listings', '/v1/nowhere']) {
      const response = await harness.api.inject({ method: 'GET', url });
      assert.equal(
        response.headers['content-security-policy'],
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
        url,
      );
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
      assert.equal(response.headers['x-powered-by'], undefined, url);
    }
  });
});
