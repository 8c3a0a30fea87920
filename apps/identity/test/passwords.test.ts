import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { clientId, startHarness, type Harness } from './helpers.ts';
import { birthdateForAge, errorName, newEmail, signIn } from './users.ts';

function signUpWith(harness: Harness, email: string, password: string) {
  return harness.client.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: password,
      UserAttributes: [
        { Name: 'given_name', Value: 'Marisol' },
        { Name: 'family_name', Value: 'Okonkwo' },
        { Name: 'birthdate', Value: birthdateForAge(harness, 17) },
      ],
    }),
  );
}

async function passwordError(harness: Harness, password: string, email = newEmail()) {
  try {
    await signUpWith(harness, email, password);
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('password policy', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('weak passwords name the reason', async () => {
    const cases: [string, RegExp][] = [
      ['Sh0rt!pw', /at least 10 characters/],
      ['nouppercase-42-words', /uppercase/],
      ['NOLOWERCASE-42-WORDS', /lowercase/],
      ['No-Digits-Here-Ever', /numeric/],
      ['NoSymbols42InHere', /symbol/],
      ['Password123!', /too common or too easy to guess/],
      ['Qwertyuiop1!', /too common or too easy to guess/],
      ['Marisol-Blue-Canyon-7', /email address or your name/],
      ['Okonkwo#Harbor-Rain-3', /email address or your name/],
      [`A1!${'x'.repeat(300)}`, /at most 256 characters/],
    ];
    for (const [password, reason] of cases) {
      const error = await passwordError(harness, password);
      assert.equal(error?.name, 'InvalidPasswordException', password);
      assert.match(error?.message ?? '', reason, password);
    }
  });

  test('email local part is rejected', async () => {
    const email = `tangerinefox${Date.now()}@example.org`;
    const error = await passwordError(harness, `Tangerinefox${Date.now()}-Quiet!9`, email);
    assert.equal(error?.name, 'InvalidPasswordException');
  });

  test('long password is not truncated', async () => {
    const email = newEmail();
    const password = `Zebra-Orbit-${'k7Q#'.repeat(60)}`;
    assert.equal(await passwordError(harness, password, email), null);
    await harness.owner.query(`UPDATE identity.users SET status = 'CONFIRMED' WHERE username = $1`, [email]);
    assert.ok((await signIn(harness, email, password)).AuthenticationResult);
    assert.equal(await errorName(signIn(harness, email, password.slice(0, 200))), 'NotAuthorizedException');
  });

  test('passwords are NFKC-normalised', async () => {
    const email = newEmail();
    // Fullwidth letters and digits become their ASCII forms under NFKC.
    assert.equal(await passwordError(harness, 'Ｌａｎｔｅｒｎ-Ｒｉｖｅｒ-８４-Ｍｏｓｓ', email), null);
    await harness.owner.query(`UPDATE identity.users SET status = 'CONFIRMED' WHERE username = $1`, [email]);
    assert.ok((await signIn(harness, email, 'Lantern-River-84-Moss')).AuthenticationResult);
  });

  test('hash is argon2id', async () => {
    const email = newEmail();
    await signUpWith(harness, email, 'Saffron-Kettle-63-Dune');
    const row = await harness.owner.query(`SELECT password_hash FROM identity.users WHERE username = $1`, [email]);
    assert.match(row.rows[0].password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
