import type { IpResult, IpResultListItem, LinkedDecision } from '@plenum/shared';
import {
  type Expression,
  expressionBuilder,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../../db/database.ts';
import type { IpResultTable } from '../../db/tables/ip-results.ts';
import { isSignedIn, isStaff } from '../../platform/access.ts';
import type { Actor, Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

export type IpResultRow = Selectable<IpResultTable>;

/**
 * Restricts a query with `ip_results` in scope to the results the actor may read (DESIGN §3):
 * signed-in users read internal and public results, and restricted (confidential) ones whose
 * access list names one of their bodies or, for a delegate, its state; the secretariat and
 * admins read all. Restricted access is an indexed semi-join on ip_result_access, so lists,
 * counts and exports never fetch what they must hide.
 */
export function whereIpResultReadable(actor: Actor): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'ipResults'>();
  if (isStaff(actor)) {
    return sql<SqlBool>`1 = 1`;
  }
  if (!isSignedIn(actor)) {
    return sql<SqlBool>`1 = 0`;
  }
  const open = eb('ipResults.classification', 'in', ['public', 'internal']);
  const bodyIds = [...actor.bodyIds];
  const memberState = actor.role === 'delegate' ? actor.memberState : null;
  if (bodyIds.length === 0 && memberState === null) {
    return open;
  }
  return eb.or([
    open,
    eb.and([
      eb('ipResults.classification', '=', 'restricted'),
      eb.exists(
        eb
          .selectFrom('ipResultAccess')
          .select('ipResultAccess.ipResultId')
          .whereRef('ipResultAccess.ipResultId', '=', 'ipResults.id')
          .where((inner) =>
            inner.or([
              ...(bodyIds.length > 0 ? [inner('ipResultAccess.bodyId', 'in', bodyIds)] : []),
              ...(memberState !== null
                ? [inner('ipResultAccess.memberState', '=', memberState)]
                : []),
            ]),
          ),
      ),
    ]),
  ]);
}

export interface IpLinks {
  project: IpResult['project'];
  rightsHolders: IpResult['rightsHolders'];
  protections: IpResult['protections'];
  decisions: LinkedDecision[];
}

function parseAccessList(value: string | null): IpResult['accessList'] {
  if (!value) {
    return null;
  }
  const list = JSON.parse(value) as { memberStates?: string[]; bodyIds?: string[] };
  return { memberStates: list.memberStates ?? [], bodyIds: list.bodyIds ?? [] };
}

export function mapIpResultListItem(row: IpResultRow, links: IpLinks): IpResultListItem {
  return {
    id: row.id,
    title: parseText(row.title),
    kind: row.kind as IpResult['kind'],
    projectId: row.projectId,
    project: links.project,
    classification: row.classification as IpResult['classification'],
    accessList: parseAccessList(row.accessList),
    rightsHolders: links.rightsHolders,
    protections: links.protections,
    decisions: links.decisions,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function mapIpResult(row: IpResultRow, links: IpLinks): IpResult {
  return {
    ...mapIpResultListItem(row, links),
    description: parseTextOrNull(row.description),
    descriptionHtml: row.descriptionHtml
      ? (JSON.parse(row.descriptionHtml) as IpResult['descriptionHtml'])
      : null,
  };
}

export const findReadableIpResult = (db: Tx, actor: Actor, id: string) =>
  db
    .selectFrom('ipResults')
    .selectAll()
    .where('ipResults.id', '=', id)
    .where(whereIpResultReadable(actor))
    .executeTakeFirst();

/** Project, rights holders (in the order given), protections (by state) and decisions. */
export async function linksOf(
  db: Tx,
  rows: { id: string; projectId: string | null }[],
): Promise<Map<string, IpLinks>> {
  const ids = rows.map((r) => r.id);
  const out = new Map<string, IpLinks>(
    ids.map((id) => [id, { project: null, rightsHolders: [], protections: [], decisions: [] }]),
  );
  if (ids.length === 0) {
    return out;
  }
  const projectIds = [...new Set(rows.map((r) => r.projectId).filter((x): x is string => !!x))];
  const projects = new Map(
    projectIds.length === 0
      ? []
      : (
          await db
            .selectFrom('projects')
            .select(['id', 'title'])
            .where('id', 'in', projectIds)
            .execute()
        ).map((p) => [p.id, { id: p.id, title: parseText(p.title) }]),
  );
  for (const r of rows) {
    const entry = out.get(r.id);
    if (entry && r.projectId) {
      entry.project = projects.get(r.projectId) ?? null;
    }
  }
  const holders = await db
    .selectFrom('ipRightsHolders as h')
    .leftJoin('organizations as o', 'o.id', 'h.organizationId')
    .select([
      'h.ipResultId',
      'h.organizationId',
      'h.memberState',
      'h.shareHundredths',
      'o.name as organizationName',
      'o.memberState as organizationState',
    ])
    .where('h.ipResultId', 'in', ids)
    .orderBy('h.ipResultId')
    .orderBy('h.ordinal')
    .execute();
  for (const h of holders) {
    out.get(h.ipResultId)?.rightsHolders.push({
      organizationId: h.organizationId,
      memberState: h.memberState ?? h.organizationState ?? null,
      organizationName: h.organizationName ? parseText(h.organizationName) : null,
      share: h.shareHundredths / 100,
    });
  }
  const protections = await db
    .selectFrom('ipProtections')
    .selectAll()
    .where('ipResultId', 'in', ids)
    .orderBy('ipResultId')
    .orderBy('memberState')
    .execute();
  for (const p of protections) {
    out.get(p.ipResultId)?.protections.push({
      memberState: p.memberState,
      status: p.status as IpResult['protections'][number]['status'],
      number: p.number,
      date: p.date,
    });
  }
  const decisions = await db
    .selectFrom('ipResultDecisions as l')
    .innerJoin('decisions as d', 'd.id', 'l.decisionId')
    .select(['l.ipResultId', 'd.id', 'd.number', 'd.title', 'd.adoptedOn'])
    .where('l.ipResultId', 'in', ids)
    .orderBy('d.adoptedOn')
    .orderBy('d.id')
    .execute();
  for (const d of decisions) {
    out.get(d.ipResultId)?.decisions.push({
      id: d.id,
      number: d.number,
      title: parseText(d.title),
      adoptedOn: d.adoptedOn,
    });
  }
  return out;
}

export interface IpFilters {
  kind?: string;
  projectId?: string;
  classification?: string;
  holderState?: string;
  protectedIn?: string;
  protectionStatus?: string;
  decisionId?: string;
  /** A LIKE pattern over search_text. */
  q?: string;
}

/** The readable results newest first (UUID v7 ids are time-ordered), under the filters. */
export function listIpResults(
  db: Tx,
  actor: Actor,
  f: IpFilters,
  after: string | null,
  limit: number,
) {
  let query = db.selectFrom('ipResults').selectAll('ipResults').where(whereIpResultReadable(actor));
  if (f.kind) {
    query = query.where('ipResults.kind', '=', f.kind);
  }
  if (f.projectId) {
    query = query.where('ipResults.projectId', '=', f.projectId);
  }
  if (f.classification) {
    query = query.where('ipResults.classification', '=', f.classification);
  }
  if (f.q) {
    query = query.where('ipResults.searchText', 'like', f.q);
  }
  if (f.holderState) {
    const state = f.holderState;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ipRightsHolders as h')
          .leftJoin('organizations as o', 'o.id', 'h.organizationId')
          .select('h.ipResultId')
          .whereRef('h.ipResultId', '=', 'ipResults.id')
          .where((inner) =>
            inner.or([inner('h.memberState', '=', state), inner('o.memberState', '=', state)]),
          ),
      ),
    );
  }
  if (f.protectedIn || f.protectionStatus) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ipProtections as p')
          .select('p.ipResultId')
          .whereRef('p.ipResultId', '=', 'ipResults.id')
          .$if(!!f.protectedIn, (q) => q.where('p.memberState', '=', f.protectedIn as string))
          .$if(!!f.protectionStatus, (q) => q.where('p.status', '=', f.protectionStatus as string)),
      ),
    );
  }
  if (f.decisionId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ipResultDecisions as l')
          .select('l.ipResultId')
          .whereRef('l.ipResultId', '=', 'ipResults.id')
          .where('l.decisionId', '=', f.decisionId as string),
      ),
    );
  }
  if (after !== null) {
    query = query.where('ipResults.id', '<', after);
  }
  return query
    .orderBy('ipResults.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const insertIpResult = (db: Tx, row: Insertable<IpResultTable>) =>
  db.insertInto('ipResults').values(row).execute();

export async function updateIpResultRow(
  db: Tx,
  id: string,
  version: number,
  values: Partial<IpResultRow>,
): Promise<number> {
  const result = await db
    .updateTable('ipResults')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteIpResultIfVersion(db: Tx, id: string, version: number) {
  const result = await db
    .deleteFrom('ipResults')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function replaceAccess(
  db: Tx,
  id: string,
  list: { memberStates: string[]; bodyIds: string[] } | null,
): Promise<void> {
  await db.deleteFrom('ipResultAccess').where('ipResultId', '=', id).execute();
  if (!list) {
    return;
  }
  const rows = [
    ...list.memberStates.map((memberState) => ({ ipResultId: id, memberState, bodyId: null })),
    ...list.bodyIds.map((bodyId) => ({ ipResultId: id, memberState: null, bodyId })),
  ];
  if (rows.length > 0) {
    await db.insertInto('ipResultAccess').values(rows).execute();
  }
}

export async function replaceHolders(
  db: Tx,
  id: string,
  holders: { organizationId: string | null; memberState: string | null; hundredths: number }[],
): Promise<void> {
  await db.deleteFrom('ipRightsHolders').where('ipResultId', '=', id).execute();
  if (holders.length > 0) {
    await db
      .insertInto('ipRightsHolders')
      .values(
        holders.map((h, ordinal) => ({
          ipResultId: id,
          ordinal,
          organizationId: h.organizationId,
          memberState: h.memberState,
          shareHundredths: h.hundredths,
        })),
      )
      .execute();
  }
}

export async function replaceProtections(
  db: Tx,
  id: string,
  protections: {
    memberState: string;
    status: string;
    number: string | null;
    date: string | null;
  }[],
): Promise<void> {
  await db.deleteFrom('ipProtections').where('ipResultId', '=', id).execute();
  if (protections.length > 0) {
    await db
      .insertInto('ipProtections')
      .values(protections.map((p) => ({ ipResultId: id, ...p })))
      .execute();
  }
}

export async function replaceDecisions(db: Tx, id: string, ids: string[]): Promise<void> {
  await db.deleteFrom('ipResultDecisions').where('ipResultId', '=', id).execute();
  if (ids.length > 0) {
    await db
      .insertInto('ipResultDecisions')
      .values(ids.map((decisionId) => ({ ipResultId: id, decisionId })))
      .execute();
  }
}

/** Which of the given codes, ids and decisions exist. */
export async function existingReferences(
  db: Tx,
  refs: {
    memberStates: string[];
    bodyIds: string[];
    organizationIds: string[];
    decisionIds: string[];
  },
) {
  const states = refs.memberStates.length
    ? await db
        .selectFrom('memberStates')
        .select('code')
        .where('code', 'in', refs.memberStates)
        .execute()
    : [];
  const bodies = refs.bodyIds.length
    ? await db.selectFrom('bodies').select('id').where('id', 'in', refs.bodyIds).execute()
    : [];
  const orgs = refs.organizationIds.length
    ? await db
        .selectFrom('organizations')
        .select('id')
        .where('id', 'in', refs.organizationIds)
        .execute()
    : [];
  const decisions = refs.decisionIds.length
    ? await db.selectFrom('decisions').select('id').where('id', 'in', refs.decisionIds).execute()
    : [];
  return {
    memberStates: new Set(states.map((s) => s.code)),
    bodyIds: new Set(bodies.map((b) => b.id)),
    organizationIds: new Set(orgs.map((o) => o.id)),
    decisionIds: new Set(decisions.map((d) => d.id)),
  };
}

export const projectExists = async (db: Tx, id: string) =>
  !!(await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst());

/** The readable results linked to a decision, oldest first. */
export const ipResultsNamingDecision = (db: Tx, actor: Actor, decisionId: string) =>
  db
    .selectFrom('ipResultDecisions as l')
    .innerJoin('ipResults', 'ipResults.id', 'l.ipResultId')
    .select(['ipResults.id', 'ipResults.title', 'ipResults.classification'])
    .where('l.decisionId', '=', decisionId)
    .where(whereIpResultReadable(actor))
    .orderBy('ipResults.id')
    .execute();
