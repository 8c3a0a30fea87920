import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  emailedCode,
  freshTotpCode,
  signIn,
  startBrowserHarness,
  totpTimeStep,
  type BrowserHarness,
} from './harness.ts';

// A new employer from sign-up to a listing that students can find: the organization is
// registered with the labor-law duties confirmed, verified by staff, and its admin sets up MFA
// before submitting the listing that staff then approve.

let harness: BrowserHarness;
/** The TOTP time step when the stack was ready. The demo seeder used codes up to this step. */
let stepAtStart: number;
let staffContext: BrowserContext;
let staff: Page;

const demoPassword = 'Riverbend-Lantern-42!';
const employer = {
  email: 'hollis.ferreira@example.test',
  password: 'Copper-Kettle-64&',
  givenName: 'Hollis',
  familyName: 'Ferreira',
  birthdate: '1979-10-21',
};
const organizationName = 'Buckeye Bike Shop';
const listingTitle = 'Bike shop floor helper';

before(async () => {
  harness = await startBrowserHarness();
  stepAtStart = totpTimeStep();
});
after(async () => harness?.close());

const url = (path: string) => `${harness.stack.urls.web}${path}`;

interface EmployerPerson {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  birthdate: string;
}

/** Creates an employer account through the web app and confirms its email, then signs it in. */
async function signUpEmployer(context: BrowserContext, person: EmployerPerson): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('/sign-up'));
  await page.getByRole('link', { name: 'Create an employer account' }).click();
  await page.waitForURL(/\/employer\/register$/);
  await page.getByLabel('Work email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Given name').fill(person.givenName);
  await page.getByLabel('Family name').fill(person.familyName);
  await page.getByLabel('Birthdate').fill(person.birthdate);
  await page.getByRole('button', { name: 'Create employer account' }).click();
  await page.waitForURL(/\/confirm/);
  await page.getByLabel('Confirmation code').fill(await emailedCode(harness, person.email));
  await page.getByRole('button', { name: 'Confirm email' }).click();
  await page.waitForURL(/\/sign-in/);
  await page.close();
  return signIn(harness, context, person.email, person.password);
}

/** Signs the demo staff account in with its TOTP secret, once for the whole file. */
async function signInStaff(): Promise<Page> {
  const secret = harness.stack.demo?.accounts.find(
    (account) => account.email === 'staff@demo.clockin.test',
  )?.totpSecret;
  assert.ok(secret, 'the demo staff account has a TOTP secret');
  staffContext = await harness.browser.newContext();
  const page = await signIn(harness, staffContext, 'staff@demo.clockin.test', demoPassword);
  await page.waitForURL(/\/sign-in\/mfa$/);
  await page.getByLabel('Authentication code').fill((await freshTotpCode(secret, stepAtStart)).code);
  await page.getByRole('button', { name: 'Verify code' }).click();
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return page;
}

