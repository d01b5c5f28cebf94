import type { Meeting } from '@plenum/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './fixtures/axe.ts';
import { isoDay, launchChromium, signIn } from './fixtures/browser.ts';
import {
  apiPost,
  PASSWORD,
  seedMeeting,
  startWorkspace,
  type Workspace,
} from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let meeting: Meeting;
/** The secretariat's workspace, on the meeting's Session tab. */
let desk: Page;
/** The room display, as an observer's screen in the hall. */
let room: Page;

const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const ITEMS = [
  'Opening of the meeting',
  'Implementation of decisions',
  'Adoption of the programme',
];
/** "Within a couple of seconds": the room follows the live stream, never a reload. */
const FOLLOW = { timeout: 2_500 };

beforeAll(async () => {
  w = await startWorkspace();
  meeting = await seedMeeting(w, {
    number: 21,
    startDate: isoDay(0),
    location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK' },
    status: 'announced',
  });
  for (const title of ITEMS) {
    await apiPost(w.t, `/meetings/${meeting.id}/agenda-items`, { title: { en: title } });
  }
  browser = await launchChromium();
  desk = await signIn(browser, w, 'secretariat@example.org');
  room = await signIn(browser, w, 'observer@example.org', { width: 1920, height: 1080 });
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** Records a delegation's position through the dialog of the Session tab. */
async function recordPosition(state: string, position: string, reservation?: string) {
  await desk
    .getByRole('button', {
      name: new RegExp(`^(Record position|Change): State ${state} \\(${state}\\)$`),
    })
    .click();
  const dialog = desk.getByRole('dialog', { name: `Position of State ${state} (${state})` });
  await dialog.getByRole('radio', { name: position, exact: true }).check();
  if (reservation) {
    await dialog.getByRole('textbox', { name: 'Reservation (English)' }).fill(reservation);
  }
  await dialog.getByRole('button', { name: 'Record position' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The room display's tile of one delegation. */
const tile = (state: string) =>
  room
    .getByRole('list', { name: 'Positions of the delegations' })
    .getByRole('listitem')
    .filter({
      hasText: `(${state})`,
    });

describe('session mode: the secretariat runs the meeting, the room display follows', () => {
  it('opens the room display and the Session tab', async () => {
    await room.goto(`${w.origin}/app/meetings/${meeting.id}/room`);
    await room.getByRole('heading', { level: 1, name: 'The session has not opened yet' }).waitFor();
    // Marks the page: a reload would lose it.
    await room.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await desk.goto(`${w.origin}/app/meetings/${meeting.id}`);
    await desk.getByRole('tab', { name: 'Session' }).click();
    await desk.waitForURL(/\/session$/);
    await desk.getByRole('button', { name: 'Open the session' }).waitFor();
  });

  it('opens the session', async () => {
    await desk.getByRole('button', { name: 'Open the session' }).click();
    await desk.getByRole('button', { name: 'Close the session' }).waitFor();
    await room
      .getByRole('heading', { level: 1, name: 'No agenda item is under discussion' })
      .waitFor(FOLLOW);
  });

  it('advances the agenda, and the room shows the current item', async () => {
    await desk
      .getByRole('button', { name: 'Make current: item 2. Implementation of decisions' })
      .click();
    await room
      .getByRole('heading', { level: 1, name: 'Implementation of decisions' })
      .waitFor(FOLLOW);
    await room.getByText('Agenda item 2', { exact: true }).waitFor();

    await desk
      .getByRole('button', { name: 'Make current: item 3. Adoption of the programme' })
      .click();
    await room
      .getByRole('heading', { level: 1, name: 'Adoption of the programme' })
      .waitFor(FOLLOW);
    expect(
      await desk
        .getByRole('listitem')
        .filter({ hasText: 'Adoption of the programme' })
        .getAttribute('aria-current'),
    ).toBe('step');
  });

  it('marks the delegations present, and the room shows the quorum', async () => {
    await room.getByText('No quorum: 0 present, 6 required').waitFor(FOLLOW);
    for (const state of STATES) {
      await desk.getByRole('button', { name: `Mark present: State ${state} (${state})` }).click();
      await desk.getByRole('button', { name: `Mark absent: State ${state} (${state})` }).waitFor();
    }
    await room.getByText('Quorum: 6 present, 6 required').waitFor(FOLLOW);
  });

  it('puts a draft decision to the meeting, and the room shows it awaiting positions', async () => {
    await desk.getByRole('button', { name: 'Put a draft decision' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Put a draft decision to the meeting' });
    await dialog
      .getByRole('textbox', { name: 'Title (English)' })
      .fill('On the long-term programme');
    await dialog
      .getByRole('textbox', { name: 'Text (English)' })
      .fill('1. To approve the long-term programme of military-economic cooperation.');
    await dialog.getByRole('button', { name: 'Put to the meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    await room
      .getByRole('heading', { level: 2, name: 'On the long-term programme' })
      .waitFor(FOLLOW);
    await room.getByText('Awaiting 6 positions').waitFor(FOLLOW);
  });

  it('records positions, and the room shows each with its words and mark', async () => {
    await recordPosition('ARM', 'Concurs');
    await tile('ARM').getByText('Concurs', { exact: true }).waitFor(FOLLOW);
    expect(await tile('ARM').textContent()).toContain('✓');

    await recordPosition('BLR', 'Concurs with a reservation', 'Subject to ratification.');
    await tile('BLR').getByText('Concurs with a reservation').waitFor(FOLLOW);
    await tile('BLR').getByText('Subject to ratification.').waitFor();

    await recordPosition('KAZ', 'Objects');
    await tile('KAZ').getByText('Objects', { exact: true }).waitFor(FOLLOW);
    expect(await tile('KAZ').textContent()).toContain('✗');
    await room.getByText('1 objection: no consensus').waitFor(FOLLOW);
  });

  it('refuses adoption while a present state objects, naming it', async () => {
    await desk.getByRole('button', { name: 'Adopt', exact: true }).click();
    const alert = desk.getByRole('alert').filter({ hasText: 'Objecting: State KAZ (KAZ).' });
    await alert.waitFor();
  });

  it('adopts by consensus, and the room shows the decision number', async () => {
    await recordPosition('KAZ', 'Abstains');
    for (const state of ['KGZ', 'RUS', 'TJK']) {
      await recordPosition(state, 'Concurs');
    }
    await tile('TJK').getByText('Concurs', { exact: true }).waitFor(FOLLOW);
    await room.getByText('✓ Consensus: no objection').waitFor(FOLLOW);

    await desk.getByRole('button', { name: 'Adopt', exact: true }).click();
    const number = desk.getByRole('link', { name: /^Decision No\. / }).first();
    await number.waitFor();
    const text = (await number.textContent()) ?? '';
    expect(text).toMatch(/^Decision No\. 21\/\d+$/);
    await room.getByText(`★ Adopted: ${text}`).waitFor(FOLLOW);

    // The room followed every step without a reload.
    expect(await room.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
  });

  it('shows that it is reconnecting, and misses nothing said meanwhile', async () => {
    // The server ends every stream (as an instance going down does); browsers come back after 1 s.
    w.t.app.events.endStreams();
    await room.getByRole('status').filter({ hasText: 'Reconnecting…' }).waitFor(FOLLOW);
    // TJK leaves the room while the display is cut off.
    const res = await w.t.as('secretariat', {
      method: 'PUT',
      url: `/api/v1/meetings/${meeting.id}/session/attendance/TJK`,
      payload: { present: false },
    });
    expect(res.statusCode).toBe(200);
    await room.getByText('No quorum: 5 present, 6 required').waitFor({ timeout: 5_000 });
    await room
      .getByRole('status')
      .filter({ hasText: 'Reconnecting…' })
      .waitFor({ state: 'detached' });
  });

  it('switches the room display to Russian', async () => {
    await room.getByRole('button', { name: 'Русский' }).click();
    await room.getByText(/Принято: решение № 21\/\d+/).waitFor();
    await room.getByText('Воздерживается').waitFor();
    await room.getByText('Согласен с оговоркой').waitFor();
    expect(new URL(room.url()).searchParams.get('lang')).toBe('ru');
  });
});

describe('written procedure: circulated, answered by a delegate, adopted when all concur', () => {
  let delegate: Page;
  let proposalUrl: string;

  it('the secretariat circulates a draft decision', async () => {
    await desk.getByRole('link', { name: 'Written procedure' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Written procedure' }).waitFor();
    await desk.getByRole('button', { name: 'Circulate a draft decision' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Circulate a draft decision' });
    await dialog.getByRole('button', { name: 'Circulate' }).click();
    // Nothing is sent while the form is incomplete.
    await dialog.getByText('Title: required in at least one of the two languages').waitFor();
    await dialog.getByRole('combobox', { name: 'Body' }).click();
    await desk.getByRole('option', { name: /Interstate Commission/ }).click();
    await dialog
      .getByRole('textbox', { name: 'Title (English)' })
      .fill('On the secretariat budget');
    await dialog.getByRole('textbox', { name: 'Text (English)' }).fill('To approve the budget.');
    await dialog.getByRole('button', { name: 'Circulate' }).click();
    await desk.waitForURL(/\/written-procedures\/[^/]+$/);
    await desk.getByRole('heading', { level: 1, name: 'On the secretariat budget' }).waitFor();
    proposalUrl = desk.url();
  });

  it("a delegate records its own state's position, with a reservation", async () => {
    delegate = await signIn(browser, w, 'delegatearm@example.org');
    await delegate.goto(`${w.origin}/app/written-procedures`);
    const row = delegate.getByRole('listitem').filter({ hasText: 'On the secretariat budget' });
    await row.getByText('Awaiting your position').waitFor();
    await row.getByRole('link', { name: 'On the secretariat budget' }).click();
    await delegate.getByRole('heading', { level: 1, name: 'On the secretariat budget' }).waitFor();
    // Its own state only.
    expect(
      await delegate.getByRole('button', { name: 'Position of State BLR (BLR)' }).count(),
    ).toBe(0);
    await delegate.getByRole('button', { name: 'Position of State ARM (ARM)' }).click();
    const dialog = delegate.getByRole('dialog', { name: 'Position of State ARM (ARM)' });
    await dialog.getByRole('radio', { name: 'Concurs with a reservation' }).check();
    await dialog.getByRole('button', { name: 'Record position' }).click();
    await dialog
      .getByText('Write the reservation (the special opinion) in at least one language')
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Reservation (English)' }).fill('Within our quota.');
    await dialog.getByRole('button', { name: 'Record position' }).click();
    await dialog.waitFor({ state: 'detached' });
    await delegate.getByRole('cell', { name: 'Within our quota.' }).waitFor();
  });

  it("the secretariat's open page shows the delegate's position without a reload", async () => {
    expect(desk.url()).toBe(proposalUrl);
    await desk.getByRole('cell', { name: 'Within our quota.' }).waitFor(FOLLOW);
  });

  it('is adopted when every state has concurred, and links the numbered decision', async () => {
    const id = proposalUrl.split('/').pop()!;
    for (const state of ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']) {
      const res = await w.t.as('secretariat', {
        method: 'PUT',
        url: `/api/v1/proposals/${id}/positions/${state}`,
        payload: { position: 'concur' },
      });
      expect(res.statusCode).toBe(200);
    }
    const link = desk.getByRole('link', { name: /^Decision No\. WP-\d{4}\/1$/ });
    await link.waitFor(FOLLOW);
    await link.click();
    await desk.waitForURL(/\/decisions\/[^/]+$/);
    await desk.getByRole('heading', { level: 1, name: /On the secretariat budget/ }).waitFor();
  });
});

describe('accessibility', () => {
  it('axe-core finds no serious or critical violations on the room display and the session pages, in both languages', async () => {
    // The workspace's CSP refuses the injected axe script; the check bypasses it.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${w.origin}/app/login`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill('secretariat@example.org');
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/$/);
    const found: string[] = [];
    const checks: [string, () => Promise<unknown>][] = [
      [
        '/app/',
        () => page.getByRole('heading', { level: 1, name: 'Implementation overview' }).waitFor(),
      ],
      [
        `/app/meetings/${meeting.id}/session`,
        () => page.getByRole('link', { name: 'Room display' }).waitFor(),
      ],
      [
        '/app/written-procedures',
        () => page.getByRole('heading', { level: 1, name: 'Written procedure' }).waitFor(),
      ],
      [
        `/app/meetings/${meeting.id}/room`,
        () => page.getByRole('heading', { level: 1, name: 'Adoption of the programme' }).waitFor(),
      ],
      [
        `/app/meetings/${meeting.id}/room?lang=ru`,
        () => page.getByText(/Принято: решение № 21/).waitFor(),
      ],
    ];
    for (const [url, ready] of checks) {
      await page.goto(`${w.origin}${url}`);
      await ready();
      found.push(...(await seriousViolations(page, url)));
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
