import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody } from '../../../test/factories.ts';
import { type NotificationEvent, notify } from './notify.ts';
import { addDocument, addUser } from './test-support.ts';

describe(`notifications (${DIALECT})`, () => {
  let t: TestApp;
  let council: string;
  let otherBody: string;
  let ruArm: { id: string; token: string };
  let inactiveArm: { id: string; token: string };
  let councilObserver: { id: string; token: string };

  const asToken = (token: string, opts: InjectOptions) =>
    t.app.inject({
      ...opts,
      headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` },
    });

  const event = (o: Partial<NotificationEvent> = {}): NotificationEvent => ({
    kind: 'decision_assigned',
    dedupeKey: `test:${Math.random()}`,
    audience: { memberStates: ['ARM'] },
    entity: { type: 'decision', id: 'd1' },
    params: {
      number: '21/3',
      'decision.en': 'On cooperation',
      'decision.ru': 'О сотрудничестве',
      'assignee.en': 'Armenia',
      'assignee.ru': 'Армения',
      dueDate: '2027-03-01',
    },
    link: '/app/decisions/d1',
    ...o,
  });

  const send = (e: NotificationEvent) => t.handle.db.transaction().execute((trx) => notify(trx, e));

  const inboxOf = async (caller: 'delegateArm' | 'delegateBlr' | 'secretariat' | 'observer') =>
    (await t.as(caller, { method: 'GET', url: '/api/v1/notifications?limit=200' })).json()
      .items as { id: string; kind: string; title: string; body: string; link: string }[];

  const countRows = async (table: 'notifications' | 'mailOutbox') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    council = await insertBody(t.handle.db, { slug: 'council', name: 'Council', kind: 'council' });
    otherBody = await insertBody(t.handle.db, { slug: 'other', name: 'Other' });
    ruArm = await addUser(t, {
      email: 'ru-arm@example.org',
      role: 'delegate',
      memberState: 'ARM',
      language: 'ru',
    });
    inactiveArm = await addUser(t, {
      email: 'gone-arm@example.org',
      role: 'delegate',
      memberState: 'ARM',
      active: false,
    });
    councilObserver = await addUser(t, {
      email: 'council@example.org',
      role: 'observer',
      bodyIds: [council],
    });
  });
  afterAll(async () => t.close());

  describe('recipients and language', () => {
    it('reaches the active delegates of the named state, each in its own language', async () => {
      const e = event();
      await send(e);
      const rows = await t.handle.db
        .selectFrom('notifications')
        .select('userId')
        .where('dedupeKey', '=', e.dedupeKey)
        .execute();
      expect(rows.map((r) => r.userId).sort()).toEqual([t.userIds.delegateArm, ruArm.id].sort());
      expect(rows.map((r) => r.userId)).not.toContain(inactiveArm.id);

      const en = (await inboxOf('delegateArm'))[0];
      expect(en).toMatchObject({
        kind: 'decision_assigned',
        title: 'Decision 21/3 assigned to Armenia',
        link: '/app/decisions/d1',
      });
      expect(en?.body).toContain('Report on it by 1 March 2027.');
      const ru = (
        await asToken(ruArm.token, { method: 'GET', url: '/api/v1/notifications' })
      ).json().items[0];
      expect(ru.title).toBe('Решение 21/3 поручено: Армения');
      expect(ru.body).toContain('«О сотрудничестве»');
      expect(ru.body).toContain('1 марта 2027 года.');
      expect(ru.body).not.toContain('..');
      expect(await inboxOf('delegateBlr')).toEqual([]);
    });

    it('follows the profile language when it changes', async () => {
      const changed = await t.as('delegateBlr', {
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { language: 'ru' },
      });
      expect(changed.statusCode).toBe(200);
      await send(event({ audience: { memberStates: ['BLR'] } }));
      expect((await inboxOf('delegateBlr'))[0]?.title).toBe('Решение 21/3 поручено: Армения');
      await t.as('delegateBlr', {
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { language: 'en' },
      });
      expect((await inboxOf('delegateBlr'))[0]?.title).toBe('Decision 21/3 assigned to Armenia');
    });

    it('reaches users of the named bodies, roles and ids, and nobody else', async () => {
      const byBody = event({ audience: { bodyIds: [council] } });
      await send(byBody);
      const byRole = event({ audience: { roles: ['secretariat'] } });
      await send(byRole);
      const byId = event({ audience: { userIds: [t.userIds.observer] } });
      await send(byId);
      const none = event({ audience: { bodyIds: [otherBody] } });
      await send(none);
      const who = async (key: string) =>
        (
          await t.handle.db
            .selectFrom('notifications')
            .select('userId')
            .where('dedupeKey', '=', key)
            .execute()
        ).map((r) => r.userId);
      expect(await who(byBody.dedupeKey)).toEqual([councilObserver.id]);
      expect(await who(byRole.dedupeKey)).toEqual([t.userIds.secretariat]);
      expect(await who(byId.dedupeKey)).toEqual([t.userIds.observer]);
      expect(await who(none.dedupeKey)).toEqual([]);
    });

    it('does not tell a recipient of a document it may not read', async () => {
      const restricted = await addDocument(t.handle.db, {
        bodyId: council,
        title: { en: 'Restricted draft' },
        classification: 'restricted',
        accessList: { memberStates: ['BLR'], bodyIds: [] },
      });
      const e = event({
        kind: 'consultation_opened',
        audience: { memberStates: ['ARM', 'BLR'], roles: ['observer'] },
        entity: { type: 'document', id: restricted.documentId },
        params: { 'document.en': 'Restricted draft', round: '1', deadline: daysFromToday(10) },
      });
      await send(e);
      const rows = await t.handle.db
        .selectFrom('notifications')
        .select('userId')
        .where('dedupeKey', '=', e.dedupeKey)
        .execute();
      expect(rows.map((r) => r.userId)).toEqual([t.userIds.delegateBlr]);

      const missing = event({ entity: { type: 'consultation', id: 'no-such-consultation' } });
      await send(missing);
      expect(
        await t.handle.db
          .selectFrom('notifications')
          .select('id')
          .where('dedupeKey', '=', missing.dedupeKey)
          .execute(),
      ).toEqual([]);
    });

    it('adds nothing when the same event is notified again', async () => {
      const e = event({ audience: { memberStates: ['ARM'], roles: ['secretariat'] } });
      await send(e);
      const notifications = await countRows('notifications');
      const mails = await countRows('mailOutbox');
      await send(e);
      await send({ ...e, params: { number: '99/9' } });
      expect(await countRows('notifications')).toBe(notifications);
      expect(await countRows('mailOutbox')).toBe(mails);
    });

    it('leaves no notification when the writing transaction rolls back', async () => {
      const e = event();
      await expect(
        t.handle.db.transaction().execute(async (trx) => {
          await notify(trx, e);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const rows = await t.handle.db
        .selectFrom('notifications')
        .select('id')
        .where('dedupeKey', '=', e.dedupeKey)
        .execute();
      expect(rows).toEqual([]);
    });
  });

  describe('inbox', () => {
    it('lists the caller’s own notifications newest first, page by page', async () => {
      const keys = ['page-1', 'page-2', 'page-3'];
      for (const key of keys) {
        await send(event({ dedupeKey: key, audience: { userIds: [t.userIds.observer] } }));
      }
      const first = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/notifications?limit=2',
      });
      expect(first.statusCode).toBe(200);
      const page1 = first.json();
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).toEqual(expect.any(String));
      const second = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/notifications?limit=2&cursor=${page1.nextCursor}`,
      });
      const all = [...page1.items, ...second.json().items];
      const ids = all.map((n: { id: string }) => n.id);
      expect([...ids].sort().reverse()).toEqual(ids);
      const dedupe = await t.handle.db
        .selectFrom('notifications')
        .select(['id', 'dedupeKey'])
        .where('userId', '=', t.userIds.observer)
        .orderBy('id', 'desc')
        .execute();
      expect(ids).toEqual(dedupe.map((r) => r.id));
      expect(dedupe.slice(0, 3).map((r) => r.dedupeKey)).toEqual(['page-3', 'page-2', 'page-1']);
    });

    it('counts unread, marks one and all read, and filters unread', async () => {
      const count = async () =>
        (
          await t.as('observer', { method: 'GET', url: '/api/v1/notifications/unread-count' })
        ).json().count as number;
      const before = await count();
      expect(before).toBeGreaterThanOrEqual(3);
      const [newest] = await inboxOf('observer');
      const read = await t.as('observer', {
        method: 'POST',
        url: `/api/v1/notifications/${newest?.id}/read`,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().readAt).toEqual(expect.any(String));
      expect(await count()).toBe(before - 1);
      const again = await t.as('observer', {
        method: 'POST',
        url: `/api/v1/notifications/${newest?.id}/read`,
      });
      expect(again.json().readAt).toBe(read.json().readAt);
      const unread = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/notifications?unread=true&limit=200',
      });
      expect(unread.json().items.map((n: { id: string }) => n.id)).not.toContain(newest?.id);
      expect(unread.json().items).toHaveLength(before - 1);

      const all = await t.as('observer', { method: 'POST', url: '/api/v1/notifications/read-all' });
      expect(all.statusCode).toBe(200);
      expect(all.json()).toEqual({ marked: before - 1 });
      expect(await count()).toBe(0);
    });

    it('answers 404 for another user’s notification and changes nothing', async () => {
      const [mine] = await inboxOf('delegateArm');
      const res = await t.as('delegateBlr', {
        method: 'POST',
        url: `/api/v1/notifications/${mine?.id}/read`,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().detail).toBe('No such notification.');
      const row = await t.handle.db
        .selectFrom('notifications')
        .select('readAt')
        .where('id', '=', mine?.id as string)
        .executeTakeFirstOrThrow();
      expect(row.readAt).toBeNull();
      const ru = await t.as('delegateBlr', {
        method: 'POST',
        url: `/api/v1/notifications/${mine?.id}/read`,
        headers: { 'accept-language': 'ru' },
      });
      expect(ru.json().detail).toBe('Такого уведомления нет.');
    });

    it('requires a signed-in caller', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/notifications'],
        ['GET', '/api/v1/notifications/unread-count'],
        ['POST', '/api/v1/notifications/read-all'],
        ['GET', '/api/v1/notifications/preferences'],
        ['GET', '/api/v1/me/waiting'],
      ] as const) {
        const res = await t.as('anonymous', { method, url });
        expect(res.statusCode, url).toBe(401);
      }
    });

    it('refuses bad list parameters', async () => {
      const big = await t.as('observer', { method: 'GET', url: '/api/v1/notifications?limit=500' });
      expect(big.statusCode).toBe(400);
      expect(big.json().errors[0].path).toBe('query.limit');
      const cursor = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/notifications?cursor=not-a-cursor',
      });
      expect(cursor.statusCode).toBe(400);
      expect(cursor.json().errors).toEqual([
        { path: 'query.cursor', message: 'Not a cursor from this list; start again without it.' },
      ]);
      const unread = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/notifications?unread=yes',
      });
      expect(unread.statusCode).toBe(400);
      const longId = await t.as('observer', {
        method: 'POST',
        url: `/api/v1/notifications/${'x'.repeat(65)}/read`,
      });
      expect(longId.statusCode).toBe(400);
    });
  });

  describe('preferences', () => {
    it('starts at immediate mail and keeps a choice with its version', async () => {
      const first = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/notifications/preferences',
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ mail: 'immediate', version: 0 });
      expect(first.headers.etag).toBe('"0"');
      const put = await t.as('delegateArm', {
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers: { 'if-match': '"0"' },
        payload: { mail: 'daily_digest' },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ mail: 'daily_digest', version: 1 });
      expect(put.headers.etag).toBe('"1"');
      const other = await t.as('delegateBlr', {
        method: 'GET',
        url: '/api/v1/notifications/preferences',
      });
      expect(other.json().mail).toBe('immediate');
    });

    it('answers 412 to a stale If-Match and changes nothing', async () => {
      const res = await t.as('delegateArm', {
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers: { 'if-match': '"0"' },
        payload: { mail: 'none' },
      });
      expect(res.statusCode).toBe(412);
      const now = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/notifications/preferences',
      });
      expect(now.json()).toEqual({ mail: 'daily_digest', version: 1 });
    });

    it('refuses hostile input and changes nothing', async () => {
      for (const payload of [
        { mail: 'weekly' },
        { mail: 1 },
        { mail: 'none', extra: true },
        { mail: 'x'.repeat(100_000) },
        { mail: 'none\u0000' },
        {},
      ]) {
        const res = await t.as('delegateArm', {
          method: 'PUT',
          url: '/api/v1/notifications/preferences',
          payload,
        });
        expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      const now = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/notifications/preferences',
      });
      expect(now.json()).toEqual({ mail: 'daily_digest', version: 1 });
    });

    it('decides whether a new notification is mailed at once', async () => {
      const e = event({ audience: { memberStates: ['ARM'] } });
      await send(e);
      const mails = await t.handle.db
        .selectFrom('mailOutbox')
        .select('userId')
        .where('dedupeKey', 'like', `notification:%:${e.dedupeKey}`)
        .execute();
      // delegateArm chose the daily digest; the Russian delegate still gets mail at once.
      expect(mails.map((m) => m.userId)).toEqual([ruArm.id]);
      const mode = await t.handle.db
        .selectFrom('notifications')
        .select('mail')
        .where('dedupeKey', '=', e.dedupeKey)
        .where('userId', '=', t.userIds.delegateArm)
        .executeTakeFirstOrThrow();
      expect(mode.mail).toBe('daily_digest');
    });

    it('queues no mail for a user who chose none, but still notifies it in the app', async () => {
      const put = await t.as('observer', {
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        payload: { mail: 'none' },
      });
      expect(put.json()).toEqual({ mail: 'none', version: 1 });
      const e = event({ audience: { userIds: [t.userIds.observer] } });
      await send(e);
      const mails = await t.handle.db
        .selectFrom('mailOutbox')
        .select('id')
        .where('dedupeKey', 'like', `notification:%:${e.dedupeKey}`)
        .execute();
      expect(mails).toEqual([]);
      expect((await inboxOf('observer'))[0]?.kind).toBe('decision_assigned');
    });
  });

  describe('events of the decisions area', () => {
    it('tells the assigned state of a new assignment and the secretariat of a delegate’s report', async () => {
      const decision = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/decisions',
        payload: {
          bodyId: council,
          number: 'C/1',
          adoptedOn: '2026-01-15',
          title: { en: 'On the joint programme', ru: 'О совместной программе' },
          text: { en: 'Text.' },
        },
      });
      expect(decision.statusCode).toBe(201);
      const decisionId = decision.json().id;
      const assignment = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/assignments`,
        payload: { memberState: 'BLR', dueDate: '2027-06-30' },
      });
      expect(assignment.statusCode).toBe(201);
      const [assigned] = await inboxOf('delegateBlr');
      expect(assigned).toMatchObject({
        kind: 'decision_assigned',
        title: 'Decision C/1 assigned to State BLR',
        link: `/app/decisions/${decisionId}`,
      });
      expect((await inboxOf('delegateArm')).map((n) => n.link)).not.toContain(
        `/app/decisions/${decisionId}`,
      );

      const before = (await inboxOf('secretariat')).length;
      const report = await t.as('delegateBlr', {
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/reports`,
        payload: {
          assignmentId: assignment.json().id,
          status: 'in_progress',
          text: { en: 'Under way.' },
        },
      });
      expect(report.statusCode).toBe(201);
      const after = await inboxOf('secretariat');
      expect(after).toHaveLength(before + 1);
      expect(after[0]).toMatchObject({
        kind: 'report_submitted',
        title: 'Report on decision C/1 from State BLR',
      });
      expect(after[0]?.body).toContain(': in progress.');

      const own = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/reports`,
        payload: { assignmentId: assignment.json().id, status: 'implemented', text: null },
      });
      expect(own.statusCode).toBe(201);
      expect(await inboxOf('secretariat')).toHaveLength(before + 1);
    });
  });
});
