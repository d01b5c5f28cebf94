import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids.ts';
import {
  advanceMeeting,
  auditEventsOf,
  createMeeting,
  ICMEC_GENITIVE,
  ICMEC_NAME,
  insertBody,
  insertPerson,
} from '../meetings/test-fixtures.ts';

type Item = {
  id: string;
  parentId: string | null;
  ordinal: number;
  position: string;
  title: { en?: string; ru?: string };
  version: number;
  public: boolean;
};

describe(`meeting agenda (${DIALECT})`, () => {
  let t: TestApp;
  let icmec: string;
  let rapporteur: string;
  beforeAll(async () => {
    t = await createTestApp();
    icmec = await insertBody(t, { name: ICMEC_NAME, nameGenitive: ICMEC_GENITIVE });
    rapporteur = await insertPerson(t, { name: { en: 'A rapporteur' }, memberState: 'KAZ' });
  });
  afterAll(async () => t.close());

  const itemsUrl = (meetingId: string) => `/api/v1/meetings/${meetingId}/agenda-items`;

  const add = async (
    meetingId: string,
    title: string,
    extra: Record<string, unknown> = {},
    caller: Caller = 'secretariat',
  ) => {
    const res = await t.as(caller, {
      method: 'POST',
      url: itemsUrl(meetingId),
      payload: { title: { en: title }, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Item;
  };

  const agenda = async (meetingId: string, caller: Caller = 'observer') => {
    const res = await t.as(caller, { method: 'GET', url: itemsUrl(meetingId) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };
  const outline = async (meetingId: string, caller: Caller = 'observer') =>
    (await agenda(meetingId, caller)).map((i) => `${i.position} ${i.title.en}`);

  const amendments = async (meetingId: string) => {
    const res = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}/agenda-amendments`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };

  /** A meeting with the agenda 1 A · 2 B · 2.1 B1 · 2.1.1 B1a · 2.2 B2 · 3 C. */
  const meetingWithAgenda = async (extra: Record<string, unknown> = {}) => {
    const m = await createMeeting(t, icmec, extra);
    const a = await add(m.id, 'A');
    const b = await add(m.id, 'B');
    const b1 = await add(m.id, 'B1', { parentId: b.id });
    const b1a = await add(m.id, 'B1a', { parentId: b1.id });
    const b2 = await add(m.id, 'B2', { parentId: b.id });
    const c = await add(m.id, 'C');
    return { m, a, b, b1, b1a, b2, c };
  };

  it('nests items up to three levels and numbers them depth-first', async () => {
    const m = await createMeeting(t, icmec);
    const first = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(m.id),
      payload: {
        title: {
          en: 'On the implementation of the decisions of the XX meeting',
          ru: 'О ходе выполнения решений XX заседания',
        },
        kind: 'implementation_review',
        rapporteurPersonId: rapporteur,
      },
    });
    expect(first.statusCode).toBe(201);
    const a = first.json();
    expect(first.headers.location).toBe(`${itemsUrl(m.id)}/${a.id}`);
    expect(first.headers.etag).toBe('"1"');
    expect(a).toMatchObject({
      meetingId: m.id,
      parentId: null,
      ordinal: 1,
      position: '1',
      kind: 'implementation_review',
      rapporteurPersonId: rapporteur,
      public: true,
      description: null,
      version: 1,
    });
    const b = await add(m.id, 'Standardization');
    const b1 = await add(m.id, 'Weapons standards', { parentId: b.id });
    const b1a = await add(m.id, 'Programme of standardization', { parentId: b1.id });
    const b2 = await add(m.id, 'Standards of military equipment', { parentId: b.id });
    const c = await add(m.id, 'Cooperation of defence industries');
    expect([b.position, b1.position, b1a.position, b2.position, c.position]).toEqual([
      '2',
      '2.1',
      '2.1.1',
      '2.2',
      '3',
    ]);
    expect(b2.ordinal).toBe(2);

    const tooDeep = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(m.id),
      payload: { title: { en: 'Fourth level' }, parentId: b1a.id },
    });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        {
          path: 'parentId',
          message: 'An agenda has at most 3 levels; item 2.1.1 cannot have sub-items',
        },
      ],
    });

    const elsewhere = await createMeeting(t, icmec);
    const foreign = await add(elsewhere.id, 'Elsewhere');
    for (const parentId of [foreign.id, newId()]) {
      const res = await t.as('secretariat', {
        method: 'POST',
        url: itemsUrl(m.id),
        payload: { title: { en: 'Misplaced' }, parentId },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { path: 'parentId', message: 'Not an item of this meeting’s agenda' },
      ]);
    }
    const noRapporteur = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(m.id),
      payload: { title: { en: 'Unknown rapporteur' }, rapporteurPersonId: newId() },
    });
    expect(noRapporteur.statusCode).toBe(400);
    expect(noRapporteur.json().errors).toEqual([
      { path: 'rapporteurPersonId', message: 'No person has this id' },
    ]);
    const noTitle = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(m.id),
      payload: { title: {} },
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors).toEqual([
      { path: 'title', message: 'Give the text in at least one language' },
    ]);

    expect(await outline(m.id)).toEqual([
      '1 On the implementation of the decisions of the XX meeting',
      '2 Standardization',
      '2.1 Weapons standards',
      '2.1.1 Programme of standardization',
      '2.2 Standards of military equipment',
      '3 Cooperation of defence industries',
    ]);
    const list = await t.as('observer', { method: 'GET', url: itemsUrl(m.id) });
    expect(list.json().nextCursor).toBeNull();
    // Agenda items have versions of their own; the meeting's does not move.
    const meeting = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(meeting.json().version).toBe(1);
  });

  it('reads and changes an item with If-Match; a stale version is a 412', async () => {
    const { m, b1 } = await meetingWithAgenda();
    const read = await t.as('observer', { method: 'GET', url: `${itemsUrl(m.id)}/${b1.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toMatchObject({ id: b1.id, position: '2.1', version: 1 });

    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url: `${itemsUrl(m.id)}/${b1.id}`,
      headers: { 'if-match': '"1"' },
      payload: {
        title: { en: 'B1 revised', ru: 'Б1' },
        description: { en: 'Details' },
        rapporteurPersonId: rapporteur,
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({
      position: '2.1',
      title: { en: 'B1 revised', ru: 'Б1' },
      description: { en: 'Details' },
      rapporteurPersonId: rapporteur,
      version: 2,
    });
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url: `${itemsUrl(m.id)}/${b1.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: { en: 'Lost update' } },
    });
    expect(stale.statusCode).toBe(412);
    const badRapporteur = await t.as('secretariat', {
      method: 'PATCH',
      url: `${itemsUrl(m.id)}/${b1.id}`,
      payload: { rapporteurPersonId: newId() },
    });
    expect(badRapporteur.statusCode).toBe(400);
    expect(badRapporteur.json().errors[0].path).toBe('rapporteurPersonId');
    const after = await t.as('observer', { method: 'GET', url: `${itemsUrl(m.id)}/${b1.id}` });
    expect(after.json()).toMatchObject({ title: { en: 'B1 revised' }, version: 2 });
    expect((await auditEventsOf(t, 'agenda_item', b1.id)).map((e) => e.action)).toEqual([
      'create',
      'update',
    ]);

    // An item is found only under its own meeting.
    const other = await createMeeting(t, icmec);
    const wrong = await t.as('observer', { method: 'GET', url: `${itemsUrl(other.id)}/${b1.id}` });
    expect(wrong.statusCode).toBe(404);
    const wrongPatch = await t.as('secretariat', {
      method: 'PATCH',
      url: `${itemsUrl(other.id)}/${b1.id}`,
      payload: { kind: 'report' },
    });
    expect(wrongPatch.statusCode).toBe(404);
    const noMeeting = await t.as('observer', { method: 'GET', url: itemsUrl(newId()) });
    expect(noMeeting.statusCode).toBe(404);
    const addToNone = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(newId()),
      payload: { title: { en: 'Nowhere' } },
    });
    expect(addToNone.statusCode).toBe(404);
  });

  it('removes an item with its sub-items and renumbers the remaining siblings', async () => {
    const { m, a, b, b1, c } = await meetingWithAgenda();
    const stale = await t.as('secretariat', {
      method: 'DELETE',
      url: `${itemsUrl(m.id)}/${b.id}`,
      headers: { 'if-match': '"3"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(await outline(m.id)).toHaveLength(6);

    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `${itemsUrl(m.id)}/${b.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    const items = await agenda(m.id);
    expect(items.map((i) => `${i.position} ${i.title.en}`)).toEqual(['1 A', '2 C']);
    expect(items.find((i) => i.id === c.id)).toMatchObject({ ordinal: 2, version: 2 });
    expect(items.find((i) => i.id === a.id)).toMatchObject({ ordinal: 1, version: 1 });
    const child = await t.as('observer', { method: 'GET', url: `${itemsUrl(m.id)}/${b1.id}` });
    expect(child.statusCode).toBe(404);
    const rows = await t.handle.db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', m.id)
      .execute();
    expect(rows).toHaveLength(2);
    expect(await amendments(m.id)).toEqual([]);
  });

  it('sets the whole order and nesting at once and answers the new agenda', async () => {
    const { m, a, b, b1, b1a, b2, c } = await meetingWithAgenda();
    const res = await t.as('secretariat', {
      method: 'PUT',
      url: `${itemsUrl(m.id)}/order`,
      payload: {
        items: [
          { id: c.id, children: [{ id: b1.id, children: [{ id: b1a.id }] }] },
          { id: a.id },
          { id: b.id, children: [{ id: b2.id }] },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => `${i.position} ${i.title.en}`)).toEqual([
      '1 C',
      '1.1 B1',
      '1.1.1 B1a',
      '2 A',
      '3 B',
      '3.1 B2',
    ]);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(b1.id)).toMatchObject({ parentId: c.id, ordinal: 1, version: 2 });
    // b1a keeps its parent and ordinal: its own record did not change.
    expect(byId.get(b1a.id)).toMatchObject({ parentId: b1.id, version: 1 });
    expect(byId.get(b2.id)).toMatchObject({ parentId: b.id, ordinal: 1, version: 2 });
    expect(byId.get(c.id)).toMatchObject({ parentId: null, ordinal: 1, version: 2 });
    expect(await outline(m.id)).toEqual(items.map((i) => `${i.position} ${i.title.en}`));
    const events = await auditEventsOf(t, 'meeting', m.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'agenda_reorder']);
  });

  it('refuses an order that misses, invents, repeats or nests items too deep', async () => {
    const { m, a, b, b1, b1a, b2, c } = await meetingWithAgenda();
    const before = await outline(m.id);
    const put = (items: unknown) =>
      t.as('secretariat', { method: 'PUT', url: `${itemsUrl(m.id)}/order`, payload: { items } });

    const missing = await put([
      { id: a.id },
      { id: b.id, children: [{ id: b1.id }] },
      { id: c.id },
    ]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed' });
    expect(missing.json().errors).toEqual([
      { path: 'items', message: `Missing from the order: ${b1a.id}, ${b2.id}` },
    ]);

    const stranger = newId();
    const unknown = await put([
      { id: a.id },
      { id: b.id, children: [{ id: b1.id, children: [{ id: b1a.id }] }, { id: b2.id }] },
      { id: c.id },
      { id: stranger },
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { path: 'items.3.id', message: `Not an item of this agenda: ${stranger}` },
    ]);

    const repeated = await put([
      { id: a.id },
      { id: b.id, children: [{ id: b1.id, children: [{ id: b1a.id }] }, { id: b2.id }] },
      { id: c.id, children: [{ id: a.id }] },
    ]);
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors).toEqual([
      { path: 'items.2.children.0.id', message: `Named more than once: ${a.id}` },
    ]);

    const deep = await put([
      { id: a.id, children: [{ id: b.id, children: [{ id: b1.id, children: [{ id: b1a.id }] }] }] },
      { id: b2.id },
      { id: c.id },
    ]);
    expect(deep.statusCode).toBe(400);
    expect(deep.json().errors).toEqual([
      {
        path: 'items.0.children.0.children.0.children.0',
        message: `An agenda has at most 3 levels; ${b1a.id} would be on level 4`,
      },
    ]);

    // Absurd nesting is refused by the shape of the body, not by running out of stack.
    const levels = 5000;
    const tower = await t.as('secretariat', {
      method: 'PUT',
      url: `${itemsUrl(m.id)}/order`,
      headers: { 'content-type': 'application/json' },
      payload: `{"items":[${`{"id":"${a.id}","children":[`.repeat(levels)}{"id":"${a.id}"}${']}'.repeat(levels)}]}`,
    });
    expect(tower.statusCode).toBe(400);
    expect(tower.json().code).toBe('validation_failed');

    expect(await outline(m.id)).toEqual(before);
    expect((await agenda(m.id)).every((i) => i.version === 1)).toBe(true);
  });

  it('shows anonymous callers the public items of public meetings only', async () => {
    const m = await createMeeting(t, icmec);
    const a = await add(m.id, 'Opening');
    const closed = await add(m.id, 'Closed session', { public: false });
    await add(m.id, 'Inside the closed session', { parentId: closed.id });
    const c = await add(m.id, 'Standardization');
    const c1 = await add(m.id, 'Programme', { parentId: c.id });
    const c2 = await add(m.id, 'Internal note', { parentId: c.id, public: false });

    const hiddenList = await t.as('anonymous', { method: 'GET', url: itemsUrl(m.id) });
    expect(hiddenList.statusCode).toBe(404);
    const hiddenItem = await t.as('anonymous', { method: 'GET', url: `${itemsUrl(m.id)}/${a.id}` });
    expect(hiddenItem.statusCode).toBe(404);

    await advanceMeeting(t, m.id, ['announced']);
    const shown = await agenda(m.id, 'anonymous');
    expect(shown.map((i) => `${i.position} ${i.title.en}`)).toEqual([
      '1 Opening',
      '2 Standardization',
      '2.1 Programme',
    ]);
    expect(shown.every((i) => i.public)).toBe(true);
    expect(await outline(m.id, 'observer')).toEqual([
      '1 Opening',
      '2 Closed session',
      '2.1 Inside the closed session',
      '3 Standardization',
      '3.1 Programme',
      '3.2 Internal note',
    ]);
    for (const id of [closed.id, c2.id]) {
      const res = await t.as('anonymous', { method: 'GET', url: `${itemsUrl(m.id)}/${id}` });
      expect(res.statusCode).toBe(404);
    }
    const publicItem = await t.as('anonymous', {
      method: 'GET',
      url: `${itemsUrl(m.id)}/${c1.id}`,
    });
    expect(publicItem.statusCode).toBe(200);
    expect(publicItem.json()).toMatchObject({ position: '2.1', title: { en: 'Programme' } });
    const amendmentsAnon = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${m.id}/agenda-amendments`,
    });
    expect(amendmentsAnon.statusCode).toBe(401);
  });

  it('approves the agenda once, answering the meeting with its ETag', async () => {
    const empty = await createMeeting(t, icmec);
    const nothing = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${empty.id}/agenda/approve`,
    });
    expect(nothing.statusCode).toBe(422);

    const { m } = await meetingWithAgenda();
    const stale = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/agenda/approve`,
      headers: { 'if-match': '"5"' },
    });
    expect(stale.statusCode).toBe(412);
    for (const [caller, status] of [
      ['anonymous', 401],
      ['delegateArm', 403],
      ['observer', 403],
    ] as const) {
      const res = await t.as(caller, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/agenda/approve`,
      });
      expect(res.statusCode, caller).toBe(status);
    }
    const ok = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/agenda/approve`,
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const approved = ok.json();
    expect(approved).toMatchObject({ id: m.id, agendaStatus: 'approved', version: 2 });
    expect(Date.parse(approved.agendaApprovedAt)).toBeGreaterThan(Date.now() - 60_000);

    const twice = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/agenda/approve`,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');
    const read = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(read.json()).toMatchObject({
      agendaStatus: 'approved',
      agendaApprovedAt: approved.agendaApprovedAt,
      version: 2,
    });
  });

  it('records every change to an approved agenda as an amendment, with who and when', async () => {
    const { m, a, b, b1, b1a, b2, c } = await meetingWithAgenda();
    // Before approval, changes are drafting, not amendments.
    await t.as('secretariat', {
      method: 'PATCH',
      url: `${itemsUrl(m.id)}/${a.id}`,
      payload: { kind: 'report', reason: 'drafting' },
    });
    expect(await amendments(m.id)).toEqual([]);
    await t.as('secretariat', { method: 'POST', url: `/api/v1/meetings/${m.id}/agenda/approve` });

    const started = Date.now();
    const d = await add(m.id, 'Joint ventures', { reason: 'Proposed by Belarus' });
    const patch = await t.as('admin', {
      method: 'PATCH',
      url: `${itemsUrl(m.id)}/${b1.id}`,
      payload: { title: { en: 'B1 renamed' }, public: false },
    });
    expect(patch.statusCode).toBe(200);
    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `${itemsUrl(m.id)}/${b.id}?reason=${encodeURIComponent('Postponed to the XXII meeting')}`,
    });
    expect(del.statusCode).toBe(204);
    const reorder = await t.as('secretariat', {
      method: 'PUT',
      url: `${itemsUrl(m.id)}/order`,
      payload: { items: [{ id: d.id }, { id: a.id }, { id: c.id }], reason: 'Chair’s request' },
    });
    expect(reorder.statusCode).toBe(200);

    const rows = await amendments(m.id);
    expect(rows).toEqual([
      expect.objectContaining({
        meetingId: m.id,
        kind: 'added',
        agendaItemId: d.id,
        summary: 'Added item 4 "Joint ventures".',
        reason: 'Proposed by Belarus',
        actorId: t.userIds.secretariat,
        actorName: 'secretariat',
      }),
      expect.objectContaining({
        kind: 'changed',
        agendaItemId: b1.id,
        summary: 'Changed item 2.1 "B1 renamed" (formerly "B1"): title, public visibility.',
        reason: null,
        actorId: t.userIds.admin,
        actorName: 'admin',
      }),
      expect.objectContaining({
        kind: 'removed',
        agendaItemId: b.id,
        summary: 'Removed item 2 "B" with its 3 sub-items.',
        reason: 'Postponed to the XXII meeting',
      }),
      expect.objectContaining({
        kind: 'reordered',
        agendaItemId: null,
        summary:
          'Reordered the agenda: item 3 "Joint ventures" is now 1; item 1 "A" is now 2; item 2 "C" is now 3.',
        reason: 'Chair’s request',
      }),
    ]);
    for (const row of rows) {
      const at = Date.parse(String(row.at));
      expect(at).toBeGreaterThanOrEqual(started - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect([b1a.id, b2.id]).toHaveLength(2);
    // Amending items leaves the meeting's own version alone.
    const meeting = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(meeting.json().version).toBe(2);

    const page = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${m.id}/agenda-amendments?limit=3`,
    });
    expect(page.json().items).toHaveLength(3);
    const rest = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${m.id}/agenda-amendments?limit=3&cursor=${page.json().nextCursor}`,
    });
    expect(rest.json()).toMatchObject({ items: [{ kind: 'reordered' }], nextCursor: null });
  });

  it('freezes the agenda of held and cancelled meetings', async () => {
    const { m, a, b } = await meetingWithAgenda({ status: 'announced' });
    await advanceMeeting(t, m.id, ['in_session']);
    // During the session the agenda may still change.
    const during = await add(m.id, 'Any other business');
    await advanceMeeting(t, m.id, ['held']);
    const before = await outline(m.id);

    const attempts = [
      { method: 'POST' as const, url: itemsUrl(m.id), payload: { title: { en: 'Too late' } } },
      {
        method: 'PATCH' as const,
        url: `${itemsUrl(m.id)}/${a.id}`,
        payload: { title: { en: 'Rewritten history' } },
      },
      { method: 'DELETE' as const, url: `${itemsUrl(m.id)}/${b.id}` },
      {
        method: 'PUT' as const,
        url: `${itemsUrl(m.id)}/order`,
        payload: {
          items: (await agenda(m.id)).filter((i) => !i.parentId).map((i) => ({ id: i.id })),
        },
      },
      { method: 'POST' as const, url: `/api/v1/meetings/${m.id}/agenda/approve` },
    ];
    for (const attempt of attempts) {
      const res = await t.as('secretariat', attempt);
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(409);
      expect(res.json().code).toBe('invalid_transition');
      expect(res.json().detail).toContain('held');
    }
    expect(await outline(m.id)).toEqual(before);
    expect(before).toContain(`4 ${during.title.en}`);

    const cancelled = await meetingWithAgenda();
    await advanceMeeting(t, cancelled.m.id, ['cancelled']);
    const late = await t.as('secretariat', {
      method: 'POST',
      url: itemsUrl(cancelled.m.id),
      payload: { title: { en: 'Too late' } },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('cancelled');
  });

  it('lets only the secretariat and admins change the agenda', async () => {
    const { m, a } = await meetingWithAgenda();
    const before = await outline(m.id);
    for (const [caller, status] of [
      ['anonymous', 401],
      ['delegateArm', 403],
      ['observer', 403],
    ] as const) {
      const post = await t.as(caller, {
        method: 'POST',
        url: itemsUrl(m.id),
        payload: { title: { en: 'Intruder' } },
      });
      expect(post.statusCode, caller).toBe(status);
      const patch = await t.as(caller, {
        method: 'PATCH',
        url: `${itemsUrl(m.id)}/${a.id}`,
        payload: { title: { en: 'Intruder' } },
      });
      expect(patch.statusCode, caller).toBe(status);
      const del = await t.as(caller, { method: 'DELETE', url: `${itemsUrl(m.id)}/${a.id}` });
      expect(del.statusCode, caller).toBe(status);
      const put = await t.as(caller, {
        method: 'PUT',
        url: `${itemsUrl(m.id)}/order`,
        payload: { items: [] },
      });
      expect(put.statusCode, caller).toBe(status);
    }
    expect(await outline(m.id)).toEqual(before);
    const byAdmin = await add(m.id, 'Added by an admin', {}, 'admin');
    expect(byAdmin.position).toBe('4');
  });
});
