import {
  type LinkedDecision,
  MEASURE_TRANSITIONS,
  type Measure,
  type MeasureCreate,
  type MeasurePatch,
  type MeasureReport,
  type MeasureReportCreate,
  type MeasureStatus,
  type OverdueMeasure,
  type OverdueMeasuresQuery,
  type Page,
  PROGRAM_TRANSITIONS,
  type Program,
  type ProgramCreate,
  type ProgramListQuery,
  type ProgramPatch,
  type ProgramStatus,
  type ProgramTimeline,
  type RegisterEntryRef,
  type RegisterHistoryEvent,
} from '@plenum/shared';
import { isStaff, requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireTransition } from '../../platform/lifecycle.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import {
  likePattern,
  parseText,
  parseTextOrNull,
  searchText,
  storeText,
} from '../../platform/text.ts';
import { entryHistory } from '../audit/history.ts';
import { reindex } from '../search/indexer.ts';
import { checkBody, checkDecisionIds, linkedDecisions } from '../standards/service.ts';
import * as repo from './repository.ts';

function stale(what: string, current: number): AppError {
  return new AppError(
    'precondition_failed',
    `This ${what} changed since you read it (now version ${current}); reload and apply your change again.`,
  );
}

// ---- The tree ----------------------------------------------------------------------------------

type Node = { id: string; parentId: string | null; ordinal: number };
export interface Laid<T extends Node> {
  row: T;
  /** 1, 1.2, 1.2.3: positions among siblings, so gaps in ordinals never show. */
  code: string;
  depth: number;
  childIds: string[];
}

