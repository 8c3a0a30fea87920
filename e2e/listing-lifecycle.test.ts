import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn, startBrowserHarness, type BrowserHarness } from './harness.ts';

// An employer member saves a draft, submits it, edits it and closes it, all from the web app's
// forms and the buttons of the My listings table.

let harness: BrowserHarness;
let context: BrowserContext;
let page: Page;

const demoPassword = 'Riverbend-Lantern-42!';
const draftTitle = 'Climbing wall belayer';
const editedTitle = 'Climbing wall belay assistant';

const url = (path: string) => `${harness.stack.urls.web}${path}`;

/** The My listings table row of the listing titled `title`. */
const row = (title: string) => page.getByRole('row', { name: new RegExp(title) });

before(async () => {
  harness = await startBrowserHarness();
  context = await harness.browser.newContext();
  page = await signIn(harness, context, 'member@demo.clockin.test', demoPassword);
  await page.waitForURL(/\/employer/);
});
after(async () => harness?.close());

describe('listing lifecycle in the browser', () => {
  test('employer saves a draft', async () => {
    await page.goto(url('/employer/listings/new'));
    await page.getByLabel('Job title').fill(draftTitle);
    await page.getByLabel('Description').fill('Check harnesses and belay climbers at the indoor wall.');
    await page.getByLabel('Kind of work').selectOption({ label: 'Recreation' });
    await page.getByLabel('When the work happens').selectOption({ label: 'Summer only' });
    await page.getByLabel('Number of openings').fill('3');
    await page.getByLabel('Lowest pay (dollars)').fill('14');
    await page.getByLabel('Street address').fill('400 W Rich St');
    await page.getByLabel('City').fill('Columbus');
    await page.getByLabel('ZIP code').fill('43215');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/employer\?saved=draft/);
    await page.getByText('Your draft was saved.').waitFor();
    assert.match(await row(draftTitle).innerText(), /Draft/);
  });

  test('draft is submitted for review', async () => {
    await row(draftTitle)
      .getByRole('button', { name: /Submit for review/ })
      .click();
    await page.waitForURL(/changed=submit/);
    assert.match(await row(draftTitle).innerText(), /Waiting for review/);
  });

  test('edit keeps the new fields', async () => {
    await row(draftTitle).getByRole('button', { name: /Edit/ }).click();
    await page.waitForURL(/\/edit$/);
    assert.equal(await page.getByLabel('Kind of work').inputValue(), 'recreation');
    assert.equal(await page.getByLabel('When the work happens').inputValue(), 'summer');
    assert.equal(await page.getByLabel('Number of openings').inputValue(), '3');
    await page.getByLabel('Job title').fill(editedTitle);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/updated=1/);
    await page.getByText('Your changes were saved.').waitFor();
    assert.match(await row(editedTitle).innerText(), /Waiting for review/);
  });

  test('closed listing can only be marked filled', async () => {
    await row(editedTitle).getByRole('button', { name: /Close/ }).click();
    await page.waitForURL(/changed=close/);
    const closed = row(editedTitle);
    assert.match(await closed.innerText(), /Closed/);
    assert.equal(await closed.getByRole('button', { name: /Edit/ }).count(), 0);
    await closed.getByRole('button', { name: /Mark filled/ }).click();
    await page.waitForURL(/changed=filled/);
    assert.match(await row(editedTitle).innerText(), /Filled/);
    assert.equal(await row(editedTitle).getByRole('button').count(), 0);
  });
});
