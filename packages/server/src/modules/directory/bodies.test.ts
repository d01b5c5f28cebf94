import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import {
  auditActions,
  create,
  type Dto,
  idsOf,
  insertMeeting,
  insertParticipant,
  pagesOf,
} from './test-fixtures.ts';

const ICMEC = {
  slug: 'icmec',
  name: {
    en: 'Interstate Commission for Military-Economic Cooperation',
    ru: 'Межгосударственная комиссия по военно-экономическому сотрудничеству',
  },
  nameGenitive: { ru: 'Межгосударственной комиссии по военно-экономическому сотрудничеству' },
  shortName: { en: 'ICMEC', ru: 'МКВЭС' },
  kind: 'commission',
  established: '1994-04-15',
  establishedBy: { en: 'Decision of the Council of Heads of Government of 15 April 1994' },
  mandate: { en: 'Long-term programs; production cooperation; joint R&D; standardization.' },
};

describe(`bodies (${DIALECT})`, () => {
  let t: TestApp;
  let icmec: Dto;

  beforeAll(async () => {
    t = await createTestApp();
    icmec = await create(t, '/bodies', ICMEC);
  });
  afterAll(async () => t.close());

  const body = (slug: string, extra: Record<string, unknown> = {}) =>
    create(t, '/bodies', { slug, name: { en: slug }, kind: 'council', ...extra });

  it('creates a body with 201, Location and ETag; anyone reads it by id or slug', async () => {
    const res = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/bodies',
      payload: {
        slug: 'council-of-defence-ministers',
        name: { en: 'Council of Defence Ministers', ru: 'Совет министров обороны' },
        kind: 'statutory_body',
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/bodies/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      slug: 'council-of-defence-ministers',
      kind: 'statutory_body',
      parentId: null,
      nameGenitive: null,
      shortName: null,
      established: null,
      establishedBy: null,
      mandate: null,
      version: 1,
    });

    const byId = await t.as('anonymous', { method: 'GET', url: res.headers.location as string });
    expect(byId.statusCode).toBe(200);
    expect(byId.headers.etag).toBe('"1"');
    expect(byId.json()).toEqual(created);
    const bySlug = await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/icmec' });
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json()).toEqual(icmec);
    expect(bySlug.json()).toMatchObject({ mandate: ICMEC.mandate, established: '1994-04-15' });
    expect(await auditActions(t, 'body', created.id)).toEqual(['create']);
  });

  it('lists bodies to anonymous callers by name, case-insensitively, across pages', async () => {
    const root = await body('paging-root');
    const ids: Record<string, string> = {};
    for (const name of ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo']) {
      ids[name] = (
        await body(`paging-${name.toLowerCase()}`, { name: { en: name }, parentId: root.id })
      ).id;
    }
    const pages = await pagesOf(t, 'anonymous', `/api/v1/bodies?parentId=${root.id}&limit=2`);
    expect(pages).toEqual([[ids.alpha, ids.bravo], [ids.Charlie, ids.Delta], [ids.Echo]]);
  });

  it('pages through bodies with long names in both languages (the cursor stays short)', async () => {
    const root = await body('long-names-root');
    const long = (n: number) => ({
      en: `Interstate Commission number ${n} for Military-Economic Cooperation of the Member States of the Commonwealth`,
      ru: `Межгосударственная комиссия номер ${n} по военно-экономическому сотрудничеству государств — участников Содружества`,
    });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push((await body(`long-name-${n}`, { name: long(n), parentId: root.id })).id);
    }
    const first = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/bodies?parentId=${root.id}&limit=1`,
    });
    expect(first.json().nextCursor.length).toBeLessThanOrEqual(512);
    const pages = await pagesOf(t, 'anonymous', `/api/v1/bodies?parentId=${root.id}&limit=1`);
    expect(pages).toEqual([[ids[0]], [ids[1]], [ids[2]]]);
  });

  it('refuses a cursor it did not make (400 on query.cursor)', async () => {
    const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies?cursor=bm9wZQ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'query.cursor', message: 'Not a cursor from this list; start again without it.' },
    ]);
  });

  it('filters by kind and by q on any language of name and short name (Cyrillic too)', async () => {
    const logistics = await body('logistics-council', {
      name: { en: 'Council of Heads of Logistics', ru: 'Совет начальников служб тыла' },
    });
    const standards = await body('standards-group', {
      name: { en: 'Working Group on Standards', ru: 'Рабочая группа по стандартизации' },
      shortName: { ru: 'РГСТ' },
      kind: 'working_group',
    });
    expect(await idsOf(t, 'anonymous', `/api/v1/bodies?q=${encodeURIComponent('ТЫЛА')}`)).toEqual([
      logistics.id,
    ]);
    expect(await idsOf(t, 'anonymous', `/api/v1/bodies?q=${encodeURIComponent('рГсТ')}`)).toEqual([
      standards.id,
    ]);
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=LOGISTICS')).toEqual([logistics.id]);
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=mkves')).toEqual([]);
    expect(await idsOf(t, 'anonymous', `/api/v1/bodies?q=${encodeURIComponent('мквэс')}`)).toEqual([
      icmec.id,
    ]);
    const groups = await idsOf(t, 'anonymous', '/api/v1/bodies?kind=working_group');
    expect(groups).toContain(standards.id);
    expect(groups).not.toContain(logistics.id);
  });

  it('takes q literally: % and _ are not wildcards', async () => {
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=%25')).toEqual([]);
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=_')).toEqual([]);
    const odd = await body('hundred-percent', { name: { en: 'Group 100% ready' } });
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=0%25%20r')).toEqual([odd.id]);
  });

  it('refuses writes to anonymous callers (401) and to delegates and observers (403)', async () => {
    const target = await body('guarded-body');
    const post = { method: 'POST' as const, url: '/api/v1/bodies' };
    const payload = { slug: 'intruder', name: { en: 'Intruder' }, kind: 'council' };
    const patch = { method: 'PATCH' as const, url: `/api/v1/bodies/${target.id}` };
    const del = { method: 'DELETE' as const, url: `/api/v1/bodies/${target.id}` };

    const anon = await t.as('anonymous', { ...post, payload });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect(
      (await t.as('anonymous', { ...patch, payload: { kind: 'commission' } })).statusCode,
    ).toBe(401);
    expect((await t.as('anonymous', del)).statusCode).toBe(401);
    for (const caller of ['delegateArm', 'observer'] as const) {
      const res = await t.as(caller, { ...post, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await t.as(caller, { ...patch, payload: { kind: 'commission' } })).statusCode).toBe(
        403,
      );
      expect((await t.as(caller, del)).statusCode).toBe(403);
    }
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/intruder' })).statusCode,
    ).toBe(404);
    const now = await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${target.id}` });
    expect(now.json()).toMatchObject({ kind: 'council', version: 1 });
  });

  it('explains invalid input field by field, in the caller’s language', async () => {
    const payload = { slug: 'Bad Slug', name: {}, kind: 'club' };
    const res = await t.as('secretariat', { method: 'POST', url: '/api/v1/bodies', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'slug', message: 'Use lower-case letters, digits and single hyphens' },
        { path: 'name', message: 'Give the text in at least one language' },
      ]),
    );
    expect(errors.map((e) => e.path)).toContain('kind');
    const ru = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/bodies',
      headers: { 'accept-language': 'ru' },
      payload,
    });
    expect(ru.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'slug', message: 'Используйте строчные латинские буквы, цифры и одиночные дефисы' },
      ]),
    );
  });

  it('refuses a parent that does not exist (400 on parentId) and changes nothing', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/bodies',
      payload: { slug: 'orphan', name: { en: 'Orphan' }, kind: 'council', parentId: missing },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'parentId', message: 'No such body' }],
    });
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/orphan' })).statusCode,
    ).toBe(404);

    const child = await body('would-be-orphan');
    const patch = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${child.id}`,
      payload: { parentId: missing },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([{ path: 'parentId', message: 'No such body' }]);
    const now = await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${child.id}` });
    expect(now.json()).toMatchObject({ parentId: null, version: 1 });
  });

  it('refuses a slug already in use with 409 on slug, on create and on change', async () => {
    const first = await body('taken-slug');
    const again = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/bodies',
      payload: { slug: 'taken-slug', name: { en: 'Another' }, kind: 'council' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'duplicate',
      errors: [{ path: 'slug', message: 'Already in use' }],
    });
    const other = await body('other-slug');
    const rename = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${other.id}`,
      payload: { slug: 'taken-slug' },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ code: 'duplicate', errors: [{ path: 'slug' }] });
    const bySlug = await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/taken-slug' });
    expect(bySlug.json().id).toBe(first.id);
  });

  it('answers 404 for an unknown id or slug on read, change and removal', async () => {
    for (const ref of ['01900000-0000-7000-8000-000000000001', 'no-such-body']) {
      const url = `/api/v1/bodies/${ref}`;
      const read = await t.as('anonymous', { method: 'GET', url });
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe('not_found');
      const change = await t.as('secretariat', {
        method: 'PATCH',
        url,
        payload: { kind: 'council' },
      });
      expect(change.statusCode).toBe(404);
      expect((await t.as('secretariat', { method: 'DELETE', url })).statusCode).toBe(404);
    }
  });

  it('changes a body with If-Match; a stale version is a 412 and changes nothing', async () => {
    const target = await body('versioned-body', { mandate: { en: 'First mandate' } });
    const url = `/api/v1/bodies/${target.id}`;
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { mandate: { en: 'Second mandate', ru: 'Второй мандат' }, shortName: { en: 'VB' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({
      mandate: { en: 'Second mandate', ru: 'Второй мандат' },
      shortName: { en: 'VB' },
      slug: 'versioned-body',
      version: 2,
    });

    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { mandate: { en: 'Lost update' } },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const staleDelete = await t.as('secretariat', {
      method: 'DELETE',
      url,
      headers: { 'if-match': '"1"' },
    });
    expect(staleDelete.statusCode).toBe(412);

    const now = await t.as('anonymous', { method: 'GET', url });
    expect(now.statusCode).toBe(200);
    expect(now.headers.etag).toBe('"2"');
    expect(now.json()).toMatchObject({ mandate: { en: 'Second mandate' }, version: 2 });
    // The search text followed the change: the new short name matches.
    expect(await idsOf(t, 'anonymous', '/api/v1/bodies?q=vb')).toEqual([target.id]);
    expect(await auditActions(t, 'body', target.id)).toEqual(['create', 'update']);
  });

  it('refuses a parent change that would make a body its own ancestor (422)', async () => {
    const top = await body('tree-top');
    const middle = await body('tree-middle', { parentId: top.id });
    const leaf = await body('tree-leaf', { parentId: middle.id });

    const cycle = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${top.id}`,
      payload: { parentId: leaf.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({
      code: 'unprocessable',
      detail:
        'The chosen parent is one of this body’s own sub-bodies, so the body would become its own ancestor; move that sub-body elsewhere first.',
      errors: [{ path: 'parentId', message: 'Would make the body its own ancestor' }],
    });
    const self = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${middle.id}`,
      payload: { parentId: middle.id },
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().detail).toBe('A body cannot be its own parent.');

    const topNow = await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${top.id}` });
    expect(topNow.json()).toMatchObject({ parentId: null, version: 1 });
    const middleNow = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/bodies/${middle.id}`,
    });
    expect(middleNow.json()).toMatchObject({ parentId: top.id, version: 1 });

    // Moving a body sideways or up is fine.
    const move = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${leaf.id}`,
      payload: { parentId: top.id },
    });
    expect(move.statusCode).toBe(200);
    expect(move.json().parentId).toBe(top.id);
  });

  it('deletes an unreferenced body (204) and refuses one that others refer to (409)', async () => {
    const inUse =
      'Sub-bodies, memberships, meetings or meeting participants refer to this body; remove or reassign them first.';
    const person = await create(t, '/persons', { name: { en: 'Member' } });

    const parent = await body('delete-parent');
    await body('delete-child', { parentId: parent.id });
    const withMembership = await body('delete-membership');
    await create(t, '/memberships', {
      personId: person.id,
      bodyId: withMembership.id,
      role: 'member',
    });
    const withMeeting = await body('delete-meeting');
    await insertMeeting(t, withMeeting.id);
    const represented = await body('delete-participant');
    await insertParticipant(t, await insertMeeting(t, withMeeting.id), person.id, represented.id);

    for (const refused of [parent, withMembership, withMeeting, represented]) {
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/bodies/${refused.id}`,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'in_use', detail: inUse });
      const still = await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${refused.id}` });
      expect(still.statusCode).toBe(200);
    }

    const free = await body('delete-free');
    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/bodies/${free.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect(
      (await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${free.id}` })).statusCode,
    ).toBe(404);
    expect(await auditActions(t, 'body', free.id)).toEqual(['create', 'delete']);
  });
});
