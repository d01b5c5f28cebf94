import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids.ts';
import {
  advanceMeeting,
  auditEventsOf,
  createMeeting,
  ICMEC_GENITIVE,
  ICMEC_NAME,
  insertBody,
  insertPerson,
  type MeetingDto,
  meetingInput,
} from './test-fixtures.ts';

const ids = (page: { items: { id: string }[] }) => page.items.map((m) => m.id);
const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe(`meetings (${DIALECT})`, () => {
  let t: TestApp;
  let icmec: string;
  beforeAll(async () => {
    t = await createTestApp();
    icmec = await insertBody(t, { name: ICMEC_NAME, nameGenitive: ICMEC_GENITIVE });
  });
  afterAll(async () => t.close());

  const list = async (query: string, caller: Parameters<TestApp['as']>[0] = 'observer') => {
    const res = await t.as(caller, { method: 'GET', url: `/api/v1/meetings?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: MeetingDto[]; nextCursor: string | null };
  };

  /** Every page of a list, following nextCursor. */
  const listAll = async (query: string) => {
    const seen: MeetingDto[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { items: seen, pages };
  };

  it('creates with 201, Location and ETag, numbering after the body’s highest number', async () => {
    const first = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/meetings',
      payload: meetingInput(icmec),
    });
    expect(first.statusCode).toBe(201);
    const created = first.json();
    expect(first.headers.location).toBe(`/api/v1/meetings/${created.id}`);
    expect(first.headers.etag).toBe('"1"');
    expect(created).toMatchObject({
      bodyId: icmec,
      number: 1,
      numeral: 'I',
      kind: 'regular',
      status: 'planned',
      startDate: '2030-04-27',
      endDate: '2030-04-27',
      startTime: null,
      agendaStatus: 'draft',
      agendaApprovedAt: null,
      version: 1,
    });

    const explicit = await createMeeting(t, icmec, { number: 20, startDate: '2030-10-12' });
    expect(explicit).toMatchObject({ number: 20, numeral: 'XX' });

    const next = await createMeeting(t, icmec, {
      startDate: '2031-04-27',
      endDate: '2031-04-28',
      startTime: '10:00',
      location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK' },
    });
    expect(next).toMatchObject({
      number: 21,
      numeral: 'XXI',
      name: {
        en: 'XXI meeting of the Interstate Commission for Military-Economic Cooperation',
        ru: 'XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству',
      },
      endDate: '2031-04-28',
      startTime: '10:00',
      location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK', venue: null },
    });

    const read = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${next.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.json()).toEqual(next);
    const events = await auditEventsOf(t, 'meeting', next.id);
    expect(events).toMatchObject([{ action: 'create', actorId: t.userIds.secretariat }]);
  });

  it('replays a repeated POST with the same Idempotency-Key and creates nothing new', async () => {
    const body = await insertBody(t, { name: { en: 'Idempotent council' }, kind: 'council' });
    const send = () =>
      t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/meetings',
        headers: { 'idempotency-key': `meeting-${body}` },
        payload: meetingInput(body),
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(ids(await list(`bodyId=${body}`))).toEqual([first.json().id]);
  });

  it('names extraordinary meetings and falls back to the other language of the body’s name', async () => {
    const extraordinary = await createMeeting(t, icmec, { number: 22, kind: 'extraordinary' });
    expect(extraordinary.name).toEqual({
      en: 'XXII extraordinary meeting of the Interstate Commission for Military-Economic Cooperation',
      ru: 'XXII внеочередное заседание Межгосударственной комиссии по военно-экономическому сотрудничеству',
    });

    const englishOnly = await insertBody(t, {
      name: { en: 'Coordinating Council for Standardization' },
      kind: 'council',
    });
    const council = await createMeeting(t, englishOnly, { number: 3, kind: 'extraordinary' });
    expect(council.name).toEqual({
      en: 'III extraordinary meeting of the Coordinating Council for Standardization',
      ru: 'III внеочередное заседание Coordinating Council for Standardization',
    });

    const russianOnly = await insertBody(t, {
      name: { ru: 'Рабочая группа' },
      kind: 'working_group',
    });
    const group = await createMeeting(t, russianOnly, { number: 14 });
    expect(group.name).toEqual({
      en: 'XIV meeting of the Рабочая группа',
      ru: 'XIV заседание Рабочая группа',
    });
  });

  it('refuses a number the body already uses with 409, on create and on change', async () => {
    const body = await insertBody(t, { name: { en: 'Numbering council' }, kind: 'council' });
    const seven = await createMeeting(t, body, { number: 7 });
    const dup = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/meetings',
      payload: meetingInput(body, { number: 7 }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate', errors: [{ path: 'number' }] });
    expect((await list(`bodyId=${body}`)).items).toHaveLength(1);

    // The same number in another body is fine.
    const other = await insertBody(t, { name: { en: 'Another council' }, kind: 'council' });
    expect((await createMeeting(t, other, { number: 7 })).number).toBe(7);

    const eight = await createMeeting(t, body);
    expect(eight.number).toBe(8);
    const renumber = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${eight.id}`,
      payload: { number: 7 },
    });
    expect(renumber.statusCode).toBe(409);
    expect(renumber.json()).toMatchObject({ code: 'duplicate', errors: [{ path: 'number' }] });
    const still = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${eight.id}` });
    expect(still.json()).toMatchObject({ number: 8, version: 1 });
    expect(seven.number).toBe(7);
  });

  it('gives concurrent creations without a number distinct numbers', async () => {
    const body = await insertBody(t, { name: { en: 'Busy council' }, kind: 'council' });
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() =>
        t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/meetings',
          payload: meetingInput(body),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(answers.map((a) => a.json().number).sort()).toEqual([1, 2, 3, 4]);
  });

  it('checks the body, chair, parent meeting and dates, field by field', async () => {
    const body = await insertBody(t, { name: { en: 'Checked council' }, kind: 'council' });
    const post = (payload: Record<string, unknown>) =>
      t.as('secretariat', { method: 'POST', url: '/api/v1/meetings', payload });

    const noBody = await post(meetingInput(newId()));
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'bodyId', message: 'No body has this id' }],
    });

    const noChair = await post(meetingInput(body, { chairPersonId: newId() }));
    expect(noChair.statusCode).toBe(400);
    expect(noChair.json().errors).toEqual([
      { path: 'chairPersonId', message: 'No person has this id' },
    ]);

    const noParent = await post(meetingInput(body, { parentMeetingId: newId() }));
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().errors).toEqual([
      { path: 'parentMeetingId', message: 'No meeting has this id' },
    ]);

    const sameBodyParent = await createMeeting(t, body, { number: 1 });
    const sameBody = await post(meetingInput(body, { parentMeetingId: sameBodyParent.id }));
    expect(sameBody.statusCode).toBe(422);
    expect(sameBody.json()).toMatchObject({
      code: 'unprocessable',
      errors: [{ path: 'parentMeetingId' }],
    });

    const backwards = await post(
      meetingInput(body, { startDate: '2030-05-02', endDate: '2030-05-01' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      { path: 'endDate', message: 'The meeting cannot end before it starts' },
    ]);

    const badShape = await post(
      meetingInput(body, {
        status: 'held',
        timeZone: 'Mars/Olympus',
        startTime: '25:00',
        location: { city: { en: 'Dushanbe' }, country: 'tjk' },
      }),
    );
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'status' }),
        { path: 'timeZone', message: 'Use an IANA time zone such as Asia/Dushanbe' },
        { path: 'startTime', message: 'Use the 24-hour form HH:MM' },
        {
          path: 'location.country',
          message: 'Use a three-letter ISO 3166-1 alpha-3 code in capitals',
        },
      ]),
    );
    const inRussian = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/meetings',
      headers: { 'accept-language': 'ru' },
      payload: meetingInput(body, { location: { city: { ru: 'Душанбе' }, country: 'tjk' } }),
    });
    expect(inRussian.json().errors).toEqual([
      {
        path: 'location.country',
        message: 'Укажите трёхбуквенный код ISO 3166-1 alpha-3 заглавными буквами',
      },
    ]);
    // Nothing of the refused requests was stored.
    expect(ids(await list(`bodyId=${body}`))).toEqual([sameBodyParent.id]);

    // A host country need not be a member state: any alpha-3 code will do.
    const abroad = await createMeeting(t, body, {
      location: { city: { en: 'Tashkent' }, country: 'UZB', venue: { en: 'Congress Hall' } },
    });
    expect(abroad.location).toEqual({
      city: { en: 'Tashkent' },
      country: 'UZB',
      venue: { en: 'Congress Hall' },
    });
  });

  it('moves only along the allowed status transitions; others are a 409 naming both', async () => {
    const body = await insertBody(t, { name: { en: 'Transition council' }, kind: 'council' });
    const m = await createMeeting(t, body);
    const patch = (id: string, status: string) =>
      t.as('secretariat', { method: 'PATCH', url: `/api/v1/meetings/${id}`, payload: { status } });

    const skip = await patch(m.id, 'held');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('invalid_transition');
    expect(skip.json().detail).toContain('planned');
    expect(skip.json().detail).toContain('held');
    expect((await patch(m.id, 'in_session')).statusCode).toBe(409);

    const announced = await patch(m.id, 'announced');
    expect(announced.statusCode).toBe(200);
    expect(announced.headers.etag).toBe('"2"');
    expect(announced.json()).toMatchObject({ status: 'announced', version: 2 });
    expect((await patch(m.id, 'planned')).statusCode).toBe(409);
    expect((await patch(m.id, 'in_session')).json()).toMatchObject({ status: 'in_session' });
    expect((await patch(m.id, 'cancelled')).statusCode).toBe(409);
    expect((await patch(m.id, 'held')).json()).toMatchObject({ status: 'held', version: 4 });

    const back = await patch(m.id, 'announced');
    expect(back.statusCode).toBe(409);
    expect(back.json().detail).toContain('held');
    expect(back.json().detail).toContain('announced');
    const read = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(read.json()).toMatchObject({ status: 'held', version: 4 });

    const toCancel = await createMeeting(t, body);
    expect((await patch(toCancel.id, 'cancelled')).json()).toMatchObject({ status: 'cancelled' });
    expect((await patch(toCancel.id, 'planned')).statusCode).toBe(409);
    const announcedThenCancelled = await createMeeting(t, body, { status: 'announced' });
    expect((await patch(announcedThenCancelled.id, 'cancelled')).statusCode).toBe(200);

    const events = await auditEventsOf(t, 'meeting', m.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'status', 'status', 'status']);
    expect(JSON.parse(events[1]?.change ?? '{}')).toEqual({ status: ['planned', 'announced'] });
  });

  it('shows anonymous callers only announced meetings or later, in lists and by id', async () => {
    const body = await insertBody(t, { name: { en: 'Visibility council' }, kind: 'council' });
    const planned = await createMeeting(t, body, { startDate: '2030-01-01' });
    const announced = await createMeeting(t, body, {
      startDate: '2030-01-02',
      status: 'announced',
    });
    const inSession = await createMeeting(t, body, {
      startDate: '2030-01-03',
      status: 'announced',
    });
    await advanceMeeting(t, inSession.id, ['in_session']);
    const held = await createMeeting(t, body, { startDate: '2030-01-04', status: 'announced' });
    await advanceMeeting(t, held.id, ['in_session', 'held']);
    const cancelled = await createMeeting(t, body, { startDate: '2030-01-05' });
    await advanceMeeting(t, cancelled.id, ['cancelled']);

    expect(ids(await list(`bodyId=${body}`, 'anonymous'))).toEqual([
      held.id,
      inSession.id,
      announced.id,
    ]);
    expect(ids(await list(`bodyId=${body}`, 'observer'))).toEqual([
      cancelled.id,
      held.id,
      inSession.id,
      announced.id,
      planned.id,
    ]);
    expect(ids(await list(`bodyId=${body}&status=planned,cancelled`, 'anonymous'))).toEqual([]);

    const hidden = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${planned.id}`,
    });
    const missing = await t.as('anonymous', { method: 'GET', url: `/api/v1/meetings/${newId()}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    const cancelledRead = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${cancelled.id}`,
    });
    expect(cancelledRead.statusCode).toBe(404);

    const shown = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${announced.id}`,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ id: announced.id, status: 'announced' });
    for (const caller of ['delegateArm', 'observer', 'secretariat', 'admin'] as const) {
      const res = await t.as(caller, { method: 'GET', url: `/api/v1/meetings/${planned.id}` });
      expect(res.statusCode, caller).toBe(200);
    }
  });

  it('lets only the secretariat and admins write (401 anonymous, 403 others)', async () => {
    const body = await insertBody(t, { name: { en: 'Guarded council' }, kind: 'council' });
    const post = (caller: Parameters<TestApp['as']>[0]) =>
      t.as(caller, { method: 'POST', url: '/api/v1/meetings', payload: meetingInput(body) });
    const anon = await post('anonymous');
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect((await post('delegateArm')).statusCode).toBe(403);
    expect((await post('observer')).statusCode).toBe(403);
    expect(ids(await list(`bodyId=${body}`))).toEqual([]);
    expect((await post('admin')).statusCode).toBe(201);

    const m = await createMeeting(t, body);
    for (const [caller, status] of [
      ['anonymous', 401],
      ['delegateBlr', 403],
      ['observer', 403],
    ] as const) {
      const patch = await t.as(caller, {
        method: 'PATCH',
        url: `/api/v1/meetings/${m.id}`,
        payload: { status: 'announced' },
      });
      expect(patch.statusCode, caller).toBe(status);
      const del = await t.as(caller, { method: 'DELETE', url: `/api/v1/meetings/${m.id}` });
      expect(del.statusCode, caller).toBe(status);
    }
    const after = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(after.json()).toMatchObject({ status: 'planned', version: 1 });
  });

  it('filters by body, status, dates and when; pages by cursor without gaps or repeats', async () => {
    const body = await insertBody(t, { name: { en: 'Calendar council' }, kind: 'council' });
    const past1 = await createMeeting(t, body, { startDate: '2001-03-01' });
    const past2 = await createMeeting(t, body, { startDate: '2002-03-01', status: 'announced' });
    // Started yesterday, ends tomorrow: still upcoming, since it has not ended.
    const ongoing = await createMeeting(t, body, {
      startDate: dayOffset(-1),
      endDate: dayOffset(1),
      status: 'announced',
    });
    const future1 = await createMeeting(t, body, { startDate: '2098-01-01' });
    const future2 = await createMeeting(t, body, { startDate: '2099-01-01' });

    expect(ids(await list(`bodyId=${body}&when=upcoming`))).toEqual([
      ongoing.id,
      future1.id,
      future2.id,
    ]);
    expect(ids(await list(`bodyId=${body}&when=past`))).toEqual([past2.id, past1.id]);
    const all = [future2.id, future1.id, ongoing.id, past2.id, past1.id];
    expect(ids(await list(`bodyId=${body}`))).toEqual(all);
    expect(ids(await list(`bodyId=${body}&from=2002-01-01&to=2098-12-31`))).toEqual([
      future1.id,
      ongoing.id,
      past2.id,
    ]);
    expect(ids(await list(`bodyId=${body}&status=announced`))).toEqual([ongoing.id, past2.id]);
    expect(ids(await list(`bodyId=${body}&status=planned,announced`))).toEqual(all);

    const bad = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings?status=planned,postponed`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'query.status' }],
    });
    expect(bad.json().errors[0].message).toContain('"postponed"');
    const badWhen = await t.as('observer', { method: 'GET', url: '/api/v1/meetings?when=soon' });
    expect(badWhen.statusCode).toBe(400);
    expect(badWhen.json().errors[0].path).toBe('query.when');
    const badCursor = await t.as('observer', { method: 'GET', url: '/api/v1/meetings?cursor=xyz' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('query.cursor');

    const paged = await listAll(`bodyId=${body}&limit=2`);
    expect(paged.pages).toBe(3);
    expect(ids(paged)).toEqual(all);
    const upcoming = await listAll(`bodyId=${body}&when=upcoming&limit=1`);
    expect(ids(upcoming)).toEqual([ongoing.id, future1.id, future2.id]);
  });

  it('lists the council meetings held in preparation of a meeting by parentMeetingId', async () => {
    const commission = await insertBody(t, { name: { en: 'Preparing commission' } });
    const standards = await insertBody(t, { name: { en: 'Standards council' }, kind: 'council' });
    const ip = await insertBody(t, { name: { en: 'IP council' }, kind: 'council' });
    const main = await createMeeting(t, commission, {
      startDate: '2030-04-27',
      status: 'announced',
    });
    const elsewhere = await createMeeting(t, commission, { startDate: '2030-10-27' });
    const eveA = await createMeeting(t, standards, {
      startDate: '2030-04-26',
      parentMeetingId: main.id,
      status: 'announced',
    });
    const eveB = await createMeeting(t, ip, { startDate: '2030-04-26', parentMeetingId: main.id });
    await createMeeting(t, ip, { startDate: '2030-10-26', parentMeetingId: elsewhere.id });
    expect(eveA.parentMeetingId).toBe(main.id);

    expect(ids(await list(`parentMeetingId=${main.id}`)).sort()).toEqual([eveA.id, eveB.id].sort());
    expect(ids(await list(`parentMeetingId=${main.id}`, 'anonymous'))).toEqual([eveA.id]);

    // A meeting cannot prepare a meeting that prepares it.
    const cycle = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${main.id}`,
      payload: { parentMeetingId: eveA.id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors).toEqual([
      { path: 'parentMeetingId', message: 'This would make a cycle' },
    ]);
    // Relinking to another meeting of another body is allowed.
    const relink = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${eveB.id}`,
      payload: { parentMeetingId: elsewhere.id },
    });
    expect(relink.statusCode).toBe(200);
    expect(ids(await list(`parentMeetingId=${main.id}`))).toEqual([eveA.id]);
  });

  it('updates with If-Match; a stale version is a 412 and changes nothing', async () => {
    const body = await insertBody(t, { name: { en: 'Versioned council' }, kind: 'council' });
    const chair = await insertPerson(t, { name: { en: 'Denis Manturov' }, memberState: 'RUS' });
    const m = await createMeeting(t, body);
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      headers: { 'if-match': '"1"' },
      payload: { chairPersonId: chair, notes: { en: 'On the eve of the commission' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ chairPersonId: chair, version: 2 });

    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'announced', chairPersonId: null },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('precondition_failed');
    const read = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${m.id}` });
    expect(read.json()).toMatchObject({ status: 'planned', chairPersonId: chair, version: 2 });

    const backwards = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { endDate: '2030-04-26' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      { path: 'endDate', message: 'The meeting cannot end before it starts' },
    ]);
    const noChair = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { chairPersonId: newId() },
    });
    expect(noChair.statusCode).toBe(400);
    expect(noChair.json().errors[0].path).toBe('chairPersonId');

    // A change to nothing leaves the version alone.
    const same = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { chairPersonId: chair },
    });
    expect(same.json().version).toBe(2);

    const unknown = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${newId()}`,
      payload: { status: 'announced' },
    });
    expect(unknown.statusCode).toBe(404);
    const extra = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { bodyId: body },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('removes only planned or cancelled meetings that no other meeting prepares for', async () => {
    const body = await insertBody(t, { name: { en: 'Removal commission' } });
    const council = await insertBody(t, { name: { en: 'Removal council' }, kind: 'council' });
    const person = await insertPerson(t, { name: { en: 'A participant' } });

    const planned = await createMeeting(t, body);
    await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${planned.id}/participants`,
      payload: { personId: person, role: 'delegate' },
    });
    const stale = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/meetings/${planned.id}`,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    const del = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/meetings/${planned.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(del.statusCode).toBe(204);
    const gone = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${planned.id}` });
    expect(gone.statusCode).toBe(404);
    const participants = await t.handle.db
      .selectFrom('participants')
      .select('id')
      .where('meetingId', '=', planned.id)
      .execute();
    expect(participants).toEqual([]);
    expect((await auditEventsOf(t, 'meeting', planned.id)).map((e) => e.action)).toEqual([
      'create',
      'delete',
    ]);

    const announced = await createMeeting(t, body, { status: 'announced' });
    const refused = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/meetings/${announced.id}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_transition');
    await advanceMeeting(t, announced.id, ['cancelled']);
    expect(
      (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/meetings/${announced.id}` }))
        .statusCode,
    ).toBe(204);

    const parent = await createMeeting(t, body);
    await createMeeting(t, council, { parentMeetingId: parent.id });
    const inUse = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/meetings/${parent.id}`,
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('in_use');
    const kept = await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${parent.id}` });
    expect(kept.statusCode).toBe(200);

    const unknown = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/meetings/${newId()}`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('describes the meeting endpoints in the OpenAPI document', async () => {
    const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/meetings',
        '/api/v1/meetings/{id}',
        '/api/v1/meetings/{id}/participants',
        '/api/v1/meetings/{id}/participants/{participantId}',
        '/api/v1/meetings/{id}/agenda-items',
        '/api/v1/meetings/{id}/agenda-items/order',
        '/api/v1/meetings/{id}/agenda-items/{itemId}',
        '/api/v1/meetings/{id}/agenda/approve',
        '/api/v1/meetings/{id}/agenda-amendments',
      ]),
    );
  });
});
