import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { RouteEntry } from '../src/app.ts';
import {
  createConfirmedUser,
  createOrganization,
  signIn,
  signUpStudent,
  someSchoolId,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

// Organization A's private data, and organization B's people (and everyone else) trying to
// reach it through every registered route. The sweep reads the API's route table, so a new
// route is swept without anyone adding it here. A route that needs a body it has no sample for
// fails the sweep instead of being skipped.

type Role = 'anonymous' | 'student' | 'employer member' | 'employer admin' | 'district admin' | 'staff';
const roles: Role[] = ['anonymous', 'student', 'employer member', 'employer admin', 'district admin', 'staff'];

let harness: Harness;
let employerAToken = '';
const tokens = new Map<Role, string>();
const a = {
  organizationId: '',
  privateListingId: '',
  privateListingTitle: 'Backroom inventory counter',
  applicationId: '',
  applicationMessage: 'I stock shelves for my uncle and count inventory every Saturday morning.',
  studentSub: '',
  studentFamilyName: 'Abernathy-Quist',
  districtId: '',
  exportId: '',
  invitationId: '',
  messageText: 'Could I start on the first Saturday of the month at the counter?',
  reportId: '',
  reportDetails: 'The manager asked me to bring cash for a uniform deposit.',
};

const listingBody = (title: string) => ({
  title,
  description: 'Count stock in the back room and keep the shelves labelled.',
  payMinCents: 1250,
  payMaxCents: null,
  payUnit: 'hour',
  addressLine: '50 W Broad St',
  city: 'Columbus',
  zip: '43215',
  schedule: [{ day: 6, start: '09:00', end: '13:00', breakMinutes: 0 }],
});

/** Request bodies for routes that take one. Ids in them are organization A's. */
function sampleBody(route: RouteEntry): unknown {
  const samples: Record<string, unknown> = {
    'POST /v1/employer/listings': listingBody('Sweep listing'),
    'PUT /v1/employer/listings/:listingId': listingBody('Sweep edit'),
    'POST /v1/employer/listings/:listingId/submit': undefined,
    'POST /v1/employer/listings/:listingId/close': undefined,
    'POST /v1/employer/listings/:listingId/filled': undefined,
    'POST /v1/listings/:listingId/applications': { message: 'I would like to apply for this job, please.' },
    'POST /v1/staff/listing-reviews/:listingId': { decision: 'reject', reason: 'Sweep decision' },
    'POST /v1/labor/check': {
      birthdate: '2010-01-01',
      shifts: [{ date: '2027-01-09', start: '09:00', end: '12:00' }],
    },
    'POST /v1/labor/schedule-check': { schedule: [{ day: 1, start: '16:00', end: '19:00', breakMinutes: 0 }] },
    'POST /v1/password-resets/confirm': {
      email: 'nobody@example.test',
      code: '123456',
      newPassword: 'Plover-Canyon-81!',
    },
    'POST /v1/students/me': undefined,
    'POST /v1/sessions/sign-out-everywhere': undefined,
    'POST /v1/staff/users/:userId/suspension': undefined,
    'POST /v1/staff/users/:userId/mfa-reset': undefined,
    'POST /v1/district/exports': { format: 'csv' },
    'POST /v1/staff/districts/:districtId/partnership': {
      agreementSignedOn: '2026-09-01',
      contactName: 'Sweep Contact',
      contactEmail: 'contact@sweep.example.test',
      contactPhone: null,
    },
    'POST /v1/staff/districts/:districtId/partnership/end': undefined,
    'POST /v1/organizations': {
      legalName: 'Sweep Registration LLC',
      tradingName: 'Sweep Registration',
      ein: '12-3456789',
      addressLine: '1 Sweep St',
      city: 'Columbus',
      zip: '43215',
      phone: '614-555-0199',
      industry: 'Retail',
      dutiesAcknowledged: true,
    },
    'PUT /v1/employer/organization': {
      legalName: 'Sweep Correction LLC',
      tradingName: 'Sweep Correction',
      ein: '12-3456789',
      addressLine: '1 Sweep St',
      city: 'Columbus',
      zip: '43215',
      phone: '614-555-0199',
      industry: 'Retail',
      dutiesAcknowledged: true,
    },
    'PUT /v1/employer/members/:userId/role': { role: 'admin' },
    'DELETE /v1/employer/members/:userId': undefined,
    'POST /v1/employer/invitations': { email: 'sweep.invitee@example.test', role: 'member' },
    'DELETE /v1/employer/invitations/:invitationId': undefined,
    'POST /v1/invitations/preview': { token: 'sweep-token-that-opens-no-invitation' },
    'POST /v1/invitations/acceptance': { token: 'sweep-token-that-opens-no-invitation' },
    'POST /v1/staff/organizations/:organizationId/decision': { decision: 'reject', reason: 'Sweep decision' },
    'POST /v1/staff/organizations/:organizationId/suspension': { reason: 'Sweep suspension' },
    'POST /v1/staff/organizations/:organizationId/reinstatement': undefined,
    'POST /v1/students/me/applications/:applicationId/withdrawal': undefined,
    'POST /v1/students/me/applications/:applicationId/contact-response': { accept: true },
    'POST /v1/students/me/applications/:applicationId/stop-sharing': undefined,
    'POST /v1/students/me/phone': { phone: '614-555-0123' },
    'POST /v1/employer/applications/:applicationId/status': { status: 'not_selected' },
    'POST /v1/employer/applications/:applicationId/contact-request': undefined,
    'POST /v1/applications/:applicationId/messages': { text: 'Sweep message' },
    // An unknown organization, because a block of organization A would make its unblock route return 204.
    'POST /v1/students/me/blocks': { organizationId: '00000000-0000-4000-8000-000000000000' },
    'DELETE /v1/students/me/blocks/:organizationId': undefined,
    'POST /v1/reports': { targetType: 'listing', targetId: a.privateListingId, category: 'other' },
    'POST /v1/staff/reports/:reportId/decision': { outcome: 'no_violation' },
    // A wrong password: the sweep must never delete the accounts it signs in with.
    'POST /v1/me/deletion': { password: 'Not-The-Password-1!' },
    'POST /v1/me/exports': undefined,
    'POST /v1/staff/deletion-requests': { email: 'sweep.requester@example.test', receivedOn: '2026-01-05' },
    'POST /v1/staff/deletion-requests/:requestId/completion': undefined,
    'POST /v1/staff/districts/:districtId/administrators': {
      email: 'sweep.admin@example.test',
      givenName: 'Sweep',
      familyName: 'Admin',
      birthdate: '1980-01-01',
    },
  };
  const key = `${route.method} ${route.url}`;
  if (!(key in samples)) throw new Error(`The sweep has no sample body for ${key}; add one.`);
  return samples[key];
}

/** Route path with organization A's ids in every parameter. */
function pathWithIds(url: string): string {
  const ids: Record<string, string> = {
    listingId: a.privateListingId,
    userId: a.studentSub,
    studentId: a.studentSub,
    districtId: a.districtId,
    exportId: a.exportId,
    organizationId: a.organizationId,
    invitationId: a.invitationId,
    applicationId: a.applicationId,
    reportId: a.reportId,
    // Deletion requests belong to no organization, so an unknown id takes the place of A's.
    requestId: '00000000-0000-4000-8000-0000000000aa',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`The sweep has no id of organization A for :${name}; add one.`);
    return id;
  });
}

