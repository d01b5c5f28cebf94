import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../test/app.ts';
import { insertBody, insertMeeting } from '../../test/factories.ts';
import { recordAudit } from './audit.ts';
import { PROBE_INTERVAL_MS } from './content-version.ts';
import { ANONYMOUS } from './context.ts';

/**
 * Kept API answers (platform/api-cache.ts). A change made behind the API's back (straight into
 * the database, with no audit event) is how these tests tell a kept answer from a fresh one.
 */
describe(`kept API answers (${DIALECT})`, () => {
  let t: TestApp;
  let bodyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    bodyId = await insertBody(t.handle.db, { slug: 'icmec', name: 'ICMEC' });
    // The event bus catches up on the setup's audit events once it listens (PostgreSQL: on its
    // own connection, later under load), moving the content version: an answer computed
    // across that is rightly not kept, so the tests start once it has settled.
    let generation = t.app.contentVersion.generation;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (t.app.events.listening && t.app.contentVersion.generation === generation) {
        break;
      }
      generation = t.app.contentVersion.generation;
    }
  });
  afterAll(async () => t.close());

  const renameQuietly = (code: string, en: string) =>
    t.handle.db
      .updateTable('memberStates')
      .set({ name: JSON.stringify({ en, ru: en }) })
      .where('code', '=', code)
      .execute();

  it('replays an answer within its audience until something is written', async () => {
    const first = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/TJK' });
    expect(first.statusCode).toBe(200);
    await renameQuietly('TJK', 'Changed behind the API');
    const second = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/TJK' });
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // Another audience computes its own answer.
    const other = await t.as('delegateArm', { method: 'GET', url: '/api/v1/member-states/TJK' });
    expect(other.json().name.en).toBe('Changed behind the API');
  });

  it('shows a write answered by the API from the very next request on', async () => {
    const before = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/KGZ' });
    expect(before.headers.etag).toBe('"1"');
    const patched = await t.as('secretariat', {
      method: 'PATCH',
      url: '/api/v1/member-states/KGZ',
      headers: { 'if-match': '"1"' },
      payload: { name: { en: 'Kyrgyzstan', ru: 'Кыргызстан' } },
    });
    expect(patched.statusCode).toBe(200);
    const after = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/KGZ' });
    expect(after.headers.etag).toBe('"2"');
    expect(after.json().name.en).toBe('Kyrgyzstan');
  });

  it('never serves an answer kept for one audience to another', async () => {
    const planned = await insertMeeting(t.handle.db, {
      bodyId,
      number: 7,
      startDate: '2031-01-10',
    });
    const staff = await t.as('secretariat', { method: 'GET', url: `/api/v1/meetings/${planned}` });
    expect(staff.statusCode).toBe(200);
    // A planned meeting does not exist for the public, however often staff read it.
    for (let i = 0; i < 2; i++) {
      const anonymous = await t.as('anonymous', {
        method: 'GET',
        url: `/api/v1/meetings/${planned}`,
      });
      expect(anonymous.statusCode).toBe(404);
    }
    const staffList = await t.as('secretariat', { method: 'GET', url: '/api/v1/meetings' });
    expect(staffList.json().items.map((m: { id: string }) => m.id)).toContain(planned);
    const publicList = await t.as('anonymous', { method: 'GET', url: '/api/v1/meetings' });
    expect(publicList.json().items.map((m: { id: string }) => m.id)).not.toContain(planned);
  });

  it('answers from memory only after the caller is authenticated and admitted', async () => {
    const url = '/api/v1/decisions?limit=5';
    const kept = await t.as('observer', { method: 'GET', url });
    expect(kept.statusCode).toBe(200);
    expect((await t.as('observer', { method: 'GET', url })).body).toBe(kept.body);
    // The route admits signed-in readers only: a kept answer changes nothing for the others.
    expect((await t.as('anonymous', { method: 'GET', url })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer not-a-token-anyone-was-given' },
    });
    expect(forged.statusCode).toBe(401);
    // A URL that fails validation was never kept, so it is still validated.
    const invalid = await t.as('observer', { method: 'GET', url: '/api/v1/decisions?limit=0' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps no failure: a 404 is asked again', async () => {
    const missing = '/api/v1/member-states/UZB';
    expect((await t.as('observer', { method: 'GET', url: missing })).statusCode).toBe(404);
    const now = new Date().toISOString();
    await t.handle.db
      .insertInto('memberStates')
      .values({
        code: 'UZB',
        name: JSON.stringify({ en: 'Uzbekistan', ru: 'Узбекистан' }),
        status: 'observer',
        searchText: 'uzb',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    expect((await t.as('observer', { method: 'GET', url: missing })).statusCode).toBe(200);
  });

  it('shows a write of another instance once the audit trail has grown, within the probe interval', async () => {
    await t.as('observer', { method: 'GET', url: '/api/v1/member-states/BLR' });
    // Another instance: the change and its audit event in one transaction, and no notice here.
    await t.handle.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('memberStates')
        .set({ name: JSON.stringify({ en: 'Belarus', ru: 'Беларусь' }), version: 2 })
        .where('code', '=', 'BLR')
        .execute();
      await recordAudit(trx, t.handle.dialect, ANONYMOUS, {
        action: 'update',
        entityType: 'member_state',
        entityId: 'BLR',
        change: null,
      });
    });
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS + 100));
    const after = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/BLR' });
    expect(after.json()).toMatchObject({ version: 2, name: { en: 'Belarus' } });
  });

  it('computes an answer once for readers asking at the same moment, and counts how', async () => {
    const lookups = async () => {
      const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      const count = (outcome: string) =>
        Number(
          new RegExp(`^plenum_api_cache_lookups_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(
            body,
          )?.[1] ?? 0,
        );
      return { hit: count('hit'), shared: count('shared'), computed: count('computed') };
    };
    const url = '/api/v1/decisions?limit=3&sort=due';
    const before = await lookups();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.as('observer', { method: 'GET', url })),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toBe(answers[0]?.body);
    }
    const after = await lookups();
    // One computation; the others waited for it (or, arriving after it, found it kept).
    expect(after.computed - before.computed).toBe(1);
    expect(after.shared - before.shared + (after.hit - before.hit)).toBe(7);
    expect(after.shared - before.shared).toBeGreaterThan(0);
  });

  it('sends kept answers gzip-compressed to clients that take it, and as they are to others', async () => {
    const url = '/api/v1/member-states?limit=50';
    const ask = (encoding?: string) =>
      t.as('observer', {
        method: 'GET',
        url,
        headers: encoding === undefined ? {} : { 'accept-encoding': encoding },
      });
    // The first answer, computed, is sent as its copies will be.
    const first = await ask('gzip, deflate, br');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    const text = gunzipSync(first.rawPayload).toString('utf8');
    expect(JSON.parse(text).items.length).toBeGreaterThan(5);
    expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
    expect(first.rawPayload.length).toBeLessThan(Buffer.byteLength(text));
    const kept = await ask('gzip');
    expect(kept.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(kept.rawPayload).toString('utf8')).toBe(text);
    expect(kept.headers.etag).toBe(first.headers.etag);
    for (const refuses of [undefined, 'identity', 'gzip;q=0, br', 'br']) {
      const plain = await ask(refuses);
      expect(plain.headers['content-encoding'], String(refuses)).toBeUndefined();
      expect(plain.body, String(refuses)).toBe(text);
      expect(plain.headers.vary, String(refuses)).toMatch(/accept-encoding/i);
    }
    // A small answer is not worth compressing.
    const small = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/member-states/TJK',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps nothing with PLENUM_API_CACHE_MB=0', async () => {
    const off = await createTestApp({ env: { PLENUM_API_CACHE_MB: '0' } });
    try {
      await off.as('observer', { method: 'GET', url: '/api/v1/member-states/ARM' });
      await off.handle.db
        .updateTable('memberStates')
        .set({ name: JSON.stringify({ en: 'Armenia', ru: 'Армения' }) })
        .where('code', '=', 'ARM')
        .execute();
      const again = await off.as('observer', { method: 'GET', url: '/api/v1/member-states/ARM' });
      expect(again.json().name.en).toBe('Armenia');
    } finally {
      await off.close();
    }
  });
});
