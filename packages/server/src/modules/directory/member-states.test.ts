import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';

describe(`member states (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lists the states to anyone, paginated by cursor', async () => {
    const first = await t.as('anonymous', { method: 'GET', url: '/api/v1/member-states?limit=4' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((s: { code: string }) => s.code)).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ']);
    const second = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/member-states?limit=4&cursor=${page1.nextCursor}`,
    });
    expect(second.json().items.map((s: { code: string }) => s.code)).toEqual(['RUS', 'TJK']);
    expect(second.json().nextCursor).toBeNull();
  });

  it('matches Cyrillic names case-insensitively', async () => {
    await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: { code: 'UZB', name: { en: 'Uzbekistan', ru: 'Узбекистан' }, status: 'observer' },
    });
    const res = await t.as('observer', { method: 'GET', url: '/api/v1/member-states?q=УЗБЕК' });
    expect(res.json().items.map((s: { code: string }) => s.code)).toEqual(['UZB']);
  });

  it('creates with 201, Location and ETag; a duplicate code is a 409', async () => {
    const body = { code: 'AZE', name: { en: 'Azerbaijan' } };
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/member-states/AZE');
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ code: 'AZE', status: 'member', version: 1 });
    const again = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate', errors: [{ path: 'code' }] });
  });

  it('refuses writes to anonymous callers (401) and to delegates (403)', async () => {
    const body = { code: 'GEO', name: { en: 'Georgia' } };
    const anon = await t.as('anonymous', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: body,
    });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    const delegate = await t.as('delegateArm', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: body,
    });
    expect(delegate.statusCode).toBe(403);
    const list = await t.as('anonymous', { method: 'GET', url: '/api/v1/member-states?q=georgia' });
    expect(list.json().items).toEqual([]);
  });

  it('explains invalid input field by field, in the caller’s language', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: { code: 'xx', name: {} },
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'code', message: 'Use a three-letter ISO 3166-1 alpha-3 code in capitals' },
        { path: 'name', message: 'Give the text in at least one language' },
      ]),
    );
    const ru = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
      payload: { code: 'xx', name: {} },
    });
    expect(ru.json().errors).toEqual(
      expect.arrayContaining([{ path: 'name', message: 'Укажите текст хотя бы на одном языке' }]),
    );
  });

  it('updates with If-Match; a stale version is a 412 and changes nothing', async () => {
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url: '/api/v1/member-states/KAZ',
      headers: { 'if-match': '"1"' },
      payload: { name: { en: 'Kazakhstan', ru: 'Казахстан' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url: '/api/v1/member-states/KAZ',
      headers: { 'if-match': '"1"' },
      payload: { status: 'former' },
    });
    expect(stale.statusCode).toBe(412);
    const now = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/KAZ' });
    expect(now.json()).toMatchObject({ status: 'member', version: 2, name: { en: 'Kazakhstan' } });
  });

  it('deletes an unreferenced state (204) and refuses a referenced one (409)', async () => {
    const del = await t.as('secretariat', { method: 'DELETE', url: '/api/v1/member-states/AZE' });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.as('observer', { method: 'GET', url: '/api/v1/member-states/AZE' })).statusCode,
    ).toBe(404);
    const person = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/persons',
      payload: { name: { en: 'A person' }, memberState: 'TJK' },
    });
    expect(person.statusCode).toBe(201);
    const inUse = await t.as('secretariat', { method: 'DELETE', url: '/api/v1/member-states/TJK' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({
      code: 'in_use',
      detail:
        'Persons, organizations, memberships or meetings refer to this member state; mark it former instead.',
    });
    expect(
      (await t.as('observer', { method: 'GET', url: '/api/v1/member-states/TJK' })).statusCode,
    ).toBe(200);
  });
});
