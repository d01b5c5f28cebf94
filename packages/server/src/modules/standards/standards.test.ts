import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody } from '../../../test/factories.ts';
import { entriesNamingDecision } from './service.ts';

describe(`standards (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;
  let decisionId: string;
  let restrictedDoc: string;
  let internalDoc: string;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    const decision = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: commission,
        number: '1/1',
        adoptedOn: '2024-05-01',
        title: { en: 'On standardization', ru: 'О стандартизации' },
        text: { en: 'Adopt.' },
      },
    });
    decisionId = decision.json().id;
    const restricted = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: {
        title: { en: 'Secret draft' },
        kind: 'standard',
        bodyId: commission,
        classification: 'restricted',
        accessList: { memberStates: ['BLR'], bodyIds: [] },
      },
    });
    restrictedDoc = restricted.json().id;
    const internal = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/documents',
      payload: { title: { en: 'Draft standard' }, kind: 'standard', bodyId: commission },
    });
    internalDoc = internal.json().id;
    await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/documents/${internalDoc}/versions`,
      payload: { text: { en: 'Clause 1.' } },
    });
    const round = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/consultations',
      payload: {
        documentId: internalDoc,
        memberStates: ['ARM', 'BLR'],
        deadline: daysFromToday(20),
      },
    });
    expect(round.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  const create = (
    body: Record<string, unknown> = {},
    caller: Parameters<TestApp['as']>[0] = 'secretariat',
  ) =>
    t.as(caller, {
      method: 'POST',
      url: '/api/v1/standards',
      payload: {
        designation: `GOST ${++seq}-2026`,
        title: { en: `Standard ${seq}`, ru: `Стандарт ${seq}` },
        ...body,
      },
    });
  const patch = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/standards/${id}`,
      payload: body,
      headers,
    });
  const put = (
    id: string,
    state: string,
    body: Record<string, unknown>,
    caller: Parameters<TestApp['as']>[0] = 'secretariat',
    headers: Record<string, string> = {},
  ) =>
    t.as(caller, {
      method: 'PUT',
      url: `/api/v1/standards/${id}/adoptions/${state}`,
      payload: body,
      headers,
    });
  const adopted = async () => {
    const res = await create({ status: 'adopted', leadMemberState: 'RUS', bodyId: commission });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('standards')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('the register', () => {
    it('creates a standard with 201, Location, ETag and its links', async () => {
      const res = await create({
        leadMemberState: 'KAZ',
        bodyId: commission,
        documentId: internalDoc,
        decisionIds: [decisionId],
        description: { ru: 'Область применения' },
      });
      expect(res.statusCode).toBe(201);
      const s = res.json();
      expect(res.headers.location).toBe(`/api/v1/standards/${s.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(s).toMatchObject({
        status: 'planned',
        leadMemberState: 'KAZ',
        documentId: internalDoc,
        decisions: [{ id: decisionId, number: '1/1' }],
        adoptionCounts: { pending: 6, adopted: 0, adoptedWithReservations: 0, notAdopted: 0 },
      });
      expect(s.document).toMatchObject({
        id: internalDoc,
        status: 'under_consultation',
        latestConsultation: { round: 1, status: 'open' },
      });
    });

    it('lets every signed-in role read, but only the secretariat write', async () => {
      const id = (await create()).json().id;
      for (const caller of ['observer', 'delegateArm'] as const) {
        expect(
          (await t.as(caller, { method: 'GET', url: `/api/v1/standards/${id}` })).statusCode,
        ).toBe(200);
        expect((await create({}, caller)).statusCode).toBe(403);
        const res = await t.as(caller, {
          method: 'PATCH',
          url: `/api/v1/standards/${id}`,
          payload: { title: { en: 'x' } },
        });
        expect(res.statusCode).toBe(403);
      }
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/standards' })).statusCode,
      ).toBe(401);
      expect(
        (await t.as('anonymous', { method: 'GET', url: `/api/v1/standards/${id}` })).statusCode,
      ).toBe(401);
    });

    it('answers 404 for a missing standard', async () => {
      const res = await t.as('observer', { method: 'GET', url: '/api/v1/standards/nope' });
      expect(res.statusCode).toBe(404);
    });

    it('hides a linked document the caller may not read', async () => {
      const id = (await create({ documentId: restrictedDoc })).json().id;
      const arm = await t.as('delegateArm', { method: 'GET', url: `/api/v1/standards/${id}` });
      expect(arm.json()).toMatchObject({ documentId: null, document: null });
      const blr = await t.as('delegateBlr', { method: 'GET', url: `/api/v1/standards/${id}` });
      expect(blr.json()).toMatchObject({
        documentId: restrictedDoc,
        document: { id: restrictedDoc },
      });
    });

    it('refuses a duplicate designation with 409 and unknown references with 400', async () => {
      const first = await create({ designation: 'ST UNIQUE-1' });
      expect(first.statusCode).toBe(201);
      const dup = await create({ designation: 'ST UNIQUE-1' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().errors).toEqual([{ path: 'designation', message: 'Already in use' }]);
      const before = await count();
      for (const body of [
        { bodyId: 'missing' },
        { leadMemberState: 'XYZ' },
        { documentId: 'missing' },
        { decisionIds: ['missing'] },
      ]) {
        const res = await create(body);
        expect(res.statusCode).toBe(400);
      }
      expect(await count()).toBe(before);
    });

    it('refuses hostile input with 4xx and changes nothing', async () => {
      const before = await count();
      const bad = [
        { designation: 42 },
        { title: 'plain' },
        { title: {} },
        { unknown: true },
        { designation: 'x'.repeat(101) },
        { title: { en: 'x'.repeat(1001) } },
        { designation: 'NUL\u0000' },
        { status: 'approved' },
        { leadMemberState: 'arm' },
        { decisionIds: [decisionId, decisionId] },
      ];
      for (const body of bad) {
        const res = await create(body);
        expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      expect(await count()).toBe(before);
    });

    it('lists with filters and cursor pagination in designation order', async () => {
      for (const d of ['ZZ-3', 'ZZ-1', 'ZZ-2']) {
        await create({ designation: d, leadMemberState: 'TJK', status: 'in_development' });
      }
      const first = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards?leadMemberState=TJK&status=in_development&limit=2',
      });
      expect(first.statusCode).toBe(200);
      expect(first.json().items.map((s: { designation: string }) => s.designation)).toEqual([
        'ZZ-1',
        'ZZ-2',
      ]);
      const next = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/standards?leadMemberState=TJK&status=in_development&limit=2&cursor=${first.json().nextCursor}`,
      });
      expect(next.json()).toMatchObject({ items: [{ designation: 'ZZ-3' }], nextCursor: null });
      const q = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/standards?q=${encodeURIComponent('zz-2')}`,
      });
      expect(q.json().items.map((s: { designation: string }) => s.designation)).toEqual(['ZZ-2']);
      const byDecision = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/standards?decisionId=${decisionId}`,
      });
      expect(byDecision.json().items).toHaveLength(1);
      const badCursor = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards?cursor=zzz',
      });
      expect(badCursor.statusCode).toBe(400);
      const tooMany = await t.as('observer', { method: 'GET', url: '/api/v1/standards?limit=201' });
      expect(tooMany.statusCode).toBe(400);
    });

    it('follows the status lifecycle and answers 409 for other changes', async () => {
      const id = (await create()).json().id;
      expect((await patch(id, { status: 'adopted' })).statusCode).toBe(409);
      expect((await patch(id, { status: 'in_development' })).json().status).toBe('in_development');
      expect((await patch(id, { status: 'planned' })).statusCode).toBe(409);
      expect((await patch(id, { status: 'under_consultation' })).statusCode).toBe(200);
      expect((await patch(id, { status: 'in_development' })).statusCode).toBe(200);
      expect((await patch(id, { status: 'under_consultation' })).statusCode).toBe(200);
      expect((await patch(id, { status: 'adopted' })).json().status).toBe('adopted');
      expect((await patch(id, { status: 'under_consultation' })).statusCode).toBe(409);
      expect((await patch(id, { status: 'withdrawn' })).json().status).toBe('withdrawn');
      const final = await patch(id, { status: 'adopted' });
      expect(final.statusCode).toBe(409);
      expect(final.json().code).toBe('invalid_transition');
    });

    it('answers 412 for a stale If-Match and changes nothing', async () => {
      const id = (await create()).json().id;
      expect((await patch(id, { title: { en: 'New' } }, { 'if-match': '"1"' })).statusCode).toBe(
        200,
      );
      const stale = await patch(id, { title: { en: 'Lost' } }, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      const now = await t.as('observer', { method: 'GET', url: `/api/v1/standards/${id}` });
      expect(now.json()).toMatchObject({ title: { en: 'New' }, version: 2 });
      expect(now.headers.etag).toBe('"2"');
    });

    it('deletes with 204 until a state records its adoption, then refuses with 409', async () => {
      const spare = (await create()).json().id;
      const stale = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/standards/${spare}`,
        headers: { 'if-match': '"7"' },
      });
      expect(stale.statusCode).toBe(412);
      expect(
        (await t.as('secretariat', { method: 'DELETE', url: `/api/v1/standards/${spare}` }))
          .statusCode,
      ).toBe(204);
      expect(
        (await t.as('secretariat', { method: 'GET', url: `/api/v1/standards/${spare}` }))
          .statusCode,
      ).toBe(404);
      const id = await adopted();
      await put(id, 'ARM', { status: 'not_adopted' });
      const refused = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/standards/${id}`,
      });
      expect(refused.statusCode).toBe(409);
      expect(
        (await t.as('delegateArm', { method: 'DELETE', url: `/api/v1/standards/${id}` }))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('adoption records', () => {
    it('lets a delegate record its own state’s adoption and refuses another state with 403', async () => {
      const id = await adopted();
      const own = await put(
        id,
        'ARM',
        { status: 'adopted', nationalReference: 'AST 1-2026', effectiveDate: '2026-07-01' },
        'delegateArm',
      );
      expect(own.statusCode).toBe(200);
      expect(own.headers.etag).toBe('"1"');
      expect(own.json()).toMatchObject({
        memberState: 'ARM',
        status: 'adopted',
        recorded: true,
        updatedBy: { name: 'delegateArm' },
      });
      const other = await put(id, 'BLR', { status: 'not_adopted' }, 'delegateArm');
      expect(other.statusCode).toBe(403);
      expect((await put(id, 'BLR', { status: 'not_adopted' }, 'observer')).statusCode).toBe(403);
      expect((await put(id, 'BLR', { status: 'not_adopted' }, 'anonymous')).statusCode).toBe(401);
      const blr = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/standards/${id}/adoptions/BLR`,
      });
      expect(blr.json()).toMatchObject({ status: 'pending', recorded: false, version: 0 });
    });

    it('answers 422 saying what an adoption lacks', async () => {
      const id = await adopted();
      const bare = await put(id, 'KAZ', { status: 'adopted' });
      expect(bare.statusCode).toBe(422);
      expect(bare.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'nationalReference',
        'effectiveDate',
      ]);
      expect(bare.json().detail).toContain('national standard');
      const reserved = await put(id, 'KAZ', {
        status: 'adopted_with_reservations',
        nationalReference: 'ST RK 1',
        effectiveDate: '2026-01-01',
      });
      expect(reserved.statusCode).toBe(422);
      expect(reserved.json().errors).toEqual([
        { path: 'reservations', message: 'An adoption with reservations states the reservations.' },
      ]);
      const ok = await put(id, 'KAZ', {
        status: 'adopted_with_reservations',
        nationalReference: 'СТ РК 1',
        effectiveDate: '2026-01-01',
        reservations: { ru: 'Кроме раздела 5' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().reservations).toEqual({ ru: 'Кроме раздела 5' });
    });

    it('accepts only member states, and only once the standard is adopted', async () => {
      const id = await adopted();
      expect((await put(id, 'XYZ', { status: 'not_adopted' })).statusCode).toBe(404);
      expect((await put(id, 'arm', { status: 'not_adopted' })).statusCode).toBe(400);
      await t.handle.db
        .insertInto('memberStates')
        .values({
          code: 'OBS',
          name: JSON.stringify({ en: 'Observer state' }),
          status: 'observer',
          searchText: 'obs',
          version: 1,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        })
        .execute();
      const observer = await put(id, 'OBS', { status: 'not_adopted' });
      expect(observer.statusCode).toBe(422);
      const draft = (await create()).json().id;
      const early = await put(draft, 'ARM', {
        status: 'adopted',
        nationalReference: 'X',
        effectiveDate: '2026-01-01',
      });
      expect(early.statusCode).toBe(409);
    });

    it('replaces a record under If-Match and answers 412 when stale', async () => {
      const id = await adopted();
      expect(
        (await put(id, 'RUS', { status: 'not_adopted' }, 'secretariat', { 'if-match': '"0"' }))
          .statusCode,
      ).toBe(200);
      const stale = await put(
        id,
        'RUS',
        { status: 'adopted', nationalReference: 'GOST R 1', effectiveDate: '2026-01-01' },
        'secretariat',
        { 'if-match': '"0"' },
      );
      expect(stale.statusCode).toBe(412);
      const fresh = await put(
        id,
        'RUS',
        { status: 'adopted', nationalReference: 'GOST R 1', effectiveDate: '2026-01-01' },
        'secretariat',
        { 'if-match': '"1"' },
      );
      expect(fresh.json()).toMatchObject({ status: 'adopted', version: 2 });
    });

    it('refuses hostile adoption input and changes nothing', async () => {
      const id = await adopted();
      for (const body of [
        { status: 'maybe' },
        { status: 'not_adopted', extra: 1 },
        { status: 'adopted', nationalReference: 'x'.repeat(201), effectiveDate: '2026-01-01' },
        { status: 'adopted', nationalReference: 'A', effectiveDate: '2026-13-01' },
        { status: 'not_adopted', reservations: { en: 'why' } },
      ]) {
        const res = await put(id, 'TJK', body);
        expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      const rows = await t.handle.db
        .selectFrom('standardAdoptions')
        .selectAll()
        .where('standardId', '=', id)
        .execute();
      expect(rows).toEqual([]);
      const missing = await put('missing', 'ARM', { status: 'pending' });
      expect(missing.statusCode).toBe(404);
    });

    it('lists every member state’s adoption and counts them on the standard', async () => {
      const id = await adopted();
      await put(id, 'ARM', {
        status: 'adopted',
        nationalReference: 'A',
        effectiveDate: '2026-01-01',
      });
      await put(id, 'BLR', { status: 'not_adopted' });
      const list = await t.as('delegateArm', {
        method: 'GET',
        url: `/api/v1/standards/${id}/adoptions`,
      });
      expect(
        list
          .json()
          .items.map(
            (a: { memberState: string; status: string }) => `${a.memberState}:${a.status}`,
          ),
      ).toEqual([
        'ARM:adopted',
        'BLR:not_adopted',
        'KAZ:pending',
        'KGZ:pending',
        'RUS:pending',
        'TJK:pending',
      ]);
      const s = await t.as('observer', { method: 'GET', url: `/api/v1/standards/${id}` });
      expect(s.json().adoptionCounts).toEqual({
        pending: 4,
        adopted: 1,
        adoptedWithReservations: 0,
        notAdopted: 1,
      });
      const filtered = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards?adoptedBy=ARM&limit=200',
      });
      expect(filtered.json().items.map((i: { id: string }) => i.id)).toContain(id);
      const notBlr = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards?adoptedBy=BLR&limit=200',
      });
      expect(notBlr.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    });

    it('closes adoption records of a withdrawn standard with 409', async () => {
      const id = await adopted();
      await patch(id, { status: 'withdrawn' });
      expect((await put(id, 'ARM', { status: 'not_adopted' }, 'delegateArm')).statusCode).toBe(409);
    });
  });

  describe('the adoption matrix', () => {
    it('shows every state’s adoption to a delegate, under the filters', async () => {
      const id = (
        await create({ status: 'adopted', leadMemberState: 'KGZ', designation: 'MATRIX-1' })
      ).json().id;
      await put(id, 'BLR', {
        status: 'adopted',
        nationalReference: 'STB 1',
        effectiveDate: '2026-03-01',
      });
      await put(id, 'KGZ', { status: 'not_adopted' });
      const res = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/standards/adoption-matrix?leadMemberState=KGZ',
      });
      expect(res.statusCode).toBe(200);
      const m = res.json();
      expect(m.memberStates).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
      expect(m.rows).toHaveLength(1);
      expect(m.rows[0].standard.designation).toBe('MATRIX-1');
      expect(m.rows[0].cells.map((c: { status: string }) => c.status)).toEqual([
        'pending',
        'adopted',
        'pending',
        'not_adopted',
        'pending',
        'pending',
      ]);
      expect(m.rows[0].cells[1]).toMatchObject({
        nationalReference: 'STB 1',
        effectiveDate: '2026-03-01',
      });
      expect(m.totals.find((x: { memberState: string }) => x.memberState === 'BLR')).toMatchObject({
        adopted: 1,
      });
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/standards/adoption-matrix' }))
          .statusCode,
      ).toBe(401);
    });

    it('exports the matrix as XLSX in Russian with Cyrillic intact', async () => {
      const res = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/standards/adoption-matrix/export.xlsx?leadMemberState=KGZ&lang=ru',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(
        'attachment; filename="standards-adoption-',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.name).toBe('Принятие');
      expect(ws?.getRow(1).values).toEqual([
        undefined,
        'Обозначение',
        'Наименование',
        'Статус',
        'ARM',
        'BLR',
        'KAZ',
        'KGZ',
        'RUS',
        'TJK',
      ]);
      expect(ws?.getRow(2).getCell(1).value).toBe('MATRIX-1');
      expect(ws?.getRow(2).getCell(5).value).toBe('принят (STB 1)');
      expect(ws?.getRow(2).getCell(7).value).toBe('не принят');
      expect(ws?.rowCount).toBe(2);
    });
  });

  describe('exports, history and cross-links', () => {
    it('exports the register as CSV and XLSX with the list’s filters', async () => {
      await create({
        designation: 'EXP-1',
        title: { ru: 'Экспортный стандарт' },
        leadMemberState: 'ARM',
        decisionIds: [decisionId],
      });
      const csv = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards/export.csv?q=EXP-1&lang=ru',
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe(
        'Обозначение,Наименование,Статус,Ведущее государство,Орган,Решения,Приняли,Приняли с оговорками,Не приняли,Не рассмотрели',
      );
      expect(lines[1]).toBe('EXP-1,Экспортный стандарт,запланирован,ARM,,1/1,0,0,0,6');
      expect(lines).toHaveLength(2);
      const xlsx = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/standards/export.xlsx?q=EXP-1&lang=en',
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.getRow(1).getCell(1).value).toBe('Designation');
      expect(ws?.getRow(2).getCell(2).value).toBe('Экспортный стандарт');
      expect(ws?.getRow(2).getCell(10).value).toBe(6);
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/standards/export.csv' }))
          .statusCode,
      ).toBe(401);
    });

    it('gives the history of the standard and its adoption records, newest first', async () => {
      const id = await adopted();
      await patch(id, { title: { en: 'Renamed' } });
      await put(id, 'ARM', { status: 'not_adopted' }, 'delegateArm');
      const res = await t.as('observer', { method: 'GET', url: `/api/v1/standards/${id}/history` });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(
        items.map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`),
      ).toEqual(['standard_adoption:create', 'standard:update', 'standard:create']);
      expect(items[0]).toMatchObject({
        entityId: `${id}/ARM`,
        actor: { name: 'delegateArm' },
        change: { memberState: 'ARM', status: ['pending', 'not_adopted'] },
      });
      expect(items[1].change.title).toEqual([
        { en: `Standard ${seq}`, ru: `Стандарт ${seq}` },
        { en: 'Renamed' },
      ]);
      expect(
        (await t.as('observer', { method: 'GET', url: '/api/v1/standards/missing/history' }))
          .statusCode,
      ).toBe(404);
    });

    it('names the standards that name a decision', async () => {
      const ctx = {
        db: t.handle.db,
        dialect: t.handle.dialect,
        actor: { id: 'x', role: 'observer' as const, name: 'o', memberState: null, bodyIds: [] },
      };
      const entries = await entriesNamingDecision(ctx, decisionId);
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(entries[0]).toMatchObject({ type: 'standard', status: expect.any(String) });
      expect(
        await entriesNamingDecision(
          { ...ctx, actor: { ...ctx.actor, id: null, role: 'anonymous' } },
          decisionId,
        ),
      ).toEqual([]);
    });
  });
});
