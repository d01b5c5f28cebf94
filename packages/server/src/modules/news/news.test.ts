import os from 'node:os';
import path from 'node:path';
import type { NewsItem, NewsListItem } from '@plenum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { multipart, PNG, pdf } from '../files/test-helpers.ts';
import { publishDueNews } from './service.ts';
import { slugify, transliterate } from './slug.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

describe(`news (${DIALECT})`, () => {
  let t: TestApp;
  let bodyId: string;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    bodyId = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    meetingId = await insertMeeting(t.handle.db, {
      bodyId,
      number: 21,
      startDate: '2023-04-27',
      status: 'announced',
    });
  });
  afterAll(async () => t.close());

  const create = (payload: Record<string, unknown>, caller: Caller = 'secretariat') =>
    t.as(caller, { method: 'POST', url: '/api/v1/news', payload });
  const draft = async (payload: Record<string, unknown> = {}): Promise<NewsItem> => {
    const res = await create({
      title: { en: 'Dushanbe will host the XXI meeting' },
      body: { en: 'The meeting will be held on **27 April 2023**.' },
      ...payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const read = (id: string, caller: Caller = 'secretariat') =>
    t.as(caller, { method: 'GET', url: `/api/v1/news/${id}` });
  const list = async (query = '', caller: Caller = 'anonymous') => {
    const res = await t.as(caller, { method: 'GET', url: `/api/v1/news${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Page<NewsListItem>;
  };
  const act = (id: string, action: string, caller: Caller = 'secretariat', payload?: unknown) =>
    t.as(caller, {
      method: 'POST',
      url: `/api/v1/news/${id}/${action}`,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const publish = async (id: string) => {
    const res = await act(id, 'publish');
    expect(res.statusCode).toBe(200);
    return res.json() as NewsItem;
  };
  const countRows = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('newsItems')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditOf = (id: string) =>
    t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'change'])
      .where('entityType', '=', 'news')
      .where('entityId', '=', id)
      .orderBy('seq')
      .execute();
  const upload = async (content: Buffer, name: string) => {
    const body = multipart(content, { name });
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(201);
    return res.json().sha256 as string;
  };

  describe('writing', () => {
    it('creates a draft with a generated slug, Location, ETag, missing languages and an audit event', async () => {
      const res = await create({
        title: { en: 'Commission meets in Dushanbe' },
        summary: { en: 'Short.' },
        body: { en: 'Text with <script>alert(1)</script> and *emphasis*.' },
        meetingId,
      });
      expect(res.statusCode).toBe(201);
      const item = res.json() as NewsItem;
      expect(res.headers.location).toBe(`/api/v1/news/${item.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(item).toMatchObject({
        slug: 'commission-meets-in-dushanbe',
        section: 'news',
        status: 'draft',
        publishedAt: null,
        publiclyVisible: false,
        missingLanguages: ['ru'],
        meetingId,
        bodyId, // the meeting's body by default
        version: 1,
      });
      expect(item.bodyHtml.en).toContain('<em>emphasis</em>');
      expect(item.bodyHtml.en).not.toContain('<script>');
      expect(await auditOf(item.id)).toEqual([
        expect.objectContaining({ action: 'create', actorId: t.userIds.secretariat }),
      ]);
    });

    it('keeps long summaries and bodies whole', async () => {
      const long = 'Word '.repeat(20_000).trim();
      const item = await draft({ summary: { en: 's'.repeat(2000) }, body: { en: long } });
      const res = await read(item.id, 'secretariat');
      expect(res.statusCode).toBe(200);
      expect(res.json().body.en).toBe(long);
      expect(res.json().summary.en).toHaveLength(2000);
    });

    it('refuses writes from observers, delegates (403) and anonymous callers (401), creating nothing', async () => {
      const before = await countRows();
      const payload = { title: { en: 'x' } };
      expect((await create(payload, 'observer')).statusCode).toBe(403);
      expect((await create(payload, 'delegateArm')).statusCode).toBe(403);
      expect((await create(payload, 'anonymous')).statusCode).toBe(401);
      expect(await countRows()).toBe(before);
    });

    it('answers non-staff changing a draft exactly as for an unknown item: refused at the door', async () => {
      const item = await draft();
      const unknown = '01J00000000000000000000000';
      for (const caller of ['observer', 'delegateArm', 'anonymous'] as const) {
        // The route is the staff's (401 anonymous, 403 signed in), whichever item it names.
        const refused = caller === 'anonymous' ? 401 : 403;
        for (const id of [item.id, unknown]) {
          const patch = await t.as(caller, {
            method: 'PATCH',
            url: `/api/v1/news/${id}`,
            payload: { title: { en: 'Hijacked' } },
          });
          expect(patch.statusCode).toBe(refused);
          expect((await act(id, 'publish', caller)).statusCode).toBe(refused);
          const del = await t.as(caller, { method: 'DELETE', url: `/api/v1/news/${id}` });
          expect(del.statusCode).toBe(refused);
        }
      }
      await publish(item.id);
      const patch = await t.as('delegateArm', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        payload: { title: { en: 'Hijacked' } },
      });
      expect(patch.statusCode).toBe(403);
      expect((await act(item.id, 'unpublish', 'observer')).statusCode).toBe(403);
      const anon = await t.as('anonymous', { method: 'DELETE', url: `/api/v1/news/${item.id}` });
      expect(anon.statusCode).toBe(401);
      expect((await read(item.id)).json().title).toEqual(item.title);
    });

    it('changes an item with If-Match; a stale or malformed If-Match is a 412 and changes nothing', async () => {
      const item = await draft();
      const stale = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        headers: { 'if-match': '"7"' },
        payload: { title: { en: 'Stale' } },
      });
      expect(stale.statusCode).toBe(412);
      const bad = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        headers: { 'if-match': 'nonsense' },
        payload: { title: { en: 'Bad' } },
      });
      expect(bad.statusCode).toBe(412);
      expect((await read(item.id)).json().version).toBe(1);
      const ok = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        headers: { 'if-match': '"1"' },
        payload: { title: { en: 'Fresh', ru: 'Свежее' }, body: { en: 'B', ru: 'Т' } },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.json()).toMatchObject({
        title: { en: 'Fresh', ru: 'Свежее' },
        missingLanguages: [],
      });
      const staleDelete = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/news/${item.id}`,
        headers: { 'if-match': '"1"' },
      });
      expect(staleDelete.statusCode).toBe(412);
      const del = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/news/${item.id}`,
        headers: { 'if-match': '"2"' },
      });
      expect(del.statusCode).toBe(204);
      expect((await read(item.id)).statusCode).toBe(404);
      expect((await auditOf(item.id)).map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    });

    it('refuses hostile input with 4xx and changes nothing', async () => {
      const item = await draft();
      const before = await countRows();
      const bad: Record<string, unknown>[] = [
        { title: 5 },
        { title: { en: 'x' }, extra: true },
        { title: { en: 'x'.repeat(501) } },
        { title: { en: 'nul\u0000char' } },
        { title: { de: 'Deutsch' } },
        { title: {} },
        { title: { en: 'x' }, section: 'gossip' },
        { title: { en: 'x' }, slug: 'Bad Slug' },
        { title: { en: 'x' }, slug: 'x'.repeat(121) },
        { title: { en: 'x' }, imageSha256: 'not-a-hash' },
        { title: { en: 'x' }, body: { en: 'y'.repeat(200_001) } },
      ];
      for (const payload of bad) {
        const res = await create(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const otherMeeting = await create({ title: { en: 'x' }, meetingId: 'no-such-meeting' });
      expect(otherMeeting.statusCode).toBe(400);
      expect(otherMeeting.json().errors).toEqual([
        { path: 'meetingId', message: 'No such meeting.' },
      ]);
      const otherBody = await create({ title: { en: 'x' }, bodyId: item.id });
      expect(otherBody.statusCode).toBe(400);
      expect(await countRows()).toBe(before);
      const patch = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        payload: { status: 'published' },
      });
      expect(patch.statusCode).toBe(400);
      expect((await read(item.id)).json()).toMatchObject({ status: 'draft', version: 1 });
      const unknown = await t.as('secretariat', { method: 'GET', url: '/api/v1/news/x%00y' });
      expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
      expect(unknown.statusCode).toBeLessThan(500);
    });
  });

  describe('slugs', () => {
    it('transliterates Russian by GOST R 52535.1 and cuts long titles at a word', () => {
      expect(transliterate('Щука, ёж, подъезд, Юрий и Яна; Хабаровск')).toBe(
        'shchuka, ezh, podieezd, iurii i iana; khabarovsk',
      );
      expect(slugify('В Душанбе пройдёт XXI заседание МКВЭС')).toBe(
        'v-dushanbe-proidet-xxi-zasedanie-mkves',
      );
      const long = slugify('word '.repeat(60));
      expect(long.length).toBeLessThanOrEqual(116);
      expect(long.endsWith('word')).toBe(true);
      expect(slugify('Crème brûlée — 2023!')).toBe('creme-brulee-2023');
    });

    it('makes slugs from the English title, else the transliterated Russian one, unique by suffix', async () => {
      const ru = await draft({
        title: { ru: 'Заседание совета в Душанбе' },
        body: { ru: 'Текст.' },
      });
      expect(ru.slug).toBe('zasedanie-soveta-v-dushanbe');
      const a = await draft({ title: { en: 'Same title', ru: 'Тот же' } });
      const b = await draft({ title: { en: 'Same title' } });
      const c = await draft({ title: { en: 'Same title!' } });
      expect([a.slug, b.slug, c.slug]).toEqual(['same-title', 'same-title-2', 'same-title-3']);
      const symbols = await draft({ title: { en: '!!!' } });
      expect(symbols.slug).toMatch(/^news(-\d+)?$/);
    });

    it('answers 409 for a taken slug and lets the slug change only while a draft', async () => {
      const a = await draft({ slug: 'taken-slug' });
      const before = await countRows();
      const dup = await create({ title: { en: 'Other' }, slug: 'taken-slug' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().errors).toEqual([{ path: 'slug', message: 'Already in use' }]);
      expect(await countRows()).toBe(before);
      const b = await draft();
      const clash = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${b.id}`,
        payload: { slug: 'taken-slug' },
      });
      expect(clash.statusCode).toBe(409);
      const renamed = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${a.id}`,
        payload: { slug: 'renamed-slug' },
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json().slug).toBe('renamed-slug');
      await publish(a.id);
      const moved = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${a.id}`,
        payload: { slug: 'moved-slug' },
      });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().code).toBe('invalid_transition');
      expect((await read(a.id)).json().slug).toBe('renamed-slug');
    });
  });

  describe('publication and visibility', () => {
    it('hides drafts from observers, delegates and anonymous callers in lists, reads and search', async () => {
      const item = await draft({ title: { en: 'Zanzibarian secret draft' } });
      for (const caller of ['anonymous', 'observer', 'delegateBlr'] as const) {
        expect((await read(item.id, caller)).statusCode).toBe(404);
        expect((await list('?limit=200', caller)).items.map((i) => i.id)).not.toContain(item.id);
        const search = await t.as(caller, { method: 'GET', url: '/api/v1/search?q=zanzibarian' });
        expect(search.json().items).toEqual([]);
      }
      const staff = await t.as('secretariat', {
        method: 'GET',
        url: '/api/v1/search?q=zanzibarian',
      });
      expect(staff.json().items.map((h: { id: string }) => h.id)).toEqual([item.id]);
      expect((await list('?limit=200', 'secretariat')).items.map((i) => i.id)).toContain(item.id);

      const published = await publish(item.id);
      expect(published).toMatchObject({ status: 'published', publiclyVisible: true, version: 2 });
      for (const caller of ['anonymous', 'observer', 'delegateBlr'] as const) {
        expect((await read(item.id, caller)).statusCode).toBe(200);
        expect((await list('?limit=200', caller)).items.map((i) => i.id)).toContain(item.id);
        const search = await t.as(caller, {
          method: 'GET',
          url: '/api/v1/search?q=zanzibarian&type=news',
        });
        expect(search.json().items.map((h: { id: string }) => h.id)).toEqual([item.id]);
      }
      const again = await act(item.id, 'publish');
      expect(again.statusCode).toBe(409);

      const unpublished = await act(item.id, 'unpublish');
      expect(unpublished.json()).toMatchObject({ status: 'draft', publishedAt: null });
      expect((await read(item.id, 'anonymous')).statusCode).toBe(404);
      const search = await t.as('anonymous', {
        method: 'GET',
        url: '/api/v1/search?q=zanzibarian',
      });
      expect(search.json().items).toEqual([]);
      expect((await act(item.id, 'unpublish')).statusCode).toBe(409);
      expect((await auditOf(item.id)).map((e) => e.action)).toEqual([
        'create',
        'publish',
        'unpublish',
      ]);
    });

    it('renders a live preview as a saved body would be, for the secretariat only', async () => {
      const markdown = '**Bold** text <script>alert(1)</script> [x](javascript:alert(2))';
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/news/preview',
        payload: { markdown },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { html } = res.json() as { html: string };
      expect(html).toContain('<strong>Bold</strong>');
      expect(html).not.toContain('<script>');
      expect(html).not.toMatch(/href="javascript:/);
      const saved = await draft({ body: { en: markdown } });
      expect(saved.bodyHtml.en).toBe(html);
      for (const caller of ['delegateArm', 'observer'] as const) {
        const refused = await t.as(caller, {
          method: 'POST',
          url: '/api/v1/news/preview',
          payload: { markdown },
        });
        expect(refused.statusCode).toBe(403);
      }
      const tooLong = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/news/preview',
        payload: { markdown: 'x'.repeat(200_001) },
      });
      expect(tooLong.statusCode).toBe(400);
    });

    it('publishes at a past date for an archive item, and refuses a future one', async () => {
      const item = await draft({ title: { en: 'From the earlier site' } });
      const future = await act(item.id, 'publish', 'secretariat', {
        publishedAt: '2999-01-01T00:00:00Z',
      });
      expect(future.statusCode).toBe(422);
      expect(future.json().errors).toEqual([
        { path: 'publishedAt', message: 'Give a past time, or schedule the item' },
      ]);
      expect((await read(item.id)).json()).toMatchObject({ status: 'draft', version: 1 });
      const unknown = await act(item.id, 'publish', 'secretariat', { publishedAt: 'yesterday' });
      expect(unknown.statusCode).toBe(400);
      const past = await act(item.id, 'publish', 'secretariat', {
        publishedAt: '2023-04-24T12:00:00+05:00',
      });
      expect(past.statusCode, past.body).toBe(200);
      expect(past.json()).toMatchObject({
        status: 'published',
        publishedAt: '2023-04-24T07:00:00.000Z',
        publiclyVisible: true,
      });
      // Older than everything else: listed last.
      const items = (await list('?limit=200')).items;
      expect(items[items.length - 1]?.id).toBe(item.id);
    });

    it('publishes only with a title and body in one language, and reports the missing one', async () => {
      const noBody = await draft({ body: null });
      const res = await act(noBody.id, 'publish');
      expect(res.statusCode).toBe(422);
      const ru = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/news/${noBody.id}/publish`,
        headers: { 'accept-language': 'ru' },
      });
      expect(ru.json().detail).toBe(
        'Для публикации или планирования нужны заголовок и текст хотя бы на одном языке.',
      );
      const mixed = await draft({
        title: { en: 'Only English title' },
        body: { ru: 'Только русский текст' },
      });
      expect(mixed.missingLanguages).toEqual(['en', 'ru']);
      expect((await act(mixed.id, 'publish')).statusCode).toBe(422);
      expect((await read(mixed.id)).json()).toMatchObject({ status: 'draft', version: 1 });

      const ok = await draft();
      const published = await publish(ok.id);
      expect(published.missingLanguages).toEqual(['ru']);
      const emptied = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${ok.id}`,
        payload: { body: null },
      });
      expect(emptied.statusCode).toBe(422);
      expect((await read(ok.id)).json().body).toEqual(ok.body);
    });

    it('checks If-Match on publish, schedule and unpublish (412, nothing changed)', async () => {
      const item = await draft();
      for (const [action, payload] of [
        ['publish', undefined],
        ['schedule', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }],
      ] as const) {
        const res = await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/news/${item.id}/${action}`,
          headers: { 'if-match': '"9"' },
          ...(payload ? { payload } : {}),
        });
        expect(res.statusCode).toBe(412);
      }
      expect((await read(item.id)).json()).toMatchObject({ status: 'draft', version: 1 });
      const ok = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/news/${item.id}/publish`,
        headers: { 'if-match': '"1"' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const stale = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/news/${item.id}/unpublish`,
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      expect((await read(item.id)).json().status).toBe('published');
    });

    it('documents its routes in the OpenAPI description', async () => {
      const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const paths = Object.keys(res.json().paths);
      for (const p of [
        '/api/v1/news',
        '/api/v1/news/{id}',
        '/api/v1/news/{id}/publish',
        '/api/v1/news/{id}/schedule',
        '/api/v1/news/{id}/unpublish',
        '/api/v1/meetings/{id}/announcement',
      ]) {
        expect(paths).toContain(p);
      }
    });

    it('refuses a schedule in the past (422) and one for a published item (409)', async () => {
      const item = await draft();
      const past = await act(item.id, 'schedule', 'secretariat', {
        publishAt: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(past.statusCode).toBe(422);
      expect(past.json().errors).toEqual([
        { path: 'publishAt', message: 'Give a time in the future' },
      ]);
      const notATime = await act(item.id, 'schedule', 'secretariat', { publishAt: 'tomorrow' });
      expect(notATime.statusCode).toBe(400);
      await publish(item.id);
      const later = await act(item.id, 'schedule', 'secretariat', {
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(later.statusCode).toBe(409);
    });

    it('keeps a scheduled item hidden until its time, then shows it without the job', async () => {
      const item = await draft({ title: { en: 'Scheduled quokka notice' } });
      const publishAt = new Date(Date.now() + 1500);
      // Sent with an offset: stored and compared in UTC.
      const local = new Date(publishAt.getTime() + 5 * 3_600_000)
        .toISOString()
        .replace('Z', '+05:00');
      const scheduled = await act(item.id, 'schedule', 'secretariat', { publishAt: local });
      expect(scheduled.statusCode).toBe(200);
      expect(scheduled.json()).toMatchObject({
        status: 'scheduled',
        publishAt: publishAt.toISOString(),
        publiclyVisible: false,
      });
      expect((await read(item.id, 'anonymous')).statusCode).toBe(404);
      expect((await list('?status=scheduled', 'secretariat')).items.map((i) => i.id)).toContain(
        item.id,
      );
      expect((await list('?limit=200')).items.map((i) => i.id)).not.toContain(item.id);

      let seen: NewsListItem | undefined;
      const deadline = Date.now() + 10_000;
      while (!seen && Date.now() < deadline) {
        seen = (await list('?limit=200')).items.find((i) => i.id === item.id);
        if (!seen) {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
      expect(seen).toMatchObject({
        status: 'published',
        publishedAt: publishAt.toISOString(),
        publiclyVisible: true,
      });
      expect((await read(item.id, 'anonymous')).statusCode).toBe(200);
      // The job has not run: the stored status is still 'scheduled'.
      const row = await t.handle.db
        .selectFrom('newsItems')
        .select('status')
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('scheduled');
    });

    it('shows a due item after a restart: a fresh app over the same database, the job never run', async () => {
      const item = await draft();
      const publishAt = new Date(Date.now() + 1000).toISOString();
      expect((await act(item.id, 'schedule', 'secretariat', { publishAt })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const config = loadConfig(
        { PLENUM_DATA_DIR: t.dataDir, PLENUM_JOB_INTERVAL_SECONDS: '0' },
        { logLevel: 'silent', webDir: path.join(os.tmpdir(), 'plenum-no-web') },
      );
      const fresh = await buildApp({
        config,
        database: t.handle,
        logger: false,
        checkResponses: true,
      });
      await fresh.ready();
      try {
        const res = await fresh.inject({ method: 'GET', url: `/api/v1/news/${item.id}` });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ status: 'published', publishedAt: publishAt });
      } finally {
        await fresh.close();
      }
    });

    it('the job flips due items once, audited, however often and concurrently it runs', async () => {
      const a = await draft();
      const b = await draft();
      const soon = new Date(Date.now() + 60_000).toISOString();
      await act(a.id, 'schedule', 'secretariat', { publishAt: soon });
      await act(b.id, 'schedule', 'secretariat', {
        publishAt: new Date(Date.now() + 7_200_000).toISOString(),
      });
      // Items of earlier tests that are due flip now; these two are not due yet.
      await publishDueNews(t.handle.db, t.handle.dialect);
      expect((await read(a.id)).json().status).toBe('scheduled');
      expect(await publishDueNews(t.handle.db, t.handle.dialect)).toBe(0);
      const later = new Date(Date.now() + 120_000);
      const runs = await Promise.all([
        publishDueNews(t.handle.db, t.handle.dialect, later),
        publishDueNews(t.handle.db, t.handle.dialect, later),
      ]);
      expect(runs[0] + runs[1]).toBe(1);
      expect(await publishDueNews(t.handle.db, t.handle.dialect, later)).toBe(0);
      const flips = (await auditOf(a.id)).filter((e) => e.action === 'publish');
      expect(flips).toHaveLength(1);
      expect(flips[0]?.actorId).toBeNull();
      const row = await t.handle.db
        .selectFrom('newsItems')
        .selectAll()
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: 'published',
        publishedAt: soon,
        publishAt: null,
        version: 3,
      });
      expect((await read(b.id)).json().status).toBe('scheduled');
      const verify = await t.as('admin', { method: 'GET', url: '/api/v1/audit-events/verify' });
      expect(verify.statusCode).toBe(200);
      expect(verify.json().ok).toBe(true);
    });
  });

  describe('lists', () => {
    it('filters by section, status, meeting and q, newest public date first, in cursor pages', async () => {
      const press = await draft({
        section: 'press_releases',
        title: { en: 'Pelican press release' },
      });
      const older = await draft({
        section: 'press_releases',
        title: { en: 'Pelican older release' },
      });
      await publish(older.id);
      await publish(press.id);
      const page1 = await list('?section=press_releases&limit=1');
      expect(page1.items.map((i) => i.id)).toEqual([press.id]);
      expect(page1.nextCursor).not.toBeNull();
      const page2 = await list(`?section=press_releases&limit=1&cursor=${page1.nextCursor}`);
      expect(page2.items.map((i) => i.id)).toEqual([older.id]);
      expect(page2.nextCursor).toBeNull();
      expect((await list('?q=PELICAN')).items.map((i) => i.id)).toEqual([press.id, older.id]);
      expect((await list('?status=draft')).items).toEqual([]);
      const drafts = await list('?status=draft&limit=200', 'secretariat');
      expect(drafts.items.every((i) => i.status === 'draft')).toBe(true);
      const ofMeeting = await list(`?meetingId=${meetingId}&limit=200`, 'secretariat');
      expect(ofMeeting.items.length).toBeGreaterThan(0);
      expect(ofMeeting.items.every((i) => i.meetingId === meetingId)).toBe(true);
      const bad = await t.as('anonymous', { method: 'GET', url: '/api/v1/news?cursor=zzz' });
      expect(bad.statusCode).toBe(400);
      const tooMany = await t.as('anonymous', { method: 'GET', url: '/api/v1/news?limit=201' });
      expect(tooMany.statusCode).toBe(400);
    });
  });

  describe('images', () => {
    it('takes an uploaded image as the lead image, refusing unknown files and non-images (422)', async () => {
      const png = await upload(PNG, 'lead.png');
      const doc = await upload(pdf('news'), 'paper.pdf');
      const before = await countRows();
      const notImage = await create({ title: { en: 'x' }, imageSha256: doc });
      expect(notImage.statusCode).toBe(422);
      const unknown = await create({ title: { en: 'x' }, imageSha256: 'a'.repeat(64) });
      expect(unknown.statusCode).toBe(422);
      const bodyPdfImage = await create({
        title: { en: 'x' },
        body: { en: `![pdf](/api/v1/files/${doc})` },
      });
      expect(bodyPdfImage.statusCode).toBe(422);
      expect(await countRows()).toBe(before);

      const item = await draft({
        imageSha256: png,
        imageAlt: { en: 'The flags' },
        body: { en: `See the [paper](/api/v1/files/${doc}).` },
      });
      expect(item).toMatchObject({ imageSha256: png, imageHref: `/api/v1/files/${png}` });
      const links = await t.handle.db
        .selectFrom('fileLinks')
        .select('sha256')
        .where('ownerType', '=', 'news')
        .where('ownerId', '=', item.id)
        .orderBy('sha256')
        .execute();
      expect(links.map((l) => l.sha256)).toEqual([doc, png].sort());

      // The files follow the item: hidden while it is a draft, public once it is published.
      const asAnon = () => t.as('anonymous', { method: 'GET', url: `/api/v1/files/${png}` });
      expect((await asAnon()).statusCode).toBe(404);
      expect(
        (await t.as('observer', { method: 'GET', url: `/api/v1/files/${png}` })).statusCode,
      ).toBe(404);
      await publish(item.id);
      expect((await asAnon()).statusCode).toBe(200);
      expect(
        (await t.as('anonymous', { method: 'GET', url: `/api/v1/files/${doc}` })).statusCode,
      ).toBe(200);

      // Dropping the paper from the body unlinks it.
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        payload: { body: { en: `Now with the image inline: ![flags](/api/v1/files/${png})` } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().bodyHtml.en).toContain(`<img src="/api/v1/files/${png}" alt="flags">`);
      expect(
        (await t.as('anonymous', { method: 'GET', url: `/api/v1/files/${doc}` })).statusCode,
      ).toBe(404);
      expect((await auditOf(item.id)).map((e) => e.action)).toContain('detach');
    });
  });
});
