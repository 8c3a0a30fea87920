import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from './harness.ts';

let harness: BrowserHarness;
let context: BrowserContext;
let page: Page;
const demoPassword = 'Riverbend-Lantern-42!';
const adminEmail = 'district@demo.clockin.test';

const url = (path: string) => `${harness.stack.urls.web}${path}`;

before(async () => {
  harness = await startBrowserHarness();
  context = await harness.browser.newContext({ acceptDownloads: true });
});
after(async () => harness?.close());

/** Starts an export in the given format and returns the downloaded file's text. */
async function exportAndDownload(format: 'CSV' | 'JSON'): Promise<string> {
  await page.goto(url('/district/exports'));
  await page.getByLabel(format === 'CSV' ? 'CSV (spreadsheets)' : 'JSON (other systems)').check();
  await page.getByRole('button', { name: 'Start export' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Your ${format} export has started` })
    .waitFor();
  const link = page.getByRole('link', { name: new RegExp(`^Download ${format}`) }).first();
  await link.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  assert.ok(file, 'the browser saved the download');
  assert.match(download.suggestedFilename(), new RegExp(`^clockin-043802-students-.*\\.${format.toLowerCase()}$`));
  return readFile(file, 'utf8');
}

describe('district administrator in the browser', () => {
  test('signs in with MFA', async () => {
    const account = harness.stack.demo?.accounts.find((candidate) => candidate.email === adminEmail);
    assert.ok(account?.totpSecret, 'the demo district administrator has a TOTP secret');
    page = await context.newPage();
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/mfa/);
    // The seeder used a code moments ago, and a code works only once, so a rejected first try
    // waits for the next 30-second time step.
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await page.getByLabel('Authentication code').fill(await generate({ secret: account.totpSecret }));
      await page.getByRole('button', { name: 'Verify code' }).click();
      try {
        await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'), { timeout: 5_000 });
        break;
      } catch {
        if (attempt === 2) throw new Error('Signing in the district administrator with a TOTP code failed twice.');
        await new Promise((resolve) => setTimeout(resolve, 31_000 - (Date.now() % 30_000)));
      }
    }
    assert.match(new URL(page.url()).pathname, /^\/district/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'District dashboard' }).waitFor();
  });

  test('views the dashboard and charts', async () => {
    await page.goto(url('/district'));
    await page.getByRole('heading', { level: 1, name: 'Columbus City Schools District' }).waitFor();
    for (const title of [
      'Students by school and grade level',
      'Applications and their outcomes',
      'Students by age band',
    ]) {
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('table', { name: `${title}, as a table` }).waitFor();
    }
    const main = await page.locator('main').innerText();
    assert.ok(main.includes('fewer than 5'), 'small counts show as "fewer than 5"');
    assert.equal(main.includes('Demo application message.'), false);
  });

  test('finds a student and opens their page', async () => {
    await page.goto(url('/district/students'));
    await page.getByLabel('Search by name').fill('Avery');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: /Ashford \(demo\), Avery/ }).click();
    await page.getByRole('heading', { level: 1, name: /Avery Ashford/ }).waitFor();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    const applications = page.getByRole('table', { name: 'Applications of this student, newest first' });
    await applications.waitFor();
    assert.match(await applications.innerText(), /\(demo\)/);
    const main = await page.locator('main').innerText();
    assert.equal(main.includes('Demo application message.'), false);
  });

  test('downloads both exports', async () => {
    const csv = await exportAndDownload('CSV');
    const [header, ...rows] = csv.trim().split('\n');
    assert.match(header ?? '', /^student_id,given_name,family_name,school_id,school_name,grade_level,age_band/);
    assert.ok(rows.length >= 30, `the CSV has ${rows.length} rows`);
    assert.ok(csv.includes('Ashford (demo)'));

    const json = JSON.parse(await exportAndDownload('JSON')) as { district: { id: string }; students: unknown[] };
    assert.equal(json.district.id, '043802');
    assert.equal(json.students.length, 30);
  });
});
