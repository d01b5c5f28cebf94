import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody } from '../../../test/factories.ts';
import { entriesNamingDecision, rollUp } from './service.ts';

type Caller = Parameters<TestApp['as']>[0];

describe(`programs (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;
  let decisionId: string;
  let orgArm: string;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    decisionId = (
      await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/decisions',
        payload: {
          bodyId: commission,
          number: '2/1',
          adoptedOn: '2024-05-01',
          title: { en: 'On the program' },
          text: { en: 'Approve.' },
        },
      })
    ).json().id;
    const org = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: {
        name: { en: 'Arm Works', ru: 'Армзавод' },
        memberState: 'ARM',
        kind: 'enterprise',
      },
    });
    expect(org.statusCode).toBe(201);
    orgArm = org.json().id;
  });
  afterAll(async () => t.close());

  const createProgram = (body: Record<string, unknown> = {}, caller: Caller = 'secretariat') =>
    t.as(caller, {
      method: 'POST',
      url: '/api/v1/programs',
      payload: {
        title: { en: 'Long-term program', ru: 'Долгосрочная программа' },
        periodFrom: '2024-01-01',
        periodTo: '2030-12-31',
        status: 'active',
        ...body,
      },
    });
  const program = async (body: Record<string, unknown> = {}) => {
    const res = await createProgram(body);
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const addMeasure = async (
    programId: string,
    body: Record<string, unknown> = {},
    caller: Caller = 'secretariat',
  ) =>
    t.as(caller, {
      method: 'POST',
      url: `/api/v1/programs/${programId}/measures`,
      payload: { title: { en: 'Measure' }, ...body },
    });
  const measure = async (programId: string, body: Record<string, unknown> = {}) => {
    const res = await addMeasure(programId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; version: number };
  };
  const patchMeasure = (
    programId: string,
    id: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/programs/${programId}/measures/${id}`,
      payload: body,
      headers,
    });
  const report = (
    programId: string,
    id: string,
    body: Record<string, unknown>,
    caller: Caller = 'secretariat',
  ) =>
    t.as(caller, {
      method: 'POST',
      url: `/api/v1/programs/${programId}/measures/${id}/reports`,
      payload: { text: { en: 'Done part of it.' }, ...body },
    });
  const codes = async (programId: string) =>
    (await t.as('observer', { method: 'GET', url: `/api/v1/programs/${programId}/measures` }))
      .json()
      .items.map((m: { code: string; title: { en: string } }) => `${m.code} ${m.title.en}`);
  const getProgram = async (id: string) =>
    (await t.as('observer', { method: 'GET', url: `/api/v1/programs/${id}` })).json();
  const countRows = async (table: 'programs' | 'programMeasures' | 'programMeasureReports') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('programs', () => {
    it('creates a program with 201, Location, ETag and its decisions', async () => {
      const res = await createProgram({ bodyId: commission, decisionIds: [decisionId] });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/programs/${res.json().id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.json()).toMatchObject({
        status: 'active',
        progress: null,
        measureCount: 0,
        overdueMeasures: 0,
        decisions: [{ id: decisionId, number: '2/1' }],
      });
    });

    it('lets every signed-in role read and only the secretariat write', async () => {
      const id = await program();
      for (const caller of ['observer', 'delegateArm'] as const) {
        expect(
          (await t.as(caller, { method: 'GET', url: `/api/v1/programs/${id}` })).statusCode,
        ).toBe(200);
        expect((await createProgram({}, caller)).statusCode).toBe(403);
        expect((await addMeasure(id, {}, caller)).statusCode).toBe(403);
      }
      expect((await t.as('anonymous', { method: 'GET', url: '/api/v1/programs' })).statusCode).toBe(
        401,
      );
      expect(
        (await t.as('observer', { method: 'GET', url: '/api/v1/programs/missing' })).statusCode,
      ).toBe(404);
    });

    it('refuses hostile input and a period that ends before it begins, changing nothing', async () => {
      const before = await countRows('programs');
      for (const body of [
        { periodTo: '2023-01-01' },
        { periodFrom: 'yesterday' },
        { title: { en: 'x'.repeat(1001) } },
        { title: { en: 'NUL\u0000' } },
        { status: 'running' },
        { extra: 1 },
        { decisionIds: ['missing'] },
        { bodyId: 'missing' },
      ]) {
        const res = await createProgram(body);
        expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      expect(await countRows('programs')).toBe(before);
    });

    it('follows the program lifecycle (409 otherwise) and If-Match (412 when stale)', async () => {
      const id = await program({ status: 'planned' });
      const patch = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
        t.as('secretariat', {
          method: 'PATCH',
          url: `/api/v1/programs/${id}`,
          payload: body,
          headers,
        });
      expect((await patch({ status: 'completed' })).statusCode).toBe(409);
      expect((await patch({ status: 'active' }, { 'if-match': '"1"' })).statusCode).toBe(200);
      expect((await patch({ title: { en: 'Lost' } }, { 'if-match': '"1"' })).statusCode).toBe(412);
      expect((await patch({ status: 'completed' })).json().status).toBe('completed');
      const final = await patch({ status: 'active' });
      expect(final.statusCode).toBe(409);
      expect(final.json().code).toBe('invalid_transition');
      expect((await getProgram(id)).title.en).toBe('Long-term program');
      // A completed program's measures are closed.
      expect((await addMeasure(id)).statusCode).toBe(409);
    });

    it('lists with filters and cursor pagination, latest period first', async () => {
      const a = await program({
        periodFrom: '2010-01-01',
        periodTo: '2011-12-31',
        title: { en: 'Filter A' },
      });
      const b = await program({
        periodFrom: '2010-06-01',
        periodTo: '2012-12-31',
        title: { en: 'Filter B' },
      });
      const m = await measure(a, { responsibleMemberStates: ['KGZ'] });
      expect(m.code).toBe('1');
      const first = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/programs?activeOn=2011-01-01&limit=1',
      });
      expect(first.json().items.map((p: { id: string }) => p.id)).toEqual([b]);
      const next = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs?activeOn=2011-01-01&limit=1&cursor=${first.json().nextCursor}`,
      });
      expect(next.json()).toMatchObject({ items: [{ id: a }], nextCursor: null });
      const byState = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/programs?memberState=KGZ',
      });
      expect(byState.json().items.map((p: { id: string }) => p.id)).toEqual([a]);
      const byDecision = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs?decisionId=${decisionId}`,
      });
      expect(byDecision.json().items).toHaveLength(1);
      const q = await t.as('observer', { method: 'GET', url: '/api/v1/programs?q=filter%20b' });
      expect(q.json().items.map((p: { id: string }) => p.id)).toEqual([b]);
    });
  });

  describe('the measures tree', () => {
    it('numbers measures from the tree and renumbers on insert, move and delete', async () => {
      const p = await program();
      const one = await measure(p, { title: { en: 'A' } });
      const two = await measure(p, { title: { en: 'B' } });
      const a1 = await measure(p, { title: { en: 'A1' }, parentId: one.id });
      await measure(p, { title: { en: 'A2' }, parentId: one.id });
      expect(a1.code).toBe('1.1');
      await measure(p, { title: { en: 'A0' }, parentId: one.id, position: 1 });
      expect(await codes(p)).toEqual(['1 A', '1.1 A0', '1.2 A1', '1.3 A2', '2 B']);
      const moved = await patchMeasure(p, a1.id, { parentId: two.id });
      expect(moved.json()).toMatchObject({ code: '2.1', depth: 1 });
      expect(await codes(p)).toEqual(['1 A', '1.1 A0', '1.2 A2', '2 B', '2.1 A1']);
      expect((await patchMeasure(p, two.id, { position: 1 })).json().code).toBe('1');
      expect(await codes(p)).toEqual(['1 B', '1.1 A1', '2 A', '2.1 A0', '2.2 A2']);
      const cycle = await patchMeasure(p, two.id, { parentId: a1.id });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().errors).toEqual([
        { path: 'parentId', message: 'This would make a cycle' },
      ]);
      const del = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/programs/${p}/measures/${two.id}`,
      });
      expect(del.statusCode).toBe(204);
      expect(await codes(p)).toEqual(['1 A', '1.1 A0', '1.2 A2']);
      expect((await getProgram(p)).measureCount).toBe(3);
    });

    it('gives concurrently added measures distinct ordinals and a whole roll-up', async () => {
      const p = await program();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => addMeasure(p, { progress: i * 10 })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      const rows = await t.handle.db
        .selectFrom('programMeasures')
        .select('ordinal')
        .where('programId', '=', p)
        .orderBy('ordinal')
        .execute();
      expect(rows.map((r) => r.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
      // 0, 10, …, 50 → 25
      expect(await getProgram(p)).toMatchObject({ measureCount: 6, progress: 25 });
    });

    it('refuses a parent from another program and hostile input, changing nothing', async () => {
      const p = await program();
      const other = await measure(await program());
      const before = await countRows('programMeasures');
      for (const body of [
        { parentId: other.id },
        { progress: 101 },
        { progress: 5.5 },
        { status: 'done' },
        { responsibleMemberStates: ['ARM', 'ARM'] },
        { responsibleMemberStates: ['XYZ'] },
        { responsibleOrganizationIds: ['missing'] },
        { startDate: '2026-05-01', dueDate: '2026-04-01' },
        { title: { en: 'x'.repeat(1001) } },
        { title: 7 },
        { title: { en: 'NUL\u0000' } },
        { position: 0 },
        { unknown: true },
      ]) {
        const res = await addMeasure(p, body);
        expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      expect(await countRows('programMeasures')).toBe(before);
      expect((await addMeasure('missing')).statusCode).toBe(404);
      expect((await patchMeasure(p, other.id, { title: { en: 'x' } })).statusCode).toBe(404);
    });

    it('keeps a measure’s lifecycle (409) and answers 412 for a stale If-Match', async () => {
      const p = await program();
      const m = await measure(p);
      expect(
        (await patchMeasure(p, m.id, { status: 'in_progress' }, { 'if-match': '"1"' })).statusCode,
      ).toBe(200);
      expect(
        (await patchMeasure(p, m.id, { progress: 10 }, { 'if-match': '"1"' })).statusCode,
      ).toBe(412);
      expect((await patchMeasure(p, m.id, { status: 'completed' })).json()).toMatchObject({
        status: 'completed',
        progress: 100,
      });
      expect((await patchMeasure(p, m.id, { status: 'planned' })).statusCode).toBe(409);
      expect((await patchMeasure(p, m.id, { status: 'cancelled' })).statusCode).toBe(409);
      expect((await patchMeasure(p, m.id, { status: 'in_progress' })).statusCode).toBe(200);
      expect((await patchMeasure(p, m.id, { status: 'cancelled' })).statusCode).toBe(200);
      const final = await patchMeasure(p, m.id, { status: 'in_progress' });
      expect(final.statusCode).toBe(409);
    });
  });

  describe('progress roll-up', () => {
    it('averages the leaf measures equally, leaving cancelled ones out', async () => {
      const p = await program();
      const one = await measure(p, { title: { en: 'Parent' } });
      const a = await measure(p, { parentId: one.id, progress: 20 });
      await measure(p, { parentId: one.id, progress: 40 });
      const c = await measure(p, { parentId: one.id, progress: 0 });
      await measure(p, { progress: 90 });
      // Leaves 20, 40, 0, 90 → 37.5 → 38
      expect((await getProgram(p)).progress).toBe(38);
      await patchMeasure(p, c.id, { status: 'cancelled' });
      // Leaves 20, 40, 90 → 50
      expect((await getProgram(p)).progress).toBe(50);
      const parent = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs/${p}/measures/${one.id}`,
      });
      expect(parent.json()).toMatchObject({ progress: 30, hasChildren: true });
      const own = await patchMeasure(p, one.id, { progress: 70 });
      expect(own.statusCode).toBe(422);
      expect(own.json().errors).toEqual([{ path: 'progress', message: 'Set by the sub-measures' }]);
      await patchMeasure(p, a.id, { status: 'completed' });
      // Leaves 100, 40, 90 → 76.67 → 77
      expect((await getProgram(p)).progress).toBe(77);
    });

    it('computes the rule itself on a tree', () => {
      const rows = [
        { id: 'a', parentId: null, ordinal: 1, status: 'planned', progress: 99 },
        { id: 'a1', parentId: 'a', ordinal: 1, status: 'in_progress', progress: 10 },
        { id: 'a2', parentId: 'a', ordinal: 2, status: 'cancelled', progress: 100 },
        { id: 'b', parentId: null, ordinal: 2, status: 'completed', progress: 100 },
      ];
      expect(rollUp(rows, null)).toBe(55);
      expect(rollUp(rows, 'a')).toBe(10);
      expect(rollUp([], null)).toBeNull();
      expect(
        rollUp(
          [rows[2] as (typeof rows)[number]].map((r) => ({ ...r, parentId: null })),
          null,
        ),
      ).toBeNull();
    });
  });

  describe('measure reports', () => {
    it('lets a responsible state’s delegate report for its state and moves the roll-up', async () => {
      const p = await program();
      const m = await measure(p, {
        responsibleMemberStates: ['ARM', 'KAZ'],
        responsibleOrganizationIds: [orgArm],
      });
      const res = await report(
        p,
        m.id,
        { status: 'in_progress', progress: 60, reportedOn: daysFromToday(-1) },
        'delegateArm',
      );
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(
        `/api/v1/programs/${p}/measures/${m.id}/reports/${res.json().id}`,
      );
      expect(res.json()).toMatchObject({
        memberState: 'ARM',
        status: 'in_progress',
        progress: 60,
        reportedBy: { name: 'delegateArm' },
      });
      const after = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs/${p}/measures/${m.id}`,
      });
      expect(after.json()).toMatchObject({ status: 'in_progress', progress: 60, version: 2 });
      expect((await getProgram(p)).progress).toBe(60);
      const sec = await report(p, m.id, { text: { ru: 'Отчёт секретариата' } });
      expect(sec.json()).toMatchObject({ memberState: null, status: null, progress: null });
      const list = await t.as('delegateBlr', {
        method: 'GET',
        url: `/api/v1/programs/${p}/measures/${m.id}/reports`,
      });
      expect(list.json().items.map((r: { memberState: string | null }) => r.memberState)).toEqual([
        null,
        'ARM',
      ]);
    });

    it('refuses reports for another state, by a state not responsible, or by an observer (403)', async () => {
      const p = await program();
      const m = await measure(p, { responsibleMemberStates: ['ARM'] });
      const before = await countRows('programMeasureReports');
      expect((await report(p, m.id, { memberState: 'BLR' }, 'delegateArm')).statusCode).toBe(403);
      expect((await report(p, m.id, {}, 'delegateBlr')).statusCode).toBe(403);
      expect((await report(p, m.id, {}, 'observer')).statusCode).toBe(403);
      expect((await report(p, m.id, {}, 'anonymous')).statusCode).toBe(401);
      expect((await report(p, m.id, { memberState: 'KGZ' })).statusCode).toBe(400);
      expect((await report(p, m.id, { reportedOn: daysFromToday(2) })).statusCode).toBe(400);
      expect((await report(p, m.id, { progress: -1 })).statusCode).toBe(400);
      expect((await report(p, m.id, { text: { en: 'x'.repeat(20_001) } })).statusCode).toBe(400);
      expect(await countRows('programMeasureReports')).toBe(before);
    });

    it('refuses a report whose status change the lifecycle does not allow (409)', async () => {
      const p = await program();
      const m = await measure(p, { status: 'cancelled' });
      expect((await report(p, m.id, { status: 'in_progress' })).statusCode).toBe(409);
    });

    it('keeps a program with reports from deletion (409) and deletes one without (204)', async () => {
      const p = await program();
      const m = await measure(p);
      await report(p, m.id, {});
      expect(
        (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/programs/${p}` })).statusCode,
      ).toBe(409);
      expect(
        (
          await t.as('secretariat', {
            method: 'DELETE',
            url: `/api/v1/programs/${p}/measures/${m.id}`,
          })
        ).statusCode,
      ).toBe(409);
      const spare = await program();
      await measure(spare);
      expect(
        (
          await t.as('secretariat', {
            method: 'DELETE',
            url: `/api/v1/programs/${spare}`,
            headers: { 'if-match': '"9"' },
          })
        ).statusCode,
      ).toBe(412);
      expect(
        (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/programs/${spare}` }))
          .statusCode,
      ).toBe(204);
      expect(
        (await t.as('secretariat', { method: 'GET', url: `/api/v1/programs/${spare}` })).statusCode,
      ).toBe(404);
    });
  });

  describe('dashboard, timeline, history, exports', () => {
    it('lists open measures past due of running programs, with codes', async () => {
      const p = await program({ title: { en: 'Overdue program' } });
      const parent = await measure(p, { title: { en: 'Parent' } });
      const late = await measure(p, {
        parentId: parent.id,
        dueDate: daysFromToday(-10),
        responsibleMemberStates: ['TJK'],
      });
      await measure(p, { parentId: parent.id, dueDate: daysFromToday(-5), status: 'completed' });
      await measure(p, { parentId: parent.id, dueDate: daysFromToday(5) });
      const closed = await program({ status: 'planned' });
      await measure(closed, { dueDate: daysFromToday(-3), responsibleMemberStates: ['TJK'] });
      await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/programs/${closed}`,
        payload: { status: 'cancelled' },
      });
      const res = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/programs/overdue-measures?memberState=TJK',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({
          id: late.id,
          code: '1.1',
          daysOverdue: 10,
          responsibleMemberStates: ['TJK'],
          program: { id: p, title: { en: 'Overdue program' } },
        }),
      ]);
      expect((await getProgram(p)).overdueMeasures).toBe(1);
      expect((await getProgram(closed)).overdueMeasures).toBe(0);
      const timeline = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs/${p}/timeline`,
      });
      expect(
        timeline
          .json()
          .measures.map((m: { code: string; overdue: boolean }) => `${m.code}:${m.overdue}`),
      ).toEqual(['1:false', '1.1:true', '1.2:false', '1.3:false']);
      expect(timeline.json().program).toMatchObject({ id: p, periodFrom: '2024-01-01' });
    });

    it('gives the history of the program, its measures and reports, also of removed measures', async () => {
      const p = await program();
      const m = await measure(p, { title: { en: 'Gone' } });
      const kept = await measure(p, { responsibleMemberStates: ['ARM'] });
      await report(p, kept.id, { progress: 10 }, 'delegateArm');
      await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/programs/${p}/measures/${m.id}`,
      });
      const res = await t.as('observer', { method: 'GET', url: `/api/v1/programs/${p}/history` });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(
        items.map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`),
      ).toEqual([
        'program_measure:delete',
        'program_measure_report:report',
        'program_measure:create',
        'program_measure:create',
        'program:create',
      ]);
      expect(items[1]).toMatchObject({
        actor: { name: 'delegateArm' },
        change: { progress: [0, 10] },
      });
      expect(items[0].change).toMatchObject({ code: '1', title: { en: 'Gone' } });
    });

    it('exports programs as CSV and measures as XLSX in Russian with Cyrillic intact', async () => {
      const p = await program({
        title: { ru: 'Программа экспорта' },
        periodFrom: '2001-01-01',
        periodTo: '2001-12-31',
      });
      const m = await measure(p, {
        title: { ru: 'Первое мероприятие' },
        responsibleOrganizationIds: [orgArm],
        responsibleMemberStates: ['ARM'],
        dueDate: '2001-06-30',
        progress: 40,
      });
      await measure(p, { parentId: m.id, title: { ru: 'Подмероприятие' }, progress: 40 });
      const csv = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/programs/export.csv?activeOn=2001-05-01&lang=ru',
      });
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe(
        'Наименование,С,По,Статус,"Выполнение, %",Мероприятий,Просрочено,Орган,Решения',
      );
      expect(lines[1]).toBe('Программа экспорта,2001-01-01,2001-12-31,выполняется,40,2,1,,');
      expect(lines).toHaveLength(2);
      const xlsx = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/programs/${p}/measures/export.xlsx?lang=ru`,
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.name).toBe('Мероприятия');
      expect(ws?.getRow(1).getCell(2).value).toBe('Мероприятие');
      expect(ws?.getRow(2).getCell(1).value).toBe('1');
      expect(ws?.getRow(2).getCell(2).value).toBe('Первое мероприятие');
      expect(ws?.getRow(2).getCell(4).value).toBe('Армзавод');
      expect(ws?.getRow(2).getCell(7).value).toBe('запланировано, просрочено');
      expect(ws?.getRow(3).getCell(1).value).toBe('1.1');
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/programs/export.xlsx' }))
          .statusCode,
      ).toBe(401);
    });

    it('names the programs that name a decision', async () => {
      const ctx = {
        db: t.handle.db,
        dialect: t.handle.dialect,
        actor: { id: 'x', role: 'observer' as const, name: 'o', memberState: null, bodyIds: [] },
      };
      const entries = await entriesNamingDecision(ctx, decisionId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        type: 'program',
        title: { en: 'Long-term program' },
        status: 'active',
      });
    });
  });
});
