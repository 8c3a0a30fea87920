import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DUTIES, DUTY_IDS, evaluateShifts, hourLimitsFor } from '@clockin/domain';
import type { BrowserContext, Page } from 'playwright-core';
import { DUTY_GROUPS } from '../apps/web/features/labor/duties.ts';
import { hourLimitsForAge } from '../apps/web/features/labor/hour-limits.ts';
import { PERMITS_BY_BAND } from '../apps/web/features/labor/permits.ts';
import {
  freshTotpCode,
  signIn,
  signUpStudent,
  startBrowserHarness,
  totpTimeStep,
  type BrowserHarness,
  type StudentAccount,
} from './harness.ts';

let harness: BrowserHarness;
/** The TOTP time step when the stack was ready. The demo seeder used codes up to this step. */
let stepAtStart: number;
let studentContext: BrowserContext;
let employerContext: BrowserContext;

const demoPassword = 'Riverbend-Lantern-42!';
const lateListingTitle = 'Evening stock crew';
const workableListingTitle = 'Counter helper (demo)';
const applicationText = 'I stock shelves at my family’s shop and can work right after school.';

/** Adds days to a calendar date (YYYY-MM-DD) in UTC, so no time zone moves it. */
function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

const today = new Date().toISOString().slice(0, 10);

/** 15 years and 40 days old today, so the student stays 15 for the next ten months. */
function fifteenYearOldBirthdate(): string {
  const [year, month, day] = today.split('-');
  return addDays(`${Number(year) - 15}-${month}-${day}`, -40);
}

/**
 * Returns the first Wednesday at least a week away that is a school day in the default school
 * calendar: outside June to August and not a federal holiday that can fall on a Wednesday.
 */
function nextSchoolWednesday(): string {
  for (let offset = 7; offset < 400; offset += 1) {
    const date = addDays(today, offset);
    const month = Number(date.slice(5, 7));
    const isWednesday = new Date(`${date}T00:00:00Z`).getUTCDay() === 3;
    const holiday = ['01-01', '11-11', '12-24', '12-25', '12-31'].includes(date.slice(5));
    if (isWednesday && month !== 6 && month !== 7 && month !== 8 && !holiday) return date;
  }
  throw new Error('No school Wednesday found in the coming year.');
}

const student: StudentAccount = {
  email: 'wren.labor@example.test',
  password: 'Lantern-Quarry-61&',
  givenName: 'Wren',
  familyName: 'Castellano',
  birthdate: fifteenYearOldBirthdate(),
};

before(async () => {
  harness = await startBrowserHarness();
  stepAtStart = totpTimeStep();
  await signUpStudent(harness, student);
  studentContext = await harness.browser.newContext();
  const page = await signIn(harness, studentContext, student.email, student.password);
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  await page.close();
});
after(async () => harness?.close());

const url = (path: string) => `${harness.stack.urls.web}${path}`;

async function signInStaff(): Promise<{ context: BrowserContext; page: Page }> {
  const email = 'staff@demo.clockin.test';
  const secret = harness.stack.demo?.accounts.find((account) => account.email === email)?.totpSecret;
  assert.ok(secret, `demo account ${email} has a TOTP secret`);
  const context = await harness.browser.newContext();
  const page = await signIn(harness, context, email, demoPassword);
  await page.waitForURL(/\/sign-in\/mfa$/);
  await page.getByLabel('Authentication code').fill((await freshTotpCode(secret, stepAtStart)).code);
  await page.getByRole('button', { name: 'Verify code' }).click();
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return { context, page };
}

