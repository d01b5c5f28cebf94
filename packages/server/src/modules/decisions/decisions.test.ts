import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

describe(`decisions (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;
  let council: string;
  let m20: string;
  let m21: string;
  let councilMeeting: string;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    council = await insertBody(t.handle.db, { slug: 'council', name: 'Council', kind: 'council' });
    m20 = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 20,
      startDate: '2022-10-20',
      status: 'held',
    });
    m21 = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 21,
      startDate: '2023-04-27',
      status: 'announced',
    });
    councilMeeting = await insertMeeting(t.handle.db, {
      bodyId: council,
      number: 5,
      startDate: '2023-04-26',
    });
  });
  afterAll(async () => t.close());

  const create = (
    body: Record<string, unknown>,
    caller: 'secretariat' | 'delegateArm' | 'anonymous' = 'secretariat',
  ) =>
    t.as(caller, {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { bodyId: commission, title: { en: 'A decision' }, text: { en: 'Text.' }, ...body },
    });

  describe('numbering', () => {
    it('numbers decisions of a meeting meeting/ordinal in order', async () => {
      const numbers = [];
      for (let i = 0; i < 3; i++) {
        const res = await create({ meetingId: m20 });
        expect(res.statusCode).toBe(201);
        expect(res.headers.location).toBe(`/api/v1/decisions/${res.json().id}`);
        numbers.push(res.json().number);
      }
      expect(numbers).toEqual(['20/1', '20/2', '20/3']);
      const first = await create({ meetingId: m20 });
      expect(first.json()).toMatchObject({
        adoptedOn: '2022-10-20',
        kind: 'decision',
        status: 'in_progress',
      });
    });

    it('gives concurrent creations distinct numbers without gaps', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => create({ meetingId: m21 })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      const numbers = results
        .map((r) => r.json().number)
        .sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]));
      expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `21/${i + 1}`));
    });

    it('needs a number outside a meeting and refuses a duplicate', async () => {
      const none = await create({});
      expect(none.statusCode).toBe(400);
      expect(none.json().errors).toEqual([
        { path: 'number', message: 'Give the number of a decision adopted outside a meeting.' },
      ]);
      const ru = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/decisions',
        headers: { 'accept-language': 'ru' },
        payload: { bodyId: commission, title: { ru: 'Решение' }, text: { ru: 'Текст' } },
      });
      expect(ru.json()).toMatchObject({
        detail: 'В запросе есть ошибки в полях.',
        errors: [{ path: 'number', message: 'Укажите номер решения, принятого вне заседания.' }],
      });
      const ok = await create({ number: 'WP-1', adoptedOn: '2023-01-10' });
      expect(ok.statusCode).toBe(201);
      const dup = await create({ number: 'WP-1', adoptedOn: '2023-01-11' });
      expect(dup.statusCode).toBe(409);
    });

    it('refuses a meeting of another body and an unknown body', async () => {
      const other = await create({ meetingId: councilMeeting });
      expect(other.statusCode).toBe(400);
      expect(other.json().errors[0].path).toBe('meetingId');
      const unknown = await create({ bodyId: 'nope', number: 'X', adoptedOn: '2023-01-01' });
      expect(unknown.json().errors[0].path).toBe('bodyId');
    });

    it('only the secretariat records decisions', async () => {
      expect((await create({ meetingId: m21 }, 'anonymous')).statusCode).toBe(401);
      expect((await create({ meetingId: m21 }, 'delegateArm')).statusCode).toBe(403);
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/decisions' })).statusCode,
      ).toBe(401);
    });
  });

  it('renders Markdown safely: no raw HTML, no script links', async () => {
    const res = await create({
      meetingId: m21,
      text: {
        en: '**Bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
        ru: '*Курсив*',
      },
    });
    const html = res.json().textHtml;
    expect(html.en).toContain('<strong>Bold</strong>');
    expect(html.en).not.toContain('<script');
    expect(html.en).not.toContain('<img');
    expect(html.en).not.toMatch(/href="javascript:/);
    expect(html.ru).toContain('<em>Курсив</em>');
  });

  it('keeps supersede and cancel links on both sides and closes the earlier decision', async () => {
    const old = (await create({ meetingId: m20 })).json();
    const older = (await create({ meetingId: m20 })).json();
    const next = await create({
      meetingId: m21,
      relations: [
        { kind: 'supersedes', decisionId: old.id },
        { kind: 'amends', decisionId: older.id },
      ],
    });
    expect(next.statusCode).toBe(201);
    expect(next.json().relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'supersedes',
          direction: 'outgoing',
          decisionId: old.id,
          number: old.number,
        }),
        expect.objectContaining({ kind: 'amends', direction: 'outgoing', decisionId: older.id }),
      ]),
    );
    const oldNow = (
      await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${old.id}` })
    ).json();
    expect(oldNow.status).toBe('superseded');
    expect(oldNow.relations).toEqual([
      expect.objectContaining({
        kind: 'supersedes',
        direction: 'incoming',
        decisionId: next.json().id,
      }),
    ]);
    expect(
      (await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${older.id}` })).json()
        .status,
    ).toBe('in_progress');
    const cancel = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/decisions/${older.id}/relations`,
      payload: { kind: 'cancels', decisionId: old.id },
    });
    expect(cancel.statusCode).toBe(409);
  });

  describe('assignments, reports and the derived status', () => {
    let decision: { id: string };
    let arm: { id: string };
    let blr: { id: string };
    let body: { id: string };

    beforeAll(async () => {
      decision = (await create({ meetingId: m21, title: { en: 'On standardization' } })).json();
      const assign = (payload: Record<string, unknown>) =>
        t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/decisions/${decision.id}/assignments`,
          payload,
        });
      arm = (await assign({ memberState: 'ARM', dueDate: daysFromToday(30) })).json();
      blr = (await assign({ memberState: 'BLR', dueDate: daysFromToday(60) })).json();
      body = (await assign({ bodyId: council, dueDate: daysFromToday(90) })).json();
    });

    const report = (caller: Parameters<TestApp['as']>[0], payload: Record<string, unknown>) =>
      t.as(caller, { method: 'POST', url: `/api/v1/decisions/${decision.id}/reports`, payload });
    const status = async (id = decision.id) =>
      (await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${id}` })).json().status;

    it('refuses an assignment to both or neither, and a second one to the same state', async () => {
      const both = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${decision.id}/assignments`,
        payload: { memberState: 'KAZ', bodyId: council },
      });
      expect(both.statusCode).toBe(400);
      const again = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${decision.id}/assignments`,
        payload: { memberState: 'ARM' },
      });
      expect(again.statusCode).toBe(409);
    });

    it('lets a delegate report only for its own state', async () => {
      const own = await report('delegateArm', {
        assignmentId: arm.id,
        status: 'in_progress',
        text: { ru: 'Идёт работа' },
      });
      expect(own.statusCode).toBe(201);
      expect(own.json()).toMatchObject({
        status: 'in_progress',
        reportedBy: { name: 'delegateArm' },
      });
      const other = await report('delegateArm', { assignmentId: blr.id, status: 'implemented' });
      expect(other.statusCode).toBe(403);
      const forBody = await report('delegateArm', { assignmentId: body.id, status: 'implemented' });
      expect(forBody.statusCode).toBe(403);
      expect(
        (await report('observer', { assignmentId: arm.id, status: 'implemented' })).statusCode,
      ).toBe(403);
      expect(
        (await report('anonymous', { assignmentId: arm.id, status: 'implemented' })).statusCode,
      ).toBe(401);
      const future = await report('delegateArm', {
        assignmentId: arm.id,
        status: 'implemented',
        reportedOn: daysFromToday(3),
      });
      expect(future.statusCode).toBe(400);
      const blrNow = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/decisions/${decision.id}/assignments/${blr.id}`,
      });
      expect(blrNow.json()).toMatchObject({ status: 'pending', latestReport: null });
    });

    it('keeps every report; the assignment shows the latest', async () => {
      await report('delegateArm', {
        assignmentId: arm.id,
        status: 'implemented',
        text: { en: 'Done' },
      });
      const reports = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/decisions/${decision.id}/reports?assignmentId=${arm.id}`,
      });
      expect(reports.json().items.map((r: { status: string }) => r.status)).toEqual([
        'implemented',
        'in_progress',
      ]);
      const a = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/decisions/${decision.id}/assignments/${arm.id}`,
      });
      expect(a.json()).toMatchObject({
        status: 'implemented',
        latestReport: { status: 'implemented', text: { en: 'Done' } },
      });
    });

    it('is in_progress while an assignment is open and not past due', async () => {
      expect(await status()).toBe('in_progress');
    });

    it('is implemented when every assignment is implemented or not applicable', async () => {
      await report('delegateBlr', { assignmentId: blr.id, status: 'not_applicable' });
      expect(await status()).toBe('in_progress');
      await report('secretariat', { assignmentId: body.id, status: 'implemented' });
      expect(await status()).toBe('implemented');
    });

    it('is overdue when an open assignment is past due, including one reported not implemented', async () => {
      const late = (await create({ meetingId: m21 })).json();
      const a = (
        await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/decisions/${late.id}/assignments`,
          payload: { memberState: 'KAZ', dueDate: daysFromToday(-1) },
        })
      ).json();
      expect(a.overdue).toBe(true);
      expect(await status(late.id)).toBe('overdue');
      await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${late.id}/reports`,
        payload: { assignmentId: a.id, status: 'not_implemented' },
      });
      expect(await status(late.id)).toBe('overdue');
      await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/decisions/${late.id}/assignments/${a.id}`,
        payload: { dueDate: daysFromToday(10) },
      });
      expect(await status(late.id)).toBe('in_progress');
    });

    it('filters, counts and sorts by the same derived status', async () => {
      // One decision of every status: an overdue one beside the others of this describe.
      const late = (await create({ meetingId: m21 })).json();
      await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${late.id}/assignments`,
        payload: { memberState: 'TJK', dueDate: daysFromToday(-3) },
      });
      const list = async (query: string) =>
        (
          await t.as('observer', { method: 'GET', url: `/api/v1/decisions?limit=200&${query}` })
        ).json().items;
      const implemented = await list('status=implemented');
      expect(implemented.map((d: { id: string }) => d.id)).toEqual([decision.id]);
      expect(implemented.every((d: { status: string }) => d.status === 'implemented')).toBe(true);
      const counts = (
        await t.as('observer', { method: 'GET', url: '/api/v1/decisions/counts' })
      ).json();
      // The counts derive the status by ranges of stored columns (statusIs), the list and its
      // filter by the status expression: for every status they must agree.
      const everything = await list('');
      let counted = 0;
      for (const s of ['in_progress', 'overdue', 'implemented', 'cancelled', 'superseded']) {
        const ids = (await list(`status=${s}`)).map((d: { id: string }) => d.id).sort();
        const showing = everything
          .filter((d: { status: string }) => d.status === s)
          .map((d: { id: string }) => d.id)
          .sort();
        expect(ids, s).toEqual(showing);
        expect(counts.byStatus[s], s).toBe(ids.length);
        counted += ids.length;
      }
      expect(counted).toBe(everything.length);
      expect(counts.byStatus.superseded).toBe(1);
      expect(counts.byStatus.overdue).toBeGreaterThan(0);
      expect(counts.byStatus.in_progress).toBeGreaterThan(0);
      const pair = (await list('status=implemented,superseded')).map(
        (d: { status: string }) => d.status,
      );
      expect(new Set(pair)).toEqual(new Set(['implemented', 'superseded']));
      const armDecisions = await list('memberState=ARM');
      expect(armDecisions.map((d: { id: string }) => d.id)).toEqual([decision.id]);
      const dueSoon = await list(`dueFrom=${daysFromToday(50)}&dueTo=${daysFromToday(70)}`);
      expect(dueSoon.map((d: { id: string }) => d.id)).toEqual([decision.id]);
      const byDue = await list('sort=due&status=in_progress,overdue');
      const dues = byDue.map(
        (d: { assignments: { nextDueDate: string | null } }) => d.assignments.nextDueDate ?? '9999',
      );
      expect(dues).toEqual([...dues].sort());
      const bad = await t.as('observer', { method: 'GET', url: '/api/v1/decisions?status=done' });
      expect(bad.statusCode).toBe(400);
    });

    it('paginates the register with a cursor', async () => {
      const first = (
        await t.as('observer', { method: 'GET', url: '/api/v1/decisions?limit=5' })
      ).json();
      const second = (
        await t.as('observer', {
          method: 'GET',
          url: `/api/v1/decisions?limit=5&cursor=${first.nextCursor}`,
        })
      ).json();
      const ids = [...first.items, ...second.items].map((d: { id: string }) => d.id);
      expect(new Set(ids).size).toBe(10);
      const numbers = first.items.map((d: { number: string }) => d.number);
      expect(numbers[0]).toMatch(/^21\//);
    });

    it('lists a state’s open assignments earliest due first', async () => {
      const res = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/assignments?memberState=KAZ&open=true',
      });
      const items = res.json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(
        items.every(
          (a: { memberState: string; status: string }) =>
            a.memberState === 'KAZ' && a.status !== 'implemented',
        ),
      ).toBe(true);
      expect(items[0].decision).toMatchObject({ number: expect.stringMatching(/^21\//) });
    });

    it('refuses removing an assignment that has reports', async () => {
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/decisions/${decision.id}/assignments/${arm.id}`,
      });
      expect(res.statusCode).toBe(409);
    });
  });

  it('removes only the last decision of a meeting, with a stale If-Match refused', async () => {
    const meeting = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 30,
      startDate: '2030-01-01',
    });
    const a = (await create({ meetingId: meeting })).json();
    const b = (await create({ meetingId: meeting })).json();
    expect(
      (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/decisions/${a.id}` }))
        .statusCode,
    ).toBe(409);
    const stale = await t.as('secretariat', {
      method: 'DELETE',
      url: `/api/v1/decisions/${b.id}`,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(
      (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/decisions/${b.id}` }))
        .statusCode,
    ).toBe(204);
    const again = (await create({ meetingId: meeting })).json();
    expect(again.number).toBe('30/2');
  });

  it('updates with If-Match and records the change in the audit trail', async () => {
    const d = (await create({ meetingId: m21 })).json();
    const ok = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/decisions/${d.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: { en: 'Renamed', ru: 'Переименовано' } },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/decisions/${d.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: { en: 'Lost' } },
    });
    expect(stale.statusCode).toBe(412);
    const history = await t.as('secretariat', {
      method: 'GET',
      url: `/api/v1/audit-events?entityType=decision&entityId=${d.id}`,
    });
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('keeps long titles and texts whole, in the answer as stored', async () => {
    const title = { en: `On ${'cooperation '.repeat(70).trim()}` };
    const text = { en: 'A paragraph of the decision. '.repeat(400) };
    const created = await create({ meetingId: m20, title, text });
    expect(created.statusCode, created.body).toBe(201);
    const read = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/decisions/${created.json().id}`,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().title.en).toBe(title.en);
    expect(read.json().text.en).toBe(text.en.trim());
  });

  describe('history', () => {
    it('gathers the changes of the decision and of its assignments, newest first, with field diffs', async () => {
      const created = (await create({ meetingId: m20, title: { en: 'Before' } })).json();
      const as = (
        caller: 'secretariat' | 'delegateArm',
        method: string,
        url: string,
        payload?: unknown,
        version?: number,
      ) =>
        t.as(caller, {
          method: method as 'POST',
          url: `/api/v1${url}`,
          payload: payload as Record<string, unknown>,
          headers: version === undefined ? {} : { 'if-match': `"${version}"` },
        });
      const patched = await as(
        'secretariat',
        'PATCH',
        `/decisions/${created.id}`,
        { title: { en: 'After' } },
        created.version,
      );
      expect(patched.statusCode, patched.body).toBe(200);
      const arm = (
        await as('secretariat', 'POST', `/decisions/${created.id}/assignments`, {
          memberState: 'ARM',
          dueDate: '2030-01-01',
        })
      ).json();
      const blr = (
        await as('secretariat', 'POST', `/decisions/${created.id}/assignments`, {
          memberState: 'BLR',
        })
      ).json();
      expect(
        (
          await as('delegateArm', 'POST', `/decisions/${created.id}/reports`, {
            assignmentId: arm.id,
            status: 'in_progress',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await as(
            'secretariat',
            'DELETE',
            `/decisions/${created.id}/assignments/${blr.id}`,
            undefined,
            blr.version,
          )
        ).statusCode,
      ).toBe(204);

      const res = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/decisions/${created.id}/history`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as {
        action: string;
        entityType: string;
        actor: { name: string } | null;
        assignee: { memberState: string | null } | null;
        change: Record<string, unknown>;
      }[];
      expect(items.map((e) => [e.entityType, e.action, e.assignee?.memberState ?? null])).toEqual([
        ['decision', 'unassign', null],
        ['assignment', 'report', 'ARM'],
        ['assignment', 'create', 'ARM'],
        ['decision', 'update', null],
        ['decision', 'create', null],
      ]);
      expect(items[3]?.change).toEqual({ title: [{ en: 'Before' }, { en: 'After' }] });
      expect(items[0]?.change).toMatchObject({ assignmentId: blr.id, memberState: 'BLR' });
      expect(items[1]?.actor?.name).toBeTruthy();
    });

    it('is for the secretariat: a delegate gets 403, an unknown decision 404', async () => {
      const created = (await create({ meetingId: m20 })).json();
      const delegate = await t.as('delegateArm', {
        method: 'GET',
        url: `/api/v1/decisions/${created.id}/history`,
      });
      expect(delegate.statusCode).toBe(403);
      const unknown = await t.as('secretariat', {
        method: 'GET',
        url: '/api/v1/decisions/01900000-0000-7000-8000-000000000000/history',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