/** Lays out a program's measures in tree order (depth first, siblings by ordinal). */
export function layOut<T extends Node>(rows: readonly T[]): Laid<T>[] {
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : 1));
  }
  const out: Laid<T>[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    for (const [i, row] of (children.get(parentId) ?? []).entries()) {
      const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({
        row,
        code,
        depth,
        childIds: (children.get(row.id) ?? []).map((c) => c.id),
      });
      walk(row.id, code, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}

type ProgressNode = Node & { status: string; progress: number };

/**
 * The roll-up rule (documented on Program.progress): the mean of the progress of the leaf
 * measures under `rootId` (the whole program for null), every leaf weighing the same, cancelled
 * leaves left out, rounded to a whole percent; null when no leaf counts.
 */
export function rollUp(rows: readonly ProgressNode[], rootId: string | null): number | null {
  const children = new Map<string | null, ProgressNode[]>();
  for (const row of rows) {
    children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  }
  let sum = 0;
  let n = 0;
  const walk = (id: string | null) => {
    for (const child of children.get(id) ?? []) {
      if (children.has(child.id)) {
        walk(child.id);
      } else if (child.status !== 'cancelled') {
        sum += child.progress;
        n++;
      }
    }
  };
  walk(rootId);
  return n === 0 ? null : Math.round(sum / n);
}

async function refreshRollUp(trx: Tx, programId: string): Promise<void> {
  const rows = await repo.measuresOf(trx, [programId]);
  await repo.setProgramRollUp(trx, programId, {
    progress: rollUp(rows, null),
    measureCount: rows.length,
  });
}

// ---- Programs ----------------------------------------------------------------------------------

function mapProgram(row: repo.ProgramRow, decisions: LinkedDecision[], overdue: number): Program {
  return {
    id: row.id,
    title: parseText(row.title),
    description: parseTextOrNull(row.description),
    bodyId: row.bodyId,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    status: row.status as ProgramStatus,
    progress: row.progress,
    measureCount: row.measureCount,
    overdueMeasures: overdue,
    decisions,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function presentMany(db: Tx, rows: repo.ProgramRow[]): Promise<Program[]> {
  const ids = rows.map((r) => r.id);
  const [decisions, overdue] = await Promise.all([
    repo.programDecisionRows(db, ids).then(linkedDecisions),
    repo.overdueCounts(db, ids, todayIso()),
  ]);
  return rows.map((r) =>
    mapProgram(
      r,
      decisions.get(r.id) ?? [],
      repo.RUNNING_PROGRAM.includes(r.status) ? (overdue.get(r.id) ?? 0) : 0,
    ),
  );
}

/** Programs are part of the internal record: every signed-in user reads them. */
async function loadProgram(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.ProgramRow> {
  requireSignedIn(ctx.actor);
  const row = await repo.findProgram(db, id);
  if (!row) {
    throw notFound('program');
  }
  return row;
}

export async function getProgram(ctx: Ctx, id: string): Promise<Program> {
  const [program] = await presentMany(ctx.db, [await loadProgram(ctx, id)]);
  return program as Program;
}

function filtersOf(q: Omit<ProgramListQuery, 'limit' | 'cursor'>): repo.ProgramFilters {
  return {
    status: q.status,
    bodyId: q.bodyId,
    memberState: q.memberState,
    activeOn: q.activeOn,
    decisionId: q.decisionId,
    q: q.q ? likePattern(q.q) : undefined,
  };
}

export async function listProgramsPage(ctx: Ctx, q: ProgramListQuery): Promise<Page<Program>> {
  requireSignedIn(ctx.actor);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listPrograms(ctx.db, filtersOf(q), after, q.limit);
  const items = new Map((await presentMany(ctx.db, rows.slice(0, q.limit))).map((p) => [p.id, p]));
  return toPage(
    rows,
    q.limit,
    (r) => [r.periodFrom, r.id],
    (r) => items.get(r.id) as Program,
  );
}

/** Every program under the list's filters, in its order, batch by batch (for exports). */
export async function programBatches(
  ctx: Ctx,
  q: Omit<ProgramListQuery, 'limit' | 'cursor'>,
  size = 500,
): Promise<AsyncGenerator<Program[]>> {
  requireSignedIn(ctx.actor);
  const filters = filtersOf(q);
  async function* batches(): AsyncGenerator<Program[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await repo.listPrograms(ctx.db, filters, after, size);
      const shown = rows.slice(0, size);
      yield await presentMany(ctx.db, shown);
      const last = shown[shown.length - 1];
      if (rows.length <= size || !last) {
        return;
      }
      after = [last.periodFrom, last.id];
    }
  }
  return batches();
}

function checkPeriod(from: string, to: string): void {
  if (to < from) {
    throw invalid('periodTo', 'The period cannot end before it begins.');
  }
}

function programSnapshot(row: repo.ProgramRow, decisionIds: string[]) {
  return {
    title: parseText(row.title),
    description: parseTextOrNull(row.description),
    bodyId: row.bodyId,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    status: row.status,
    decisionIds,
  };
}

export async function createProgram(ctx: Ctx, input: ProgramCreate): Promise<Program> {
  requireContentWriter(ctx.actor);
  checkPeriod(input.periodFrom, input.periodTo);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkBody(trx, input.bodyId);
    await checkDecisionIds(trx, input.decisionIds);
    const now = nowIso();
    const row: repo.ProgramRow = {
      id: newId(),
      title: storeText(input.title) as string,
      description: storeText(input.description),
      bodyId: input.bodyId,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      status: input.status,
      progress: null,
      measureCount: 0,
      searchText: searchText(input.title),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertProgram(trx, row);
    await repo.replaceProgramDecisions(trx, row.id, input.decisionIds);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'program',
      entityId: row.id,
      change: programSnapshot(row, input.decisionIds),
    });
    await reindex(trx, 'program', row.id);
    return row.id;
  });
  return getProgram(ctx, id);
}

export async function updateProgram(
  ctx: Ctx,
  id: string,
  patch: ProgramPatch,
  ifMatch: number | null,
): Promise<Program> {
  requireContentWriter(ctx.actor);
  const current = await loadProgram(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale('program', current.version);
  }
  if (patch.status !== undefined) {
    requireTransition(
      'program',
      PROGRAM_TRANSITIONS,
      current.status as ProgramStatus,
      patch.status,
    );
  }
  checkPeriod(patch.periodFrom ?? current.periodFrom, patch.periodTo ?? current.periodTo);
  await ctx.db.transaction().execute(async (trx) => {
    if (patch.bodyId !== undefined) {
      await checkBody(trx, patch.bodyId);
    }
    if (patch.decisionIds) {
      await checkDecisionIds(trx, patch.decisionIds);
    }
    const beforeDecisions = (
      linkedDecisions(await repo.programDecisionRows(trx, [id])).get(id) ?? []
    ).map((d) => d.id);
    const title = patch.title ?? parseText(current.title);
    const values = {
      title: storeText(title) as string,
      description:
        patch.description !== undefined ? storeText(patch.description) : current.description,
      bodyId: patch.bodyId !== undefined ? patch.bodyId : current.bodyId,
      periodFrom: patch.periodFrom ?? current.periodFrom,
      periodTo: patch.periodTo ?? current.periodTo,
      status: patch.status ?? current.status,
      searchText: searchText(title),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    if ((await repo.updateProgramRow(trx, id, current.version, values)) === 0) {
      throw stale('program', current.version + 1);
    }
    if (patch.decisionIds) {
      await repo.replaceProgramDecisions(trx, id, patch.decisionIds);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: patch.status && patch.status !== current.status ? 'status' : 'update',
      entityType: 'program',
      entityId: id,
      change: diff(
        programSnapshot(current, beforeDecisions),
        programSnapshot({ ...current, ...values }, patch.decisionIds ?? beforeDecisions),
      ),
    });
    await reindex(trx, 'program', id);
  });
  return getProgram(ctx, id);
}

/** Removes a program entered by mistake: only while no measure has a report (cancel it else). */
export async function deleteProgram(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await loadProgram(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale('program', current.version);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.hasReports(trx, 'programId', [id])) {
      throw new AppError(
        'in_use',
        'Measures of this program have reports; cancel the program instead.',
      );
    }
    if ((await repo.deleteProgramRow(trx, id, current.version)) === 0) {
      throw stale('program', current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'program',
      entityId: id,
      change: { title: parseText(current.title), measures: current.measureCount },
    });
    await reindex(trx, 'program', id);
  });
}

