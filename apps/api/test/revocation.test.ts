import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ForgotPasswordCommand,
  InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createDatabase, recordTokenRevocation } from '@clockin/db';
import pg from 'pg';
import {
  clientId,
  createConfirmedUser,
  password,
  signIn,
  signUpStudent,
  someSchoolId,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

// The identity service does not report its revocations here, so each one below is recorded by
// ClockIn's own routes alone: exactly what a deployment on Amazon Cognito relies on.
const cacheMs = 300;
let harness: Harness;
let schoolId: string;
let staff: SignedIn;
let studentCount = 0;

before(async () => {
  harness = await startHarness({ identityReportsRevocations: false, revocationCacheMs: cacheMs });
  schoolId = await someSchoolId(harness);
  await createConfirmedUser(harness, 'support@clockin.example.test', 'staff');
  staff = await signIn(harness, 'support@clockin.example.test');
});
after(async () => harness?.close());

async function newStudent(): Promise<SignedIn> {
  studentCount += 1;
  return signUpStudent(harness, {
    email: `student${studentCount}@revocation.example.test`,
    givenName: 'Rosalind',
    familyName: 'Okafor',
    birthdate: '2008-06-01',
    schoolId,
    gradeLevel: '12',
  });
}

async function profileStatus(accessToken: string): Promise<{ status: number; error?: string }> {
  const response = await harness.api.inject({
    method: 'GET',
    url: '/v1/students/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: response.statusCode, error: response.json().error };
}

async function signInWith(cognito: CognitoIdentityProviderClient, email: string, secret: string) {
  const result = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: email, PASSWORD: secret },
    }),
  );
  return result.AuthenticationResult?.AccessToken ?? '';
}

async function resetCode(email: string): Promise<string> {
  await harness.cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
  const [message] = (await harness.mailbox.list(email)).filter(
    (received) => received.category === 'identity.password-reset',
  );
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
  assert.ok(code, 'a reset code arrived');
  return code;
}

function confirmReset(body: Record<string, unknown>) {
  return harness.api.inject({ method: 'POST', url: '/v1/password-resets/confirm', payload: body });
}

