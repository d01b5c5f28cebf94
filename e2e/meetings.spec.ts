import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium } from './fixtures/browser.ts';
import { PASSWORD, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let page: Page;

/** The agenda rows as shown: "position title" from each row's accessible name. */
async function agendaRows(): Promise<string[]> {
  const list = page.getByRole('list', { name: /^(Agenda|Повестка дня)$/ });
  await list.waitFor();
  return list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
}

beforeAll(async () => {
  w = await startWorkspace();
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('workspace: a meeting and its agenda', () => {
  it('signs in through the login page', async () => {
    await page.goto(`${w.origin}/app/meetings`);
    await page.waitForURL(/\/app\/login/);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('secretariat@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/meetings/);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
  });

  it('creates a meeting', async () => {
    await page.getByRole('link', { name: 'New meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor();
    await page.getByRole('combobox', { name: 'Body' }).click();
    await page.getByRole('option', { name: /Interstate Commission/ }).click();
    const first = page.getByRole('textbox', { name: 'First day' });
    await first.fill(isoDay(20));
    await first.press('Tab');
    await page.getByRole('textbox', { name: 'City (English)' }).fill('Dushanbe');
    await page.getByRole('textbox', { name: 'City (Russian)' }).fill('Душанбе');
    await page.getByRole('combobox', { name: 'Host country' }).click();
    await page.getByRole('option', { name: /TJK/ }).click();
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.waitForURL(/\/app\/meetings\/[^/]+$/);
    await page
      .getByRole('heading', { level: 1, name: /meeting of the Interstate Commission/ })
      .waitFor();
  });

  it('explains an edit conflict and loads the latest version', async () => {
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('textbox', { name: 'Venue (English)' }).fill('Palace of Nations');
    // Someone else changes the meeting meanwhile.
    const elsewhere = await w.t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${meetingId}`,
      payload: { notes: { en: 'Changed elsewhere' } },
    });
    expect(elsewhere.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Load the latest version' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('textbox', { name: 'Notes (English)' }).inputValue()).toBe(
      'Changed elsewhere',
    );
    expect(await page.getByRole('textbox', { name: 'Venue (English)' }).inputValue()).toBe('');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('adds three agenda items, reorders them by keyboard drag and by indenting, and saves the order', async () => {
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.waitForURL(/\/agenda$/);
    for (const title of [
      'Opening of the meeting',
      'Implementation of decisions',
      'Adoption of the programme',
    ]) {
      await page.getByRole('button', { name: 'Add item' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Title (English)' }).fill(title);
      await dialog.getByRole('button', { name: 'Add item' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('listitem', { name: new RegExp(title) }).waitFor();
    }
    expect(await agendaRows()).toEqual([
      '1 Opening of the meeting',
      '2 Implementation of decisions',
      '3 Adoption of the programme',
    ]);

    // dnd-kit's keyboard sensor: Space picks the item up, arrows move it, Space drops it.
    const handle = page.getByRole('button', { name: 'Move item 3: Adoption of the programme' });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await page.getByText('The new order is not saved yet').waitFor();
    expect(await agendaRows()).toEqual([
      '1 Adoption of the programme',
      '2 Opening of the meeting',
      '3 Implementation of decisions',
    ]);

    // One level down: item 3 becomes a sub-item of item 2.
    await page.getByRole('button', { name: 'Make item 3 a sub-item of the one above' }).click();
    expect(await agendaRows()).toEqual([
      '1 Adoption of the programme',
      '2 Opening of the meeting',
      '2.1 Implementation of decisions',
    ]);

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/agenda-items/order') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save order' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('The new order is not saved yet').waitFor({ state: 'detached' });
  });

  it('approves the agenda', async () => {
    await page.getByRole('button', { name: 'Approve agenda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the agenda?' });
    await dialog.getByRole('button', { name: 'Approve agenda' }).click();
    await page.getByRole('alert').filter({ hasText: 'Agenda approved' }).waitFor();
  });

  it('after a reload shows the saved order and the approved state with its amendments log', async () => {
    await page.reload();
    expect(await agendaRows()).toEqual([
      '1 Adoption of the programme',
      '2 Opening of the meeting',
      '2.1 Implementation of decisions',
    ]);
    await page.getByRole('alert').filter({ hasText: 'Agenda approved' }).waitFor();
    await page.getByText('AGENDA APPROVED', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Amendments' }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve agenda' }).count()).toBe(0);
  });

  it('switches to Russian, and the choice persists across a reload', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('tab', { name: 'Повестка дня' }).waitFor();
    await page.getByRole('link', { name: 'Заседания' }).first().waitFor();
    await page.getByRole('link', { name: 'Государства-члены' }).waitFor();
    await page.getByRole('link', { name: 'Органы' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Повестка дня утверждена' }).waitFor();
    await page.getByRole('heading', { name: 'Поправки к повестке дня' }).waitFor();
    await page.getByRole('heading', { level: 1, name: /заседание Межгосударственной/ }).waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Общие сведения' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await agendaRows()).toEqual([
      '1 Adoption of the programme',
      '2 Opening of the meeting',
      '2.1 Implementation of decisions',
    ]);
  });
});
