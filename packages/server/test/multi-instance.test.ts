import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, openDatabase } from '../src/db/dialect.ts';
import { runNotificationJobs } from '../src/modules/notifications/jobs.ts';
import { onceAcrossInstances } from '../src/platform/instance-lock.ts';
import { createTestApp, DIALECT, loginWithPassword, PG_URL, type TestApp } from './app.ts';
import { SseClient } from './sse.ts';

type Json = Record<string, unknown>;

/**
 * DESIGN §5 "Scale-out": two instances of the app on one PostgreSQL schema, each listening on a
 * port of its own, share sessions, rate limits, idempotency keys, scheduled publishing and live
 * events; neither keeps state the other would need.
 */
describe.skipIf(DIALECT !== 'postgres')('two instances on one PostgreSQL', () => {
  let t: TestApp;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let handleB: DbHandle;
  let baseB: string;
  const streams: SseClient[] = [];

  const as = (app: FastifyInstance, token: string, opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: { authorization: `Bearer ${token}`, ...(opts.headers as Record<string, string>) },
    });

  async function createNews(title: string): Promise<{ id: string; version: number }> {
    const res = await as(a, t.tokens.secretariat, {
      method: 'POST',
      url: '/api/v1/news',
      payload: { title: { en: title }, body: { en: `${title}, in full.` } },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { PLENUM_JOB_INTERVAL_SECONDS: '0' } });
    a = t.app;
    await a.listen({ port: 0, host: '127.0.0.1' });
    // The second instance: its own pool, bus and caches on the same schema and file volume.
    handleB = openDatabase(PG_URL, { schema: t.handle.schema });
    const config = loadConfig(
      { PLENUM_DATA_DIR: t.dataDir, PLENUM_JOB_INTERVAL_SECONDS: '0' },
      { logLevel: 'silent', webDir: path.join(os.tmpdir(), 'plenum-no-web') },
    );
    b = await buildApp({ config, database: handleB, logger: false, checkResponses: true });
    await b.listen({ port: 0, host: '127.0.0.1' });
    baseB = `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const s of streams) {
      s.close();
    }
    await b?.close();
    await handleB?.close();
    await t?.close();
  });

  it('a login on one instance is valid on the other; a logout there is refused at once', async () => {
    const session = await loginWithPassword(a, 'observer@example.org');
    expect(session.response.statusCode).toBe(200);
    const headers = { cookie: session.cookie };
    const onB = await b.inject({ url: '/api/v1/auth/me', headers });
    expect(onB.statusCode).toBe(200);
    expect((onB.json() as { user: Json }).user.email).toBe('observer@example.org');
    // B has the session cached now; the logout on A must reach it before A answers.
    const logout = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...headers, 'x-csrf-token': session.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await b.inject({ url: '/api/v1/auth/me', headers });
    expect(after.statusCode).toBe(401);
  });

  it('a token revoked on one instance is refused at once on the other', async () => {
    const created = await as(a, t.tokens.delegateArm, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'second' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect((await as(b, token, { url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const revoked = await as(a, t.tokens.delegateArm, {
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await as(b, token, { url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('an idempotent POST repeated on the other instance creates nothing', async () => {
    const request = {
      method: 'POST' as const,
      url: '/api/v1/news',
      headers: { 'idempotency-key': 'news-once' },
      payload: { title: { en: 'Created once' } },
    };
    const first = await as(a, t.tokens.secretariat, request);
    expect(first.statusCode).toBe(201);
    const again = await as(b, t.tokens.secretariat, request);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((again.json() as Json).id).toBe((first.json() as Json).id);

    // Sent to both at the same moment: one creates, the other replays or is told to retry.
    const raced = { ...request, headers: { 'idempotency-key': 'news-raced' } };
    const answers = await Promise.all([
      as(a, t.tokens.secretariat, { ...raced, payload: { title: { en: 'Raced' } } }),
      as(b, t.tokens.secretariat, { ...raced, payload: { title: { en: 'Raced' } } }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual(
      answers.some((r) => r.statusCode === 409) ? [201, 409] : [201, 201],
    );
    const rows = await t.handle.db
      .selectFrom('newsItems')
      .select('id')
      .where('title', 'in', [
        JSON.stringify({ en: 'Created once' }),
        JSON.stringify({ en: 'Raced' }),
      ])
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('a change on one instance reaches a stream client of the other within a second', async () => {
    const client = await SseClient.open(`${baseB}/api/v1/events`, {
      authorization: `Bearer ${t.tokens.secretariat}`,
    });
    streams.push(client);
    await client.ready();
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await as(a, t.tokens.secretariat, {
        method: 'POST',
        url: '/api/v1/news',
        payload: { title: { en: `Live ${i}` } },
      });
      expect(res.statusCode).toBe(201);
      const answeredAt = performance.now();
      const id = (res.json() as { id: string }).id;
      await client.waitForChange(id, 'create', 2000);
      const event = client.events.find((e) => e.event === 'change' && e.data.includes(id));
      latencies.push((event?.at ?? Number.POSITIVE_INFINITY) - answeredAt);
    }
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('a news item published on one instance shows on the other portal at once', async () => {
    const before = await b.inject({ url: '/en/news' });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Published across');
    const client = await SseClient.open(`${baseB}/api/v1/events`);
    streams.push(client);
    await client.ready();
    const news = await createNews('Published across');
    const published = await as(a, t.tokens.secretariat, {
      method: 'POST',
      url: `/api/v1/news/${news.id}/publish`,
    });
    expect(published.statusCode).toBe(200);
    // B's bus has seen the change (its anonymous stream got it): its cached pages are gone.
    await client.waitForChange(news.id, 'publish', 2000);
    const after = await b.inject({ url: '/en/news' });
    expect(after.body).toContain('Published across');
  });

  it('a scheduled news item is published exactly once when both instances run the jobs', async () => {
    const news = await createNews('Scheduled once');
    const scheduled = await as(a, t.tokens.secretariat, {
      method: 'POST',
      url: `/api/v1/news/${news.id}/schedule`,
      payload: { publishAt: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(scheduled.statusCode).toBe(200);
    const later = new Date(Date.now() + 120_000);
    await Promise.all([
      runNotificationJobs(a, null, later),
      runNotificationJobs(b, null, later),
      runNotificationJobs(a, null, later),
      runNotificationJobs(b, null, later),
    ]);
    const publications = await t.handle.db
      .selectFrom('auditEvents')
      .select('seq')
      .where('entityType', '=', 'news')
      .where('entityId', '=', news.id)
      .where('action', '=', 'publish')
      .execute();
    expect(publications).toHaveLength(1);
    const row = await t.handle.db
      .selectFrom('newsItems')
      .select(['status', 'version'])
      .where('id', '=', news.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', version: 3 });
  });

  it('a job run on one instance makes the same run on the other a no-op until it ends', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = onceAcrossInstances(a.db, a.dialect, 'test-job', async () => {
      started();
      await gate;
    });
    await running;
    let ranOnB = false;
    expect(
      await onceAcrossInstances(b.db, b.dialect, 'test-job', async () => {
        ranOnB = true;
      }),
    ).toBe(false);
    expect(ranOnB).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(
      await onceAcrossInstances(b.db, b.dialect, 'test-job', async () => {
        ranOnB = true;
      }),
    ).toBe(true);
    expect(ranOnB).toBe(true);
  });

  it('the login rate limit counts the requests of both instances together', async () => {
    // Malformed logins: counted by the limit (which runs first), refused before any password check.
    const attempt = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x' } });
    const first = await attempt(a);
    expect(first.statusCode).toBe(400);
    let remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(Number(first.headers['x-ratelimit-limit'])).toBe(30);
    let i = 0;
    while (remaining > 0) {
      const res = await attempt(i++ % 2 === 0 ? b : a);
      expect(res.statusCode).toBe(400);
      expect(Number(res.headers['x-ratelimit-remaining'])).toBe(remaining - 1);
      remaining -= 1;
    }
    expect(i).toBeGreaterThan(10);
    const limitedOnA = await attempt(a);
    const limitedOnB = await attempt(b);
    expect(limitedOnA.statusCode).toBe(429);
    expect(limitedOnB.statusCode).toBe(429);
  });
});