const queryStrings: Record<string, string> = { '/v1/schools': '?query=high' };

/** Routes left out of the sweep, each with the reason. */
const notSwept: Record<string, string> = {
  'GET /health': 'no data',
  'GET /v1/openapi.json': 'the public API description',
  'GET /v1/dev/mailbox': 'development only; a test below shows it is absent in production',
};

/**
 * Routes that show organization A's public profile to everyone, because A is verified. They must
 * return 200, and the leak check still applies to them.
 */
const publicOfOrganizationA: Record<string, string> = {
  'GET /v1/employers/:organizationId': "a verified employer's public profile",
};

/** Staff tools cross organizations on purpose, through unsafe* repository functions that audit each use. */
const staffTools = (route: RouteEntry) => route.url.startsWith('/v1/staff/');

/** Returns the roles a route is meant for, to tell "not yours" (404) from "not your kind of account" (403). */
function areaOf(url: string): Role[] | 'any' {
  if (url.startsWith('/v1/employer/')) return ['employer member', 'employer admin'];
  if (url.startsWith('/v1/staff/')) return ['staff'];
  if (url.startsWith('/v1/district/')) return ['district admin'];
  if (url.startsWith('/v1/students/')) return ['student'];
  if (/^\/v1\/listings\/[^/]+\/applications$/.test(url)) return ['student'];
  if (url.startsWith('/v1/me/exports')) return ['student'];
  return 'any';
}

async function ownerQuery(sql: string, values: unknown[]): Promise<pg.QueryResult> {
  const owner = new pg.Client({ connectionString: harness.database.ownerUrl });
  await owner.connect();
  try {
    return await owner.query(sql, values);
  } finally {
    await owner.end();
  }
}

