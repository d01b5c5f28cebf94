/**
 * Two-factor sign-in in the browser (issue 9): the administrator requires it, a user without it
 * signs in and is held at the enrolment (QR code, key, first code, recovery codes), then signs in
 * again with a code that the test computes with otpauth, as an authenticator app would.
 */
import type { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../packages/server/test/app.ts';
import { WEB_DIR } from './fixtures/server.ts';

let t: TestApp;
let origin: string;
let browser: Browser;
let secret = '';

const codeAt = (offsetSeconds: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

async function passwordStep(page: Page): Promise<void> {
  await page.goto(`${origin}/app/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill('observer@example.org');
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  t = await createTestApp({ webDir: WEB_DIR });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const on = await t.as('admin', {
    method: 'PATCH',
    url: '/api/v1/settings/security',
    payload: { requireTotp: true },
  });
  expect(on.statusCode).toBe(200);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('two-factor sign-in', () => {
  it('holds a user at the required enrolment, then signs in with a code', async () => {
    const first = await browser.newContext({ locale: 'en-GB' });
    const page = await first.newPage();
    await passwordStep(page);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Set up two-factor sign-in' }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code for the authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Until enrolled, the workspace stays closed: the dashboard leads back here.
    await page.goto(`${origin}/app/`);
    await page.waitForURL(/\/app\/login/);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await page.getByRole('textbox', { name: 'Code' }).fill(codeAt(0));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/app\/$/);
    await first.close();

    // A new browser: password, then the code of the next step (the first one is spent).
    const second = await browser.newContext({ locale: 'en-GB' });
    const again = await second.newPage();
    await passwordStep(again);
    const code = again.getByRole('textbox', { name: 'Code' });
    await code.waitFor();
    await code.fill('000000');
    await again.getByRole('button', { name: 'Verify and sign in' }).click();
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('alert').textContent()).toContain('The code is wrong');
    await code.fill(codeAt(30));
    await again.getByRole('button', { name: 'Verify and sign in' }).click();
    await again.waitForURL(/\/app\/$/);
    const me = await again.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
    expect(me).toMatchObject({ totpEnabled: true, totpEnrollmentRequired: false });
    await second.close();
  }, 120_000);
});