describe('labor law copies in the web app', () => {
  test('duty groups match the domain', () => {
    const webDuties = DUTY_GROUPS.flatMap((group) =>
      group.duties.map((duty) => ({ ...duty, youngestAge: group.youngestAge, citation: group.citation })),
    );
    assert.deepEqual(webDuties.map((duty) => duty.id).sort(), [...DUTY_IDS].sort());
    for (const duty of webDuties) {
      const domain = DUTIES[duty.id as keyof typeof DUTIES];
      assert.equal(duty.label, domain.label, duty.id);
      const youngest = Math.max(15, ...domain.prohibitions.map((prohibition) => prohibition.underAge));
      assert.equal(duty.youngestAge, youngest, duty.id);
      if (youngest > 15) {
        assert.deepEqual(
          domain.prohibitions.map((prohibition) => prohibition.citation),
          [duty.citation],
          duty.id,
        );
      }
    }
  });

  test('planner limits match the engine', () => {
    for (const age of [15, 16, 17, 18, 19]) {
      assert.deepEqual(hourLimitsForAge(age), hourLimitsFor(age, today), `age ${age}`);
    }
  });

  test('band permits match the engine', () => {
    const schoolDay = nextSchoolWednesday();
    const summerDay = `${Number(today.slice(0, 4)) + 1}-07-15`;
    const permitFor = (age: number, date: string) =>
      evaluateShifts({ age, shifts: [{ date, start: '16:00', end: '18:00' }], duties: ['cashier'] }).workPermit;
    const expectations = [
      [PERMITS_BY_BAND['15'][0], permitFor(15, schoolDay)],
      [PERMITS_BY_BAND['16–17'][0], permitFor(16, schoolDay)],
      [PERMITS_BY_BAND['16–17'][1], permitFor(17, summerDay)],
      [PERMITS_BY_BAND['18+'][0], permitFor(18, schoolDay)],
    ] as const;
    for (const [web, engine] of expectations) {
      assert.ok(web, 'the web app lists the permit');
      assert.equal(web.kind, engine.kind, web.text);
      assert.equal(web.citation, engine.citation, web.text);
    }
  });
});

