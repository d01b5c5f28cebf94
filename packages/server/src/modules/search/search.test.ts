import type { SearchHit, SearchResult } from '@plenum/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { type FileStore, fileStore } from '../../platform/files.ts';
import { tagsOf, termsOf } from './analysis.ts';
import {
  ensureSearchIndex,
  indexFileText,
  reindex,
  reindexAll,
  removeFromIndex,
} from './indexer.ts';
import { searchLimits } from './repository.ts';
import { makeDocx, makePdf, multipartFile } from './test-files.ts';

describe(`search (${DIALECT})`, () => {
  let t: TestApp;
  let store: FileStore;
  let commission: string;
  let announced: string;
  let planned: string;
  let publicItem: string;
  let privateItem: string;
  let plannedItem: string;
  const decisions = {} as Record<'standard' | 'titleHit' | 'bodyHit', string>;
  const documents = {} as Record<'public' | 'internal' | 'restricted' | 'pdf' | 'docx', string>;

  const search = async (caller: Caller, query: Record<string, string | number>) => {
    const qs = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    return t.as(caller, { method: 'GET', url: `/api/v1/search?${qs}` });
  };
  const hits = async (caller: Caller, query: Record<string, string | number>) => {
    const res = await search(caller, query);
    expect(res.statusCode).toBe(200);
    return res.json() as SearchResult;
  };
  const ids = (result: SearchResult) => result.items.map((h) => h.id);
  const countRows = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('searchDocuments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function post(url: string, payload: Record<string, unknown>): Promise<string> {
    const res = await t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function upload(content: Buffer, name: string): Promise<string> {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      ...multipartFile(content, name),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().sha256 as string;
  }

  /** A document with one version (a text, a file or both), through the API. */
  async function createDocument(o: {
    title: Record<string, string>;
    classification: 'public' | 'internal' | 'restricted';
    accessList?: { memberStates: string[]; bodyIds: string[] };
    text?: Record<string, string>;
    file?: { sha256: string; name: string };
  }): Promise<string> {
    const id = await post('/documents', {
      title: o.title,
      kind: 'regulation',
      bodyId: commission,
      classification: o.classification,
      accessList: o.accessList ?? null,
    });
    await post(`/documents/${id}/versions`, {
      ...(o.text ? { text: o.text } : {}),
      ...(o.file ? { fileSha256: o.file.sha256, fileName: o.file.name } : {}),
    });
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    store = fileStore(t.app.config.dataDir, t.app.config.filesMaxBytes);
    commission = await insertBody(t.handle.db, {
      slug: 'icmec',
      name: 'Interstate Commission for Military-Economic Cooperation',
      nameRu: 'Межгосударственная комиссия по военно-экономическому сотрудничеству',
    });
    const meeting = (number: number, status: string, city: Record<string, string>) =>
      post('/meetings', {
        bodyId: commission,
        number,
        status,
        startDate: `2026-0${number - 20}-10`,
        timeZone: 'Asia/Dushanbe',
        location: { city, country: 'TJK', venue: null },
      });
    announced = await meeting(21, 'announced', { en: 'Dushanbe', ru: 'Душанбе' });
    planned = await meeting(22, 'planned', { en: 'Minsk', ru: 'Минск' });
    publicItem = await post(`/meetings/${announced}/agenda-items`, {
      title: {
        en: 'On the implementation of the decisions of the XX meeting',
        ru: 'О ходе выполнения решений XX заседания',
      },
      kind: 'implementation_review',
    });
    privateItem = await post(`/meetings/${announced}/agenda-items`, {
      title: { en: 'Confidential briefing on procurement', ru: 'Закрытый доклад о закупках' },
      public: false,
    });
    plannedItem = await post(`/meetings/${planned}/agenda-items`, {
      title: { en: 'Briefing on shipbuilding', ru: 'Доклад о судостроении' },
    });
    const decision = (title: Record<string, string>, text: Record<string, string>) =>
      post('/decisions', { bodyId: commission, meetingId: announced, title, text });
    decisions.standard = await decision(
      {
        en: 'On the standardization of defence products',
        ru: 'О стандартизации оборонной продукции',
      },
      { en: 'The **Commission** approves the plan.', ru: 'Комиссия одобряет план.' },
    );
    decisions.titleHit = await decision(
      { en: 'On joint logistics' },
      { en: 'The parties agree on supply matters.' },
    );
    decisions.bodyHit = await decision(
      { en: 'On the work plan for the next year' },
      {
        en: 'Among other measures, the secretariat shall study <script>alert(1)</script> logistics of spare parts and report at the next meeting.',
      },
    );
    documents.public = await createDocument({
      title: { en: 'Public regulation on cooperation', ru: 'Открытое положение о сотрудничестве' },
      classification: 'public',
      text: { en: 'Cooperation between enterprises of the member states.' },
    });
    documents.internal = await createDocument({
      title: { en: 'Internal regulation on audits' },
      classification: 'internal',
      text: { en: 'Audit procedure for the cooperation programme.' },
    });
    documents.restricted = await createDocument({
      title: { en: 'Restricted annex on armoured vehicles' },
      classification: 'restricted',
      accessList: { memberStates: ['ARM'], bodyIds: [] },
      text: {
        en: 'Modernization schedule of armoured vehicles, cooperation with ARM enterprises.',
      },
    });
    const pdf = await upload(
      makePdf([['Technical specification'], ['Hydraulic actuators', 'Гидравлические приводы']]),
      'spec.pdf',
    );
    documents.pdf = await createDocument({
      title: { en: 'Specification' },
      classification: 'internal',
      file: { sha256: pdf, name: 'spec.pdf' },
    });
    const docx = await upload(
      await makeDocx(['Протокол совещания по беспилотникам']),
      'protocol.docx',
    );
    documents.docx = await createDocument({
      title: { ru: 'Протокол' },
      classification: 'internal',
      file: { sha256: docx, name: 'protocol.docx' },
    });
    await indexFileText(t.handle.db, store, pdf);
    await indexFileText(t.handle.db, store, docx);
    await reindexAll(t.handle.db);
  });
  afterAll(async () => t.close());

  describe('building the index', () => {
    it('reindexAll indexes every meeting, agenda item, decision and document', async () => {
      const counts = await reindexAll(t.handle.db);
      expect(counts).toEqual({
        meeting: 2,
        agenda_item: 3,
        decision: 3,
        document: 5,
        news: 0,
        standard: 0,
        program: 0,
        project: 0,
        ip_result: 0,
      });
      expect(await countRows()).toBe(13);
      const all = await hits('admin', { q: 'commission' });
      expect(all.facets.meeting).toBe(2);
    });

    it.skipIf(DIALECT !== 'postgres')(
      'keeps every GIN pending list short, which each search reads whole',
      async () => {
        const gins = await sql<{ name: string; options: string[] | null }>`select
            c.relname as name, c.reloptions as options
          from pg_class c join pg_am a on a.oid = c.relam
          where a.amname = 'gin' and c.relnamespace = current_schema()::regnamespace
          order by c.relname`.execute(t.handle.db);
        expect(gins.rows.map((r) => r.name)).toContain('search_keys_keys_document');
        for (const gin of gins.rows) {
          expect(gin.options, gin.name).toContain('gin_pending_list_limit=256');
        }
      },
    );

    it('follows a decision through the services: created, changed, deleted', async () => {
      const id = await post('/decisions', {
        bodyId: commission,
        number: 'X/1',
        adoptedOn: '2026-03-01',
        title: { en: 'On a temporary zeppelin arrangement' },
        text: { en: 'Temporary.' },
      });
      expect(ids(await hits('secretariat', { q: 'zeppelin' }))).toEqual([id]);
      const patched = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/decisions/${id}`,
        payload: { title: { en: 'On a temporary airship arrangement' } },
      });
      expect(patched.statusCode).toBe(200);
      expect(ids(await hits('secretariat', { q: 'zeppelin' }))).toEqual([]);
      expect(ids(await hits('secretariat', { q: 'airship' }))).toEqual([id]);
      const version = patched.json().version as number;
      const removed = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/decisions/${id}`,
        headers: { 'if-match': `"${version}"` },
      });
      expect(removed.statusCode).toBe(204);
      expect(ids(await hits('secretariat', { q: 'airship' }))).toEqual([]);
      // reindex of a record that no longer exists removes nothing more and adds nothing.
      await reindex(t.handle.db, 'decision', id);
      expect(await countRows()).toBe(13);
    });

    it('follows agenda items and document versions through the services', async () => {
      const item = await post(`/meetings/${announced}/agenda-items`, {
        title: { en: 'On the catamaran programme', ru: 'О программе катамаранов' },
      });
      expect(ids(await hits('secretariat', { q: 'катамаранов' }))).toEqual([item]);
      const list = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/meetings/${announced}/agenda-items`,
      });
      const row = (list.json().items as { id: string; version: number }[]).find(
        (i) => i.id === item,
      );
      const removed = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/meetings/${announced}/agenda-items/${item}`,
        headers: { 'if-match': `"${row?.version}"` },
      });
      expect(removed.statusCode, removed.body).toBe(204);
      expect((await hits('secretariat', { q: 'catamaran' })).items).toEqual([]);

      // A PDF's words are found once its text is extracted, which runs after the upload.
      const sha = await upload(makePdf([['Periscope calibration procedure']]), 'periscope.pdf');
      const doc = await createDocument({
        title: { en: 'Optics annex' },
        classification: 'internal',
        file: { sha256: sha, name: 'periscope.pdf' },
      });
      let found: string[] = [];
      for (let i = 0; i < 50 && found.length === 0; i++) {
        found = ids(await hits('secretariat', { q: 'periscope calibration' }));
        if (found.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(found).toEqual([doc]);
      await t.handle.db.deleteFrom('documentVersions').where('documentId', '=', doc).execute();
      await t.handle.db.deleteFrom('documentAccess').where('documentId', '=', doc).execute();
      await t.handle.db.deleteFrom('documents').where('id', '=', doc).execute();
      await removeFromIndex(t.handle.db, 'document', doc);
    });

    it('ensureSearchIndex builds an empty index over existing records, and only then', async () => {
      expect(await ensureSearchIndex(t.handle.db)).toBe(false);
      await t.handle.db.deleteFrom('searchDocuments').execute();
      expect((await hits('secretariat', { q: 'logistics' })).items).toEqual([]);
      expect(await ensureSearchIndex(t.handle.db)).toBe(true);
      expect(await countRows()).toBe(13);
      expect(ids(await hits('secretariat', { q: 'logistics' }))).toHaveLength(2);
    });

    it('renaming a body renames its meetings in the index', async () => {
      const body = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/bodies/${commission}`,
      });
      const renamed = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/bodies/${commission}`,
        headers: { 'if-match': `"${body.json().version}"` },
        payload: {
          name: { ...body.json().name, en: 'Interstate Commission for Quartermaster Cooperation' },
        },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(ids(await hits('secretariat', { q: 'quartermaster' })).sort()).toEqual(
        [announced, planned].sort(),
      );
      const back = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/bodies/${commission}`,
        headers: { 'if-match': `"${renamed.json().version}"` },
        payload: { name: body.json().name },
      });
      expect(back.statusCode).toBe(200);
      expect((await hits('secretariat', { q: 'quartermaster' })).items).toEqual([]);
    });

    it('removeFromIndex drops a meeting together with its agenda items', async () => {
      await removeFromIndex(t.handle.db, 'meeting', planned);
      const after = await hits('secretariat', { q: 'Minsk shipbuilding' });
      expect(after.items).toEqual([]);
      expect(await hits('secretariat', { q: 'shipbuilding' })).toMatchObject({ items: [] });
      await reindex(t.handle.db, 'meeting', planned);
      expect(ids(await hits('secretariat', { q: 'shipbuilding' }))).toEqual([plannedItem]);
    });
  });

  describe('stemming', () => {
    it('finds English inflected forms', async () => {
      const meetings = await hits('secretariat', { q: 'meetings', type: 'meeting' });
      expect(ids(meetings).sort()).toEqual([announced, planned].sort());
      const standards = await hits('secretariat', { q: 'standardized products' });
      expect(ids(standards)).toEqual([decisions.standard]);
    });

    it('finds Russian inflected forms', async () => {
      expect(ids(await hits('secretariat', { q: 'решения' }))).toEqual([publicItem]);
      expect(ids(await hits('secretariat', { q: 'стандартизация' }))).toEqual([decisions.standard]);
      // ё and е are one letter to the index; the city is found in either language.
      expect(ids(await hits('secretariat', { q: 'Душанбе', type: 'meeting' }))).toEqual([
        announced,
      ]);
    });

    it('matches a decision number as a phrase', async () => {
      const number = (
        await t.as('secretariat', { method: 'GET', url: `/api/v1/decisions/${decisions.titleHit}` })
      ).json().number as string;
      expect(number).toBe('21/2');
      expect(ids(await hits('secretariat', { q: '21/2' }))).toEqual([decisions.titleHit]);
      expect((await hits('secretariat', { q: '2/21' })).items).toEqual([]);
    });
  });

  describe('results', () => {
    it('ranks a title match above a body match', async () => {
      const result = await hits('secretariat', { q: 'logistics' });
      expect(ids(result)).toEqual([decisions.titleHit, decisions.bodyHit]);
    });

    it('marks the matched words in the snippet as plain text segments, never as HTML', async () => {
      const result = await hits('secretariat', { q: 'logistics', type: 'decision' });
      const hit = result.items.find((h) => h.id === decisions.bodyHit) as SearchHit;
      expect(hit.snippet.filter((s) => s.match)).toEqual([{ text: 'logistics', match: true }]);
      const joined = hit.snippet.map((s) => s.text).join('');
      expect(joined).toContain('<script>alert(1)</script> logistics of spare parts');
      expect(hit.snippetLanguage).toBe('en');
      expect(hit).toMatchObject({
        type: 'decision',
        title: { en: 'On the work plan for the next year' },
        url: `/app/decisions/${decisions.bodyHit}`,
        context: { number: '21/3', date: '2026-01-10', meetingId: announced, bodyId: commission },
      });
    });

    it('marks inflected matches and takes the snippet in the preferred language', async () => {
      const result = await hits('secretariat', { q: 'комиссии', type: 'decision', lang: 'ru' });
      const hit = result.items[0] as SearchHit;
      expect(hit.id).toBe(decisions.standard);
      expect(hit.snippetLanguage).toBe('ru');
      expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Комиссия']);
      const en = await hits('secretariat', { q: 'commission approves', type: 'decision' });
      const markdown = en.items[0]?.snippet.map((s) => s.text).join('');
      // Markdown markup is not part of the text.
      expect(markdown).toBe('The Commission approves the plan.');
    });

    it('makes the snippet of a long text from its matching part, whatever the size of the text', async () => {
      // Over 256 KB stored: PostgreSQL cuts such a body itself instead of sending it whole.
      const filler = (word: string) => `${word} `.repeat(12_000);
      const id = await createDocument({
        title: { en: 'Annex of tables' },
        classification: 'internal',
        text: {
          en: `${filler('table')}The quartermaster signs here. ${filler('row')}`,
          ru: filler('таблица'),
        },
      });
      const hit = (await hits('secretariat', { q: 'quartermaster' })).items.find(
        (h) => h.id === id,
      ) as SearchHit;
      expect(hit.snippetLanguage).toBe('en');
      expect(hit.snippet.filter((s) => s.match)).toEqual([{ text: 'quartermaster', match: true }]);
      expect(hit.snippet.map((s) => s.text).join('')).toContain('The quartermaster signs here.');
    });

    it('gives the type context of meetings and documents', async () => {
      const meeting = (await hits('secretariat', { q: 'Dushanbe', type: 'meeting' })).items[0];
      expect(meeting).toMatchObject({
        id: announced,
        title: { en: 'XXI meeting of the Interstate Commission for Military-Economic Cooperation' },
        url: `/app/meetings/${announced}`,
        context: { date: '2026-01-10', number: 'XXI', status: 'announced', kind: 'regular' },
      });
      const doc = (await hits('secretariat', { q: 'audits' })).items[0];
      expect(doc).toMatchObject({
        id: documents.internal,
        type: 'document',
        context: { status: 'draft', kind: 'regulation', bodyId: commission },
      });
    });

    it('counts hits per type and keeps counting every type under a type filter', async () => {
      const all = await hits('secretariat', { q: 'cooperation' });
      expect(all.facets).toEqual({
        meeting: 2,
        agenda_item: 0,
        decision: 0,
        document: 3,
        news: 0,
        standard: 0,
        program: 0,
        project: 0,
        ip_result: 0,
      });
      const onlyDocuments = await hits('secretariat', { q: 'cooperation', type: 'document' });
      expect(onlyDocuments.items.every((h) => h.type === 'document')).toBe(true);
      expect(onlyDocuments.items).toHaveLength(3);
      expect(onlyDocuments.facets).toEqual(all.facets);
    });

    it('pages through the hits with a cursor, each hit once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await hits('secretariat', {
          q: 'cooperation',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...ids(result));
        if (!result.nextCursor) {
          break;
        }
        cursor = result.nextCursor;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      expect(seen).toEqual(ids(await hits('secretariat', { q: 'cooperation', limit: 50 })));
    });

    it('still ranks title matches first when a query matches more entries than are ranked precisely', async () => {
      const entry = (id: string, title: string, body: string) => ({
        entityType: 'decision',
        entityId: id,
        parentId: null,
        title: JSON.stringify({ en: title }),
        body: JSON.stringify({ en: body }),
        titleTerms: termsOf(title),
        bodyTerms: termsOf(body),
        tags: tagsOf('decision', 'internal'),
        audience: 'internal',
        context: JSON.stringify({
          date: null,
          number: null,
          status: null,
          kind: null,
          bodyId: null,
          meetingId: null,
        }),
        url: `/app/decisions/${id}`,
        indexedAt: new Date().toISOString(),
      });
      const saved = { ...searchLimits };
      // Lowered bounds: above 6 matches the ranking is bounded, the 3 newest title matches are
      // ranked by relevance; counts stop at 10.
      Object.assign(searchLimits, { preciseRank: 6, rankWindow: 3, facetCap: 10 });
      // The oldest entries match in the title (the very first weakly: a long title), the rest in
      // the body only: ties break newest first, so only the tiers lift the title matches.
      const titled = [
        entry('bulk-title-0', 'Widget policy among many other words of a long long title', 'x'),
        entry('bulk-title-1', 'Widget widget policy', 'Short.'),
        entry('bulk-title-2', 'Widget rules', 'Short.'),
        entry('bulk-title-3', 'Widget standard', 'Short.'),
        entry('bulk-title-4', 'Widget register', 'Short.'),
      ];
      const bulk = Array.from({ length: 20 }, (_, i) =>
        entry(`bulk-${i}`, `Routine matter ${i}`, `Filler text about widgets, item ${i}.`),
      );
      await t.handle.db.insertInto('searchDocuments').values(titled).execute();
      await t.handle.db.insertInto('searchDocuments').values(bulk).execute();
      try {
        const first = await hits('observer', { q: 'widget', limit: 5 });
        expect(first.facets.decision).toBe(10);
        expect(first.facetsCapped.decision).toBe(true);
        expect(first.facetsCapped.document).toBe(false);
        expect(ids(first).sort()).toEqual(titled.map((e) => e.entityId).sort());
        // The three newest title matches by relevance (a repeated word in a short title first),
        // then the older ones newest first.
        expect(ids(first).slice(0, 3)).toEqual(['bulk-title-4', 'bulk-title-3', 'bulk-title-2']);
        expect(ids(first).slice(3)).toEqual(['bulk-title-1', 'bulk-title-0']);
        // Paging walks every match once: title matches, then body matches newest first.
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10 && (page === 0 || cursor); page++) {
          const result = await hits('observer', {
            q: 'widget',
            limit: 4,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...ids(result));
          cursor = result.nextCursor ?? undefined;
        }
        expect(seen).toHaveLength(25);
        expect(new Set(seen).size).toBe(25);
        expect(seen.slice(5)).toEqual(bulk.map((e) => e.entityId).reverse());
        // A type filter keeps the bounded order; other types stay exact.
        const typed = await hits('observer', { q: 'widget', type: 'decision', limit: 2 });
        expect(ids(typed)).toEqual(['bulk-title-4', 'bulk-title-3']);
        const other = await hits('observer', { q: 'widget', type: 'document' });
        expect(other.items).toEqual([]);
        expect(other.facets.decision).toBe(10);
      } finally {
        Object.assign(searchLimits, saved);
        await t.handle.db
          .deleteFrom('searchDocuments')
          .where('entityId', 'like', 'bulk-%')
          .execute();
      }
      // Under the bounds again: exact counts, nothing capped.
      const exact = await hits('observer', { q: 'logistics' });
      expect(exact.facets.decision).toBe(2);
      expect(Object.values(exact.facetsCapped).every((c) => c === false)).toBe(true);
    });

    it('finds words in uploaded PDF and DOCX files', async () => {
      expect(ids(await hits('secretariat', { q: 'hydraulic actuator' }))).toEqual([documents.pdf]);
      expect(ids(await hits('secretariat', { q: 'гидравлический привод' }))).toEqual([
        documents.pdf,
      ]);
      const docx = await hits('secretariat', { q: 'беспилотники', lang: 'ru' });
      expect(ids(docx)).toEqual([documents.docx]);
      expect(docx.items[0]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual([
        'беспилотникам',
      ]);
    });
  });

  describe('access', () => {
    it('shows anonymous callers public meetings, their public items and public documents only', async () => {
      const result = await hits('anonymous', { q: 'commission' });
      expect(ids(result)).toEqual([announced]);
      expect(result.facets).toEqual({
        meeting: 1,
        agenda_item: 0,
        decision: 0,
        document: 0,
        news: 0,
        standard: 0,
        program: 0,
        project: 0,
        ip_result: 0,
      });
      expect(ids(await hits('anonymous', { q: 'decisions' }))).toEqual([publicItem]);
      expect(ids(await hits('anonymous', { q: 'briefing' }))).toEqual([]);
      expect(ids(await hits('anonymous', { q: 'logistics' }))).toEqual([]);
      expect(ids(await hits('anonymous', { q: 'regulation' }))).toEqual([documents.public]);
      const hidden = await hits('anonymous', { q: 'Minsk shipbuilding' });
      expect(hidden.items).toEqual([]);
    });

    it('opens a meeting and its public items to anonymous callers once it is announced', async () => {
      const meeting = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/meetings/${planned}`,
      });
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/meetings/${planned}`,
        headers: { 'if-match': `"${meeting.json().version}"` },
        payload: { status: 'announced' },
      });
      expect(res.statusCode, res.body).toBe(200);
      await reindex(t.handle.db, 'meeting', planned);
      expect(ids(await hits('anonymous', { q: 'shipbuilding' }))).toEqual([plannedItem]);
      expect(ids(await hits('anonymous', { q: 'Minsk' }))).toEqual([planned]);
    });

    it('shows an observer the internal record but no restricted document', async () => {
      const result = await hits('observer', { q: 'regulation annex' });
      expect(result.items).toEqual([]);
      const regulations = await hits('observer', { q: 'regulation' });
      expect(ids(regulations).sort()).toEqual([documents.public, documents.internal].sort());
      expect(ids(await hits('observer', { q: 'briefing procurement' }))).toEqual([privateItem]);
      expect(ids(await hits('observer', { q: 'logistics' })).length).toBe(2);
      const armoured = await hits('observer', { q: 'armoured' });
      expect(armoured.items).toEqual([]);
      expect(armoured.facets.document).toBe(0);
    });

    it('finds a restricted document for a delegate of a listed state only, in hits and counts', async () => {
      const listed = await hits('delegateArm', { q: 'armoured vehicles' });
      expect(ids(listed)).toEqual([documents.restricted]);
      expect(listed.facets.document).toBe(1);
      const other = await hits('delegateBlr', { q: 'armoured vehicles' });
      expect(other.items).toEqual([]);
      expect(other.facets.document).toBe(0);
      const cooperation = await hits('delegateBlr', { q: 'cooperation' });
      expect(cooperation.facets.document).toBe(2);
      expect(ids(cooperation)).not.toContain(documents.restricted);
      expect(ids(await hits('secretariat', { q: 'armoured' }))).toEqual([documents.restricted]);
    });

    it('keeps delegates’ hits and counts exact when the ranking is bounded and counts capped', async () => {
      const saved = { ...searchLimits };
      // Every query takes the bounded path (title tier, then body by recency); counts stop at 1.
      Object.assign(searchLimits, { preciseRank: 0, rankWindow: 1, facetCap: 1 });
      try {
        const listed = await hits('delegateArm', { q: 'armoured vehicles' });
        expect(ids(listed)).toEqual([documents.restricted]);
        expect(listed.facets.document).toBe(1);
        expect(listed.facetsCapped.document).toBe(false);
        const other = await hits('delegateBlr', { q: 'armoured vehicles' });
        expect(other.items).toEqual([]);
        expect(other.facets.document).toBe(0);
        // cooperation: the public and internal regulations and the restricted annex match.
        const blr = await hits('delegateBlr', { q: 'cooperation', type: 'document' });
        expect(ids(blr).sort()).toEqual([documents.public, documents.internal].sort());
        expect(blr.facets.document).toBe(1);
        expect(blr.facetsCapped.document).toBe(true);
        const arm = await hits('delegateArm', { q: 'cooperation', type: 'document' });
        expect(ids(arm).sort()).toEqual(
          [documents.public, documents.internal, documents.restricted].sort(),
        );
        // Paging one by one never reaches what the delegate may not read.
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 20 && (page === 0 || cursor); page++) {
          const result = await hits('delegateBlr', {
            q: 'cooperation',
            limit: 1,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...ids(result));
          cursor = result.nextCursor ?? undefined;
        }
        expect(seen).not.toContain(documents.restricted);
        expect(seen).toContain(documents.public);
        expect(new Set(seen).size).toBe(seen.length);
        const anonymous = await hits('anonymous', { q: 'cooperation', type: 'document' });
        expect(ids(anonymous)).toEqual([documents.public]);
      } finally {
        Object.assign(searchLimits, saved);
      }
    });

    it('applies a changed access list at once, before any reindex', async () => {
      const patch = async (memberStates: string[]) => {
        const current = await t.as('secretariat', {
          method: 'GET',
          url: `/api/v1/documents/${documents.restricted}`,
        });
        const res = await t.as('secretariat', {
          method: 'PATCH',
          url: `/api/v1/documents/${documents.restricted}`,
          headers: { 'if-match': `"${current.json().version}"` },
          payload: { accessList: { memberStates, bodyIds: [] } },
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      await patch(['BLR']);
      expect((await hits('delegateArm', { q: 'armoured' })).items).toEqual([]);
      expect(ids(await hits('delegateBlr', { q: 'armoured' }))).toEqual([documents.restricted]);
      await patch(['ARM']);
      expect(ids(await hits('delegateArm', { q: 'armoured' }))).toEqual([documents.restricted]);
      // A state taken off the list loses the hit at once (no answer kept from before).
      expect((await hits('delegateBlr', { q: 'armoured' })).items).toEqual([]);
    });
  });

  describe('hostile input', () => {
    const rowsBefore = () => countRows();

    it.each([
      '"',
      '"unbalanced',
      '*',
      'coop*',
      'NEAR(cooperation regulation)',
      'cooperation NEAR regulation',
      'AND OR NOT',
      '^cooperation',
      'title_terms:cooperation',
      '-cooperation',
      "' or 1=1 --",
      'cooperation) OR (1',
      '!!:*&|<->',
      '\\',
      '{}[]',
      'a'.repeat(200),
    ])('answers %j without a server error', async (q) => {
      const res = await search('secretariat', { q });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toHaveProperty('facets');
    });

    it('treats operators as words: NEAR and a star find what the words find', async () => {
      const near = await hits('secretariat', { q: 'NEAR(cooperation regulation)' });
      // "near" is a word too, which nothing contains.
      expect(near.items).toEqual([]);
      const star = await hits('secretariat', { q: '*regulation*' });
      expect(ids(star).sort()).toEqual([documents.public, documents.internal].sort());
      const quoted = await hits('secretariat', { q: '"public regulation"' });
      expect(ids(quoted)).toEqual([documents.public]);
    });

    it('gives typed index tags no power: they are not words', async () => {
      // Were the type tag matchable, this would list every decision.
      const forged = await hits('secretariat', { q: '\ue000tdecision' });
      expect(forged.items).toEqual([]);
      expect(Object.values(forged.facets).every((n) => n === 0)).toBe(true);
      const widened = await hits('anonymous', { q: 'logistics \ue000ainternal' });
      expect(widened.items).toEqual([]);
    });

    it('refuses an empty, blank or missing query with 422', async () => {
      for (const query of [{ q: '' }, { q: '   ' }, {}] as Record<string, string>[]) {
        const res = await search('secretariat', query);
        expect(res.statusCode).toBe(422);
        expect(res.json().errors).toEqual([
          { path: 'query.q', message: 'Type what to search for.' },
        ]);
      }
    });

    it('refuses a query of 10,000 characters with 422, in the caller’s language', async () => {
      const before = await rowsBefore();
      const res = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent('word '.repeat(2000))}`,
        headers: { 'accept-language': 'ru' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { path: 'query.q', message: 'Поисковый запрос длиннее 200 символов.' },
      ]);
      expect(await rowsBefore()).toBe(before);
    });

    it('refuses a NUL character, a bad limit, type, language or cursor with 400', async () => {
      for (const url of [
        '/api/v1/search?q=coop%00eration',
        '/api/v1/search?q=cooperation&limit=0',
        '/api/v1/search?q=cooperation&limit=201',
        '/api/v1/search?q=cooperation&limit=ten',
        '/api/v1/search?q=cooperation&type=user',
        '/api/v1/search?q=cooperation&lang=de',
        '/api/v1/search?q=cooperation&cursor=bm90LWEtY3Vyc29y',
        `/api/v1/search?q=cooperation&cursor=${Buffer.from('[-5]').toString('base64url')}`,
      ]) {
        const res = await t.as('secretariat', { method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
      }
    });
  });
});
