import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { newId } from '../../platform/ids.ts';

const now = () => new Date().toISOString();

describe(`projects (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  const org: Record<string, string> = {};
  let measure: string;
  let decision: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    body = await insertBody(db, { slug: 'icmec', name: 'Commission' });
    for (const [key, state, name] of [
      ['armA', 'ARM', 'Arm Works'],
      ['armB', 'ARM', 'Arm Institute'],
      ['blr', 'BLR', 'Минский завод'],
      ['kaz', 'KAZ', 'Kaz Engineering'],
    ] as const) {
      org[key] = newId();
      await db
        .insertInto('organizations')
        .values({
          id: org[key],
          name: JSON.stringify({ en: name, ru: name }),
          memberState: state,
          kind: 'enterprise',
          searchText: name.toLowerCase(),
          sortKey: name.toLowerCase(),
          version: 1,
          createdAt: now(),
          updatedAt: now(),
        })
        .execute();
    }
    const program = newId();
    await db
      .insertInto('programs')
      .values({
        id: program,
        title: JSON.stringify({ en: 'Program 2030' }),
        description: null,
        bodyId: null,
        periodFrom: '2024-01-01',
        periodTo: '2030-12-31',
        status: 'active',
        progress: null,
        measureCount: 1,
        searchText: 'program 2030',
        version: 1,
        createdAt: now(),
        updatedAt: now(),
      })
      .execute();
    measure = newId();
    await db
      .insertInto('programMeasures')
      .values({
        id: measure,
        programId: program,
        parentId: null,
        ordinal: 1,
        title: JSON.stringify({ en: 'Joint production of parts' }),
        description: null,
        startDate: null,
        dueDate: '2027-01-01',
        status: 'in_progress',
        progress: 10,
        version: 1,
        createdAt: now(),
        updatedAt: now(),
      })
      .execute();
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: body,
        number: '21/5',
        title: { en: 'On joint ventures' },
        text: { en: 'Text' },
        adoptedOn: '2023-04-27',
      },
    });
    expect(res.statusCode).toBe(201);
    decision = res.json().id;
  });
  afterAll(async () => t.close());

  const base = () => ({
    title: { en: 'Joint venture for repair', ru: 'СП по ремонту' },
    kind: 'joint_venture',
    participants: [
      { organizationId: org.armA, role: 'lead' },
      { organizationId: org.blr, role: 'partner' },
    ],
  });
  const create = (
    body: Record<string, unknown>,
    caller: 'secretariat' | 'delegateArm' | 'observer' | 'anonymous' = 'secretariat',
  ) => t.as(caller, { method: 'POST', url: '/api/v1/projects', payload: body });
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('projects')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('documents its routes in the OpenAPI description', async () => {
    const res = await t.as('anonymous', { method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/projects',
      '/api/v1/projects/{id}',
      '/api/v1/projects/{id}/history',
      '/api/v1/projects/summary-by-state',
      '/api/v1/projects/export.xlsx',
      '/api/v1/ip-results',
      '/api/v1/ip-results/{id}',
      '/api/v1/ip-results/{id}/history',
      '/api/v1/ip-results/export.csv',
    ]) {
      expect(paths).toContain(p);
    }
  });

  describe('create and read', () => {
    it('records a project with participants, measures and decisions, 201 + Location + ETag', async () => {
      const res = await create({
        ...base(),
        description: { en: 'A **joint** venture <script>x</script>' },
        startDate: '2024-01-01',
        measureIds: [measure],
        decisionIds: [decision],
      });
      expect(res.statusCode).toBe(201);
      const p = res.json();
      expect(res.headers.location).toBe(`/api/v1/projects/${p.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(p).toMatchObject({
        status: 'proposed',
        kind: 'joint_venture',
        memberStates: ['ARM', 'BLR'],
        measures: [{ id: measure, title: { en: 'Joint production of parts' } }],
        decisions: [{ id: decision, number: '21/5' }],
      });
      expect(p.participants.map((x: { role: string }) => x.role)).toEqual(['lead', 'partner']);
      expect(p.participants[1].organization).toEqual({
        name: { en: 'Минский завод', ru: 'Минский завод' },
        memberState: 'BLR',
      });
      expect(p.descriptionHtml.en).toContain('<strong>joint</strong>');
      expect(p.descriptionHtml.en).not.toContain('<script>');
      const read = await t.as('delegateBlr', { method: 'GET', url: `/api/v1/projects/${p.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().title.ru).toBe('СП по ремонту');
    });

    it('lets observers and delegates read but only the secretariat write (403), anonymous 401', async () => {
      const before = await count();
      expect((await create(base(), 'delegateArm')).statusCode).toBe(403);
      expect((await create(base(), 'observer')).statusCode).toBe(403);
      expect((await create(base(), 'anonymous')).statusCode).toBe(401);
      expect((await t.as('anonymous', { method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(
        401,
      );
      expect((await t.as('observer', { method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(
        200,
      );
      expect(await count()).toBe(before);
    });

    it('creates once for a repeated Idempotency-Key', async () => {
      const before = await count();
      const send = () =>
        t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/projects',
          headers: { 'idempotency-key': 'project-once' },
          payload: base(),
        });
      const first = await send();
      const again = await send();
      expect(first.statusCode).toBe(201);
      expect(again.json().id).toBe(first.json().id);
      expect(await count()).toBe(before + 1);
    });

    it('answers 404 for a missing project', async () => {
      const res = await t.as('observer', { method: 'GET', url: `/api/v1/projects/${newId()}` });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('participants', () => {
    it('refuses a joint venture of one state with 422 saying why', async () => {
      const before = await count();
      const res = await create({
        ...base(),
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: org.armB, role: 'partner' },
        ],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toBe(
        'A joint venture needs participants from at least two member states; all participants are of ARM.',
      );
      expect(await count()).toBe(before);
    });

    it('accepts one state for kinds other than a joint venture', async () => {
      const res = await create({
        ...base(),
        kind: 'modernization',
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: org.armB, role: 'partner' },
        ],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().memberStates).toEqual(['ARM']);
    });

    it('needs exactly one lead (422)', async () => {
      const none = await create({
        ...base(),
        participants: [
          { organizationId: org.armA, role: 'partner' },
          { organizationId: org.blr, role: 'partner' },
        ],
      });
      expect(none.statusCode).toBe(422);
      expect(none.json().detail).toBe('A project has exactly one lead participant; 0 given.');
      const two = await create({
        ...base(),
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: org.blr, role: 'lead' },
        ],
      });
      expect(two.statusCode).toBe(422);
      expect(two.json().detail).toBe('A project has exactly one lead participant; 2 given.');
    });

    it('refuses unknown and repeated organizations, measures and decisions (400)', async () => {
      const before = await count();
      const unknown = await create({
        ...base(),
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: 'nope', role: 'partner' },
        ],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        { path: 'participants.1.organizationId', message: 'No such organization' },
      ]);
      const twice = await create({
        ...base(),
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: org.armA, role: 'partner' },
        ],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().errors[0].message).toBe('Name each organization once');
      const links = await create({ ...base(), measureIds: ['x'], decisionIds: ['y'] });
      expect(links.statusCode).toBe(400);
      expect(links.json().errors).toEqual([
        { path: 'measureIds.0', message: 'No such program measure' },
        { path: 'decisionIds.0', message: 'No such decision' },
      ]);
      expect(await count()).toBe(before);
    });

    it('answers in Russian for a Russian caller', async () => {
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/projects',
        headers: { 'accept-language': 'ru' },
        payload: {
          ...base(),
          participants: [
            { organizationId: org.armA, role: 'lead' },
            { organizationId: 'nope', role: 'partner' },
          ],
        },
      });
      expect(res.json().errors[0].message).toBe('Такой организации нет');
    });
  });

  describe('hostile input', () => {
    it('refuses wrong types, unknown fields, huge strings, bad enums and NUL (400), nothing stored', async () => {
      const before = await count();
      for (const payload of [
        { ...base(), title: 'plain string' },
        { ...base(), extra: 1 },
        { ...base(), title: { en: 'x'.repeat(1001) } },
        { ...base(), kind: 'empire' },
        { ...base(), status: 'glorious' },
        { ...base(), participants: [] },
        { ...base(), participants: 'all' },
        { ...base(), title: { en: 'a\u0000b' } },
        { ...base(), startDate: '2024-13-45' },
        { ...base(), decisionIds: [decision, decision] },
        { ...base(), startDate: '2025-01-01', endDate: '2024-01-01' },
      ]) {
        const res = await create(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const list = await t.as('observer', { method: 'GET', url: '/api/v1/projects?limit=500' });
      expect(list.statusCode).toBe(400);
      const cursor = await t.as('observer', { method: 'GET', url: '/api/v1/projects?cursor=zzz' });
      expect(cursor.statusCode).toBe(400);
      expect(await count()).toBe(before);
    });
  });

  describe('lifecycle', () => {
    let id: string;
    let version: number;
    const patch = (payload: Record<string, unknown>, ifMatch = version) =>
      t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/projects/${id}`,
        headers: { 'if-match': `"${ifMatch}"` },
        payload,
      });

    beforeAll(async () => {
      const res = await create({ ...base(), title: { en: 'Lifecycle project' } });
      id = res.json().id;
      version = res.json().version;
    });

    it('moves proposed → approved → active → completed and refuses other moves with 409', async () => {
      const skip = await patch({ status: 'active' });
      expect(skip.statusCode).toBe(409);
      expect(skip.json().detail).toBe('A proposed project moves only to approved, not to active.');
      const terminated = await patch({ status: 'terminated' });
      expect(terminated.statusCode).toBe(409);
      for (const status of ['approved', 'active', 'completed']) {
        const res = await patch({ status });
        expect(res.statusCode).toBe(200);
        expect(res.json().status).toBe(status);
        version = res.json().version;
      }
      const back = await patch({ status: 'active' });
      expect(back.statusCode).toBe(409);
      expect(back.json().detail).toBe('The project is completed; its status no longer changes.');
    });

    it('terminates from approved or active', async () => {
      const p = (await create({ ...base(), status: 'approved' })).json();
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}`,
        payload: { status: 'terminated' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('terminated');
    });

    it('answers 412 for a stale If-Match and changes nothing', async () => {
      const res = await patch({ title: { en: 'Stale' } }, version - 1);
      expect(res.statusCode).toBe(412);
      const read = await t.as('observer', { method: 'GET', url: `/api/v1/projects/${id}` });
      expect(read.json().title).toEqual({ en: 'Lifecycle project' });
    });

    it('re-checks the two-state rule when participants change', async () => {
      const res = await patch({
        participants: [
          { organizationId: org.armA, role: 'lead' },
          { organizationId: org.armB, role: 'partner' },
        ],
      });
      expect(res.statusCode).toBe(422);
      const ok = await patch({
        participants: [
          { organizationId: org.kaz, role: 'lead' },
          { organizationId: org.armA, role: 'partner' },
        ],
        measureIds: [measure],
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().memberStates).toEqual(['ARM', 'KAZ']);
      expect(ok.json().participants[0].organizationId).toBe(org.kaz);
      version = ok.json().version;
    });

    it('lets a delegate read but not change (403)', async () => {
      const res = await t.as('delegateArm', {
        method: 'PATCH',
        url: `/api/v1/projects/${id}`,
        payload: { title: { en: 'Mine' } },
      });
      expect(res.statusCode).toBe(403);
    });

    it('keeps the history from the audit trail, for the secretariat only', async () => {
      const res = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/projects/${id}/history`,
      });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.at(-1)).toMatchObject({ action: 'create', entityType: 'project' });
      expect(items.map((e: { action: string }) => e.action)).toEqual([
        'update',
        'status',
        'status',
        'status',
        'create',
      ]);
      expect(items[0].change.measureIds).toEqual([[], [measure]]);
      expect(items[1].change.status).toEqual(['active', 'completed']);
      const observer = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/projects/${id}/history`,
      });
      expect(observer.statusCode).toBe(403);
    });

    it('deletes only a proposed project (409 otherwise), with If-Match', async () => {
      const done = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/projects/${id}`,
      });
      expect(done.statusCode).toBe(409);
      const p = (await create(base())).json();
      const stale = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/projects/${p.id}`,
        headers: { 'if-match': '"7"' },
      });
      expect(stale.statusCode).toBe(412);
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/projects/${p.id}`,
        headers: { 'if-match': '"1"' },
      });
      expect(res.statusCode).toBe(204);
      const gone = await t.as('secretariat', { method: 'GET', url: `/api/v1/projects/${p.id}` });
      expect(gone.statusCode).toBe(404);
      const history = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/projects/${p.id}/history`,
      });
      expect(history.statusCode).toBe(404);
    });
  });

  describe('list, summary, links, export', () => {
    let ids: string[] = [];

    beforeAll(async () => {
      await t.handle.db.deleteFrom('projects').execute();
      const specs = [
        { kind: 'joint_venture', lead: org.armA, partner: org.blr, status: 'active' },
        { kind: 'joint_rnd', lead: org.blr, partner: org.armB, status: 'proposed' },
        { kind: 'repair', lead: org.kaz, partner: org.blr, status: 'completed' },
        { kind: 'co_production', lead: org.armA, partner: org.armB, status: 'active' },
      ];
      ids = [];
      for (const [i, s] of specs.entries()) {
        const res = await create({
          title: { en: `Project ${i}`, ru: `Проект ${i}` },
          kind: s.kind,
          status: s.status,
          participants: [
            { organizationId: s.lead, role: 'lead' },
            { organizationId: s.partner, role: 'partner' },
          ],
          decisionIds: i === 0 ? [decision] : [],
          measureIds: i === 2 ? [measure] : [],
        });
        expect(res.statusCode).toBe(201);
        ids.push(res.json().id);
      }
    });

    it('lists newest first with cursor pagination', async () => {
      const first = await t.as('observer', { method: 'GET', url: '/api/v1/projects?limit=3' });
      expect(first.statusCode).toBe(200);
      expect(first.json().items.map((p: { id: string }) => p.id)).toEqual(
        [...ids].reverse().slice(0, 3),
      );
      const next = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/projects?limit=3&cursor=${first.json().nextCursor}`,
      });
      expect(next.json().items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
      expect(next.json().nextCursor).toBeNull();
    });

    it('filters by kind, status, state, role, organization, measure, decision and title', async () => {
      const q = async (query: string) =>
        (await t.as('observer', { method: 'GET', url: `/api/v1/projects?${query}` }))
          .json()
          .items.map((p: { id: string }) => p.id)
          .sort();
      expect(await q('kind=repair')).toEqual([ids[2]]);
      expect(await q('status=active')).toEqual([ids[0], ids[3]].sort());
      expect(await q('memberState=KAZ')).toEqual([ids[2]]);
      expect(await q('memberState=BLR&role=lead')).toEqual([ids[1]]);
      expect(await q(`organizationId=${org.armB}`)).toEqual([ids[1], ids[3]].sort());
      expect(await q(`measureId=${measure}`)).toEqual([ids[2]]);
      expect(await q(`decisionId=${decision}`)).toEqual([ids[0]]);
      expect(await q(`q=${encodeURIComponent('проект 3')}`)).toEqual([ids[3]]);
    });

    it('summarizes per state: by status, as lead and as partner only', async () => {
      const res = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/projects/summary-by-state',
      });
      expect(res.statusCode).toBe(200);
      const byState = Object.fromEntries(
        res.json().items.map((s: { memberState: string }) => [s.memberState, s]),
      );
      // ARM: 0 (lead), 1 (partner), 3 (lead and partner: counted once, as lead).
      expect(byState.ARM).toEqual({
        memberState: 'ARM',
        total: 3,
        asLead: 2,
        asPartner: 1,
        byStatus: { proposed: 1, approved: 0, active: 2, completed: 0, terminated: 0 },
      });
      expect(byState.BLR).toMatchObject({ total: 3, asLead: 1, asPartner: 2 });
      expect(byState.KAZ).toMatchObject({ total: 1, asLead: 1, asPartner: 0 });
      expect(byState.TJK).toBeUndefined();
      const jv = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/projects/summary-by-state?kind=joint_venture',
      });
      expect(jv.json().items.map((s: { memberState: string }) => s.memberState)).toEqual([
        'ARM',
        'BLR',
      ]);
    });

    it('keeps a participating organization in the directory (409 on its removal)', async () => {
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/organizations/${org.kaz}`,
      });
      expect(res.statusCode).toBe(409);
      const read = await t.as('observer', { method: 'GET', url: `/api/v1/projects/${ids[2]}` });
      expect(read.json().participants[0].organizationId).toBe(org.kaz);
    });

    it('names the projects linked to a decision (entriesNamingDecision)', async () => {
      const { entriesNamingDecision } = await import('./service.ts');
      const ctx = { db: t.handle.db, dialect: t.handle.dialect };
      const entries = await entriesNamingDecision(
        { ...ctx, actor: { id: 'x', role: 'observer', name: 'o', memberState: null, bodyIds: [] } },
        decision,
      );
      expect(entries).toEqual([
        {
          type: 'project',
          id: ids[0],
          title: { en: 'Project 0', ru: 'Проект 0' },
          status: 'active',
        },
      ]);
      const anonymous = await entriesNamingDecision(
        {
          ...ctx,
          actor: { id: null, role: 'anonymous', name: '', memberState: null, bodyIds: [] },
        },
        decision,
      );
      expect(anonymous).toEqual([]);
    });

    it('exports the filtered register as XLSX in Russian, Cyrillic intact', async () => {
      const res = await t.as('observer', {
        method: 'GET',
        url: '/api/v1/projects/export.xlsx?memberState=BLR&lang=ru',
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%D0%BF%D1%80");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.name).toBe('Проекты');
      expect(ws?.getRow(1).getCell(1).value).toBe('Наименование');
      const rows = new Map<unknown, unknown[]>();
      for (let r = 2; r <= (ws?.rowCount ?? 0); r++) {
        const row = ws?.getRow(r);
        rows.set(
          row?.getCell(1).value,
          [2, 3, 4, 5].map((c) => row?.getCell(c).value),
        );
      }
      expect([...rows.keys()].sort()).toEqual(['Проект 0', 'Проект 1', 'Проект 2']);
      expect(rows.get('Проект 1')).toEqual([
        'Совместные НИОКР',
        'Предложен',
        'Минский завод (BLR)',
        'Arm Institute (ARM)',
      ]);
      expect(rows.get('Проект 2')?.slice(0, 2)).toEqual(['Ремонт', 'Завершён']);
    });

    it('exports CSV in English with the lead, partners and decisions', async () => {
      const res = await t.as('observer', {
        method: 'GET',
        url: `/api/v1/projects/export.csv?decisionId=${decision}&lang=en`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe(
        'Title,Kind,Status,Lead,Partners,Member states,Start,End,Decisions,Program measures',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe(
        'Project 0,Joint venture,Active,Arm Works (ARM),Минский завод (BLR),"ARM, BLR",,,21/5,',
      );
      const anonymous = await t.as('anonymous', {
        method: 'GET',
        url: '/api/v1/projects/export.csv',
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
