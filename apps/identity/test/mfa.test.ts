import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AssociateSoftwareTokenCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientId, startHarness, totpCode, type Harness } from './helpers.ts';
import { createConfirmedUser, errorName, newEmail, signIn, signInTokens } from './users.ts';

/** Runs the MFA_SETUP challenge to the end and returns the TOTP secret and the tokens. */
async function enrolThroughChallenge(harness: Harness, email: string) {
  const challenge = await signIn(harness, email);
  assert.equal(challenge.ChallengeName, 'MFA_SETUP');
  const associated = await harness.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
  const secret = associated.SecretCode as string;
  const verified = await harness.client.send(
    new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: await totpCode(harness, secret) }),
  );
  assert.equal(verified.Status, 'SUCCESS');
  const done = await harness.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
      ChallengeResponses: { USERNAME: email },
    }),
  );
  return { secret, tokens: done.AuthenticationResult };
}

function answerTotp(harness: Harness, email: string, session: string | undefined, code: string) {
  return harness.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );
}

describe('MFA', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({}, new Date('2026-06-15T16:00:00Z'));
  });
  after(async () => harness.close());

  test('employer-admin gets MFA_SETUP and no tokens', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('employer'), ['employer-admin']);
    const result = await signIn(harness, email);
    assert.equal(result.ChallengeName, 'MFA_SETUP');
    assert.equal(result.AuthenticationResult, undefined);
    assert.ok(result.Session);
    const early = await errorName(
      harness.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'MFA_SETUP',
          Session: result.Session,
          ChallengeResponses: { USERNAME: email },
        }),
      ),
    );
    assert.equal(early, 'InvalidParameterException');
  });

  test('MFA setup completes with a TOTP code', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const { tokens } = await enrolThroughChallenge(harness, email);
    assert.ok(tokens?.AccessToken);
    assert.ok(tokens?.RefreshToken);
    const next = await signIn(harness, email);
    assert.equal(next.ChallengeName, 'SOFTWARE_TOKEN_MFA');
  });

  test('wrong setup code is rejected', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('district'), ['district-admin']);
    const challenge = await signIn(harness, email);
    const associated = await harness.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
    const name = await errorName(
      harness.client.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })),
    );
    assert.equal(name, 'EnableSoftwareTokenMFAException');
  });

  test('TOTP code cannot be used twice', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const { secret } = await enrolThroughChallenge(harness, email);
    harness.advance(30_000);
    const code = await totpCode(harness, secret);
    const first = await signIn(harness, email);
    const accepted = await answerTotp(harness, email, first.Session, code);
    assert.ok(accepted.AuthenticationResult?.AccessToken);

    const second = await signIn(harness, email);
    assert.equal(await errorName(answerTotp(harness, email, second.Session, code)), 'CodeMismatchException');
  });

  test('setup code is not reusable at sign-in', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const { secret } = await enrolThroughChallenge(harness, email);
    const challenge = await signIn(harness, email);
    const sameStep = await totpCode(harness, secret);
    assert.equal(await errorName(answerTotp(harness, email, challenge.Session, sameStep)), 'CodeMismatchException');
  });

  test('staff cannot turn MFA off', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const { tokens } = await enrolThroughChallenge(harness, email);
    const name = await errorName(
      harness.client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: tokens?.AccessToken,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      ),
    );
    assert.equal(name, 'InvalidParameterException');
  });

  test('student turns MFA on and off', async () => {
    const { email } = await createConfirmedUser(harness);
    const tokens = await signInTokens(harness, email);
    const enableEarly = await errorName(
      harness.client.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: tokens.AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true },
        }),
      ),
    );
    assert.equal(enableEarly, 'InvalidParameterException');

    const associated = await harness.client.send(
      new AssociateSoftwareTokenCommand({ AccessToken: tokens.AccessToken }),
    );
    const secret = associated.SecretCode as string;
    await harness.client.send(
      new VerifySoftwareTokenCommand({ AccessToken: tokens.AccessToken, UserCode: await totpCode(harness, secret) }),
    );
    await harness.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: tokens.AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const challenge = await signIn(harness, email);
    assert.equal(challenge.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    harness.advance(30_000);
    const answered = await answerTotp(harness, email, challenge.Session, await totpCode(harness, secret));
    const fresh = answered.AuthenticationResult?.AccessToken;

    await harness.client.send(
      new SetUserMFAPreferenceCommand({ AccessToken: fresh, SoftwareTokenMfaSettings: { Enabled: false } }),
    );
    assert.ok((await signIn(harness, email)).AuthenticationResult?.AccessToken);
  });

  test('MFA secret is encrypted at rest', async () => {
    const { email, sub } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const { secret } = await enrolThroughChallenge(harness, email);
    const row = await harness.owner.query(`SELECT totp_secret FROM identity.users WHERE sub = $1`, [sub]);
    assert.ok(row.rows[0].totp_secret.startsWith('v1.'));
    assert.ok(!row.rows[0].totp_secret.includes(secret));
  });

  test('expired challenge session is rejected', async () => {
    const { email } = await createConfirmedUser(harness, newEmail('staff'), ['staff']);
    const challenge = await signIn(harness, email);
    harness.advance(4 * 60 * 1000);
    const name = await errorName(
      harness.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session })),
    );
    assert.equal(name, 'NotAuthorizedException');
  });
});
