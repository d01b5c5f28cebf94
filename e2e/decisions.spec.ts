import type { Decision, Meeting } from '@plenum/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium, signIn as openAs } from './fixtures/browser.ts';
import { apiPost, seedMeeting, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let decision: Decision;
let other: Decision;
let review: Meeting;

const signIn = (email: string) => openAs(browser, w, email);

beforeAll(async () => {
  w = await startWorkspace();
  // Meeting XX adopted the decision; meeting XXI reviews its implementation.
  const earlier = await seedMeeting(w, {
    number: 20,
    startDate: isoDay(-120),
    location: { city: { en: 'Minsk', ru: 'Минск' }, country: 'BLR' },
  });
  review = await seedMeeting(w, {
    number: 21,
    startDate: isoDay(30),
    location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK' },
  });
  decision = await apiPost<Decision>(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId: earlier.id,
    title: {
      en: 'On the joint programme of repair of armoured vehicles',
      ru: 'О совместной программе ремонта бронетехники',
    },
    text: { en: 'The member states **shall** report on the repair programme.' },
  });
  for (const memberState of ['ARM', 'BLR']) {
    await apiPost(w.t, `/decisions/${decision.id}/assignments`, {
      memberState,
      dueDate: isoDay(20),
    });
  }
  // A decision for Belarus only: Armenia's delegate must not see it among its own.
  other = await apiPost<Decision>(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId: earlier.id,
    title: { en: 'On the standardization of spare parts' },
    text: { en: 'Belarus prepares the catalogue.' },
  });
  await apiPost(w.t, `/decisions/${other.id}/assignments`, {
    memberState: 'BLR',
    dueDate: isoDay(10),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('workspace: implementation of decisions', () => {
  it('a delegate sees its state’s open assignments first and reports through the dashboard', async () => {
    const page = await signIn('delegatearm@example.org');
    const own = page.getByRole('list', { name: 'Open assignments of State ARM' });
    await own.waitFor();
    // Its own list comes before everything else on the page.
    const firstList = page.getByRole('list').first();
    expect(await firstList.getAttribute('aria-label')).toBe('Open assignments of State ARM');
    await own.getByRole('listitem').first().waitFor();
    expect(await own.getByRole('listitem').count()).toBe(1);
    expect(await own.textContent()).toContain(decision.number);

    await own.getByRole('button', { name: `Report on decision ${decision.number}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status of implementation' }).click();
    await page.getByRole('option', { name: 'Implemented', exact: true }).click();
    await dialog
      .getByRole('textbox', { name: 'Account of implementation (English)' })
      .fill('All twelve vehicles were repaired at the Yerevan plant.');
    await dialog.getByRole('button', { name: 'Submit the report' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Your state has no open assignments.').waitFor();

    const reports = await w.t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/decisions/${decision.id}/reports`,
    });
    const items = (reports.json() as { items: { status: string; text: { en?: string } }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'implemented',
      text: { en: 'All twelve vehicles were repaired at the Yerevan plant.' },
    });

    // On the decision page the delegate may report for its own state only.
    await page.goto(`${w.origin}/app/decisions/${decision.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(decision.number) }).waitFor();
    await page.getByRole('table', { name: 'Assignments' }).waitFor();
    expect(await page.getByRole('button', { name: 'Report for State ARM' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Report for State BLR' }).count()).toBe(0);
    await page.context().close();
  });

  it('the secretariat sees the reported status in the meeting’s implementation review', async () => {
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/meetings/${review.id}`);
    await page.getByRole('tab', { name: 'Implementation review' }).click();
    await page.waitForURL(/\/implementation$/);
    const arm = page.getByRole('button', { name: `${decision.number} · State ARM: Implemented` });
    await arm.waitFor();
    await page.getByRole('button', { name: `${decision.number} · State BLR: Pending` }).waitFor();
    // The cell opens the assignment's report history.
    await arm.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('All twelve vehicles were repaired at the Yerevan plant.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Putting the review on the agenda twice is explained, not failed silently.
    await page.getByRole('button', { name: 'Put on the agenda' }).click();
    await page.getByText('The review is on the agenda').waitFor();
    await page.getByRole('button', { name: 'Put on the agenda' }).click();
    await page.getByRole('alert').filter({ hasText: 'already has this item' }).waitFor();
    await page.context().close();
  });

  it('the secretariat corrects a decision’s title, links it to another, and the history shows both', async () => {
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/decisions/${decision.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(decision.number) }).waitFor();

    const oldTitle = 'On the joint programme of repair of armoured vehicles';
    const newTitle = 'On the joint programme of repair of armoured vehicles for 2026–2030';
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: `Edit decision ${decision.number}` });
    const title = edit.getByRole('textbox', { name: 'Title (English)' });
    expect(await title.inputValue()).toBe(oldTitle);
    await title.fill(newTitle);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    // Only the changed field was sent: the Russian title and the text stay as they were.
    const stored = (
      await w.t.as('secretariat', { method: 'GET', url: `/api/v1/decisions/${decision.id}` })
    ).json() as Decision;
    expect(stored.title).toEqual({
      en: newTitle,
      ru: 'О совместной программе ремонта бронетехники',
    });
    expect(stored.version).toBe(decision.version + 1);

    await page.getByRole('button', { name: 'Add link' }).click();
    const link = page.getByRole('dialog', { name: `Link decision ${decision.number} to another` });
    await link.getByRole('combobox', { name: 'Relation' }).click();
    await page.getByRole('option', { name: 'Extends', exact: true }).click();
    const target = link.getByRole('combobox', { name: /^Other decision/ });
    // The decision itself is never offered.
    await target.fill('armoured vehicles');
    await page.getByText('Nothing found').waitFor();
    await target.fill('spare parts');
    await page.getByRole('option', { name: `${other.number} ${other.title.en}` }).click();
    await link.getByRole('button', { name: 'Add link' }).click();
    await link.waitFor({ state: 'detached' });
    // Case-sensitive: the history's "Linked: extends …" is no match.
    await page.getByText(new RegExp(`^Extends ${other.number} `)).waitFor();

    const history = page.getByRole('list', { name: 'History of changes' });
    await history.getByText(`Title: “${oldTitle}” → “${newTitle}”`).waitFor();
    const linked = history.getByText(`Linked: extends ${other.number}`);
    await linked.waitFor();
    expect(await linked.getByRole('link', { name: other.number }).getAttribute('href')).toBe(
      `/app/decisions/${other.id}`,
    );
    // Who and when, and the earlier events of the assignments in sentences too.
    expect(await history.textContent()).toContain('Assigned to State ARM, due');
    expect(await history.textContent()).toContain('State ARM reported: implemented');
    await page.context().close();
  });

  it('an edit that meets a change made meanwhile is not saved over it: the form offers the stored version', async () => {
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/decisions/${other.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: `Edit decision ${other.number}` });
    await edit.getByRole('textbox', { name: 'Title (English)' }).fill('Mine');
    // Someone else corrects the title first.
    const changed = await w.t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/decisions/${other.id}`,
      headers: { 'if-match': `"${other.version}"` },
      payload: { title: { en: 'Theirs' } },
    });
    expect(changed.statusCode).toBe(200);
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog', { name: 'Someone else changed this record' }).waitFor();
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    await edit.getByRole('status').filter({ hasText: 'changed this decision meanwhile' }).waitFor();
    expect(await edit.getByRole('textbox', { name: 'Title (English)' }).inputValue()).toBe(
      'Theirs',
    );
    await page.context().close();
  });
});
