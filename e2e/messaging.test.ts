import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  freshTotpCode,
  signIn,
  signUpStudent,
  startBrowserHarness,
  totpTimeStep,
  type BrowserHarness,
} from './harness.ts';

// A student applies to a demo listing and writes to the employer with a phone number, which
// shows masked on both sides. The employer requests contact details, the student shares them
// and then stops sharing, and the email appears and disappears on the employer's page. Last, a
// report from the student reaches the staff queue.

let harness: BrowserHarness;
/** The TOTP time step when the stack was ready. The demo seeder used codes up to this step. */
let stepAtStart: number;
let studentContext: BrowserContext;
let employerContext: BrowserContext;
let student: Page;
let employer: Page;
let applicationPath = '';

const demoPassword = 'Riverbend-Lantern-42!';
const listingTitle = 'Grocery bagger (demo)';
const employerName = 'Buckeye Corner Market (demo)';
const phoneNumber = '614 555 0199';

/** Returns a birthdate that makes the student 16 today, a few days clear of a birthday. */
function sixteenYearsAgo(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear() - 16, now.getUTCMonth(), now.getUTCDate() - 10));
  return date.toISOString().slice(0, 10);
}

const account = {
  email: 'marisol.tanaka@example.test',
  password: 'Saffron-Harbor-27!',
  givenName: 'Marisol',
  familyName: 'Tanaka',
  birthdate: sixteenYearsAgo(),
};

before(async () => {
  harness = await startBrowserHarness();
  stepAtStart = totpTimeStep();
  await signUpStudent(harness, account);
  studentContext = await harness.browser.newContext();
  student = await signIn(harness, studentContext, account.email, account.password);
  await student.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  employerContext = await harness.browser.newContext();
  employer = await signIn(harness, employerContext, 'member@demo.clockin.test', demoPassword);
  await employer.waitForURL(/\/employer/);
});
after(async () => harness?.close());

const url = (path: string) => `${harness.stack.urls.web}${path}`;
const mainText = (page: Page) => page.locator('main').innerText();

describe('messaging and contact sharing in the browser', () => {
  test('student applies and opens the application', async () => {
    await student.goto(url('/jobs'));
    await student.getByRole('link', { name: listingTitle }).click();
    await student.getByLabel('Message').fill('I bag groceries at my church food drive every month.');
    await student.getByRole('button', { name: 'Apply' }).click();
    await student.getByText('Your application was sent.').waitFor();

    await student.goto(url('/applications'));
    await student.getByRole('link', { name: listingTitle }).click();
    await student.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationPath = new URL(student.url()).pathname;
    await student.getByRole('heading', { name: listingTitle }).waitFor();
  });

  test('phone number in a message shows masked', async () => {
    await student.getByRole('link', { name: `Messages with ${employerName}` }).click();
    await student.getByLabel('Your message').fill(`Hi! You can call me at ${phoneNumber} after school.`);
    await student.getByRole('button', { name: 'Send message' }).click();
    await student.getByText('You can call me at [phone number hidden] after school.').waitFor();
    assert.equal((await mainText(student)).includes(phoneNumber), false);

    const threadPath = applicationPath.replace('/applications/', '/messages/');
    await employer.goto(url(threadPath));
    await employer.getByText('You can call me at [phone number hidden] after school.').waitFor();
    assert.equal((await mainText(employer)).includes(phoneNumber), false);
  });

  test('employer asks for contact details', async () => {
    await employer.goto(url(applicationPath));
    await employer.getByRole('heading', { name: `${account.givenName} ${account.familyName}` }).waitFor();
    assert.equal((await mainText(employer)).includes(account.email), false);
    await employer.getByRole('button', { name: 'Shortlist' }).click();
    await employer.getByRole('button', { name: 'Ask for contact details' }).click();
    await employer.getByText('You asked for contact details. The student has not answered yet.').waitFor();
  });

  test('student shares and the employer sees the email', async () => {
    await student.goto(url(applicationPath));
    await student.getByRole('button', { name: 'Share my contact details' }).click();
    await student.getByRole('button', { name: 'Stop sharing' }).waitFor();

    await employer.goto(url(applicationPath));
    await employer.getByText(account.email).waitFor();
  });

  test('stopping sharing hides the email again', async () => {
    await student.getByRole('button', { name: 'Stop sharing' }).click();
    await student.getByText('not your email address or phone number').waitFor();

    await employer.goto(url(applicationPath));
    await employer.getByText('Contact details appear here only if the student accepts').waitFor();
    assert.equal((await mainText(employer)).includes(account.email), false);
  });

  test('report reaches the staff queue', async () => {
    await student.goto(url(applicationPath));
    const report = student.locator('details', { hasText: 'Report this employer' });
    await report.locator('summary').click();
    await report.getByLabel('Asked me to meet alone or to move the chat off ClockIn').check();
    await report.getByLabel('Details (optional)').fill('They asked me to text them on another app.');
    await report.getByRole('button', { name: 'Send report' }).click();
    await student.getByText('ClockIn staff will review your report within 24 hours').waitFor();

    const secret = harness.stack.demo?.accounts.find((entry) => entry.email === 'staff@demo.clockin.test')?.totpSecret;
    assert.ok(secret, 'the demo staff account has a TOTP secret');
    const staffContext = await harness.browser.newContext();
    const staff = await signIn(harness, staffContext, 'staff@demo.clockin.test', demoPassword);
    await staff.waitForURL(/\/sign-in\/mfa$/);
    await staff.getByLabel('Authentication code').fill((await freshTotpCode(secret, stepAtStart)).code);
    await staff.getByRole('button', { name: 'Verify code' }).click();
    await staff.waitForURL((target) => !target.pathname.startsWith('/sign-in'));

    await staff.goto(url('/staff/reports'));
    const row = staff.getByRole('row').filter({ hasText: `employer: ${employerName}` });
    await row.waitFor();
    assert.match(await row.innerText(), /Asked me to meet alone or to move the chat off ClockIn/);
    assert.match(await row.innerText(), /(23 h \d+|24 h 0) min left/);

    await row.getByRole('link').click();
    await staff.getByText('They asked me to text them on another app.').waitFor();
    await staff.getByText('Report made').waitFor();
    await staffContext.close();
  });
});
