import type {
  AgendaItem,
  AgendaItemDocument,
  AssignmentListItem,
  Body,
  Consultation,
  Decision,
  DecisionListItem,
  DocumentReady,
  ImplementationReview,
  Meeting,
  MeetingSession,
  Membership,
  Participant,
  Proposal,
  Report,
  User,
  WrittenDecisionList,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECT } from '../../test/app.ts';
import { type EmptyApp, emptyApp } from '../../test/empty-app.ts';
import { DEMO_PASSWORD, demoDataset } from './data.ts';
import { contentCounts, DemoRefused, type DemoResult, loadDemo } from './loader.ts';

describe(`demo dataset (${DIALECT})`, () => {
  let t: EmptyApp | undefined;
  let app: FastifyInstance;
  let demo: DemoResult;
  let cookie = '';
  const steps: string[] = [];

  beforeAll(async () => {
    t = await emptyApp();
    app = t.app;
    demo = await loadDemo(app, {
      onProgress: (p) => steps.push(`${p.step}/${p.steps} ${p.label}`),
    });
    // Read as the demo's administrator, signed in with the demo password.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@plenum.example', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'plenum_session');
    cookie = `plenum_session=${session?.value}`;
  }, 120_000);
  afterAll(async () => t?.close());

  const get = async <T>(url: string, as = cookie): Promise<T> => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: { cookie: as },
    });
    expect(res.statusCode, url).toBe(200);
    return res.json() as T;
  };
  const decisionsOf = async (query: string) =>
    (await get<{ items: DecisionListItem[] }>(`/decisions?${query}&limit=100`)).items;

  it('reports every step of the loading', () => {
    expect(steps).toEqual([
      '1/18 Administrator',
      '2/18 Member states',
      '3/18 Bodies',
      '4/18 Persons',
      '5/18 Memberships',
      '6/18 Organizations',
      '7/18 Meetings',
      '8/18 Decisions',
      '9/18 Assignments',
      '10/18 Reports',
      '11/18 Relations',
      '12/18 Documents',
      '13/18 Consultations',
      '14/18 Written procedures',
      '15/18 News',
      '16/18 Minutes and packs',
      '17/18 Registers',
      '18/18 Users',
    ]);
  });

  it('holds the six member states with their Russian names', async () => {
    const { items } = await get<{ items: { code: string; name: { ru: string } }[] }>(
      '/member-states',
    );
    expect(items.map((s) => s.code)).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(items.find((s) => s.code === 'TJK')?.name.ru).toBe('Республика Таджикистан');
  });

  it('has the ICMEC, established on 2005-06-23 under the CSC, with its councils', async () => {
    const icmec = await get<Body>(`/bodies/${demo.ids.bodies.icmec}`);
    const csc = await get<Body>(`/bodies/${demo.ids.bodies.csc}`);
    expect(csc).toMatchObject({ slug: 'csc', kind: 'statutory_body', parentId: null });
    expect(icmec).toMatchObject({
      slug: 'icmec',
      kind: 'commission',
      parentId: csc.id,
      established: '2005-06-23',
      shortName: { en: 'ICMEC', ru: 'МКВЭС' },
    });
    expect(icmec.establishedBy?.en).toBe(
      'Decision of the CSTO Collective Security Council of 23 June 2005',
    );
    expect(icmec.mandate?.en).toContain('long-term programs for military-economic cooperation');
    expect(icmec.mandate?.ru).toContain('совместных предприятий');

    const { items: councils } = await get<{ items: Body[] }>(
      `/bodies?parentId=${icmec.id}&kind=council`,
    );
    expect(councils.map((b) => b.slug).sort()).toEqual(['cc-ip-protection', 'cc-standardization']);
  });

  it('names Manturov as chair of the ICMEC', async () => {
    const { items } = await get<{ items: Membership[] }>(
      `/memberships?bodyId=${demo.ids.bodies.icmec}&role=chair`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ personId: demo.ids.persons.manturov, memberState: 'RUS' });
  });

  it('announces the XXI meeting in Dushanbe on 2023-04-27, chaired by Manturov', async () => {
    const xxi = await get<Meeting>(`/meetings/${demo.ids.meetings['icmec-21']}`);
    expect(xxi).toMatchObject({
      bodyId: demo.ids.bodies.icmec,
      number: 21,
      numeral: 'XXI',
      status: 'announced',
      startDate: '2023-04-27',
      endDate: '2023-04-27',
      timeZone: 'Asia/Dushanbe',
      location: { city: { en: 'Dushanbe', ru: 'Душанбе' }, country: 'TJK' },
      chairPersonId: demo.ids.persons.manturov,
      parentMeetingId: null,
      agendaStatus: 'draft',
    });
    expect(xxi.name.en).toContain('XXI meeting');

    const { items: participants } = await get<{ items: Participant[] }>(
      `/meetings/${xxi.id}/participants`,
    );
    const sg = participants.find((p) => p.personId === demo.ids.persons.tasmagambetov);
    expect(sg).toMatchObject({ role: 'secretary_general', notable: true });
  });

  it('gives the XXI meeting its four draft agenda items in order', async () => {
    const { items } = await get<{ items: AgendaItem[] }>(
      `/meetings/${demo.ids.meetings['icmec-21']}/agenda-items`,
    );
    expect(items.map((i) => [i.position, i.kind])).toEqual([
      ['1', 'implementation_review'],
      ['2', 'statutory_review'],
      ['3', 'decision'],
      ['4', 'decision'],
    ]);
    expect(items[0]?.title.en).toContain('decisions of the XX meeting of the ICMEC');
    expect(items[2]?.title.ru).toContain('стандартизации вооружения и военной техники');
    expect(items[3]?.title.en).toContain('defence-industrial complexes');
  });

  it('links the two council meetings of 2023-04-26 to the XXI meeting', async () => {
    const { items } = await get<{ items: Meeting[] }>(
      `/meetings?parentMeetingId=${demo.ids.meetings['icmec-21']}`,
    );
    expect(items).toHaveLength(2);
    expect(new Set(items.map((m) => m.bodyId))).toEqual(
      new Set([demo.ids.bodies['cc-standardization'], demo.ids.bodies['cc-ip']]),
    );
    for (const meeting of items) {
      expect(meeting).toMatchObject({
        startDate: '2023-04-26',
        status: 'announced',
        timeZone: 'Asia/Dushanbe',
        location: { country: 'TJK' },
      });
      expect(meeting.notes?.en).toMatch(/^Illustrative:/);
      const agenda = await get<{ items: AgendaItem[] }>(`/meetings/${meeting.id}/agenda-items`);
      expect(agenda.items).toHaveLength(1);
      expect(agenda.items[0]?.title.en).toContain('review and coordination of documents');
    }
  });

  it('records the XX meeting in Moscow as held with an approved agenda, marked illustrative', async () => {
    const xx = await get<Meeting>(`/meetings/${demo.ids.meetings['icmec-20']}`);
    expect(xx).toMatchObject({
      number: 20,
      numeral: 'XX',
      status: 'held',
      agendaStatus: 'approved',
      timeZone: 'Europe/Moscow',
      location: { country: 'RUS' },
    });
    expect(xx.startDate.slice(0, 7)).toBe('2022-10');
    expect(xx.notes?.en).toMatch(/^Illustrative:/);
    expect(xx.notes?.ru).toMatch(/^Условный пример:/);
  });

  it('numbers the decisions of the XX meeting 20/1 … 20/8, under its agenda items', async () => {
    const xx = demo.ids.meetings['icmec-20'];
    const decisions = (await decisionsOf(`meetingId=${xx}`)).sort(
      (a, b) => Number(a.number.split('/')[1]) - Number(b.number.split('/')[1]),
    );
    expect(decisions.map((d) => d.number)).toEqual([
      '20/1',
      '20/2',
      '20/3',
      '20/4',
      '20/5',
      '20/6',
      '20/7',
      '20/8',
    ]);
    expect(new Set(decisions.map((d) => d.kind))).toEqual(
      new Set(['decision', 'recommendation', 'instruction']),
    );
    for (const decision of decisions) {
      expect(decision).toMatchObject({ bodyId: demo.ids.bodies.icmec, adoptedOn: '2022-10-20' });
    }
    const item = (key: string) => demo.ids.agendaItems[`icmec-20/${key}`];
    expect(decisions.map((d) => d.agendaItemId)).toEqual([
      item('standardization'),
      item('standardization'),
      item('programs'),
      item('programs'),
      item('programs'),
      item('ip'),
      item('cooperation'),
      item('next-meeting'),
    ]);
    expect(decisions[0]?.title.en).toContain('interstate standards');
    expect(decisions[7]?.title.ru).toContain('XXI заседания МКВЭС');
  });

  it('records the XX meeting in session: all present, positions and a special opinion', async () => {
    const xx = demo.ids.meetings['icmec-20'];
    const session = await get<MeetingSession>(`/meetings/${xx}/session`);
    expect(session.status).toBe('held');
    expect(session.closedAt).not.toBeNull();
    expect(session.quorum).toEqual({ required: 6, present: 6, met: true });
    expect(session.proposals.map((p) => [p.status, p.decisionNumber])).toEqual([
      ['adopted', '20/1'],
      ['adopted', '20/2'],
    ]);
    const kgz = session.proposals[0]?.positions.find((p) => p.memberState === 'KGZ');
    expect(kgz?.position).toBe('concur_with_reservation');
    expect(kgz?.reservation?.ru).toContain('Кыргызская Республика');
    expect(session.proposals[1]?.positions.find((p) => p.memberState === 'TJK')?.position).toBe(
      'abstain',
    );
  });

  it('reports at the XXI meeting a written procedure adopted since the XX, and keeps one open', async () => {
    const written = await get<WrittenDecisionList>(
      `/meetings/${demo.ids.meetings['icmec-21']}/written-decisions`,
    );
    expect(written.items).toHaveLength(1);
    expect(written.items[0]?.number).toMatch(/^WP-\d{4}\/1$/);
    expect(
      written.items[0]?.positions.find((p) => p.memberState === 'KAZ')?.reservation?.en,
    ).toContain('Kazakhstan');
    const open = await get<{ items: Proposal[] }>('/proposals?procedure=written&status=open');
    expect(open.items).toHaveLength(1);
    expect(Date.parse(open.items[0]?.deadline ?? '')).toBeGreaterThan(Date.now());
    expect(open.items[0]?.outcome.pending).toEqual(['BLR', 'KAZ', 'KGZ', 'TJK']);
  });

  it('records three CSC decisions of November 2022 outside a meeting, assigned to the ICMEC', async () => {
    const csc = await decisionsOf(`bodyId=${demo.ids.bodies.csc}`);
    expect(csc.map((d) => d.number).sort()).toEqual(['CSC-2022-11', 'CSC-2022-12', 'CSC-2022-13']);
    for (const decision of csc) {
      expect(decision).toMatchObject({ meetingId: null, adoptedOn: '2022-11-23' });
    }
    const assigned = await decisionsOf(`assigneeBodyId=${demo.ids.bodies.icmec}`);
    expect(assigned.map((d) => d.number).sort()).toEqual([
      'CSC-2022-11',
      'CSC-2022-12',
      'CSC-2022-13',
    ]);
  });

  it('marks the text of every decision as an illustrative example, in both languages', async () => {
    const listed = await decisionsOf('sort=adopted');
    // The dataset's decisions and the written procedure adopted when all states concurred.
    expect(listed).toHaveLength(demoDataset.decisions.length + 1);
    // The register leaves the texts out; each decision's own page carries them.
    for (const item of listed) {
      const decision = await get<Decision>(`/decisions/${item.id}`);
      expect(decision.text.en, decision.number).toMatch(/\*Illustrative example: .+\*$/);
      expect(decision.text.ru, decision.number).toMatch(/\*Условный пример: .+\*$/);
      expect(decision.textHtml.en).toContain('<em>Illustrative example:');
    }
  });

  it('records a decision superseded and one amended by the CSC', async () => {
    const byNumber = new Map((await decisionsOf('sort=adopted')).map((d) => [d.number, d]));
    const superseded = byNumber.get('20/6');
    expect(superseded?.status).toBe('superseded');
    expect(superseded?.relations).toEqual([
      expect.objectContaining({ kind: 'supersedes', direction: 'incoming', number: 'CSC-2022-13' }),
    ]);
    const csc13 = await get<Decision>(`/decisions/${byNumber.get('CSC-2022-13')?.id}`);
    expect(csc13.text.en).toContain('supersedes instruction 20/6');
    const amended = byNumber.get('20/1');
    expect(amended?.status).not.toBe('superseded');
    expect(amended?.relations).toEqual([
      expect.objectContaining({ kind: 'amends', direction: 'incoming', number: 'CSC-2022-12' }),
    ]);
  });

  it('reviews at the XXI meeting the XX decisions and the CSC decisions, live', async () => {
    const review = await get<ImplementationReview>(
      `/meetings/${demo.ids.meetings['icmec-21']}/implementation-review`,
    );
    expect(review).toMatchObject({
      previousReviewMeetingId: demo.ids.meetings['icmec-20'],
      recorded: false,
    });
    const own = review.entries.filter((e) => e.source === 'own').map((e) => e.decision.number);
    const statutory = review.entries
      .filter((e) => e.source === 'statutory')
      .map((e) => e.decision.number);
    expect(own.sort()).toEqual(['20/1', '20/2', '20/3', '20/4', '20/5', '20/6', '20/7', '20/8']);
    expect(statutory.sort()).toEqual(['CSC-2022-11', 'CSC-2022-12', 'CSC-2022-13']);

    const { summary } = review;
    expect(summary.total).toBe(11);
    expect(summary.implemented).toBeGreaterThanOrEqual(1);
    expect(summary.inProgress).toBeGreaterThanOrEqual(1);
    expect(summary.overdue).toBeGreaterThanOrEqual(1);
    expect(summary.closed).toBe(1);
    expect(
      summary.implemented +
        summary.inProgress +
        summary.overdue +
        summary.notImplemented +
        summary.closed,
    ).toBe(summary.total);

    const statusOf = (number: string) =>
      review.entries.find((e) => e.decision.number === number)?.decision.status;
    // Closed long before today, whatever the date of the run.
    expect(statusOf('20/3')).toBe('implemented');
    expect(statusOf('20/2')).toBe('overdue');
    expect(statusOf('CSC-2022-13')).toBe('overdue');
    expect(statusOf('20/6')).toBe('superseded');
    // The Program runs until 2030.
    expect(statusOf('CSC-2022-11')).toBe('in_progress');

    const assignments = review.entries.flatMap((e) => e.assignments);
    const statuses = new Set(assignments.map((a) => a.status));
    for (const status of [
      'pending',
      'in_progress',
      'implemented',
      'not_implemented',
      'not_applicable',
    ]) {
      expect(statuses, status).toContain(status);
    }
    // Every member state and the ICMEC itself appear among the assignees.
    expect(new Set(assignments.map((a) => a.memberState).filter(Boolean))).toEqual(
      new Set(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']),
    );
    expect(assignments.some((a) => a.bodyId === demo.ids.bodies.icmec)).toBe(true);
    // Every report is dated, in Russian, and none after today.
    for (const assignment of assignments) {
      const report = assignment.latestReport;
      if (report) {
        expect(report.text?.ru).toBeTruthy();
        expect(report.reportedOn <= review.asOf).toBe(true);
      }
    }
  });

  it('keeps every report of an assignment, the latest setting its status', async () => {
    const [kgz] = (
      await get<{ items: AssignmentListItem[] }>('/assignments?memberState=KGZ&limit=100')
    ).items.filter((a) => a.decision.number === '20/2');
    expect(kgz).toMatchObject({ status: 'not_implemented', overdue: true });
    const { items } = await get<{ items: Report[] }>(
      `/decisions/${kgz!.decisionId}/reports?assignmentId=${kgz!.id}`,
    );
    expect(items.map((r) => [r.reportedOn, r.status])).toEqual([
      ['2024-07-10', 'not_implemented'],
      ['2023-12-01', 'in_progress'],
    ]);
    expect(items[0]?.text?.en).toContain('not been adopted');
  });

  it("shows a delegate its state's open assignments, overdue ones among them", async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'delegate.tjk@plenum.example', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'plenum_session');
    const delegate = `plenum_session=${session?.value}`;
    const { items } = await get<{ items: AssignmentListItem[] }>(
      '/assignments?memberState=TJK&open=true&limit=100',
      delegate,
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.memberState === 'TJK')).toBe(true);
    expect(items.some((a) => a.overdue)).toBe(true);
    expect(items.map((a) => a.decision.number)).toContain('CSC-2022-13');
  });

  it('coordinates the draft list of standards in two rounds: not agreed, then agreed', async () => {
    const documentId = demo.ids.documents['standards-list'];
    const { items } = await get<{ items: Consultation[] }>(
      `/consultations?documentId=${documentId}`,
    );
    const rounds = [...items].sort((a, b) => a.round - b.round);
    expect(rounds.map((r) => [r.round, r.versionNumber, r.status, r.outcome])).toEqual([
      [1, 1, 'closed', 'not_agreed'],
      [2, 2, 'closed', 'agreed'],
    ]);
    expect(rounds[0]?.positions.find((p) => p.memberState === 'KAZ')?.position).toBe('object');
    expect(rounds[0]?.comments).toEqual({ total: 3, unresolved: 0 });
    expect(rounds[1]?.changedFromPrevious).toBe(true);
    expect(rounds[1]?.councilMeetingId).toBe(demo.ids.meetings['cc-standardization-2023']);
    const document = await get<{ status: string; latestVersion: number }>(
      `/documents/${documentId}`,
    );
    expect(document).toMatchObject({ status: 'agreed', latestVersion: 2 });
  });

  it('shows the agreed draft as ready for adoption at the XXI meeting, on its standardization item', async () => {
    const xxi = demo.ids.meetings['icmec-21'];
    const ready = await get<{ items: DocumentReady[] }>(`/meetings/${xxi}/documents-ready`);
    const standards = ready.items.find(
      (d) => d.document.id === demo.ids.documents['standards-list'],
    );
    expect(standards).toMatchObject({ readyForAdoption: true, latestRound: { outcome: 'agreed' } });
    const item = demo.ids.agendaItems['icmec-21/standardization'];
    const onItem = await get<{ items: AgendaItemDocument[] }>(
      `/meetings/${xxi}/agenda-items/${item}/documents`,
    );
    expect(onItem.items.map((d) => [d.document.id, d.latestRound?.outcome])).toEqual([
      [demo.ids.documents['standards-list'], 'agreed'],
    ]);
  });

  it('keeps the IP regulation under consultation by silence procedure, half the states answered', async () => {
    const { items } = await get<{ items: Consultation[] }>(
      `/consultations?documentId=${demo.ids.documents['ip-regulation']}`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'open',
      silenceProcedure: true,
      deadlinePassed: false,
      outcome: null,
      answers: { answered: 3, pending: 3 },
      comments: { total: 2, unresolved: 1 },
    });
    expect(items[0]?.councilMeetingId).toBe(demo.ids.meetings['cc-ip-2023']);
  });

  it('shows the restricted annex to the delegates of the listed states only', async () => {
    const annex = demo.ids.documents['communications-annex'];
    const as = async (email: string) => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: DEMO_PASSWORD },
      });
      const session = login.cookies.find((c) => c.name === 'plenum_session');
      return app.inject({
        method: 'GET',
        url: `/api/v1/documents/${annex}`,
        headers: { cookie: `plenum_session=${session?.value}` },
      });
    };
    expect((await as('delegate.blr@plenum.example')).statusCode).toBe(200);
    expect((await as('delegate.kaz@plenum.example')).statusCode).toBe(404);
  });

  it('issues the XX minutes as a draft revision and the XXI pack for the delegations', async () => {
    const minutes = await get<{ revisions: { number: number; status: string }[] }>(
      `/meetings/${demo.ids.meetings['icmec-20']}/minutes`,
    );
    expect(minutes.revisions.map((r) => [r.number, r.status])).toEqual([[1, 'draft']]);
    const packs = await get<{ items: { sequence: number }[] }>(
      `/meetings/${demo.ids.meetings['icmec-21']}/packs`,
    );
    expect(packs.items.map((p) => p.sequence)).toEqual([0]);
  });

  it('publishes the announcement of the XXI meeting, as the seed, on the public portal in both languages', async () => {
    const id = demo.ids.news['announcement/icmec-21'];
    const item = await get<{ slug: string; publishedAt: string; section: string }>(`/news/${id}`);
    expect(item).toMatchObject({
      section: 'announcements',
      publishedAt: '2023-04-24T06:00:00.000Z',
    });
    const page = async (lang: 'en' | 'ru') => {
      const res = await app.inject({ method: 'GET', url: `/${lang}/news/${item.slug}` });
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    const en = await page('en');
    for (const fact of ['Dushanbe', 'XXI', 'Manturov', 'Tasmagambetov', '23 June 2005']) {
      expect(en).toContain(fact);
    }
    const ru = await page('ru');
    for (const fact of ['Душанбе', 'XXI', 'Мантуров', 'Тасмагамбетов', '23 июня 2005 года']) {
      expect(ru).toContain(fact);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/news' });
    expect(anonymous.json().items).toHaveLength(2);
  });

  it('keeps illustrative register entries linked to the demo decisions', async () => {
    const matrix = await get<{
      memberStates: string[];
      rows: { standard: { designation: string }; cells: { status: string }[] }[];
    }>('/standards/adoption-matrix');
    const connectors = matrix.rows.find((r) => r.standard.designation === 'ICMEC ST 1.1-2021');
    expect(connectors?.cells[matrix.memberStates.indexOf('KAZ')]?.status).toBe(
      'adopted_with_reservations',
    );
    const programs = await get<{ items: { id: string; progress: number | null }[] }>('/programs');
    expect(programs.items).toHaveLength(1);
    // Leaves: connectors 100, marking 60, repair 25, training 0 → 46.
    expect(programs.items[0]?.progress).toBe(46);
    const projects = await get<{ items: { kind: string; memberStates: string[] }[] }>('/projects');
    expect(projects.items.find((p) => p.kind === 'joint_venture')?.memberStates.sort()).toEqual([
      'ARM',
      'RUS',
      'TJK',
    ]);
    const entries = await get<{ items: { type: string }[] }>(
      `/decisions/${demo.ids.decisions['xx-ip-agreement']}/register-entries`,
    );
    expect(entries.items.map((e) => e.type)).toEqual(['ip_result', 'ip_result']);
  });

  it('marks every organization as illustrative', async () => {
    const { items } = await get<{ items: { name: { en: string; ru: string } }[] }>(
      '/organizations?limit=200',
    );
    expect(items).toHaveLength(12);
    for (const organization of items) {
      expect(organization.name.en).toContain('illustrative');
      expect(organization.name.ru).toContain('условный пример');
    }
  });

  it('creates one login per role, all signing in with the demo password', async () => {
    const { items } = await get<{ items: User[] }>('/users?limit=200');
    const byEmail = new Map(items.map((u) => [u.email, u]));
    expect(byEmail.get('admin@plenum.example')?.role).toBe('admin');
    expect(byEmail.get('secretariat@plenum.example')?.role).toBe('secretariat');
    expect(byEmail.get('delegate.arm@plenum.example')).toMatchObject({
      role: 'delegate',
      memberState: 'ARM',
    });
    expect(byEmail.get('delegate.tjk@plenum.example')).toMatchObject({
      role: 'delegate',
      memberState: 'TJK',
    });
    expect(new Set(byEmail.get('observer@plenum.example')?.bodyIds)).toEqual(
      new Set([demo.ids.bodies['cc-standardization'], demo.ids.bodies['cc-ip']]),
    );
    for (const email of ['secretariat@plenum.example', 'delegate.tjk@plenum.example']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, email).toBe(200);
    }
  });

  it('went through the API: the changes are audited and the loader token is revoked', async () => {
    const adminId = demo.ids.users['admin@plenum.example'];
    for (const entityType of ['meeting', 'decision', 'assignment']) {
      const { items } = await get<{ items: { entityType: string; actorId: string | null }[] }>(
        `/audit-events?entityType=${entityType}&limit=200`,
      );
      expect(items.length, entityType).toBeGreaterThan(0);
      expect(items.every((e) => e.actorId === adminId)).toBe(true);
    }

    const tokens = await t!.handle.db
      .selectFrom('apiTokens')
      .select(['revokedAt'])
      .where('name', '=', 'demo loader')
      .execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.revokedAt).not.toBeNull();
  });

  it('refuses a database that holds data, changing nothing', async () => {
    const before = await contentCounts(t!.handle.db);
    await expect(loadDemo(app)).rejects.toBeInstanceOf(DemoRefused);
    expect(await contentCounts(t!.handle.db)).toEqual(before);
  });
});
