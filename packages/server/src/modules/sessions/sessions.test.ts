import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, STATES, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; the schemas check them
type Json = Record<string, any>;

describe(`session mode (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  let meeting: string;
  let items: string[];
  let otherMeetingItem: string;

  const session = async () =>
    (
      await t.as('secretariat', { method: 'GET', url: `/api/v1/meetings/${meeting}/session` })
    ).json() as Json;
  const write = (method: 'POST' | 'PUT', url: string, payload?: unknown, headers = {}) =>
    t.as('secretariat', { method, url: `/api/v1${url}`, payload: payload as never, headers });
  const attend = (code: string, present: boolean) =>
    write('PUT', `/meetings/${meeting}/session/attendance/${code}`, { present });
  const position = (proposal: string, code: string, payload: unknown) =>
    write('PUT', `/proposals/${proposal}/positions/${code}`, payload);
  const propose = async (title: string) => {
    const res = await write('POST', '/proposals', {
      procedure: 'session',
      meetingId: meeting,
      agendaItemId: items[1],
      kind: 'decision',
      title: { en: title, ru: `${title} (ru)` },
      text: { en: `The commission decides: ${title}.` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };
  const addItem = async (meetingId: string, title: string) => {
    const res = await write('POST', `/meetings/${meetingId}/agenda-items`, {
      title: { en: title },
      kind: 'decision',
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as Json).id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    body = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    meeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: daysFromToday(0),
    });
    const other = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 22,
      startDate: daysFromToday(200),
    });
    items = [await addItem(meeting, 'Opening'), await addItem(meeting, 'Draft decisions')];
    otherMeetingItem = await addItem(other, 'Elsewhere');
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses session writes before the session is open, and anonymous reads', async () => {
    expect((await attend('ARM', true)).statusCode).toBe(409);
    const anon = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/session`,
    });
    expect(anon.statusCode).toBe(401);
    const missing = await t.as('observer', { method: 'GET', url: '/api/v1/meetings/nope/session' });
    expect(missing.statusCode).toBe(404);
  });

  it('lets only the secretariat open the session; a planned meeting goes into session', async () => {
    const denied = await t.as('delegateArm', {
      method: 'POST',
      url: `/api/v1/meetings/${meeting}/session/open`,
    });
    expect(denied.statusCode).toBe(403);
    const stale = await write('POST', `/meetings/${meeting}/session/open`, undefined, {
      'if-match': '"99"',
    });
    expect(stale.statusCode).toBe(412);
    const before = await session();
    const res = await write('POST', `/meetings/${meeting}/session/open`, undefined, {
      'if-match': `"${before.version}"`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as Json;
    expect(s.status).toBe('in_session');
    expect(s.openedAt).not.toBeNull();
    expect(s.version).toBeGreaterThan(before.version);
    expect(res.headers.etag).toBe(`"${s.version}"`);
    expect(s.attendance.map((a: Json) => a.memberState)).toEqual([...STATES]);
    expect(s.quorum).toEqual({ required: 6, present: 0, met: false });
    const m = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${meeting}` });
    expect((m.json() as Json).status).toBe('in_session');
    expect((await write('POST', `/meetings/${meeting}/session/open`)).statusCode).toBe(409);
  });

  it('sets the current agenda item, refusing an item of another meeting', async () => {
    const bad = await write('PUT', `/meetings/${meeting}/session/current-item`, {
      agendaItemId: otherMeetingItem,
    });
    expect(bad.statusCode).toBe(422);
    const res = await write('PUT', `/meetings/${meeting}/session/current-item`, {
      agendaItemId: items[1],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Json).currentAgendaItem).toMatchObject({ id: items[1], position: '2' });
    const stale = await write(
      'PUT',
      `/meetings/${meeting}/session/current-item`,
      { agendaItemId: items[0] },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect((await session()).currentAgendaItem.id).toBe(items[1]);
  });

  it('refuses hostile and invalid bodies with a problem, changing nothing', async () => {
    const before = await session();
    const cases: [string, string, unknown][] = [
      ['PUT', `/meetings/${meeting}/session/attendance/ARM`, { present: 'yes' }],
      ['PUT', `/meetings/${meeting}/session/attendance/arm`, { present: true }],
      ['PUT', `/meetings/${meeting}/session/attendance/ARM`, { present: true, extra: 1 }],
      ['PUT', `/meetings/${meeting}/session/current-item`, { agendaItemId: 7 }],
      ['PUT', `/meetings/${meeting}/session/current-item`, '{"agendaItemId":'],
      ['POST', '/proposals', { procedure: 'session', meetingId: meeting }],
      ['POST', '/proposals', { procedure: 'vote', meetingId: meeting, title: { en: 'x' } }],
      [
        'POST',
        '/proposals',
        {
          procedure: 'session',
          meetingId: meeting,
          agendaItemId: items[1],
          title: { de: 'x' },
          text: { en: 'y' },
        },
      ],
    ];
    for (const [method, url, payload] of cases) {
      const res = await t.as('secretariat', {
        method: method as 'PUT',
        url: `/api/v1${url}`,
        payload: payload as never,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const unknownState = await attend('XXX', true);
    expect(unknownState.statusCode).toBe(404);
    const after = await session();
    expect(after.version).toBe(before.version);
    expect(after.proposals).toEqual([]);
    expect(after.attendance.every((a: Json) => a.recordedAt === null)).toBe(true);
  });

  it('records attendance and the quorum', async () => {
    for (const code of ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']) {
      expect((await attend(code, true)).statusCode).toBe(200);
    }
    const s = await session();
    expect(s.quorum).toEqual({ required: 6, present: 5, met: false });
    expect(s.attendance.find((a: Json) => a.memberState === 'TJK').present).toBe(false);
    expect(s.attendance.find((a: Json) => a.memberState === 'ARM').recordedAt).not.toBeNull();
  });

  it('runs a proposal: positions of present states, refusals, consensus adoption', async () => {
    const p = await propose('On the programme of joint work');
    expect(p).toMatchObject({ procedure: 'session', status: 'open', meetingId: meeting });
    expect((await session()).currentProposalId).toBe(p.id);

    // An absent state's position cannot be recorded in session.
    const absent = await position(p.id, 'TJK', { position: 'concur' });
    expect(absent.statusCode).toBe(409);
    expect((absent.json() as Json).detail).toContain('TJK');
    // A delegate does not record positions in session.
    const delegate = await t.as('delegateArm', {
      method: 'PUT',
      url: `/api/v1/proposals/${p.id}/positions/ARM`,
      payload: { position: 'concur' },
    });
    expect(delegate.statusCode).toBe(403);
    // A special opinion needs its text.
    const noText = await position(p.id, 'BLR', { position: 'concur_with_reservation' });
    expect(noText.statusCode).toBe(400);
    expect((noText.json() as Json).errors[0]).toMatchObject({
      path: 'reservation',
      message: 'Give the text of the reservation',
    });
    const stray = await position(p.id, 'ARM', { position: 'concur', reservation: { en: 'x' } });
    expect(stray.statusCode).toBe(400);

    expect((await position(p.id, 'ARM', { position: 'concur' })).statusCode).toBe(200);
    const reserved = await position(p.id, 'BLR', {
      position: 'concur_with_reservation',
      reservation: { en: 'Subject to ratification', ru: 'При условии ратификации' },
    });
    expect(reserved.statusCode, reserved.body).toBe(200);
    expect((await position(p.id, 'KAZ', { position: 'object' })).statusCode).toBe(200);
    expect((await position(p.id, 'KGZ', { position: 'abstain' })).statusCode).toBe(200);

    // Quorum not met: TJK is absent.
    const noQuorum = await write('POST', `/proposals/${p.id}/adopt`);
    expect(noQuorum.statusCode).toBe(409);
    expect((noQuorum.json() as Json).detail).toContain('5 of the 6');

    expect((await attend('TJK', true)).statusCode).toBe(200);
    const objected = await write('POST', `/proposals/${p.id}/adopt`);
    expect(objected.statusCode).toBe(409);
    expect((objected.json() as Json).detail).toContain('KAZ');
    let read = (
      await t.as('observer', { method: 'GET', url: `/api/v1/proposals/${p.id}` })
    ).json() as Json;
    expect(read.outcome).toEqual({ objections: ['KAZ'], pending: ['RUS', 'TJK'] });

    // KAZ leaves the room: an absent state's objection does not count.
    expect((await attend('KAZ', false)).statusCode).toBe(200);
    expect((await write('POST', `/proposals/${p.id}/adopt`)).statusCode).toBe(409); // no quorum
    expect((await attend('KAZ', true)).statusCode).toBe(200);
    expect((await position(p.id, 'KAZ', { position: 'concur' })).statusCode).toBe(200);

    read = (
      await t.as('observer', { method: 'GET', url: `/api/v1/proposals/${p.id}` })
    ).json() as Json;
    const stale = await write('POST', `/proposals/${p.id}/adopt`, undefined, {
      'if-match': `"${read.version - 1}"`,
    });
    expect(stale.statusCode).toBe(412);
    const adopted = await write('POST', `/proposals/${p.id}/adopt`, undefined, {
      'if-match': `"${read.version}"`,
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const a = adopted.json() as Json;
    expect(a.status).toBe('adopted');
    expect(a.decisionNumber).toBe('21/1');
    expect(a.positions.find((x: Json) => x.memberState === 'BLR')).toMatchObject({
      position: 'concur_with_reservation',
      reservation: { en: 'Subject to ratification', ru: 'При условии ратификации' },
      recordedBy: 'secretariat',
    });

    const decision = (
      await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${a.decisionId}` })
    ).json() as Json;
    expect(decision).toMatchObject({
      number: '21/1',
      meetingId: meeting,
      agendaItemId: items[1],
      adoptedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date()),
      title: { en: 'On the programme of joint work' },
    });
    expect((await session()).currentProposalId).toBeNull();

    // Nothing changes an adopted proposal.
    expect((await position(p.id, 'RUS', { position: 'concur' })).statusCode).toBe(409);
    expect((await write('POST', `/proposals/${p.id}/adopt`)).statusCode).toBe(409);
    expect((await write('POST', `/proposals/${p.id}/withdraw`)).statusCode).toBe(409);

    const audit = (
      await t.as('admin', {
        method: 'GET',
        url: `/api/v1/audit-events?entityType=proposal&entityId=${p.id}&limit=50`,
      })
    ).json() as Json;
    const actions = audit.items.map((e: Json) => e.action);
    expect(actions).toContain('create');
    expect(actions).toContain('adopt');
    expect(actions.filter((x: string) => x === 'position')).toHaveLength(5);
    const sessionAudit = (
      await t.as('admin', {
        method: 'GET',
        url: `/api/v1/audit-events?entityType=meeting_session&entityId=${meeting}&limit=50`,
      })
    ).json() as Json;
    const sessionActions = new Set(sessionAudit.items.map((e: Json) => e.action));
    expect(sessionActions).toEqual(new Set(['open', 'current_item', 'attendance']));
  });

  it('adopts an agreed draft decision document with the decision', async () => {
    const doc = await write('POST', '/documents', {
      title: { en: 'Draft decision on standards' },
      kind: 'draft_decision',
      bodyId: body,
      classification: 'internal',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const documentId = (doc.json() as Json).id as string;
    await t.handle.db
      .updateTable('documents')
      .set({ status: 'agreed' })
      .where('id', '=', documentId)
      .execute();
    const res = await write('POST', '/proposals', {
      procedure: 'session',
      meetingId: meeting,
      agendaItemId: items[1],
      documentId,
      title: { en: 'On standards' },
      text: { en: 'Adopt the standards.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as Json;
    const adopted = await write('POST', `/proposals/${p.id}/adopt`);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect((adopted.json() as Json).decisionNumber).toBe('21/2');
    const d = (
      await t.as('secretariat', { method: 'GET', url: `/api/v1/documents/${documentId}` })
    ).json() as Json;
    expect(d.status).toBe('adopted');
  });

  it('refuses to close while a proposal is open; a withdrawn one lets it close', async () => {
    const p = await propose('To be withdrawn');
    const blocked = await write('POST', `/meetings/${meeting}/session/close`);
    expect(blocked.statusCode).toBe(409);
    const withdrawn = await write('POST', `/proposals/${p.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect((withdrawn.json() as Json).status).toBe('withdrawn');
    const closed = await write('POST', `/meetings/${meeting}/session/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'held', currentProposalId: null });
    expect((closed.json() as Json).closedAt).not.toBeNull();
  });

  it('a closed meeting refuses session writes', async () => {
    expect((await attend('ARM', false)).statusCode).toBe(409);
    const item = await write('PUT', `/meetings/${meeting}/session/current-item`, {
      agendaItemId: null,
    });
    expect(item.statusCode).toBe(409);
    const res = await write('POST', '/proposals', {
      procedure: 'session',
      meetingId: meeting,
      agendaItemId: items[1],
      title: { en: 'Too late' },
      text: { en: 'Too late.' },
    });
    expect(res.statusCode).toBe(409);
    expect((await write('POST', `/meetings/${meeting}/session/close`)).statusCode).toBe(409);
    expect((await write('POST', `/meetings/${meeting}/session/open`)).statusCode).toBe(409);
    const s = await session();
    expect(s.proposals.map((p: Json) => p.status)).toEqual(['adopted', 'adopted', 'withdrawn']);
    const ru = await t.as('secretariat', {
      method: 'PUT',
      url: `/api/v1/meetings/${meeting}/session/attendance/ARM`,
      payload: { present: true },
      headers: { 'accept-language': 'ru' },
    });
    expect(ru.statusCode).toBe(409);
    expect((ru.json() as Json).detail).toBe(
      'Заседание закрыто; изменения в его ход больше не вносятся.',
    );
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (
      await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' })
    ).json() as Json;
    for (const path of [
      '/api/v1/meetings/{id}/session',
      '/api/v1/meetings/{id}/session/open',
      '/api/v1/meetings/{id}/session/close',
      '/api/v1/meetings/{id}/session/current-item',
      '/api/v1/meetings/{id}/session/attendance/{memberState}',
      '/api/v1/meetings/{id}/written-decisions',
      '/api/v1/proposals',
      '/api/v1/proposals/{id}',
      '/api/v1/proposals/{id}/positions/{memberState}',
      '/api/v1/proposals/{id}/adopt',
      '/api/v1/proposals/{id}/withdraw',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
