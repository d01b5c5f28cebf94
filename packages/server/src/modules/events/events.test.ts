import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, PG_URL, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';
import { SseClient } from '../../../test/sse.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { REPLAY_LIMIT } from '../../platform/events.ts';

type Json = Record<string, unknown>;

/** Apps that listen: the streams are read over real HTTP. */
async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

const NO_JOBS = { PLENUM_JOB_INTERVAL_SECONDS: '0' };
/** The author of writes made outside any request, as a job's are. */
const SYSTEM: Actor = { id: null, role: 'admin', name: 'job', memberState: null, bodyIds: [] };

describe(`live events (${DIALECT})`, () => {
  let t: TestApp;
  let base: string;
  let body: string;
  let announced: string;
  let planned: string;
  const open: SseClient[] = [];

  function headersOf(caller: Caller, extra: Record<string, string> = {}) {
    return caller === 'anonymous'
      ? extra
      : { authorization: `Bearer ${t.tokens[caller]}`, ...extra };
  }

  async function stream(
    caller: Caller,
    path = '/api/v1/events',
    extra: Record<string, string> = {},
  ): Promise<SseClient> {
    const client = await SseClient.open(`${base}${path}`, headersOf(caller, extra));
    open.push(client);
    return client;
  }

  /** A change of a meeting's notes, made through the API as the secretariat. */
  async function touchMeeting(id: string, text: string): Promise<void> {
    const res = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${id}`,
      payload: { notes: { en: text } },
    });
    expect(res.statusCode).toBe(200);
  }

  async function createDocument(classification: string, accessList: Json | null): Promise<string> {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: {
        title: { en: `A ${classification} paper` },
        kind: 'report',
        bodyId: body,
        classification,
        accessList,
      },
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: NO_JOBS });
    base = await listen(t);
    body = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    announced = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: daysFromToday(30),
      status: 'announced',
    });
    planned = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 22,
      startDate: daysFromToday(200),
    });
  });

  afterAll(async () => {
    for (const client of open) {
      client.close();
    }
    await t.close();
  });

  it('sends a change as an event once it is committed, with the stream headers', async () => {
    const client = await stream('secretariat');
    expect(client.response.status).toBe(200);
    expect(client.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers.get('cache-control')).toBe('no-cache');
    expect(client.response.headers.get('x-accel-buffering')).toBe('no');
    const readySeq = await client.ready();
    expect(client.fields[0]).toBe('retry: 1000');

    await touchMeeting(announced, 'first');
    const change = await client.waitForChange(announced, 'update');
    expect(change).toMatchObject({ entity: 'meeting', meetingId: announced });
    expect(change.seq).toBeGreaterThan(readySeq);
    const event = client.events.find((e) => e.event === 'change' && e.data.includes(announced));
    expect(event?.id).toBe(String(change.seq));
    const audit = await t.handle.db
      .selectFrom('auditEvents')
      .select(['entityId', 'action', 'at'])
      .where('seq', '=', change.seq)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ entityId: announced, action: 'update', at: change.at });
  });

  it('delivers a change written outside any request (a job) too', async () => {
    const client = await stream('secretariat');
    await client.ready();
    await t.handle.db.transaction().execute((trx) =>
      recordAudit(trx, t.handle.dialect, SYSTEM, {
        action: 'tick',
        entityType: 'meeting',
        entityId: planned,
        change: null,
      }),
    );
    expect(await client.waitForChange(planned, 'tick', 3000)).toMatchObject({ entity: 'meeting' });
  });

  it('replays what was missed after Last-Event-ID, in order, then goes live', async () => {
    const first = await stream('secretariat');
    const seen = await first.ready();
    first.close();

    await touchMeeting(announced, 'missed 1');
    await touchMeeting(planned, 'missed 2');
    await touchMeeting(announced, 'missed 3');

    const resumed = await stream('secretariat', '/api/v1/events', {
      'last-event-id': String(seen),
    });
    const readySeq = await resumed.ready();
    const replayed = resumed.changes();
    expect(replayed.map((c) => c.id)).toEqual([announced, planned, announced]);
    expect(replayed.map((c) => c.seq)).toEqual([seen + 1, seen + 2, seen + 3]);
    expect(readySeq).toBe(seen + 3);
    // Nothing before the ready event was sent twice, and the stream goes on live.
    await touchMeeting(planned, 'live');
    const live = await resumed.waitFor((e) => e.event === 'change' && Number(e.id) > readySeq);
    expect(JSON.parse(live.data)).toMatchObject({ seq: seen + 4, id: planned });
    expect(new Set(resumed.changes().map((c) => c.seq)).size).toBe(resumed.changes().length);

    // ?lastEventId= does the same for clients that cannot send the header.
    const byQuery = await stream('secretariat', `/api/v1/events?lastEventId=${seen}`);
    await byQuery.ready();
    expect(byQuery.changes().map((c) => c.seq)).toEqual([seen + 1, seen + 2, seen + 3, seen + 4]);
  });

  it('sends each caller only the events of what it may read, live and replayed', async () => {
    const callers: Caller[] = [
      'secretariat',
      'delegateArm',
      'delegateBlr',
      'observer',
      'anonymous',
    ];
    const clients = new Map<Caller, SseClient>();
    for (const caller of callers) {
      const client = await stream(caller);
      await client.ready();
      clients.set(caller, client);
    }
    const before = await (clients.get('secretariat') as SseClient).ready();

    const restricted = await createDocument('restricted', { memberStates: ['ARM'], bodyIds: [] });
    const internal = await createDocument('internal', null);
    await touchMeeting(planned, 'internal meeting');
    await touchMeeting(announced, 'public meeting: the sentinel');

    const received = new Map<Caller, string[]>();
    for (const [caller, client] of clients) {
      await client.waitForChange(announced, 'update');
      await new Promise((resolve) => setTimeout(resolve, 50));
      received.set(
        caller,
        client
          .changes()
          .filter((c) => c.seq > before)
          .map((c) => c.id),
      );
    }
    expect(received.get('secretariat')).toEqual([restricted, internal, planned, announced]);
    expect(received.get('delegateArm')).toEqual([restricted, internal, planned, announced]);
    // Another state's delegate and an observer never hear of the restricted document.
    expect(received.get('delegateBlr')).toEqual([internal, planned, announced]);
    expect(received.get('observer')).toEqual([internal, planned, announced]);
    // Anonymous callers: the public (announced) meeting only.
    expect(received.get('anonymous')).toEqual([announced]);

    // The replay applies the same rules.
    for (const caller of ['delegateBlr', 'anonymous'] as const) {
      const replay = await stream(caller, '/api/v1/events', { 'last-event-id': String(before) });
      await replay.ready();
      expect(replay.changes().map((c) => c.id)).toEqual(received.get(caller));
    }
  });

  it('news reach the public once published; tokens their user and staff; unknown types staff', async () => {
    const callers: Caller[] = [
      'secretariat',
      'delegateArm',
      'delegateBlr',
      'observer',
      'anonymous',
    ];
    const clients = new Map<Caller, SseClient>();
    for (const caller of callers) {
      const client = await stream(caller);
      await client.ready();
      clients.set(caller, client);
    }
    const before = await (clients.get('secretariat') as SseClient).ready();
    const news = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/news',
      payload: { title: { en: 'Draft first' }, body: { en: 'Then published.' } },
    });
    expect(news.statusCode).toBe(201);
    const newsId = (news.json() as { id: string }).id;
    const token = await t.as('delegateArm', {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'room display' },
    });
    expect(token.statusCode).toBe(201);
    const tokenId = (token.json() as { id: string }).id;
    await t.handle.db.transaction().execute((trx) =>
      recordAudit(trx, t.handle.dialect, SYSTEM, {
        action: 'happen',
        entityType: 'mystery',
        entityId: 'x1',
        change: null,
      }),
    );
    // Audiences are resolved when the bus reads an event: let it read these before publishing.
    await (clients.get('secretariat') as SseClient).waitForChange('x1', 'happen');
    const published = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/news/${newsId}/publish`,
    });
    expect(published.statusCode).toBe(200);
    await touchMeeting(announced, 'sentinel');

    const got = new Map<Caller, string[]>();
    for (const [caller, client] of clients) {
      await client.waitForChange(announced, 'update');
      got.set(
        caller,
        client
          .changes()
          .filter((c) => c.seq > before)
          .map((c) => `${c.entity}:${c.action}`),
      );
    }
    expect(got.get('secretariat')).toEqual([
      'news:create',
      'api_token:create',
      'mystery:happen',
      'news:publish',
      'meeting:update',
    ]);
    // The draft was not public when its creation was sent; its publication is.
    expect(got.get('delegateArm')).toEqual(['api_token:create', 'news:publish', 'meeting:update']);
    expect(got.get('delegateBlr')).toEqual(['news:publish', 'meeting:update']);
    expect(got.get('observer')).toEqual(['news:publish', 'meeting:update']);
    expect(got.get('anonymous')).toEqual(['news:publish', 'meeting:update']);
    expect(tokenId).toBeTruthy();
  });

  it('a meeting stream carries that meeting only', async () => {
    const client = await stream('observer', `/api/v1/meetings/${announced}/events`);
    const start = await client.ready();
    await touchMeeting(planned, 'elsewhere');
    const item = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/meetings/${announced}/agenda-items`,
      payload: { title: { en: 'Opening' } },
    });
    expect(item.statusCode).toBe(201);
    const itemId = (item.json() as { id: string }).id;
    await touchMeeting(announced, 'here');
    await client.waitForChange(announced, 'update');
    const changes = client.changes().filter((c) => c.seq > start);
    expect(changes.map((c) => [c.entity, c.id])).toEqual([
      ['agenda_item', itemId],
      ['meeting', announced],
    ]);
    expect(changes.every((c) => c.meetingId === announced)).toBe(true);
  });

  it('documents both streams in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get?: { description?: string; parameters?: { name: string }[] } }>;
    };
    for (const path of ['/api/v1/events', '/api/v1/meetings/{id}/events']) {
      const op = doc.paths[path]?.get;
      expect(op?.description).toContain('Last-Event-ID');
      expect(op?.parameters?.map((p) => p.name)).toContain('lastEventId');
    }
  });

  it('answers 404 for a meeting the caller may not read, and 400 for a bad Last-Event-ID', async () => {
    const hidden = await stream('anonymous', `/api/v1/meetings/${planned}/events`);
    expect(hidden.response.status).toBe(404);
    expect(hidden.response.headers.get('content-type')).toContain('application/problem+json');
    const missing = await stream('secretariat', '/api/v1/meetings/no-such-meeting/events');
    expect(missing.response.status).toBe(404);
    // The same meeting is readable when announced.
    const visible = await stream('anonymous', `/api/v1/meetings/${announced}/events`);
    expect(visible.response.status).toBe(200);
    await visible.ready();

    // HEAD answers the stream's head and ends.
    const head = await t.as('observer', { method: 'HEAD', url: '/api/v1/events' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/event-stream; charset=utf-8');

    const bad = await stream('secretariat', '/api/v1/events', { 'last-event-id': 'yesterday' });
    expect(bad.response.status).toBe(400);
    expect(((await bad.response.json()) as Json).code).toBe('validation_failed');
    const negative = await stream('secretariat', '/api/v1/events?lastEventId=-4');
    expect(negative.response.status).toBe(400);
  });

  it.skipIf(DIALECT !== 'postgres')(
    'catches up after its LISTEN connection is cut, and trusts no cached session meanwhile',
    async () => {
      const client = await stream('secretariat');
      await client.ready();
      expect(t.app.events.listening).toBe(true);
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        const cut = await admin.query(
          'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
          [`plenum-listen:${t.handle.schema}`],
        );
        expect(cut.rows).toEqual([{ done: true }]);
      } finally {
        await admin.end();
      }
      const deadline = Date.now() + 2000;
      while (t.app.events.listening && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(t.app.events.listening).toBe(false);
      // A write while deaf (outside any request, so nothing pokes the bus) is caught up on.
      await t.handle.db.transaction().execute((trx) =>
        recordAudit(trx, t.handle.dialect, SYSTEM, {
          action: 'while_deaf',
          entityType: 'meeting',
          entityId: announced,
          change: null,
        }),
      );
      await client.waitForChange(announced, 'while_deaf', 5000);
      expect(t.app.events.listening).toBe(true);
    },
  );

  it.skipIf(DIALECT !== 'postgres')(
    'announces writes to other instances but not audited reads, which would empty their caches',
    async () => {
      const listener = new pg.Client({ connectionString: PG_URL });
      await listener.connect();
      const heard: string[] = [];
      // The channel is the database's: other test files' schemas announce on it too.
      listener.on('notification', (message) => {
        const payload = message.payload ?? '';
        if (message.channel === 'plenum_audit' && payload.startsWith(`${t.handle.schema}:`)) {
          heard.push(payload);
        }
      });
      try {
        await listener.query('listen plenum_audit');
        const record = (action: string) =>
          t.handle.db.transaction().execute((trx) =>
            recordAudit(trx, t.handle.dialect, SYSTEM, {
              action,
              entityType: 'meeting',
              entityId: announced,
              change: null,
            }),
          );
        await record('read');
        await record('read');
        const unchanged = t.app.contentVersion.generation;
        await record('update');
        const newest = await t.handle.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirstOrThrow();
        const deadline = Date.now() + 5000;
        while (heard.length === 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        // Notices arrive in commit order: had a read been announced, it would come first.
        expect(heard).toEqual([`${t.handle.schema}:${newest.seq}`]);
        // The app's own bus hears the update too (on its own connection, a moment later) and
        // reads it: once that has settled, a read must not move its content version.
        const heardByApp = Date.now() + 5000;
        while (t.app.contentVersion.generation === unchanged && Date.now() < heardByApp) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        let before = t.app.contentVersion.generation;
        expect(before).toBeGreaterThan(unchanged);
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (t.app.contentVersion.generation === before) {
            break;
          }
          before = t.app.contentVersion.generation;
        }
        await record('read');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(heard).toHaveLength(1);
        expect(t.app.contentVersion.generation).toBe(before);
      } finally {
        await listener.end();
      }
    },
  );

  it('tells a client that missed too much to reset, then goes live', async () => {
    const first = await stream('secretariat');
    const seen = await first.ready();
    first.close();
    await t.handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i <= REPLAY_LIMIT; i++) {
        await recordAudit(trx, t.handle.dialect, SYSTEM, {
          action: 'bulk',
          entityType: 'meeting',
          entityId: planned,
          change: { i },
        });
      }
    });
    const newest = seen + REPLAY_LIMIT + 1;
    const resumed = await stream('secretariat', '/api/v1/events', {
      'last-event-id': String(seen),
    });
    const reset = await resumed.waitFor((e) => e.event === 'reset');
    await resumed.ready();
    // No change events were replayed; the reset names where the stream goes on from.
    expect(resumed.changes().filter((c) => c.seq <= Number(reset.id))).toEqual([]);
    expect(Number(reset.id)).toBeLessThanOrEqual(newest);
    await touchMeeting(announced, 'after the reset');
    const live = await resumed.waitForChange(announced, 'update');
    expect(live.seq).toBe(newest + 1);

    // An id the trail never issued (a restored database) resets too.
    const future = await stream('secretariat', '/api/v1/events', { 'last-event-id': '999999999' });
    await future.waitFor((e) => e.event === 'reset');
  });
});

describe(`draining (${DIALECT})`, () => {
  it('turns unready at once, ends the open streams after the delay, then closes', async () => {
    const t = await createTestApp({ env: NO_JOBS });
    try {
      const base = await listen(t);
      const client = await SseClient.open(`${base}/api/v1/events`, {
        authorization: `Bearer ${t.tokens.observer}`,
      });
      await client.ready();
      expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);

      const drained = t.app.drain({ delayMs: 400 });
      const unready = await t.app.inject({ url: '/readyz' });
      expect(unready.statusCode).toBe(503);
      // During the delay the stream stays open (the load balancer is still noticing)…
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(client.ended).toBe(false);
      // …and no new stream starts here.
      const refused = await SseClient.open(`${base}/api/v1/events`, {
        authorization: `Bearer ${t.tokens.observer}`,
      });
      expect(refused.response.status).toBe(503);
      await client.untilEnded(3000);
      await drained;
      expect(t.app.server.listening).toBe(false);
    } finally {
      await t.close();
    }
  });
});
