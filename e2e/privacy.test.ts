import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { scanDatabaseFor } from '@clockin/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import {
  emailedCode,
  freshTotpCode,
  signIn,
  signUpStudent,
  startBrowserHarness,
  totpTimeStep,
  type BrowserHarness,
} from './harness.ts';

// A student with recognisable personal data goes through the whole journey: sign-up in the
// demo partner district, an application, a message, contact sharing, a district export that
// includes her, her own data file, and then deletion in the browser. Once the purge has run,
// neither the database nor any log line of the API, identity service or workers may contain her
// name, email address, birthdate or message. Last, staff carry out an overdue request received
// by email.

let harness: BrowserHarness;
/** The TOTP time step when the stack was ready. The demo seeder used codes up to this step. */
let stepAtStart: number;
let studentContext: BrowserContext;
/** The same student signed in on a second device, which deletion must sign out too. */
let otherDevice: BrowserContext;
let student: Page;
let employer: Page;
let district: Page;
let applicationPath = '';

const demoPassword = 'Riverbend-Lantern-42!';
const listingTitle = 'Grocery bagger (demo)';
const employerName = 'Buckeye Corner Market (demo)';
const districtSchool = 'Whetstone High School';

/** Returns a birthdate that makes the student 16 today, a few days clear of a birthday. */
function sixteenYearsAgo(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear() - 16, now.getUTCMonth(), now.getUTCDate() - 12));
  return date.toISOString().slice(0, 10);
}

function daysAgoInUtc(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const person = {
  email: 'zephyrine.quackenbush@example.test',
  password: 'Quince-Lantern-64!',
  givenName: 'Zephyrine',
  familyName: 'Quackenbush',
  birthdate: sixteenYearsAgo(),
};
/** The account holder of the deletion request that staff carry out. */
const holder = {
  email: 'ottoline.fairweather@example.test',
  password: 'Thistle-Anchor-39!',
  givenName: 'Ottoline',
  familyName: 'Fairweather',
  birthdate: '2008-04-04',
};
const applicationText = 'Zephyrine would love to bag groceries on Saturday mornings near Whetstone.';
const messageText = 'Could I bring my marmalade-coloured kumquat apron to the first shift?';

const url = (path: string) => `${harness.stack.urls.web}${path}`;
const mainText = (page: Page) => page.locator('main').innerText();

/** The TOTP time step each demo account last used, since the identity service accepts each code once. */
const usedSteps = new Map<string, number>();

async function signInWithTotp(context: BrowserContext, email: string): Promise<Page> {
  const secret = harness.stack.demo?.accounts.find((account) => account.email === email)?.totpSecret;
  assert.ok(secret, `the demo account ${email} has a TOTP secret`);
  const page = await signIn(harness, context, email, demoPassword);
  await page.waitForURL(/\/sign-in\/mfa$/);
  const fresh = await freshTotpCode(secret, usedSteps.get(email) ?? stepAtStart);
  usedSteps.set(email, fresh.timeStep);
  await page.getByLabel('Authentication code').fill(fresh.code);
  await page.getByRole('button', { name: 'Verify code' }).click();
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return page;
}

async function signUpInDistrict(): Promise<void> {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.goto(url('/sign-up'));
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Given name').fill(person.givenName);
  await page.getByLabel('Family name').fill(person.familyName);
  await page.getByLabel('Birthdate').fill(person.birthdate);
  await page.getByRole('combobox', { name: 'School' }).fill(districtSchool);
  await page.getByRole('listbox', { name: 'Matching schools' }).getByRole('option', { name: districtSchool }).click();
  await page.getByLabel('Grade level').selectOption('11');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/confirm/);
  await page.getByLabel('Confirmation code').fill(await emailedCode(harness, person.email));
  await page.getByRole('button', { name: 'Confirm email' }).click();
  await page.waitForURL(/\/sign-in/);
  await context.close();
}

async function signedInContext(email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ acceptDownloads: true });
  const page = await signIn(harness, context, email, password);
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return { context, page };
}

/** Clicks a download link and returns the saved file's text. */
async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await file.path();
  assert.ok(saved, 'the browser saved the download');
  return readFile(saved, 'utf8');
}

