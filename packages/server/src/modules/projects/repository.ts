import type {
  LinkedDecision,
  Project,
  ProjectListItem,
  ProjectParticipant,
  ProjectStatus,
} from '@plenum/shared';
import { PROJECT_STATUSES } from '@plenum/shared';
import type { Insertable, Selectable } from 'kysely';
import type { ProjectTable } from '../../db/tables/projects.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

export type ProjectRow = Selectable<ProjectTable>;

export interface ProjectLinks {
  participants: ProjectParticipant[];
  measures: Project['measures'];
  decisions: LinkedDecision[];
}

const NO_LINKS: ProjectLinks = { participants: [], measures: [], decisions: [] };

function memberStatesOf(participants: ProjectParticipant[]): string[] {
  return [...new Set(participants.map((p) => p.organization.memberState))].sort();
}

export function mapProjectListItem(row: ProjectRow, links: ProjectLinks): ProjectListItem {
  return {
    id: row.id,
    title: parseText(row.title),
    kind: row.kind as Project['kind'],
    status: row.status as ProjectStatus,
    startDate: row.startDate,
    endDate: row.endDate,
    participants: links.participants,
    memberStates: memberStatesOf(links.participants),
    measures: links.measures,
    decisions: links.decisions,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function mapProject(row: ProjectRow, links: ProjectLinks): Project {
  return {
    ...mapProjectListItem(row, links),
    description: parseTextOrNull(row.description),
    descriptionHtml: row.descriptionHtml
      ? (JSON.parse(row.descriptionHtml) as Project['descriptionHtml'])
      : null,
  };
}

export const findProject = (db: Tx, id: string) =>
  db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();

/** Participants (lead first, then in the order given), measures and decisions of projects. */
export async function linksOf(db: Tx, ids: string[]): Promise<Map<string, ProjectLinks>> {
  const out = new Map<string, ProjectLinks>(
    ids.map((id) => [id, { participants: [], measures: [], decisions: [] }]),
  );
  if (ids.length === 0) {
    return out;
  }
  const participants = await db
    .selectFrom('projectParticipants as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .select(['p.projectId', 'p.organizationId', 'p.role', 'o.name', 'o.memberState'])
    .where('p.projectId', 'in', ids)
    .orderBy('p.projectId')
    .orderBy('p.ordinal')
    .execute();
  for (const p of participants) {
    const entry = out.get(p.projectId) ?? NO_LINKS;
    const participant: ProjectParticipant = {
      organizationId: p.organizationId,
      role: p.role as ProjectParticipant['role'],
      organization: { name: parseText(p.name), memberState: p.memberState },
    };
    if (participant.role === 'lead') {
      entry.participants.unshift(participant);
    } else {
      entry.participants.push(participant);
    }
  }
  const measures = await db
    .selectFrom('projectMeasures as l')
    .innerJoin('programMeasures as m', 'm.id', 'l.measureId')
    .select(['l.projectId', 'm.id', 'm.programId', 'm.title'])
    .where('l.projectId', 'in', ids)
    .orderBy('m.programId')
    .orderBy('m.id')
    .execute();
  for (const m of measures) {
    out.get(m.projectId)?.measures.push({
      id: m.id,
      programId: m.programId,
      title: parseText(m.title),
    });
  }
  const decisions = await db
    .selectFrom('projectDecisions as l')
    .innerJoin('decisions as d', 'd.id', 'l.decisionId')
    .select(['l.projectId', 'd.id', 'd.number', 'd.title', 'd.adoptedOn'])
    .where('l.projectId', 'in', ids)
    .orderBy('d.adoptedOn')
    .orderBy('d.id')
    .execute();
  for (const d of decisions) {
    out.get(d.projectId)?.decisions.push({
      id: d.id,
      number: d.number,
      title: parseText(d.title),
      adoptedOn: d.adoptedOn,
    });
  }
  return out;
}

export interface ProjectFilters {
  kind?: string;
  status?: string;
  memberState?: string;
  organizationId?: string;
  role?: string;
  measureId?: string;
  decisionId?: string;
  /** A LIKE pattern over search_text. */
  q?: string;
}

/** The register newest first (UUID v7 ids are time-ordered), under the filters. */
export function listProjects(db: Tx, f: ProjectFilters, after: string | null, limit: number) {
  let query = db.selectFrom('projects').selectAll('projects');
  if (f.kind) {
    query = query.where('projects.kind', '=', f.kind);
  }
  if (f.status) {
    query = query.where('projects.status', '=', f.status);
  }
  if (f.q) {
    query = query.where('projects.searchText', 'like', f.q);
  }
  if (f.memberState || f.organizationId || f.role) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectParticipants as p')
          .innerJoin('organizations as o', 'o.id', 'p.organizationId')
          .select('p.projectId')
          .whereRef('p.projectId', '=', 'projects.id')
          .$if(!!f.memberState, (q) => q.where('o.memberState', '=', f.memberState as string))
          .$if(!!f.organizationId, (q) =>
            q.where('p.organizationId', '=', f.organizationId as string),
          )
          .$if(!!f.role, (q) => q.where('p.role', '=', f.role as string)),
      ),
    );
  }
  if (f.measureId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectMeasures as l')
          .select('l.projectId')
          .whereRef('l.projectId', '=', 'projects.id')
          .where('l.measureId', '=', f.measureId as string),
      ),
    );
  }
  if (f.decisionId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('projectDecisions as l')
          .select('l.projectId')
          .whereRef('l.projectId', '=', 'projects.id')
          .where('l.decisionId', '=', f.decisionId as string),
      ),
    );
  }
  if (after !== null) {
    query = query.where('projects.id', '<', after);
  }
  return query
    .orderBy('projects.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const insertProject = (db: Tx, row: Insertable<ProjectTable>) =>
  db.insertInto('projects').values(row).execute();

export async function updateProjectRow(
  db: Tx,
  id: string,
  version: number,
  values: Partial<ProjectRow>,
): Promise<number> {
  const result = await db
    .updateTable('projects')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function replaceParticipants(
  db: Tx,
  projectId: string,
  participants: { organizationId: string; role: string }[],
): Promise<void> {
  await db.deleteFrom('projectParticipants').where('projectId', '=', projectId).execute();
  if (participants.length > 0) {
    await db
      .insertInto('projectParticipants')
      .values(participants.map((p, ordinal) => ({ projectId, ordinal, ...p })))
      .execute();
  }
}

export async function replaceMeasures(db: Tx, projectId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('projectMeasures').where('projectId', '=', projectId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('projectMeasures')
      .values(ids.map((measureId) => ({ projectId, measureId })))
      .execute();
  }
}

export async function replaceDecisions(db: Tx, projectId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('projectDecisions').where('projectId', '=', projectId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('projectDecisions')
      .values(ids.map((decisionId) => ({ projectId, decisionId })))
      .execute();
  }
}

export async function deleteProjectIfVersion(db: Tx, id: string, version: number) {
  const result = await db
    .deleteFrom('projects')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const organizationsByIds = (db: Tx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('organizations').select(['id', 'memberState']).where('id', 'in', ids).execute();

export async function existingIds(
  db: Tx,
  table: 'programMeasures' | 'decisions',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Per member state: the projects with an organization of that state, how many it leads, how many
 * it joins as partner only, and the count per status. One grouped query over (project, state)
 * pairs, so a project counts once per state however many of its organizations take part.
 */
export async function summaryByState(db: Tx, kind: string | undefined) {
  const pairs = db
    .selectFrom('projectParticipants as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizationId')
    .innerJoin('projects as pr', 'pr.id', 'p.projectId')
    .select((eb) => [
      'o.memberState as memberState',
      'pr.id as projectId',
      'pr.status as status',
      eb.fn.max(eb.case().when('p.role', '=', 'lead').then(1).else(0).end()).as('leads'),
    ])
    .$if(!!kind, (q) => q.where('pr.kind', '=', kind as string))
    .groupBy(['o.memberState', 'pr.id', 'pr.status'])
    .as('s');
  const rows = await db
    .selectFrom(pairs)
    .select((eb) => [
      's.memberState',
      's.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('s.leads').as('lead'),
    ])
    .groupBy(['s.memberState', 's.status'])
    .orderBy('s.memberState')
    .execute();
  const out = new Map<
    string,
    {
      memberState: string;
      total: number;
      asLead: number;
      asPartner: number;
      byStatus: Record<ProjectStatus, number>;
    }
  >();
  for (const r of rows) {
    let entry = out.get(r.memberState);
    if (!entry) {
      entry = {
        memberState: r.memberState,
        total: 0,
        asLead: 0,
        asPartner: 0,
        byStatus: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<
          ProjectStatus,
          number
        >,
      };
      out.set(r.memberState, entry);
    }
    const n = Number(r.n);
    const lead = Number(r.lead ?? 0);
    entry.total += n;
    entry.asLead += lead;
    entry.asPartner += n - lead;
    entry.byStatus[r.status as ProjectStatus] += n;
  }
  return [...out.values()];
}

/** Projects linked to a decision, oldest first. */
export const projectsNamingDecision = (db: Tx, decisionId: string) =>
  db
    .selectFrom('projectDecisions as l')
    .innerJoin('projects as p', 'p.id', 'l.projectId')
    .select(['p.id', 'p.title', 'p.status'])
    .where('l.decisionId', '=', decisionId)
    .orderBy('p.id')
    .execute();
