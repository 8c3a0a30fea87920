import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, districtAdmin, ownerQuery, startPartnership } from './district-fixtures.ts';
import {
  createConfirmedUser,
  createOrganization,
  signIn,
  signUpStudent,
  startHarness,
  type Harness,
  type SignedIn,
} from './harness.ts';

// Student S applied to organization A's listing and goes to a school of district D, a ClockIn
// partner. No student profile is public: every GET route of the API is read as people who have
// no business with S, and no response may contain S's name, email address, birthdate or words.
// Then S, A's employer (limited view), D's administrator and staff read what they should. The
// routes come from the API's route table, so a GET route added later is swept too.

type Outsider = 'anonymous' | 'another student' | 'employer of organization B' | 'administrator of district E';
const outsiders: Outsider[] = [
  'anonymous',
  'another student',
  'employer of organization B',
  'administrator of district E',
];

let harness: Harness;
const tokens = new Map<Outsider, string>();
let studentS: SignedIn;
let employerA: SignedIn;
let administratorD: SignedIn;
let staff: SignedIn;

/** Returns a birthdate that makes S 16 today, a few days clear of a birthday. */
function sixteenYearsAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - 16, now.getUTCMonth(), now.getUTCDate() - 9))
    .toISOString()
    .slice(0, 10);
}

const s = {
  email: 'anneliese.vandersloot@profiles.example.test',
  givenName: 'Anneliese',
  familyName: 'Vandersloot-Okafor',
  birthdate: sixteenYearsAgo(),
  applicationMessage: 'I shelve books at the Linden branch library every Thursday after school.',
  messageText: 'Would the Saturday shift start at nine or at ten?',
  reportDetails: 'The listing asks for a cash deposit before the first shift.',
};
const ids = {
  organizationA: '',
  listingA: '',
  applicationId: '',
  messageId: '',
  studentReportId: '',
  employerReportId: '',
  districtD: '',
  exportD: '',
};

/** GET routes that carry no student data at all, each with the reason. */
const notSwept: Record<string, string> = {
  '/health': 'no data',
  '/v1/openapi.json': 'the public API description',
  '/v1/dev/mailbox': 'development only; the route sweep shows it is absent in production',
};

/** Query strings that make a route search for S where it can search. */
function queryFor(url: string): string {
  const queries: Record<string, string> = {
    '/v1/schools': '?query=high',
    '/v1/district/students': `?search=${encodeURIComponent(s.familyName)}`,
    '/v1/employer/applications': `?listingId=${ids.listingA}`,
    '/v1/listings': `?q=${encodeURIComponent(s.familyName)}`,
  };
  return queries[url] ?? '';
}

/** Fills every parameter of a route path with S's ids, or those of A and D. */
function pathWithIds(url: string): string {
  const values: Record<string, string> = {
    applicationId: ids.applicationId,
    listingId: ids.listingA,
    organizationId: ids.organizationA,
    studentId: studentS.sub,
    userId: studentS.sub,
    districtId: ids.districtD,
    exportId: ids.exportD,
    reportId: ids.studentReportId,
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`The sweep has no id of S for :${name}; add one.`);
    return value;
  });
}

/** Everything that would identify S or repeat her words. */
function markersOfS(): string[] {
  return [s.givenName, s.familyName, s.email, s.birthdate, s.applicationMessage, s.messageText, s.reportDetails];
}

function leakedMarkers(body: string, markers = markersOfS()): string[] {
  const text = body.toLowerCase();
  return markers.filter((marker) => text.includes(marker.toLowerCase()));
}

function get(user: SignedIn | null, url: string): Promise<LightMyRequestResponse> {
  return harness.api.inject({ method: 'GET', url, headers: user ? bearer(user) : {} });
}

async function post(user: SignedIn, url: string, payload?: object): Promise<LightMyRequestResponse> {
  const response = await harness.api.inject({ method: 'POST', url, headers: bearer(user), payload });
  assert.ok(response.statusCode < 300, `POST ${url} answered ${response.statusCode}: ${response.body}`);
  return response;
}

