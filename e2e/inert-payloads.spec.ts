/**
 * Issue 9 in the browser: records whose every text field carries script and markup payloads,
 * opened in the workspace (news, meeting, decision, document) in real Chromium. No dialog may
 * open, no injected element may exist, and the `window.__pwned` flag the payloads would set
 * stays undefined.
 */
import type { Decision, Meeting, NewsItem } from '@plenum/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium, signIn } from './fixtures/browser.ts';
import { apiPost, seedMeeting, startWorkspace, type Workspace } from './fixtures/server.ts';

/** Each text starts with a plain marker, so the page can be waited for by its visible text. */
const MARKUP = [
  '<script>window.__pwned=1;alert(1)</script>',
  '"><img src=x onerror="window.__pwned=1;alert(1)">',
  "'><svg onload=window.__pwned=1>",
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<details open ontoggle=window.__pwned=1>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template payload, on purpose
  '{{7*7}} ${7*7}',
].join(' ');
const MARKDOWN = [
  '[link](javascript:window.__pwned=1)',
  '![img](javascript:window.__pwned=1)',
  '<img src=x onerror=window.__pwned=1>',
  '<a href="javascript:window.__pwned=1">raw</a>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
].join('\n\n');
const text = (marker: string) => ({ en: `${marker} ${MARKUP}`, ru: `${marker} ${MARKUP}` });
const markdown = (marker: string) => ({
  en: `${marker} ${MARKUP}\n\n${MARKDOWN}`,
  ru: `${marker} ${MARKUP}\n\n${MARKDOWN}`,
});

/** Elements and attributes that only an executed payload could have put in the page. */
const INJECTED =
  'img[src="x"], [onerror], [onload], [ontoggle], [onmouseover], iframe, details[open][ontoggle], ' +
  'a[href^="javascript:" i], img[src^="javascript:" i], a[href^="data:text/html" i]';

let w: Workspace;
let browser: Browser;
let news: NewsItem;
let meeting: Meeting;
let decision: Decision;
let documentId: string;

beforeAll(async () => {
  w = await startWorkspace();
  meeting = await seedMeeting(w, {
    startDate: isoDay(30),
    status: 'announced',
    location: {
      // A city has at most 200 characters: the first payloads only.
      city: { en: `INERT-CITY ${MARKUP.slice(0, 150)}`, ru: `INERT-CITY ${MARKUP.slice(0, 150)}` },
      country: 'TJK',
      venue: text('INERT-VENUE'),
    },
  });
  const item = await apiPost<{ id: string }>(w.t, `/meetings/${meeting.id}/agenda-items`, {
    title: text('INERT-ITEM'),
    description: markdown('INERT-ITEM-DESCRIPTION'),
  });
  decision = await apiPost<Decision>(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId: meeting.id,
    agendaItemId: item.id,
    title: text('INERT-DECISION'),
    text: markdown('INERT-DECISION-TEXT'),
  });
  news = await apiPost<NewsItem>(w.t, '/news', {
    slug: 'inert-payloads',
    title: text('INERT-NEWS'),
    summary: text('INERT-SUMMARY'),
    body: markdown('INERT-BODY'),
  });
  const document = await apiPost<{ id: string }>(w.t, '/documents', {
    title: text('INERT-DOCUMENT'),
    kind: 'draft_decision',
    bodyId: w.commission.id,
  });
  documentId = document.id;
  await apiPost(w.t, `/documents/${documentId}/versions`, {
    text: markdown('INERT-VERSION'),
    note: text('INERT-NOTE'),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** Opens a workspace page, waits for the marker, and reports what the payloads managed. */
async function visit(page: Page, path: string, marker: string) {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  await page.goto(`${w.origin}/app${path}`);
  await page.getByText(marker).first().waitFor();
  // Give an injected handler (onerror of a broken image, ontoggle) time to fire.
  await page.waitForTimeout(500);
  const result = {
    dialogs,
    pwned: await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    injected: await page.locator(INJECTED).count(),
    scripts: await page.evaluate(
      () =>
        [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned'))
          .length,
    ),
  };
  page.off('dialog', onDialog);
  return result;
}

describe('workspace: payloads stay text', () => {
  let page: Page;

  beforeAll(async () => {
    page = await signIn(browser, w, 'secretariat@example.org');
  });

  const clean = { dialogs: [], pwned: undefined, injected: 0, scripts: 0 };

  it('the news item page', async () => {
    expect(await visit(page, `/news/${news.id}`, 'INERT-NEWS')).toEqual(clean);
  });

  it('the news list', async () => {
    expect(await visit(page, '/news', 'INERT-NEWS')).toEqual(clean);
  });

  it('the meeting page', async () => {
    expect(await visit(page, `/meetings/${meeting.id}`, 'INERT-CITY')).toEqual(clean);
  });

  it('the meeting’s agenda with its items', async () => {
    expect(await visit(page, `/meetings/${meeting.id}/agenda`, 'INERT-ITEM')).toEqual(clean);
  });

  it('the decision page with its Markdown text', async () => {
    expect(await visit(page, `/decisions/${decision.id}`, 'INERT-DECISION')).toEqual(clean);
  });

  it('the document page with its version', async () => {
    expect(await visit(page, `/documents/${documentId}`, 'INERT-DOCUMENT')).toEqual(clean);
  });

  it('the checks would see an injected element, and the policy keeps its handler from running', async () => {
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', 'window.__pwned=1');
      document.body.append(img);
    });
    await page.waitForTimeout(300);
    expect(await page.locator(INJECTED).count()).toBeGreaterThan(0);
    // The workspace's Content-Security-Policy refuses inline handlers: a second line of defence.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(
      undefined,
    );
    await page.evaluate(() => {
      (window as unknown as { __pwned?: unknown }).__pwned = 1;
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(1);
  });
});
