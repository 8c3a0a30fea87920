import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SESSION_MAX_AGE_SECONDS, cookieOptions, shouldUseSecureCookies } from './cookie-policy';

describe('cookie policy', () => {
  test('cookies are httpOnly and SameSite=Lax', () => {
    for (const secure of [true, false]) {
      const options = cookieOptions(secure);
      assert.equal(options.httpOnly, true);
      assert.equal(options.sameSite, 'lax');
      assert.equal(options.path, '/');
      assert.equal(options.maxAge, SESSION_MAX_AGE_SECONDS);
      assert.equal(options.secure, secure);
    }
  });

  test('plain http on loopback goes without Secure', () => {
    for (const hostname of ['localhost', '127.0.0.1', '[::1]', '::1']) {
      assert.equal(shouldUseSecureCookies('http:', hostname), false, hostname);
      assert.equal(shouldUseSecureCookies('http', hostname), false, hostname);
    }
  });

  test('https on loopback is Secure', () => {
    assert.equal(shouldUseSecureCookies('https:', 'localhost'), true);
    assert.equal(shouldUseSecureCookies('https:', '127.0.0.1'), true);
  });

  test('other hosts are Secure even over http', () => {
    for (const hostname of ['clockin.example', '10.0.0.5', '127.0.0.2', 'localhost.example', '']) {
      assert.equal(shouldUseSecureCookies('http:', hostname), true, hostname);
      assert.equal(shouldUseSecureCookies('https:', hostname), true, hostname);
    }
  });
});
