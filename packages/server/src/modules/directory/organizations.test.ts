import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { auditActions, create, idsOf, pagesOf } from './test-fixtures.ts';

describe(`organizations (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const organization = (en: string, extra: Record<string, unknown> = {}) =>
    create(t, '/organizations', { name: { en }, memberState: 'BLR', kind: 'enterprise', ...extra });

  it('creates an organization with 201, Location and ETag; signed-in callers read it', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: {
        name: { en: 'Minsk Wheeled Tractor Plant', ru: 'Минский завод колёсных тягачей' },
        memberState: 'BLR',
        kind: 'enterprise',
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/organizations/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      name: { en: 'Minsk Wheeled Tractor Plant', ru: 'Минский завод колёсных тягачей' },
      memberState: 'BLR',
      kind: 'enterprise',
      version: 1,
    });
    for (const caller of ['observer', 'delegateArm'] as const) {
      const read = await t.as(caller, { method: 'GET', url: res.headers.location as string });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toEqual(created);
    }
    expect(await auditActions(t, 'organization', created.id)).toEqual(['create']);
  });

  it('asks anonymous callers to sign in (401) for lists and single organizations', async () => {
    const org = await organization('Hidden Works');
    for (const url of ['/api/v1/organizations', `/api/v1/organizations/${org.id}`]) {
      const res = await t.as('anonymous', { method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('refuses writes to anonymous callers (401) and to delegates and observers (403)', async () => {
    const target = await organization('Guarded Works');
    const url = `/api/v1/organizations/${target.id}`;
    const payload = { name: { en: 'Intruder Works' }, memberState: 'ARM', kind: 'agency' };
    const post = { method: 'POST' as const, url: '/api/v1/organizations', payload };
    expect((await t.as('anonymous', post)).statusCode).toBe(401);
    expect(
      (await t.as('anonymous', { method: 'PATCH', url, payload: { kind: 'agency' } })).statusCode,
    ).toBe(401);
    expect((await t.as('anonymous', { method: 'DELETE', url })).statusCode).toBe(401);
    // A delegate may not write even for its own state: the directory is the secretariat's.
    for (const caller of ['delegateArm', 'observer'] as const) {
      const res = await t.as(caller, post);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect(
        (await t.as(caller, { method: 'PATCH', url, payload: { kind: 'agency' } })).statusCode,
      ).toBe(403);
      expect((await t.as(caller, { method: 'DELETE', url })).statusCode).toBe(403);
    }
    expect(await idsOf(t, 'observer', '/api/v1/organizations?q=intruder')).toEqual([]);
    const now = await t.as('observer', { method: 'GET', url });
    expect(now.json()).toMatchObject({ kind: 'enterprise', version: 1 });
  });

  it('explains invalid input field by field', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: {}, kind: 'guild' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([{ path: 'name', message: 'Give the text in at least one language' }]),
    );
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['memberState', 'kind']));
    const ru = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { 'accept-language': 'ru' },
      payload: { name: { en: 'Works' }, memberState: 'blr', kind: 'agency' },
    });
    expect(ru.json().errors).toEqual([
      {
        path: 'memberState',
        message: 'Укажите трёхбуквенный код ISO 3166-1 alpha-3 заглавными буквами',
      },
    ]);
  });

  it('refuses a member state that does not exist (400 on memberState), changing nothing', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: { en: 'Tashkent Aviation Works' }, memberState: 'UZB', kind: 'enterprise' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'memberState', message: 'No such member state' }],
    });
    expect(await idsOf(t, 'observer', '/api/v1/organizations?q=tashkent')).toEqual([]);

    const target = await organization('Staying Works');
    const patch = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/organizations/${target.id}`,
      payload: { memberState: 'UZB' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([{ path: 'memberState', message: 'No such member state' }]);
    const now = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/organizations/${target.id}`,
    });
    expect(now.json()).toMatchObject({ memberState: 'BLR', version: 1 });
  });

  it('answers 404 for an unknown id on read, change and removal', async () => {
    const url = '/api/v1/organizations/01900000-0000-7000-8000-000000000004';
    const read = await t.as('observer', { method: 'GET', url });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('not_found');
    const patch = await t.as('secretariat', { method: 'PATCH', url, payload: { kind: 'agency' } });
    expect(patch.statusCode).toBe(404);
    expect((await t.as('secretariat', { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('changes an organization with If-Match; a stale version is a 412 and changes nothing', async () => {
    const target = await organization('Renamed Works');
    const url = `/api/v1/organizations/${target.id}`;
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: {
        name: { en: 'Renamed Institute', ru: 'Переименованный институт' },
        kind: 'institute',
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ kind: 'institute', memberState: 'BLR', version: 2 });
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { kind: 'other' },
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
    expect(now.json()).toMatchObject({ kind: 'institute', name: { en: 'Renamed Institute' } });
    expect(await idsOf(t, 'observer', '/api/v1/organizations?q=renamed%20works')).toEqual([]);
    expect(await auditActions(t, 'organization', target.id)).toEqual(['create', 'update']);
  });

  it('lists organizations by name across pages', async () => {
    const ids: Record<string, string> = {};
    for (const name of [
      'Delta Works',
      'alpha works',
      'Charlie Works',
      'bravo works',
      'Echo Works',
    ]) {
      ids[name] = (await organization(name, { memberState: 'KGZ' })).id;
    }
    const pages = await pagesOf(t, 'observer', '/api/v1/organizations?memberState=KGZ&limit=2');
    expect(pages).toEqual([
      [ids['alpha works'], ids['bravo works']],
      [ids['Charlie Works'], ids['Delta Works']],
      [ids['Echo Works']],
    ]);
  });

  it('filters by member state, kind and q in any language, case-insensitively', async () => {
    const institute = await organization('Research Institute of Optics', {
      name: { en: 'Research Institute of Optics', ru: 'НИИ оптики' },
      memberState: 'RUS',
      kind: 'institute',
    });
    const agency = await organization('Standards Agency', {
      name: { ru: 'Агентство по стандартизации' },
      memberState: 'RUS',
      kind: 'agency',
    });
    const plant = await organization('Optics Plant', { memberState: 'KAZ' });

    expect(await idsOf(t, 'observer', '/api/v1/organizations?memberState=RUS')).toEqual([
      institute.id,
      agency.id,
    ]);
    expect(await idsOf(t, 'observer', '/api/v1/organizations?memberState=RUS&kind=agency')).toEqual(
      [agency.id],
    );
    expect(
      await idsOf(t, 'observer', `/api/v1/organizations?q=${encodeURIComponent('ОПТИК')}`),
    ).toEqual([institute.id]);
    expect(await idsOf(t, 'observer', '/api/v1/organizations?q=OPTICS')).toEqual([
      plant.id,
      institute.id,
    ]);
    expect(
      await idsOf(t, 'observer', `/api/v1/organizations?q=${encodeURIComponent('стандарт')}`),
    ).toEqual([agency.id]);
  });

  it('removes an organization (204), after which it is gone', async () => {
    const target = await organization('Closing Works');
    const url = `/api/v1/organizations/${target.id}`;
    const del = await t.as('admin', { method: 'DELETE', url, headers: { 'if-match': '"1"' } });
    expect(del.statusCode).toBe(204);
    expect((await t.as('observer', { method: 'GET', url })).statusCode).toBe(404);
    expect(await auditActions(t, 'organization', target.id)).toEqual(['create', 'delete']);
  });
});
