import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sealData, unsealData } from 'iron-session';
import { generate } from 'otplib';
import type { BrowserContext, Cookie, Page } from 'playwright-core';
import { SESSION_MAX_AGE_SECONDS } from '../apps/web/lib/cookie-policy.ts';
import { REFRESH_GRACE_SECONDS } from '../apps/web/lib/refresh-coordinator.ts';
import {
  emailedCode,
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

before(async () => {
  harness = await startBrowserHarness();
  stepAtStart = totpTimeStep();
});
after(async () => harness?.close());

const url = (path: string) => `${harness.stack.urls.web}${path}`;
const jwtPattern = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
const demoPassword = 'Riverbend-Lantern-42!';
const sessionCookieName = 'clockin_session';
const refreshCookieName = 'clockin_refresh';

let studentCount = 0;
function newStudent(label: string): StudentAccount {
  studentCount += 1;
  return {
    email: `${label}.student${studentCount}@example.test`,
    password: 'Harbor-Quill-58%',
    givenName: 'Rowan',
    familyName: `Security${studentCount}`,
    birthdate: '2009-03-02',
  };
}

async function signedInStudent(student: StudentAccount): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext();
  const page = await signIn(harness, context, student.email, student.password);
  await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));
  return { context, page };
}

async function cookieNamed(context: BrowserContext, name: string): Promise<Cookie> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === name);
  assert.ok(cookie, `the browser has the ${name} cookie`);
  return cookie;
}

async function readSealedCookie<T extends object>(context: BrowserContext, name: string): Promise<T> {
  const cookie = await cookieNamed(context, name);
  return unsealData<T>(cookie.value, { password: harness.sessionSecret, ttl: SESSION_MAX_AGE_SECONDS });
}

/**
 * Rewrites the sealed session cookie so its access token seems to expire in a minute. The next
 * request then makes the web app refresh the tokens, as it would 55 minutes after sign-in.
 */
async function moveAccessTokenExpiryNear(context: BrowserContext): Promise<void> {
  const cookie = await cookieNamed(context, sessionCookieName);
  const session = await readSealedCookie<Record<string, unknown>>(context, sessionCookieName);
  const value = await sealData(
    { ...session, accessTokenExpiresAt: Date.now() + 60_000 },
    { password: harness.sessionSecret, ttl: SESSION_MAX_AGE_SECONDS },
  );
  await context.addCookies([{ ...cookie, value }]);
}

async function refreshTokenOf(context: BrowserContext): Promise<string> {
  const { refreshToken } = await readSealedCookie<{ refreshToken?: string }>(context, refreshCookieName);
  assert.ok(refreshToken, 'the refresh cookie contains a refresh token');
  return refreshToken;
}

/** Counts the API's log lines for requests it rejected with 401 Unauthorized. */
function unauthorizedApiResponses(): number {
  let count = 0;
  for (const line of harness.logs) {
    if (!line.includes('request rejected')) continue;
    const entry = JSON.parse(line) as { msg?: string; error?: string; statusCode?: number };
    if (entry.msg === 'request rejected' && entry.error === 'Unauthorized' && entry.statusCode === 401) count += 1;
  }
  return count;
}

function identityLogged(event: string): boolean {
  return harness.logs.some((line) => line.includes(`"event":"${event}"`));
}

/** Returns a 6-digit code that no time step near now produces for the secret. */
async function wrongTotpCode(secret: string): Promise<string> {
  const epoch = Math.floor(Date.now() / 1000);
  const nearby = new Set<string>();
  for (const offset of [-60, -30, 0, 30, 60]) nearby.add(await generate({ secret, epoch: epoch + offset }));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!nearby.has(code)) return code;
  }
}

async function signOutHere(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((target) => target.pathname === '/');
}