describe('revocation through ClockIn routes', () => {
  test('sign-out everywhere refuses every older token at once', async () => {
    const student = await newStudent();
    const otherDevice = await signIn(harness, student.email);
    assert.equal((await profileStatus(otherDevice.accessToken)).status, 200);

    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/sessions/sign-out-everywhere',
      headers: { authorization: `Bearer ${student.accessToken}` },
    });
    assert.equal(response.statusCode, 204);
    assert.deepEqual(await profileStatus(student.accessToken), { status: 401, error: 'Unauthorized' });
    assert.deepEqual(await profileStatus(otherDevice.accessToken), { status: 401, error: 'Unauthorized' });
  });

  test('signing in again right after works', async () => {
    const student = await newStudent();
    await harness.api.inject({
      method: 'POST',
      url: '/v1/sessions/sign-out-everywhere',
      headers: { authorization: `Bearer ${student.accessToken}` },
    });
    const again = await signIn(harness, student.email);
    assert.equal((await profileStatus(again.accessToken)).status, 200);
  });

  test('password reset refuses every older token at once', async () => {
    const student = await newStudent();
    const code = await resetCode(student.email);
    const newPassword = 'Lighthouse-Marigold-73%';
    const response = await confirmReset({ email: student.email, code, newPassword });
    assert.equal(response.statusCode, 204, response.body);
    assert.deepEqual(await profileStatus(student.accessToken), { status: 401, error: 'Unauthorized' });

    const fresh = await signInWith(harness.cognito, student.email, newPassword);
    assert.equal((await profileStatus(fresh)).status, 200);
  });

  test('wrong reset code answers CodeMismatch', async () => {
    const student = await newStudent();
    const code = await resetCode(student.email);
    const wrong = code === '123456' ? '654321' : '123456';
    const response = await confirmReset({ email: student.email, code: wrong, newPassword: 'Lighthouse-Marigold-73%' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'CodeMismatch');
    assert.equal((await profileStatus(student.accessToken)).status, 200);
  });

  test('weak new password answers InvalidPassword', async () => {
    const student = await newStudent();
    const code = await resetCode(student.email);
    const response = await confirmReset({ email: student.email, code, newPassword: 'password' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'InvalidPassword');
    assert.equal(response.json().field, 'newPassword');
  });

  test('malformed reset code answers ValidationError', async () => {
    const response = await confirmReset({ email: 'someone@example.test', code: '12ab', newPassword: password });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'code');
  });

  test('suspension refuses older tokens and sign-in', async () => {
    const student = await newStudent();
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/users/${student.sub}/suspension`,
      headers: { authorization: `Bearer ${staff.accessToken}` },
    });
    assert.equal(response.statusCode, 204);
    assert.deepEqual(await profileStatus(student.accessToken), { status: 401, error: 'Unauthorized' });
    await assert.rejects(signInWith(harness.cognito, student.email, password), { name: 'NotAuthorizedException' });

    const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
    await owner.connect();
    try {
      const audit = await owner.query(
        `SELECT actor_id, actor_role FROM audit.events WHERE action = 'user.suspended' AND target_id = $1`,
        [student.sub],
      );
      assert.deepEqual(audit.rows, [{ actor_id: staff.sub, actor_role: 'staff' }]);
    } finally {
      await owner.end();
    }
  });

  test('students cannot suspend users', async () => {
    const student = await newStudent();
    const other = await newStudent();
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/users/${other.sub}/suspension`,
      headers: { authorization: `Bearer ${student.accessToken}` },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
    assert.equal((await profileStatus(other.accessToken)).status, 200);
  });

  test('suspending an unknown user answers 404', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/users/${crypto.randomUUID()}/suspension`,
      headers: { authorization: `Bearer ${staff.accessToken}` },
    });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'NotFound');
  });

  test('revocation by another process applies within the cache time', async () => {
    const student = await newStudent();
    assert.equal((await profileStatus(student.accessToken)).status, 200);

    const elsewhere = createDatabase(harness.database.appUrl, 1);
    try {
      await recordTokenRevocation(elsewhere, {
        userId: student.sub,
        revokedBefore: new Date(),
        reason: 'user-deleted',
      });
    } finally {
      await elsewhere.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, cacheMs + 50));
    assert.deepEqual(await profileStatus(student.accessToken), { status: 401, error: 'Unauthorized' });
  });

  test('an older revocation never shortens a newer one', async () => {
    const student = await newStudent();
    const db = createDatabase(harness.database.appUrl, 1);
    try {
      await recordTokenRevocation(db, { userId: student.sub, revokedBefore: new Date(), reason: 'global-sign-out' });
      await recordTokenRevocation(db, {
        userId: student.sub,
        revokedBefore: new Date(Date.now() - 3_600_000),
        reason: 'password-reset',
      });
    } finally {
      await db.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, cacheMs + 50));
    assert.deepEqual(await profileStatus(student.accessToken), { status: 401, error: 'Unauthorized' });
  });

  test('runtime role cannot read the revocation table', async () => {
    const app = new pg.Client({ connectionString: harness.database.appUrl });
    await app.connect();
    try {
      await assert.rejects(app.query('SELECT * FROM app.token_revocations'), { code: '42501' });
    } finally {
      await app.end();
    }
  });

  test('staff MFA reset ends sessions and asks for setup', async () => {
    await createConfirmedUser(harness, 'lost-phone@clockin.example.test', 'staff');
    const colleague = await signIn(harness, 'lost-phone@clockin.example.test');
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/users/${colleague.sub}/mfa-reset`,
      headers: { authorization: `Bearer ${staff.accessToken}` },
    });
    assert.equal(response.statusCode, 204, response.body);

    const old = await harness.api.inject({
      method: 'GET',
      url: '/v1/staff/listing-reviews',
      headers: { authorization: `Bearer ${colleague.accessToken}` },
    });
    assert.equal(old.statusCode, 401);
    const next = await harness.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'lost-phone@clockin.example.test', PASSWORD: password },
      }),
    );
    assert.equal(next.ChallengeName, 'MFA_SETUP');
    assert.equal(next.AuthenticationResult, undefined);

    const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
    await owner.connect();
    try {
      const audit = await owner.query(
        `SELECT actor_id FROM audit.events WHERE action = 'user.mfa_reset' AND target_id = $1`,
        [colleague.sub],
      );
      assert.deepEqual(audit.rows, [{ actor_id: staff.sub }]);
    } finally {
      await owner.end();
    }
  });

  test('students cannot reset MFA', async () => {
    const student = await newStudent();
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/staff/users/${staff.sub}/mfa-reset`,
      headers: { authorization: `Bearer ${student.accessToken}` },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });
});
