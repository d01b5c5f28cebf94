import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody } from '../../../test/factories.ts';
import { runReminders } from './reminders.ts';
import { addComment, addConsultation, addDocument, addUser, setPosition } from './test-support.ts';

describe(`reminders and waiting for me (${DIALECT})`, () => {
  let t: TestApp;
  let ruArm: { id: string; token: string };
  const c: Record<'soon' | 'past' | 'far' | 'secret' | 'closed', string> = {
    soon: '',
    past: '',
    far: '',
    secret: '',
    closed: '',
  };
  const k: Record<'open' | 'resolved' | 'past', string> = { open: '', resolved: '', past: '' };
  const a: Record<'overdue' | 'later' | 'undated' | 'done' | 'blr', string> = {
    overdue: '',
    later: '',
    undated: '',
    done: '',
    blr: '',
  };

  const remindersOf = async (userId: string) =>
    (
      await t.handle.db
        .selectFrom('notifications')
        .select(['kind', 'entityId', 'dedupeKey'])
        .where('userId', '=', userId)
        .where('kind', 'in', ['consultation_deadline_soon', 'consultation_deadline_passed'])
        .orderBy('entityId')
        .orderBy('kind')
        .execute()
    ).map((r) => `${r.kind}:${r.entityId}`);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    const body = await insertBody(db, { slug: 'council', name: 'Council', kind: 'council' });
    ruArm = await addUser(t, {
      email: 'ru-arm@example.org',
      role: 'delegate',
      memberState: 'ARM',
      language: 'ru',
    });
    const round = async (
      title: string,
      deadline: string,
      states: string[],
      o: { restrictedTo?: string[]; status?: 'open' | 'closed'; silence?: boolean } = {},
    ) => {
      const doc = await addDocument(db, {
        bodyId: body,
        title: { en: title, ru: `Документ ${title}` },
        classification: o.restrictedTo ? 'restricted' : 'internal',
        accessList: o.restrictedTo ? { memberStates: o.restrictedTo, bodyIds: [] } : null,
      });
      return addConsultation(db, {
        documentId: doc.documentId,
        versionId: doc.versionId,
        deadline,
        states,
        ...(o.status ? { status: o.status } : {}),
        ...(o.silence ? { silenceProcedure: true } : {}),
      });
    };
    c.soon = await round('Soon', daysFromToday(2), ['ARM', 'BLR', 'KAZ']);
    c.past = await round('Past', daysFromToday(-2), ['ARM', 'KAZ'], { silence: true });
    c.far = await round('Far', daysFromToday(20), ['ARM']);
    c.secret = await round('Secret', daysFromToday(1), ['ARM', 'BLR'], { restrictedTo: ['BLR'] });
    c.closed = await round('Closed', daysFromToday(-10), ['ARM'], { status: 'closed' });
    await setPosition(db, c.soon, 'BLR', 'concur');
    k.open = await addComment(db, {
      consultationId: c.soon,
      memberState: 'BLR',
      number: 1,
      clause: 'clause 1',
    });
    k.resolved = await addComment(db, {
      consultationId: c.soon,
      memberState: 'BLR',
      number: 2,
      clause: 'clause 2',
      resolution: 'accepted',
    });
    k.past = await addComment(db, {
      consultationId: c.past,
      memberState: 'KAZ',
      number: 1,
      clause: 'clause 9',
    });

    const decision = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: body,
        number: 'C/7',
        adoptedOn: '2026-01-10',
        title: { en: 'On standards', ru: 'О стандартах' },
        text: { en: 'Text.' },
      },
    });
    const assign = async (decisionId: string, memberState: string, dueDate: string | null) =>
      (
        await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/decisions/${decisionId}/assignments`,
          payload: { memberState, dueDate },
        })
      ).json().id as string;
    const more = async (number: string) =>
      (
        await t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/decisions',
          payload: {
            bodyId: body,
            number,
            adoptedOn: '2026-01-10',
            title: { en: `Decision ${number}` },
            text: { en: 'Text.' },
          },
        })
      ).json().id as string;
    a.overdue = await assign(decision.json().id, 'ARM', daysFromToday(-5));
    a.blr = await assign(decision.json().id, 'BLR', daysFromToday(-3));
    const second = await more('C/8');
    a.later = await assign(second, 'ARM', daysFromToday(10));
    const third = await more('C/9');
    a.undated = await assign(third, 'ARM', null);
    const fourth = await more('C/10');
    a.done = await assign(fourth, 'ARM', daysFromToday(-30));
    const report = await t.as('delegateArm', {
      method: 'POST',
      url: `/api/v1/decisions/${fourth}/reports`,
      payload: { assignmentId: a.done, status: 'implemented', text: { en: 'Done.' } },
    });
    expect(report.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  describe('deadline reminders', () => {
    it('reminds a silent invited state three days ahead and after the deadline', async () => {
      await runReminders(t.handle.db, new Date());
      // Not the far round (20 days), the closed one, nor the restricted one ARM may not read.
      expect((await remindersOf(t.userIds.delegateArm)).sort()).toEqual(
        [`consultation_deadline_soon:${c.soon}`, `consultation_deadline_passed:${c.past}`].sort(),
      );
      // BLR concurred in the round closing soon; the restricted round names BLR.
      expect(await remindersOf(t.userIds.delegateBlr)).toEqual([
        `consultation_deadline_soon:${c.secret}`,
      ]);
      expect(await remindersOf(t.userIds.observer)).toEqual([]);
      expect(await remindersOf(t.userIds.secretariat)).toEqual([]);
    });

    it('writes reminders in the recipient’s language, with the silence procedure', async () => {
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/notifications?limit=200',
        headers: { authorization: `Bearer ${ruArm.token}` },
      });
      const passed = list
        .json()
        .items.find((n: { kind: string }) => n.kind === 'consultation_deadline_passed');
      expect(passed.title).toBe('Срок истёк: Документ Past');
      expect(passed.body).toContain('По процедуре умолчания это считается согласием.');
      expect(passed.link).toBe(`/app/consultations/${c.past}`);
    });

    it('adds nothing when run again', async () => {
      const count = async () =>
        Number(
          (
            await t.handle.db
              .selectFrom('notifications')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const mails = async () =>
        Number(
          (
            await t.handle.db
              .selectFrom('mailOutbox')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = [await count(), await mails()];
      await runReminders(t.handle.db, new Date());
      await runReminders(t.handle.db, new Date());
      expect([await count(), await mails()]).toEqual(before);
    });

    it('does not remind a state that has answered', async () => {
      await setPosition(t.handle.db, c.far, 'ARM', 'object');
      await runReminders(t.handle.db, new Date(Date.now() + 19 * 86_400_000));
      const far = (await remindersOf(t.userIds.delegateArm)).filter((r) => r.endsWith(c.far));
      expect(far).toEqual([]);
      await t.handle.db
        .updateTable('consultationStates')
        .set({ position: null, positionAt: null })
        .where('consultationId', '=', c.far)
        .execute();
    });
  });

  describe('waiting for me', () => {
    it('gives a delegate its state’s open assignments and unanswered rounds, deadlines first', async () => {
      const res = await t.as('delegateArm', { method: 'GET', url: '/api/v1/me/waiting' });
      expect(res.statusCode).toBe(200);
      const w = res.json();
      expect(w.assignments.items.map((x: { assignmentId: string }) => x.assignmentId)).toEqual([
        a.overdue,
        a.later,
        a.undated,
      ]);
      expect(w.assignments.total).toBe(3);
      expect(w.assignments.items[0]).toMatchObject({
        number: 'C/7',
        title: { en: 'On standards', ru: 'О стандартах' },
        overdue: true,
        memberState: 'ARM',
      });
      expect(w.assignments.items[2]).toMatchObject({ dueDate: null, overdue: false });
      expect(w.overdueAssignments).toBe(1);
      expect(
        w.consultations.items.map((x: { consultationId: string }) => x.consultationId),
      ).toEqual([c.past, c.soon, c.far]);
      expect(w.consultations.items[0]).toMatchObject({
        overdue: true,
        silenceProcedure: true,
        unanswered: 2,
        title: { en: 'Past' },
      });
      expect(w.consultations.items[1]).toMatchObject({ overdue: false, unanswered: 2 });
      expect(w.comments).toEqual({ items: [], total: 0 });
    });

    it('hides from a delegate what its state may not read', async () => {
      const arm = (await t.as('delegateArm', { method: 'GET', url: '/api/v1/me/waiting' })).json();
      expect(
        arm.consultations.items.map((x: { consultationId: string }) => x.consultationId),
      ).not.toContain(c.secret);
      const blr = (await t.as('delegateBlr', { method: 'GET', url: '/api/v1/me/waiting' })).json();
      expect(
        blr.consultations.items.map((x: { consultationId: string }) => x.consultationId),
      ).toEqual([c.secret]);
      expect(blr.assignments.items.map((x: { assignmentId: string }) => x.assignmentId)).toEqual([
        a.blr,
      ]);
    });

    it('gives the secretariat unresolved comments, overdue rounds and the overdue count', async () => {
      for (const caller of ['secretariat', 'admin'] as const) {
        const w = (await t.as(caller, { method: 'GET', url: '/api/v1/me/waiting' })).json();
        expect(w.assignments).toEqual({ items: [], total: 0 });
        expect(
          w.consultations.items.map((x: { consultationId: string }) => x.consultationId),
        ).toEqual([c.past]);
        expect(w.comments.items.map((x: { commentId: string }) => x.commentId)).toEqual([
          k.past,
          k.open,
        ]);
        expect(w.comments.items[0]).toMatchObject({
          memberState: 'KAZ',
          clause: 'clause 9',
          consultationId: c.past,
          link: `/app/consultations/${c.past}`,
        });
        expect(w.comments.total).toBe(2);
        expect(w.overdueAssignments).toBe(2);
      }
    });

    it('gives an observer nothing to do', async () => {
      const res = await t.as('observer', { method: 'GET', url: '/api/v1/me/waiting' });
      expect(res.json()).toEqual({
        assignments: { items: [], total: 0 },
        consultations: { items: [], total: 0 },
        comments: { items: [], total: 0 },
        overdueAssignments: 0,
      });
    });
  });
});
