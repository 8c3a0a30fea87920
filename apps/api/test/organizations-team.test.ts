import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { signIn, signUpStudent, someSchoolId, startHarness, type Harness, type SignedIn } from './harness.ts';
import {
  auditEventsFor,
  call,
  createEmployerAccount,
  identityGroups,
  ownerQuery,
  registerOrganization,
  signInChallenge,
} from './organizations-fixtures.ts';

// Invitations, roles and removal of members, and the rule that an organization keeps an admin.

let harness: Harness;
let organizationId: string;
let admin: SignedIn;

before(async () => {
  harness = await startHarness({ apiSendsEmail: true });
  ({ organizationId, admin } = await registerOrganization(harness, 'owner@lantern.example.test', {
    tradingName: 'Lantern Books',
  }));
});
after(async () => harness?.close());

/** Invites the address and returns the invitation id and the token from the emailed link. */
async function invite(email: string, role: 'admin' | 'member', by: SignedIn = admin) {
  const response = await call(harness, by, 'POST', '/v1/employer/invitations', { email, role });
  assert.equal(response.statusCode, 201, response.body);
  const [message] = await harness.mailbox.list(email);
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1];
  assert.ok(token, `no invitation link was emailed to ${email}`);
  return { id: response.json().id as string, token, message };
}

/** Creates an employer account for the address, signs it in and accepts the invitation. */
async function join(email: string, role: 'admin' | 'member'): Promise<SignedIn> {
  const { token } = await invite(email, role);
  await createEmployerAccount(harness, email);
  const person = await signIn(harness, email);
  const accepted = await call(harness, person, 'POST', '/v1/invitations/acceptance', { token });
  assert.equal(accepted.statusCode, 200, accepted.body);
  return role === 'admin' ? signIn(harness, email) : person;
}

async function membersOf(user: SignedIn): Promise<{ userId: string; role: string }[]> {
  const response = await call(harness, user, 'GET', '/v1/employer/members');
  assert.equal(response.statusCode, 200, response.body);
  return response.json().members;
}

