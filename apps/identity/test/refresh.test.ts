import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { claimsOf, clientId, startHarness, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, signInTokens } from './users.ts';

function refresh(harness: Harness, refreshToken: string) {
  return harness.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken }));
}

describe('refresh tokens', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('rotation returns a new refresh token', async () => {
    const { email } = await createConfirmedUser(harness);
    const first = await signInTokens(harness, email);
    harness.advance(10 * 60 * 1000);
    const second = await refresh(harness, first.RefreshToken);
    const result = second.AuthenticationResult;
    assert.ok(result?.RefreshToken);
    assert.notEqual(result.RefreshToken, first.RefreshToken);
    const before = claimsOf(first.AccessToken);
    const afterRefresh = claimsOf(result.AccessToken);
    assert.equal(afterRefresh.auth_time, before.auth_time);
    assert.equal(afterRefresh.origin_jti, before.origin_jti);
    assert.ok(Number(afterRefresh.iat) > Number(before.iat));
  });

  test('REFRESH_TOKEN_AUTH also rotates', async () => {
    const { email } = await createConfirmedUser(harness);
    const first = await signInTokens(harness, email);
    const result = await harness.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: first.RefreshToken },
      }),
    );
    assert.ok(result.AuthenticationResult?.RefreshToken);
    assert.notEqual(result.AuthenticationResult.RefreshToken, first.RefreshToken);
  });

  test('reuse revokes the whole chain', async () => {
    const { email } = await createConfirmedUser(harness);
    const first = await signInTokens(harness, email);
    const second = await refresh(harness, first.RefreshToken);
    const current = second.AuthenticationResult?.RefreshToken as string;

    assert.equal(await errorName(refresh(harness, first.RefreshToken)), 'RefreshTokenReuseException');
    assert.equal(await errorName(refresh(harness, current)), 'NotAuthorizedException');
    const access = second.AuthenticationResult?.AccessToken;
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: access }))),
      'NotAuthorizedException',
    );
  });

  test('expiry is 30 days from sign-in', async () => {
    const { email } = await createConfirmedUser(harness);
    let token = (await signInTokens(harness, email)).RefreshToken;
    for (let day = 0; day < 3; day += 1) {
      harness.advance(9 * 24 * 60 * 60 * 1000);
      token = (await refresh(harness, token)).AuthenticationResult?.RefreshToken as string;
    }
    harness.advance(3 * 24 * 60 * 60 * 1000 + 1000);
    assert.equal(await errorName(refresh(harness, token)), 'NotAuthorizedException');
  });

  test('RevokeToken ends one sign-in', async () => {
    const { email } = await createConfirmedUser(harness);
    const keptSignIn = await signInTokens(harness, email);
    const revokedSignIn = await signInTokens(harness, email);
    await harness.client.send(new RevokeTokenCommand({ ClientId: clientId, Token: revokedSignIn.RefreshToken }));
    assert.equal(await errorName(refresh(harness, revokedSignIn.RefreshToken)), 'NotAuthorizedException');
    assert.ok((await refresh(harness, keptSignIn.RefreshToken)).AuthenticationResult);
  });

  test('GlobalSignOut ends every sign-in', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const firstSignIn = await signInTokens(harness, email);
    const secondSignIn = await signInTokens(harness, email);
    await harness.client.send(new GlobalSignOutCommand({ AccessToken: firstSignIn.AccessToken }));
    assert.equal(await errorName(refresh(harness, firstSignIn.RefreshToken)), 'NotAuthorizedException');
    assert.equal(await errorName(refresh(harness, secondSignIn.RefreshToken)), 'NotAuthorizedException');
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: secondSignIn.AccessToken }))),
      'NotAuthorizedException',
    );
    const event = harness.revocations.find((entry) => entry.sub === sub);
    assert.equal(event?.reason, 'global-sign-out');
    assert.equal(event?.revokedBefore.getTime(), harness.now.getTime());

    const fresh = await signInTokens(harness, email);
    assert.ok(await harness.client.send(new GetUserCommand({ AccessToken: fresh.AccessToken })));
  });
});