describe('employer onboarding in the browser', () => {
  let employerContext: BrowserContext;

  test('employer signs up and registers', async () => {
    employerContext = await harness.browser.newContext();
    const signedIn = await signUpEmployer(employerContext, employer);
    await signedIn.waitForURL(/\/employer\/register$/);
    await signedIn.getByLabel('Legal name').fill('Buckeye Bike Shop LLC');
    await signedIn.getByLabel('Trading name').fill(organizationName);
    await signedIn.getByLabel('Employer Identification Number (EIN)').fill('314567890');
    await signedIn.getByLabel('Industry').selectOption('Retail');
    await signedIn.getByLabel('Street address').fill('455 W 3rd Ave');
    await signedIn.getByLabel('City').fill('Columbus');
    await signedIn.getByLabel('ZIP code').fill('43201');
    await signedIn.getByLabel('Phone').fill('614-555-0177');

    // Without the duties acknowledgement the form names the checkbox and keeps what was typed.
    await signedIn.getByRole('button', { name: 'Register organization' }).click();
    await signedIn.getByText("Confirm the organization's duties under Ohio's minor labor law").first().waitFor();
    assert.equal(await signedIn.getByLabel('Trading name').inputValue(), organizationName);

    const statement = signedIn.getByRole('group', { name: 'Ohio minor labor law duties' });
    for (const duty of ['Hours', 'Breaks', 'Work permits', 'Posting', 'Records']) {
      await statement.getByText(`${duty}:`).waitFor();
    }
    await signedIn.getByLabel(/I confirm these duties/).check();
    await signedIn.getByRole('button', { name: 'Register organization' }).click();
    await signedIn.waitForURL(/\/employer\/register\/submitted$/);
    await signedIn.getByText('waits for ClockIn staff to verify it').waitFor();
  });

  test('employer sees pending status', async () => {
    // The registration signed the admin out: the next sign-in sets up MFA with the shown key.
    const page = await signIn(harness, employerContext, employer.email, employer.password);
    await page.waitForURL(/\/sign-in\/mfa-setup$/);
    const secret = ((await page.locator('code.secret').textContent()) ?? '').replaceAll(' ', '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    await page.getByLabel('Authentication code').fill((await freshTotpCode(secret)).code);
    await page.getByRole('button', { name: 'Verify code' }).click();
    await page.waitForURL(/\/employer$/);
    await page.getByText(`${organizationName} is waiting for ClockIn staff to verify it`).waitFor();
  });

  test('staff verify the organization', async () => {
    staff = await signInStaff();
    await staff.goto(url('/staff/verifications'));
    const card = staff.getByRole('article', { name: organizationName });
    await card.getByText('Confirmed by user').waitFor();
    await card.getByRole('button', { name: 'Verify' }).click();
    await staff.getByText('Organization verified.').waitFor();

    await staff.getByLabel('Status').selectOption('verified');
    await staff.getByRole('button', { name: 'Show' }).click();
    await staff.waitForURL(/status=verified/);
    await staff
      .getByRole('article', { name: organizationName })
      .getByText(/Verified by you on/)
      .waitFor();
  });

  test('verified employer lists a job', async () => {
    const page = await employerContext.newPage();
    await page.goto(url('/employer'));
    assert.equal(await page.getByText('is waiting for ClockIn staff').count(), 0);

    await page.goto(url('/employer/listings/new'));
    await page.getByLabel('Job title').fill(listingTitle);
    await page.getByLabel('Description').fill('Greet riders, keep the floor tidy and help with simple tune-up prep.');
    await page.getByLabel('Lowest pay (dollars)').fill('13.25');
    await page.getByLabel('Street address').fill('455 W 3rd Ave');
    await page.getByLabel('City').fill('Columbus');
    await page.getByLabel('ZIP code').fill('43201');
    await page.getByLabel('Day', { exact: true }).first().selectOption({ label: 'Saturday' });
    await page.getByLabel('Start time').first().fill('10:00');
    await page.getByLabel('End time').first().fill('14:00');
    await page.getByRole('button', { name: 'Submit listing' }).click();
    await page.waitForURL(/\/employer\?created=1/);
  });

  test('admin invites a teammate', async () => {
    const teammate = {
      email: 'rosalind.okafor@example.test',
      password: 'Maple-Spoke-28*',
      givenName: 'Rosalind',
      familyName: 'Okafor',
      birthdate: '1990-04-09',
    };
    const page = await employerContext.newPage();
    await page.goto(url('/employer/team'));
    await page
      .getByRole('row', { name: /Hollis Ferreira/ })
      .getByText('Admin', { exact: true })
      .waitFor();
    await page.getByLabel('Email address').fill(teammate.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`We emailed an invitation to ${teammate.email}`).waitFor();
    await page.getByRole('row', { name: new RegExp(teammate.email) }).waitFor();

    const [invitation] = await harness.stack.mailbox.list(teammate.email);
    const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(invitation?.text ?? '')?.[0];
    assert.ok(link, 'the invitation email has a link');
    assert.ok(link.startsWith(harness.stack.urls.web), 'the link points at this web app');

    const teammateContext = await harness.browser.newContext();
    const signedIn = await signUpEmployer(teammateContext, teammate);
    await signedIn.waitForURL(/\/employer\/register$/);
    await signedIn.goto(link);
    await signedIn.getByText(`invited ${teammate.email} to join its team as a member`).waitFor();
    await signedIn.getByRole('button', { name: `Join ${organizationName}` }).click();
    await signedIn.waitForURL(/\/employer$/);
    await signedIn.getByText(organizationName).first().waitFor();

    await signedIn.goto(link);
    await signedIn.getByText('This invitation was already used.').waitFor();
    await page.reload();
    await page
      .getByRole('row', { name: /Rosalind Okafor/ })
      .getByText('Member', { exact: true })
      .waitFor();
    await teammateContext.close();
  });

  test('approved listing shows on jobs', async () => {
    const anonymous = await harness.browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto(url('/jobs'));
    assert.equal(await visitor.getByRole('link', { name: listingTitle }).count(), 0);

    await staff.goto(url('/staff/reviews'));
    const card = staff.locator('article, li, section').filter({ hasText: listingTitle }).last();
    await card.getByRole('button', { name: 'Approve' }).click();
    await staff.waitForLoadState('networkidle');

    await visitor.goto(url('/jobs'));
    await visitor.getByRole('link', { name: listingTitle }).waitFor();
    await Promise.all([anonymous.close(), employerContext.close(), staffContext.close()]);
  });
});