/** GET /programs/{id}/history: the program's, its measures' and their reports' events. */
export async function getProgramHistory(
  ctx: Ctx,
  id: string,
): Promise<{ items: RegisterHistoryEvent[] }> {
  await loadProgram(ctx, id);
  return {
    items: await entryHistory(ctx.db, 'program', id, ['program_measure', 'program_measure_report']),
  };
}

/** The programs that name a decision, for the decision's page (every signed-in user). */
export async function entriesNamingDecision(
  ctx: Ctx,
  decisionId: string,
): Promise<RegisterEntryRef[]> {
  if (ctx.actor.role === 'anonymous') {
    return [];
  }
  const rows = await repo.programsNamingDecision(ctx.db, decisionId);
  return rows.map((r) => ({
    type: 'program' as const,
    id: r.id,
    title: parseText(r.title),
    status: r.status,
  }));
}

// ---- Measures ----------------------------------------------------------------------------------

async function presentMeasures(db: Tx, rows: repo.MeasureRow[], only?: string): Promise<Measure[]> {
  const today = todayIso();
  const laid = layOut(rows).filter((l) => only === undefined || l.row.id === only);
  const { states, organizations } = await repo.responsiblesOf(
    db,
    laid.map((l) => l.row.id),
  );
  return laid.map(({ row, code, depth, childIds }) => {
    const hasChildren = childIds.length > 0;
    return {
      id: row.id,
      programId: row.programId,
      parentId: row.parentId,
      code,
      depth,
      title: parseText(row.title),
      description: parseTextOrNull(row.description),
      responsibleMemberStates: states.get(row.id) ?? [],
      responsibleOrganizationIds: organizations.get(row.id) ?? [],
      startDate: row.startDate,
      dueDate: row.dueDate,
      status: row.status as MeasureStatus,
      // A measure with sub-measures shows their roll-up, by the program's rule.
      progress: hasChildren ? (rollUp(rows, row.id) ?? row.progress) : row.progress,
      overdue: isOverdue(row, today),
      hasChildren,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

const isOverdue = (row: { status: string; dueDate: string | null }, today: string) =>
  repo.OPEN_MEASURE.includes(row.status) && row.dueDate !== null && row.dueDate < today;

/** The whole tree of a program, in code order. */
export async function listMeasures(ctx: Ctx, programId: string): Promise<Page<Measure>> {
  await loadProgram(ctx, programId);
  return {
    items: await presentMeasures(ctx.db, await repo.measuresOf(ctx.db, [programId])),
    nextCursor: null,
  };
}

async function presentMeasure(db: Tx, programId: string, id: string): Promise<Measure> {
  const [measure] = await presentMeasures(db, await repo.measuresOf(db, [programId]), id);
  if (!measure) {
    throw notFound('measure');
  }
  return measure;
}

export async function getMeasure(ctx: Ctx, programId: string, id: string): Promise<Measure> {
  await loadProgram(ctx, programId);
  return presentMeasure(ctx.db, programId, id);
}

/** Measures of a completed or cancelled program are closed (409). */
function requireRunning(program: repo.ProgramRow): void {
  if (!repo.RUNNING_PROGRAM.includes(program.status)) {
    throw new AppError(
      'invalid_transition',
      'The program is completed or cancelled; its measures no longer change.',
    );
  }
}

async function checkResponsibles(
  db: Tx,
  states: string[] | undefined,
  organizationIds: string[] | undefined,
): Promise<void> {
  const errors: FieldError[] = [];
  if (states) {
    const found = await repo.existingStates(db, states);
    states.forEach((s, i) => {
      if (!found.has(s)) {
        errors.push({ path: `responsibleMemberStates.${i}`, message: 'No such member state.' });
      }
    });
  }
  if (organizationIds) {
    const found = await repo.existingOrganizations(db, organizationIds);
    organizationIds.forEach((o, i) => {
      if (!found.has(o)) {
        errors.push({ path: `responsibleOrganizationIds.${i}`, message: 'No such organization.' });
      }
    });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }
}

function checkDates(startDate: string | null, dueDate: string | null): void {
  if (startDate && dueDate && dueDate < startDate) {
    throw invalid('dueDate', 'A measure cannot be due before it starts.');
  }
}

/** Siblings in order with `id` placed at 1-based `position` (last when absent or beyond). */
function placed(siblings: string[], id: string, position: number | undefined): string[] {
  const others = siblings.filter((s) => s !== id);
  const at = Math.min(Math.max((position ?? others.length + 1) - 1, 0), others.length);
  return [...others.slice(0, at), id, ...others.slice(at)];
}

const siblingIds = (rows: repo.MeasureRow[], parentId: string | null) =>
  layOut(rows)
    .filter((l) => l.row.parentId === parentId)
    .map((l) => l.row.id);

function measureSnapshot(
  row: Pick<
    repo.MeasureRow,
    'parentId' | 'title' | 'description' | 'startDate' | 'dueDate' | 'status' | 'progress'
  >,
  states: string[],
  organizations: string[],
) {
  return {
    parentId: row.parentId,
    title: parseText(row.title),
    description: parseTextOrNull(row.description),
    responsibleMemberStates: states,
    responsibleOrganizationIds: organizations,
    startDate: row.startDate,
    dueDate: row.dueDate,
    status: row.status,
    progress: row.progress,
  };
}

/** A completed measure is done: its progress is 100. */
const progressFor = (status: string, progress: number) => (status === 'completed' ? 100 : progress);

export async function createMeasure(
  ctx: Ctx,
  programId: string,
  input: MeasureCreate,
): Promise<Measure> {
  requireContentWriter(ctx.actor);
  const program = await loadProgram(ctx, programId);
  requireRunning(program);
  checkDates(input.startDate, input.dueDate);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockProgram(trx, ctx.dialect, programId);
    const rows = await repo.measuresOf(trx, [programId]);
    if (input.parentId !== null && !rows.some((r) => r.id === input.parentId)) {
      throw invalid('parentId', 'No such measure in this program.');
    }
    await checkResponsibles(trx, input.responsibleMemberStates, input.responsibleOrganizationIds);
    const now = nowIso();
    const row: repo.MeasureRow = {
      id: newId(),
      programId,
      parentId: input.parentId,
      ordinal: rows.length + 1,
      title: storeText(input.title) as string,
      description: storeText(input.description),
      startDate: input.startDate,
      dueDate: input.dueDate,
      status: input.status,
      progress: progressFor(input.status, input.progress),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertMeasure(trx, row);
    await repo.setOrdinals(trx, placed(siblingIds(rows, input.parentId), row.id, input.position));
    await repo.replaceResponsibles(
      trx,
      row.id,
      input.responsibleMemberStates,
      input.responsibleOrganizationIds,
    );
    await refreshRollUp(trx, programId);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'program_measure',
      entityId: `${programId}/${row.id}`,
      change: measureSnapshot(row, input.responsibleMemberStates, input.responsibleOrganizationIds),
    });
    await reindex(trx, 'program', programId);
    return row.id;
  });
  return presentMeasure(ctx.db, programId, id);
}

function descendantsOf(rows: repo.MeasureRow[], id: string): Set<string> {
  const out = new Set<string>();
  const walk = (parent: string) => {
    for (const r of rows) {
      if (r.parentId === parent && !out.has(r.id)) {
        out.add(r.id);
        walk(r.id);
      }
    }
  };
  walk(id);
  return out;
}

/**
 * Applies a change of status and progress with the measure's rules: the lifecycle, progress 100
 * on completion, and no own progress for a measure with sub-measures (it rolls up from them).
 */
function nextProgress(
  current: repo.MeasureRow,
  hasChildren: boolean,
  change: { status?: MeasureStatus; progress?: number },
): { status: string; progress: number } {
  if (change.status !== undefined) {
    requireTransition(
      'measure',
      MEASURE_TRANSITIONS,
      current.status as MeasureStatus,
      change.status,
    );
  }
  if (change.progress !== undefined && hasChildren) {
    throw new AppError(
      'unprocessable',
      'A measure with sub-measures takes its progress from them; report progress on the sub-measures.',
      { errors: [{ path: 'progress', message: 'Set by the sub-measures' }] },
    );
  }
  const status = change.status ?? current.status;
  return { status, progress: progressFor(status, change.progress ?? current.progress) };
}

export async function updateMeasure(
  ctx: Ctx,
  programId: string,
  id: string,
  patch: MeasurePatch,
  ifMatch: number | null,
): Promise<Measure> {
  requireContentWriter(ctx.actor);
  const program = await loadProgram(ctx, programId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockProgram(trx, ctx.dialect, programId);
    const rows = await repo.measuresOf(trx, [programId]);
    const current = rows.find((r) => r.id === id);
    if (!current) {
      throw notFound('measure');
    }
    if (ifMatch !== null && ifMatch !== current.version) {
      throw stale('measure', current.version);
    }
    requireRunning(program);
    const hasChildren = rows.some((r) => r.parentId === id);
    const { status, progress } = nextProgress(current, hasChildren, patch);
    const parentId = patch.parentId !== undefined ? patch.parentId : current.parentId;
    if (patch.parentId !== undefined && patch.parentId !== null) {
      if (!rows.some((r) => r.id === patch.parentId)) {
        throw invalid('parentId', 'No such measure in this program.');
      }
      if (patch.parentId === id || descendantsOf(rows, id).has(patch.parentId)) {
        throw invalid('parentId', 'This would make a cycle');
      }
    }
    const startDate = patch.startDate !== undefined ? patch.startDate : current.startDate;
    const dueDate = patch.dueDate !== undefined ? patch.dueDate : current.dueDate;
    checkDates(startDate, dueDate);
    await checkResponsibles(trx, patch.responsibleMemberStates, patch.responsibleOrganizationIds);
    const before = await repo.responsiblesOf(trx, [id]);
    const beforeStates = before.states.get(id) ?? [];
    const beforeOrgs = before.organizations.get(id) ?? [];
    const values = {
      parentId,
      title: patch.title ? (storeText(patch.title) as string) : current.title,
      description:
        patch.description !== undefined ? storeText(patch.description) : current.description,
      startDate,
      dueDate,
      status,
      progress,
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    if ((await repo.updateMeasureRow(trx, id, current.version, values)) === 0) {
      throw stale('measure', current.version + 1);
    }
    if (patch.parentId !== undefined || patch.position !== undefined) {
      const moved = rows.map((r) => (r.id === id ? { ...r, parentId } : r));
      await repo.setOrdinals(trx, placed(siblingIds(moved, parentId), id, patch.position));
      if (parentId !== current.parentId) {
        await repo.setOrdinals(trx, siblingIds(moved, current.parentId));
      }
    }
    await repo.replaceResponsibles(
      trx,
      id,
      patch.responsibleMemberStates,
      patch.responsibleOrganizationIds,
    );
    await refreshRollUp(trx, programId);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: patch.status && patch.status !== current.status ? 'status' : 'update',
      entityType: 'program_measure',
      entityId: `${programId}/${id}`,
      change: {
        ...diff(
          measureSnapshot(current, beforeStates, beforeOrgs),
          measureSnapshot(
            { ...current, ...values },
            patch.responsibleMemberStates ?? beforeStates,
            patch.responsibleOrganizationIds ?? beforeOrgs,
          ),
        ),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
      },
    });
    await reindex(trx, 'program', programId);
  });
  return presentMeasure(ctx.db, programId, id);
}