describe('invitations', () => {
  test('admin invites by email', async () => {
    const { id, token, message } = await invite('Reader@Lantern.example.test', 'member');
    assert.equal(message?.to, 'reader@lantern.example.test');
    assert.equal(message?.category, 'organization-invitation');
    assert.match(message?.subject ?? '', /Lantern Books/);
    assert.match(message?.text ?? '', /works once/);

    const stored = await ownerQuery(
      harness,
      'SELECT token_hash, email FROM app.organization_invitations WHERE id = $1',
      [id],
    );
    assert.deepEqual(stored, [
      {
        token_hash: createHash('sha256').update(token).digest('hex'),
        email: 'reader@lantern.example.test',
      },
    ]);
    const anywhere = await ownerQuery(
      harness,
      `SELECT 1 FROM app.organization_invitations i WHERE i::text LIKE '%' || $1 || '%'`,
      [token],
    );
    assert.deepEqual(anywhere, [], 'the token itself is not stored');

    const listed = await call(harness, admin, 'GET', '/v1/employer/invitations');
    assert.ok(listed.json().invitations.some((invitation: { id: string }) => invitation.id === id));
    const events = await auditEventsFor(harness, id);
    assert.deepEqual(
      events.map((event) => [event.action, event.actor_id, event.organization_id, event.details.role]),
      [['organization_invitation.created', admin.sub, organizationId, 'member']],
    );
    assert.equal(JSON.stringify(events).includes('reader@'), false, 'the audit log holds no email address');
  });

  test('preview names the organization', async () => {
    const { token } = await invite('preview@lantern.example.test', 'member');
    const preview = await call(harness, null, 'POST', '/v1/invitations/preview', { token });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.equal(preview.json().organizationName, 'Lantern Books');
    assert.equal(preview.json().email, 'preview@lantern.example.test');
    assert.equal(preview.json().state, 'open');

    const unknown = await call(harness, null, 'POST', '/v1/invitations/preview', { token: 'x'.repeat(43) });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error, 'NotFound');
    const malformed = await call(harness, null, 'POST', '/v1/invitations/preview', {
      token: 'no spaces allowed here!',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().field, 'token');
  });

  test('invitation works once', async () => {
    const { id, token } = await invite('clerk@lantern.example.test', 'member');
    await createEmployerAccount(harness, 'clerk@lantern.example.test');
    const clerk = await signIn(harness, 'clerk@lantern.example.test');
    const accepted = await call(harness, clerk, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(accepted.json(), { organizationId, role: 'member', signInAgain: false });

    const profile = await call(harness, clerk, 'GET', '/v1/employer/organization');
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().role, 'member');

    const again = await call(harness, clerk, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'AlreadyMember');
    await createEmployerAccount(harness, 'second@lantern.example.test');
    const second = await signIn(harness, 'second@lantern.example.test');
    const reused = await call(harness, second, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(reused.statusCode, 410);
    assert.equal(reused.json().error, 'InvitationUsed');
    const preview = await call(harness, null, 'POST', '/v1/invitations/preview', { token });
    assert.equal(preview.json().state, 'accepted');

    const actions = (await auditEventsFor(harness, id)).map((event) => [event.action, event.actor_id]);
    assert.deepEqual(actions, [
      ['organization_invitation.created', admin.sub],
      ['organization_invitation.accepted', clerk.sub],
    ]);
    const memberEvents = await auditEventsFor(harness, clerk.sub);
    assert.deepEqual(
      memberEvents.map((event) => [event.action, event.details.via]),
      [['organization_member.added', 'invitation']],
    );
  });

  test('acceptance needs the invited email', async () => {
    const { token } = await invite('intended@lantern.example.test', 'member');
    await createEmployerAccount(harness, 'someone.else@example.test');
    const someoneElse = await signIn(harness, 'someone.else@example.test');
    const response = await call(harness, someoneElse, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'InvitationEmailMismatch');
    const anonymous = await call(harness, null, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(anonymous.statusCode, 401);
  });

  test('student accounts cannot accept', async () => {
    const { token } = await invite('teen.worker@example.test', 'member');
    const student = await signUpStudent(harness, {
      email: 'teen.worker@example.test',
      givenName: 'Teagan',
      familyName: 'Worker',
      birthdate: '2009-07-07',
      schoolId: await someSchoolId(harness),
      gradeLevel: '11',
    });
    const response = await call(harness, student, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'EmployerAccountRequired');
  });

  test('expired invitation is refused', async () => {
    const { id, token } = await invite('late@lantern.example.test', 'member');
    await ownerQuery(
      harness,
      `UPDATE app.organization_invitations
       SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = $1`,
      [id],
    );
    await createEmployerAccount(harness, 'late@lantern.example.test');
    const late = await signIn(harness, 'late@lantern.example.test');
    const response = await call(harness, late, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(response.statusCode, 410);
    assert.equal(response.json().error, 'InvitationExpired');
    const preview = await call(harness, null, 'POST', '/v1/invitations/preview', { token });
    assert.equal(preview.json().state, 'expired');
    const listed = await call(harness, admin, 'GET', '/v1/employer/invitations');
    assert.equal(
      listed.json().invitations.some((invitation: { id: string }) => invitation.id === id),
      false,
    );
  });

  test('withdrawn and replaced invitations are refused', async () => {
    const first = await invite('twice@lantern.example.test', 'member');
    const second = await invite('twice@lantern.example.test', 'member');
    await createEmployerAccount(harness, 'twice@lantern.example.test');
    const twice = await signIn(harness, 'twice@lantern.example.test');
    const replaced = await call(harness, twice, 'POST', '/v1/invitations/acceptance', { token: first.token });
    assert.equal(replaced.statusCode, 410);
    assert.equal(replaced.json().error, 'InvitationRevoked');

    const withdrawn = await call(harness, admin, 'DELETE', `/v1/employer/invitations/${second.id}`);
    assert.equal(withdrawn.statusCode, 204);
    const refused = await call(harness, twice, 'POST', '/v1/invitations/acceptance', { token: second.token });
    assert.equal(refused.statusCode, 410);
    assert.equal(refused.json().error, 'InvitationRevoked');
    const withdrawnAgain = await call(harness, admin, 'DELETE', `/v1/employer/invitations/${second.id}`);
    assert.equal(withdrawnAgain.statusCode, 404);
    assert.deepEqual(
      (await auditEventsFor(harness, second.id)).map((event) => event.action),
      ['organization_invitation.created', 'organization_invitation.revoked'],
    );
  });

  test('members cannot be invited twice', async () => {
    const response = await call(harness, admin, 'POST', '/v1/employer/invitations', {
      email: 'owner@lantern.example.test',
      role: 'member',
    });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error, 'AlreadyMember');
    const invalid = await call(harness, admin, 'POST', '/v1/employer/invitations', { email: 'nope', role: 'member' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().field, 'email');
  });
});

describe('roles and removal', () => {
  test('members cannot manage the team', async () => {
    const member = await join('helper@lantern.example.test', 'member');
    const requests: Array<['POST' | 'PUT' | 'DELETE', string, object | undefined]> = [
      ['POST', '/v1/employer/invitations', { email: 'friend@example.test', role: 'admin' }],
      ['PUT', `/v1/employer/members/${member.sub}/role`, { role: 'admin' }],
      ['PUT', `/v1/employer/members/${admin.sub}/role`, { role: 'member' }],
      ['DELETE', `/v1/employer/members/${admin.sub}`, undefined],
    ];
    for (const [method, url, payload] of requests) {
      const response = await call(harness, member, method, url, payload);
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      assert.equal(response.json().error, 'OrganizationAdminRequired');
    }
    const roles = (await membersOf(admin)).filter((entry) => [admin.sub, member.sub].includes(entry.userId));
    assert.deepEqual(roles.map((entry) => entry.role).sort(), ['admin', 'member']);
  });

  test('promotion demands MFA', async () => {
    const promoted = await join('deputy@lantern.example.test', 'member');
    assert.deepEqual(await identityGroups(harness, promoted.sub), []);

    const response = await call(harness, admin, 'PUT', `/v1/employer/members/${promoted.sub}/role`, { role: 'admin' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().role, 'admin');
    assert.deepEqual(await identityGroups(harness, promoted.sub), ['employer-admin']);
    const oldSession = await call(harness, promoted, 'GET', '/v1/employer/members');
    assert.equal(oldSession.statusCode, 401);
    assert.equal(await signInChallenge(harness, 'deputy@lantern.example.test'), 'MFA_SETUP');

    const events = await auditEventsFor(harness, promoted.sub);
    const change = events.find((event) => event.action === 'organization_member.role_changed');
    assert.deepEqual(change?.details, { from: 'member', to: 'admin' });
    assert.equal(change?.actor_id, admin.sub);

    // Demotion takes the group away again; the membership row alone decides access.
    const demoted = await call(harness, admin, 'PUT', `/v1/employer/members/${promoted.sub}/role`, { role: 'member' });
    assert.equal(demoted.statusCode, 200, demoted.body);
    assert.deepEqual(await identityGroups(harness, promoted.sub), []);
  });

  test('invited admin signs in again', async () => {
    const { token } = await invite('co-owner@lantern.example.test', 'admin');
    await createEmployerAccount(harness, 'co-owner@lantern.example.test');
    const coOwner = await signIn(harness, 'co-owner@lantern.example.test');
    const accepted = await call(harness, coOwner, 'POST', '/v1/invitations/acceptance', { token });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().signInAgain, true);
    assert.deepEqual(await identityGroups(harness, coOwner.sub), ['employer-admin']);
    assert.equal(await signInChallenge(harness, 'co-owner@lantern.example.test'), 'MFA_SETUP');
  });

  test('last admin cannot step down', async () => {
    const solo = await registerOrganization(harness, 'owner@solo.example.test');
    const demote = await call(harness, solo.admin, 'PUT', `/v1/employer/members/${solo.admin.sub}/role`, {
      role: 'member',
    });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().error, 'LastAdmin');
    const leave = await call(harness, solo.admin, 'DELETE', `/v1/employer/members/${solo.admin.sub}`);
    assert.equal(leave.statusCode, 409);
    assert.equal(leave.json().error, 'LastAdmin');
    const roles = await ownerQuery(harness, 'SELECT role FROM app.organization_members WHERE organization_id = $1', [
      solo.organizationId,
    ]);
    assert.deepEqual(roles, [{ role: 'admin' }]);
  });

  test('database keeps one admin', async () => {
    await assert.rejects(
      ownerQuery(harness, `UPDATE app.organization_members SET role = 'member' WHERE organization_id = $1`, [
        organizationId,
      ]),
      (error: Error & { code?: string }) => error.code === '23514',
    );
  });

  test('admin steps down beside another', async () => {
    const second = await join('partner@lantern.example.test', 'admin');
    const stepDown = await call(harness, second, 'PUT', `/v1/employer/members/${second.sub}/role`, { role: 'member' });
    assert.equal(stepDown.statusCode, 200, stepDown.body);
    assert.equal(stepDown.json().role, 'member');
  });

  test('removed member loses access at once', async () => {
    const leaving = await join('temp@lantern.example.test', 'member');
    const before = await call(harness, leaving, 'GET', '/v1/employer/listings');
    assert.equal(before.statusCode, 200);

    const removed = await call(harness, admin, 'DELETE', `/v1/employer/members/${leaving.sub}`);
    assert.equal(removed.statusCode, 204);
    for (const url of ['/v1/employer/listings', '/v1/employer/organization', '/v1/employer/members']) {
      const response = await call(harness, leaving, 'GET', url);
      assert.equal(response.statusCode, 403, url);
      assert.equal(response.json().error, 'Forbidden');
    }
    const events = await auditEventsFor(harness, leaving.sub);
    assert.deepEqual(
      events.map((event) => [event.action, event.actor_id]),
      [
        ['organization_member.added', leaving.sub],
        ['organization_member.removed', admin.sub],
      ],
    );
    const again = await call(harness, admin, 'DELETE', `/v1/employer/members/${leaving.sub}`);
    assert.equal(again.statusCode, 404);
  });

  test('other organizations are not found', async () => {
    const other = await registerOrganization(harness, 'owner@rival.example.test');
    const [lanternMember] = (await membersOf(admin)).filter((entry) => entry.userId !== admin.sub);
    assert.ok(lanternMember);
    const { id: invitationId } = await invite('rival.target@example.test', 'member');

    const requests: Array<['PUT' | 'DELETE', string, object | undefined]> = [
      ['PUT', `/v1/employer/members/${lanternMember.userId}/role`, { role: 'admin' }],
      ['DELETE', `/v1/employer/members/${lanternMember.userId}`, undefined],
      ['DELETE', `/v1/employer/invitations/${invitationId}`, undefined],
    ];
    for (const [method, url, payload] of requests) {
      const response = await call(harness, other.admin, method, url, payload);
      assert.equal(response.statusCode, 404, `${method} ${url}`);
      assert.equal(response.json().error, 'NotFound');
    }
    const members = await call(harness, other.admin, 'GET', '/v1/employer/members');
    assert.deepEqual(
      members.json().members.map((entry: { userId: string }) => entry.userId),
      [other.admin.sub],
    );
  });
});
