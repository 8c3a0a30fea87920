import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { signIn, signUpStudent, startBrowserHarness, type BrowserHarness } from './harness.ts';

// ClockIn loads nothing from anyone else: no analytics, no fonts, no pixels. Every request a
// main page makes must go to ClockIn's own web origin, and the browser must report no policy
// violation.

let harness: BrowserHarness;
const student = {
  email: 'marguerite.vasquez@example.test',
  password: 'Harbor-Lantern-64%',
  givenName: 'Marguerite',
  familyName: 'Vasquez',
  birthdate: '2009-04-04',
};

before(async () => {
  harness = await startBrowserHarness();
  await signUpStudent(harness, student);
});
after(async () => harness?.close());

interface Visit {
  foreignRequests: string[];
  violations: string[];
  policy: string | null;
}

async function visit(page: Page, path: string): Promise<Visit> {
  const origin = new URL(harness.stack.urls.web).origin;
  const foreignRequests: string[] = [];
  const violations: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const target = request.url();
    if (!target.startsWith('data:') && !target.startsWith('blob:') && new URL(target).origin !== origin) {
      foreignRequests.push(target);
    }
  };
  const onConsole = (message: { text(): string }) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  const response = await page.goto(`${harness.stack.urls.web}${path}`, { waitUntil: 'networkidle' });
  page.off('request', onRequest);
  page.off('console', onConsole);
  return { foreignRequests, violations, policy: (await response?.headerValue('content-security-policy')) ?? null };
}

async function firstListingPath(page: Page): Promise<string> {
  await page.goto(`${harness.stack.urls.web}/jobs`);
  const href = await page.locator('a[href^="/jobs/"]').first().getAttribute('href');
  assert.ok(href, 'the jobs page links to a listing');
  return href;
}

describe('no third-party requests', () => {
  test('public pages load only ClockIn', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const paths = ['/', '/jobs', await firstListingPath(page), '/sign-in', '/sign-up', '/forgot-password', '/security'];
    for (const path of paths) {
      const result = await visit(page, path);
      assert.deepEqual(result.foreignRequests, [], path);
      assert.deepEqual(result.violations, [], path);
      assert.match(result.policy ?? '', /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/, path);
    }
    await context.close();
  });

  test('signed-in pages load only ClockIn', async () => {
    const context = await harness.browser.newContext();
    const page = await signIn(harness, context, student.email, student.password);
    await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
    for (const path of ['/jobs', await firstListingPath(page), '/applications', '/account', '/account/mfa']) {
      const result = await visit(page, path);
      assert.deepEqual(result.foreignRequests, [], path);
      assert.deepEqual(result.violations, [], path);
    }
    await context.close();
  });

  test('security page lists every promise', async () => {
    const map = JSON.parse(await readFile(new URL('../docs/promises.json', import.meta.url), 'utf8')) as {
      promises: { id: string; text: string }[];
    };
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.stack.urls.web}/security`);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    assert.deepEqual(
      headings,
      map.promises.map((promise) => promise.text),
    );
    await context.close();
  });
});