/** Removes a measure and its sub-measures, only while none of them has a report (409). */
export async function deleteMeasure(
  ctx: Ctx,
  programId: string,
  id: string,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  const program = await loadProgram(ctx, programId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockProgram(trx, ctx.dialect, programId);
    const rows = await repo.measuresOf(trx, [programId]);
    const current = rows.find((r) => r.id === id);
    if (!current) {
      throw notFound('measure');
    }
    if (ifMatch !== null && ifMatch !== current.version) {
      throw stale('measure', current.version);
    }
    requireRunning(program);
    const removed = [id, ...descendantsOf(rows, id)];
    if (await repo.hasReports(trx, 'measureId', removed)) {
      throw new AppError(
        'in_use',
        'This measure or a sub-measure has reports; cancel the measure instead.',
      );
    }
    const code = layOut(rows).find((l) => l.row.id === id)?.code;
    await repo.deleteMeasureRows(trx, removed);
    await repo.setOrdinals(
      trx,
      siblingIds(
        rows.filter((r) => !removed.includes(r.id)),
        current.parentId,
      ),
    );
    await refreshRollUp(trx, programId);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'program_measure',
      entityId: `${programId}/${id}`,
      change: { code, title: parseText(current.title), removed },
    });
    await reindex(trx, 'program', programId);
  });
}

