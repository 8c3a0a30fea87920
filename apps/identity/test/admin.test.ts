import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { claimsOf, rawCall, startHarness, userPoolId, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn, signInTokens, signUp } from './users.ts';

describe('admin operations', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('unsigned admin call is rejected', async () => {
    const { email } = await createConfirmedUser(harness);
    const response = await rawCall(harness.url, 'AdminGetUser', { UserPoolId: userPoolId, Username: email });
    assert.equal(response.status, 400);
    assert.equal(response.body.__type, 'MissingAuthenticationTokenException');
    const disable = await rawCall(harness.url, 'AdminDisableUser', { UserPoolId: userPoolId, Username: email });
    assert.equal(disable.body.__type, 'MissingAuthenticationTokenException');
    assert.ok(await signInTokens(harness, email));
  });

  test('AdminGetUser returns status and attributes', async () => {
    const email = newEmail();
    const { UserSub } = await signUp(harness, email);
    const user = await harness.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    assert.equal(user.Username, email);
    assert.equal(user.UserStatus, 'UNCONFIRMED');
    assert.equal(user.Enabled, true);
    assert.ok(user.UserCreateDate instanceof Date);
    const bySub = await harness.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: UserSub }));
    assert.equal(bySub.Username, email);
  });

  test('unknown user is UserNotFoundException', async () => {
    const name = await errorName(
      harness.client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: newEmail('ghost') })),
    );
    assert.equal(name, 'UserNotFoundException');
  });

  test('unknown pool is ResourceNotFoundException', async () => {
    const name = await errorName(
      harness.client.send(new AdminGetUserCommand({ UserPoolId: 'us-east-2_Other', Username: newEmail() })),
    );
    assert.equal(name, 'ResourceNotFoundException');
  });

  test('AdminConfirmSignUp allows sign-in', async () => {
    const email = newEmail();
    await signUp(harness, email);
    await harness.client.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: email }));
    const tokens = await signInTokens(harness, email);
    assert.equal(claimsOf(tokens.IdToken).email_verified, false);
  });

  test('AdminSetUserPassword sets a permanent password', async () => {
    const email = newEmail();
    await signUp(harness, email);
    const password = 'Copper-Lantern-97-Frost';
    await harness.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }),
    );
    const result = await signIn(harness, email, password);
    assert.ok(result.AuthenticationResult?.AccessToken);
    const temporary = await errorName(
      harness.client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: userPoolId,
          Username: email,
          Password: password,
          Permanent: false,
        }),
      ),
    );
    assert.equal(temporary, 'InvalidParameterException');
  });

  test('group removal drops the claim', async () => {
    const { email } = await createConfirmedUser(harness, newEmail(), ['pilot-testers', 'mentors']);
    await harness.client.send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: 'mentors' }),
    );
    const tokens = await signInTokens(harness, email);
    assert.deepEqual(claimsOf(tokens.AccessToken)['cognito:groups'], ['pilot-testers']);
  });

  test('disable revokes tokens and blocks sign-in', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    await harness.client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))),
      'NotAuthorizedException',
    );
    assert.equal(await errorName(signIn(harness, email)), 'NotAuthorizedException');
    assert.equal(harness.revocations.at(-1)?.sub, sub);
    assert.equal(harness.revocations.at(-1)?.reason, 'user-disabled');

    await harness.client.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email }));
    assert.ok(await signInTokens(harness, email));
  });

  test('global sign-out revokes tokens', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    await harness.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: email }));
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))),
      'NotAuthorizedException',
    );
    assert.deepEqual(
      harness.revocations.filter((event) => event.sub === sub).map((event) => event.reason),
      ['admin-global-sign-out'],
    );
  });

  test('delete removes the user', async () => {
    const { email, sub } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    await harness.client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email }));
    assert.equal(
      await errorName(harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))),
      'NotAuthorizedException',
    );
    const rows = await harness.owner.query(`SELECT 1 FROM identity.users WHERE sub = $1`, [sub]);
    assert.equal(rows.rowCount, 0);
    assert.equal(harness.revocations.at(-1)?.reason, 'user-deleted');
  });
});
