import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

let harness: Harness;
let employer: SignedIn;
let staff: SignedIn;
let fifteen: SignedIn;
let sixteen: SignedIn;
const listings: Record<string, string> = {};

const auth = (user: SignedIn) => ({ authorization: `Bearer ${user.accessToken}` });

/** Returns a birthdate that makes someone `years` old for at least the next few weeks. */
function birthdateForAge(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 60);
  return date.toISOString().slice(0, 10);
}

const monday = (start: string, end: string) => ({ day: 1, start, end, breakMinutes: 0 });

function listing(title: string, extra: Record<string, unknown>) {
  return {
    title,
    description: 'Help the team on the schedule below; training on the first shift.',
    payMinCents: 1300,
    payMaxCents: null,
    payUnit: 'hour',
    addressLine: '20 E Broad St',
    city: 'Columbus',
    zip: '43215',
    schedule: [monday('16:00', '19:00')],
    ...extra,
  };
}

async function publish(title: string, extra: Record<string, unknown>): Promise<string> {
  const created = await harness.api.inject({
    method: 'POST',
    url: '/v1/employer/listings',
    headers: auth(employer),
    payload: listing(title, extra),
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const approved = await harness.api.inject({
    method: 'POST',
    url: `/v1/staff/listing-reviews/${id}`,
    headers: auth(staff),
    payload: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200);
  return id;
}

before(async () => {
  harness = await startHarness();
  const schoolId = await someSchoolId(harness);
  const employerSub = await createConfirmedUser(harness, 'owner@labor.example.test', 'employer-admin');
  await createOrganization(harness, employerSub, 'Labor Test Diner');
  employer = await signIn(harness, 'owner@labor.example.test');
  await createConfirmedUser(harness, 'reviewer@labor.example.test', 'staff');
  staff = await signIn(harness, 'reviewer@labor.example.test');
  fifteen = await signUpStudent(harness, {
    email: 'fifteen@labor.example.test',
    givenName: 'Wren',
    familyName: 'Halvorsen',
    birthdate: birthdateForAge(15),
    schoolId,
    gradeLevel: '9',
  });
  sixteen = await signUpStudent(harness, {
    email: 'sixteen@labor.example.test',
    givenName: 'Soren',
    familyName: 'Achterberg',
    birthdate: birthdateForAge(16),
    schoolId,
    gradeLevel: '10',
  });

  listings.evening = await publish('Early evening host', {});
  // Ends after 9 pm: past the latest end for 15-year-olds in every season.
  listings.late = await publish('Late closer', { schedule: [monday('17:00', '22:00')] });
  listings.mixed = await publish('Mixed shifts', {
    schedule: [monday('16:00', '19:00'), { day: 2, start: '17:00', end: '22:00', breakMinutes: 0 }],
  });
  listings.slicer = await publish('Deli slicer', { duties: ['meat-slicer'] });
  listings.adults = await publish('Adults only', { minimumAge: 18 });
});
after(async () => harness?.close());

describe('labor law on listings', () => {
  test('saved listing stores the age bands', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/employer/listings', headers: auth(employer) });
    const late = response.json().listings.find((entry: { id: string }) => entry.id === listings.late);
    assert.deepEqual(late.laborSummary.schoolYear.allowedBands, ['16–17', '18+']);
    assert.deepEqual(late.laborSummary.summer.allowedBands, ['16–17', '18+']);
  });

  test('schedule check warns the editor', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/labor/schedule-check',
      payload: { schedule: [monday('17:00', '21:00')], duties: ['cashier'] },
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().summary.schoolYear.allowedBands, ['16–17', '18+']);
    assert.match(response.json().warnings[0], /^During the school year, 15-year-olds cannot work any shift/);
  });

  test('unknown duty answers ValidationError', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: auth(employer),
      payload: listing('Bad duty', { duties: ['juggling'] }),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.equal(response.json().field, 'duties.0');
  });

  test('overlapping shifts answer ValidationError', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: auth(employer),
      payload: listing('Overlap', { schedule: [monday('16:00', '19:00'), monday('18:00', '20:00')] }),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, 'ValidationError');
    assert.match(response.json().field, /^schedule/);
  });

  test('past start date is refused', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: '/v1/employer/listings',
      headers: auth(employer),
      payload: listing('Yesterday', { startsOn: '2020-01-06' }),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, 'startsOn');
  });

  test('anonymous visitors get the table for each band', async () => {
    const response = await harness.api.inject({ method: 'GET', url: `/v1/listings/${listings.late}` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().forYou, null);
    const bands = response
      .json()
      .laborSummary.schoolYear.bands.map((band: { band: string; verdict: string }) => [band.band, band.verdict]);
    assert.deepEqual(bands, [
      ['15', 'none'],
      ['16–17', 'all'],
      ['18+', 'all'],
    ]);
  });

  test('a 15-year-old sees why they cannot work it', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/listings/${listings.late}`,
      headers: auth(fifteen),
    });
    const forYou = response.json().forYou;
    assert.equal(forYou.age, 15);
    assert.equal(forYou.canApply, false);
    assert.match(forYou.blockers[0], /past/);
    assert.equal(forYou.workPermit.needed, true);
    assert.ok(forYou.limits.some((limit: { rule: string }) => limit.rule === 'rest-period'));
  });

  test('blocked apply answers LaborLawForbids', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listings.late}/applications`,
      headers: auth(fifteen),
      payload: { message: 'I can close the shop on Mondays.' },
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error, 'LaborLawForbids');
  });

  test('prohibited duty blocks a 16-year-old', async () => {
    const response = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listings.slicer}/applications`,
      headers: auth(sixteen),
      payload: { message: 'I would like to work at the deli.' },
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error, 'LaborLawForbids');
  });

  test('employer minimum age blocks a 16-year-old', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/listings/${listings.adults}`,
      headers: auth(sixteen),
    });
    assert.deepEqual(response.json().forYou.blockers, ['The employer hires from age 18.']);
  });

  test('employer sees the shifts the applicant may work', async () => {
    const applied = await harness.api.inject({
      method: 'POST',
      url: `/v1/listings/${listings.mixed}/applications`,
      headers: auth(fifteen),
      payload: { message: 'Monday afternoons suit me well.' },
    });
    assert.equal(applied.statusCode, 201, applied.body);
    const response = await harness.api.inject({
      method: 'GET',
      url: `/v1/employer/listings/${listings.mixed}/applicants`,
      headers: auth(employer),
    });
    const [applicant] = response.json().applicants;
    assert.deepEqual(applicant.legalShifts, [monday('16:00', '19:00')]);
    assert.equal(applicant.ageBand, '15');
    assert.equal('age' in applicant, false);
  });

  test('workable filter leaves out jobs a 15-year-old cannot work', async () => {
    const response = await harness.api.inject({
      method: 'GET',
      url: '/v1/listings?workable=true&limit=50',
      headers: auth(fifteen),
    });
    assert.equal(response.statusCode, 200);
    const ids = response.json().listings.map((entry: { id: string }) => entry.id);
    assert.ok(ids.includes(listings.evening));
    assert.ok(ids.includes(listings.mixed));
    assert.equal(ids.includes(listings.late), false);
    assert.equal(ids.includes(listings.slicer), false);
    assert.equal(ids.includes(listings.adults), false);
  });

  test('only students filter by what they can work', async () => {
    const response = await harness.api.inject({ method: 'GET', url: '/v1/listings?workable=true' });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, 'Forbidden');
  });
});
