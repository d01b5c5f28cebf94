import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, STATES, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it, whitespace joined. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-session-minutes-'));
  try {
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; the schemas check them
type Json = Record<string, any>;

const AKN_SCHEMA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/standards/akn/akomantoso30.xsd',
);

/** libxml2's complaint about an Akoma Ntoso document, or null when it is valid. */
async function aknComplaint(xml: string): Promise<string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-session-akn-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    await run('xmllint', ['--noout', '--nonet', '--schema', AKN_SCHEMA, file]);
    return null;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The minutes of a meeting held in session mode (issue 8): each adopted decision with the
 * delegations' positions and special opinions, the delegations present, and the decisions
 * adopted by written procedure since the previous meeting.
 */
describe(`minutes of a session (${DIALECT})`, () => {
  let t: TestApp;
  let meeting: string;
  let year: number;

  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await t.as('secretariat', {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    year = new Date().getUTCFullYear();
    const body = await insertBody(t.handle.db, {
      slug: 'icmec',
      name: 'Commission',
      nameRu: 'Комиссия',
    });
    await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 20,
      startDate: daysFromToday(-20),
      status: 'held',
    });
    meeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: daysFromToday(5),
    });

    // Between the meetings: a written procedure, adopted with a special opinion.
    const wp = (
      await api('POST', '/proposals', {
        procedure: 'written',
        bodyId: body,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        title: { en: 'On the audit of the fund', ru: 'О проверке фонда' },
        text: { en: 'Audit the fund.', ru: 'Провести проверку фонда.' },
      })
    ).json() as Json;
    for (const code of STATES) {
      await api(
        'PUT',
        `/proposals/${wp.id}/positions/${code}`,
        code === 'KAZ'
          ? {
              position: 'concur_with_reservation',
              reservation: { en: 'Audit by national means', ru: 'Проверка национальными силами' },
            }
          : { position: 'concur' },
      );
    }

    // The meeting in session: all present, one decision with positions.
    const item = (
      await api('POST', `/meetings/${meeting}/agenda-items`, {
        title: { en: 'On the programme', ru: 'О программе' },
        kind: 'decision',
      })
    ).json() as Json;
    await api('POST', `/meetings/${meeting}/session/open`);
    for (const code of STATES) {
      await api('PUT', `/meetings/${meeting}/session/attendance/${code}`, { present: true });
    }
    const p = (
      await api('POST', '/proposals', {
        procedure: 'session',
        meetingId: meeting,
        agendaItemId: item.id,
        title: { en: 'On the joint programme', ru: 'О совместной программе' },
        text: { en: 'Approve the programme.', ru: 'Одобрить программу.' },
      })
    ).json() as Json;
    await api('PUT', `/proposals/${p.id}/positions/ARM`, { position: 'concur' });
    await api('PUT', `/proposals/${p.id}/positions/BLR`, {
      position: 'concur_with_reservation',
      reservation: { en: 'Subject to ratification', ru: 'При условии ратификации' },
    });
    await api('PUT', `/proposals/${p.id}/positions/KGZ`, { position: 'abstain' });
    await api('POST', `/proposals/${p.id}/adopt`);
    await api('POST', `/meetings/${meeting}/session/close`);
  });

  afterAll(async () => {
    await t.close();
  });

  it('renders positions, special opinions, attendance and the written procedure in English', async () => {
    const res = await api('GET', `/meetings/${meeting}/minutes.pdf?lang=en`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Delegations of the member states present');
    expect(text).toContain('State ARM, State BLR, State KAZ, State KGZ, State RUS, State TJK');
    expect(text).toContain('Decision № 21/1. On the joint programme');
    expect(text).toContain('Positions of the delegations');
    expect(text).toContain('State ARM: concurs');
    expect(text).toContain(
      'State BLR: concurs with a reservation. Special opinion: Subject to ratification',
    );
    expect(text).toContain('State KGZ: abstains');
    expect(text).toContain('Decisions adopted by written procedure');
    expect(text).toContain(`Decision № WP-${year}/1. On the audit of the fund`);
    expect(text).toContain('Special opinion: Audit by national means');

    const docx = await api('GET', `/meetings/${meeting}/minutes.docx?lang=en`);
    const visible = await docxText(docx.rawPayload);
    expect(visible).toContain('Positions of the delegations');
    expect(visible).toContain('Subject to ratification');
    expect(visible).toContain('Decisions adopted by written procedure');
  });

  it('carries them in the Akoma Ntoso minutes, valid against the schema', async () => {
    const res = await api('GET', `/meetings/${meeting}/minutes.akn.xml?lang=en`);
    const xml = res.body;
    expect(await aknComplaint(xml)).toBeNull();
    expect(xml).toContain(
      'Positions of the delegations: State ARM: concurs; State BLR: concurs with a reservation (Special opinion: Subject to ratification); State KGZ: abstains.',
    );
    expect(xml).toContain('name="writtenProcedure"');
    expect(xml).toContain('Decisions adopted by written procedure');
    expect(xml).toContain('Special opinion: Audit by national means');
  });

  it('renders them in Russian', async () => {
    const res = await api('GET', `/meetings/${meeting}/minutes.pdf?lang=ru`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Присутствовали делегации государств-членов');
    expect(text).toContain('Позиции делегаций');
    expect(text).toContain(
      'Государство BLR: согласие с оговоркой. Особое мнение: При условии ратификации',
    );
    expect(text).toContain('Решения, принятые в порядке письменной процедуры');
    expect(text).toContain('О проверке фонда');
    expect(text).toContain('Особое мнение: Проверка национальными силами');

    const docx = await api('GET', `/meetings/${meeting}/minutes.docx?lang=ru`);
    const visible = await docxText(docx.rawPayload);
    expect(visible).toContain('Позиции делегаций');
    expect(visible).toContain('При условии ратификации');
  });

  it('freezes positions, attendance and written decisions in an issued revision', async () => {
    const issued = await api('POST', `/meetings/${meeting}/minutes/revisions`);
    expect(issued.statusCode).toBe(201);
    // A later change of the record does not change the frozen revision.
    await t.handle.db
      .updateTable('proposalPositions')
      .set({ reservation: JSON.stringify({ en: 'Changed later' }) })
      .where('memberState', '=', 'BLR')
      .execute();
    const res = await api('GET', `/meetings/${meeting}/minutes.pdf?lang=en&revision=1`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Special opinion: Subject to ratification');
    expect(text).not.toContain('Changed later');
    expect(text).toContain(`WP-${year}/1`);
    expect(text).toContain('Delegations of the member states present');
  });
});
