/**
 * The registers of joint projects and IP results in the browser: the secretariat is refused a
 * joint venture of one state (and told why), then saves it with a partner of another state; an IP
 * result whose shares total 90% is refused with the total, then saved at 100%; a delegate of a
 * state not on a restricted result's access list does not see it in the register.
 */
import type { IpResult, Organization } from '@plenum/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn as openAs } from './fixtures/browser.ts';
import { apiPost, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
const orgs: Record<string, Organization> = {};

const signIn = (email: string) => openAs(browser, w, email);

/** Chooses an option of a Mantine select by typing part of it. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, name: RegExp, text: string) {
  const box = scope.getByRole('combobox', { name });
  await box.click();
  await box.fill(text);
  await page
    .getByRole('option', { name: new RegExp(text) })
    .first()
    .click();
}

beforeAll(async () => {
  w = await startWorkspace();
  const org = async (key: string, en: string, memberState: string) => {
    orgs[key] = await apiPost<Organization>(w.t, '/organizations', {
      name: { en },
      memberState,
      kind: 'enterprise',
    });
  };
  await org('yerevan', 'Yerevan Optics Plant', 'ARM');
  await org('gyumri', 'Gyumri Machine Works', 'ARM');
  await org('minsk', 'Minsk Wheel Tractor Plant', 'BLR');
  // Two results: one internal, one confidential for Belarus only.
  await apiPost<IpResult>(w.t, '/ip-results', {
    title: { en: 'Open gearbox design' },
    kind: 'industrial_design',
    rightsHolders: [{ organizationId: orgs.minsk!.id, share: 100 }],
  });
  await apiPost<IpResult>(w.t, '/ip-results', {
    title: { en: 'Confidential armour alloy' },
    kind: 'know_how',
    classification: 'restricted',
    accessList: { memberStates: ['BLR'], bodyIds: [] },
    rightsHolders: [{ organizationId: orgs.minsk!.id, share: 100 }],
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('registers of projects and IP results', () => {
  it('refuses a joint venture of one state, saying why, and saves it with a partner of another', async () => {
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/projects`);
    await page.getByRole('heading', { name: 'Joint projects', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New project' }).click();
    await page.getByRole('heading', { name: 'New project', level: 1 }).waitFor();
    const form = page.locator('form');
    await form.getByRole('textbox', { name: 'Title (English)' }).fill('Joint venture for optics');
    await form.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'Joint venture', exact: true }).click();
    await choose(page, form, /^Organization 1/, 'Yerevan Optics');
    await form.getByRole('button', { name: 'Add a participant' }).click();
    await choose(page, form, /^Organization 2/, 'Gyumri Machine');
    await form.getByRole('button', { name: 'Create the project' }).click();

    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    const said = await refusal.textContent();
    expect(said).toContain('at least two member states');
    expect(said).toContain('State ARM');
    expect(page.url()).toMatch(/\/app\/projects\/new$/);

    await form.getByRole('button', { name: 'Add a participant' }).click();
    await choose(page, form, /^Organization 3/, 'Minsk Wheel');
    await form.getByRole('button', { name: 'Create the project' }).click();
    await page.getByRole('heading', { name: 'Joint venture for optics', level: 1 }).waitFor();
    expect(page.url()).not.toMatch(/\/new$/);
    const participants = page.getByRole('table', { name: 'Participants' });
    await participants.getByRole('link', { name: 'Minsk Wheel Tractor Plant' }).waitFor();
    expect(await participants.getByRole('row').count()).toBe(4);
    // The lifecycle: approve the proposed project.
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved').first().waitFor();
    await page.context().close();
  });

  it('refuses IP-result shares totalling 90 with the total, and saves them at 100', async () => {
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/ip-results/new`);
    await page.getByRole('heading', { name: 'New result', level: 1 }).waitFor();
    const form = page.locator('form');
    await form.getByRole('textbox', { name: 'Title (English)' }).fill('Thermal imaging sight');
    await choose(page, form, /^Rights holder 1/, 'Yerevan Optics');
    await form.getByRole('textbox', { name: 'Share 1' }).fill('50');
    await form.getByRole('button', { name: 'Add a rights holder' }).click();
    await choose(page, form, /^Rights holder 2/, 'Minsk Wheel');
    await form.getByRole('textbox', { name: 'Share 2' }).fill('40');
    await expect.poll(() => form.getByTestId('shares-total').textContent()).toContain('90%');
    await form.getByRole('button', { name: 'Create the result' }).click();

    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('The shares total 90%');
    expect(page.url()).toMatch(/\/app\/ip-results\/new$/);

    await form.getByRole('textbox', { name: 'Share 2' }).fill('50');
    await expect.poll(() => form.getByTestId('shares-total').textContent()).toContain('100%');
    await form.getByRole('button', { name: 'Create the result' }).click();
    await page.getByRole('heading', { name: 'Thermal imaging sight', level: 1 }).waitFor();
    const holders = page.getByRole('table', { name: 'Rights holders' });
    await holders.getByText('50 %').first().waitFor();
    await page.context().close();
  });

  it('hides a restricted result from a delegate of a state not on its access list', async () => {
    const page = await signIn('delegatearm@example.org');
    await page.goto(`${w.origin}/app/ip-results`);
    await page.getByRole('heading', { name: 'Intellectual-property results', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Intellectual-property results' });
    await list.getByRole('link', { name: 'Open gearbox design' }).waitFor();
    expect(await list.getByRole('link', { name: 'Confidential armour alloy' }).count()).toBe(0);
    expect(await page.getByText('Confidential armour alloy').count()).toBe(0);
    await page.context().close();
  });
});
