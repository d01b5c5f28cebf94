import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type {
  ProgramMeasureReportTable,
  ProgramMeasureTable,
  ProgramTable,
} from '../../db/tables/programs.ts';
import type { Tx } from '../../platform/context.ts';

export type ProgramRow = ProgramTable;
export type MeasureRow = ProgramMeasureTable;
export type MeasureReportRow = ProgramMeasureReportTable;

/** Measures count as open (and can be overdue) while planned or in progress. */
export const OPEN_MEASURE = ['planned', 'in_progress'];
/** Programs whose measures still run: a closed program has no overdue measures. */
export const RUNNING_PROGRAM = ['planned', 'active'];

export interface ProgramFilters {
  status?: string;
  bodyId?: string;
  memberState?: string;
  activeOn?: string;
  decisionId?: string;
  /** A LIKE pattern made by likePattern (backslash escapes). */
  q?: string;
}

export function findProgram(db: Tx, id: string): Promise<ProgramRow | undefined> {
  return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Programs newest period first, keyset-paged by (periodFrom desc, id desc); fetches limit + 1. */
export function listPrograms(
  db: Tx,
  f: ProgramFilters,
  after: [string, string] | null,
  limit: number,
): Promise<ProgramRow[]> {
  let query = db.selectFrom('programs').selectAll();
  if (f.status) {
    query = query.where('status', '=', f.status);
  }
  if (f.bodyId) {
    query = query.where('bodyId', '=', f.bodyId);
  }
  if (f.activeOn) {
    query = query.where('periodFrom', '<=', f.activeOn).where('periodTo', '>=', f.activeOn);
  }
  if (f.q) {
    query = query.where(sql<SqlBool>`${sql.ref('searchText')} like ${f.q} escape '\\'`);
  }
  if (f.memberState) {
    const state = f.memberState;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('programMeasureStates as s')
          .innerJoin('programMeasures as m', 'm.id', 's.measureId')
          .select('s.measureId')
          .whereRef('m.programId', '=', 'programs.id')
          .where('s.memberState', '=', state),
      ),
    );
  }
  if (f.decisionId) {
    const decisionId = f.decisionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('programDecisions')
          .select('programDecisions.programId')
          .whereRef('programDecisions.programId', '=', 'programs.id')
          .where('programDecisions.decisionId', '=', decisionId),
      ),
    );
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb('periodFrom', '<', key), eb.and([eb('periodFrom', '=', key), eb('id', '<', id)])]),
    );
  }
  return query
    .orderBy('periodFrom', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function insertProgram(db: Tx, row: Insertable<ProgramTable>) {
  return db.insertInto('programs').values(row).execute();
}

export async function updateProgramRow(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<ProgramTable>,
): Promise<number> {
  const result = await db
    .updateTable('programs')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Derived fields: not a change of the program's record, so its version stays. */
export function setProgramRollUp(
  db: Tx,
  id: string,
  values: { progress: number | null; measureCount: number },
) {
  return db.updateTable('programs').set(values).where('id', '=', id).execute();
}

export async function deleteProgramRow(db: Tx, id: string, version: number): Promise<number> {
  const result = await db
    .deleteFrom('programs')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Open measures past due per program (of running programs). */
export async function overdueCounts(
  db: Tx,
  programIds: string[],
  today: string,
): Promise<Map<string, number>> {
  if (programIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('programMeasures')
    .select(['programId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('programId', 'in', programIds)
    .where('status', 'in', OPEN_MEASURE)
    .where('dueDate', '<', today)
    .groupBy('programId')
    .execute();
  return new Map(rows.map((r) => [r.programId, Number(r.n)]));
}

export function programsNamingDecision(db: Tx, decisionId: string) {
  return db
    .selectFrom('programDecisions as l')
    .innerJoin('programs as p', 'p.id', 'l.programId')
    .select(['p.id', 'p.title', 'p.status'])
    .where('l.decisionId', '=', decisionId)
    .orderBy('p.periodFrom', 'desc')
    .execute();
}

/** The decisions each program names, in order of adoption. */
export function programDecisionRows(db: Tx, programIds: string[]) {
  if (programIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('programDecisions as l')
    .innerJoin('decisions as d', 'd.id', 'l.decisionId')
    .select(['l.programId as entryId', 'd.id', 'd.number', 'd.title', 'd.adoptedOn'])
    .where('l.programId', 'in', programIds)
    .orderBy('d.sortKey')
    .execute();
}

export async function replaceProgramDecisions(
  db: Tx,
  programId: string,
  decisionIds: string[],
): Promise<void> {
  await db.deleteFrom('programDecisions').where('programId', '=', programId).execute();
  if (decisionIds.length > 0) {
    await db
      .insertInto('programDecisions')
      .values(decisionIds.map((decisionId) => ({ programId, decisionId })))
      .execute();
  }
}

// ---- Measures ----------------------------------------------------------------------------------

export function measuresOf(db: Tx, programIds: string[]): Promise<MeasureRow[]> {
  if (programIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('programMeasures')
    .selectAll()
    .where('programId', 'in', programIds)
    .orderBy('programId')
    .orderBy('ordinal')
    .orderBy('id')
    .execute();
}

export function findMeasure(
  db: Tx,
  programId: string,
  id: string,
): Promise<MeasureRow | undefined> {
  return db
    .selectFrom('programMeasures')
    .selectAll()
    .where('id', '=', id)
    .where('programId', '=', programId)
    .executeTakeFirst();
}

export function insertMeasure(db: Tx, row: Insertable<ProgramMeasureTable>) {
  return db.insertInto('programMeasures').values(row).execute();
}

export async function updateMeasureRow(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<ProgramMeasureTable>,
): Promise<number> {
  const result = await db
    .updateTable('programMeasures')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Renumbers siblings: the codes derive from the order, so only ordinals change. */
export async function setOrdinals(db: Tx, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await db
      .updateTable('programMeasures')
      .set({ ordinal: i + 1 })
      .where('id', '=', id)
      .execute();
  }
}

export function deleteMeasureRows(db: Tx, ids: string[]) {
  return db.deleteFrom('programMeasures').where('id', 'in', ids).execute();
}

/** Responsible states and organizations of measures, keyed by measure id. */
export async function responsiblesOf(
  db: Tx,
  measureIds: string[],
): Promise<{ states: Map<string, string[]>; organizations: Map<string, string[]> }> {
  const states = new Map<string, string[]>();
  const organizations = new Map<string, string[]>();
  if (measureIds.length === 0) {
    return { states, organizations };
  }
  // Chunks keep the parameter count under SQLite's and PostgreSQL's limits on big programs.
  for (let i = 0; i < measureIds.length; i += 500) {
    const chunk = measureIds.slice(i, i + 500);
    const [s, o] = await Promise.all([
      db
        .selectFrom('programMeasureStates')
        .selectAll()
        .where('measureId', 'in', chunk)
        .orderBy('memberState')
        .execute(),
      db
        .selectFrom('programMeasureOrganizations')
        .selectAll()
        .where('measureId', 'in', chunk)
        .orderBy('organizationId')
        .execute(),
    ]);
    for (const r of s) {
      states.set(r.measureId, [...(states.get(r.measureId) ?? []), r.memberState]);
    }
    for (const r of o) {
      organizations.set(r.measureId, [...(organizations.get(r.measureId) ?? []), r.organizationId]);
    }
  }
  return { states, organizations };
}

export async function replaceResponsibles(
  db: Tx,
  measureId: string,
  states: string[] | undefined,
  organizationIds: string[] | undefined,
): Promise<void> {
  if (states) {
    await db.deleteFrom('programMeasureStates').where('measureId', '=', measureId).execute();
    if (states.length > 0) {
      await db
        .insertInto('programMeasureStates')
        .values(states.map((memberState) => ({ measureId, memberState })))
        .execute();
    }
  }
  if (organizationIds) {
    await db.deleteFrom('programMeasureOrganizations').where('measureId', '=', measureId).execute();
    if (organizationIds.length > 0) {
      await db
        .insertInto('programMeasureOrganizations')
        .values(organizationIds.map((organizationId) => ({ measureId, organizationId })))
        .execute();
    }
  }
}

export async function existingStates(db: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('memberStates')
    .select('code')
    .where('code', 'in', codes)
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function existingOrganizations(db: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db.selectFrom('organizations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Open measures of running programs past their due date, earliest due first, keyset-paged by
 * (dueDate, id); fetches limit + 1.
 */
export function listOverdueMeasures(
  db: Tx,
  f: { memberState?: string; programId?: string },
  today: string,
  after: [string, string] | null,
  limit: number,
) {
  let query = db
    .selectFrom('programMeasures as m')
    .innerJoin('programs as p', 'p.id', 'm.programId')
    .selectAll('m')
    .select(['p.title as programTitle'])
    .where('m.status', 'in', OPEN_MEASURE)
    .where('m.dueDate', '<', today)
    .where('p.status', 'in', RUNNING_PROGRAM);
  if (f.programId) {
    query = query.where('m.programId', '=', f.programId);
  }
  if (f.memberState) {
    const state = f.memberState;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('programMeasureStates as s')
          .select('s.measureId')
          .whereRef('s.measureId', '=', 'm.id')
          .where('s.memberState', '=', state),
      ),
    );
  }
  if (after) {
    const [key, id] = after;
    query = query.where((eb) =>
      eb.or([eb('m.dueDate', '>', key), eb.and([eb('m.dueDate', '=', key), eb('m.id', '>', id)])]),
    );
  }
  return query
    .orderBy('m.dueDate')
    .orderBy('m.id')
    .limit(limit + 1)
    .execute();
}

/** The tree's skeleton of several programs, to lay out codes. */
export function skeletonsOf(db: Tx, programIds: string[]) {
  if (programIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('programMeasures')
    .select(['id', 'programId', 'parentId', 'ordinal'])
    .where('programId', 'in', programIds)
    .execute();
}

// ---- Reports -----------------------------------------------------------------------------------

export function reportsOf(db: Tx, programId: string, measureId: string) {
  return db
    .selectFrom('programMeasureReports')
    .selectAll()
    .where('programId', '=', programId)
    .where('measureId', '=', measureId)
    .orderBy('reportedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

export function insertReport(db: Tx, row: Insertable<ProgramMeasureReportTable>) {
  return db.insertInto('programMeasureReports').values(row).execute();
}

export async function hasReports(db: Tx, column: 'programId' | 'measureId', ids: string[]) {
  if (ids.length === 0) {
    return false;
  }
  const row = await db
    .selectFrom('programMeasureReports')
    .select('id')
    .where(column, 'in', ids)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function organizationNames(db: Tx, ids: string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
}

/**
 * Serialises writes to one program's tree on PostgreSQL (SQLite serialises writers already), so
 * concurrent inserts and moves never leave siblings with the same ordinal or a stale roll-up.
 */
export async function lockProgram(db: Tx, dialect: string, id: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select id from programs where id = ${id} for update`.execute(db);
  }
}
