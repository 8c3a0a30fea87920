import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  REFRESH_MARGIN_SECONDS,
  accessTokenNeedsRefresh,
  refreshFailureEndsSession,
  sessionFromAuthenticationResult,
} from './tokens';

const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const margin = REFRESH_MARGIN_SECONDS * 1000;

function sdkError(name: string): Error {
  const error = new Error(`${name} from the identity service`);
  error.name = name;
  return error;
}

describe('refresh timing', () => {
  test('fresh access token is kept', () => {
    const session = { accessToken: 'token', accessTokenExpiresAt: now + 60 * 60 * 1000 };
    assert.equal(accessTokenNeedsRefresh(session, now), false);
  });

  test('token just outside the margin is kept', () => {
    assert.equal(accessTokenNeedsRefresh({ accessToken: 'token', accessTokenExpiresAt: now + margin }, now), false);
  });

  test('token inside the margin is refreshed', () => {
    assert.equal(accessTokenNeedsRefresh({ accessToken: 'token', accessTokenExpiresAt: now + margin - 1 }, now), true);
    assert.equal(accessTokenNeedsRefresh({ accessToken: 'token', accessTokenExpiresAt: now + 1000 }, now), true);
  });

  test('expired token is refreshed', () => {
    assert.equal(accessTokenNeedsRefresh({ accessToken: 'token', accessTokenExpiresAt: now - 1 }, now), true);
  });

  test('session without a token is not refreshed', () => {
    assert.equal(accessTokenNeedsRefresh({}, now), false);
    assert.equal(accessTokenNeedsRefresh({ accessTokenExpiresAt: now - 1 }, now), false);
    assert.equal(accessTokenNeedsRefresh({ accessToken: 'token' }, now), false);
  });

  test('margin is five minutes', () => {
    assert.equal(REFRESH_MARGIN_SECONDS, 300);
  });
});

describe('session from authentication result', () => {
  test('rotated refresh token replaces the old one', () => {
    const before = Date.now();
    const signedIn = sessionFromAuthenticationResult(
      { AccessToken: 'access', ExpiresIn: 3600, RefreshToken: 'rotated' },
      'student@example.test',
      'old',
    );
    assert.deepEqual(signedIn.refresh, { refreshToken: 'rotated' });
    assert.equal(signedIn.session.accessToken, 'access');
    assert.equal(signedIn.session.username, 'student@example.test');
    const expiresAt = signedIn.session.accessTokenExpiresAt ?? 0;
    assert.ok(expiresAt >= before + 3600 * 1000, 'the expiry is an hour after the refresh at the earliest');
    assert.ok(expiresAt <= Date.now() + 3600 * 1000, 'the expiry is an hour after the refresh at the latest');
  });

  test('result without refresh token keeps the old one', () => {
    const signedIn = sessionFromAuthenticationResult(
      { AccessToken: 'access', ExpiresIn: 3600 },
      'a@example.test',
      'old',
    );
    assert.deepEqual(signedIn.refresh, { refreshToken: 'old' });
  });

  test('result without access token throws', () => {
    assert.throws(() => sessionFromAuthenticationResult({ RefreshToken: 'rotated' }, 'a@example.test'), {
      message: /without an access token/,
    });
  });
});

describe('refresh failures', () => {
  test('revoked or reused refresh token ends the session', () => {
    assert.equal(refreshFailureEndsSession(sdkError('NotAuthorizedException')), true);
    assert.equal(refreshFailureEndsSession(sdkError('RefreshTokenReuseException')), true);
  });

  test('other failures keep the session', () => {
    assert.equal(refreshFailureEndsSession(sdkError('InternalErrorException')), false);
    assert.equal(refreshFailureEndsSession(sdkError('TooManyRequestsException')), false);
    assert.equal(refreshFailureEndsSession(new TypeError('fetch failed')), false);
    assert.equal(refreshFailureEndsSession('NotAuthorizedException'), false);
  });
});
