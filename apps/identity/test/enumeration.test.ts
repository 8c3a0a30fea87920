import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AdminDisableUserCommand,
  ConfirmSignUpCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientId, startHarness, userPoolId, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn, signUp } from './users.ts';

describe('user enumeration', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('sign-up on an existing email looks new', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const fresh = await signUp(harness, newEmail());
    const repeat = await signUp(harness, email);
    assert.equal(repeat.UserConfirmed, fresh.UserConfirmed);
    assert.deepEqual(Object.keys(repeat).sort(), Object.keys(fresh).sort());
    assert.equal(repeat.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    assert.notEqual(repeat.UserSub, sub);

    const users = await harness.owner.query(`SELECT sub FROM identity.users WHERE username = $1`, [email]);
    assert.deepEqual(users.rows, [{ sub }]);
    const confirmations = (await harness.mailbox.list(email)).filter((m) => m.category === 'identity.confirmation');
    assert.equal(confirmations.length, 1);
  });

  test('no code confirms a repeated sign-up', async () => {
    const { email } = await createConfirmedUser(harness);
    await signUp(harness, email);
    for (const code of ['000000', '123456']) {
      const confirm = harness.client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
      );
      assert.equal(await errorName(confirm), 'CodeMismatchException');
    }
  });

  test('sign-in failures look alike for every state', async () => {
    const unconfirmed = newEmail();
    await signUp(harness, unconfirmed);
    const { email: disabled } = await createConfirmedUser(harness);
    await harness.client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: disabled }));
    const { email: existing } = await createConfirmedUser(harness);

    const attempts = [
      () => signIn(harness, existing, 'Wrong-Password-12!'),
      () => signIn(harness, newEmail('ghost'), 'Wrong-Password-12!'),
      () => signIn(harness, unconfirmed, 'Wrong-Password-12!'),
      () => signIn(harness, disabled, 'Wrong-Password-12!'),
      () => signIn(harness, disabled),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (failure: Error) => failure,
      );
      assert.equal(error?.name, 'NotAuthorizedException');
      assert.equal(error?.message, 'Incorrect username or password.');
    }
  });

  test('resend code looks alike for every state', async () => {
    const unconfirmed = newEmail();
    await signUp(harness, unconfirmed);
    const { email: confirmed } = await createConfirmedUser(harness);
    const unknown = newEmail('ghost');
    const resend = (email: string) =>
      harness.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: email }));

    const responses = [await resend(unconfirmed), await resend(confirmed), await resend(unknown)];
    for (const response of responses) {
      assert.equal(response.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
      assert.equal(response.CodeDeliveryDetails?.AttributeName, 'email');
      assert.match(response.CodeDeliveryDetails?.Destination ?? '', /^\w\*\*\*@\w\*\*\*$/);
    }
    assert.equal((await harness.mailbox.list(unconfirmed)).length, 2);
    assert.equal((await harness.mailbox.list(confirmed)).length, 1);
    assert.equal((await harness.mailbox.list(unknown)).length, 0);
  });

  test('confirmation code expires after 24 hours', async () => {
    const email = newEmail();
    await signUp(harness, email);
    const confirmationText = (await harness.mailbox.list(email))[0]?.text ?? '';
    const code = /\b(\d{6})\b/.exec(confirmationText)?.[1] as string;
    harness.advance(24 * 60 * 60 * 1000 + 1000);
    const confirm = harness.client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
    );
    assert.equal(await errorName(confirm), 'ExpiredCodeException');
  });

  test('confirmation codes are stored hashed', async () => {
    const email = newEmail();
    await signUp(harness, email);
    const code = /\b(\d{6})\b/.exec((await harness.mailbox.list(email))[0]?.text ?? '')?.[1] as string;
    const rows = await harness.owner.query(`SELECT code_digest FROM identity.codes`);
    for (const row of rows.rows) assert.ok(!row.code_digest.includes(code));
  });
});
