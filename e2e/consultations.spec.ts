import type { Consultation, Document } from '@plenum/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, launchChromium, signIn as openAs } from './fixtures/browser.ts';
import { apiPost, seedMeeting, startWorkspace, type Workspace } from './fixtures/server.ts';

let w: Workspace;
let browser: Browser;
let doc: Document;
let round: Consultation;

const signIn = (email: string) => openAs(browser, w, email);

beforeAll(async () => {
  w = await startWorkspace();
  // The secretariat drafts a regulation with its first version and sends it to two states.
  doc = await apiPost<Document>(w.t, '/documents', {
    title: {
      en: 'Regulation on the exchange of technical documentation',
      ru: 'Положение об обмене технической документацией',
    },
    kind: 'regulation',
    bodyId: w.council.id,
    classification: 'internal',
  });
  await apiPost(w.t, `/documents/${doc.id}/versions`, {
    text: {
      en: '1. The member states exchange technical documentation.\n\n2. The secretariat keeps the register of exchanges.',
    },
    note: { en: 'First draft' },
  });
  round = await apiPost<Consultation>(w.t, '/consultations', {
    documentId: doc.id,
    memberStates: ['ARM', 'BLR'],
    deadline: isoDay(14),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('workspace: documents and consultations', () => {
  it('a delegate concurs with comments and comments on a clause for its own state only', async () => {
    const page = await signIn('delegatearm@example.org');
    await page.getByRole('link', { name: 'Consultations' }).click();
    await page.getByRole('list', { name: 'Consultations' }).waitFor();
    await page.getByRole('link', { name: doc.title.en as string }).click();
    await page.getByRole('heading', { level: 1, name: /Round 1/ }).waitFor();

    // Armenia's delegate may answer for Armenia, not for Belarus.
    expect(await page.getByRole('button', { name: 'Position of State BLR (BLR)' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Position of State ARM (ARM)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Concurs with comments' }).check();
    await dialog
      .getByRole('textbox', { name: 'Note (English)' })
      .fill('Armenia concurs subject to the comment on clause 2.');
    await dialog.getByRole('button', { name: 'Give position' }).click();
    await dialog.waitFor({ state: 'detached' });
    const positions = page.getByRole('table', { name: 'Positions of the member states' });
    await positions.getByText('Concurs with comments').waitFor();

    await page.getByRole('button', { name: 'Add a comment' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Clause' }).fill('2');
    await form
      .getByRole('textbox', { name: 'Comment (English)' })
      .fill('The register should be public.');
    await form
      .getByRole('textbox', { name: 'Proposed wording (English)' })
      .fill('The secretariat keeps a public register of exchanges.');
    await form.getByRole('button', { name: 'Add a comment' }).click();
    await form.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Consolidated table of comments' });
    await table.getByText('The register should be public.').waitFor();
    expect(await table.getByText('Not resolved').count()).toBe(1);
    // Only the secretariat resolves comments.
    expect(await page.getByRole('button', { name: 'Resolve comment 1' }).count()).toBe(0);

    const stored = await w.t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/consultations/${round.id}`,
    });
    const c = stored.json() as Consultation;
    expect(c.positions.find((p) => p.memberState === 'ARM')?.position).toBe('concur_with_comments');
    expect(c.comments.total).toBe(1);
    await page.context().close();
  });

  it('the secretariat resolves the comment, closes the round and the document shows the outcome', async () => {
    // Belarus concurs through the API.
    const blr = await w.t.as('delegateBlr', {
      method: 'PUT',
      url: `/api/v1/consultations/${round.id}/positions/BLR`,
      payload: { position: 'concur' },
    });
    expect(blr.statusCode).toBe(200);

    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/consultations/${round.id}`);
    await page.getByRole('heading', { level: 1, name: /Round 1/ }).waitFor();
    await page.getByRole('button', { name: 'Resolve comment 1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Resolution' }).click();
    await page.getByRole('option', { name: 'Accepted', exact: true }).click();
    await dialog
      .getByRole('textbox', { name: 'Response (English)' })
      .fill('Clause 2 now provides for a public register.');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Consolidated table of comments' });
    await table.getByText('Clause 2 now provides for a public register.').waitFor();
    await table.getByText('Accepted').waitFor();

    // The confirmation says what closing will record.
    await page.getByRole('button', { name: 'Close the round' }).click();
    const confirm = page.getByRole('dialog', { name: 'Close the round' });
    await confirm.getByText('Closing now records the outcome:').waitFor();
    expect(await confirm.getByText('Agreed').count()).toBe(1);
    await confirm.getByRole('button', { name: 'Close and record the outcome' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(/^Closed /).waitFor();

    await page
      .getByRole('link', { name: doc.title.en as string })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/app/documents/${doc.id}$`));
    await page.getByRole('heading', { level: 1, name: doc.title.en as string }).waitFor();
    const rounds = page.getByRole('table', { name: 'Consultation rounds' });
    await rounds.getByText('Agreed').waitFor();
    // The document's status follows the outcome.
    const status = page.locator('dd').filter({ hasText: 'Agreed' });
    await status.first().waitFor();
    const stored = await w.t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/documents/${doc.id}`,
    });
    expect((stored.json() as Document).status).toBe('agreed');
    await page.context().close();
  });

  it('the secretariat adds a version with a file, compares it and opens a round for a council meeting', async () => {
    // An agreed document takes no new versions: a second draft, with its first version.
    const draft = await apiPost<Document>(w.t, '/documents', {
      title: { en: 'Programme of joint repair works' },
      kind: 'program',
      bodyId: w.commission.id,
    });
    await apiPost(w.t, `/documents/${draft.id}/versions`, {
      text: {
        en: '1. The member states exchange technical documentation.\n\n2. The secretariat keeps the register of exchanges.',
      },
    });
    const page = await signIn('secretariat@example.org');
    await page.goto(`${w.origin}/app/documents/${draft.id}`);
    await page.getByRole('button', { name: 'New version' }).click();
    const dialog = page.getByRole('dialog', { name: 'New version' });
    await dialog
      .getByRole('textbox', { name: 'Text (Markdown) (English)' })
      .fill(
        '1. The member states exchange technical documentation.\n\n2. The secretariat keeps a public register of exchanges.',
      );
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'regulation-v2.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Regulation, second draft.\n'),
    });
    await dialog.getByText('regulation-v2.txt').waitFor();
    await dialog
      .getByRole('textbox', { name: 'Note on what changed (English)' })
      .fill('Comment 1 accepted');
    await dialog.getByRole('button', { name: 'Save the version' }).click();
    await dialog.waitFor({ state: 'detached' });

    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('link', { name: /regulation-v2\.txt/ }).waitFor();
    const compare = page.getByRole('region', { name: 'Comparison of version 1 with version 2' });
    await compare.waitFor();
    expect((await compare.locator('del').allTextContents()).join(' ')).toMatch(/the/);
    expect((await compare.locator('ins').allTextContents()).join(' ')).toContain('public');

    // A round on the new version, for the council's next meeting; the meeting page lists it.
    const councilMeeting = await seedMeeting(w, {
      bodyId: w.council.id,
      number: 7,
      startDate: isoDay(20),
      location: { city: { en: 'Minsk', ru: 'Минск' }, country: 'BLR' },
    });
    await page.getByRole('button', { name: 'Open a new round' }).click();
    const form = page.getByRole('dialog', { name: 'Open a new round' });
    await form.getByRole('combobox', { name: 'Council meeting' }).click();
    await page.getByRole('option', { name: /VII meeting of the Coordinating Council/ }).click();
    await form.getByRole('button', { name: 'Open the round' }).click();
    await page.waitForURL(/\/app\/consultations\/[0-9a-f-]+$/);
    await page
      .getByRole('heading', { level: 1, name: /Round 1: Programme of joint repair works/ })
      .waitFor();
    // Every member state is invited by default.
    const positions = page.getByRole('table', { name: 'Positions of the member states' });
    expect(await positions.getByText('No answer yet').count()).toBe(6);
    await page.goto(`${w.origin}/app/meetings/${councilMeeting.id}`);
    const rounds = page.getByRole('table', { name: 'Documents coordinated for this meeting' });
    await rounds.getByRole('link', { name: 'Programme of joint repair works' }).waitFor();
    await page.context().close();
  });
});
