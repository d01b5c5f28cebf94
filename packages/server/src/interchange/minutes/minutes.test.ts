import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import {
  advanceMeeting,
  auditEventsOf,
  createMeeting,
  ICMEC_GENITIVE,
  ICMEC_NAME,
  insertBody,
  insertPerson,
} from '../../modules/meetings/test-fixtures.ts';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it (what a reader would copy out). */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-minutes-'));
  try {
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    // Lines broken by the layout are joined, so a phrase can be found whatever its wrapping.
    return stdout.replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The document part and the footers of a DOCX. */
async function docxParts(docx: Buffer): Promise<{ document: string; footers: string }> {
  const zip = await JSZip.loadAsync(docx);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const footerFiles = zip.file(/^word\/footer\d*\.xml$/);
  const footers = (await Promise.all(footerFiles.map((f) => f.async('string')))).join('\n');
  return { document, footers };
}

/** The visible text of WordprocessingML, runs joined. */
const docxText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

const DECISION_TEXT = {
  en: '## Operative part\n\nThe Commission **decides**:\n\n1. to approve *the long-term program*;\n2. to instruct the secretariat to report.\n\n- first bullet of the annex',
  ru: '## Постановляющая часть\n\nКомиссия **решила**:\n\n1. одобрить *долгосрочную программу*;\n2. поручить секретариату доложить.\n\n- первый пункт приложения',
};

describe(`minutes (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  let otherBody: string;
  let m20: string;
  let m21: string;
  let m22: string;
  let planned: string;
  let otherMeeting: string;
  let decisionId: string;
  let decisionVersion: number;
  let restrictedDoc: string;

  const api = (caller: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.as(caller, {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const ok = async (
    caller: Caller,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    status = 200,
  ) => {
    const res = await api(caller, method, url, payload);
    expect(res.statusCode, res.body).toBe(status);
    return res;
  };
  const pdf = async (caller: Caller, url: string) =>
    pdfText((await ok(caller, 'GET', url)).rawPayload);

  beforeAll(async () => {
    t = await createTestApp();
    body = await insertBody(t, { name: ICMEC_NAME, nameGenitive: ICMEC_GENITIVE });
    otherBody = await insertBody(t, {
      name: { en: 'Council of Standards', ru: 'Совет по стандартам' },
    });
    const chair = await insertPerson(t, {
      name: { en: 'Aram Petrosyan', ru: 'Арам Петросян' },
      memberState: 'ARM',
      position: { en: 'Minister of Industry', ru: 'Министр промышленности' },
    });
    const secretary = await insertPerson(t, {
      name: { en: 'Ivan Sidorov', ru: 'Иван Сидоров' },
      position: { en: 'Secretary-General', ru: 'Генеральный секретарь' },
    });
    const delegate = await insertPerson(t, {
      name: { en: 'Olga Ivanova', ru: 'Ольга Иванова' },
      memberState: 'BLR',
    });

    m20 = (await createMeeting(t, body, { number: 20, startDate: '2029-10-20' })).id;
    await advanceMeeting(t, m20, ['announced', 'in_session', 'held']);
    m21 = (
      await createMeeting(t, body, {
        number: 21,
        startDate: '2030-04-27',
        endDate: '2030-04-28',
        chairPersonId: chair,
        location: {
          city: { en: 'Dushanbe', ru: 'Душанбе' },
          country: 'TJK',
          venue: { en: 'Palace of Nations', ru: 'Дворец наций' },
        },
      })
    ).id;
    m22 = (await createMeeting(t, body, { number: 22, startDate: '2030-11-15' })).id;
    planned = (await createMeeting(t, body, { number: 23, startDate: '2031-04-01' })).id;
    otherMeeting = (await createMeeting(t, otherBody, { number: 30, startDate: '2030-12-01' })).id;
    await advanceMeeting(t, otherMeeting, ['announced', 'in_session']);

    // A decision of the XX meeting, under review at the XXI.
    const earlier = await ok(
      'secretariat',
      'POST',
      '/decisions',
      {
        bodyId: body,
        meetingId: m20,
        title: { en: 'On joint research', ru: 'О совместных исследованиях' },
        text: { en: 'Do research.', ru: 'Провести исследования.' },
      },
      201,
    );
    await ok(
      'secretariat',
      'POST',
      `/decisions/${earlier.json().id}/assignments`,
      {
        memberState: 'KAZ',
        dueDate: '2031-01-01',
      },
      201,
    );

    for (const [participant, role, memberState] of [
      [chair, 'chair', 'ARM'],
      [secretary, 'secretary_general', null],
      [delegate, 'delegation_head', 'BLR'],
    ] as const) {
      await ok(
        'secretariat',
        'POST',
        `/meetings/${m21}/participants`,
        {
          personId: participant,
          role,
          memberState,
        },
        201,
      );
    }
    const review = await ok(
      'secretariat',
      'POST',
      `/meetings/${m21}/agenda-items`,
      {
        title: {
          en: 'On the implementation of the decisions of the XX meeting',
          ru: 'О ходе выполнения решений XX заседания',
        },
        kind: 'implementation_review',
      },
      201,
    );
    expect(review.json().position).toBe('1');
    const program = await ok(
      'secretariat',
      'POST',
      `/meetings/${m21}/agenda-items`,
      {
        title: { en: 'On the long-term program', ru: 'О долгосрочной программе' },
        kind: 'decision',
        rapporteurPersonId: secretary,
      },
      201,
    );
    const doc = await ok(
      'secretariat',
      'POST',
      '/documents',
      {
        title: { en: 'Secret annex on artillery', ru: 'Секретное приложение об артиллерии' },
        kind: 'draft_decision',
        bodyId: body,
        classification: 'restricted',
        accessList: { memberStates: ['ARM'], bodyIds: [] },
      },
      201,
    );
    restrictedDoc = doc.json().id;
    await ok(
      'secretariat',
      'POST',
      `/meetings/${m21}/agenda-items/${program.json().id}/documents`,
      {
        documentId: restrictedDoc,
      },
      201,
    );

    const decision = await ok(
      'secretariat',
      'POST',
      '/decisions',
      {
        bodyId: body,
        meetingId: m21,
        agendaItemId: program.json().id,
        title: {
          en: 'On the long-term program of cooperation',
          ru: 'О долгосрочной программе сотрудничества',
        },
        text: DECISION_TEXT,
      },
      201,
    );
    decisionId = decision.json().id;
    decisionVersion = decision.json().version;
    // English only: the Russian edition shows it marked as a fallback.
    await ok(
      'secretariat',
      'POST',
      '/decisions',
      {
        bodyId: body,
        meetingId: m21,
        kind: 'recommendation',
        title: { en: 'On the calendar of meetings' },
        text: { en: 'Meet twice a year.' },
      },
      201,
    );
    await advanceMeeting(t, m21, ['announced', 'in_session']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 409 for a meeting that has not sat, and for issuing before it is held', async () => {
    const res = await api('secretariat', 'GET', `/meetings/${planned}/minutes.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await api('observer', 'GET', `/meetings/${planned}/decisions.docx`)).statusCode).toBe(
      409,
    );
    // In session: a live draft exists, but no revision is issued yet.
    const issue = await api('secretariat', 'POST', `/meetings/${m21}/minutes/revisions`);
    expect(issue.statusCode, issue.body).toBe(409);
    const info = (await ok('observer', 'GET', `/meetings/${m21}/minutes`)).json();
    expect(info).toMatchObject({ available: true, canIssue: false, revisions: [] });
  });

  it('says why in the caller’s language', async () => {
    const res = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${planned}/minutes.pdf`,
      headers: { 'accept-language': 'ru' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'Протокол существует только у идущих (проект) или проведённых заседаний.',
    );
  });

  it('documents the routes in OpenAPI, with the bilingual edition', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<
      string,
      Record<string, { parameters?: { name: string; schema: { enum?: string[] } }[] }>
    >;
    for (const path of [
      '/api/v1/meetings/{id}/minutes',
      '/api/v1/meetings/{id}/minutes/revisions',
      '/api/v1/meetings/{id}/minutes/revisions/{number}/approve',
      '/api/v1/meetings/{id}/minutes.docx',
      '/api/v1/meetings/{id}/decisions.pdf',
    ]) {
      expect(paths[path], path).toBeDefined();
    }
    const lang = paths['/api/v1/meetings/{id}/minutes.pdf']?.get?.parameters?.find(
      (p) => p.name === 'lang',
    );
    expect(lang?.schema.enum).toEqual(['en', 'ru', 'bilingual']);
  });

  it('renders the live draft of a meeting in session, marked as not issued', async () => {
    const text = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=en`);
    expect(text).toContain('DRAFT — NOT ISSUED');
    expect(text).toContain('MINUTES');
    expect(text).toContain('of the XXI meeting of the Interstate Commission');
  });

  it('refuses a bad language or revision with a 400 problem', async () => {
    for (const query of ['lang=de', 'lang=', 'revision=abc', 'revision=0', 'revision=-1']) {
      const res = await api('observer', 'GET', `/meetings/${m21}/minutes.pdf?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const res = await api('observer', 'GET', `/meetings/${m21}/decisions.docx?lang=fr`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toContain('lang');
  });

  it('answers 401 to anonymous callers and 404 for a meeting that does not exist', async () => {
    expect((await api('anonymous', 'GET', `/meetings/${m21}/minutes.pdf`)).statusCode).toBe(401);
    expect((await api('anonymous', 'GET', `/meetings/${m21}/minutes/revisions`)).statusCode).toBe(
      401,
    );
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const url of [
      `/meetings/${missing}/minutes.pdf`,
      `/meetings/${missing}/decisions.docx`,
      `/meetings/${missing}/minutes`,
      `/meetings/${missing}/minutes/revisions`,
    ]) {
      expect((await api('delegateArm', 'GET', url)).statusCode, url).toBe(404);
    }
    expect(
      (await api('secretariat', 'POST', `/meetings/${missing}/minutes/revisions`)).statusCode,
    ).toBe(404);
  });

  describe('once held', () => {
    beforeAll(async () => {
      await advanceMeeting(t, m21, ['held']);
    });

    it('renders the minutes in Russian: Cyrillic text, structure and page numbers', async () => {
      const text = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=ru`);
      expect(text).toContain('ПРОТОКОЛ');
      expect(text).toContain(
        'XXI заседания Межгосударственной комиссии по военно-экономическому сотрудничеству',
      );
      expect(text).toContain('Душанбе');
      expect(text).toContain('27–28 апреля 2030 г.');
      expect(text).toContain('Председательствовал: Арам Петросян, Министр промышленности');
      expect(text).toContain('Делегация: Государство BLR');
      expect(text).toContain('ПОВЕСТКА ДНЯ');
      expect(text).toContain('1. О ходе выполнения решений XX заседания');
      expect(text).toContain('2. О долгосрочной программе');
      expect(text).toContain('Докладчик: Иван Сидоров');
      // The review: its summary and the decision of the XX meeting with its assignee.
      expect(text).toContain('Рассмотрено решений: 1');
      expect(text).toContain('О совместных исследованиях');
      expect(text).toContain('РЕШИЛИ:');
      expect(text).toContain('Решение № 21/1. О долгосрочной программе сотрудничества');
      expect(text).toContain('Постановляющая часть');
      expect(text).toContain('1. одобрить долгосрочную программу;');
      expect(text).toContain('2. поручить секретариату доложить.');
      expect(text).toContain('первый пункт приложения');
      // The English-only recommendation, marked as such.
      expect(text).toContain('On the calendar of meetings [имеется только на английском языке]');
      expect(text).toContain('Генеральный секретарь');
      expect(text).toMatch(/Стр\. 1 из \d+/);
      expect(text).not.toContain('MINUTES');
    });

    it('renders the minutes in English as PDF and DOCX', async () => {
      const text = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=en`);
      expect(text).toContain(
        'of the XXI meeting of the Interstate Commission for Military-Economic Cooperation',
      );
      expect(text).toContain('27–28 April 2030');
      expect(text).toContain('Delegation of State ARM');
      expect(text).toContain('Decision № 21/1. On the long-term program of cooperation');
      expect(text).toContain('The Commission decides:');
      expect(text).toMatch(/Page 1 of \d+/);
      expect(text).not.toContain('ПРОТОКОЛ');

      const res = await ok('observer', 'GET', `/meetings/${m21}/minutes.docx?lang=en`);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['content-disposition']).toContain('minutes-XXI-meeting-draft-en.docx');
      const { document, footers } = await docxParts(res.rawPayload);
      const visible = docxText(document);
      expect(visible).toContain('MINUTES');
      expect(visible).toContain('On the long-term program of cooperation');
      expect(visible).toContain('to approve the long-term program;');
      // Markdown structure: a heading, a numbered and a bulleted list, bold and italic runs.
      expect(document).toContain('w:numPr');
      expect(document).toMatch(/<w:pStyle w:val="Heading\d"\/>/);
      expect(document).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>decides<\/w:t>/);
      expect(document).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>the long-term program<\/w:t>/);
      // Page numbers are Word fields: "Page {PAGE} of {NUMPAGES}".
      expect(footers).toContain('Page ');
      expect(footers).toContain('PAGE');
      expect(footers).toContain('NUMPAGES');
    });

    it('renders the bilingual edition with both languages side by side', async () => {
      const text = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=bilingual`);
      expect(text).toContain('MINUTES');
      expect(text).toContain('ПРОТОКОЛ');
      expect(text).toContain('The Commission decides:');
      expect(text).toContain('Комиссия решила:');
      expect(text).toMatch(/Page 1 of \d+ \/ Стр\. 1 из \d+/);
      expect(text).toContain('[имеется только на английском языке]');

      const res = await ok('observer', 'GET', `/meetings/${m21}/minutes.docx?lang=bilingual`);
      const { document, footers } = await docxParts(res.rawPayload);
      const visible = docxText(document);
      expect(visible).toContain('Dushanbe');
      expect(visible).toContain('Душанбе');
      expect(visible).toContain('English');
      expect(visible).toContain('Русский');
      expect(document).toContain('<w:tbl>');
      expect(footers).toContain('Стр. ');
      expect(XMLValidator.validate(document)).toBe(true);
      // Word refuses a table cell that does not end with a paragraph (here: nested tables).
      expect(document).not.toMatch(/<\/w:tbl><\/w:tc>/);
    });

    it('lists the decisions of the meeting as PDF and DOCX', async () => {
      const text = await pdf('delegateBlr', `/meetings/${m21}/decisions.pdf?lang=ru`);
      expect(text).toContain('РЕШЕНИЯ');
      expect(text).toContain('принятые на XXI заседании Межгосударственной комиссии');
      expect(text).toContain('Решение № 21/1. О долгосрочной программе сотрудничества');
      expect(text).toContain('Рекомендация № 21/2');
      expect(text).toContain('одобрить долгосрочную программу');
      expect(text).toMatch(/Стр\. 1 из \d+/);
      // Decisions of other meetings are not in the list.
      expect(text).not.toContain('О совместных исследованиях');

      const res = await ok('delegateBlr', 'GET', `/meetings/${m21}/decisions.docx?lang=en`);
      const visible = docxText((await docxParts(res.rawPayload)).document);
      expect(visible).toContain('DECISIONS');
      expect(visible).toContain('Recommendation № 21/2. On the calendar of meetings');
    });

    it('leaves out documents the caller may not read', async () => {
      const staff = await pdf('secretariat', `/meetings/${m21}/minutes.pdf?lang=en`);
      expect(staff).toContain('Secret annex on artillery');
      const allowed = await pdf('delegateArm', `/meetings/${m21}/minutes.pdf?lang=en`);
      expect(allowed).toContain('Secret annex on artillery');
      for (const caller of ['delegateBlr', 'observer'] as const) {
        const text = await pdf(caller, `/meetings/${m21}/minutes.pdf?lang=bilingual`);
        expect(text).not.toContain('Secret annex');
        expect(text).not.toContain('Секретное приложение');
        const docx = await ok(caller, 'GET', `/meetings/${m21}/minutes.docx?lang=bilingual`);
        expect(docxText((await docxParts(docx.rawPayload)).document)).not.toContain('Secret annex');
      }
    });

    it('lets only the secretariat issue and approve revisions', async () => {
      for (const caller of ['delegateArm', 'observer'] as const) {
        const res = await api(caller, 'POST', `/meetings/${m21}/minutes/revisions`);
        expect(res.statusCode).toBe(403);
      }
      expect(
        (await api('anonymous', 'POST', `/meetings/${m21}/minutes/revisions`)).statusCode,
      ).toBe(401);
      const list = await ok('delegateArm', 'GET', `/meetings/${m21}/minutes/revisions`);
      expect(list.json().items).toEqual([]);
    });

    it('issues numbered revisions that freeze the minutes, and audits them', async () => {
      const first = await ok(
        'secretariat',
        'POST',
        `/meetings/${m21}/minutes/revisions`,
        undefined,
        201,
      );
      expect(first.json()).toMatchObject({ number: 1, status: 'draft', issuedBy: 'secretariat' });
      expect(first.headers.location).toBe(`/api/v1/meetings/${m21}/minutes/revisions/1`);
      const second = await ok(
        'secretariat',
        'POST',
        `/meetings/${m21}/minutes/revisions`,
        undefined,
        201,
      );
      expect(second.json().number).toBe(2);

      // The record changes after revision 2 was issued.
      const renamed = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/decisions/${decisionId}`,
        headers: { 'if-match': `"${decisionVersion}"` },
        payload: { title: { en: 'On the amended program', ru: 'Об изменённой программе' } },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);

      const frozen = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=en&revision=2`);
      expect(frozen).toContain('On the long-term program of cooperation');
      expect(frozen).not.toContain('On the amended program');
      expect(frozen).toContain('Revision 2 — draft');
      // The default edition is the latest revision, not the live record.
      const latest = await pdf('observer', `/meetings/${m21}/decisions.pdf?lang=ru`);
      expect(latest).toContain('О долгосрочной программе сотрудничества');
      expect(latest).toContain('Редакция 2 — проект');

      const third = await ok(
        'secretariat',
        'POST',
        `/meetings/${m21}/minutes/revisions`,
        undefined,
        201,
      );
      expect(third.json().number).toBe(3);
      const renewed = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=en`);
      expect(renewed).toContain('On the amended program');
      expect(renewed).toContain('Revision 3 — draft');

      const list = await ok('observer', 'GET', `/meetings/${m21}/minutes/revisions`);
      expect(list.json().items.map((r: { number: number }) => r.number)).toEqual([1, 2, 3]);
      expect(
        (await api('observer', 'GET', `/meetings/${m21}/minutes.pdf?revision=9`)).statusCode,
      ).toBe(404);
      expect(
        (await api('observer', 'GET', `/meetings/${m21}/minutes/revisions/9`)).statusCode,
      ).toBe(404);

      const events = await auditEventsOf(t, 'minutes_revision', `${m21}/2`);
      expect(events.map((e) => e.action)).toEqual(['create']);
      expect(events[0]?.actorId).toBe(t.userIds.secretariat);
    });

    it('keeps restricted documents out of frozen revisions for callers who may not read them', async () => {
      const text = await pdf('delegateBlr', `/meetings/${m21}/minutes.pdf?lang=en&revision=1`);
      expect(text).toContain('Revision 1 — draft');
      expect(text).not.toContain('Secret annex');
      expect(await pdf('delegateArm', `/meetings/${m21}/minutes.pdf?lang=en&revision=1`)).toContain(
        'Secret annex on artillery',
      );
    });

    it('approves the latest revision at a later meeting of the same body, and then only', async () => {
      const approve = (
        n: number,
        payload: Record<string, unknown>,
        caller: Caller = 'secretariat',
      ) => api(caller, 'POST', `/meetings/${m21}/minutes/revisions/${n}/approve`, payload);

      expect((await approve(3, { meetingId: m22 }, 'delegateArm')).statusCode).toBe(403);
      expect((await approve(2, { meetingId: m22 })).statusCode).toBe(409);
      expect((await approve(9, { meetingId: m22 })).statusCode).toBe(404);
      for (const [meetingId, reason] of [
        [m20, 'earlier meeting'],
        [otherMeeting, 'another body'],
        [m22, 'not sat yet'],
        ['01900000-0000-7000-8000-000000000000', 'no such meeting'],
      ] as const) {
        const res = await approve(3, { meetingId });
        expect(res.statusCode, reason).toBe(400);
        expect(res.json().errors[0].path, reason).toBe('meetingId');
      }
      const russian = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/meetings/${m21}/minutes/revisions/3/approve`,
        headers: { 'accept-language': 'ru' },
        payload: { meetingId: m20 },
      });
      expect(russian.json().errors[0].message).toBe(
        'Протокол утверждается на одном из следующих заседаний того же органа',
      );
      expect((await approve(3, {})).statusCode).toBe(400);
      expect((await approve(3, { meetingId: m22, extra: 1 })).statusCode).toBe(400);

      await advanceMeeting(t, m22, ['announced', 'in_session']);
      const outside = await approve(3, { meetingId: m22, approvedOn: '2030-12-31' });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0].path).toBe('approvedOn');
      const stale = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/meetings/${m21}/minutes/revisions/3/approve`,
        headers: { 'if-match': '"7"' },
        payload: { meetingId: m22 },
      });
      expect(stale.statusCode).toBe(412);

      const approved = await approve(3, { meetingId: m22 });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({
        number: 3,
        status: 'approved',
        approvedOn: '2030-11-15',
        approvedAtMeetingId: m22,
        approvedAtNumeral: 'XXII',
      });
      expect(approved.headers.etag).toBe('"2"');
      expect((await approve(3, { meetingId: m22 })).statusCode).toBe(409);
      // Approved minutes are final.
      const more = await api('secretariat', 'POST', `/meetings/${m21}/minutes/revisions`);
      expect(more.statusCode).toBe(409);
      expect(more.json().code).toBe('invalid_transition');
      expect((await ok('observer', 'GET', `/meetings/${m21}/minutes`)).json().canIssue).toBe(false);

      const events = await auditEventsOf(t, 'minutes_revision', `${m21}/3`);
      expect(events.map((e) => e.action)).toEqual(['create', 'approve']);

      const text = await pdf('observer', `/meetings/${m21}/minutes.pdf?lang=ru`);
      expect(text).toContain('Редакция 3 — утверждена 15 ноября 2030 г. на XXII заседании');
    });

    it('links the previous meeting’s minutes and whether they were approved', async () => {
      const info = (await ok('delegateBlr', 'GET', `/meetings/${m22}/minutes`)).json();
      expect(info.previousMeeting).toMatchObject({
        meetingId: m21,
        numeral: 'XXI',
        revision: {
          number: 3,
          status: 'approved',
          approvedOn: '2030-11-15',
          approvedAtNumeral: 'XXII',
        },
      });
      const en = await pdf('observer', `/meetings/${m22}/minutes.pdf?lang=en`);
      expect(en).toContain(
        'Minutes of the XXI meeting (27–28 April 2030), approved on 15 November 2030 at the XXII meeting.',
      );
      const ru = await pdf('observer', `/meetings/${m22}/minutes.pdf?lang=ru`);
      expect(ru).toContain(
        'Протокол XXI заседания (27–28 апреля 2030 г.) утверждён 15 ноября 2030 г. на XXII заседании.',
      );
      // The XXI meeting's own minutes link the XX meeting's, which were never issued.
      const m21Info = (await ok('observer', 'GET', `/meetings/${m21}/minutes`)).json();
      expect(m21Info.previousMeeting).toMatchObject({ meetingId: m20, revision: null });
    });
  });
});
