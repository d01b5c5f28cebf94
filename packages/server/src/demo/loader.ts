import {
  type AnnouncementDraft,
  type LocalizedText,
  MEETING_TRANSITIONS,
  type MeetingStatus,
  type Role,
} from '@plenum/shared';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../app.ts';
import type { Db } from '../db/dialect.ts';
import { createToken } from '../modules/auth/service.ts';
import { findUserByEmail } from '../modules/users/repository.ts';
import { insertUser } from '../modules/users/service.ts';
import type { Actor } from '../platform/context.ts';
import {
  DEMO_PASSWORD,
  type DemoAgendaItem,
  type DemoAssignee,
  type DemoDataset,
  type DemoMeeting,
  demoDataset,
} from './data.ts';
import { DemoLoadError, DemoRefused } from './errors.ts';
import { type DemoMeasure, REGISTER_NOTE } from './registers-data.ts';
import type { DemoPosition } from './sessions-data.ts';

export { DemoLoadError, DemoRefused };

/** The tables whose rows make a database "hold data": the demo loads only when all are empty. */
const CONTENT_TABLES = [
  'memberStates',
  'bodies',
  'persons',
  'organizations',
  'meetings',
  'documents',
] as const;
type ContentTable = (typeof CONTENT_TABLES)[number];

/** Rows per content table, leaving out the empty ones; `{}` means the database holds no data. */
export async function contentCounts(db: Db): Promise<Partial<Record<ContentTable, number>>> {
  const counts: Partial<Record<ContentTable, number>> = {};
  for (const table of CONTENT_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) {
      counts[table] = Number(row.n);
    }
  }
  return counts;
}

/** Whether the demo's administrator exists, i.e. the demo logins apply to this database. */
export async function hasDemoLogins(db: Db, dataset: DemoDataset = demoDataset): Promise<boolean> {
  return (await findUserByEmail(db, dataset.admin.email)) !== undefined;
}

export interface DemoLogin {
  email: string;
  role: Role;
  memberState: string | null;
}

/** The demo's logins, administrator first; all share DEMO_PASSWORD. */
export function demoLogins(dataset: DemoDataset = demoDataset): DemoLogin[] {
  return [
    { email: dataset.admin.email, role: 'admin', memberState: null },
    ...dataset.users.map((u) => ({
      email: u.email,
      role: u.role,
      memberState: u.memberState ?? null,
    })),
  ];
}

export interface DemoProgress {
  /** 1-based number of the finished step. */
  step: number;
  steps: number;
  label: string;
  /** Records created in this step. */
  count: number;
}

export interface DemoResult {
  password: string;
  logins: DemoLogin[];
  /** Users that already existed (same e-mail) and were left as they were. */
  keptUsers: string[];
  /** Ids of the created records by their key in the dataset. */
  ids: {
    bodies: Record<string, string>;
    persons: Record<string, string>;
    organizations: Record<string, string>;
    meetings: Record<string, string>;
    /** Agenda items by `meetingKey/itemKey`. */
    agendaItems: Record<string, string>;
    decisions: Record<string, string>;
    documents: Record<string, string>;
    /** News items: announcements as `announcement/<meeting key>`, others by slug. */
    news: Record<string, string>;
    users: Record<string, string>;
  };
}

const STEPS = [
  'Administrator',
  'Member states',
  'Bodies',
  'Persons',
  'Memberships',
  'Organizations',
  'Meetings',
  'Decisions',
  'Assignments',
  'Reports',
  'Relations',
  'Documents',
  'Consultations',
  'Written procedures',
  'News',
  'Minutes and packs',
  'Registers',
  'Users',
] as const;

/** The allowed transitions from `planned` to `target`, shortest first (DESIGN §2). */
function statusPath(target: MeetingStatus): MeetingStatus[] {
  const queue: MeetingStatus[][] = [['planned']];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === target) {
      return path.slice(1);
    }
    for (const next of MEETING_TRANSITIONS[last]) {
      if (!path.includes(next)) {
        queue.push([...path, next]);
      }
    }
  }
  throw new DemoLoadError(`No way from planned to ${target}.`);
}

/** The key under which the loader keeps an assignment: its decision and its assignee. */
function assignmentKey(decision: string, assignee: DemoAssignee): string {
  return assignee.memberState
    ? `${decision}|state:${assignee.memberState}`
    : `${decision}|body:${assignee.body}`;
}

