import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { clientId, rawCall, startHarness, strongPassword, type Harness } from './helpers.ts';
import { newEmail } from './users.ts';

describe('HTTP protocol', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness.close());

  test('unknown target is UnknownOperationException', async () => {
    const response = await rawCall(harness.url, 'ListUsers', {});
    assert.equal(response.status, 400);
    assert.equal(response.body.__type, 'UnknownOperationException');
    const missing = await rawCall(harness.url, '', {}, { 'x-amz-target': 'Other.SignUp' });
    assert.equal(missing.body.__type, 'UnknownOperationException');
  });

  test('body over 64 KB is 413', async () => {
    const response = await rawCall(harness.url, 'SignUp', { ClientId: clientId, Padding: 'x'.repeat(70 * 1024) });
    assert.equal(response.status, 413);
  });

  test('invalid JSON is a 400', async () => {
    const response = await rawCall(harness.url, 'SignUp', '{not json');
    assert.equal(response.status, 400);
    assert.equal(response.body.__type, 'SerializationException');
  });

  test('missing parameter is named', async () => {
    const response = await rawCall(harness.url, 'SignUp', { ClientId: clientId, Password: strongPassword });
    assert.equal(response.status, 400);
    assert.equal(response.body.__type, 'InvalidParameterException');
    assert.match(String(response.body.message), /Username/);
  });

  test('unknown attribute is named', async () => {
    const email = newEmail();
    try {
      await harness.client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: email,
          Password: strongPassword,
          UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }],
        }),
      );
      assert.fail('sign-up should fail');
    } catch (error) {
      assert.equal((error as Error).name, 'InvalidParameterException');
      assert.match((error as Error).message, /phone_number/);
    }
  });

  test('wrong-typed parameter is not a 500', async () => {
    const response = await rawCall(harness.url, 'InitiateAuth', {
      ClientId: clientId,
      AuthFlow: 7,
      AuthParameters: [],
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.__type, 'InvalidParameterException');
  });

  test('responses carry a request id', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser',
      },
      body: JSON.stringify({ AccessToken: 'not-a-token' }),
    });
    assert.match(response.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(((await response.json()) as { __type: string }).__type, 'NotAuthorizedException');
  });
});