before(async () => {
  harness = await startHarness({ apiSendsEmail: true });
  const districts = await ownerQuery(
    harness,
    `SELECT DISTINCT ON (district_id) id AS school_id, district_id FROM app.schools
     WHERE district_id IS NOT NULL AND name ILIKE '%high%' ORDER BY district_id, id LIMIT 2`,
  );
  const [schoolD, schoolE] = districts.rows as { school_id: string; district_id: string }[];
  assert.ok(schoolD, 'the reference data has a district with a high school');
  assert.ok(schoolE, 'the reference data has a second district with a high school');
  ids.districtD = schoolD.district_id;
  await startPartnership(harness, schoolD.district_id);
  await startPartnership(harness, schoolE.district_id);

  await createConfirmedUser(harness, 'staff@profiles.example.test', 'staff');
  staff = await signIn(harness, 'staff@profiles.example.test');
  const adminA = await createConfirmedUser(harness, 'admin@org-a.profiles.example.test', 'employer-admin');
  ids.organizationA = await createOrganization(harness, adminA, 'Linden Books');
  employerA = await signIn(harness, 'admin@org-a.profiles.example.test');
  const listing = await post(employerA, '/v1/employer/listings', {
    title: 'Bookshop shelving helper',
    description: 'Shelve new books and tidy the reading corner on Saturday mornings.',
    payMinCents: 1250,
    payMaxCents: null,
    payUnit: 'hour',
    addressLine: '50 W Broad St',
    city: 'Columbus',
    zip: '43215',
    schedule: [{ day: 6, start: '09:00', end: '13:00', breakMinutes: 0 }],
  });
  ids.listingA = listing.json().id as string;
  await post(staff, `/v1/staff/listing-reviews/${ids.listingA}`, { decision: 'approve' });

  studentS = await signUpStudent(harness, {
    email: s.email,
    givenName: s.givenName,
    familyName: s.familyName,
    birthdate: s.birthdate,
    schoolId: schoolD.school_id,
    gradeLevel: '11',
  });
  const applied = await post(studentS, `/v1/listings/${ids.listingA}/applications`, { message: s.applicationMessage });
  ids.applicationId = applied.json().id as string;
  const message = await post(studentS, `/v1/applications/${ids.applicationId}/messages`, { text: s.messageText });
  ids.messageId = message.json().id as string;
  const studentReport = await post(studentS, '/v1/reports', {
    targetType: 'listing',
    targetId: ids.listingA,
    category: 'scam_or_fee',
    details: s.reportDetails,
  });
  ids.studentReportId = studentReport.json().id as string;
  const employerReport = await post(employerA, '/v1/reports', {
    targetType: 'message',
    targetId: ids.messageId,
    category: 'other',
  });
  ids.employerReportId = employerReport.json().id as string;
  const exported = await ownerQuery(
    harness,
    `INSERT INTO app.district_exports (district_id, requested_by, format) VALUES ($1, gen_random_uuid(), 'json') RETURNING id`,
    [ids.districtD],
  );
  ids.exportD = exported.rows[0].id as string;
  administratorD = await districtAdmin(harness, 'admin@district-d.profiles.example.test', schoolD.district_id);

  // The outsiders: a student of the same school, organization B's admin, district E's administrator.
  const other = await signUpStudent(harness, {
    email: 'bartholomew.ng@profiles.example.test',
    givenName: 'Bartholomew',
    familyName: 'Ng',
    birthdate: '2008-10-10',
    schoolId: schoolD.school_id,
    gradeLevel: '12',
  });
  tokens.set('another student', other.accessToken);
  const adminB = await createConfirmedUser(harness, 'admin@org-b.profiles.example.test', 'employer-admin');
  await createOrganization(harness, adminB, 'Hilltop Hardware');
  tokens.set('employer of organization B', (await signIn(harness, 'admin@org-b.profiles.example.test')).accessToken);
  const administratorE = await districtAdmin(harness, 'admin@district-e.profiles.example.test', schoolE.district_id);
  tokens.set('administrator of district E', administratorE.accessToken);
});
after(async () => harness?.close());

