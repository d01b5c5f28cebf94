import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids.ts';
import {
  auditEventsOf,
  createMeeting,
  ICMEC_GENITIVE,
  ICMEC_NAME,
  insertBody,
  insertPerson,
  type MeetingDto,
} from './test-fixtures.ts';

describe(`meeting participants (${DIALECT})`, () => {
  let t: TestApp;
  let icmec: string;
  let csto: string;
  let meeting: MeetingDto;
  let manturov: string;
  let tasmagambetov: string;
  beforeAll(async () => {
    t = await createTestApp();
    icmec = await insertBody(t, { name: ICMEC_NAME, nameGenitive: ICMEC_GENITIVE });
    csto = await insertBody(t, { name: { en: 'CSTO Secretariat' }, kind: 'secretariat' });
    meeting = await createMeeting(t, icmec, { number: 21, status: 'announced' });
    manturov = await insertPerson(t, {
      name: { en: 'Denis Manturov', ru: 'Денис Мантуров' },
      memberState: 'RUS',
      position: { en: 'Deputy Prime Minister of the Russian Federation' },
    });
    tasmagambetov = await insertPerson(t, {
      name: { en: 'Imangali Tasmagambetov' },
      position: { en: 'Secretary General of the CSTO' },
    });
  });
  afterAll(async () => t.close());

  const url = (meetingId = meeting.id) => `/api/v1/meetings/${meetingId}/participants`;

  it('adds a participant with 201, Location and ETag, and lists it with its person', async () => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: url(),
      payload: { personId: manturov, role: 'chair', memberState: 'RUS', notable: true },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(res.headers.location).toBe(`${url()}/${created.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      meetingId: meeting.id,
      personId: manturov,
      role: 'chair',
      memberState: 'RUS',
      bodyId: null,
      notable: true,
      version: 1,
      person: {
        id: manturov,
        name: { en: 'Denis Manturov', ru: 'Денис Мантуров' },
        position: { en: 'Deputy Prime Minister of the Russian Federation' },
        memberState: 'RUS',
      },
    });

    const second = await t.as('secretariat', {
      method: 'POST',
      url: url(),
      payload: { personId: tasmagambetov, role: 'secretary_general', bodyId: csto },
    });
    expect(second.statusCode).toBe(201);

    const list = await t.as('delegateArm', { method: 'GET', url: url() });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.nextCursor).toBeNull();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toEqual(created);
    expect(page.items[1]).toMatchObject({
      role: 'secretary_general',
      bodyId: csto,
      notable: false,
      person: { name: { en: 'Imangali Tasmagambetov' }, memberState: null },
    });

    const one = await t.as('observer', { method: 'GET', url: `${url()}/${created.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json()).toEqual(created);
    expect((await auditEventsOf(t, 'participant', created.id)).map((e) => e.action)).toEqual([
      'create',
    ]);
  });

  it('takes a person once per meeting (409) and checks person, state and body (400)', async () => {
    const m = await createMeeting(t, icmec);
    const person = await insertPerson(t, { name: { en: 'Once only' } });
    const first = await t.as('secretariat', {
      method: 'POST',
      url: url(m.id),
      payload: { personId: person, role: 'delegate' },
    });
    expect(first.statusCode).toBe(201);
    const again = await t.as('secretariat', {
      method: 'POST',
      url: url(m.id),
      payload: { personId: person, role: 'expert' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate', errors: [{ path: 'personId' }] });

    const unknownPerson = await t.as('secretariat', {
      method: 'POST',
      url: url(m.id),
      payload: { personId: newId(), role: 'delegate' },
    });
    expect(unknownPerson.statusCode).toBe(400);
    expect(unknownPerson.json().errors).toEqual([
      { path: 'personId', message: 'No person has this id' },
    ]);

    const other = await insertPerson(t, { name: { en: 'Someone else' } });
    const unknownRefs = await t.as('secretariat', {
      method: 'POST',
      url: url(m.id),
      payload: { personId: other, role: 'delegate', memberState: 'UZB', bodyId: newId() },
    });
    expect(unknownRefs.statusCode).toBe(400);
    expect(unknownRefs.json().errors).toEqual([
      { path: 'memberState', message: 'No member state has this code' },
      { path: 'bodyId', message: 'No body has this id' },
    ]);
    const badRole = await t.as('secretariat', {
      method: 'POST',
      url: url(m.id),
      payload: { personId: other, role: 'spectator' },
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0].path).toBe('role');

    const list = await t.as('observer', { method: 'GET', url: url(m.id) });
    expect(list.json().items.map((p: { personId: string }) => p.personId)).toEqual([person]);

    // The same person may take part in another meeting.
    const elsewhere = await createMeeting(t, icmec);
    const there = await t.as('secretariat', {
      method: 'POST',
      url: url(elsewhere.id),
      payload: { personId: person, role: 'delegate' },
    });
    expect(there.statusCode).toBe(201);
  });

  it('hides participants from anonymous callers (401) and lets only staff write', async () => {
    const anon = await t.as('anonymous', { method: 'GET', url: url() });
    expect(anon.statusCode).toBe(401);
    const person = await insertPerson(t, { name: { en: 'Guarded' } });
    const payload = { personId: person, role: 'guest' };
    expect((await t.as('anonymous', { method: 'POST', url: url(), payload })).statusCode).toBe(401);
    expect((await t.as('delegateArm', { method: 'POST', url: url(), payload })).statusCode).toBe(
      403,
    );
    expect((await t.as('observer', { method: 'POST', url: url(), payload })).statusCode).toBe(403);
    const byAdmin = await t.as('admin', { method: 'POST', url: url(), payload });
    expect(byAdmin.statusCode).toBe(201);
    const id = byAdmin.json().id;
    for (const [caller, status] of [
      ['anonymous', 401],
      ['delegateBlr', 403],
      ['observer', 403],
    ] as const) {
      const patch = await t.as(caller, {
        method: 'PATCH',
        url: `${url()}/${id}`,
        payload: { notable: true },
      });
      expect(patch.statusCode, caller).toBe(status);
      const del = await t.as(caller, { method: 'DELETE', url: `${url()}/${id}` });
      expect(del.statusCode, caller).toBe(status);
    }
    const read = await t.as('observer', { method: 'GET', url: `${url()}/${id}` });
    expect(read.json()).toMatchObject({ notable: false, version: 1 });
  });

  it('answers 404 for an unknown meeting or a participant of another meeting', async () => {
    const missing = await t.as('observer', { method: 'GET', url: url(newId()) });
    expect(missing.statusCode).toBe(404);
    const person = await insertPerson(t, { name: { en: 'Nobody’s guest' } });
    const post = await t.as('secretariat', {
      method: 'POST',
      url: url(newId()),
      payload: { personId: person, role: 'guest' },
    });
    expect(post.statusCode).toBe(404);

    const other = await createMeeting(t, icmec);
    const created = await t.as('secretariat', {
      method: 'POST',
      url: url(other.id),
      payload: { personId: person, role: 'guest' },
    });
    const id = created.json().id;
    const wrongMeeting = await t.as('observer', { method: 'GET', url: `${url()}/${id}` });
    expect(wrongMeeting.statusCode).toBe(404);
    const wrongPatch = await t.as('secretariat', {
      method: 'PATCH',
      url: `${url()}/${id}`,
      payload: { role: 'expert' },
    });
    expect(wrongPatch.statusCode).toBe(404);
    const wrongDelete = await t.as('secretariat', { method: 'DELETE', url: `${url()}/${id}` });
    expect(wrongDelete.statusCode).toBe(404);
    const still = await t.as('observer', { method: 'GET', url: `${url(other.id)}/${id}` });
    expect(still.json()).toMatchObject({ role: 'guest', version: 1 });
  });

  it('changes a participant with If-Match; a stale version is a 412 and changes nothing', async () => {
    const person = await insertPerson(t, {
      name: { en: 'Head of delegation' },
      memberState: 'KAZ',
    });
    const created = (
      await t.as('secretariat', {
        method: 'POST',
        url: url(),
        payload: { personId: person, role: 'delegate', memberState: 'KAZ' },
      })
    ).json();
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url: `${url()}/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: { role: 'delegation_head', notable: true },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({
      role: 'delegation_head',
      notable: true,
      memberState: 'KAZ',
      version: 2,
      person: { id: person, name: { en: 'Head of delegation' } },
    });
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url: `${url()}/${created.id}`,
      headers: { 'if-match': '"1"' },
      payload: { role: 'guest' },
    });
    expect(stale.statusCode).toBe(412);
    const badState = await t.as('secretariat', {
      method: 'PATCH',
      url: `${url()}/${created.id}`,
      payload: { memberState: 'GEO' },
    });
    expect(badState.statusCode).toBe(400);
    expect(badState.json().errors).toEqual([
      { path: 'memberState', message: 'No member state has this code' },
    ]);
    const read = await t.as('observer', { method: 'GET', url: `${url()}/${created.id}` });
    expect(read.json()).toMatchObject({ role: 'delegation_head', memberState: 'KAZ', version: 2 });
    const events = await auditEventsOf(t, 'participant', created.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(events[1]?.change ?? '{}')).toEqual({
      role: ['delegate', 'delegation_head'],
      notable: [false, true],
    });
  });

  it('removes a participant (204) with If-Match', async () => {
    const person = await insertPerson(t, { name: { en: 'Leaving early' } });
    const created = (
      await t.as('secretariat', {
        method: 'POST',
        url: url(),
        payload: { personId: person, role: 'expert' },
      })
    ).json();
    const stale = await t.as('secretariat', {
      method: 'DELETE',
      url: `${url()}/${created.id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(
      (await t.as('observer', { method: 'GET', url: `${url()}/${created.id}` })).statusCode,
    ).toBe(200);
    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `${url()}/${created.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.as('observer', { method: 'GET', url: `${url()}/${created.id}` })).statusCode,
    ).toBe(404);
    expect((await auditEventsOf(t, 'participant', created.id)).map((e) => e.action)).toEqual([
      'create',
      'delete',
    ]);
    // Once removed, the person may be added again.
    const back = await t.as('secretariat', {
      method: 'POST',
      url: url(),
      payload: { personId: person, role: 'expert' },
    });
    expect(back.statusCode).toBe(201);
  });

  it('pages through many participants by cursor', async () => {
    const m = await createMeeting(t, icmec);
    const added: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const person = await insertPerson(t, { name: { en: `Delegate ${i}` } });
      const res = await t.as('secretariat', {
        method: 'POST',
        url: url(m.id),
        payload: { personId: person, role: 'delegate' },
      });
      added.push(res.json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.as('observer', {
        method: 'GET',
        url: `${url(m.id)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const page = res.json();
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(added);
  });
});
