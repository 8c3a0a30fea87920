import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { buildIdentityServer } from '@clockin/identity/server';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  clientId,
  password,
  signUpStudent,
  someSchoolId,
  startHarness,
  userPoolId,
  type Harness,
  type SignedIn,
} from './harness.ts';

let harness: Harness;
let student: SignedIn;

/** JWKS requests the identity service logged: the API's fetches, as the tests here make none over HTTP. */
function jwksRequests(): number {
  return harness.logs.filter((line) => line.includes('"incoming request"') && line.includes('/.well-known/jwks.json'))
    .length;
}

const issuer = `http://localhost:0/${userPoolId}`;

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
}

async function statusWith(token: string): Promise<{ status: number; error: string | undefined }> {
  const response = await harness.api.inject({
    method: 'GET',
    url: '/v1/students/me',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.statusCode, error: response.json().error };
}

const refused = { status: 401, error: 'Unauthorized' };

/** Starts a second identity service on the same user pool and keys, with its own client id and clock. */
async function otherIdentity(options: { clientId: string; clock?: () => Date }): Promise<FastifyInstance> {
  const identity = await buildIdentityServer({
    databaseUrl: harness.database.identityUrl,
    userPoolId,
    clientId: options.clientId,
    issuerBaseUrl: 'http://localhost:0',
    mailer: harness.mailbox,
    mfaEncryptionKey: Buffer.alloc(32, 7).toString('base64'),
    logger: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await identity.ready();
  return identity;
}

async function tokensFrom(identity: FastifyInstance, client: string) {
  const response = await identity.inject({
    method: 'POST',
    url: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    payload: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client,
      AuthParameters: { USERNAME: student.email, PASSWORD: password },
    }),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().AuthenticationResult as { AccessToken: string; IdToken: string };
}

before(async () => {
  harness = await startHarness();
  student = await signUpStudent(harness, {
    email: 'tokens@verification.example.test',
    givenName: 'Imogen',
    familyName: 'Castellanos',
    birthdate: '2008-11-11',
    schoolId: await someSchoolId(harness),
    gradeLevel: '12',
  });
});
after(async () => harness?.close());

describe('access token verification', () => {
  test('a valid access token is accepted', async () => {
    assert.deepEqual(await statusWith(student.accessToken), { status: 200, error: undefined });
  });

  test('alg none is refused', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = student.accessToken.split('.')[1];
    assert.deepEqual(await statusWith(`${header}.${body}.`), refused);
  });

  test('HS256 signed with the public key is refused', async () => {
    const response = await harness.identity.inject({ method: 'GET', url: `/${userPoolId}/.well-known/jwks.json` });
    const publicJwk = response.json().keys[0] as Record<string, string>;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT(claimsOf(student.accessToken))
      .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid })
      .sign(secret);
    assert.deepEqual(await statusWith(token), refused);
  });

  for (const header of ['jku', 'jwk', 'x5u'] as const) {
    test(`a ${header} header pointing elsewhere is refused`, async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      const jwk = await exportJWK(publicKey);
      const extra =
        header === 'jwk' ? { jwk: { ...jwk, kid: 'attacker' } } : { [header]: 'http://127.0.0.1:9/keys.json' };
      const token = await new SignJWT(claimsOf(student.accessToken))
        .setProtectedHeader({ alg: 'RS256', kid: 'attacker', ...extra })
        .sign(privateKey);
      assert.deepEqual(await statusWith(token), refused);
    });
  }

  test('an ID token as bearer is refused', async () => {
    const result = await harness.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: student.email, PASSWORD: password },
      }),
    );
    const idToken = result.AuthenticationResult?.IdToken ?? '';
    assert.equal(claimsOf(idToken).token_use, 'id');
    assert.deepEqual(await statusWith(idToken), refused);
  });

  test('a token for another client is refused', async () => {
    const identity = await otherIdentity({ clientId: 'another-app-client' });
    try {
      const { AccessToken } = await tokensFrom(identity, 'another-app-client');
      assert.equal(claimsOf(AccessToken).client_id, 'another-app-client');
      assert.equal(claimsOf(AccessToken).iss, issuer);
      assert.deepEqual(await statusWith(AccessToken), refused);
    } finally {
      await identity.close();
    }
  });

  test('an expired token is refused', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const identity = await otherIdentity({ clientId, clock: () => twoHoursAgo });
    try {
      const { AccessToken } = await tokensFrom(identity, clientId);
      assert.ok(Number(claimsOf(AccessToken).exp) * 1000 < Date.now());
      assert.deepEqual(await statusWith(AccessToken), refused);
    } finally {
      await identity.close();
    }
  });

  test('a tampered payload is refused', async () => {
    const [header, , signature] = student.accessToken.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...claimsOf(student.accessToken), 'cognito:groups': ['staff'] }),
    ).toString('base64url');
    assert.deepEqual(await statusWith(`${header}.${payload}.${signature}`), refused);
  });

  test('unknown key ids refetch the JWKS at most once per 10 seconds', async () => {
    assert.deepEqual(await statusWith(student.accessToken), { status: 200, error: undefined });
    const { privateKey } = await generateKeyPair('RS256');
    const fetchedBefore = jwksRequests();
    // The first verified request above fetched the JWKS once, so the counter counts the API's fetches.
    assert.ok(fetchedBefore >= 1);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const token = await new SignJWT(claimsOf(student.accessToken))
        .setProtectedHeader({ alg: 'RS256', kid: `unknown-${attempt}` })
        .sign(privateKey);
      assert.deepEqual(await statusWith(token), refused);
    }
    const refetches = jwksRequests() - fetchedBefore;
    assert.ok(refetches <= 1, `${refetches} JWKS requests`);
    assert.equal(headerOf(student.accessToken).alg, 'RS256');
  });
});