describe('account security in the browser', () => {
  test('student turns MFA on and off', async () => {
    const student = newStudent('mfa');
    await signUpStudent(harness, student);
    const { context, page } = await signedInStudent(student);

    await page.goto(url('/account'));
    const settings = page.getByRole('region', { name: 'Two-step sign-in' });
    await settings.getByText('Two-step sign-in is off.').waitFor();
    await settings.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.waitForURL(/\/account\/mfa$/);

    const qrCode = page.getByRole('img', { name: 'QR code for adding ClockIn to an authenticator app' });
    await qrCode.waitFor();
    assert.match((await qrCode.getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/);
    const secret = ((await page.locator('code.secret').textContent()) ?? '').replaceAll(' ', '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);

    // A wrong code, typed and sent by keyboard: the summary takes focus, the field carries its error.
    const codeInput = page.getByLabel('Authentication code');
    await codeInput.focus();
    await page.keyboard.type(await wrongTotpCode(secret));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'That code is not correct or was already used.' });
    await summary.waitFor();
    assert.equal(await page.locator(':focus').textContent(), 'That code is not correct or was already used.');
    assert.equal(await codeInput.getAttribute('aria-invalid'), 'true');
    assert.ok(((await codeInput.getAttribute('aria-describedby')) ?? '').split(' ').includes('mfa-code-error'));
    assert.equal(
      await page.locator('#mfa-code-error').textContent(),
      'Wait for your app to show a new code, then enter it.',
    );
    await page.keyboard.press('Tab');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'mfa-code');

    const enrolment = await freshTotpCode(secret);
    await page.keyboard.type(enrolment.code);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/account\?mfa=on$/);
    await settings.getByText(/^Two-step sign-in is on, with your authenticator app\./).waitFor();
    assert.equal(await settings.getByRole('button', { name: 'Turn off two-step sign-in' }).count(), 1);

    await signOutHere(page);
    const again = await signIn(harness, context, student.email, student.password);
    await again.waitForURL(/\/sign-in\/mfa$/);
    await again.getByLabel('Authentication code').fill(enrolment.code);
    await again.getByRole('button', { name: 'Verify code' }).click();
    await again.getByRole('alert').filter({ hasText: 'That code is not correct or was already used.' }).waitFor();
    assert.match(again.url(), /\/sign-in\/mfa$/);

    const signInCode = await freshTotpCode(secret, enrolment.timeStep);
    await again.getByLabel('Authentication code').fill(signInCode.code);
    await again.getByRole('button', { name: 'Verify code' }).click();
    await again.waitForURL((target) => target.pathname === '/jobs');

    await again.goto(url('/account'));
    await again.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
    await again.waitForURL(/\/account\?mfa=off$/);
    await again.getByRole('region', { name: 'Two-step sign-in' }).getByText('Two-step sign-in is off.').waitFor();

    await signOutHere(again);
    const withoutCode = await signIn(harness, context, student.email, student.password);
    await withoutCode.waitForURL((target) => target.pathname === '/jobs');
    await context.close();
  });

  test('session cookie holds no readable token', async () => {
    const student = newStudent('cookie');
    await signUpStudent(harness, student);
    const { context, page } = await signedInStudent(student);

    for (const name of [sessionCookieName, refreshCookieName]) {
      const cookie = await cookieNamed(context, name);
      assert.equal(cookie.httpOnly, true, `${name} is httpOnly`);
      assert.equal(cookie.sameSite, 'Lax', `${name} is SameSite=Lax`);
      // The test server is plain http on 127.0.0.1, the one case without the Secure attribute.
      assert.equal(cookie.secure, false, `${name} has no Secure attribute on loopback http`);
      assert.doesNotMatch(cookie.value, jwtPattern);
    }
    // The sealed cookie does contain a JWT, so the pattern would find one that leaked.
    const session = await readSealedCookie<{ accessToken?: string }>(context, sessionCookieName);
    assert.match(session.accessToken ?? '', jwtPattern);

    for (const path of ['/account', '/jobs', '/applications']) {
      await page.goto(url(path));
      assert.doesNotMatch(await page.content(), jwtPattern, `the HTML of ${path} contains no JWT`);
      const documentCookie = String(await page.evaluate('document.cookie'));
      assert.doesNotMatch(documentCookie, jwtPattern);
      assert.equal(documentCookie.includes(sessionCookieName), false);
      assert.equal(documentCookie.includes(refreshCookieName), false);
    }
    await context.close();
  });

  test('parallel requests share one refresh', async () => {
    const student = newStudent('refresh');
    await signUpStudent(harness, student);
    const { context } = await signedInStudent(student);
    const firstRefreshToken = await refreshTokenOf(context);

    // Several requests with the same cookie, as a page and its prefetches send them.
    await moveAccessTokenExpiryNear(context);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => context.request.get(url('/applications'), { maxRedirects: 0 })),
    );
    for (const response of responses) assert.equal(response.status(), 200);
    const secondRefreshToken = await refreshTokenOf(context);
    assert.notEqual(secondRefreshToken, firstRefreshToken);

    // The stored refresh token still works, so no request presented the first one twice.
    await moveAccessTokenExpiryNear(context);
    const page = await context.newPage();
    await page.goto(url('/applications'));
    assert.equal(new URL(page.url()).pathname, '/applications');
    assert.notEqual(await refreshTokenOf(context), secondRefreshToken);
    assert.equal(identityLogged('refresh-token-reuse'), false);
    await context.close();
  });

  test('replayed refresh token ends the sign-in', async () => {
    const student = newStudent('replay');
    await signUpStudent(harness, student);
    const { context, page } = await signedInStudent(student);
    await moveAccessTokenExpiryNear(context);
    const staleCookies = [await cookieNamed(context, sessionCookieName), await cookieNamed(context, refreshCookieName)];

    await page.goto(url('/applications'));
    assert.equal(new URL(page.url()).pathname, '/applications');
    // Within the grace period the web app would return the stored result for the old token.
    await new Promise((resolve) => setTimeout(resolve, (REFRESH_GRACE_SECONDS + 1) * 1000));

    const replayContext = await harness.browser.newContext();
    await replayContext.addCookies(staleCookies);
    const replay = await replayContext.newPage();
    await replay.goto(url('/applications'));
    await replay.waitForURL(/\/sign-in\?/);
    const replayTarget = new URL(replay.url());
    assert.equal(replayTarget.searchParams.get('next'), '/applications');
    assert.equal(replayTarget.searchParams.get('reason'), 'session-ended');
    await replay.getByText('Your sign-in has ended. Sign in again to continue.').waitFor();
    const replayCookies = (await replayContext.cookies()).map((cookie) => cookie.name);
    assert.equal(replayCookies.includes(sessionCookieName), false);
    assert.equal(replayCookies.includes(refreshCookieName), false);
    assert.equal(identityLogged('refresh-token-reuse'), true);

    // The identity service revoked the whole sign-in, so the rightful browser's next refresh fails too.
    await moveAccessTokenExpiryNear(context);
    await page.goto(url('/applications'));
    await page.waitForURL(/\/sign-in\?/);
    await Promise.all([context.close(), replayContext.close()]);
  });

  test('sign out everywhere ends other sessions', async () => {
    const student = newStudent('everywhere');
    await signUpStudent(harness, student);
    const first = await signedInStudent(student);
    const second = await signedInStudent(student);
    await second.page.goto(url('/applications'));
    assert.equal(new URL(second.page.url()).pathname, '/applications');

    await first.page.goto(url('/account'));
    await first.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await first.page.waitForURL(/\/sign-in\?signedOut=everywhere$/);
    await first.page.getByText('You are signed out on every device.').waitFor();

    const rejectedBefore = unauthorizedApiResponses();
    await second.page.goto(url('/applications'));
    await second.page.waitForURL(/\/sign-in\?/);
    assert.equal(new URL(second.page.url()).searchParams.get('next'), '/applications');
    assert.ok(unauthorizedApiResponses() > rejectedBefore, 'the API rejected the second browser with 401');
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('password reset ends other sessions', async () => {
    const student = newStudent('reset');
    await signUpStudent(harness, student);
    const device = await signedInStudent(student);
    const newPassword = 'Lantern-Meadow-91&';

    const resetContext = await harness.browser.newContext();
    const reset = await resetContext.newPage();
    await reset.goto(url('/forgot-password'));
    await reset.getByLabel('Email').fill(student.email);
    await reset.getByRole('button', { name: 'Send reset code' }).click();
    await reset.getByText(/we sent it a 6-digit code/).waitFor();
    const [resetEmail] = await harness.stack.mailbox.list(student.email);
    assert.equal(resetEmail?.subject, 'Your ClockIn password reset code');
    const code = await emailedCode(harness, student.email);

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await reset.getByLabel('Reset code').fill(wrongCode);
    await reset.getByLabel('New password').fill(newPassword);
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await reset.getByRole('alert').filter({ hasText: 'That code is not correct.' }).waitFor();
    assert.equal(await reset.getByLabel('Reset code').getAttribute('aria-invalid'), 'true');

    const rejectedBefore = unauthorizedApiResponses();
    await reset.getByLabel('Reset code').fill(code);
    await reset.getByLabel('New password').fill(newPassword);
    await reset.getByRole('button', { name: 'Set new password' }).click();
    await reset.waitForURL(/\/sign-in\?reset=1$/);

    await device.page.goto(url('/applications'));
    await device.page.waitForURL(/\/sign-in\?/);
    assert.ok(unauthorizedApiResponses() > rejectedBefore, 'the API rejected the signed-in browser with 401');

    const oldPassword = await signIn(harness, resetContext, student.email, student.password);
    await oldPassword.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' }).waitFor();
    const renewed = await signIn(harness, resetContext, student.email, newPassword);
    await renewed.waitForURL((target) => target.pathname === '/jobs');
    await Promise.all([device.context.close(), resetContext.close()]);
  });

  test('staff and admins cannot turn MFA off', async () => {
    for (const email of ['staff@demo.clockin.test', 'admin@demo.clockin.test']) {
      const secret = harness.stack.demo?.accounts.find((account) => account.email === email)?.totpSecret;
      assert.ok(secret, `demo account ${email} has a TOTP secret`);
      const context = await harness.browser.newContext();
      const page = await signIn(harness, context, email, demoPassword);
      await page.waitForURL(/\/sign-in\/mfa$/);
      await page.getByLabel('Authentication code').fill((await freshTotpCode(secret, stepAtStart)).code);
      await page.getByRole('button', { name: 'Verify code' }).click();
      await page.waitForURL((target) => !target.pathname.startsWith('/sign-in'));

      await page.goto(url('/account'));
      const settings = page.getByRole('region', { name: 'Two-step sign-in' });
      await settings.getByText(/must use it, so it cannot be turned off/).waitFor();
      assert.equal(await settings.getByRole('button').count(), 0, `${email} sees no MFA switch`);
      await context.close();
    }
  });
});