function lookup(ids: Record<string, string>, key: string, what: string): string {
  const id = ids[key];
  if (!id) {
    throw new DemoLoadError(`The demo dataset names an unknown ${what} "${key}".`);
  }
  return id;
}

/**
 * Loads the demo dataset through the HTTP API (`app.inject`), so it obeys every rule and lands in
 * the audit chain. The administrator and its API token are made directly; everything else is
 * posted as that administrator, whose token is revoked at the end. Refuses a database that holds
 * data.
 */
export async function loadDemo(
  app: FastifyInstance,
  opts: { dataset?: DemoDataset; onProgress?: (p: DemoProgress) => void } = {},
): Promise<DemoResult> {
  const dataset = opts.dataset ?? demoDataset;
  const { db, dialect } = app;
  const existing = await contentCounts(db);
  if (Object.keys(existing).length > 0) {
    const held = Object.entries(existing)
      .map(([table, n]) => `${n} ${table.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
      .join(', ');
    throw new DemoRefused(
      `The database already holds data (${held}); the demo loads only into an empty database.`,
    );
  }

  let stepNo = 0;
  const done = (count: number) => {
    stepNo += 1;
    opts.onProgress?.({ step: stepNo, steps: STEPS.length, label: STEPS[stepNo - 1]!, count });
  };

  // The administrator the loader acts as: made directly, since nobody may call the API yet.
  const loaderActor: Actor = {
    id: null,
    role: 'admin',
    name: 'demo loader',
    memberState: null,
    bodyIds: [],
  };
  let admin = await findUserByEmail(db, dataset.admin.email);
  const keptUsers: string[] = [];
  const adminExisted = admin !== undefined;
  if (admin) {
    if (admin.role !== 'admin' || admin.active !== 1) {
      throw new DemoRefused(
        `${dataset.admin.email} exists but is not an active administrator; the demo needs it as one.`,
      );
    }
    keptUsers.push(admin.email);
  } else {
    const created = await insertUser(db, dialect, loaderActor, {
      email: dataset.admin.email,
      name: dataset.admin.name,
      role: 'admin',
      memberState: null,
      bodyIds: [],
      language: 'en',
      active: true,
      password: DEMO_PASSWORD,
    });
    admin = await findUserByEmail(db, created.email);
  }
  const adminId = admin!.id;
  const adminActor: Actor = { ...loaderActor, id: adminId, name: admin!.name };
  const token = await createToken({ db, dialect, actor: adminActor }, 'demo loader', adminId);
  done(adminExisted ? 0 : 1);

  const call = async <T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token.token}`,
      'accept-language': 'en',
    };
    const res = await app.inject({
      method,
      url: `${API_PREFIX}${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    if (res.statusCode >= 300) {
      let detail = res.body;
      try {
        const problem = JSON.parse(res.body) as {
          title?: string;
          detail?: string;
          errors?: { path: string; message: string }[];
        };
        const fields = (problem.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
        detail = [problem.title, problem.detail, fields].filter(Boolean).join(' — ');
      } catch {
        // not a problem document; keep the raw body
      }
      throw new DemoLoadError(
        `${method} ${API_PREFIX}${url} answered ${res.statusCode}: ${detail}`,
      );
    }
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
  };
  const post = async <T = { id: string; version: number }>(url: string, payload: unknown) =>
    (await call<T>('POST', url, payload)).body;

  const recordPositions = async (proposalId: string, positions: Record<string, DemoPosition>) => {
    for (const [code, position] of Object.entries(positions)) {
      await call('PUT', `/proposals/${proposalId}/positions/${code}`, position);
    }
  };

  /**
   * A decision adopted in session: the item taken up, the proposal put, the delegations'
   * positions recorded, adopted by consensus. The meeting sat in the past, so the decision keeps
   * the meeting's date (or the dataset's) rather than the day of loading.
   */
  const adoptInSession = async (
    meetingId: string,
    agendaItemId: string,
    decision: { kind?: string; title: LocalizedText; text: LocalizedText; adoptedOn: string },
    positions: Record<string, DemoPosition>,
  ): Promise<string> => {
    await call('PUT', `/meetings/${meetingId}/session/current-item`, { agendaItemId });
    const proposal = await post('/proposals', {
      procedure: 'session',
      meetingId,
      agendaItemId,
      kind: decision.kind,
      title: decision.title,
      text: decision.text,
    });
    await recordPositions(proposal.id, positions);
    const adopted = await post<{ decisionId: string }>(`/proposals/${proposal.id}/adopt`, {});
    await call('PATCH', `/decisions/${adopted.decisionId}`, { adoptedOn: decision.adoptedOn });
    return adopted.decisionId;
  };

  const loadContent = async (): Promise<DemoResult> => {
    for (const state of dataset.memberStates) {
      await post('/member-states', state);
    }
    done(dataset.memberStates.length);

    const bodies: Record<string, string> = {};
    for (const { key, parent, ...body } of dataset.bodies) {
      const parentId = parent ? lookup(bodies, parent, 'body') : null;
      bodies[key] = (await post('/bodies', { ...body, parentId })).id;
    }
    done(dataset.bodies.length);

    const persons: Record<string, string> = {};
    for (const { key, ...person } of dataset.persons) {
      persons[key] = (await post('/persons', person)).id;
    }
    done(dataset.persons.length);

    for (const { person, body, ...membership } of dataset.memberships) {
      await post('/memberships', {
        ...membership,
        personId: lookup(persons, person, 'person'),
        bodyId: lookup(bodies, body, 'body'),
      });
    }
    done(dataset.memberships.length);

    const organizations: Record<string, string> = {};
    for (const { key, ...organization } of dataset.organizations) {
      organizations[key] = (await post('/organizations', organization)).id;
    }
    done(dataset.organizations.length);

    const meetings: Record<string, string> = {};
    const agendaItems: Record<string, string> = {};
    for (const meeting of dataset.meetings) {
      // A meeting recorded in session mode is loaded announced; its session is opened, and
      // closed (held), around its decisions.
      const inSession = dataset.sessions.some((x) => x.meeting === meeting.key);
      const loaded = await loadMeeting(
        inSession ? { ...meeting, status: 'announced' } : meeting,
        { bodies, persons, meetings },
        call,
      );
      meetings[meeting.key] = loaded.id;
      for (const [itemKey, itemId] of Object.entries(loaded.agendaItems)) {
        agendaItems[`${meeting.key}/${itemKey}`] = itemId;
      }
    }
    done(dataset.meetings.length);

    // Decisions first, then who must act on them and what they reported; the links between
    // decisions last, since superseding or cancelling a decision closes it to further reports.
    const decisions: Record<string, string> = {};
    const opened = new Set<string>();
    for (const [
      index,
      { key, body, meeting, agendaItem, relations: _relations, ...decision },
    ] of dataset.decisions.entries()) {
      if (agendaItem && !meeting) {
        throw new DemoLoadError(`The demo decision "${key}" names an agenda item but no meeting.`);
      }
      const session = dataset.sessions.find((x) => x.meeting === meeting);
      const meetingId = meeting ? lookup(meetings, meeting, 'meeting') : null;
      const agendaItemId =
        meeting && agendaItem
          ? lookup(agendaItems, `${meeting}/${agendaItem}`, 'agenda item')
          : null;
      if (session && meetingId && !opened.has(session.meeting)) {
        await post(`/meetings/${meetingId}/session/open`, {});
        for (const code of session.present) {
          await call('PUT', `/meetings/${meetingId}/session/attendance/${code}`, { present: true });
        }
        opened.add(session.meeting);
      }
      const positions = session?.positions[key];
      if (session && meetingId && agendaItemId && positions) {
        const startDate = dataset.meetings.find((m) => m.key === meeting)?.startDate;
        decisions[key] = await adoptInSession(
          meetingId,
          agendaItemId,
          { ...decision, adoptedOn: decision.adoptedOn ?? (startDate as string) },
          positions,
        );
      } else {
        decisions[key] = (
          await post('/decisions', {
            ...decision,
            bodyId: lookup(bodies, body, 'body'),
            meetingId,
            agendaItemId,
          })
        ).id;
      }
      const last = !dataset.decisions.slice(index + 1).some((d) => d.meeting === meeting);
      if (session && meetingId && last) {
        await post(`/meetings/${meetingId}/session/close`, {});
      }
    }
    done(dataset.decisions.length);

    const assignments: Record<string, string> = {};
    for (const { decision, memberState, body, ...assignment } of dataset.assignments) {
      const decisionId = lookup(decisions, decision, 'decision');
      const assignee: DemoAssignee = memberState ? { memberState } : { body: body as string };
      assignments[assignmentKey(decision, assignee)] = (
        await post(`/decisions/${decisionId}/assignments`, {
          ...assignment,
          memberState: memberState ?? null,
          bodyId: memberState ? null : lookup(bodies, body as string, 'body'),
        })
      ).id;
    }
    done(dataset.assignments.length);

    for (const { decision, memberState, body, ...report } of dataset.reports) {
      const assignee: DemoAssignee = memberState ? { memberState } : { body: body as string };
      await post(`/decisions/${lookup(decisions, decision, 'decision')}/reports`, {
        ...report,
        assignmentId: lookup(assignments, assignmentKey(decision, assignee), 'assignment'),
      });
    }
    done(dataset.reports.length);

    let relationCount = 0;
    for (const { key, relations } of dataset.decisions) {
      for (const { decision, ...relation } of relations ?? []) {
        await post(`/decisions/${decisions[key]}/relations`, {
          ...relation,
          decisionId: lookup(decisions, decision, 'decision'),
        });
        relationCount += 1;
      }
    }
    done(relationCount);

    const documents: Record<string, string> = {};
    const versions: Record<string, string> = {};
    for (const {
      key,
      body,
      accessList,
      versions: texts,
      onAgenda,
      ...document
    } of dataset.documents) {
      const id = (
        await post('/documents', {
          ...document,
          bodyId: lookup(bodies, body, 'body'),
          accessList: accessList
            ? {
                memberStates: accessList.memberStates,
                bodyIds: accessList.bodies.map((b) => lookup(bodies, b, 'body')),
              }
            : null,
        })
      ).id;
      documents[key] = id;
      for (const [i, version] of texts.entries()) {
        versions[`${key}/${i + 1}`] = (await post(`/documents/${id}/versions`, version)).id;
      }
      for (const item of onAgenda ?? []) {
        const meetingKey = item.split('/')[0] as string;
        await post(
          `/meetings/${lookup(meetings, meetingKey, 'meeting')}/agenda-items/${lookup(agendaItems, item, 'agenda item')}/documents`,
          { documentId: id },
        );
      }
    }
    done(dataset.documents.length);

    const today = new Date();
    const inDays = (days: number) =>
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
        .toISOString()
        .slice(0, 10);
    for (const round of dataset.consultations) {
      const id = (
        await post('/consultations', {
          documentId: lookup(documents, round.document, 'document'),
          versionId: lookup(versions, `${round.document}/${round.version}`, 'document version'),
          memberStates: round.memberStates,
          deadline: inDays(round.deadlineInDays),
          councilMeetingId: round.councilMeeting
            ? lookup(meetings, round.councilMeeting, 'meeting')
            : null,
          silenceProcedure: round.silenceProcedure ?? false,
        })
      ).id;
      for (const [state, position] of Object.entries(round.positions)) {
        await call('PUT', `/consultations/${id}/positions/${state}`, position);
      }
      for (const { resolution, ...comment } of round.comments) {
        const created = await post(`/consultations/${id}/comments`, comment);
        if (resolution) {
          await post(`/consultations/${id}/comments/${created.id}/resolution`, resolution);
        }
      }
      if (round.close) {
        await post(`/consultations/${id}/close`, {});
      }
    }
    done(dataset.consultations.length);

    // Written procedures: circulated to all member states; one adopted when all concurred, one
    // still open until its deadline.
    for (const { body, deadlineInDays, positions, ...procedure } of dataset.writtenProcedures) {
      const proposal = await post('/proposals', {
        ...procedure,
        procedure: 'written',
        bodyId: lookup(bodies, body, 'body'),
        deadline: new Date(today.getTime() + deadlineInDays * 86_400_000).toISOString(),
      });
      await recordPositions(proposal.id, positions);
    }
    done(dataset.writtenProcedures.length);

    // Announcements as the secretariat makes them: the generator writes each language from the
    // meeting's record, the two become one news item, published with the original date.
    const news: Record<string, string> = {};
    for (const { meeting, publishedAt } of dataset.announcements) {
      const meetingId = lookup(meetings, meeting, 'meeting');
      const [en, ru] = await Promise.all(
        (['en', 'ru'] as const).map((lang) =>
          post<AnnouncementDraft>(`/meetings/${meetingId}/announcement?lang=${lang}`, {}),
        ),
      );
      const both = (pick: (d: AnnouncementDraft) => LocalizedText) => ({
        ...pick(en as AnnouncementDraft),
        ...pick(ru as AnnouncementDraft),
      });
      const item = await post('/news', {
        slug: en?.slug,
        section: 'announcements',
        title: both((d) => d.title),
        summary: both((d) => d.summary),
        body: both((d) => d.body),
        meetingId,
        bodyId: en?.bodyId,
      });
      await post(`/news/${item.id}/publish`, { publishedAt });
      news[`announcement/${meeting}`] = item.id;
    }
    for (const { meeting, publishedAt, ...rest } of dataset.news) {
      const item = await post('/news', {
        ...rest,
        meetingId: meeting ? lookup(meetings, meeting, 'meeting') : null,
      });
      await post(`/news/${item.id}/publish`, { publishedAt });
      news[rest.slug ?? item.id] = item.id;
    }
    done(dataset.announcements.length + dataset.news.length);

    for (const { meeting } of dataset.minutes) {
      await post(`/meetings/${lookup(meetings, meeting, 'meeting')}/minutes/revisions`, {});
    }
    for (const { meeting, lang } of dataset.packs) {
      await post(`/meetings/${lookup(meetings, meeting, 'meeting')}/pack?lang=${lang}`, {});
    }
    done(dataset.minutes.length + dataset.packs.length);

    // The registers: standards with each state's adoption, a program's measures and reports,
    // projects of organizations of several states, and the IP results that came of them.
    const decisionIds = (keys: string[]) => keys.map((k) => lookup(decisions, k, 'decision'));
    let registerCount = 0;
    for (const {
      key: _key,
      document,
      body,
      decisions: named,
      adoptions,
      ...standard
    } of dataset.standards) {
      const id = (
        await post('/standards', {
          ...standard,
          description: REGISTER_NOTE,
          bodyId: lookup(bodies, body, 'body'),
          documentId: document ? lookup(documents, document, 'document') : null,
          decisionIds: decisionIds(named),
        })
      ).id;
      for (const { memberState, ...adoption } of adoptions) {
        await call('PUT', `/standards/${id}/adoptions/${memberState}`, adoption);
      }
      registerCount += 1;
    }
    const measures: Record<string, string> = {};
    for (const { key, body, decisions: named, measures: tree, ...program } of dataset.programs) {
      const programId = (
        await post('/programs', {
          ...program,
          description: REGISTER_NOTE,
          bodyId: lookup(bodies, body, 'body'),
          decisionIds: decisionIds(named),
        })
      ).id;
      const addMeasures = async (list: DemoMeasure[], parentId: string | null) => {
        for (const {
          key: measureKey,
          states,
          organizations: orgs,
          children,
          reports,
          ...measure
        } of list) {
          const measureId = (
            await post(`/programs/${programId}/measures`, {
              ...measure,
              // A measure with sub-measures takes its progress from them.
              progress: children ? 0 : measure.progress,
              parentId,
              responsibleMemberStates: states,
              responsibleOrganizationIds: (orgs ?? []).map((o) =>
                lookup(organizations, o, 'organization'),
              ),
            })
          ).id;
          measures[`${key}/${measureKey}`] = measureId;
          await addMeasures(children ?? [], measureId);
          for (const report of reports ?? []) {
            await post(`/programs/${programId}/measures/${measureId}/reports`, report);
          }
        }
      };
      await addMeasures(tree, null);
      registerCount += 1;
    }
    const projects: Record<string, string> = {};
    for (const {
      key,
      participants,
      measures: served,
      decisions: named,
      ...project
    } of dataset.projects) {
      projects[key] = (
        await post('/projects', {
          ...project,
          description: REGISTER_NOTE,
          participants: participants.map((p) => ({
            organizationId: lookup(organizations, p.organization, 'organization'),
            role: p.role,
          })),
          measureIds: served.map((m) => lookup(measures, m, 'program measure')),
          decisionIds: decisionIds(named),
        })
      ).id;
      registerCount += 1;
    }
    for (const { project, holders, accessList, decisions: named, ...result } of dataset.ipResults) {
      await post('/ip-results', {
        ...result,
        description: REGISTER_NOTE,
        projectId: lookup(projects, project, 'project'),
        accessList: accessList
          ? {
              memberStates: accessList.memberStates,
              bodyIds: accessList.bodies.map((b) => lookup(bodies, b, 'body')),
            }
          : null,
        rightsHolders: holders.map((h) =>
          'organization' in h
            ? {
                organizationId: lookup(organizations, h.organization, 'organization'),
                share: h.share,
              }
            : h,
        ),
        decisionIds: decisionIds(named),
      });
      registerCount += 1;
    }
    done(registerCount);

    const users: Record<string, string> = { [dataset.admin.email]: adminId };
    let created = 0;
    for (const { bodies: scope, ...user } of dataset.users) {
      if (await findUserByEmail(db, user.email.toLowerCase())) {
        keptUsers.push(user.email);
        continue;
      }
      const bodyIds = (scope ?? []).map((key) => lookup(bodies, key, 'body'));
      users[user.email] = (await post('/users', { ...user, bodyIds, password: DEMO_PASSWORD })).id;
      created += 1;
    }
    done(created);

    return {
      password: DEMO_PASSWORD,
      logins: demoLogins(dataset),
      keptUsers,
      ids: {
        bodies,
        persons,
        organizations,
        meetings,
        agendaItems,
        decisions,
        documents,
        news,
        users,
      },
    };
  };

  // The loader's token is of no use afterwards; revoked, it cannot leak. A failed revocation
  // must not hide the failure that stopped the loading.
  const revoke = () => call('DELETE', `/auth/tokens/${token.id}`);
  let result: DemoResult;
  try {
    result = await loadContent();
  } catch (error) {
    await revoke().catch(() => undefined);
    throw error;
  }
  await revoke();
  return result;
}

type Call = <T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => Promise<{ status: number; body: T }>;

/**
 * One meeting: created as planned, with participants and agenda, then moved to its status. Returns
 * its id and the ids of its keyed agenda items.
 */
async function loadMeeting(
  meeting: DemoMeeting,
  ids: {
    bodies: Record<string, string>;
    persons: Record<string, string>;
    meetings: Record<string, string>;
  },
  call: Call,
): Promise<{ id: string; agendaItems: Record<string, string> }> {
  const {
    key: _key,
    body,
    chair,
    parent,
    status,
    agenda,
    agendaApproved,
    participants,
    ...fields
  } = meeting;
  const created = await call<{ id: string }>('POST', '/meetings', {
    ...fields,
    bodyId: lookup(ids.bodies, body, 'body'),
    chairPersonId: chair ? lookup(ids.persons, chair, 'person') : null,
    parentMeetingId: parent ? lookup(ids.meetings, parent, 'meeting') : null,
    status: 'planned',
  });
  const id = created.body.id;

  for (const { person, body: represented, ...participant } of participants) {
    await call('POST', `/meetings/${id}/participants`, {
      ...participant,
      personId: lookup(ids.persons, person, 'person'),
      bodyId: represented ? lookup(ids.bodies, represented, 'body') : null,
    });
  }

  const agendaItems: Record<string, string> = {};
  const addItems = async (items: DemoAgendaItem[], parentId: string | null) => {
    for (const { key, rapporteur, children, ...item } of items) {
      const added = await call<{ id: string }>('POST', `/meetings/${id}/agenda-items`, {
        ...item,
        parentId,
        rapporteurPersonId: rapporteur ? lookup(ids.persons, rapporteur, 'person') : null,
      });
      if (key) {
        if (agendaItems[key]) {
          throw new DemoLoadError(
            `The demo meeting "${meeting.key}" has two agenda items "${key}".`,
          );
        }
        agendaItems[key] = added.body.id;
      }
      if (children) {
        await addItems(children, added.body.id);
      }
    }
  };
  await addItems(agenda, null);

  const approve = async () => {
    await call('POST', `/meetings/${id}/agenda/approve`, {});
  };
  const path = statusPath(status);
  // An agenda is approved at the opening of the session; a meeting that never opened has its
  // agenda approved beforehand.
  if (agendaApproved && !path.includes('in_session')) {
    await approve();
  }
  for (const next of path) {
    await call('PATCH', `/meetings/${id}`, { status: next });
    if (next === 'in_session' && agendaApproved) {
      await approve();
    }
  }
  return { id, agendaItems };
}
