import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientId, latestCode, startHarness, strongPassword, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn, signInTokens, signUp } from './users.ts';

const newPassword = 'Granite-Meadow-58-Plume';

function forgot(harness: Harness, email: string) {
  return harness.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
}

function confirmForgot(harness: Harness, email: string, code: string, password = newPassword) {
  return harness.client.send(
    new ConfirmForgotPasswordCommand({
      ClientId: clientId,
      Username: email,
      ConfirmationCode: code,
      Password: password,
    }),
  );
}

describe('password recovery', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('reset code goes to a verified email', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const old = await signInTokens(harness, email);
    await forgot(harness, email);
    const code = await latestCode(harness.mailbox, email, 'identity.password-reset');
    await confirmForgot(harness, email, code);

    assert.equal(await errorName(signIn(harness, email)), 'NotAuthorizedException');
    assert.ok(await signIn(harness, email, newPassword));
    const refreshed = harness.client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: old.RefreshToken }),
    );
    assert.equal(await errorName(refreshed), 'NotAuthorizedException');
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: old.AccessToken }))),
      'NotAuthorizedException',
    );
    assert.equal(harness.revocations.find((event) => event.sub === sub)?.reason, 'password-reset');
  });

  test('nothing is sent to unverified or unknown accounts', async () => {
    const unverified = newEmail();
    await signUp(harness, unverified);
    const unknown = newEmail('ghost');
    const { email: verified } = await createConfirmedUser(harness);

    const responses = [
      await forgot(harness, unverified),
      await forgot(harness, unknown),
      await forgot(harness, verified),
    ];
    const shapes = responses.map((response) =>
      Object.keys(response.CodeDeliveryDetails ?? {})
        .sort()
        .join(),
    );
    assert.equal(new Set(shapes).size, 1);
    for (const response of responses) assert.equal(response.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');

    const resetEmails = async (email: string) =>
      (await harness.mailbox.list(email)).filter((message) => message.category === 'identity.password-reset');
    assert.equal((await resetEmails(unverified)).length, 0);
    assert.equal((await resetEmails(unknown)).length, 0);
    assert.equal((await resetEmails(verified)).length, 1);
  });

  test('reset code expires after one hour', async () => {
    const { email } = await createConfirmedUser(harness);
    await forgot(harness, email);
    const code = await latestCode(harness.mailbox, email, 'identity.password-reset');
    harness.advance(60 * 60 * 1000 + 1000);
    assert.equal(await errorName(confirmForgot(harness, email, code)), 'ExpiredCodeException');
  });

  test('wrong codes are limited', async () => {
    const { email } = await createConfirmedUser(harness);
    await forgot(harness, email);
    const code = await latestCode(harness.mailbox, email, 'identity.password-reset');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal(await errorName(confirmForgot(harness, email, wrong)), 'CodeMismatchException');
    }
    assert.equal(await errorName(confirmForgot(harness, email, code)), 'CodeMismatchException');
  });

  test('MFA is still asked after a reset', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    await forgot(harness, email);
    await confirmForgot(harness, email, await latestCode(harness.mailbox, email, 'identity.password-reset'));
    assert.equal((await signIn(harness, email, newPassword)).ChallengeName, 'MFA_SETUP');
  });

  test('ChangePassword revokes older tokens', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    const wrong = harness.client.send(
      new ChangePasswordCommand({
        AccessToken: tokens.AccessToken,
        PreviousPassword: 'Not-The-Password-1',
        ProposedPassword: newPassword,
      }),
    );
    assert.equal(await errorName(wrong), 'NotAuthorizedException');

    await harness.client.send(
      new ChangePasswordCommand({
        AccessToken: tokens.AccessToken,
        PreviousPassword: strongPassword,
        ProposedPassword: newPassword,
      }),
    );
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))),
      'NotAuthorizedException',
    );
    assert.ok((await signIn(harness, email, newPassword)).AuthenticationResult);
    assert.equal(harness.revocations.find((event) => event.sub === sub)?.reason, 'password-change');
  });
});
