import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { RoleCredentials } from '@clockin/db';
import { chromium, type Browser } from 'playwright-core';
import type { StartConfig } from '../scripts/config.ts';
import { freePort } from '../scripts/ports.ts';
import { startStack, type Stack } from '../scripts/stack.ts';
import { buildWebIfStale } from '../scripts/web.ts';

export interface BrowserHarness {
  stack: Stack;
  browser: Browser;
  adminUrl: string;
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
  };
  const logs: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logs.push(...chunk.toString().split('\n').filter(Boolean)));

  const database = `e2e_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const stack = await startStack({
    config,
    secrets: {
      rolePasswords: JSON.parse(passwords) as RoleCredentials,
      sessionSecret: crypto.randomUUID() + crypto.randomUUID(),
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
    logs,
    close: async () => {
      await browser.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