describe('student profiles are not public', () => {
  test('sweep covers every GET route', () => {
    const routes = harness.api.routeTable.filter((route) => route.method === 'GET');
    const swept = routes.filter((route) => !(route.url in notSwept));
    assert.ok(swept.length >= 30, `only ${swept.length} GET routes found`);
    for (const url of Object.keys(notSwept)) {
      assert.ok(
        routes.some((route) => route.url === url),
        `${url} is excluded but not registered`,
      );
    }
  });

  for (const outsider of outsiders) {
    test(`${outsider} never sees the student`, async () => {
      const token = tokens.get(outsider);
      const routes = harness.api.routeTable.filter((route) => route.method === 'GET' && !(route.url in notSwept));
      const failures: string[] = [];
      for (const route of routes) {
        const response = await harness.api.inject({
          method: 'GET',
          url: pathWithIds(route.url) + queryFor(route.url),
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const leaked = leakedMarkers(response.body);
        if (leaked.length > 0) failures.push(`GET ${route.url} → ${response.statusCode} showed ${leaked.join(', ')}`);
        if (!token && !route.public && response.statusCode !== 401) {
          failures.push(`GET ${route.url} → ${response.statusCode}, expected 401`);
        }
        if (route.url.includes(':') && response.statusCode === 200 && !route.public) {
          failures.push(`GET ${route.url} → 200 for S's id`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  test('student sees her own profile', async () => {
    const profile = await get(studentS, '/v1/students/me');
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().givenName, s.givenName);
    assert.equal(profile.json().familyName, s.familyName);
    assert.equal(profile.json().email, s.email);

    const application = await get(studentS, `/v1/students/me/applications/${ids.applicationId}`);
    assert.equal(application.statusCode, 200);
    assert.equal(application.json().message, s.applicationMessage);
  });

  test('employer A gets the limited view', async () => {
    const application = await get(employerA, `/v1/employer/applications/${ids.applicationId}`);
    assert.equal(application.statusCode, 200);
    assert.equal(application.json().name, `${s.givenName} ${s.familyName}`);
    assert.equal(application.json().ageBand, '16–17');
    assert.equal(application.json().message, s.applicationMessage);
    assert.equal(application.json().contactEmail, undefined);
    assert.deepEqual(leakedMarkers(application.body, [s.email, s.birthdate, s.reportDetails]), []);

    const applicants = await get(employerA, `/v1/employer/listings/${ids.listingA}/applicants`);
    assert.equal(applicants.statusCode, 200);
    assert.deepEqual(leakedMarkers(applicants.body, [s.givenName, s.familyName]), [s.givenName, s.familyName]);
    assert.deepEqual(leakedMarkers(applicants.body, [s.email, s.birthdate, s.reportDetails]), []);
  });

  test('partner district D sees its student', async () => {
    const list = await get(administratorD, `/v1/district/students?search=${encodeURIComponent(s.familyName)}`);
    assert.equal(list.statusCode, 200);
    const students = list.json().students as { userId: string; givenName: string; familyName: string }[];
    assert.deepEqual(
      students.map((student) => [student.userId, student.givenName, student.familyName]),
      [[studentS.sub, s.givenName, s.familyName]],
    );
    const detail = await get(administratorD, `/v1/district/students/${studentS.sub}`);
    assert.equal(detail.statusCode, 200);
    for (const response of [list, detail]) {
      assert.deepEqual(leakedMarkers(response.body, [s.email, s.birthdate, s.applicationMessage, s.messageText]), []);
    }
  });

  test('staff see reports by and about her', async () => {
    const byStudent = await get(staff, `/v1/staff/reports/${ids.studentReportId}`);
    assert.equal(byStudent.statusCode, 200);
    assert.equal(byStudent.json().report.details, s.reportDetails);
    assert.equal(byStudent.json().report.reporterRole, 'student');

    const aboutMessage = await get(staff, `/v1/staff/reports/${ids.employerReportId}`);
    assert.equal(aboutMessage.statusCode, 200);
    assert.equal(aboutMessage.json().report.messageBody, s.messageText);
    assert.equal(aboutMessage.json().report.messageSenderRole, 'student');
  });
});
