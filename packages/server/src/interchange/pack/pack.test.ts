import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFHexString,
  PDFName,
  type PDFRef,
  type PDFString,
  StandardFonts,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';
import { docx, multipart, pdf } from '../../modules/files/test-helpers.ts';

const run = promisify(execFile);

/** A PDF of `pages` pages, each saying "<label> page <n>". */
async function makePdf(label: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`${label} page ${i}`, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

/** The text of a PDF as poppler's pdftotext reads it. */
async function pdfText(bytes: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-pack-'));
  const file = path.join(dir, 'pack.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** The outline (bookmarks) read from the catalog with pdf-lib's low-level objects. */
async function outlineOf(bytes: Buffer): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.ref.toString());
  const walk = (parent: PDFDict): Bookmark[] => {
    const out: Bookmark[] = [];
    let ref = parent.get(PDFName.of('First')) as PDFRef | undefined;
    while (ref) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      out.push({
        title: title.decodeText(),
        page: pages.indexOf((dest.get(0) as PDFRef).toString()),
        children: walk(item),
      });
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    return out;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return root ? walk(root) : [];
}

describe(`meeting packs (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  let meeting: string;
  let hidden: string;
  let item1: string;
  let item2: string;
  let docA: string;
  let firstPack: { sha256: string };

  const upload = async (bytes: Buffer, name: string) => {
    const { payload, headers } = multipart(bytes, { name });
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload,
      headers,
    });
    expect(res.statusCode).toBe(201);
    return res.json().sha256 as string;
  };

  const addVersion = async (documentId: string, bytes: Buffer, name: string) => {
    const sha = await upload(bytes, name);
    const res = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/documents/${documentId}/versions`,
      payload: { fileSha256: sha, fileName: name },
    });
    expect(res.statusCode).toBe(201);
  };

  const document = async (
    title: string,
    classification: string,
    accessList: unknown,
    itemId: string,
    pdf: Buffer,
  ) => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: {
        title: { en: title, ru: `${title} (ru)` },
        kind: 'report',
        bodyId: body,
        classification,
        accessList,
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    await addVersion(id, pdf, `${title}.pdf`);
    const link = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${meeting}/agenda-items/${itemId}/documents`,
      payload: { documentId: id },
    });
    expect(link.statusCode).toBe(201);
    return id;
  };

  const attach = async (itemId: string, bytes: Buffer, name: string) => {
    const sha = await upload(bytes, name);
    const res = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${meeting}/agenda-items/${itemId}/attachments`,
      payload: { sha256: sha, name },
    });
    expect(res.statusCode).toBe(201);
  };

  const issue = (
    query: string,
    caller: Parameters<TestApp['as']>[0] = 'secretariat',
    id = meeting,
  ) => t.as(caller, { method: 'POST', url: `/api/v1/meetings/${id}/pack${query}` });

  const download = async (
    sequence: number,
    caller: Parameters<TestApp['as']>[0] = 'delegateArm',
  ) => {
    const res = await t.as(caller, {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/packs/${sequence}.pdf`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await createTestApp();
    body = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission', nameRu: 'Комиссия' });
    meeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: '2031-04-27',
      status: 'announced',
    });
    hidden = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 22,
      startDate: '2032-04-27',
    });
    const item = async (en: string, ru: string) => {
      const res = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/meetings/${meeting}/agenda-items`,
        payload: { title: { en, ru } },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    item1 = await item('Opening <of> the meeting', 'Открытие заседания');
    item2 = await item('Report on implementation', 'Доклад о выполнении решений');
    docA = await document('Alpha report', 'internal', null, item1, await makePdf('Alpha', 2));
    await document(
      'Secret annex',
      'restricted',
      { memberStates: ['ARM'] },
      item1,
      await makePdf('SECRET', 1),
    );
    await document('Bravo program', 'public', null, item2, await makePdf('Bravo', 3));
    await attach(item2, await makePdf('Charlie', 1), 'charlie-annex.pdf');
    await attach(item2, await docx('Notes'), 'notes.docx');
  });
  afterAll(async () => t.close());

  it('refuses other roles, hidden meetings and a bad language, storing nothing', async () => {
    expect((await issue('?lang=en', 'delegateArm')).statusCode).toBe(403);
    expect((await issue('?lang=en', 'observer')).statusCode).toBe(403);
    expect((await issue('?lang=en', 'anonymous')).statusCode).toBe(401);
    expect(
      (await issue('?lang=en', 'secretariat', '01900000-0000-7000-8000-000000000000')).statusCode,
    ).toBe(404);
    const bad = await issue('?lang=fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Packs are for signed-in callers: anonymous ones are refused at the door whichever meeting
    // is named, so a planned meeting answers as one that does not exist.
    for (const id of [hidden, '01900000-0000-7000-8000-000000000000']) {
      const anon = await t.as('anonymous', { method: 'GET', url: `/api/v1/meetings/${id}/packs` });
      expect(anon.statusCode).toBe(401);
    }
    const list = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/packs`,
    });
    expect(list.json().items).toEqual([]);
  });

  it('issues the pack: cover, agenda, then every readable PDF with bookmarks', async () => {
    const res = await issue('?lang=en');
    expect(res.statusCode).toBe(201);
    const pack = res.json();
    expect(res.headers.location).toBe(`/api/v1/meetings/${meeting}/packs/0.pdf`);
    expect(pack).toMatchObject({ sequence: 0, lang: 'en', issuedBy: 'secretariat' });
    firstPack = pack;

    const bytes = await download(0);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pack.sha256);
    const doc = await PDFDocument.load(bytes);
    // Cover and agenda (2 pages) + Alpha (2) + Bravo (3) + Charlie (1); the restricted
    // document and the DOCX are not embedded.
    expect(doc.getPageCount()).toBe(2 + 2 + 3 + 1);
    expect(pack.pageCount).toBe(8);

    const text = await pdfText(bytes);
    expect(text).toContain('Meeting pack');
    expect(text).toContain('1. Opening <of> the meeting');
    expect(text).toContain('2. Report on implementation');
    expect(text).toContain('notes.docx — not a PDF');
    for (const label of ['Alpha page 1', 'Alpha page 2', 'Bravo page 3', 'Charlie page 1']) {
      expect(text).toContain(label);
    }
    // Restricted material is neither embedded nor named: the pack goes to every reader.
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('Secret annex');
    expect(pack.items.map((i: { title: string }) => i.title)).not.toContain('Secret annex');

    expect(await outlineOf(bytes)).toEqual([
      { title: 'Cover and agenda', page: 0, children: [] },
      {
        title: '1. Opening <of> the meeting',
        page: 2,
        children: [{ title: 'Alpha report (version 1)', page: 2, children: [] }],
      },
      {
        title: '2. Report on implementation',
        page: 4,
        children: [
          { title: 'Bravo program (version 1)', page: 4, children: [] },
          { title: 'charlie-annex.pdf', page: 7, children: [] },
        ],
      },
    ]);
  });

  it('lists the issues to every reader of the meeting', async () => {
    for (const caller of ['delegateBlr', 'observer'] as const) {
      const res = await t.as(caller, { method: 'GET', url: `/api/v1/meetings/${meeting}/packs` });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((p: { sequence: number }) => p.sequence)).toEqual([0]);
    }
    expect(
      (await t.as('anonymous', { method: 'GET', url: `/api/v1/meetings/${meeting}/packs` }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.as('delegateArm', { method: 'GET', url: `/api/v1/meetings/${meeting}/packs/5.pdf` }))
        .statusCode,
    ).toBe(404);
  });

  it('answers 409 when nothing was added since the last issue, storing nothing', async () => {
    const res = await issue('?lang=en');
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const ru = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${meeting}/pack`,
      headers: { 'accept-language': 'ru' },
    });
    expect(ru.statusCode).toBe(409);
    expect(ru.json().detail).toMatch(/выпускать дополнение нечего/);
    const list = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/packs`,
    });
    expect(list.json().items).toHaveLength(1);
  });

  it('issues a numbered addendum with only what changed, leaving the pack as it was', async () => {
    await addVersion(docA, await makePdf('Alpha v2', 1), 'alpha-v2.pdf');
    const res = await issue('?lang=ru');
    expect(res.statusCode).toBe(201);
    const addendum = res.json();
    expect(addendum).toMatchObject({ sequence: 1, lang: 'ru' });
    expect(addendum.items).toEqual([
      expect.objectContaining({
        kind: 'document_version',
        documentId: docA,
        versionNumber: 2,
        title: 'Alpha report (ru)',
        embedded: true,
      }),
    ]);
    const bytes = await download(1);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2 + 1);
    const text = await pdfText(bytes);
    expect(text).toContain('Дополнение 1 к комплекту документов');
    expect(text).toContain('1. Открытие заседания');
    expect(text).toContain('Alpha v2 page 1');
    expect(text).not.toContain('Доклад о выполнении решений');
    expect(text).not.toContain('Bravo');
    expect((await outlineOf(bytes)).map((b) => b.title)).toEqual([
      'Обложка и повестка дня',
      '1. Открытие заседания',
    ]);

    // The published pack is untouched.
    const again = await download(0, 'observer');
    expect(createHash('sha256').update(again).digest('hex')).toBe(firstPack.sha256);
    const list = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/packs`,
    });
    expect(list.json().items.map((p: { sequence: number }) => p.sequence)).toEqual([0, 1]);
    // And nothing new again is a 409.
    expect((await issue('?lang=en')).statusCode).toBe(409);
  });

  it('typesets a text-only version and lists a PDF it cannot read', async () => {
    const res0 = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: { title: { en: 'Delta memo' }, kind: 'other', bodyId: body },
    });
    const delta = res0.json().id as string;
    const version = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/documents/${delta}/versions`,
      payload: { text: { en: '# Delta heading\n\n1. Delta point <one> & two' } },
    });
    expect(version.statusCode).toBe(201);
    await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${meeting}/agenda-items/${item2}/documents`,
      payload: { documentId: delta },
    });
    // A file detected as PDF that holds no page: pdf-lib cannot copy from it.
    await attach(item2, pdf('broken'), 'broken.pdf');
    const res = await issue('?lang=en');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      sequence: 2,
      items: [
        expect.objectContaining({ kind: 'document_version', title: 'Delta memo', embedded: true }),
        expect.objectContaining({ kind: 'attachment', title: 'broken.pdf', embedded: false }),
      ],
    });
    const bytes = await download(2);
    // Cover and agenda, then the one page of the typeset text.
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(3);
    const text = await pdfText(bytes);
    expect(text).toContain('Addendum 2 to the pack of the XXI meeting of the Commission');
    expect(text).toContain('broken.pdf — the PDF could not be included');
    expect(text).toContain('Delta point <one> & two');
    expect(await outlineOf(bytes)).toEqual([
      { title: 'Cover and agenda', page: 0, children: [] },
      {
        title: '2. Report on implementation',
        page: 2,
        children: [{ title: 'Delta memo (version 1)', page: 2, children: [] }],
      },
    ]);
  });

  it('gives concurrent issues one number: the other answers 409', async () => {
    const other = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 30,
      startDate: '2035-01-01',
    });
    const results = await Promise.all([
      issue('?lang=en', 'secretariat', other),
      issue('?lang=en', 'secretariat', other),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const list = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/meetings/${other}/packs`,
    });
    expect(list.json().items.map((p: { sequence: number }) => p.sequence)).toEqual([0]);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/meetings/{id}/pack', '/meetings/{id}/packs', '/decisions/{id}.akn.xml']) {
      expect(paths.some((path) => path.endsWith(p))).toBe(true);
    }
    expect(paths.some((path) => path.includes('/meetings/{id}/packs/{sequence}'))).toBe(true);
  });

  it('audits every issue', async () => {
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'change'])
      .where('entityType', '=', 'meeting_pack')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['issue', 'issue', 'issue', 'issue']);
    expect(JSON.parse(events[1]?.change ?? '{}')).toMatchObject({
      meetingId: meeting,
      sequence: 1,
    });
  });
});