before(async () => {
  // The API sends invitation emails itself, so inviting works for the roles allowed to.
  harness = await startHarness({ apiSendsEmail: true });
  const schoolId = await someSchoolId(harness);
  const district = await ownerQuery(`SELECT district_id FROM app.schools WHERE id = $1`, [schoolId]);
  const districtA = district.rows[0].district_id as string;
  a.districtId = districtA;
  const other = await ownerQuery(`SELECT id FROM app.districts WHERE id <> $1 ORDER BY id LIMIT 1`, [districtA]);
  const districtB = other.rows[0].id as string;

  // Organization A: a published listing with an application, and a listing still in review.
  const adminA = await createConfirmedUser(harness, 'admin@org-a.example.test', 'employer-admin');
  a.organizationId = await createOrganization(harness, adminA, 'Organization A Hardware');
  const employerA = await signIn(harness, 'admin@org-a.example.test');
  employerAToken = employerA.accessToken;
  const invitation = await ownerQuery(
    `INSERT INTO app.organization_invitations (organization_id, email, role, token_hash, invited_by, expires_at)
     VALUES ($1, 'invitee@org-a.example.test', 'member', $2, $3, now() + interval '7 days') RETURNING id`,
    [a.organizationId, 'f'.repeat(64), adminA],
  );
  a.invitationId = invitation.rows[0].id as string;
  await createConfirmedUser(harness, 'staff@clockin.example.test', 'staff');
  const staff = await signIn(harness, 'staff@clockin.example.test');

  const post = (user: SignedIn, url: string, payload?: object) =>
    harness.api.inject({ method: 'POST', url, headers: { authorization: `Bearer ${user.accessToken}` }, payload });
  const published = (await post(employerA, '/v1/employer/listings', listingBody('Front counter helper'))).json();
  await post(staff, `/v1/staff/listing-reviews/${published.id}`, { decision: 'approve' });
  a.privateListingId = (await post(employerA, '/v1/employer/listings', listingBody(a.privateListingTitle))).json().id;

  const studentA = await signUpStudent(harness, {
    email: 'student@district-a.example.test',
    givenName: 'Marisol',
    familyName: a.studentFamilyName,
    birthdate: '2009-05-05',
    schoolId,
    gradeLevel: '11',
  });
  a.studentSub = studentA.sub;
  const applied = await post(studentA, `/v1/listings/${published.id}/applications`, { message: a.applicationMessage });
  assert.equal(applied.statusCode, 201, applied.body);
  a.applicationId = applied.json().id;
  const message = await post(studentA, `/v1/applications/${a.applicationId}/messages`, { text: a.messageText });
  assert.equal(message.statusCode, 201, message.body);
  const report = await post(studentA, '/v1/reports', {
    targetType: 'message',
    targetId: message.json().id,
    category: 'scam_or_fee',
    details: a.reportDetails,
  });
  assert.equal(report.statusCode, 201, report.body);
  a.reportId = report.json().id;
  // District A is a partner with an export of its students, which district B must not reach.
  await ownerQuery(
    `INSERT INTO app.district_partnerships (district_id, agreement_signed_on, contact_name, contact_email, started_by)
     VALUES ($1, current_date, 'District A Contact', 'contact@district-a.example.test', gen_random_uuid())`,
    [districtA],
  );
  const exported = await ownerQuery(
    `INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, gen_random_uuid(), 'csv') RETURNING id`,
    [districtA],
  );
  a.exportId = exported.rows[0].id as string;

  // Everyone on the other side: organization B's admin and member, a student of another
  // school, district B's administrator, and staff.
  const adminB = await createConfirmedUser(harness, 'admin@org-b.example.test', 'employer-admin');
  const organizationB = await createOrganization(harness, adminB, 'Organization B Books');
  const memberB = await createConfirmedUser(harness, 'member@org-b.example.test');
  await ownerQuery(
    `INSERT INTO app.organization_members (organization_id, user_id, role, given_name, family_name, email)
     VALUES ($1, $2, 'member', 'Lee', 'Member', 'member@org-b.example.test')`,
    [organizationB, memberB],
  );
  const districtAdminB = await createConfirmedUser(harness, 'admin@district-b.example.test', 'district-admin');
  await ownerQuery(`INSERT INTO app.district_members (district_id, user_id, role) VALUES ($1, $2, 'admin')`, [
    districtB,
    districtAdminB,
  ]);
  const studentB = await signUpStudent(harness, {
    email: 'student@elsewhere.example.test',
    givenName: 'Dmitri',
    familyName: 'Oyelaran',
    birthdate: '2008-08-08',
    schoolId,
    gradeLevel: '12',
  });

  tokens.set('student', studentB.accessToken);
  tokens.set('employer admin', (await signIn(harness, 'admin@org-b.example.test')).accessToken);
  tokens.set('employer member', (await signIn(harness, 'member@org-b.example.test')).accessToken);
  tokens.set('district admin', (await signIn(harness, 'admin@district-b.example.test')).accessToken);
  tokens.set('staff', staff.accessToken);
});
after(async () => harness?.close());

