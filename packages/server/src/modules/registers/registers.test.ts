import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';

describe(`register entries of a decision (${DIALECT})`, () => {
  let t: TestApp;
  let decision: string;
  const entries = {} as Record<'standard' | 'program' | 'restricted', string>;

  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const entriesOf = (id: string, caller: Caller) =>
    t.as(caller, { method: 'GET', url: `/api/v1/decisions/${id}/register-entries` });

  beforeAll(async () => {
    t = await createTestApp();
    const commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    const meeting = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 20,
      startDate: '2022-10-20',
      status: 'held',
    });
    decision = await post('/decisions', {
      bodyId: commission,
      meetingId: meeting,
      title: { en: 'On standardization' },
      text: { en: 'Text.' },
    });
    entries.standard = await post('/standards', {
      designation: 'ST 1-2023',
      title: { en: 'Unified connectors' },
      decisionIds: [decision],
    });
    entries.program = await post('/programs', {
      title: { en: 'Long-term program' },
      periodFrom: '2023-01-01',
      periodTo: '2030-12-31',
      decisionIds: [decision],
    });
    entries.restricted = await post('/ip-results', {
      title: { en: 'Restricted know-how' },
      kind: 'know_how',
      classification: 'restricted',
      accessList: { memberStates: ['ARM'], bodyIds: [] },
      rightsHolders: [{ memberState: 'ARM', share: 100 }],
      decisionIds: [decision],
    });
  });
  afterAll(async () => t.close());

  it('lists every register entry naming the decision, with type, title and status', async () => {
    const res = await entriesOf(decision, 'secretariat');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { type: string; id: string; title: { en: string } }[];
    expect(items.map((e) => [e.type, e.id]).sort()).toEqual(
      [
        ['ip_result', entries.restricted],
        ['program', entries.program],
        ['standard', entries.standard],
      ].sort(),
    );
    expect(items.find((e) => e.type === 'standard')?.title.en).toBe('Unified connectors');
  });

  it('leaves out what the caller may not read', async () => {
    const listed = (await entriesOf(decision, 'delegateArm')).json().items as { id: string }[];
    expect(listed.map((e) => e.id)).toContain(entries.restricted);
    const other = (await entriesOf(decision, 'delegateBlr')).json().items as { id: string }[];
    expect(other.map((e) => e.id)).not.toContain(entries.restricted);
    expect(other.map((e) => e.id)).toContain(entries.standard);
  });

  it('answers like the decision itself: 401 anonymous, 404 unknown', async () => {
    expect((await entriesOf(decision, 'anonymous')).statusCode).toBe(401);
    const unknown = await entriesOf('01900000-0000-7000-8000-000000000000', 'secretariat');
    expect(unknown.statusCode).toBe(404);
  });
});