/** Polls until no table contains the email address any more, for at most 30 seconds. */
async function waitForPurge(email: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const hits = await scanDatabaseFor(harness.adminUrl, [email]);
    if (hits.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`The purge did not run within 30 seconds; still found in ${JSON.stringify(hits)}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

before(async () => {
  harness = await startBrowserHarness();
  stepAtStart = totpTimeStep();
  await signUpInDistrict();
  ({ context: studentContext, page: student } = await signedInContext(person.email, person.password));
  ({ context: otherDevice } = await signedInContext(person.email, person.password));
});
after(async () => harness?.close());

describe('privacy lifecycle in the browser', () => {
  test('student applies and writes a message', async () => {
    await student.goto(url('/jobs'));
    await student.getByRole('link', { name: listingTitle }).click();
    await student.getByLabel('Message').fill(applicationText);
    await student.getByRole('button', { name: 'Apply' }).click();
    await student.getByText('Your application was sent.').waitFor();

    await student.goto(url('/applications'));
    await student.getByRole('link', { name: listingTitle }).click();
    await student.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    applicationPath = new URL(student.url()).pathname;

    await student.getByRole('link', { name: `Messages with ${employerName}` }).click();
    await student.getByLabel('Your message').fill(messageText);
    await student.getByRole('button', { name: 'Send message' }).click();
    await student.getByText(messageText).waitFor();
  });

  test('student shares contact after the request', async () => {
    const employerContext = await harness.browser.newContext();
    employer = await signInWithTotp(employerContext, 'admin@demo.clockin.test');
    await employer.goto(url(applicationPath));
    await employer.getByRole('heading', { name: `${person.givenName} ${person.familyName}` }).waitFor();
    await employer.getByRole('button', { name: 'Shortlist' }).click();
    await employer.getByRole('button', { name: 'Ask for contact details' }).click();
    await employer.getByText('You asked for contact details. The student has not answered yet.').waitFor();

    await student.goto(url(applicationPath));
    await student.getByRole('button', { name: 'Share my contact details' }).click();
    await student.getByRole('button', { name: 'Stop sharing' }).waitFor();

    await employer.goto(url(applicationPath));
    await employer.getByText(person.email).waitFor();
  });

  test('district export includes the student', async () => {
    const districtContext = await harness.browser.newContext({ acceptDownloads: true });
    district = await signInWithTotp(districtContext, 'district@demo.clockin.test');
    await district.goto(url('/district/exports'));
    await district.getByLabel('JSON (other systems)').check();
    await district.getByRole('button', { name: 'Start export' }).click();
    await district.getByRole('status').filter({ hasText: 'Your JSON export has started' }).waitFor();
    const link = district.getByRole('link', { name: /^Download JSON/ }).first();
    await link.waitFor({ timeout: 30_000 });
    const exported = JSON.parse(await download(district, link)) as { students: { familyName: string }[] };
    assert.equal(exported.students.filter((entry) => entry.familyName === person.familyName).length, 1);
  });

  test('student downloads their data', async () => {
    await student.goto(url('/account'));
    const section = student.getByRole('region', { name: 'Download my data' });
    await section.getByRole('button', { name: 'Prepare my data file' }).click();
    await section.getByRole('status').filter({ hasText: 'We are building your file.' }).waitFor();
    // The panel polls the web app's own route for progress until the link appears.
    const link = section.getByRole('link', { name: /^Download JSON file/ });
    await link.waitFor({ timeout: 30_000 });
    assert.match(await section.innerText(), /The link works until /);

    const file = JSON.parse(await download(student, link)) as {
      profile: { givenName: string; familyName: string; email: string; birthdate: string };
      applications: { listing: string; sharingContactNow: boolean }[];
      messages: { body: string }[];
    };
    assert.equal(file.profile.givenName, person.givenName);
    assert.equal(file.profile.familyName, person.familyName);
    assert.equal(file.profile.email, person.email);
    assert.deepEqual(
      file.applications.map((application) => [application.listing, application.sharingContactNow]),
      [[listingTitle, true]],
    );
    assert.deepEqual(
      file.messages.map((message) => message.body),
      [messageText],
    );
  });

  test('student deletes the account', async () => {
    await student.goto(url('/account'));
    await student.getByRole('link', { name: /^Delete my account/ }).click();
    await student.waitForURL(/\/account\/delete$/);
    await student.getByRole('heading', { name: 'What happens at once' }).waitFor();
    // A student without two-step sign-in is asked for the password only.
    assert.equal(await student.getByLabel('Authentication code').count(), 0);

    const form = student.getByRole('form', { name: 'Delete my account' });
    await form.getByLabel('Password').fill('Not-Her-Password-1!');
    await form.getByLabel('I understand that deleting my account cannot be undone').check();
    await form.getByRole('button', { name: 'Delete my account' }).click();
    await student.locator('#deletion-password-error').filter({ hasText: 'That password is not correct.' }).waitFor();
    assert.equal(await form.getByLabel('Password').getAttribute('aria-invalid'), 'true');

    await form.getByLabel('Password').fill(person.password);
    await form.getByRole('button', { name: 'Delete my account' }).click();
    await student.waitForURL(/\/account\/delete\/done/);
    await student.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    const cookies = (await studentContext.cookies()).map((cookie) => cookie.name);
    assert.equal(cookies.includes('clockin_session'), false);
    assert.equal(cookies.includes('clockin_refresh'), false);
  });

  test('every session ends and she disappears', async () => {
    for (const context of [studentContext, otherDevice]) {
      const page = await context.newPage();
      await page.goto(url('/account'));
      assert.equal(new URL(page.url()).pathname, '/sign-in');
    }

    const again = await signIn(harness, otherDevice, person.email, person.password);
    await again.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    assert.equal(new URL(again.url()).pathname, '/sign-in');

    await employer.goto(url(applicationPath));
    await employer.getByRole('heading', { name: 'Page not found' }).waitFor();
    await employer.goto(url('/messages'));
    assert.equal((await mainText(employer)).includes(person.familyName), false);

    await district.goto(url(`/district/students?search=${person.familyName}`));
    await district.getByText(`No students match “${person.familyName}”.`).waitFor();
  });

  test('staff carry out an overdue request', async () => {
    await signUpStudent(harness, holder);
    const staffContext = await harness.browser.newContext();
    const staff = await signInWithTotp(staffContext, 'staff@demo.clockin.test');
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deletion requests' }).click();
    await staff.waitForURL(/\/staff\/deletion-requests$/);

    const receivedOn = daysAgoInUtc(40);
    await staff.getByLabel('Email address of the requester').fill(holder.email);
    await staff.getByLabel('Date received').fill(receivedOn);
    await staff.getByLabel('Note (optional)').fill('Confirmed from the address on the account.');
    await staff.getByRole('button', { name: 'Record request' }).click();
    await staff.getByRole('status').filter({ hasText: 'The request is recorded.' }).waitFor();

    const row = staff.getByRole('row').filter({ hasText: holder.email });
    await row.getByText('Overdue', { exact: true }).waitFor();
    assert.match(await row.innerText(), /Overdue by 10 days/);
    assert.equal(await row.locator('.field-error').count(), 1);
    await staff.getByText('1 request is overdue.').waitFor();

    await row.getByRole('button', { name: /^Carry out/ }).click();
    await staff.getByText(`Delete the account of ${holder.email} now?`).waitFor();
    await staff.getByRole('button', { name: 'Yes, delete the account' }).click();
    await staff.getByText('The account is deleted.', { exact: false }).waitFor();

    await staff.reload();
    const done = staff.getByRole('row').filter({ hasText: 'Erased after completion' });
    await done.getByText(/^Carried out/).waitFor();
    assert.equal((await mainText(staff)).includes(holder.email), false);

    const attempt = await signIn(harness, staffContext, holder.email, holder.password);
    await attempt.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    await staffContext.close();
  });

  test('purge leaves no trace in data or logs', async () => {
    await waitForPurge(person.email);
    await waitForPurge(holder.email);
    const personal = [person, holder].flatMap((account) => [
      account.givenName,
      account.familyName,
      account.email,
      account.birthdate,
    ]);
    assert.deepEqual(await scanDatabaseFor(harness.adminUrl, personal), []);
    assert.deepEqual(await harness.stack.mailbox.list(person.email), []);
    assert.deepEqual(await harness.stack.mailbox.list(holder.email), []);

    // The worker's own lines are collected too: each purge reports itself once, by user id only.
    const purgeLines = harness.logs.filter((line) => line.includes('"action":"account.purged"'));
    assert.equal(purgeLines.length, 2);
    const logText = harness.logs.join('\n').toLowerCase();
    assert.ok(harness.logs.length > 100, `only ${harness.logs.length} log lines were collected`);
    for (const value of [...personal, applicationText, messageText]) {
      assert.equal(logText.includes(value.toLowerCase()), false, `a log line contains "${value}"`);
    }
  });
});
