import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import {
  auditActions,
  create,
  type Dto,
  idsOf,
  insertAgendaItem,
  insertMeeting,
  insertParticipant,
  pagesOf,
} from './test-fixtures.ts';

describe(`persons (${DIALECT})`, () => {
  let t: TestApp;
  let commission: Dto;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await create(t, '/bodies', {
      slug: 'commission',
      name: { en: 'Commission' },
      kind: 'commission',
    });
  });
  afterAll(async () => t.close());

  const person = (en: string, extra: Record<string, unknown> = {}) =>
    create(t, '/persons', { name: { en }, ...extra });

  it('creates a person with 201, Location and ETag; signed-in callers read it', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/persons',
      payload: {
        name: { en: 'Sergei Shoigu', ru: 'Сергей Шойгу' },
        memberState: 'RUS',
        position: { en: 'Minister of Defence', ru: 'Министр обороны' },
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`/api/v1/persons/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      name: { en: 'Sergei Shoigu', ru: 'Сергей Шойгу' },
      memberState: 'RUS',
      position: { en: 'Minister of Defence' },
      version: 1,
    });
    for (const caller of ['observer', 'delegateBlr'] as const) {
      const read = await t.as(caller, { method: 'GET', url: res.headers.location as string });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toEqual(created);
    }
    const minimal = await person('Nameless Position');
    expect(minimal).toMatchObject({ memberState: null, position: null });
    expect(await auditActions(t, 'person', created.id)).toEqual(['create']);
  });

  it('asks anonymous callers to sign in (401) for lists and single persons', async () => {
    const someone = await person('Hidden Person');
    for (const url of ['/api/v1/persons', `/api/v1/persons/${someone.id}`]) {
      const res = await t.as('anonymous', { method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unauthenticated');
    }
  });

  it('refuses writes to anonymous callers (401) and to delegates and observers (403)', async () => {
    const target = await person('Guarded Person');
    const url = `/api/v1/persons/${target.id}`;
    const payload = { name: { en: 'Intruder' } };
    expect(
      (await t.as('anonymous', { method: 'POST', url: '/api/v1/persons', payload })).statusCode,
    ).toBe(401);
    expect((await t.as('anonymous', { method: 'PATCH', url, payload })).statusCode).toBe(401);
    expect((await t.as('anonymous', { method: 'DELETE', url })).statusCode).toBe(401);
    for (const caller of ['delegateArm', 'observer'] as const) {
      const res = await t.as(caller, { method: 'POST', url: '/api/v1/persons', payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await t.as(caller, { method: 'PATCH', url, payload })).statusCode).toBe(403);
      expect((await t.as(caller, { method: 'DELETE', url })).statusCode).toBe(403);
    }
    expect(await idsOf(t, 'observer', '/api/v1/persons?q=intruder')).toEqual([]);
    const now = await t.as('observer', { method: 'GET', url });
    expect(now.json()).toMatchObject({ name: { en: 'Guarded Person' }, version: 1 });
  });

  it('explains invalid input field by field', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/persons',
      payload: { name: {}, memberState: 'rus', position: { fr: 'Ministre' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Give the text in at least one language' },
        { path: 'memberState', message: 'Use a three-letter ISO 3166-1 alpha-3 code in capitals' },
      ]),
    );
    expect(errors.map((e) => e.path)).toContain('position');
  });

  it('refuses a member state that does not exist (400 on memberState), changing nothing', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/persons',
      payload: { name: { en: 'Stateless Delegate' }, memberState: 'UZB' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'memberState', message: 'No such member state' }],
    });
    expect(await idsOf(t, 'observer', '/api/v1/persons?q=stateless')).toEqual([]);

    const target = await person('Loyal Delegate', { memberState: 'KAZ' });
    const patch = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/persons/${target.id}`,
      payload: { memberState: 'UZB' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors).toEqual([{ path: 'memberState', message: 'No such member state' }]);
    const now = await t.as('observer', { method: 'GET', url: `/api/v1/persons/${target.id}` });
    expect(now.json()).toMatchObject({ memberState: 'KAZ', version: 1 });
  });

  it('answers 404 for an unknown id on read, change and removal', async () => {
    const url = '/api/v1/persons/01900000-0000-7000-8000-000000000002';
    const read = await t.as('observer', { method: 'GET', url });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('not_found');
    const patch = await t.as('secretariat', { method: 'PATCH', url, payload: { position: null } });
    expect(patch.statusCode).toBe(404);
    expect((await t.as('secretariat', { method: 'DELETE', url })).statusCode).toBe(404);
  });

  it('changes a person with If-Match; a stale version is a 412 and changes nothing', async () => {
    const target = await person('Aliya Serikova', { memberState: 'KAZ' });
    const url = `/api/v1/persons/${target.id}`;
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { name: { en: 'Aliya Serikova', ru: 'Алия Серикова' }, memberState: null },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ memberState: null, version: 2 });

    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { position: { en: 'Lost update' } },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    expect(
      (await t.as('secretariat', { method: 'DELETE', url, headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(412);

    const now = await t.as('observer', { method: 'GET', url });
    expect(now.headers.etag).toBe('"2"');
    expect(now.json()).toMatchObject({ position: null, name: { ru: 'Алия Серикова' }, version: 2 });
    // The new Russian name is searchable.
    expect(
      await idsOf(t, 'observer', `/api/v1/persons?q=${encodeURIComponent('СЕРИКОВА')}`),
    ).toEqual([target.id]);
    expect(await auditActions(t, 'person', target.id)).toEqual(['create', 'update']);
  });

  it('lists persons by name across pages, filtered by member state', async () => {
    const ids: Record<string, string> = {};
    for (const name of ['Dmitry', 'anna', 'Boris', 'Cyril', 'elena']) {
      ids[name] = (await person(name, { memberState: 'KGZ' })).id;
    }
    await person('Zhyldyz', { memberState: 'TJK' });
    const pages = await pagesOf(t, 'delegateArm', '/api/v1/persons?memberState=KGZ&limit=2');
    expect(pages).toEqual([[ids.anna, ids.Boris], [ids.Cyril, ids.Dmitry], [ids.elena]]);
  });

  it('filters by body (a membership there) and by q in any language, case-insensitively', async () => {
    const council = await create(t, '/bodies', {
      slug: 'council',
      name: { en: 'Council' },
      kind: 'council',
    });
    const ivanov = await create(t, '/persons', {
      name: { en: 'Ivan Ivanov', ru: 'Иван Иванов' },
      memberState: 'BLR',
    });
    const petrova = await create(t, '/persons', { name: { ru: 'Мария Петрова' } });
    const outsider = await person('Outsider');
    // Two memberships in the same body still list the person once.
    for (const role of ['member', 'expert']) {
      await create(t, '/memberships', { personId: ivanov.id, bodyId: council.id, role });
    }
    await create(t, '/memberships', { personId: petrova.id, bodyId: council.id, role: 'chair' });
    await create(t, '/memberships', {
      personId: outsider.id,
      bodyId: commission.id,
      role: 'member',
    });

    // By name: Latin before Cyrillic.
    expect(await idsOf(t, 'observer', `/api/v1/persons?bodyId=${council.id}`)).toEqual([
      ivanov.id,
      petrova.id,
    ]);
    expect(await idsOf(t, 'observer', `/api/v1/persons?q=${encodeURIComponent('ИВАНОВ')}`)).toEqual(
      [ivanov.id],
    );
    expect(await idsOf(t, 'observer', '/api/v1/persons?q=IVAN')).toEqual([ivanov.id]);
    expect(await idsOf(t, 'observer', `/api/v1/persons?q=${encodeURIComponent('петров')}`)).toEqual(
      [petrova.id],
    );
    expect(
      await idsOf(t, 'observer', `/api/v1/persons?bodyId=${council.id}&memberState=BLR`),
    ).toEqual([ivanov.id]);
  });

  it('deletes an unreferenced person (204) and refuses one that others refer to (409)', async () => {
    const inUse =
      'Memberships, meetings (as chair), meeting participants or agenda items (as rapporteur) refer to this person; remove or reassign them first.';
    const member = await person('Refers Member');
    await create(t, '/memberships', { personId: member.id, bodyId: commission.id, role: 'member' });
    const chair = await person('Refers Chair');
    const meeting = await insertMeeting(t, commission.id, chair.id);
    const participant = await person('Refers Participant');
    await insertParticipant(t, meeting, participant.id);
    const rapporteur = await person('Refers Rapporteur');
    await insertAgendaItem(t, meeting, rapporteur.id);

    for (const refused of [member, chair, participant, rapporteur]) {
      const res = await t.as('admin', { method: 'DELETE', url: `/api/v1/persons/${refused.id}` });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'in_use', detail: inUse });
      const still = await t.as('observer', { method: 'GET', url: `/api/v1/persons/${refused.id}` });
      expect(still.statusCode).toBe(200);
    }

    const free = await person('Free Person');
    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/persons/${free.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.as('observer', { method: 'GET', url: `/api/v1/persons/${free.id}` })).statusCode,
    ).toBe(404);
    expect(await auditActions(t, 'person', free.id)).toEqual(['create', 'delete']);
  });
});
