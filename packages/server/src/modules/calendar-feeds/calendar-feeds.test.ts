import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { sha256 } from '../../platform/auth.ts';
import { createBody, createMeeting, day } from '../../public/test-helpers.ts';
import { addConsultation, addDocument, addUser } from '../notifications/test-support.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const extra: Record<string, { id: string; token: string }> = {};

const FEED = '/api/v1/auth/calendar-feed';

async function post<T>(url: string, payload: unknown): Promise<T> {
  const res = await t.as('secretariat', { method: 'POST', url, payload: payload as object });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json() as T;
}

/** Creates (or rotates) the feed of a caller given by its bearer token; returns its path. */
async function createFeed(token: string): Promise<{ path: string; secret: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: FEED,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  const url = new URL((res.json() as { url: string }).url);
  const secret = /^\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url.pathname)?.[1] ?? '';
  expect(secret).toHaveLength(43);
  return { path: url.pathname, secret };
}

async function feed(path: string) {
  const res = await t.app.inject({ method: 'GET', url: path });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const root = new ICAL.Component(ICAL.parse(res.body));
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { res, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

const meetingUid = (id: string | undefined) => `meeting-${id}@localhost`;
const dueUid = (decisionId: string | undefined, date: string) =>
  `due-${decisionId}-${date}@localhost`;
const consultationUid = (id: string | undefined) => `consultation-${id}@localhost`;

const DUE_SOON = day(40);
const DUE_LATER = day(90);
const DEADLINE = day(20);

beforeAll(async () => {
  t = await createTestApp();
  const commission = await createBody(t, {
    slug: 'icmec',
    name: { en: 'Interstate Commission', ru: 'Межгосударственная комиссия' },
  });
  const council = await createBody(t, {
    slug: 'council',
    kind: 'council',
    name: { en: 'Council of Standards', ru: 'Совет по стандартизации' },
    shortName: { en: 'CS', ru: 'СС' },
  });
  ids.commission = commission.id;
  ids.council = council.id;
  ids.timed = (
    await createMeeting(t, {
      bodyId: commission.id,
      number: 21,
      startDate: '2030-04-27',
      startTime: '10:00',
      timeZone: 'Asia/Dushanbe',
      status: 'announced',
      location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK', venue: null },
    })
  ).id;
  ids.planned = (
    await createMeeting(t, { bodyId: commission.id, number: 22, startDate: day(200) })
  ).id;
  ids.old = (await createMeeting(t, { bodyId: commission.id, number: 5, startDate: day(-800) })).id;

  // One decision with the assignments of two states and of the council, due on two dates.
  const decision = await post<{ id: string }>('/api/v1/decisions', {
    bodyId: commission.id,
    number: '21/3',
    title: { en: 'On joint standards', ru: 'О совместных стандартах' },
    text: { en: 'Text.' },
    adoptedOn: day(-10),
  });
  ids.decision = decision.id;
  for (const assignment of [
    { memberState: 'ARM', dueDate: DUE_SOON },
    { memberState: 'BLR', dueDate: DUE_SOON },
    { bodyId: council.id, dueDate: DUE_LATER },
    { memberState: 'KAZ', dueDate: day(-800) },
  ]) {
    await post(`/api/v1/decisions/${decision.id}/assignments`, assignment);
  }

  // Consultations: an internal round inviting ARM and BLR, a round restricted to BLR inviting
  // BLR only, an internal round inviting KAZ only, and a closed one inviting ARM.
  const open = await addDocument(t.handle.db, {
    bodyId: council.id,
    title: { en: 'Draft regulation', ru: 'Проект положения' },
  });
  ids.openRound = await addConsultation(t.handle.db, {
    ...open,
    deadline: DEADLINE,
    states: ['ARM', 'BLR'],
    silenceProcedure: true,
  });
  const restricted = await addDocument(t.handle.db, {
    bodyId: commission.id,
    title: { en: 'Restricted draft' },
    classification: 'restricted',
    accessList: { memberStates: ['BLR'] },
  });
  ids.restrictedRound = await addConsultation(t.handle.db, {
    ...restricted,
    deadline: DEADLINE,
    states: ['BLR'],
  });
  const kaz = await addDocument(t.handle.db, {
    bodyId: commission.id,
    title: { en: 'Kazakh draft' },
  });
  ids.kazRound = await addConsultation(t.handle.db, {
    ...kaz,
    deadline: DEADLINE,
    states: ['KAZ'],
  });
  const closed = await addDocument(t.handle.db, {
    bodyId: commission.id,
    title: { en: 'Closed draft' },
  });
  ids.closedRound = await addConsultation(t.handle.db, {
    ...closed,
    deadline: DEADLINE,
    states: ['ARM'],
    status: 'closed',
  });

  // The council's own document, restricted to KAZ: its body scope does not let the observer read it.
  const councilRestricted = await addDocument(t.handle.db, {
    bodyId: council.id,
    title: { en: 'Council restricted draft' },
    classification: 'restricted',
    accessList: { memberStates: ['KAZ'] },
  });
  ids.councilRestrictedRound = await addConsultation(t.handle.db, {
    ...councilRestricted,
    deadline: DEADLINE,
    states: ['KAZ'],
  });

  extra.councilObserver = await addUser(t, {
    email: 'council-observer@example.org',
    role: 'observer',
    bodyIds: [council.id],
  });
  extra.movingDelegate = await addUser(t, {
    email: 'moving@example.org',
    role: 'delegate',
    memberState: 'BLR',
    language: 'ru',
  });
});

afterAll(async () => {
  await t.close();
});

describe('managing one’s calendar feed', () => {
  it('answers 401 to anonymous callers on every management route', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.as('anonymous', { method, url: FEED });
      expect(res.statusCode, method).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('tells whether a feed exists, and stores only the hash of its secret', async () => {
    const before = await t.as('observer', { method: 'GET', url: FEED });
    expect(before.json()).toEqual({ exists: false, createdAt: null, lastUsedAt: null });

    const { path, secret } = await createFeed(t.tokens.observer);
    const after = await t.as('observer', { method: 'GET', url: FEED });
    const state = after.json() as { exists: boolean; createdAt: string; lastUsedAt: null };
    expect(state.exists).toBe(true);
    expect(state.lastUsedAt).toBeNull();

    const rows = await t.handle.db.selectFrom('calendarFeeds').selectAll().execute();
    const row = rows.find((r) => r.userId === t.userIds.observer);
    expect(row?.secretHash).toBe(sha256(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'change'])
      .where('entityType', '=', 'calendar_feed')
      .execute();
    expect(events.map((e) => e.action)).toContain('create');
    expect(JSON.stringify(events)).not.toContain(secret);

    await feed(path);
    const used = (await t.as('observer', { method: 'GET', url: FEED })).json() as {
      lastUsedAt: string | null;
    };
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('rotating replaces the URL: the old one answers 404, the new one works', async () => {
    const first = await createFeed(t.tokens.delegateBlr);
    await feed(first.path);
    const second = await createFeed(t.tokens.delegateBlr);
    expect(second.secret).not.toBe(first.secret);
    expect((await t.app.inject({ method: 'GET', url: first.path })).statusCode).toBe(404);
    await feed(second.path);
    expect(
      await t.handle.db
        .selectFrom('calendarFeeds')
        .select('userId')
        .where('userId', '=', t.userIds.delegateBlr)
        .execute(),
    ).toHaveLength(1);
  });

  it('revoking makes the URL answer 404; revoking again is a 404 too', async () => {
    const { path } = await createFeed(t.tokens.admin);
    await feed(path);
    const revoked = await t.as('admin', { method: 'DELETE', url: FEED });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.as('admin', { method: 'GET', url: FEED })).json()).toMatchObject({
      exists: false,
    });
    expect((await t.as('admin', { method: 'DELETE', url: FEED })).statusCode).toBe(404);
  });

  it('answers 404 to unknown and malformed secrets', async () => {
    for (const url of [
      `/calendar/${'A'.repeat(43)}.ics`,
      '/calendar/short.ics',
      `/calendar/${'%27'.repeat(20)}.ics`,
    ]) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});

describe('what a feed shows', () => {
  it('a delegate: every meeting it may read, its state’s due dates and its invited rounds', async () => {
    const { path } = await createFeed(t.tokens.delegateArm);
    const { byUid, res } = await feed(path);

    const timed = byUid.get(meetingUid(ids.timed));
    expect(timed?.summary).toBe('XXI meeting of the Interstate Commission');
    expect(timed?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
      'Asia/Dushanbe',
    );
    expect(timed?.startDate.toString()).toBe('2030-04-27T10:00:00');
    expect(timed?.location).toBe('Dushanbe');
    // A planned meeting is not public, but every signed-in user reads it (DESIGN §3).
    expect(byUid.get(meetingUid(ids.planned))?.component.getFirstPropertyValue('status')).toBe(
      'TENTATIVE',
    );
    // Older than a year: left out.
    expect(byUid.has(meetingUid(ids.old))).toBe(false);

    const due = byUid.get(dueUid(ids.decision, DUE_SOON));
    expect(due?.startDate.isDate).toBe(true);
    expect(due?.startDate.toString()).toBe(DUE_SOON);
    expect(due?.summary).toBe('Due: decision 21/3 On joint standards');
    expect(due?.description).toBe('Assignees: ARM');
    // The council's assignment is not ARM's.
    expect(byUid.has(dueUid(ids.decision, DUE_LATER))).toBe(false);

    const round = byUid.get(consultationUid(ids.openRound));
    expect(round?.startDate.toString()).toBe(DEADLINE);
    expect(round?.summary).toBe('Consultation deadline: Draft regulation (round 1)');
    expect(round?.description).toContain('ARM, BLR');
    expect(round?.description).toContain('Silence procedure');
    expect(byUid.has(consultationUid(ids.restrictedRound))).toBe(false);
    expect(byUid.has(consultationUid(ids.kazRound))).toBe(false);
    expect(byUid.has(consultationUid(ids.closedRound))).toBe(false);
    expect(res.body).not.toContain('Restricted draft');
  });

  it('a delegate of another state sees its restricted round, and only its own due date', async () => {
    const { path } = await createFeed(t.tokens.delegateBlr);
    const { byUid } = await feed(path);
    expect(byUid.has(consultationUid(ids.restrictedRound))).toBe(true);
    expect(byUid.get(dueUid(ids.decision, DUE_SOON))?.description).toBe('Assignees: BLR');
  });

  it('the secretariat: every open due date grouped per decision, every open round', async () => {
    const { path } = await createFeed(t.tokens.secretariat);
    const { byUid } = await feed(path);
    expect(byUid.get(dueUid(ids.decision, DUE_SOON))?.description).toBe('Assignees: ARM, BLR');
    expect(byUid.get(dueUid(ids.decision, DUE_LATER))?.description).toBe('Assignees: CS');
    expect(byUid.has(dueUid(ids.decision, day(-800)))).toBe(false);
    for (const id of [
      ids.openRound,
      ids.restrictedRound,
      ids.kazRound,
      ids.councilRestrictedRound,
    ]) {
      expect(byUid.has(consultationUid(id))).toBe(true);
    }
    expect(byUid.has(consultationUid(ids.closedRound))).toBe(false);
  });

  it('an observer with a body scope: its body’s due dates and the rounds of its body’s documents', async () => {
    const { path } = await createFeed(extra.councilObserver?.token as string);
    const { byUid } = await feed(path);
    expect(byUid.has(meetingUid(ids.timed))).toBe(true);
    expect(byUid.get(dueUid(ids.decision, DUE_LATER))?.startDate.toString()).toBe(DUE_LATER);
    expect(byUid.has(dueUid(ids.decision, DUE_SOON))).toBe(false);
    expect(byUid.has(consultationUid(ids.openRound))).toBe(true);
    expect(byUid.has(consultationUid(ids.restrictedRound))).toBe(false);
    // Owned by its body, but restricted to a list that names neither its bodies nor it.
    expect(byUid.has(consultationUid(ids.councilRestrictedRound))).toBe(false);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const { path } = await createFeed(t.tokens.delegateArm);
    const first = await feed(path);
    const etag = first.res.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await t.app.inject({
      method: 'GET',
      url: path,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it('speaks the user’s language, or the one asked for', async () => {
    const moving = extra.movingDelegate as { id: string; token: string };
    const { path } = await createFeed(moving.token);
    const ru = await feed(path);
    expect(ru.byUid.get(meetingUid(ids.timed))?.summary).toBe(
      'XXI заседание Межгосударственная комиссия',
    );
    expect(ru.byUid.get(dueUid(ids.decision, DUE_SOON))?.summary).toBe(
      'Срок: решение 21/3 О совместных стандартах',
    );
    const en = await feed(`${path}?lang=en`);
    expect(en.byUid.get(dueUid(ids.decision, DUE_SOON))?.summary).toBe(
      'Due: decision 21/3 On joint standards',
    );
  });

  it('follows the user’s current record: a new state narrows it, deactivation ends it', async () => {
    const moving = extra.movingDelegate as { id: string; token: string };
    const { path } = await createFeed(moving.token);
    expect((await feed(path)).byUid.has(consultationUid(ids.restrictedRound))).toBe(true);

    const moved = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${moving.id}`,
      payload: { memberState: 'KAZ' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await feed(path);
    expect(after.byUid.has(consultationUid(ids.restrictedRound))).toBe(false);
    expect(after.res.body).not.toContain('Restricted draft');
    expect(after.byUid.has(consultationUid(ids.kazRound))).toBe(true);
    expect(after.byUid.has(dueUid(ids.decision, DUE_SOON))).toBe(false);

    const observer = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${moving.id}`,
      payload: { role: 'observer', memberState: null },
    });
    expect(observer.statusCode, observer.body).toBe(200);
    expect((await feed(path)).byUid.has(consultationUid(ids.kazRound))).toBe(false);

    const off = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${moving.id}`,
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });
});

describe('guessing secrets', () => {
  // Last in this file: it spends the address's allowance for the minute.
  it('is rate-limited like the other anonymous credential routes', async () => {
    let limited = 0;
    for (let i = 0; i < 130; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/calendar/${'B'.repeat(43)}.ics` });
      if (res.statusCode === 429) {
        limited++;
      } else {
        expect(res.statusCode).toBe(404);
      }
    }
    expect(limited).toBeGreaterThan(0);
  });
});
