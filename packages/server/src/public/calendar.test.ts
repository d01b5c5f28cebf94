import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { createBody, createMeeting, day, patchMeeting, visit } from './test-helpers.ts';

let t: TestApp;
const ids: Record<string, string> = {};

async function calendar(url = '/calendar.ics') {
  const res = await visit(t, url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const root = new ICAL.Component(ICAL.parse(res.body));
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const byUid = new Map(events.map((e) => [e.uid, e]));
  return { root, events, byUid, text: res.body };
}

const uid = (id: string | undefined) => `meeting-${id}@localhost`;

beforeAll(async () => {
  t = await createTestApp();
  const body = await createBody(t, {
    slug: 'icmec',
    name: { en: 'Interstate Commission', ru: 'Межгосударственная комиссия' },
  });
  ids.timed = (
    await createMeeting(t, {
      bodyId: body.id,
      number: 21,
      startDate: '2030-04-27',
      startTime: '10:00',
      timeZone: 'Asia/Dushanbe',
      status: 'announced',
      location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK', venue: null },
    })
  ).id;
  ids.allDay = (
    await createMeeting(t, {
      bodyId: body.id,
      number: 20,
      startDate: '2030-03-30',
      endDate: '2030-04-01',
      timeZone: 'Europe/Moscow',
      status: 'announced',
    })
  ).id;
  ids.planned = (
    await createMeeting(t, { bodyId: body.id, number: 22, startDate: day(300), status: 'planned' })
  ).id;
  ids.cancelledPlanned = (
    await createMeeting(t, { bodyId: body.id, number: 23, startDate: day(320), status: 'planned' })
  ).id;
  await patchMeeting(t, ids.cancelledPlanned, { status: 'cancelled' });
  ids.cancelledAnnounced = (
    await createMeeting(t, { bodyId: body.id, number: 24, startDate: day(340), status: 'planned' })
  ).id;
  await patchMeeting(t, ids.cancelledAnnounced, { status: 'announced' });
  await patchMeeting(t, ids.cancelledAnnounced, { status: 'cancelled' });
});

afterAll(async () => {
  await t.close();
});

describe('the public calendar', () => {
  it('gives a timed meeting its own time zone, with the VTIMEZONE, a stable UID and a URL', async () => {
    const { root, byUid } = await calendar();
    const event = byUid.get(uid(ids.timed));
    expect(event).toBeDefined();
    const start = event?.component.getFirstProperty('dtstart');
    expect(start?.getParameter('tzid')).toBe('Asia/Dushanbe');
    expect(String(start?.getFirstValue())).toBe('2030-04-27T10:00:00');
    const zones = root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toContain('Asia/Dushanbe');
    const zone = new ICAL.Timezone(
      root
        .getAllSubcomponents('vtimezone')
        .find((z) => z.getFirstPropertyValue('tzid') === 'Asia/Dushanbe') as ICAL.Component,
    );
    const local = start?.getFirstValue() as ICAL.Time;
    local.zone = zone;
    expect(local.toJSDate().toISOString()).toBe('2030-04-27T05:00:00.000Z');
    expect(event?.summary).toBe('XXI meeting of the Interstate Commission');
    expect(event?.location).toBe('Dushanbe');
    expect(event?.component.getFirstPropertyValue('url')).toBe(
      `http://localhost:3000/en/meetings/${ids.timed}`,
    );
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('makes a meeting without a start time an all-day event with an exclusive end', async () => {
    const { byUid } = await calendar();
    const event = byUid.get(uid(ids.allDay));
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe('2030-03-30');
    expect(event?.endDate.isDate).toBe(true);
    expect(event?.endDate.toString()).toBe('2030-04-02');
  });

  it('raises SEQUENCE when a meeting changes, keeping its UID', async () => {
    const before = (await calendar()).byUid.get(uid(ids.timed));
    const meeting = await patchMeeting(t, ids.timed as string, { startTime: '11:30' });
    const after = (await calendar()).byUid.get(uid(ids.timed));
    expect(after?.sequence).toBe(meeting.version);
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Number.POSITIVE_INFINITY);
    expect(after?.startDate.toString()).toBe('2030-04-27T11:30:00');
  });

  it('keeps a cancelled meeting that had been announced as CANCELLED, and leaves out the rest', async () => {
    const { byUid, text } = await calendar();
    const cancelled = byUid.get(uid(ids.cancelledAnnounced));
    expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid.has(uid(ids.planned))).toBe(false);
    expect(byUid.has(uid(ids.cancelledPlanned))).toBe(false);
    expect(text).not.toContain(ids.planned);
    expect(text).not.toContain(ids.cancelledPlanned);
    expect(byUid.size).toBe(3);
  });

  it('names meetings in Russian with ?lang=ru', async () => {
    const { byUid } = await calendar('/calendar.ics?lang=ru');
    expect(byUid.get(uid(ids.timed))?.summary).toBe('XXI заседание Межгосударственная комиссия');
    expect(byUid.get(uid(ids.timed))?.location).toBe('Душанбе');
  });
});
