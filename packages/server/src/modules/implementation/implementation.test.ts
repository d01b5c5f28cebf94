import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

type Entry = {
  decision: { id: string; number: string; status: string };
  source: string;
  statusAtReview: string | null;
};

describe(`implementation review (${DIALECT})`, () => {
  let t: TestApp;
  let csc: string;
  let commission: string;
  let m20: string;
  let m21: string;
  let m22: string;
  const d: Record<string, { id: string }> = {};
  const a: Record<string, { id: string }> = {};

  const post = (url: string, payload: Record<string, unknown>) =>
    t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
  const decide = async (key: string, body: Record<string, unknown>) => {
    const res = await post('/decisions', { title: { en: key }, text: { en: key }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    d[key] = res.json();
  };
  const assign = async (key: string, decision: string, payload: Record<string, unknown>) => {
    const res = await post(`/decisions/${d[decision]?.id}/assignments`, payload);
    expect(res.statusCode, res.body).toBe(201);
    a[key] = res.json();
  };
  const report = (
    decision: string,
    assignment: string,
    status: string,
    text: Record<string, string> | null = null,
  ) =>
    post(`/decisions/${d[decision]?.id}/reports`, {
      assignmentId: a[assignment]?.id,
      status,
      text,
      reportedOn: '2026-01-15',
    });
  const review = async (meeting: string) => {
    const res = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${meeting}/implementation-review`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      entries: Entry[];
      summary: Record<string, number>;
      recorded: boolean;
      previousReviewMeetingId: string | null;
    };
  };
  const numbersOf = (entries: Entry[]) => entries.map((e) => e.decision.number).sort();
  const setStatus = async (meeting: string, status: string) => {
    const res = await t.as('secretariat', {
      method: 'PATCH',
      url: `/api/v1/meetings/${meeting}`,
      payload: { status },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    csc = await insertBody(t.handle.db, {
      slug: 'csc',
      name: 'Collective Security Council',
      kind: 'statutory_body',
    });
    commission = await insertBody(t.handle.db, {
      slug: 'icmec',
      name: 'Commission',
      parentId: csc,
    });
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
    m22 = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 22,
      startDate: '2023-11-15',
      status: 'announced',
    });

    await decide('done', { bodyId: commission, meetingId: m20 });
    await decide('open', { bodyId: commission, meetingId: m20 });
    await decide('late', { bodyId: commission, meetingId: m20 });
    await decide('refused', { bodyId: commission, meetingId: m20 });
    await decide('statutory', { bodyId: csc, number: 'CSC-2022-7', adoptedOn: '2022-11-23' });
    await decide('unrelatedStatutory', {
      bodyId: csc,
      number: 'CSC-2022-8',
      adoptedOn: '2022-11-23',
    });

    await assign('doneArm', 'done', { memberState: 'ARM', dueDate: daysFromToday(10) });
    await assign('openArm', 'open', { memberState: 'ARM', dueDate: daysFromToday(10) });
    await assign('openBlr', 'open', { memberState: 'BLR', dueDate: daysFromToday(20) });
    await assign('lateKaz', 'late', { memberState: 'KAZ', dueDate: daysFromToday(-5) });
    await assign('refusedTjk', 'refused', { memberState: 'TJK', dueDate: daysFromToday(40) });
    await assign('statutoryCommission', 'statutory', {
      bodyId: commission,
      dueDate: daysFromToday(60),
    });
    await assign('unrelatedArm', 'unrelatedStatutory', {
      memberState: 'ARM',
      dueDate: daysFromToday(60),
    });

    expect((await report('done', 'doneArm', 'implemented')).statusCode).toBe(201);
    expect(
      (
        await report('open', 'openArm', 'in_progress', {
          en: 'The ratification bill is before parliament.',
          ru: 'Законопроект о ратификации внесён в парламент.',
        })
      ).statusCode,
    ).toBe(201);
    expect((await report('refused', 'refusedTjk', 'not_implemented')).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  it('reviews the earlier decisions and the statutory decisions assigned to the body', async () => {
    const r = await review(m21);
    expect(r.recorded).toBe(false);
    expect(r.previousReviewMeetingId).toBeNull();
    expect(numbersOf(r.entries)).toEqual(['20/1', '20/2', '20/3', '20/4', 'CSC-2022-7']);
    const statutory = r.entries.find((e) => e.decision.number === 'CSC-2022-7');
    expect(statutory?.source).toBe('statutory');
    expect(r.summary).toEqual({
      total: 5,
      implemented: 1,
      inProgress: 2,
      overdue: 1,
      notImplemented: 1,
      closed: 0,
    });
  });

  it('shows each assignee’s status and latest report', async () => {
    const r = await review(m21);
    const open = r.entries.find((e) => e.decision.number === '20/2') as unknown as {
      assignments: {
        memberState: string;
        status: string;
        latestReport: {
          status: string;
          text: Record<string, string> | null;
          reportedOn: string;
          reportedBy: string;
        } | null;
      }[];
    };
    expect(
      open.assignments.map((x) => [x.memberState, x.status, x.latestReport?.status ?? null]),
    ).toEqual([
      ['ARM', 'in_progress', 'in_progress'],
      ['BLR', 'pending', null],
    ]);
    const latest = open.assignments[0]?.latestReport;
    expect(latest?.text?.ru).toBe('Законопроект о ратификации внесён в парламент.');
    expect(latest?.reportedOn).toBe('2026-01-15');
    expect(latest?.reportedBy).toMatch(/\S/);
  });

  it('records what a held meeting reviewed; the next review starts from what remained open', async () => {
    await setStatus(m21, 'in_session');
    await setStatus(m21, 'held');
    const fixed = await review(m21);
    expect(fixed.recorded).toBe(true);
    expect(fixed.entries.find((e) => e.decision.number === '20/1')?.statusAtReview).toBe(
      'implemented',
    );

    // After the 21st meeting: a new decision there; 20/2 gets implemented later.
    await decide('new', { bodyId: commission, meetingId: m21 });
    await report('open', 'openArm', 'implemented');
    await report('open', 'openBlr', 'implemented');

    const next = await review(m22);
    expect(next.previousReviewMeetingId).toBe(m21);
    // 20/1 was closed at the 21st meeting's review: not reviewed again.
    expect(numbersOf(next.entries)).toEqual(['20/2', '20/3', '20/4', '21/1', 'CSC-2022-7']);
    expect(next.entries.find((e) => e.decision.number === '20/2')?.decision.status).toBe(
      'implemented',
    );
    // The review of the 21st stays as it was.
    expect(numbersOf((await review(m21)).entries)).toEqual([
      '20/1',
      '20/2',
      '20/3',
      '20/4',
      'CSC-2022-7',
    ]);
  });

  it('puts the review first on the agenda in one action, once', async () => {
    await post(`/meetings/${m22}/agenda-items`, { title: { en: 'Other business' } });
    const res = await post(`/meetings/${m22}/implementation-review/agenda-item`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'implementation_review',
      position: '1',
      title: {
        en: 'On the implementation of the decisions of the XXI meeting of the Commission',
        ru: 'О ходе выполнения решений XXI заседания Commission',
      },
    });
    const agenda = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/meetings/${m22}/agenda-items`,
    });
    expect(
      agenda.json().items.map((i: { position: string; kind: string }) => [i.position, i.kind]),
    ).toEqual([
      ['1', 'implementation_review'],
      ['2', 'other'],
    ]);
    const again = await post(`/meetings/${m22}/implementation-review/agenda-item`, {});
    expect(again.statusCode).toBe(409);
    const first = await post(`/meetings/${m20}/implementation-review/agenda-item`, {});
    expect(first.statusCode).toBe(422);
    const delegate = await t.as('delegateArm', {
      method: 'POST',
      url: `/api/v1/meetings/${m22}/implementation-review/agenda-item`,
    });
    expect(delegate.statusCode).toBe(403);
  });

  it('sums up assignments per state and decisions per body for the dashboard', async () => {
    const res = await t.as('delegateArm', { method: 'GET', url: '/api/v1/implementation/summary' });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.overdueAssignments).toBe(1);
    expect(s.byState.find((x: { memberState: string }) => x.memberState === 'KAZ')).toEqual({
      memberState: 'KAZ',
      total: 1,
      implemented: 0,
      open: 1,
      overdue: 1,
    });
    const arm = s.byState.find((x: { memberState: string }) => x.memberState === 'ARM');
    expect(arm).toMatchObject({ total: 3, implemented: 2, open: 1, overdue: 0 });
    const commissionRow = s.byBody.find((x: { bodyId: string }) => x.bodyId === commission);
    expect(commissionRow.total).toBe(5);
    expect(commissionRow.overdue).toBe(1);
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/implementation/summary' }))
        .statusCode,
    ).toBe(401);
  });

  it('no longer counts the open assignments of a superseded decision as open or overdue', async () => {
    const before = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/assignments?overdue=true',
    });
    expect(before.json().items.map((x: { id: string }) => x.id)).toEqual([a.lateKaz?.id]);
    await decide('replacement', {
      bodyId: commission,
      meetingId: m22,
      relations: [{ kind: 'supersedes', decisionId: d.late?.id }],
    });
    const after = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/assignments?overdue=true',
    });
    expect(after.json().items).toEqual([]);
    const open = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/assignments?memberState=KAZ&open=true',
    });
    expect(open.json().items).toEqual([]);
    const one = await t.as('observer', {
      method: 'GET',
      url: `/api/v1/decisions/${d.late?.id}/assignments/${a.lateKaz?.id}`,
    });
    expect(one.json()).toMatchObject({ status: 'pending', overdue: false });
    const summary = (
      await t.as('observer', { method: 'GET', url: '/api/v1/implementation/summary' })
    ).json();
    expect(summary.overdueAssignments).toBe(0);
    expect(
      summary.byState.find((x: { memberState: string }) => x.memberState === 'KAZ'),
    ).toMatchObject({
      open: 0,
      overdue: 0,
    });
  });

  it('is not readable anonymously, and answers 404 for an unknown meeting', async () => {
    expect(
      (
        await t.as('anonymous', {
          method: 'GET',
          url: `/api/v1/meetings/${m21}/implementation-review`,
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.as('observer', {
          method: 'GET',
          url: '/api/v1/meetings/nope/implementation-review',
        })
      ).statusCode,
    ).toBe(404);
  });
});