// ---- Reports -----------------------------------------------------------------------------------

function mapReport(row: repo.MeasureReportRow): MeasureReport {
  return {
    id: row.id,
    measureId: row.measureId,
    programId: row.programId,
    memberState: row.memberState,
    reportedOn: row.reportedOn,
    text: parseText(row.text),
    status: row.status as MeasureStatus | null,
    progress: row.progress,
    reportedBy: { id: row.reportedById, name: row.reportedByName },
    createdAt: row.createdAt,
  };
}

export async function listMeasureReports(
  ctx: Ctx,
  programId: string,
  measureId: string,
): Promise<MeasureReport[]> {
  await loadProgram(ctx, programId);
  if (!(await repo.findMeasure(ctx.db, programId, measureId))) {
    throw notFound('measure');
  }
  return (await repo.reportsOf(ctx.db, programId, measureId)).map(mapReport);
}

/**
 * A dated report on a measure, by the secretariat or by a delegate of a state responsible for
 * it (for its own state only: 403 otherwise). A report may move the measure's status and
 * progress by the measure's rules; the program's roll-up follows in the same transaction.
 */
export async function submitMeasureReport(
  ctx: Ctx,
  programId: string,
  measureId: string,
  input: MeasureReportCreate,
): Promise<MeasureReport> {
  const program = await loadProgram(ctx, programId);
  const reportedOn = input.reportedOn ?? todayIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockProgram(trx, ctx.dialect, programId);
    const rows = await repo.measuresOf(trx, [programId]);
    const current = rows.find((r) => r.id === measureId);
    if (!current) {
      throw notFound('measure');
    }
    const responsible = (await repo.responsiblesOf(trx, [measureId])).states.get(measureId) ?? [];
    let memberState: string | null;
    if (isStaff(ctx.actor)) {
      memberState = input.memberState ?? null;
      if (memberState !== null && !responsible.includes(memberState)) {
        throw invalid('memberState', 'This state is not responsible for the measure.');
      }
    } else if (ctx.actor.role === 'delegate' && ctx.actor.memberState) {
      memberState = input.memberState ?? ctx.actor.memberState;
      if (memberState !== ctx.actor.memberState) {
        throw forbidden('You may act only for your own member state.');
      }
      if (!responsible.includes(memberState)) {
        throw forbidden('Your member state is not responsible for this measure.');
      }
    } else {
      throw forbidden();
    }
    requireRunning(program);
    if (reportedOn > todayIso()) {
      throw invalid('reportedOn', 'A report cannot be dated in the future.');
    }
    const hasChildren = rows.some((r) => r.parentId === measureId);
    const next = nextProgress(current, hasChildren, input);
    const now = nowIso();
    const report = {
      id: newId(),
      measureId,
      programId,
      memberState,
      reportedOn,
      text: storeText(input.text) as string,
      status: input.status ?? null,
      progress: input.progress ?? null,
      reportedById: ctx.actor.id,
      reportedByName: ctx.actor.name,
      createdAt: now,
    };
    await repo.insertReport(trx, report);
    if (next.status !== current.status || next.progress !== current.progress) {
      const values = { ...next, version: current.version + 1, updatedAt: now };
      if ((await repo.updateMeasureRow(trx, measureId, current.version, values)) === 0) {
        throw stale('measure', current.version + 1);
      }
      await refreshRollUp(trx, programId);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'report',
      entityType: 'program_measure_report',
      entityId: `${programId}/${report.id}`,
      change: {
        measureId,
        memberState,
        reportedOn,
        text: input.text,
        ...(next.status !== current.status ? { status: [current.status, next.status] } : {}),
        ...(next.progress !== current.progress
          ? { progress: [current.progress, next.progress] }
          : {}),
      },
    });
    return report.id;
  });
  const row = (await repo.reportsOf(ctx.db, programId, measureId)).find((r) => r.id === id);
  return mapReport(row as repo.MeasureReportRow);
}

