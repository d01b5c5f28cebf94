import type { SearchResult } from '@plenum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { reindexAll } from './indexer.ts';

/** The four registers (issue 6) in search: standards, programs, projects and IP results. */
describe(`search of the registers (${DIALECT})`, () => {
  let t: TestApp;
  let council: string;
  const org = {} as Record<'arm' | 'blr', string>;

  const hits = async (caller: Caller, q: string, type?: string) => {
    const qs = new URLSearchParams({ q, ...(type ? { type } : {}) }).toString();
    const res = await t.as(caller, { method: 'GET', url: `/api/v1/search?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResult;
  };
  const ids = async (caller: Caller, q: string) => (await hits(caller, q)).items.map((h) => h.id);

  async function send(
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
  ): Promise<string> {
    const res = await t.as('secretariat', { method, url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBe(method === 'POST' ? 201 : method === 'PATCH' ? 200 : 204);
    return method === 'DELETE' ? '' : (res.json().id as string);
  }

  beforeAll(async () => {
    t = await createTestApp();
    council = await insertBody(t.handle.db, { slug: 'council', name: 'Council', kind: 'council' });
    for (const [key, state, name] of [
      ['arm', 'ARM', { en: 'Zeppelinworks', ru: 'Цеппелинверк' }],
      ['blr', 'BLR', { en: 'Minsk Optics', ru: 'Минская оптика' }],
    ] as const) {
      org[key] = await send('POST', '/organizations', {
        name,
        memberState: state,
        kind: 'enterprise',
      });
    }
  });
  afterAll(async () => t.close());

  it('finds a standard by its title and designation, follows its changes and its deletion', async () => {
    const id = await send('POST', '/standards', {
      designation: 'GOST RV 0015-777-2026',
      title: { en: 'Hydroacoustic equipment', ru: 'Гидроакустическая аппаратура' },
      description: { en: 'Requirements for sonar buoys.' },
      bodyId: council,
    });
    const found = await hits('observer', 'hydroacoustic');
    expect(found.items.map((h) => h.id)).toEqual([id]);
    expect(found.items[0]).toMatchObject({
      type: 'standard',
      url: `/app/standards/${id}`,
      context: { number: 'GOST RV 0015-777-2026', status: 'planned', bodyId: council },
    });
    expect(await ids('delegateArm', 'гидроакустическая')).toEqual([id]);
    expect(await ids('secretariat', '0015-777-2026')).toEqual([id]);
    expect(await ids('secretariat', 'sonar')).toEqual([id]);
    expect(await ids('anonymous', 'hydroacoustic')).toEqual([]);

    await send('PATCH', `/standards/${id}`, {
      title: { en: 'Magnetometric equipment' },
      status: 'in_development',
    });
    expect(await ids('secretariat', 'hydroacoustic')).toEqual([]);
    const changed = await hits('secretariat', 'magnetometric');
    expect(changed.items.map((h) => [h.id, h.context.status])).toEqual([[id, 'in_development']]);

    await send('DELETE', `/standards/${id}`);
    expect(await ids('secretariat', 'magnetometric')).toEqual([]);
  });

  it('finds a program by its title and its measures’ titles, as they change', async () => {
    const id = await send('POST', '/programs', {
      title: { en: 'Cartography program', ru: 'Программа картографии' },
      periodFrom: '2024-01-01',
      periodTo: '2030-12-31',
      status: 'active',
    });
    const found = await hits('delegateBlr', 'cartography');
    expect(found.items.map((h) => h.id)).toEqual([id]);
    expect(found.items[0]).toMatchObject({
      type: 'program',
      url: `/app/programs/${id}`,
      context: { status: 'active', date: '2024-01-01' },
    });
    expect(await ids('anonymous', 'cartography')).toEqual([]);

    const measure = await send('POST', `/programs/${id}/measures`, {
      title: { en: 'Desalination plant', ru: 'Опреснительная установка' },
    });
    expect(await ids('observer', 'desalination')).toEqual([id]);
    await send('PATCH', `/programs/${id}/measures/${measure}`, {
      title: { en: 'Geodesy station' },
    });
    expect(await ids('observer', 'desalination')).toEqual([]);
    expect(await ids('observer', 'geodesy')).toEqual([id]);
    await send('DELETE', `/programs/${id}/measures/${measure}`);
    expect(await ids('observer', 'geodesy')).toEqual([]);

    await send('DELETE', `/programs/${id}`);
    expect(await ids('secretariat', 'cartography')).toEqual([]);
  });

  it('finds a project by its title and its participants’ names', async () => {
    const id = await send('POST', '/projects', {
      title: { en: 'Gyroscope modernization', ru: 'Модернизация гироскопов' },
      kind: 'joint_rnd',
      participants: [
        { organizationId: org.arm, role: 'lead' },
        { organizationId: org.blr, role: 'partner' },
      ],
    });
    const found = await hits('observer', 'gyroscope');
    expect(found.items.map((h) => h.id)).toEqual([id]);
    expect(found.items[0]).toMatchObject({
      type: 'project',
      url: `/app/projects/${id}`,
      context: { status: 'proposed', kind: 'joint_rnd' },
    });
    expect(await ids('delegateArm', 'zeppelinworks')).toEqual([id]);
    expect(await ids('anonymous', 'gyroscope')).toEqual([]);

    // A renamed participant renames what the project is found by.
    const current = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/organizations/${org.arm}`,
    });
    const renamed = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.arm}`,
      headers: { 'if-match': `"${current.json().version}"` },
      payload: { name: { en: 'Airshipworks', ru: 'Дирижаблестрой' } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await ids('observer', 'airshipworks')).toEqual([id]);
    expect(await ids('observer', 'zeppelinworks')).toEqual([]);
    const back = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.arm}`,
      headers: { 'if-match': `"${renamed.json().version}"` },
      payload: { name: { en: 'Zeppelinworks', ru: 'Цеппелинверк' } },
    });
    expect(back.statusCode).toBe(200);

    await send('DELETE', `/projects/${id}`);
    expect(await ids('secretariat', 'gyroscope')).toEqual([]);
  });

  it('finds a restricted IP result for the secretariat only, a public one for signed-in users', async () => {
    const open = await send('POST', '/ip-results', {
      title: { en: 'Ceramic nozzle', ru: 'Керамическое сопло' },
      kind: 'invention',
      classification: 'public',
      rightsHolders: [{ organizationId: org.arm, share: 100 }],
    });
    const restricted = await send('POST', '/ip-results', {
      title: { en: 'Radiolucent coating', ru: 'Радиопрозрачное покрытие' },
      kind: 'know_how',
      classification: 'restricted',
      accessList: { memberStates: ['BLR'], bodyIds: [council] },
      rightsHolders: [{ memberState: 'BLR', share: 100 }],
    });
    const found = await hits('observer', 'ceramic');
    expect(found.items.map((h) => h.id)).toEqual([open]);
    expect(found.items[0]).toMatchObject({
      type: 'ip_result',
      url: `/app/ip-results/${open}`,
      context: { kind: 'invention' },
    });
    expect(await ids('delegateBlr', 'zeppelinworks')).toEqual([open]);
    expect(await ids('anonymous', 'ceramic')).toEqual([]);

    expect(await ids('secretariat', 'radiolucent')).toEqual([restricted]);
    expect(await ids('admin', 'радиопрозрачное')).toEqual([restricted]);
    for (const caller of ['delegateBlr', 'delegateArm', 'observer', 'anonymous'] as const) {
      const result = await hits(caller, 'radiolucent coating');
      expect(result.items, caller).toEqual([]);
      expect(result.facets.ip_result, caller).toBe(0);
    }

    // Declassified: every signed-in user finds it at once; deleted: no one does.
    await send('PATCH', `/ip-results/${restricted}`, { classification: 'internal' });
    expect(await ids('observer', 'radiolucent')).toEqual([restricted]);
    await send('DELETE', `/ip-results/${restricted}`);
    expect(await ids('secretariat', 'radiolucent')).toEqual([]);
  });

  it('counts the registers in the facets and rebuilds them with the whole index', async () => {
    await send('POST', '/standards', {
      designation: 'GOST 1-2026',
      title: { en: 'Telemetry standard' },
    });
    await send('POST', '/programs', {
      title: { en: 'Telemetry program' },
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      status: 'planned',
    });
    const result = await hits('secretariat', 'telemetry');
    expect(result.facets).toEqual({
      meeting: 0,
      agenda_item: 0,
      decision: 0,
      document: 0,
      news: 0,
      standard: 1,
      program: 1,
      project: 0,
      ip_result: 0,
    });
    expect((await hits('secretariat', 'telemetry', 'program')).items.map((h) => h.type)).toEqual([
      'program',
    ]);
    const counts = await reindexAll(t.handle.db);
    expect(counts).toMatchObject({ standard: 1, program: 1, project: 0, ip_result: 1 });
    expect((await hits('secretariat', 'telemetry')).facets).toEqual(result.facets);
    expect(await ids('observer', 'ceramic')).toHaveLength(1);
  });
});
