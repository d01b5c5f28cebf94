import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { auditActions, create } from './test-fixtures.ts';

// A body's quorum rule (issue 8): the member states present for it to decide in session.
// The test installation has six member states (ARM BLR KAZ KGZ RUS TJK), all of status member.

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; the schemas check them
type Json = Record<string, any>;

describe(`body quorum (${DIALECT})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const body = (slug: string, extra: Record<string, unknown> = {}) =>
    create(t, '/bodies', { slug, name: { en: slug }, kind: 'council', ...extra });
  const read = async (id: string) =>
    (await t.as('anonymous', { method: 'GET', url: `/api/v1/bodies/${id}` })).json() as Json;
  const patch = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${id}`,
      payload: payload as never,
      headers,
    });
  const auditChanges = async (id: string) =>
    (
      (
        await t.as('admin', {
          method: 'GET',
          url: `/api/v1/audit-events?entityType=body&entityId=${id}`,
        })
      ).json() as Json
    ).items
      .map((e: Json) => ({ action: e.action, change: e.change }))
      .reverse();

  it('creates a body without a rule as quorum null (all member states)', async () => {
    const plain = await body('no-rule');
    expect(plain.quorum).toBeNull();
    expect((await read(plain.id)).quorum).toBeNull();
  });

  it('creates a body with a quorum, shows it to anyone and audits it', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/bodies',
      payload: { slug: 'four-of-six', name: { en: 'Four of six' }, kind: 'council', quorum: 4 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Json;
    expect(created).toMatchObject({ slug: 'four-of-six', quorum: 4, version: 1 });
    expect(await read(created.id)).toEqual(created);
    const [event] = await auditChanges(created.id);
    expect(event).toMatchObject({ action: 'create', change: { quorum: 4 } });
  });

  it('changes and clears the quorum with If-Match, auditing the change', async () => {
    const target = await body('changing-rule', { quorum: 3 });
    const url = `/api/v1/bodies/${target.id}`;
    const raised = await patch(target.id, { quorum: 6 }, { 'if-match': '"1"' });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.headers.etag).toBe('"2"');
    expect(raised.json()).toMatchObject({ quorum: 6, version: 2 });

    const stale = await patch(target.id, { quorum: 2 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await read(target.id)).quorum).toBe(6);

    const cleared = await patch(target.id, { quorum: null }, { 'if-match': '"2"' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ quorum: null, version: 3 });
    expect((await t.as('anonymous', { method: 'GET', url })).json().quorum).toBeNull();

    const changes = await auditChanges(target.id);
    expect(changes.map((c: Json) => c.action)).toEqual(['create', 'update', 'update']);
    expect(changes[1].change).toEqual({ quorum: [3, 6] });
    expect(changes[2].change).toEqual({ quorum: [6, null] });
  });

  it('refuses values out of range with 400 on quorum, creating and changing nothing', async () => {
    const target = await body('range-checked', { quorum: 2 });
    for (const quorum of [0, -1, 2.5, 1001, '4', true]) {
      const created = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/bodies',
        payload: { slug: 'out-of-range', name: { en: 'Out of range' }, kind: 'council', quorum },
      });
      expect(created.statusCode, String(quorum)).toBe(400);
      expect(created.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'quorum' }],
      });
      const changed = await patch(target.id, { quorum });
      expect(changed.statusCode, String(quorum)).toBe(400);
      expect(changed.json().errors).toEqual([expect.objectContaining({ path: 'quorum' })]);
    }
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/out-of-range' })).statusCode,
    ).toBe(404);
    expect(await read(target.id)).toMatchObject({ quorum: 2, version: 1 });
    expect(await auditActions(t, 'body', target.id)).toEqual(['create']);
  });

  it('refuses a quorum above the member states with 422, in English and Russian', async () => {
    const target = await body('capped-rule', { quorum: 5 });
    const en = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/bodies',
      payload: { slug: 'seven-of-six', name: { en: 'Seven of six' }, kind: 'council', quorum: 7 },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json()).toMatchObject({
      code: 'unprocessable',
      detail:
        'The quorum cannot exceed the number of member states; leave it empty to require all of them.',
      errors: [{ path: 'quorum', message: 'More than the member states' }],
    });
    const ru = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/bodies/${target.id}`,
      headers: { 'accept-language': 'ru' },
      payload: { quorum: 7, mandate: { en: 'Not saved either' } },
    });
    expect(ru.statusCode).toBe(422);
    expect(ru.json()).toMatchObject({
      detail:
        'Кворум не может превышать число государств-членов; чтобы требовать присутствия всех, оставьте поле пустым.',
      errors: [{ path: 'quorum', message: 'Больше числа государств-членов' }],
    });
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/bodies/seven-of-six' })).statusCode,
    ).toBe(404);
    expect(await read(target.id)).toMatchObject({ quorum: 5, mandate: null, version: 1 });
    expect(await auditActions(t, 'body', target.id)).toEqual(['create']);
    // Exactly the number of member states is a valid rule.
    expect((await patch(target.id, { quorum: 6 })).json()).toMatchObject({ quorum: 6 });
  });

  it('counts only member states of status member; a rule that later exceeds them stands', async () => {
    const observer = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/member-states',
      payload: { code: 'UZB', name: { en: 'Uzbekistan' }, status: 'observer' },
    });
    expect(observer.statusCode, observer.body).toBe(201);
    const target = await body('observers-excluded');
    expect((await patch(target.id, { quorum: 7 })).statusCode).toBe(422);

    const joined = await t.as('secretariat', {
      method: 'PATCH',
      url: '/api/v1/member-states/UZB',
      payload: { status: 'member' },
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const seven = await patch(target.id, { quorum: 7 });
    expect(seven.statusCode, seven.body).toBe(200);
    expect(seven.json()).toMatchObject({ quorum: 7, version: 2 });

    // UZB leaves: the rule set while it was valid stays, and other changes of the body go on
    // (the sessions service caps the quorum at the member states).
    const left = await t.as('secretariat', {
      method: 'PATCH',
      url: '/api/v1/member-states/UZB',
      payload: { status: 'former' },
    });
    expect(left.statusCode, left.body).toBe(200);
    const renamed = await patch(target.id, { name: { en: 'Observers excluded' }, quorum: 7 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ quorum: 7, version: 3 });
    // Raising it further is judged against today's member states.
    expect((await patch(target.id, { quorum: 8 })).statusCode).toBe(422);
  });

  it('documents the rule in OpenAPI', async () => {
    const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The minimum number of member states (status member) present');
  });
});
