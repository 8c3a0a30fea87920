import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { rotateSigningKeys } from '../src/signing-keys.ts';
import { encryptionKey, startHarness, userPoolId, type Harness } from './helpers.ts';
import { createConfirmedUser, signInTokens } from './users.ts';

async function publishedKeyIds(harness: Harness): Promise<string[]> {
  const response = await fetch(`${harness.url}/${userPoolId}/.well-known/jwks.json`);
  const body = (await response.json()) as { keys: { kid: string; alg: string; kty: string; d?: string }[] };
  for (const key of body.keys) {
    assert.equal(key.alg, 'RS256');
    assert.equal(key.kty, 'RSA');
    assert.equal(key.d, undefined);
  }
  return body.keys.map((key) => key.kid);
}

function headerKid(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')).kid;
}

describe('signing keys', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('JWKS publishes current and next keys', async () => {
    const kids = await publishedKeyIds(harness);
    assert.equal(kids.length, 2);
    assert.notEqual(kids[0], kids[1]);
  });

  test('OpenID configuration names the issuer', async () => {
    const response = await fetch(`${harness.url}/${userPoolId}/.well-known/openid-configuration`);
    const body = (await response.json()) as { issuer: string; jwks_uri: string };
    assert.equal(body.issuer, `http://127.0.0.1:4100/${userPoolId}`);
    assert.equal(body.jwks_uri, `http://127.0.0.1:4100/${userPoolId}/.well-known/jwks.json`);
  });

  test('rotation keeps the old key until its tokens expire', async () => {
    const [current, next] = await publishedKeyIds(harness);
    const { email } = await createConfirmedUser(harness);
    const before = await signInTokens(harness, email);
    assert.equal(headerKid(before.AccessToken), current);

    await rotateSigningKeys(harness.database.identityUrl, encryptionKey, harness.now);
    const rotated = await publishedKeyIds(harness);
    assert.equal(rotated.length, 3);
    assert.equal(rotated[0], next);
    assert.ok(rotated.includes(current as string));

    const afterRotation = await signInTokens(harness, email);
    assert.equal(headerKid(afterRotation.AccessToken), next);
    assert.ok(await harness.client.send(new GetUserCommand({ AccessToken: before.AccessToken })));

    harness.advance(66 * 60 * 1000);
    const later = await publishedKeyIds(harness);
    assert.equal(later.length, 2);
    assert.ok(!later.includes(current as string));
  });

  test('private keys are encrypted at rest', async () => {
    const rows = await harness.owner.query(`SELECT private_key_encrypted FROM identity.signing_keys`);
    for (const row of rows.rows) {
      assert.ok(row.private_key_encrypted.startsWith('v1.'));
      assert.ok(!row.private_key_encrypted.includes('PRIVATE KEY'));
    }
  });

  test('identity role cannot be read by the app role', async () => {
    const pg = (await import('pg')).default;
    const app = new pg.Client({ connectionString: harness.database.appUrl });
    await app.connect();
    try {
      await assert.rejects(app.query('SELECT 1 FROM identity.users'), /permission denied/);
    } finally {
      await app.end();
    }
  });
});
