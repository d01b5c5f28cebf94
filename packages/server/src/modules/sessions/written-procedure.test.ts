import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, PG_URL, STATES, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';
import { openDatabase } from '../../db/dialect.ts';
import { runNotificationJobs } from '../notifications/jobs.ts';
import { closeDueWrittenProcedures } from './service.ts';

// biome-ignore lint/suspicious/noExplicitAny: responses are read loosely; the schemas check them
type Json = Record<string, any>;

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe(`written procedure (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  let previousMeeting: string;
  let nextMeeting: string;
  const year = new Date().getUTCFullYear();

  const circulate = async (title: string, deadline = inHours(48)) => {
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        procedure: 'written',
        bodyId: body,
        deadline,
        kind: 'decision',
        title: { en: title, ru: `${title} (ru)` },
        text: { en: `Decided: ${title}.` },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };
  const position = (caller: Parameters<TestApp['as']>[0], id: string, code: string, p: unknown) =>
    t.as(caller, {
      method: 'PUT',
      url: `/api/v1/proposals/${id}/positions/${code}`,
      payload: p as never,
    });
  const read = async (id: string) =>
    (await t.as('observer', { method: 'GET', url: `/api/v1/proposals/${id}` })).json() as Json;

  beforeAll(async () => {
    t = await createTestApp();
    body = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    previousMeeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 20,
      startDate: daysFromToday(-30),
      status: 'held',
    });
    nextMeeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: daysFromToday(30),
      status: 'announced',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('circulates to all member states and notifies their delegates', async () => {
    const p = await circulate('On the joint programme');
    expect(p).toMatchObject({ procedure: 'written', status: 'open', meetingId: null });
    expect(p.outcome.pending).toEqual([...STATES]);
    const location = await t.as('observer', { method: 'GET', url: `/api/v1/proposals/${p.id}` });
    expect(location.statusCode).toBe(200);
    for (const caller of ['delegateArm', 'delegateBlr'] as const) {
      const inbox = (
        await t.as(caller, { method: 'GET', url: '/api/v1/notifications' })
      ).json() as Json;
      const n = inbox.items.find((x: Json) => x.entity.id === p.id);
      expect(n, caller).toBeDefined();
      expect(n.kind).toBe('written_procedure_opened');
      expect(n.title).toContain('On the joint programme');
      expect(n.link).toBe(`/app/written-procedures/${p.id}`);
    }
    const observerInbox = (
      await t.as('observer', { method: 'GET', url: '/api/v1/notifications' })
    ).json() as Json;
    expect(observerInbox.items.some((x: Json) => x.entity.id === p.id)).toBe(false);
  });

  it('refuses a deadline in the past, a delegate circulating, and invalid bodies', async () => {
    const past = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        procedure: 'written',
        bodyId: body,
        deadline: inHours(-1),
        title: { en: 'x' },
        text: { en: 'y' },
      },
    });
    expect(past.statusCode).toBe(422);
    expect((past.json() as Json).errors[0].path).toBe('deadline');
    const delegate = await t.as('delegateArm', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        procedure: 'written',
        bodyId: body,
        deadline: inHours(5),
        title: { en: 'x' },
        text: { en: 'y' },
      },
    });
    expect(delegate.statusCode).toBe(403);
    const noBody = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        procedure: 'written',
        bodyId: 'nope',
        deadline: inHours(5),
        title: { en: 'x' },
        text: { en: 'y' },
      },
    });
    expect(noBody.statusCode).toBe(400);
    const badDate = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: { procedure: 'written', bodyId: body, deadline: 'tomorrow', title: { en: 'x' } },
    });
    expect(badDate.statusCode).toBe(400);
    const list = (
      await t.as('observer', { method: 'GET', url: '/api/v1/proposals?procedure=written' })
    ).json() as Json;
    expect(list.items).toHaveLength(1);
  });

  it('creates nothing new for a repeated Idempotency-Key', async () => {
    const deadline = inHours(3);
    const send = () =>
      t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/proposals',
        headers: { 'idempotency-key': 'wp-repeat-1' },
        payload: {
          procedure: 'written',
          bodyId: body,
          deadline,
          title: { en: 'Sent twice' },
          text: { en: 'Once.' },
        },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode, second.body).toBe(201);
    expect((second.json() as Json).id).toBe((first.json() as Json).id);
    const rows = await t.handle.db
      .selectFrom('proposals')
      .select('id')
      .where('title', 'like', '%Sent twice%')
      .execute();
    expect(rows).toHaveLength(1);
    const withdrawn = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/proposals/${rows[0]?.id}/withdraw`,
    });
    expect(withdrawn.statusCode).toBe(200);
  });

  it('lets a delegate give its own state’s position only; observers none', async () => {
    const p = await circulate('On positions');
    const other = await position('delegateArm', p.id, 'BLR', { position: 'concur' });
    expect(other.statusCode).toBe(403);
    const observer = await position('observer', p.id, 'ARM', { position: 'concur' });
    expect(observer.statusCode).toBe(403);
    const anonymous = await position('anonymous', p.id, 'ARM', { position: 'concur' });
    expect(anonymous.statusCode).toBe(401);
    const own = await position('delegateArm', p.id, 'ARM', {
      position: 'concur_with_reservation',
      reservation: { en: 'Within the budget' },
    });
    expect(own.statusCode, own.body).toBe(200);
    const byStaff = await position('secretariat', p.id, 'BLR', { position: 'abstain' });
    expect(byStaff.statusCode).toBe(200);
    const after = await read(p.id);
    expect(after.positions.map((x: Json) => [x.memberState, x.position, x.recordedBy])).toEqual([
      ['ARM', 'concur_with_reservation', 'delegateArm'],
      ['BLR', 'abstain', 'secretariat'],
    ]);
    expect(after.outcome.pending).toEqual(['KAZ', 'KGZ', 'RUS', 'TJK']);
    // The secretariat may not force adoption before the deadline while states have not concurred.
    const forced = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/adopt`,
    });
    expect(forced.statusCode).toBe(409);
    expect((await read(p.id)).status).toBe('open');
    const withdrawn = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/withdraw`,
    });
    expect(withdrawn.statusCode).toBe(200);
  });

  it('adopts at once when every member state concurs, numbered WP-{year}/{n}', async () => {
    const p = await circulate('On concurrence by all');
    for (const [i, code] of STATES.entries()) {
      const res = await position('secretariat', p.id, code, {
        position: i === 0 ? 'concur_with_reservation' : 'concur',
        ...(i === 0 ? { reservation: { en: 'Special opinion of ARM' } } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Json).status).toBe(i === STATES.length - 1 ? 'adopted' : 'open');
    }
    const adopted = await read(p.id);
    expect(adopted.decisionNumber).toBe(`WP-${year}/1`);
    const decision = (
      await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${adopted.decisionId}` })
    ).json() as Json;
    expect(decision).toMatchObject({
      number: `WP-${year}/1`,
      meetingId: null,
      bodyId: body,
      adoptedOn: new Date().toISOString().slice(0, 10),
    });
    const late = await position('secretariat', p.id, 'ARM', { position: 'object' });
    expect(late.statusCode).toBe(409);
  });

  it('adopts at the deadline when no state objects, by the job', async () => {
    const p = await circulate('On silence', inHours(1));
    expect((await position('delegateBlr', p.id, 'BLR', { position: 'concur' })).statusCode).toBe(
      200,
    );
    // Not yet due: nothing happens.
    await closeDueWrittenProcedures(t.handle.db, t.handle.dialect, new Date());
    expect((await read(p.id)).status).toBe('open');
    await runNotificationJobs(t.app, null, new Date(Date.now() + 2 * HOUR));
    const after = await read(p.id);
    expect(after.status).toBe('adopted');
    expect(after.decisionNumber).toBe(`WP-${year}/2`);
    const decision = (
      await t.as('observer', { method: 'GET', url: `/api/v1/decisions/${after.decisionId}` })
    ).json() as Json;
    expect(decision.adoptedOn).toBe(p.deadline.slice(0, 10));
    // After the deadline no position is taken.
    const late = await position('delegateArm', p.id, 'ARM', { position: 'object' });
    expect(late.statusCode).toBe(409);
  });

  it('is not adopted at the deadline when a state objects', async () => {
    const p = await circulate('On an objection', inHours(1));
    expect((await position('delegateArm', p.id, 'ARM', { position: 'object' })).statusCode).toBe(
      200,
    );
    const result = await closeDueWrittenProcedures(
      t.handle.db,
      t.handle.dialect,
      new Date(Date.now() + 2 * HOUR),
    );
    expect(result).toEqual({ adopted: 0, notAdopted: 1 });
    const after = await read(p.id);
    expect(after.status).toBe('not_adopted');
    expect(after.decisionId).toBeNull();
    expect(after.outcome.objections).toEqual(['ARM']);
    const audit = (
      await t.as('admin', {
        method: 'GET',
        url: `/api/v1/audit-events?entityType=proposal&entityId=${p.id}`,
      })
    ).json() as Json;
    expect(audit.items.map((e: Json) => e.action).sort()).toEqual([
      'create',
      'not_adopted',
      'position',
    ]);
  });

  it('adopts once when two job runs meet the same deadline', async () => {
    const ids = [
      (await circulate('Race one', inHours(1))).id,
      (await circulate('Race two', inHours(1))).id,
    ];
    const later = new Date(Date.now() + 2 * HOUR);
    const second =
      DIALECT === 'postgres' ? openDatabase(PG_URL, { schema: t.handle.schema }) : t.handle;
    try {
      const results = await Promise.all([
        closeDueWrittenProcedures(t.handle.db, t.handle.dialect, later),
        closeDueWrittenProcedures(second.db, second.dialect, later),
      ]);
      expect(results.reduce((n, r) => n + r.adopted, 0)).toBe(2);
    } finally {
      if (second !== t.handle) {
        await second.close();
      }
    }
    const numbers = [];
    for (const id of ids) {
      const p = await read(id);
      expect(p.status).toBe('adopted');
      numbers.push(p.decisionNumber);
    }
    expect(numbers.sort()).toEqual([`WP-${year}/3`, `WP-${year}/4`]);
    const decisions = await t.handle.db
      .selectFrom('decisions')
      .select('id')
      .where('title', 'like', '%Race%')
      .execute();
    expect(decisions).toHaveLength(2);
    const adoptEvents = await t.handle.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('entityType', '=', 'proposal')
      .where('action', '=', 'adopt')
      .where('entityId', 'in', ids)
      .execute();
    expect(adoptEvents).toHaveLength(2);
  });

  it('reports the decisions at the next meeting, with their positions', async () => {
    const res = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${nextMeeting}/written-decisions`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as Json;
    expect(list.items.map((d: Json) => d.number).sort()).toEqual([
      `WP-${year}/1`,
      `WP-${year}/2`,
      `WP-${year}/3`,
      `WP-${year}/4`,
    ]);
    const first = list.items.find((d: Json) => d.number === `WP-${year}/1`);
    expect(first.positions[0]).toMatchObject({
      memberState: 'ARM',
      position: 'concur_with_reservation',
      reservation: { en: 'Special opinion of ARM' },
    });
    // The previous meeting reported none of them: they came after it.
    const before = (
      await t.as('observer', {
        method: 'GET',
        url: `/api/v1/meetings/${previousMeeting}/written-decisions`,
      })
    ).json() as Json;
    expect(before.items).toEqual([]);
    const anonymous = await t.as('anonymous', {
      method: 'GET',
      url: `/api/v1/meetings/${nextMeeting}/written-decisions`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reports at a meeting whose date has passed but which has not sat yet', async () => {
    const council = await insertBody(t.handle.db, { slug: 'council', name: 'Council' });
    const overdue = await insertMeeting(t.handle.db, {
      bodyId: council,
      number: 3,
      startDate: daysFromToday(-5),
      status: 'announced',
    });
    const later = await insertMeeting(t.handle.db, {
      bodyId: council,
      number: 4,
      startDate: daysFromToday(60),
    });
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/proposals',
      payload: {
        procedure: 'written',
        bodyId: council,
        deadline: inHours(24),
        title: { en: 'Council matter' },
        text: { en: 'Decided.' },
      },
    });
    const id = (res.json() as Json).id as string;
    for (const code of STATES) {
      await position('secretariat', id, code, { position: 'concur' });
    }
    expect((await read(id)).status).toBe('adopted');
    const atOverdue = (
      await t.as('observer', {
        method: 'GET',
        url: `/api/v1/meetings/${overdue}/written-decisions`,
      })
    ).json() as Json;
    expect(atOverdue.items.map((d: Json) => d.proposalId)).toEqual([id]);
    const atLater = (
      await t.as('observer', { method: 'GET', url: `/api/v1/meetings/${later}/written-decisions` })
    ).json() as Json;
    expect(atLater.items).toEqual([]);
  });
});