function privateMarkers(): string[] {
  return [
    a.privateListingId,
    a.privateListingTitle,
    a.applicationId,
    a.applicationMessage,
    a.studentSub,
    a.studentFamilyName,
    a.exportId,
    a.invitationId,
    'invitee@org-a.example.test',
    a.messageText,
    a.reportId,
    a.reportDetails,
  ];
}

describe('route sweep across organizations', () => {
  test('every route is swept or excluded with a reason', () => {
    const swept = harness.api.routeTable.filter((route) => !(`${route.method} ${route.url}` in notSwept));
    assert.ok(swept.length >= 15, `only ${swept.length} routes found`);
    for (const key of Object.keys(notSwept)) {
      assert.ok(
        harness.api.routeTable.some((route) => `${route.method} ${route.url}` === key),
        `${key} is excluded but not registered`,
      );
    }
  });

  for (const role of roles) {
    test(`${role} never reaches organization A's data`, async () => {
      const token = tokens.get(role);
      const routes = harness.api.routeTable.filter(
        (route) => !(`${route.method} ${route.url}` in notSwept) && !(role === 'staff' && staffTools(route)),
      );
      // Signing out everywhere ends this role's sessions, so it goes last.
      routes.sort(
        (x, y) => Number(x.url.includes('sign-out-everywhere')) - Number(y.url.includes('sign-out-everywhere')),
      );
      const failures: string[] = [];
      for (const route of routes) {
        const hasIds = route.url.includes(':');
        const url = pathWithIds(route.url) + (queryStrings[route.url] ?? '');
        const body = route.method === 'GET' ? undefined : sampleBody(route);
        const response = await harness.api.inject({
          method: route.method as 'GET' | 'POST',
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          ...(body === undefined ? {} : { payload: body as object }),
        });
        const label = `${route.method} ${route.url} → ${response.statusCode}`;

        const leaked = privateMarkers().filter((marker) => response.body.includes(marker));
        if (leaked.length > 0) failures.push(`${label} leaked ${leaked.join(', ')}`);

        const area = areaOf(route.url);
        const inArea = area === 'any' || area.includes(role);
        if (`${route.method} ${route.url}` in publicOfOrganizationA) {
          if (response.statusCode !== 200) failures.push(`${label}, expected 200`);
        } else if (!token && !route.public) {
          if (response.statusCode !== 401) failures.push(`${label}, expected 401`);
        } else if (hasIds && inArea) {
          if (response.statusCode !== 404) failures.push(`${label}, expected 404`);
        } else if (hasIds) {
          if (response.statusCode !== 403 && response.statusCode !== 404)
            failures.push(`${label}, expected 403 or 404`);
        } else if (response.statusCode >= 500 && response.json().error !== 'JobQueueUnavailable') {
          // The sweep's API runs without a job queue, so routes that start jobs return 503 by design.
          failures.push(`${label}, expected no server error`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  test('organization A still sees its own data', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/employer/listings`,
      headers: { authorization: `Bearer ${employerAToken}` },
    });
    assert.equal(response.statusCode, 200);
    assert.ok(response.body.includes(a.privateListingId));
  });

  test('development routes are absent in production', async () => {
    const { buildApi } = await import('../src/app.ts');
    const production = await buildApi({
      databaseUrl: harness.database.appUrl,
      tokenIssuer: 'http://localhost:0/us-east-2_ClockInLocal',
      region: 'us-east-2',
      userPoolId: 'us-east-2_ClockInLocal',
      clientId: 'clockin-web-local',
      development: false,
      clockToleranceSeconds: 30,
    });
    try {
      await production.ready();
      assert.equal(
        production.routeTable.some((route) => route.url.startsWith('/v1/dev/')),
        false,
      );
      const response = await production.inject({ method: 'GET', url: '/v1/dev/mailbox' });
      assert.equal(response.statusCode, 404);
    } finally {
      await production.close();
    }
  });
});
