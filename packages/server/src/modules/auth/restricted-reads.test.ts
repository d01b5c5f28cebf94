import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { SseClient } from '../../../test/sse.ts';
import { multipart, pdf } from '../files/test-helpers.ts';

/** Issue 9: reads of restricted documents, their versions and files are in the audit trail. */
describe(`reads of restricted items are audited (${DIALECT})`, () => {
  let t: TestApp;
  let base: string;
  let body: string;
  let restricted: string;
  let internal: string;
  let sha: string;
  let internalSha: string;

  const get = (caller: Caller, url: string) => t.as(caller, { method: 'GET', url });
  const readEvents = async () =>
    t.handle.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'read')
      .orderBy('seq')
      .execute();

  async function upload(seed: string): Promise<string> {
    const file = multipart(pdf(seed), { name: `${seed}.pdf` });
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload: file.payload,
      headers: file.headers,
    });
    expect(res.statusCode).toBe(201);
    return res.json().sha256 as string;
  }

  async function documentWithFile(classification: string, fileSha: string): Promise<string> {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: {
        title: { en: `A ${classification} paper` },
        kind: 'report',
        bodyId: body,
        classification,
        accessList: classification === 'restricted' ? { memberStates: ['ARM'] } : null,
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const version = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/documents/${id}/versions`,
      payload: { text: { en: 'Text' }, fileSha256: fileSha },
    });
    expect(version.statusCode).toBe(201);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { PLENUM_JOB_INTERVAL_SECONDS: '0' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    body = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    sha = await upload('restricted-file');
    internalSha = await upload('internal-file');
    restricted = await documentWithFile('restricted', sha);
    internal = await documentWithFile('internal', internalSha);
  });
  afterAll(async () => t.close());

  it('records who read a restricted document, its versions and its file; nothing for others', async () => {
    const before = (await readEvents()).length;
    expect(before).toBe(0);
    expect((await get('delegateArm', `/api/v1/documents/${restricted}`)).statusCode).toBe(200);
    expect(
      (await get('delegateArm', `/api/v1/documents/${restricted}/versions/1`)).statusCode,
    ).toBe(200);
    expect((await get('delegateArm', `/api/v1/documents/${restricted}/versions`)).statusCode).toBe(
      200,
    );
    const file = await get('delegateArm', `/api/v1/files/${sha}`);
    expect(file.statusCode).toBe(200);

    const events = await readEvents();
    expect(events.map((e) => [e.entityType, e.actorId])).toEqual([
      ['document', t.userIds.delegateArm],
      ['document_version', t.userIds.delegateArm],
      ['document', t.userIds.delegateArm],
      ['file', t.userIds.delegateArm],
    ]);
    expect(events[0]?.entityId).toBe(restricted);
    expect(JSON.parse(events[1]?.change ?? 'null')).toMatchObject({
      documentId: restricted,
      number: 1,
    });
    expect(events[3]?.entityId).toBe(sha);
    expect(JSON.parse(events[3]?.change ?? 'null')).toEqual({ documentId: restricted });

    // Internal items, and a caller who may not read the restricted one (404), leave no trace.
    expect((await get('observer', `/api/v1/documents/${internal}`)).statusCode).toBe(200);
    expect((await get('observer', `/api/v1/documents/${internal}/versions/1`)).statusCode).toBe(
      200,
    );
    expect((await get('observer', `/api/v1/files/${internalSha}`)).statusCode).toBe(200);
    expect((await get('delegateBlr', `/api/v1/documents/${restricted}`)).statusCode).toBe(404);
    expect((await readEvents()).length).toBe(events.length);
    // The audit chain stays whole.
    const verify = await get('admin', '/api/v1/audit-events/verify');
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('lists read events for the admin with the action filter', async () => {
    const res = await get('admin', '/api/v1/audit-events?action=read');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { action: string; entityType: string }[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((e) => e.action === 'read')).toBe(true);
    const creates = await get('admin', '/api/v1/audit-events?action=create');
    expect((creates.json().items as { action: string }[]).every((e) => e.action === 'create')).toBe(
      true,
    );
    expect((await get('secretariat', '/api/v1/audit-events?action=read')).statusCode).toBe(403);
  });

  it('does not send read events to live streams', async () => {
    const stream = await SseClient.open(`${base}/api/v1/events`, {
      authorization: `Bearer ${t.tokens.secretariat}`,
    });
    try {
      await stream.ready();
      expect((await get('secretariat', `/api/v1/documents/${restricted}`)).statusCode).toBe(200);
      const patched = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/documents/${restricted}`,
        payload: { title: { en: 'Renamed' } },
      });
      expect(patched.statusCode).toBe(200);
      // The change after the read arrives; the read before it never does.
      await stream.waitForChange(restricted, 'update');
      expect(stream.changes().filter((c) => c.action === 'read')).toEqual([]);
      expect((await readEvents()).at(-1)?.actorId).toBe(t.userIds.secretariat);
    } finally {
      stream.close();
    }
  });
});
