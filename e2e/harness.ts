import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { RoleCredentials } from '@clockin/db';
import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { StartConfig } from '../scripts/config.ts';
import { freePort } from '../scripts/ports.ts';
import { startStack, type Stack } from '../scripts/stack.ts';
import { buildWebIfStale } from '../scripts/web.ts';

export interface BrowserHarness {
  stack: Stack;
  browser: Browser;
  adminUrl: string;
  /** The web app's CLOCKIN_SESSION_SECRET, for tests that read or change the sealed session cookies. */
  sessionSecret: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * Starts the whole product the way `npm start` does, on free ports and a database of its
 * own on the test server, and launches Debian's Chromium.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const serverUrl = process.env.CLOCKIN_TEST_ADMIN_URL;
  const passwords = process.env.CLOCKIN_TEST_ROLE_PASSWORDS;
  if (!serverUrl || !passwords) throw new Error('Run browser tests through `npm test`, which starts PostgreSQL first.');

  await buildWebIfStale(() => {});
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clockin-e2e-'));
  const config: StartConfig = {
    production: false,
    dataDir,
    externalDatabaseUrl: serverUrl,
    databasePort: 0,
    identityPort: await freePort(),
    apiPort: await freePort(),
    webPort: await freePort(),
    userPoolId: 'us-east-2_ClockInLocal',
    clientId: 'clockin-web-local',
    region: 'us-east-2',
    host: '127.0.0.1',
    purgeDelayDays: 0,
  };
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));

  const database = `e2e_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const sessionSecret = crypto.randomUUID() + crypto.randomUUID();
  const stack = await startStack({
    config,
    secrets: {
      rolePasswords: JSON.parse(passwords) as RoleCredentials,
      sessionSecret,
      mfaEncryptionKey: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
    },
    adminUrl: serverUrl,
    database,
    log: () => {},
    logLevel: 'info',
    logStream,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = `/${database}`;
  return {
    stack,
    browser,
    adminUrl: adminUrl.toString(),
    sessionSecret,
    logs,
    close: async () => {
      await browser.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StudentAccount {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  birthdate: string;
}

/**
 * Signs a student up through the web app in a context of its own and confirms the email with the
 * code from the development mailbox. The student signs in afterwards with `signIn`.
 */
export async function signUpStudent(harness: BrowserHarness, student: StudentAccount): Promise<void> {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${harness.stack.urls.web}/sign-up`);
  await page.getByLabel('Email').fill(student.email);
  await page.getByLabel('Password', { exact: true }).fill(student.password);
  await page.getByLabel('Given name').fill(student.givenName);
  await page.getByLabel('Family name').fill(student.familyName);
  await page.getByLabel('Birthdate').fill(student.birthdate);
  await page.getByRole('combobox', { name: 'School' }).fill('Columbus');
  await page.getByRole('listbox', { name: 'Matching schools' }).getByRole('option').first().click();
  await page.getByLabel('Grade level').selectOption('11');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/confirm/);

  await page.getByLabel('Confirmation code').fill(await emailedCode(harness, student.email));
  await page.getByRole('button', { name: 'Confirm email' }).click();
  await page.waitForURL(/\/sign-in/);
  await context.close();
}

/** Opens the sign-in page in the context and submits the email and password. Returns the page. */
export async function signIn(harness: BrowserHarness, context: BrowserContext, email: string, password: string) {
  const page: Page = await context.newPage();
  await page.goto(`${harness.stack.urls.web}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** Returns the 6-digit code of the newest email to the address in the development mailbox. */
export async function emailedCode(harness: BrowserHarness, email: string): Promise<string> {
  const [newest] = await harness.stack.mailbox.list(email);
  const code = /\b(\d{6})\b/.exec(newest?.text ?? '')?.[1];
  if (!code) throw new Error(`The development mailbox has no email with a 6-digit code to ${email}.`);
  return code;
}

/** Returns the RFC 6238 time step (30 seconds long) that contains a moment given in epoch milliseconds. */
export function totpTimeStep(milliseconds = Date.now()): number {
  return Math.floor(milliseconds / 30_000);
}

/**
 * Returns a TOTP code from a time step after `usedTimeStep`, waiting for the next step when
 * needed, because the identity service accepts each code (and every older one) only once.
 */
export async function freshTotpCode(
  secret: string,
  usedTimeStep?: number,
): Promise<{ code: string; timeStep: number }> {
  if (usedTimeStep !== undefined && totpTimeStep() <= usedTimeStep) {
    await new Promise((resolve) => setTimeout(resolve, (usedTimeStep + 1) * 30_000 - Date.now() + 100));
  }
  const now = Date.now();
  return { code: await generate({ secret, epoch: Math.floor(now / 1000) }), timeStep: totpTimeStep(now) };
}
