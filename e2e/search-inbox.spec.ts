import type { Decision } from '@plenum/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium, signIn as openAs } from './fixtures/browser.ts';
import { apiPost, seedMeeting, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let repair: Decision;
let standards: Decision;

const signIn = (email: string) => openAs(browser, w, email, { width: 1280, height: 900 });

async function unreadCount(caller: 'delegateBlr'): Promise<number> {
  const res = await w.t.as(caller, { method: 'GET', url: '/api/v1/notifications/unread-count' });
  return (res.json() as { count: number }).count;
}

beforeAll(async () => {
  w = await startWorkspace();
  const earlier = await seedMeeting(w, {
    number: 20,
    startDate: isoDay(-120),
    location: { city: { en: 'Minsk', ru: 'Минск' }, country: 'BLR' },
  });
  // Titles of the demo dataset's decisions.
  repair = await apiPost<Decision>(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId: earlier.id,
    title: {
      en: 'On the joint programme of repair of armoured vehicles',
      ru: 'О совместной программе ремонта бронетанковой техники',
    },
    text: { en: 'The member states shall report annually on the armoured vehicles repaired.' },
  });
  await apiPost(w.t, `/decisions/${repair.id}/assignments`, {
    memberState: 'ARM',
    dueDate: isoDay(20),
  });
  standards = await apiPost<Decision>(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId: earlier.id,
    title: { en: 'On the standardization of defence products' },
    text: { en: 'Prepare the catalogue of interstate standards.' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('workspace: search, notifications and what waits', () => {
  it('Ctrl+K finds a decision by a word, highlights it, and Enter opens the decision', async () => {
    const page = await signIn('secretariat@example.org');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const input = dialog.getByRole('combobox', { name: 'Words to find' });
    await input.waitFor();
    await input.pressSequentially('armoured', { delay: 30 });
    const hits = dialog.getByRole('listbox', { name: 'Search results' });
    const hit = hits.getByRole('option', { name: repair.title.en });
    await hit.waitFor();
    // The matched word is marked in the snippet, as text (the snippet is never HTML).
    const marks = await hit.locator('mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('armoured');
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    expect(await hits.getByRole('option').count()).toBe(1);
    // The facets count the hits by type.
    await dialog.getByRole('button', { name: /^Decisions\s*1$/ }).waitFor();

    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/app/decisions/${repair.id}$`));
    await page.getByRole('heading', { level: 1, name: new RegExp(repair.number) }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // "/" outside a field opens it too; arrows move between hits; the full page pages by type.
    await page.keyboard.press('/');
    await input.fill('standardization');
    await hits.getByRole('option', { name: standards.title.en }).waitFor();
    await dialog.getByRole('button', { name: /Show all results/ }).click();
    await page.waitForURL(/\/app\/search\?q=standardization/);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByRole('tab', { name: 'Decisions (1)' }).waitFor();
    await page.getByRole('list', { name: 'Search results' }).getByText(standards.title.en!).click();
    await page.waitForURL(new RegExp(`/app/decisions/${standards.id}$`));
    await page.context().close();
  });

  it('a delegate sees its state’s open assignment among what waits for it', async () => {
    const page = await signIn('delegatearm@example.org');
    await page.getByRole('link', { name: 'Waiting for me' }).click();
    await page.waitForURL(/\/app\/waiting$/);
    await page.getByRole('heading', { level: 1, name: 'Waiting for me' }).waitFor();
    const list = page.getByRole('list', { name: 'Assignments of State ARM to report on' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toContain(repair.title.en);
    await list.getByRole('link', { name: `Report on decision ${repair.number}` }).click();
    await page.waitForURL(new RegExp(`/app/decisions/${repair.id}$`));
    await page.context().close();
  });

  it('the bell shows a new assignment’s notification; opening it marks it read', async () => {
    const page = await signIn('delegateblr@example.org');
    // Belarus has nothing to do yet.
    await page.goto(`${w.origin}/app/waiting`);
    await page.getByText('Nothing waits for you.').waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

    await apiPost(w.t, `/decisions/${standards.id}/assignments`, {
      memberState: 'BLR',
      dueDate: isoDay(30),
    });
    // The count is polled every minute and on returning to the window: return to it.
    expect(await unreadCount('delegateBlr')).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
    const bell = page.getByRole('button', { name: 'Notifications: 1 unread' });
    await bell.waitFor({ timeout: 5_000 });

    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const latest = panel.getByRole('list', { name: 'Latest notifications' });
    await latest.getByRole('listitem').first().waitFor();
    expect(await latest.getByRole('listitem').count()).toBe(1);
    const item = latest.getByRole('button').first();
    expect(await item.textContent()).toContain(standards.number);
    await item.click();
    await page.waitForURL(new RegExp(`/app/decisions/${standards.id}$`));
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await expect.poll(() => unreadCount('delegateBlr')).toBe(0);
    await page.context().close();
  });
});
