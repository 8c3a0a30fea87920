import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { claimsOf, clientId, startHarness, strongPassword, userPoolId, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn, signInTokens, signUp } from './users.ts';

describe('sign-in', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('returns tokens with Cognito claims', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    assert.equal(tokens.TokenType, 'Bearer');
    assert.equal(tokens.ExpiresIn, 3600);
    assert.ok(tokens.RefreshToken.length >= 40);

    const issuer = `http://127.0.0.1:4100/${userPoolId}`;
    const access = claimsOf(tokens.AccessToken);
    assert.equal(access.sub, sub);
    assert.equal(access.iss, issuer);
    assert.equal(access.token_use, 'access');
    assert.equal(access.client_id, clientId);
    assert.equal(access.scope, 'aws.cognito.signin.user.admin');
    assert.equal(access.username, email);
    assert.equal(access.exp, Number(access.iat) + 3600);
    assert.equal(access.auth_time, Math.floor(harness.now.getTime() / 1000));
    assert.equal(typeof access.jti, 'string');
    assert.equal(typeof access.origin_jti, 'string');
    assert.equal(access['cognito:groups'], undefined);

    const id = claimsOf(tokens.IdToken);
    assert.equal(id.aud, clientId);
    assert.equal(id.token_use, 'id');
    assert.equal(id.email, email);
    assert.equal(id.email_verified, true);
    assert.equal(id.given_name, 'Avery');
    assert.equal(id.family_name, 'Lindqvist');
    assert.equal(id.birthdate, '2010-06-15');
    assert.equal(id['custom:account_type'], 'student');
    assert.equal(id['cognito:username'], email);
    assert.equal(id.origin_jti, access.origin_jti);
    assert.notEqual(id.jti, access.jti);
  });

  test('tokens verify against the JWKS', async () => {
    const { email } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    const jwks = (await (await fetch(`${harness.url}/${userPoolId}/.well-known/jwks.json`)).json()) as { keys: [] };
    const { payload, protectedHeader } = await jwtVerify(tokens.AccessToken, createLocalJWKSet(jwks), {
      issuer: `http://127.0.0.1:4100/${userPoolId}`,
      currentDate: harness.now,
    });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.token_use, 'access');
  });

  test('groups appear in both tokens', async () => {
    const { email } = await createConfirmedUser(harness, newEmail(), ['pilot-testers']);
    const tokens = await signInTokens(harness, email);
    assert.deepEqual(claimsOf(tokens.AccessToken)['cognito:groups'], ['pilot-testers']);
    assert.deepEqual(claimsOf(tokens.IdToken)['cognito:groups'], ['pilot-testers']);
  });

  test('GetUser returns the sign-up attributes', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    const user = await harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map((entry) => [entry.Name, entry.Value]));
    assert.equal(user.Username, email);
    assert.equal(attributes.sub, sub);
    assert.equal(attributes.email, email);
    assert.equal(attributes.email_verified, 'true');
    assert.equal(attributes.birthdate, '2010-06-15');
    assert.equal(attributes['custom:account_type'], 'student');
  });

  test('GetUser rejects a tampered token', async () => {
    const { email } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    const tampered = `${tokens.AccessToken.slice(0, -4)}AAAA`;
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: tampered }))),
      'NotAuthorizedException',
    );
  });

  test('GetUser rejects an expired token', async () => {
    const { email } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    harness.advance(61 * 60 * 1000);
    const name = await errorName(harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })));
    assert.equal(name, 'NotAuthorizedException');
  });

  test('wrong password and unknown user look alike', async () => {
    const { email } = await createConfirmedUser(harness);
    const failures = [
      () => signIn(harness, email, 'Wrong-Password-99!'),
      () => signIn(harness, newEmail('nobody'), strongPassword),
    ];
    for (const failure of failures) {
      try {
        await failure();
        assert.fail('sign-in should fail');
      } catch (error) {
        assert.equal((error as Error).name, 'NotAuthorizedException');
        assert.equal((error as Error).message, 'Incorrect username or password.');
      }
    }
  });

  test('unconfirmed user with right password', async () => {
    const email = newEmail();
    await signUp(harness, email);
    assert.equal(await errorName(signIn(harness, email)), 'UserNotConfirmedException');
    assert.equal(await errorName(signIn(harness, email, 'Wrong-Password-99!')), 'NotAuthorizedException');
  });

  test('unknown auth flow is rejected', async () => {
    const name = await errorName(
      harness.client.send(
        new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: {} }),
      ),
    );
    assert.equal(name, 'InvalidParameterException');
  });

  test('unknown client is rejected', async () => {
    const name = await errorName(
      harness.client.send(
        new InitiateAuthCommand({
          ClientId: 'someone-else',
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'a@example.org', PASSWORD: strongPassword },
        }),
      ),
    );
    assert.equal(name, 'ResourceNotFoundException');
  });
});
