import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createConfirmedUser,
  signIn,
  signUpStudent,
  someSchoolId,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';
import {
  auditEventsFor,
  call,
  createEmployerAccount,
  identityGroups,
  listingBody,
  ownerQuery,
  registerOrganization,
  registration,
  signInChallenge,
} from './organizations-fixtures.ts';

// Registration, the duties acknowledgement, and the listing gate for organizations that staff
// have not verified. Staff decisions and suspension are in organizations-verification.test.ts.

let harness: Harness;
let staff: SignedIn;

before(async () => {
  harness = await startHarness();
  await createConfirmedUser(harness, 'verifier@clockin.example.test', 'staff');
  staff = await signIn(harness, 'verifier@clockin.example.test');
});
after(async () => harness?.close());

describe('organization registration', () => {
  test('registration makes the caller a pending admin', async () => {
    const sub = await createEmployerAccount(harness, 'owner@maple.example.test');
    const before = await signIn(harness, 'owner@maple.example.test');
    assert.equal(before.totpSecret, undefined, 'an employer account without an organization needs no MFA');

    const response = await call(harness, before, 'POST', '/v1/organizations', registration());
    assert.equal(response.statusCode, 201, response.body);
    const registered = response.json();
    assert.equal(registered.status, 'pending');
    assert.equal(registered.signInAgain, true);

    // The old session ended, and the next sign-in demands MFA setup because of the admin group.
    const oldSession = await call(harness, before, 'GET', '/v1/employer/organization');
    assert.equal(oldSession.statusCode, 401);
    assert.deepEqual(await identityGroups(harness, sub), ['employer-admin']);
    assert.equal(await signInChallenge(harness, 'owner@maple.example.test'), 'MFA_SETUP');
    const admin = await signIn(harness, 'owner@maple.example.test');
    assert.ok(admin.totpSecret, 'the admin set up MFA');

    const profile = await call(harness, admin, 'GET', '/v1/employer/organization');
    assert.equal(profile.statusCode, 200, profile.body);
    const organization = profile.json();
    assert.equal(organization.id, registered.id);
    assert.equal(organization.status, 'pending');
    assert.equal(organization.role, 'admin');
    assert.equal(organization.phone, '614-555-0142');
    assert.equal(organization.rejectionReason, null);
    assert.equal(organization.acknowledgement.acknowledgedBy, sub);
    assert.equal(organization.acknowledgement.statementVersion, 'ohio-minor-labor-2025-1');
    assert.deepEqual(organization.acknowledgement.duties, ['hours', 'breaks', 'work-permits', 'posting', 'records']);
    assert.ok(Date.now() - Date.parse(organization.acknowledgement.acknowledgedAt) < 60_000);

    const members = await ownerQuery(
      harness,
      'SELECT user_id, role, email FROM app.organization_members WHERE organization_id = $1',
      [registered.id],
    );
    assert.deepEqual(members, [{ user_id: sub, role: 'admin', email: 'owner@maple.example.test' }]);

    const organizationEvents = await auditEventsFor(harness, registered.id);
    assert.deepEqual(
      organizationEvents.map((event) => [event.action, event.actor_id]),
      [['organization.registered', sub]],
    );
    const memberEvents = await auditEventsFor(harness, sub);
    assert.deepEqual(
      memberEvents.map((event) => [event.action, event.organization_id, event.details.role]),
      [['organization_member.added', registered.id, 'admin']],
    );
    const acknowledgements = await ownerQuery(
      harness,
      `SELECT e.actor_id FROM audit.events e
       JOIN app.organization_duty_acknowledgements a ON a.id::text = e.target_id
       WHERE e.action = 'organization.duties_acknowledged' AND a.organization_id = $1`,
      [registered.id],
    );
    assert.deepEqual(acknowledgements, [{ actor_id: sub }]);
  });

  test('missing duties acknowledgement is rejected', async () => {
    await createEmployerAccount(harness, 'owner@unsure.example.test');
    const employer = await signIn(harness, 'owner@unsure.example.test');
    const withoutField = registration();
    delete withoutField.dutiesAcknowledged;

    for (const body of [withoutField, registration({ dutiesAcknowledged: false })]) {
      const response = await call(harness, employer, 'POST', '/v1/organizations', body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error, 'ValidationError');
      assert.equal(response.json().field, 'dutiesAcknowledged');
    }
    const rows = await ownerQuery(harness, 'SELECT 1 FROM app.organization_members WHERE user_id = $1', [employer.sub]);
    assert.deepEqual(rows, []);
  });

  test('bad details name the field', async () => {
    await createEmployerAccount(harness, 'owner@typo.example.test');
    const employer = await signIn(harness, 'owner@typo.example.test');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ein: '341234567' }, 'ein'],
      [{ ein: '34-123456' }, 'ein'],
      [{ zip: '90210' }, 'zip'],
      [{ zip: '4321' }, 'zip'],
      [{ phone: '614-555-01' }, 'phone'],
      [{ phone: 'call me maybe' }, 'phone'],
      [{ website: 'ftp://maple.example.test' }, 'website'],
      [{ website: 'not a web address' }, 'website'],
      [{ legalName: '   ' }, 'legalName'],
      [{ tradingName: '' }, 'tradingName'],
      [{ industry: 7 }, 'industry'],
      [{ city: undefined }, 'city'],
    ];
    for (const [change, field] of cases) {
      const response = await call(harness, employer, 'POST', '/v1/organizations', registration(change));
      assert.equal(response.statusCode, 400, `${JSON.stringify(change)}: ${response.body}`);
      assert.equal(response.json().error, 'ValidationError');
      assert.equal(response.json().field, field, JSON.stringify(change));
    }
    const extra = await call(harness, employer, 'POST', '/v1/organizations', registration({ status: 'verified' }));
    assert.equal(extra.statusCode, 400);
    assert.equal(extra.json().error, 'ValidationError');
  });

  test('website is optional', async () => {
    const { admin } = await registerOrganization(harness, 'owner@nosite.example.test', { website: null });
    const profile = await call(harness, admin, 'GET', '/v1/employer/organization');
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().website, null);
  });

  test('student and staff accounts cannot register', async () => {
    const student = await signUpStudent(harness, {
      email: 'rowan.student@example.test',
      givenName: 'Rowan',
      familyName: 'Pascoe',
      birthdate: '2009-02-02',
      schoolId: await someSchoolId(harness),
      gradeLevel: '10',
    });
    for (const user of [student, staff]) {
      const response = await call(harness, user, 'POST', '/v1/organizations', registration());
      assert.equal(response.statusCode, 403, response.body);
      assert.equal(response.json().error, 'EmployerAccountRequired');
    }
    const anonymous = await call(harness, null, 'POST', '/v1/organizations', registration());
    assert.equal(anonymous.statusCode, 401);
  });

  test('minors cannot register organizations', async () => {
    const sixteen = new Date();
    sixteen.setUTCFullYear(sixteen.getUTCFullYear() - 16);
    await createEmployerAccount(harness, 'young@founder.example.test', {
      birthdate: sixteen.toISOString().slice(0, 10),
    });
    const young = await signIn(harness, 'young@founder.example.test');
    const response = await call(harness, young, 'POST', '/v1/organizations', registration());
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });

  test('members cannot register a second organization', async () => {
    const { admin } = await registerOrganization(harness, 'owner@first.example.test');
    const response = await call(harness, admin, 'POST', '/v1/organizations', registration());
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error, 'AlreadyMember');
  });

  test('concurrent registrations make one organization', async () => {
    await createEmployerAccount(harness, 'owner@hasty.example.test');
    const employer = await signIn(harness, 'owner@hasty.example.test');
    const responses = await Promise.all([
      call(harness, employer, 'POST', '/v1/organizations', registration({ tradingName: 'Hasty One' })),
      call(harness, employer, 'POST', '/v1/organizations', registration({ tradingName: 'Hasty Two' })),
    ]);
    const [first, second] = [...responses].sort((x, y) => x.statusCode - y.statusCode);
    assert.equal(first?.statusCode, 201);
    // The loser either reached the database after the winner (409) or arrived after the winner's
    // registration had already signed the account out (401).
    const loser = `${second?.statusCode} ${second?.json().error}`;
    assert.ok(['409 AlreadyMember', '401 Unauthorized'].includes(loser), loser);
    const memberships = await ownerQuery(harness, 'SELECT 1 FROM app.organization_members WHERE user_id = $1', [
      employer.sub,
    ]);
    assert.equal(memberships.length, 1);
  });

  test('database allows one organization per person', async () => {
    const { admin } = await registerOrganization(harness, 'owner@greedy.example.test');
    const { organizationId: other } = await registerOrganization(harness, 'owner@target.example.test');
    await assert.rejects(
      ownerQuery(
        harness,
        `INSERT INTO app.organization_members (organization_id, user_id, role, given_name, family_name, email)
         VALUES ($1, $2, 'member', 'Gale', 'Greedy', 'owner@greedy.example.test')`,
        [other, admin.sub],
      ),
      (error: Error & { code?: string; constraint?: string }) =>
        error.code === '23505' && error.constraint === 'organization_members_one_organization_idx',
    );
  });

  test('me reports unregistered employers', async () => {
    await createEmployerAccount(harness, 'owner@later.example.test');
    const employer = await signIn(harness, 'owner@later.example.test');
    const me = await call(harness, employer, 'GET', '/v1/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().accountType, 'employer');
    assert.equal(me.json().organization, null);
    assert.equal(me.json().hasProfile, false);
  });

  test('duties statement is public', async () => {
    const response = await call(harness, null, 'GET', '/v1/organizations/duties-statement');
    assert.equal(response.statusCode, 200);
    const statement = response.json();
    assert.equal(statement.version, 'ohio-minor-labor-2025-1');
    assert.deepEqual(
      statement.duties.map((duty: { id: string }) => duty.id),
      ['hours', 'breaks', 'work-permits', 'posting', 'records'],
    );
    for (const duty of statement.duties) assert.match(duty.text, /ORC 4109/);
  });
});

