import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DevMailbox } from '@clockin/email';
import { bearer, districtsWithSchools, ownerQuery, startExportStack, type ExportStack } from './district-fixtures.ts';
import {
  clientId,
  createConfirmedUser,
  password,
  signIn,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

let harness: Harness;
let stack: ExportStack;
let staff: SignedIn;
let employer: SignedIn;
let districtId: string;
const terms = {
  agreementSignedOn: '2026-08-15',
  contactName: 'Morgan Superintendent',
  contactEmail: 'morgan@district.example.test',
  contactPhone: '614-555-0142',
};

function post(user: SignedIn, url: string, payload?: object) {
  return stack.api.inject({ method: 'POST', url, headers: bearer(user), ...(payload ? { payload } : {}) });
}

async function auditActions(target: string): Promise<{ action: string; actor_id: string; district_id: string }[]> {
  const events = await ownerQuery(
    harness,
    `SELECT action, actor_id, district_id FROM audit.events WHERE target_id = $1 AND action LIKE 'district.%' ORDER BY id`,
    [target],
  );
  return events.rows;
}

before(async () => {
  harness = await startHarness();
  stack = await startExportStack(harness);
  const [district] = await districtsWithSchools(harness, 1);
  assert.ok(district);
  districtId = district.district_id;
  await createConfirmedUser(harness, 'staff@partnerships.example.test', 'staff');
  staff = await signIn(harness, 'staff@partnerships.example.test');
  await createConfirmedUser(harness, 'owner@shop.example.test', 'employer-admin');
  employer = await signIn(harness, 'owner@shop.example.test');
});
after(async () => {
  await stack?.close();
  await harness?.close();
});

describe('district partnerships', () => {
  test('only staff manage partnerships', async () => {
    for (const [url, payload] of [
      [`/v1/staff/districts/${districtId}/partnership`, terms],
      [`/v1/staff/districts/${districtId}/partnership/end`, undefined],
    ] as const) {
      const response = await post(employer, url, payload);
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.json().error, 'Forbidden');
    }
  });

  test('staff turn a partnership on', async () => {
    const response = await post(staff, `/v1/staff/districts/${districtId}/partnership`, terms);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.partnership.active, true);
    assert.equal(body.partnership.agreementSignedOn, terms.agreementSignedOn);
    assert.equal(body.partnership.contactEmail, terms.contactEmail);

    const again = await post(staff, `/v1/staff/districts/${districtId}/partnership`, terms);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'Conflict');
  });

  test('unknown district answers 404', async () => {
    const response = await post(staff, '/v1/staff/districts/999999/partnership', terms);
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, 'NotFound');
  });

  test('invite creates an MFA-bound administrator', async () => {
    const response = await post(staff, `/v1/staff/districts/${districtId}/administrators`, {
      email: 'new.admin@district.example.test',
      givenName: 'Rowan',
      familyName: 'Administrator',
      birthdate: '1980-04-02',
    });
    assert.equal(response.statusCode, 201, response.body);
    const { userId, accountCreated, emailSent } = response.json();
    assert.equal(accountCreated, true);
    assert.equal(emailSent, true);

    const [invitation] = await new DevMailbox(stack.mailboxDir).list('new.admin@district.example.test');
    assert.equal(invitation?.category, 'district-admin-invitation');
    assert.match(invitation?.text ?? '', /authenticator app/);

    const members = await ownerQuery(harness, 'SELECT district_id FROM app.district_members WHERE user_id = $1', [
      userId,
    ]);
    assert.deepEqual(members.rows, [{ district_id: districtId }]);
    assert.deepEqual(await auditActions(userId), [
      { action: 'district.admin.invited', actor_id: staff.sub, district_id: districtId },
    ]);

    // The administrator's first sign-in must set up TOTP: here with a password set by staff
    // tooling instead of the emailed reset code, which the identity tests cover.
    const { AdminSetUserPasswordCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await harness.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: 'us-east-2_ClockInLocal',
        Username: 'new.admin@district.example.test',
        Password: password,
        Permanent: true,
      }),
    );
    const first = await harness.cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'new.admin@district.example.test', PASSWORD: password },
      }),
    );
    assert.equal(first.ChallengeName, 'MFA_SETUP');
    assert.equal(first.AuthenticationResult, undefined);

    const admin = await signIn(harness, 'new.admin@district.example.test');
    const me = await stack.api.inject({ method: 'GET', url: '/v1/me', headers: bearer(admin) });
    assert.equal(me.json().accountType, 'district_admin');
    const district = await stack.api.inject({ method: 'GET', url: '/v1/district', headers: bearer(admin) });
    assert.equal(district.statusCode, 200);
    assert.equal(district.json().districtId, districtId);
  });

  test('ending cuts administrators off at once', async () => {
    const invited = await post(staff, `/v1/staff/districts/${districtId}/administrators`, {
      email: 'second.admin@district.example.test',
      givenName: 'Sky',
      familyName: 'Second',
      birthdate: '1979-11-30',
    });
    assert.equal(invited.statusCode, 201);
    const { AdminSetUserPasswordCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await harness.cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: 'us-east-2_ClockInLocal',
        Username: 'second.admin@district.example.test',
        Password: password,
        Permanent: true,
      }),
    );
    const second = await signIn(harness, 'second.admin@district.example.test');
    const beforeEnd = await stack.api.inject({ method: 'GET', url: '/v1/district/students', headers: bearer(second) });
    assert.equal(beforeEnd.statusCode, 200);

    const ended = await post(staff, `/v1/staff/districts/${districtId}/partnership/end`);
    assert.equal(ended.statusCode, 200);
    assert.equal(ended.json().partnership.active, false);

    const afterEnd = await stack.api.inject({ method: 'GET', url: '/v1/district/students', headers: bearer(second) });
    assert.equal(afterEnd.statusCode, 403);
    assert.equal(afterEnd.json().error, 'Forbidden');
    const exportAttempt = await post(second, '/v1/district/exports', { format: 'csv' });
    assert.equal(exportAttempt.statusCode, 403);

    const invite = await post(staff, `/v1/staff/districts/${districtId}/administrators`, {
      email: 'late.admin@district.example.test',
      givenName: 'Late',
      familyName: 'Comer',
      birthdate: '1985-01-01',
    });
    assert.equal(invite.statusCode, 409);
  });

  test('partnership changes are audited', async () => {
    const events = (await auditActions(districtId)).filter((event) => event.action.startsWith('district.partnership.'));
    assert.deepEqual(
      events.map((event) => event.action),
      ['district.partnership.started', 'district.partnership.ended'],
    );
    for (const event of events) {
      assert.equal(event.actor_id, staff.sub);
      assert.equal(event.district_id, districtId);
    }
  });
});
