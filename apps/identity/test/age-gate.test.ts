import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { clientId, startHarness, strongPassword, type Harness } from './helpers.ts';
import { newEmail, signUp } from './users.ts';

async function signUpError(harness: Harness, email: string, birthdate: string | undefined) {
  const attributes = [
    { Name: 'email', Value: email },
    { Name: 'given_name', Value: 'Rowan' },
    ...(birthdate === undefined ? [] : [{ Name: 'birthdate', Value: birthdate }]),
  ];
  try {
    await harness.client.send(
      new SignUpCommand({ ClientId: clientId, Username: email, Password: strongPassword, UserAttributes: attributes }),
    );
    return null;
  } catch (error) {
    return error as Error;
  }
}

async function storedRows(harness: Harness, email: string): Promise<number> {
  const users = await harness.owner.query(`SELECT count(*)::int AS n FROM identity.users WHERE username = $1`, [email]);
  const codes = await harness.owner.query(`SELECT count(*)::int AS n FROM identity.codes`);
  return Number(users.rows[0].n) + Number(codes.rows[0].n);
}

describe('age gate', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness.close());

  test('turning 15 today passes', async () => {
    harness.now = new Date('2026-06-15T16:00:00Z');
    assert.equal(await signUpError(harness, newEmail(), '2011-06-15'), null);
  });

  test('turning 15 tomorrow fails', async () => {
    harness.now = new Date('2026-06-15T16:00:00Z');
    const error = await signUpError(harness, newEmail(), '2011-06-16');
    assert.equal(error?.name, 'UserLambdaValidationException');
    assert.match(error?.message ?? '', /You must be at least 15 to use ClockIn\./);
  });

  test('birthday counts in Ohio time', async () => {
    // 02:00 UTC on 16 June is still 22:00 on 15 June in Ohio.
    harness.now = new Date('2026-06-16T02:00:00Z');
    const error = await signUpError(harness, newEmail(), '2011-06-16');
    assert.equal(error?.name, 'UserLambdaValidationException');
    harness.now = new Date('2026-06-16T04:30:00Z');
    assert.equal(await signUpError(harness, newEmail(), '2011-06-16'), null);
  });

  test('29 February birthday in a non-leap year', async () => {
    harness.now = new Date('2027-02-28T17:00:00Z');
    const error = await signUpError(harness, newEmail(), '2012-02-29');
    assert.equal(error?.name, 'UserLambdaValidationException');
    harness.now = new Date('2027-03-01T17:00:00Z');
    assert.equal(await signUpError(harness, newEmail(), '2012-02-29'), null);
  });

  test('29 February birthday on a leap day', async () => {
    harness.now = new Date('2028-02-29T17:00:00Z');
    assert.equal(await signUpError(harness, newEmail(), '2012-02-29'), null);
  });

  test('missing, malformed and future birthdates fail', async () => {
    harness.now = new Date('2026-06-15T16:00:00Z');
    for (const birthdate of [undefined, '', '2011-6-1', '15/06/2011', '2009-02-29', '2010-13-01', '2030-01-01']) {
      const error = await signUpError(harness, newEmail(), birthdate);
      assert.equal(error?.name, 'UserLambdaValidationException', `birthdate ${birthdate}`);
    }
  });

  test('rejected sign-up stores and sends nothing', async () => {
    harness.now = new Date('2026-06-15T16:00:00Z');
    const email = newEmail('young');
    const rowsBefore = await storedRows(harness, email);
    const error = await signUpError(harness, email, '2012-01-01');
    assert.equal(error?.name, 'UserLambdaValidationException');
    assert.equal(await storedRows(harness, email), rowsBefore);
    assert.deepEqual(await harness.mailbox.list(email), []);
  });

  test('accepted sign-up emails a code', async () => {
    harness.now = new Date('2026-06-15T16:00:00Z');
    const email = newEmail();
    const result = await signUp(harness, email);
    assert.equal(result.UserConfirmed, false);
    const emails = await harness.mailbox.list(email);
    assert.equal(emails.length, 1);
    assert.equal(emails[0]?.category, 'identity.confirmation');
    assert.match(emails[0]?.text ?? '', /\b\d{6}\b/);
  });
});

describe('pre sign-up trigger failures', () => {
  test('throwing trigger fails closed', async () => {
    const harness = await startHarness({
      preSignUp: async () => {
        throw new Error('Trigger is broken.');
      },
    });
    try {
      const email = newEmail();
      assert.equal((await signUpError(harness, email, '2000-01-01'))?.name, 'UserLambdaValidationException');
      assert.equal(await storedRows(harness, email), 0);
    } finally {
      await harness.close();
    }
  });

  test('slow trigger times out and fails closed', async () => {
    const harness = await startHarness({ preSignUp: () => new Promise(() => {}), preSignUpTimeoutMs: 200 });
    try {
      const email = newEmail();
      const error = await signUpError(harness, email, '2000-01-01');
      assert.equal(error?.name, 'UserLambdaValidationException');
      assert.match(error?.message ?? '', /timed out/);
      assert.equal(await storedRows(harness, email), 0);
    } finally {
      await harness.close();
    }
  });
});
