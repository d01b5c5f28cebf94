import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { ANONYMOUS } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { createToken } from '../auth/service.ts';
import { insertUser } from '../users/service.ts';

const now = () => new Date().toISOString();

describe(`IP results (${DIALECT})`, () => {
  let t: TestApp;
  let council: string;
  let councilToken: string;
  let project: string;
  let decision: string;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.handle.db;
    council = await insertBody(db, { slug: 'council', name: 'Council', kind: 'council' });
    for (const [key, state, name] of [
      ['arm', 'ARM', 'Arm Works'],
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
    // An observer of the council: reads restricted results whose access list names the council.
    const system = { ...ANONYMOUS, role: 'admin' as const, name: 'test' };
    const user = await insertUser(db, t.handle.dialect, system, {
      email: 'council@example.org',
      name: 'Council observer',
      role: 'observer',
      memberState: null,
      bodyIds: [council],
      language: 'en',
      active: true,
      password: 'correct horse battery staple',
    });
    councilToken = (
      await createToken(
        { db, dialect: t.handle.dialect, actor: { ...system, id: user.id } },
        'test',
        user.id,
      )
    ).token;
    const p = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        title: { en: 'Joint R&D of composites' },
        kind: 'joint_rnd',
        participants: [
          { organizationId: org.arm, role: 'lead' },
          { organizationId: org.blr, role: 'partner' },
        ],
      },
    });
    expect(p.statusCode).toBe(201);
    project = p.json().id;
    const d = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: council,
        number: '5/2',
        title: { en: 'On the protection of results' },
        text: { en: 'Text' },
        adoptedOn: '2024-03-01',
      },
    });
    expect(d.statusCode).toBe(201);
    decision = d.json().id;
  });
  afterAll(async () => t.close());

  const base = () => ({
    title: { en: 'Composite armour panel', ru: 'Композитная панель' },
    kind: 'invention',
    projectId: project,
    rightsHolders: [
      { organizationId: org.arm, share: 33.33 },
      { organizationId: org.blr, share: 33.33 },
      { memberState: 'KAZ', share: 33.34 },
    ],
  });
  const create = (
    payload: Record<string, unknown>,
    caller: 'secretariat' | 'delegateArm' | 'observer' | 'anonymous' = 'secretariat',
  ) => t.as(caller, { method: 'POST', url: '/api/v1/ip-results', payload });
  const asCouncil = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${councilToken}` } });
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('ipResults')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('rights holders', () => {
    it('records a result whose shares total 100 with two decimals, 201 + Location + ETag', async () => {
      const res = await create({
        ...base(),
        protections: [
          { memberState: 'RUS', status: 'granted', number: 'RU 2790001', date: '2025-02-03' },
          { memberState: 'ARM', status: 'filed', date: '2024-06-01' },
        ],
        decisionIds: [decision],
      });
      expect(res.statusCode).toBe(201);
      const r = res.json();
      expect(res.headers.location).toBe(`/api/v1/ip-results/${r.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(r.rightsHolders).toEqual([
        {
          organizationId: org.arm,
          memberState: 'ARM',
          organizationName: { en: 'Arm Works', ru: 'Arm Works' },
          share: 33.33,
        },
        {
          organizationId: org.blr,
          memberState: 'BLR',
          organizationName: { en: 'Минский завод', ru: 'Минский завод' },
          share: 33.33,
        },
        { organizationId: null, memberState: 'KAZ', organizationName: null, share: 33.34 },
      ]);
      expect(r.protections).toEqual([
        { memberState: 'ARM', status: 'filed', number: null, date: '2024-06-01' },
        { memberState: 'RUS', status: 'granted', number: 'RU 2790001', date: '2025-02-03' },
      ]);
      expect(r.project).toEqual({ id: project, title: { en: 'Joint R&D of composites' } });
      expect(r.decisions).toEqual([
        {
          id: decision,
          number: '5/2',
          title: { en: 'On the protection of results' },
          adoptedOn: '2024-03-01',
        },
      ]);
      expect(r.classification).toBe('internal');
    });

    it('refuses shares that do not total 100 with 422 saying the total; nothing stored', async () => {
      const before = await count();
      const res = await create({
        ...base(),
        rightsHolders: [
          { organizationId: org.arm, share: 50 },
          { memberState: 'KAZ', share: 40.5 },
        ],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toBe(
        "The rights holders' shares total 90.5%; they must total exactly 100%.",
      );
      const over = await create({
        ...base(),
        rightsHolders: [
          { organizationId: org.arm, share: 60 },
          { memberState: 'KAZ', share: 40.01 },
        ],
      });
      expect(over.statusCode).toBe(422);
      expect(over.json().detail).toContain('100.01%');
      expect(await count()).toBe(before);
    });

    it('refuses a share with more than two decimals, zero or negative shares (400)', async () => {
      for (const share of [33.333, 0, -5, 101, '50']) {
        const res = await create({
          ...base(),
          rightsHolders: [{ organizationId: org.arm, share }],
        });
        expect(res.statusCode, String(share)).toBe(400);
      }
      const decimals = await create({
        ...base(),
        rightsHolders: [{ organizationId: org.arm, share: 33.333 }],
      });
      expect(decimals.json().errors[0]).toEqual({
        path: 'rightsHolders.0.share',
        message: 'Give the share with at most two decimals',
      });
    });

    it('needs an organization or a state per holder, each once and existing (400)', async () => {
      const both = await create({
        ...base(),
        rightsHolders: [{ organizationId: org.arm, memberState: 'ARM', share: 100 }],
      });
      expect(both.statusCode).toBe(400);
      expect(both.json().errors).toEqual([
        { path: 'rightsHolders.0', message: 'Name an organization or a member state, not both' },
      ]);
      const neither = await create({ ...base(), rightsHolders: [{ share: 100 }] });
      expect(neither.statusCode).toBe(400);
      const twice = await create({
        ...base(),
        rightsHolders: [
          { memberState: 'KAZ', share: 50 },
          { memberState: 'KAZ', share: 50 },
        ],
      });
      expect(twice.json().errors).toEqual([
        { path: 'rightsHolders.1', message: 'Name each rights holder once' },
      ]);
      const unknown = await create({
        ...base(),
        projectId: 'nope',
        rightsHolders: [
          { organizationId: 'nope', share: 50 },
          { memberState: 'XXX', share: 50 },
        ],
        decisionIds: ['gone'],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([
        { path: 'rightsHolders.0.organizationId', message: 'No such organization' },
        { path: 'rightsHolders.1.memberState', message: 'No such member state' },
        { path: 'decisionIds.0', message: 'No such decision' },
        { path: 'projectId', message: 'No such project' },
      ]);
    });
  });

  describe('protections', () => {
    it('needs the number of a granted protection (422) and one record per state (400)', async () => {
      const granted = await create({
        ...base(),
        protections: [{ memberState: 'RUS', status: 'granted', date: '2025-01-01' }],
      });
      expect(granted.statusCode).toBe(422);
      expect(granted.json().detail).toBe('A granted protection needs the number of its title.');
      const twice = await create({
        ...base(),
        protections: [
          { memberState: 'RUS', status: 'filed' },
          { memberState: 'RUS', status: 'refused' },
        ],
      });
      expect(twice.statusCode).toBe(400);
      const bad = await create({
        ...base(),
        protections: [{ memberState: 'RUS', status: 'pending' }],
      });
      expect(bad.statusCode).toBe(400);
    });
  });

  describe('permissions and hostile input', () => {
    it('lets only the secretariat write (403), anonymous 401', async () => {
      const before = await count();
      expect((await create(base(), 'delegateArm')).statusCode).toBe(403);
      expect((await create(base(), 'observer')).statusCode).toBe(403);
      expect((await create(base(), 'anonymous')).statusCode).toBe(401);
      expect(
        (await t.as('anonymous', { method: 'GET', url: '/api/v1/ip-results' })).statusCode,
      ).toBe(401);
      expect(await count()).toBe(before);
    });

    it('refuses wrong types, unknown fields, huge strings and NUL (400), nothing stored', async () => {
      const before = await count();
      for (const payload of [
        { ...base(), title: ['x'] },
        { ...base(), secret: true },
        { ...base(), title: { en: 'x'.repeat(5000) } },
        { ...base(), kind: 'patent' },
        { ...base(), rightsHolders: [] },
        { ...base(), title: { ru: 'a\u0000' } },
        { ...base(), classification: 'top_secret' },
        { ...base(), accessList: { memberStates: ['arm'] }, classification: 'restricted' },
      ]) {
        const res = await create(payload);
        expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      }
      expect(await count()).toBe(before);
    });
  });

  describe('confidential results (restricted)', () => {
    let secret: string;
    let open: string;

    beforeAll(async () => {
      const s = await create({
        ...base(),
        title: { en: 'Secret alloy', ru: 'Секретный сплав' },
        classification: 'restricted',
        accessList: { memberStates: ['BLR'], bodyIds: [council] },
        decisionIds: [decision],
      });
      expect(s.statusCode).toBe(201);
      secret = s.json().id;
      open = (await create({ ...base(), title: { en: 'Open method' } })).json().id;
    });

    it('needs an access list when restricted and refuses one otherwise (422)', async () => {
      const none = await create({ ...base(), classification: 'restricted' });
      expect(none.statusCode).toBe(422);
      expect(none.json().detail).toBe(
        'A restricted result needs an access list naming at least one member state or body.',
      );
      const stray = await create({ ...base(), accessList: { memberStates: ['ARM'] } });
      expect(stray.statusCode).toBe(422);
      const unknown = await create({
        ...base(),
        classification: 'restricted',
        accessList: { memberStates: ['XYZ'] },
      });
      expect(unknown.statusCode).toBe(400);
    });

    it('answers 404 to those the access list does not name, and reads for those it names', async () => {
      for (const caller of ['delegateArm', 'observer'] as const) {
        const res = await t.as(caller, { method: 'GET', url: `/api/v1/ip-results/${secret}` });
        expect(res.statusCode, caller).toBe(404);
        expect(res.json().detail).toBe('No such intellectual-property result.');
      }
      const blr = await t.as('delegateBlr', { method: 'GET', url: `/api/v1/ip-results/${secret}` });
      expect(blr.statusCode).toBe(200);
      expect(blr.json().accessList).toEqual({ memberStates: ['BLR'], bodyIds: [council] });
      expect((await asCouncil(`/api/v1/ip-results/${secret}`)).statusCode).toBe(200);
      const staff = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/ip-results/${secret}`,
      });
      expect(staff.statusCode).toBe(200);
    });

    it('leaves it out of lists and exports for the others', async () => {
      const ids = async (caller: 'delegateArm' | 'delegateBlr', url: string) =>
        (await t.as(caller, { method: 'GET', url })).json().items.map((r: { id: string }) => r.id);
      const arm = await ids('delegateArm', '/api/v1/ip-results?limit=200');
      expect(arm).toContain(open);
      expect(arm).not.toContain(secret);
      expect(await ids('delegateBlr', '/api/v1/ip-results?limit=200')).toContain(secret);
      expect(await ids('delegateArm', '/api/v1/ip-results?classification=restricted')).toEqual([]);
      const csv = await t.as('delegateArm', {
        method: 'GET',
        url: '/api/v1/ip-results/export.csv?lang=en',
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('Open method');
      expect(csv.body).not.toContain('Secret alloy');
      const blrCsv = await t.as('delegateBlr', {
        method: 'GET',
        url: '/api/v1/ip-results/export.csv?lang=ru',
      });
      expect(blrCsv.body).toContain('Секретный сплав');
    });

    it('refuses a delegate’s write at the door, readable or not, as for an unknown result', async () => {
      // Writes are the staff's: 403 whichever result is named, so nothing tells this one exists.
      for (const [caller, id] of [
        ['delegateArm', secret],
        ['delegateBlr', secret],
        ['delegateArm', '01J00000000000000000000000'],
      ] as const) {
        const patch = await t.as(caller, {
          method: 'PATCH',
          url: `/api/v1/ip-results/${id}`,
          payload: { title: { en: 'x' } },
        });
        expect(patch.statusCode).toBe(403);
        const del = await t.as(caller, { method: 'DELETE', url: `/api/v1/ip-results/${id}` });
        expect(del.statusCode).toBe(403);
      }
    });

    it('names only readable results among the entries naming a decision', async () => {
      const { entriesNamingDecision } = await import('./service.ts');
      const ctx = { db: t.handle.db, dialect: t.handle.dialect };
      const arm = await entriesNamingDecision(
        {
          ...ctx,
          actor: { id: 'a', role: 'delegate', name: 'a', memberState: 'ARM', bodyIds: [] },
        },
        decision,
      );
      expect(arm.map((e) => e.id)).not.toContain(secret);
      const blr = await entriesNamingDecision(
        {
          ...ctx,
          actor: { id: 'b', role: 'delegate', name: 'b', memberState: 'BLR', bodyIds: [] },
        },
        decision,
      );
      expect(blr).toContainEqual({
        type: 'ip_result',
        id: secret,
        title: { en: 'Secret alloy', ru: 'Секретный сплав' },
        status: 'restricted',
      });
    });

    it('opens up when declassified: the access list goes with it', async () => {
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/ip-results/${secret}`,
        headers: { 'if-match': '"1"' },
        payload: { classification: 'internal' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().accessList).toBeNull();
      const arm = await t.as('delegateArm', { method: 'GET', url: `/api/v1/ip-results/${secret}` });
      expect(arm.statusCode).toBe(200);
      const rows = await t.handle.db
        .selectFrom('ipResultAccess')
        .selectAll()
        .where('ipResultId', '=', secret)
        .execute();
      expect(rows).toEqual([]);
    });
  });

  describe('changes, history, export', () => {
    let id: string;

    beforeAll(async () => {
      id = (
        await create({
          ...base(),
          title: { en: 'Software suite', ru: 'Программный комплекс' },
          kind: 'software',
        })
      ).json().id;
    });

    it('replaces holders and protections, keeps the 100% rule, 412 on stale If-Match', async () => {
      const bad = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/ip-results/${id}`,
        headers: { 'if-match': '"1"' },
        payload: { rightsHolders: [{ organizationId: org.kaz, share: 99.99 }] },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().detail).toContain('99.99%');
      const ok = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/ip-results/${id}`,
        headers: { 'if-match': '"1"' },
        payload: {
          rightsHolders: [{ organizationId: org.kaz, share: 100 }],
          protections: [
            { memberState: 'KAZ', status: 'filed', number: 'KZ-1', date: '2025-05-05' },
          ],
        },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.json().rightsHolders).toEqual([
        {
          organizationId: org.kaz,
          memberState: 'KAZ',
          organizationName: { en: 'Kaz Engineering', ru: 'Kaz Engineering' },
          share: 100,
        },
      ]);
      const stale = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/ip-results/${id}`,
        headers: { 'if-match': '"1"' },
        payload: { title: { en: 'Late' } },
      });
      expect(stale.statusCode).toBe(412);
    });

    it('filters by holder state, protection state and status, project, kind', async () => {
      const q = async (query: string) =>
        (await t.as('secretariat', { method: 'GET', url: `/api/v1/ip-results?${query}` }))
          .json()
          .items.map((r: { id: string }) => r.id);
      expect(await q('holderState=KAZ&kind=software')).toEqual([id]);
      expect(await q('protectedIn=KAZ')).toEqual([id]);
      expect(await q('protectedIn=KAZ&protectionStatus=granted')).toEqual([]);
      expect((await q(`projectId=${project}`)).length).toBeGreaterThan(1);
      expect(await q(`q=${encodeURIComponent('программный')}`)).toEqual([id]);
      const page = await t.as('secretariat', { method: 'GET', url: '/api/v1/ip-results?limit=1' });
      const next = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/ip-results?limit=1&cursor=${page.json().nextCursor}`,
      });
      expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
    });

    it('keeps the history from the audit trail', async () => {
      const res = await t.as('admin', { method: 'GET', url: `/api/v1/ip-results/${id}/history` });
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
      expect(items[0].change.rightsHolders[1]).toEqual([
        { organizationId: org.kaz, memberState: null, share: 100 },
      ]);
      const delegate = await t.as('delegateArm', {
        method: 'GET',
        url: `/api/v1/ip-results/${id}/history`,
      });
      expect(delegate.statusCode).toBe(403);
    });

    it('exports XLSX in Russian with holders and protections', async () => {
      const res = await t.as('secretariat', {
        method: 'GET',
        url: '/api/v1/ip-results/export.xlsx?kind=software&lang=ru',
      });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws?.getRow(1).getCell(5).value).toBe('Правообладатели');
      expect(ws?.rowCount).toBe(2);
      const row = ws?.getRow(2);
      expect(row?.getCell(1).value).toBe('Программный комплекс');
      expect(row?.getCell(2).value).toBe('Программа для ЭВМ');
      expect(row?.getCell(5).value).toBe('Kaz Engineering (KAZ) 100%');
      expect(row?.getCell(6).value).toBe('KAZ: заявка подана, № KZ-1, 05.05.2025');
    });

    it('deletes with If-Match (204), and a project named by results is kept (409)', async () => {
      const projectDelete = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/projects/${project}`,
      });
      expect(projectDelete.statusCode).toBe(409);
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/ip-results/${id}`,
        headers: { 'if-match': '"2"' },
      });
      expect(res.statusCode).toBe(204);
      const gone = await t.as('secretariat', { method: 'GET', url: `/api/v1/ip-results/${id}` });
      expect(gone.statusCode).toBe(404);
    });
  });
});