// ---- Dashboard and timeline --------------------------------------------------------------------

/**
 * GET /programs/overdue-measures: open measures of running programs past their due date,
 * earliest first, with their codes, for the dashboard.
 */
export async function listOverdueMeasures(
  ctx: Ctx,
  q: OverdueMeasuresQuery,
): Promise<Page<OverdueMeasure>> {
  requireSignedIn(ctx.actor);
  const today = todayIso();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listOverdueMeasures(ctx.db, q, today, after, q.limit);
  const shown = rows.slice(0, q.limit);
  const programIds = [...new Set(shown.map((r) => r.programId))];
  const codes = new Map<string, string>();
  const skeletons = await repo.skeletonsOf(ctx.db, programIds);
  for (const programId of programIds) {
    for (const l of layOut(skeletons.filter((s) => s.programId === programId))) {
      codes.set(l.row.id, l.code);
    }
  }
  const { states } = await repo.responsiblesOf(
    ctx.db,
    shown.map((r) => r.id),
  );
  const dayMs = 86_400_000;
  return toPage(
    rows,
    q.limit,
    (r) => [r.dueDate, r.id],
    (r) => ({
      id: r.id,
      code: codes.get(r.id) ?? '',
      title: parseText(r.title),
      dueDate: r.dueDate as string,
      daysOverdue: Math.round((Date.parse(today) - Date.parse(r.dueDate as string)) / dayMs),
      status: r.status as MeasureStatus,
      progress: r.progress,
      responsibleMemberStates: states.get(r.id) ?? [],
      program: { id: r.programId, title: parseText(r.programTitle) },
    }),
  );
}

/** GET /programs/{id}/timeline: what a timeline draws, in code order. */
export async function getProgramTimeline(ctx: Ctx, programId: string): Promise<ProgramTimeline> {
  const program = await loadProgram(ctx, programId);
  const measures = await presentMeasures(ctx.db, await repo.measuresOf(ctx.db, [programId]));
  return {
    program: {
      id: program.id,
      title: parseText(program.title),
      periodFrom: program.periodFrom,
      periodTo: program.periodTo,
      progress: program.progress,
    },
    asOf: todayIso(),
    measures: measures.map((m) => ({
      id: m.id,
      parentId: m.parentId,
      code: m.code,
      depth: m.depth,
      title: m.title,
      startDate: m.startDate,
      dueDate: m.dueDate,
      status: m.status,
      progress: m.progress,
      overdue: m.overdue,
      responsibleMemberStates: m.responsibleMemberStates,
    })),
  };
}
