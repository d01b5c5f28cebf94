import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { auditActions, create, type Dto, idsOf, pagesOf } from './test-fixtures.ts';

/** The date `offset` days from today (UTC), as YYYY-MM-DD. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000003';

describe(`memberships (${DIALECT})`, () => {
  let t: TestApp;
  let commission: Dto;
  let council: Dto;
  let chair: Dto;
  let expert: Dto;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await create(t, '/bodies', {
      slug: 'commission',
      name: { en: 'Commission' },
      kind: 'commission',
    });
    council = await create(t, '/bodies', {
      slug: 'council',
      name: { en: 'Council' },
      kind: 'council',
      parentId: commission.id,
    });
    chair = await create(t, '/persons', { name: { en: 'Chair Person' }, memberState: 'TJK' });
    expert = await create(t, '/persons', { name: { en: 'Expert Person' }, memberState: 'ARM' });
  });
  afterAll(async () => t.close());

  it('creates a membership with 201, Location and ETag; signed-in callers read it', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: {
        personId: chair.id,
        bodyId: commission.id,
        role: 'chair',
        memberState: 'TJK',
        from: '2024-01-01',
        to: '2026-12-31',
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/memberships/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      personId: chair.id,
      bodyId: commission.id,
      role: 'chair',
      memberState: 'TJK',
      from: '2024-01-01',
      to: '2026-12-31',
      version: 1,
    });
    for (const caller of ['observer', 'delegateArm'] as const) {
      const read = await t.as(caller, { method: 'GET', url: res.headers.location as string });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toEqual(created);
    }
    const openEnded = await create(t, '/memberships', {
      personId: expert.id,
      bodyId: council.id,
      role: 'expert',
    });
    expect(openEnded).toMatchObject({ memberState: null, from: null, to: null });
    expect(await auditActions(t, 'membership', created.id)).toEqual(['create']);
  });

  it('asks anonymous callers to sign in (401) for lists and single memberships', async () => {
    const m = await create(t, '/memberships', {
      personId: expert.id,
      bodyId: commission.id,
      role: 'observer',
    });
    for (const url of ['/api/v1/memberships', `/api/v1/memberships/${m.id}`]) {
      const res = await t.as('anonymous', { method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses writes to anonymous callers (401) and to delegates and observers (403)', async () => {
    const target = await create(t, '/memberships', {
      personId: expert.id,
      bodyId: commission.id,
      role: 'member',
    });
    const url = `/api/v1/memberships/${target.id}`;
    const payload = { personId: expert.id, bodyId: council.id, role: 'head' };
    const post = { method: 'POST' as const, url: '/api/v1/memberships', payload };
    expect((await t.as('anonymous', post)).statusCode).toBe(401);
    expect(
      (await t.as('anonymous', { method: 'PATCH', url, payload: { role: 'head' } })).statusCode,
    ).toBe(401);
    expect((await t.as('anonymous', { method: 'DELETE', url })).statusCode).toBe(401);
    for (const caller of ['delegateArm', 'observer'] as const) {
      expect((await t.as(caller, post)).statusCode).toBe(403);
      const patch = await t.as(caller, { method: 'PATCH', url, payload: { role: 'head' } });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().code).toBe('forbidden');
      expect((await t.as(caller, { method: 'DELETE', url })).statusCode).toBe(403);
    }
    expect(await idsOf(t, 'observer', '/api/v1/memberships?role=head')).toEqual([]);
    const now = await t.as('observer', { method: 'GET', url });
    expect(now.json()).toMatchObject({ role: 'member', version: 1 });
  });

  it('explains invalid input field by field', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: { personId: chair.id, bodyId: commission.id, role: 'king', from: '2024-13-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['role', 'from']));
    const missing = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: { role: 'member' },
    });
    expect(missing.statusCode).toBe(400);
    expect((missing.json().errors as { path: string }[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(['personId', 'bodyId']),
    );
  });

  it('names every reference that does not exist (400 on personId, bodyId, memberState)', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: { personId: UNKNOWN_ID, bodyId: UNKNOWN_ID, role: 'member', memberState: 'UZB' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors).toEqual([
      { path: 'personId', message: 'No such person' },
      { path: 'bodyId', message: 'No such body' },
      { path: 'memberState', message: 'No such member state' },
    ]);
    const oneMissing = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: { personId: chair.id, bodyId: UNKNOWN_ID, role: 'member' },
    });
    expect(oneMissing.statusCode).toBe(400);
    expect(oneMissing.json().errors).toEqual([{ path: 'bodyId', message: 'No such body' }]);
    expect(await idsOf(t, 'observer', `/api/v1/memberships?bodyId=${UNKNOWN_ID}`)).toEqual([]);

    const target = await create(t, '/memberships', {
      personId: chair.id,
      bodyId: council.id,
      role: 'member',
      memberState: 'TJK',
    });
    const patch = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/memberships/${target.id}`,
      payload: { memberState: 'UZB' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([{ path: 'memberState', message: 'No such member state' }]);
    const now = await t.as('observer', { method: 'GET', url: `/api/v1/memberships/${target.id}` });
    expect(now.json()).toMatchObject({ memberState: 'TJK', version: 1 });
  });

  it('refuses a period that ends before it begins (400 on to), on create and on change', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/memberships',
      payload: {
        personId: chair.id,
        bodyId: council.id,
        role: 'secretary',
        from: '2025-06-01',
        to: '2025-05-31',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'to', message: 'Must not be before from' }],
    });
    expect(await idsOf(t, 'observer', '/api/v1/memberships?role=secretary')).toEqual([]);

    // One day is a valid period.
    const target = await create(t, '/memberships', {
      personId: chair.id,
      bodyId: council.id,
      role: 'deputy_chair',
      from: '2025-06-01',
      to: '2025-06-01',
    });
    const patch = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/memberships/${target.id}`,
      payload: { from: '2025-06-02' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([{ path: 'to', message: 'Must not be before from' }]);
    const now = await t.as('observer', { method: 'GET', url: `/api/v1/memberships/${target.id}` });
    expect(now.json()).toMatchObject({ from: '2025-06-01', to: '2025-06-01', version: 1 });
  });

  it('answers 404 for an unknown id on read, change and removal', async () => {
    const url = `/api/v1/memberships/${UNKNOWN_ID}`;
    const read = await t.as('observer', { method: 'GET', url });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('not_found');
    const patch = await t.as('secretariat', { method: 'PATCH', url, payload: { role: 'member' } });
    expect(patch.statusCode).toBe(404);
    expect((await t.as('secretariat', { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('changes a membership with If-Match; a stale version is a 412 and changes nothing', async () => {
    const target = await create(t, '/memberships', {
      personId: expert.id,
      bodyId: council.id,
      role: 'member',
      from: '2020-01-01',
    });
    const url = `/api/v1/memberships/${target.id}`;
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { role: 'head', memberState: 'ARM', to: '2030-12-31' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({
      personId: expert.id,
      bodyId: council.id,
      role: 'head',
      memberState: 'ARM',
      from: '2020-01-01',
      to: '2030-12-31',
      version: 2,
    });
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { role: 'observer' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const staleDelete = await t.as('secretariat', {
      method: 'DELETE',
      url,
      headers: { 'if-match': '"1"' },
    });
    expect(staleDelete.statusCode).toBe(412);
    const now = await t.as('observer', { method: 'GET', url });
    expect(now.headers.etag).toBe('"2"');
    expect(now.json()).toMatchObject({ role: 'head', version: 2 });
    expect(await auditActions(t, 'membership', target.id)).toEqual(['create', 'update']);
  });

  it('filters by person, body, member state, role and whether in force today', async () => {
    const group = await create(t, '/bodies', {
      slug: 'filter-group',
      name: { en: 'Filter Group' },
      kind: 'working_group',
    });
    const p = await create(t, '/persons', { name: { en: 'Filter Person' } });
    const m = (role: string, extra: Record<string, unknown> = {}) =>
      create(t, '/memberships', { personId: p.id, bodyId: group.id, role, ...extra });
    const ended = await m('member', { from: day(-400), to: day(-1) });
    const open = await m('member', { memberState: 'KGZ' });
    const endsToday = await m('expert', { from: day(-30), to: day(0) });
    const startsToday = await m('expert', { from: day(0), memberState: 'KGZ' });
    const future = await m('observer', { from: day(1), to: day(365) });

    const base = `/api/v1/memberships?bodyId=${group.id}`;
    expect(await idsOf(t, 'observer', base)).toEqual([
      ended.id,
      open.id,
      endsToday.id,
      startsToday.id,
      future.id,
    ]);
    expect(await idsOf(t, 'observer', `${base}&current=true`)).toEqual([
      open.id,
      endsToday.id,
      startsToday.id,
    ]);
    expect(await idsOf(t, 'observer', `${base}&current=false`)).toEqual([ended.id, future.id]);
    expect(await idsOf(t, 'observer', `${base}&role=expert`)).toEqual([
      endsToday.id,
      startsToday.id,
    ]);
    expect(
      await idsOf(t, 'observer', `/api/v1/memberships?personId=${p.id}&memberState=KGZ`),
    ).toEqual([open.id, startsToday.id]);
    expect(await idsOf(t, 'observer', `/api/v1/memberships?personId=${p.id}&role=chair`)).toEqual(
      [],
    );
    const wrong = await t.as('observer', { method: 'GET', url: `${base}&current=yes` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('query.current');
  });

  it('lists memberships in creation order across pages', async () => {
    const board = await create(t, '/bodies', {
      slug: 'paging-board',
      name: { en: 'Paging Board' },
      kind: 'council',
    });
    const ids: string[] = [];
    for (const role of ['chair', 'deputy_chair', 'member', 'member', 'secretary']) {
      ids.push(
        (await create(t, '/memberships', { personId: chair.id, bodyId: board.id, role })).id,
      );
    }
    const pages = await pagesOf(t, 'delegateBlr', `/api/v1/memberships?bodyId=${board.id}&limit=2`);
    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
  });

  it('removes a membership (204), after which it is gone', async () => {
    const target = await create(t, '/memberships', {
      personId: expert.id,
      bodyId: commission.id,
      role: 'expert',
    });
    const url = `/api/v1/memberships/${target.id}`;
    const del = await t.as('admin', { method: 'DELETE', url, headers: { 'if-match': '"1"' } });
    expect(del.statusCode).toBe(204);
    expect((await t.as('observer', { method: 'GET', url })).statusCode).toBe(404);
    expect(await auditActions(t, 'membership', target.id)).toEqual(['create', 'delete']);
  });
});
