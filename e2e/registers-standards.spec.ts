import type { Adoption, Standard } from '@plenum/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium, signIn as openAs } from './fixtures/browser.ts';
import { apiPost, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let standard: Standard;

beforeAll(async () => {
  w = await startWorkspace();
  // The commission has adopted a standard that Belarus led; the states now record their adoption.
  standard = await apiPost<Standard>(w.t, '/standards', {
    designation: 'ICMEC-ST 0015-2026',
    title: {
      en: 'Marking of military products for interstate deliveries',
      ru: 'Маркировка продукции военного назначения при межгосударственных поставках',
    },
    status: 'adopted',
    leadMemberState: 'BLR',
    bodyId: w.commission.id,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('workspace: standards register and adoption matrix', () => {
  it('a delegate records its own state’s adoption with reservations, not another state’s, and the matrix shows it', async () => {
    const page = await openAs(browser, w, 'delegatearm@example.org');
    await page.getByRole('link', { name: 'Standards' }).click();
    await page.getByRole('list', { name: 'Standards' }).waitFor();
    await page.getByRole('link', { name: standard.designation }).click();
    await page.getByRole('heading', { level: 1, name: standard.designation }).waitFor();

    // Armenia's delegate may edit Armenia's record only: no control for Belarus.
    const adoptions = page.getByRole('table', { name: 'Adoption by the member states' });
    await adoptions.waitFor();
    expect(await page.getByRole('button', { name: 'Edit the adoption by State BLR' }).count()).toBe(
      0,
    );
    await page.getByRole('button', { name: 'Edit the adoption by State ARM' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Adopted with reservations' }).check();
    await dialog.getByRole('textbox', { name: 'National reference' }).fill('AST 0015-2026');
    const effective = dialog.getByRole('textbox', { name: 'Effective date' });
    await effective.fill(isoDay(30));
    await effective.press('Enter');
    await dialog
      .getByRole('textbox', { name: 'Reservations (English)' })
      .fill('Clause 4.2 applies from 2028.');
    await dialog.getByRole('button', { name: 'Save the adoption' }).click();
    await dialog.waitFor({ state: 'detached' });

    const armRow = adoptions.getByRole('row').filter({ hasText: 'State ARM' });
    await armRow.getByText('Adopted with reservations').waitFor();
    await armRow.getByText('AST 0015-2026').waitFor();
    await armRow.getByText('Clause 4.2 applies from 2028.').waitFor();

    // The API refuses Armenia's delegate the Belarusian record.
    const forbidden = await w.t.as('delegateArm', {
      method: 'PUT',
      url: `/api/v1/standards/${standard.id}/adoptions/BLR`,
      headers: { 'if-match': '"0"' },
      payload: { status: 'adopted', nationalReference: 'STB 1', effectiveDate: isoDay(10) },
    });
    expect(forbidden.statusCode).toBe(403);

    const stored = await w.t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/standards/${standard.id}/adoptions`,
    });
    const arm = (stored.json() as { items: Adoption[] }).items.find((a) => a.memberState === 'ARM');
    expect(arm?.status).toBe('adopted_with_reservations');
    expect(arm?.nationalReference).toBe('AST 0015-2026');
    expect(arm?.effectiveDate).toBe(isoDay(30));
    expect(arm?.reservations?.en).toBe('Clause 4.2 applies from 2028.');

    // The matrix names the new status in words for Armenia (not by colour alone).
    await page.getByRole('link', { name: 'Standards', exact: true }).first().click();
    await page.getByRole('link', { name: 'Adoption matrix' }).click();
    const matrix = page.getByRole('table', { name: 'Adoption matrix' });
    await matrix.waitFor();
    const row = matrix.getByRole('row').filter({ hasText: standard.designation });
    await row.getByRole('button', { name: 'State ARM: Adopted with reservations' }).waitFor();
    // Belarus's cell is no edit control for Armenia's delegate: it links to the standard.
    await row.getByRole('link', { name: 'State BLR: Pending' }).waitFor();
    expect(await row.getByRole('button', { name: /State BLR/ }).count()).toBe(0);
    // The legend explains the marks.
    await page
      .getByRole('list', { name: 'Legend' })
      .getByText('Adopted with reservations')
      .waitFor();
    await page.context().close();
  });
});
