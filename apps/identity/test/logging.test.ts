import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { ChangePasswordCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { latestCode, startHarness, strongPassword, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signInTokens, signUp } from './users.ts';

describe('logging', () => {
  let harness: Harness;
  const lines: string[] = [];
  before(async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    harness = await startHarness({ logger: { level: 'debug' }, logStream }, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('logs carry no personal data or secrets', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('loggable'));
    const code = await latestCode(harness.mailbox, email, 'identity.confirmation');
    const tokens = await signInTokens(harness, email);
    await harness.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    await errorName(
      harness.client.send(
        new ChangePasswordCommand({
          AccessToken: tokens.AccessToken,
          PreviousPassword: 'Wrong-Guess-77!',
          ProposedPassword: 'x',
        }),
      ),
    );
    await errorName(signUp(harness, newEmail('young'), { birthdate: '2014-03-09', given_name: 'Thaddeus' }));

    const log = lines.join('');
    assert.ok(lines.length > 5);
    for (const secret of [
      email,
      'loggable',
      code,
      strongPassword,
      'Wrong-Guess-77!',
      tokens.AccessToken.slice(-20),
      tokens.RefreshToken,
      'Avery',
      'Lindqvist',
      '2010-06-15',
      '2014-03-09',
      'Thaddeus',
    ]) {
      assert.ok(!log.includes(secret), `log contains ${secret.slice(0, 12)}`);
    }
    const operations = lines.map((line) => JSON.parse(line) as { operation?: string; reqId?: string });
    assert.ok(operations.some((line) => line.operation === 'InitiateAuth' && typeof line.reqId === 'string'));
  });
});