describe('labor law in the browser', () => {
  test('editor warns about a 9 pm shift', async () => {
    employerContext = await harness.browser.newContext();
    const page = await signIn(harness, employerContext, 'member@demo.clockin.test', demoPassword);
    await page.waitForURL(/\/employer/);
    await page.goto(url('/employer/listings/new'));
    await page.getByLabel('Job title').fill(lateListingTitle);
    await page.getByLabel('Description').fill('Restock the shelves after the dinner rush on weeknights.');
    await page.getByLabel('Lowest pay (dollars)').fill('13.75');
    await page.getByLabel('Street address').fill('100 N High St');
    await page.getByLabel('City').fill('Columbus');
    await page.getByLabel('ZIP code').fill('43215');
    await page.getByLabel('Stocking shelves in a store').check();
    await page.getByLabel('Day', { exact: true }).first().selectOption({ label: 'Monday' });
    await page.getByLabel('Start time').first().fill('17:00');
    await page.getByLabel('End time').first().fill('21:00');

    const check = page.getByRole('region', { name: 'What Ohio law allows on this schedule' });
    await check
      .getByText(/During the school year, 15-year-olds cannot work any shift: they can't work past 7:00 pm/)
      .waitFor();
    const ages = check.getByRole('table', { name: 'Ages this schedule allows' });
    assert.deepEqual(
      await ages
        .getByRole('row', { name: /Age 15/ })
        .getByRole('cell')
        .allInnerTexts(),
      ['The shift is not allowed', 'The shift is allowed'],
    );

    await page.getByLabel('Youngest age you hire').selectOption('18');
    await ages
      .getByRole('row', { name: /Ages 16–17/ })
      .getByText('Left out by your minimum age of 18')
      .first()
      .waitFor();
    await page.getByLabel('Youngest age you hire').selectOption('15');

    // Past 9 pm, the shift is closed to 15-year-olds in summer too.
    await page.getByLabel('End time').first().fill('21:30');
    await check.getByText(/In summer, 15-year-olds cannot work any shift: they can't work past 9:00 pm/).waitFor();
    await page.getByRole('button', { name: 'Submit listing' }).click();
    await page.waitForURL(/\/employer\?created=1/);
    await page.close();

    const staff = await signInStaff();
    await staff.page.goto(url('/staff/reviews'));
    const review = staff.page.getByRole('form', { name: `Review ${lateListingTitle}` });
    await review.getByRole('button', { name: 'Approve' }).click();
    // The form goes away once the decision is saved: it shows the outcome, then the queue drops the listing.
    await review.waitFor({ state: 'detached' });
    await staff.context.close();
  });

  test('late listing blocks a 15-year-old', async () => {
    const page = await studentContext.newPage();
    await page.goto(url('/jobs'));
    await page.getByRole('link', { name: lateListingTitle }).click();
    const box = page.getByRole('region', { name: 'What Ohio law allows for you' });
    await box.waitFor();
    const boxText = await box.innerText();
    assert.match(boxText, /You cannot work this job at your age/);
    assert.match(boxText, /can't work past (7|9):00 pm/);
    assert.match(boxText, /ORC 4109\.07\(A\)/);
    assert.match(boxText, /age and schooling certificate/);

    const apply = page.getByRole('region', { name: 'Apply for this job' });
    assert.equal(await apply.getByRole('button', { name: 'Apply' }).isDisabled(), true);
    assert.match(await apply.innerText(), /You cannot apply for this job/);
    assert.equal(await apply.getByLabel('Message').count(), 0);

    await page.goto(url('/jobs'));
    await page.getByLabel('Jobs I can legally work').check();
    await page.getByRole('button', { name: 'Show jobs' }).click();
    await page.waitForURL(/workable=true/);
    await page.getByRole('link', { name: workableListingTitle }).waitFor();
    assert.equal(await page.getByRole('link', { name: lateListingTitle }).count(), 0);
    await page.close();
  });

  test('student applies where the law allows', async () => {
    const page = await studentContext.newPage();
    await page.goto(url('/jobs'));
    await page.getByRole('link', { name: workableListingTitle }).click();
    const box = page.getByRole('region', { name: 'What Ohio law allows for you' });
    await box.getByText('You may work every shift of this job.').waitFor();
    await page.getByLabel('Message').fill(applicationText);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Your application was sent.').waitFor();
    await page.close();

    const employer = await employerContext.newPage();
    await employer.goto(url('/employer'));
    await employer
      .getByRole('row', { name: new RegExp(workableListingTitle.replace(/[()]/g, '\\$&')) })
      .getByRole('link')
      .click();
    await employer.waitForURL(/\/applicants/);
    const shifts = employer.getByRole('heading', {
      name: `Shifts ${student.givenName} ${student.familyName} may legally work`,
    });
    await shifts.waitFor();
    const main = await employer.locator('main').innerText();
    assert.match(main, /Monday 4:00 pm – 7:00 pm/);
    assert.equal(main.includes(student.birthdate), false);
    await employer.close();
  });

  test('visitor sees the table for each age band', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('/jobs'));
    await page.getByRole('link', { name: lateListingTitle }).click();
    const box = page.getByRole('region', { name: 'What Ohio law allows at each age' });
    const table = box.getByRole('table', { name: /Who may work this job’s weekly shifts/ });
    const row15 = await table.getByRole('row', { name: /Age 15/ }).innerText();
    assert.match(row15, /The shift is not allowed/);
    assert.match(row15, /can't work past 7:00 pm/);
    assert.match(row15, /ORC 4109\.07\(A\)/);
    assert.match(await table.getByRole('row', { name: /Ages 16–17/ }).innerText(), /The shift is allowed/);
    assert.match(await table.getByRole('row', { name: /18 and older/ }).innerText(), /No work permit/);
    await box.getByRole('link', { name: 'Sign in as a student' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Apply' }).count(), 0);
    await context.close();
  });

  test('planner flags a 4-hour school-day shift', async () => {
    const page = await studentContext.newPage();
    await page.goto(url('/planner'));
    await page.getByRole('heading', { name: 'Your limits at 15' }).waitFor();
    const first = page.getByRole('group', { name: 'Shift 1' });
    await first.getByLabel('Job').fill('Library page');
    await first.getByLabel('Date').fill(nextSchoolWednesday());
    await first.getByLabel('Start time').fill('15:00');
    await first.getByLabel('End time').fill('19:00');
    await page.getByRole('button', { name: 'Check my plan' }).click();

    const shifts = page.getByRole('table', { name: 'Each planned shift' });
    const row = shifts.getByRole('row', { name: /Library page/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[2], '4 h');
    assert.equal(cells[3], 'No');
    assert.match(cells[4] ?? '', /at most 3 hours on a school day/);
    const days = await page.getByRole('table', { name: /Hours worked each day/ }).innerText();
    assert.match(days, /4 h/);
    assert.match(days, /At most 3 hours on a school day/);
    await page.close();
  });
});
