/**
 * News of the public portal, end to end on the demo dataset: the secretariat writes the XXI
 * meeting's announcement from the meeting page, edits and publishes it, and the portal shows it;
 * drafts stay hidden. Then the portal's news pages are checked for accessibility (axe-core) and
 * HTML validity (html-validate) in both languages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Meeting, NewsItem } from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import { HtmlValidate } from 'html-validate';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/data.ts';
import { loadDemo } from '../packages/server/src/demo/loader.ts';
import { loginWithPassword } from '../packages/server/test/app.ts';
import { seriousViolations } from './fixtures/axe.ts';
import { WEB_DIR } from './fixtures/server.ts';

let app: FastifyInstance;
let closeApp: () => Promise<void>;
let origin: string;
let browser: Browser;
let xxi: Meeting;
let session: { cookie: string; csrfToken: string };
let published: NewsItem | undefined;

/** A fresh database with the demo dataset (it loads only into an empty one), served on a port. */
async function startDemo(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-e2e-news-'));
  const handle = openDatabase(`sqlite:${path.join(dir, 'plenum.db')}`);
  await migrateToLatest(handle.db, handle.schema);
  const config = loadConfig({ PLENUM_DATA_DIR: dir }, { logLevel: 'silent', webDir: WEB_DIR });
  app = await buildApp({ config, database: handle, logger: false });
  await app.ready();
  await loadDemo(app);
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  closeApp = async () => {
    await app.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** An API call as the demo's secretariat (session cookie and CSRF token). */
async function asSecretariat(method: 'GET' | 'POST', url: string) {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
}

async function signIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${origin}/app/login`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/app\/$/);
  return page;
}

beforeAll(async () => {
  await startDemo();
  session = await loginWithPassword(app, 'secretariat@plenum.example', DEMO_PASSWORD);
  const meetings = (await asSecretariat('GET', '/meetings?limit=200')).json() as {
    items: Meeting[];
  };
  const found = meetings.items.find(
    (m) => m.number === 21 && (m.name.en ?? '').includes('Interstate Commission'),
  );
  expect(found).toBeDefined();
  xxi = found as Meeting;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await closeApp?.();
});

describe('news: from a meeting to the public portal', () => {
  it('the secretariat writes the XXI meeting’s announcement, edits and publishes it; the portal shows it', async () => {
    const page = await signIn('secretariat@plenum.example');
    await page.goto(`${origin}/app/meetings/${xxi.id}`);
    await page.getByRole('button', { name: 'Write announcement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Announcement of the meeting' });
    // The generated draft, in English, for review.
    const body = dialog.getByTestId('announcement-body');
    await body.waitFor();
    expect(await body.textContent()).toContain('Dushanbe');
    await dialog.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/app\/news\/[0-9a-f-]+$/);
    const id = page.url().split('/').pop() as string;

    // A draft, only in English: the Russian version is flagged as missing.
    await page.getByText('A draft: only the secretariat sees it.').waitFor();
    await page
      .getByRole('group', { name: /Russian/ })
      .getByText(/Missing/)
      .waitFor();

    const title = page.getByRole('textbox', { name: 'Title (English)' });
    await title.fill('Dushanbe hosts the XXI meeting of the Commission');
    // The preview renders the Markdown being typed, before any save.
    const text = page.getByRole('textbox', { name: 'Text (Markdown) (English)' });
    await text.fill(`${await text.inputValue()}\n\nA **live preview** line.`);
    await page.locator('.plenum-news-preview strong', { hasText: 'live preview' }).waitFor();
    // Publication waits for the change to be saved.
    expect(await page.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Dushanbe hosts the XXI meeting of the Commission' })
      .waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('link', { name: 'View on the public site' }).waitFor();

    const item = (await asSecretariat('GET', `/news/${id}`)).json() as NewsItem;
    expect(item).toMatchObject({
      status: 'published',
      publiclyVisible: true,
      meetingId: xxi.id,
      title: { en: 'Dushanbe hosts the XXI meeting of the Commission' },
    });
    expect(
      await page.getByRole('link', { name: 'View on the public site' }).getAttribute('href'),
    ).toBe(`/en/news/${item.slug}`);
    published = item;

    // The public page, as anyone reads it.
    const res = await fetch(`${origin}/en/news/${item.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Dushanbe hosts the XXI meeting of the Commission');
    expect(html).toContain('Dushanbe');
    await page.context().close();
  });

  it('a draft’s public address answers 404 to anyone', async () => {
    const saved = await asSecretariat('POST', `/meetings/${xxi.id}/announcement?lang=ru&save=true`);
    expect(saved.statusCode).toBe(201);
    const draft = saved.json() as NewsItem;
    expect(draft.status).toBe('draft');
    for (const lang of ['ru', 'en']) {
      const res = await fetch(`${origin}/${lang}/news/${draft.slug}`);
      expect(res.status).toBe(404);
    }
  });

  it('publishing an item without a text is refused, and the editor says why', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/news',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { title: { en: 'A title without a text' } },
    });
    expect(created.statusCode).toBe(201);
    const item = created.json() as NewsItem;
    const page = await signIn('secretariat@plenum.example');
    await page.goto(`${origin}/app/news/${item.id}`);
    await page.getByRole('button', { name: 'Publish now' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not published' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('needs a title and a body');
    await page.context().close();
  });
});

describe('news: the portal’s pages are accessible and valid HTML', () => {
  const pages = () => {
    const slug = published?.slug ?? 'missing';
    return ['en', 'ru'].flatMap((lang) => [`/${lang}/`, `/${lang}/news`, `/${lang}/news/${slug}`]);
  };

  it('axe-core finds no serious or critical violations', async () => {
    expect(published).toBeDefined();
    // The portal's CSP (script-src 'self') refuses the injected axe script; the check bypasses it.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    const found: string[] = [];
    for (const url of pages()) {
      const res = await page.goto(`${origin}${url}`);
      expect(res?.status(), url).toBe(200);
      found.push(...(await seriousViolations(page, url)));
    }
    await context.close();
    expect(found).toEqual([]);
  });

  it('html-validate (recommended rules) finds no errors', async () => {
    expect(published).toBeDefined();
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const found: string[] = [];
    for (const url of pages()) {
      const res = await fetch(`${origin}${url}`);
      expect(res.status, url).toBe(200);
      const report = await validator.validateString(await res.text());
      for (const result of report.results) {
        for (const m of result.messages) {
          found.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