describe('listing gate', () => {
  test('pending organization cannot submit listings', async () => {
    const { admin } = await registerOrganization(harness, 'owner@waiting.example.test');
    const response = await call(harness, admin, 'POST', '/v1/employer/listings', listingBody('Bagger'));
    assert.equal(response.statusCode, 403, response.body);
    assert.equal(response.json().error, 'OrganizationNotVerified');
  });

  test('rejected organization sees the reason and cannot submit', async () => {
    const { organizationId, admin } = await registerOrganization(harness, 'owner@doubtful.example.test');
    const rejected = await call(harness, staff, 'POST', `/v1/staff/organizations/${organizationId}/decision`, {
      decision: 'reject',
      reason: 'The EIN does not match the legal name.',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);

    const profile = await call(harness, admin, 'GET', '/v1/employer/organization');
    assert.equal(profile.json().status, 'rejected');
    assert.equal(profile.json().rejectionReason, 'The EIN does not match the legal name.');
    const listing = await call(harness, admin, 'POST', '/v1/employer/listings', listingBody('Bagger'));
    assert.equal(listing.statusCode, 403);
    assert.equal(listing.json().error, 'OrganizationNotVerified');
  });

  test('verified organization submits listings', async () => {
    const { organizationId, admin } = await registerOrganization(harness, 'owner@approved.example.test');
    const verified = await call(harness, staff, 'POST', `/v1/staff/organizations/${organizationId}/decision`, {
      decision: 'verify',
    });
    assert.equal(verified.statusCode, 200);
    const listing = await call(harness, admin, 'POST', '/v1/employer/listings', listingBody('Bagger'));
    assert.equal(listing.statusCode, 201, listing.body);
    assert.equal(listing.json().status, 'submitted');
  });
});

describe('correcting a registration', () => {
  test('rejected registration returns to the queue', async () => {
    const { organizationId, admin } = await registerOrganization(harness, 'owner@fixable.example.test');
    await call(harness, staff, 'POST', `/v1/staff/organizations/${organizationId}/decision`, {
      decision: 'reject',
      reason: 'The address is a post office box.',
    });
    const corrected = await call(
      harness,
      admin,
      'PUT',
      '/v1/employer/organization',
      registration({ addressLine: '14 E Gay St' }),
    );
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal(corrected.json().status, 'pending');

    const profile = (await call(harness, admin, 'GET', '/v1/employer/organization')).json();
    assert.equal(profile.status, 'pending');
    assert.equal(profile.rejectionReason, null);
    assert.equal(profile.addressLine, '14 E Gay St');
    const acknowledgements = await ownerQuery(
      harness,
      'SELECT acknowledged_by FROM app.organization_duty_acknowledgements WHERE organization_id = $1',
      [organizationId],
    );
    assert.equal(acknowledgements.length, 2);
    const actions = (await auditEventsFor(harness, organizationId)).map((event) => event.action);
    assert.deepEqual(actions, ['organization.registered', 'organization.rejected', 'organization.resubmitted']);
  });

  test('verified organization keeps its details', async () => {
    const { organizationId, admin } = await registerOrganization(harness, 'owner@settled.example.test');
    await call(harness, staff, 'POST', `/v1/staff/organizations/${organizationId}/decision`, { decision: 'verify' });
    const response = await call(harness, admin, 'PUT', '/v1/employer/organization', registration());
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().error, 'OrganizationStatusConflict');
  });
});
