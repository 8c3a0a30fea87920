import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn } from './users.ts';

const wrongPassword = 'Wrong-Password-12!';

describe('sign-in back-off', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('account backs off after five failures', async () => {
    const { email } = await createConfirmedUser(harness);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal(await errorName(signIn(harness, email, wrongPassword)), 'NotAuthorizedException');
    }
    assert.equal(await errorName(signIn(harness, email)), 'TooManyRequestsException');

    harness.advance(1100);
    assert.equal(await errorName(signIn(harness, email, wrongPassword)), 'NotAuthorizedException');
    harness.advance(1100);
    assert.equal(await errorName(signIn(harness, email)), 'TooManyRequestsException');
    harness.advance(1000);
    assert.ok((await signIn(harness, email)).AuthenticationResult);
  });

  test('delay doubles and stays capped', async () => {
    harness.advance(2 * 60 * 60 * 1000);
    const { email } = await createConfirmedUser(harness);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await signIn(harness, email, wrongPassword).catch(() => undefined);
      harness.advance(16 * 60 * 1000);
    }
    assert.ok((await signIn(harness, email)).AuthenticationResult);
  });

  test('unknown accounts back off the same way', async () => {
    // Counters restart after an hour without failures, so earlier tests do not count here.
    harness.advance(2 * 60 * 60 * 1000);
    const email = newEmail('ghost');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal(await errorName(signIn(harness, email, wrongPassword)), 'NotAuthorizedException');
    }
    assert.equal(await errorName(signIn(harness, email, wrongPassword)), 'TooManyRequestsException');
  });

  test('one address backs off across accounts', async () => {
    harness.advance(2 * 60 * 60 * 1000);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await signIn(harness, newEmail('spray'), wrongPassword).catch(() => undefined);
    }
    const { email } = await createConfirmedUser(harness);
    assert.equal(await errorName(signIn(harness, email)), 'TooManyRequestsException');
    harness.advance(1100);
    assert.ok((await signIn(harness, email)).AuthenticationResult);
  });
});
