import {
  type Adoption,
  type AdoptionMatrix,
  type AdoptionMatrixQuery,
  type AdoptionPut,
  type AdoptionStatus,
  type LinkedDecision,
  type Page,
  type RegisterEntryRef,
  type RegisterHistoryEvent,
  STANDARD_TRANSITIONS,
  type Standard,
  type StandardCreate,
  type StandardListItem,
  type StandardListQuery,
  type StandardPatch,
  type StandardStatus,
} from '@plenum/shared';
import {
  requireActsForState,
  requireContentWriter,
  requireSignedIn,
} from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
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
import * as repo from './repository.ts';

const MATRIX_LIMIT = 2000;

function stale(what: string, current: number): AppError {
  return new AppError(
    'precondition_failed',
    `This ${what} changed since you read it (now version ${current}); reload and apply your change again.`,
  );
}

const sortKeyOf = (designation: string) => designation.toLocaleLowerCase('ru').slice(0, 100);

type Counts = StandardListItem['adoptionCounts'];

function countAdoptions(rows: repo.AdoptionRow[], members: string[]): Counts {
  const byState = new Map(rows.map((r) => [r.memberState, r.status]));
  const counts: Counts = { pending: 0, adopted: 0, adoptedWithReservations: 0, notAdopted: 0 };
  for (const state of members) {
    const status = (byState.get(state) ?? 'pending') as AdoptionStatus;
    if (status === 'adopted') {
      counts.adopted++;
    } else if (status === 'adopted_with_reservations') {
      counts.adoptedWithReservations++;
    } else if (status === 'not_adopted') {
      counts.notAdopted++;
    } else {
      counts.pending++;
    }
  }
  return counts;
}

function mapListItem(
  row: repo.StandardRow,
  decisions: LinkedDecision[],
  counts: Counts,
  documentReadable: boolean,
): StandardListItem {
  return {
    id: row.id,
    designation: row.designation,
    title: parseText(row.title),
    status: row.status as StandardStatus,
    leadMemberState: row.leadMemberState,
    bodyId: row.bodyId,
    documentId: documentReadable ? row.documentId : null,
    decisions,
    adoptionCounts: counts,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function presentMany(
  ctx: Ctx,
  db: Tx,
  rows: repo.StandardRow[],
): Promise<StandardListItem[]> {
  const ids = rows.map((r) => r.id);
  const [decisions, adoptions, members, readable] = await Promise.all([
    repo.standardDecisions(db, ids),
    repo.adoptionsOf(db, ids),
    repo.memberStateCodes(db),
    repo.readableDocumentIds(
      db,
      ctx.actor,
      rows.flatMap((r) => (r.documentId ? [r.documentId] : [])),
    ),
  ]);
  const byStandard = new Map<string, repo.AdoptionRow[]>();
  for (const a of adoptions) {
    byStandard.set(a.standardId, [...(byStandard.get(a.standardId) ?? []), a]);
  }
  return rows.map((r) =>
    mapListItem(
      r,
      decisions.get(r.id) ?? [],
      countAdoptions(byStandard.get(r.id) ?? [], members),
      r.documentId !== null && readable.has(r.documentId),
    ),
  );
}

async function present(ctx: Ctx, db: Tx, row: repo.StandardRow): Promise<Standard> {
  const [item] = await presentMany(ctx, db, [row]);
  const doc = row.documentId ? await repo.readableDocument(db, ctx.actor, row.documentId) : null;
  return {
    ...(item as StandardListItem),
    description: parseTextOrNull(row.description),
    document: doc
      ? {
          id: doc.id,
          title: parseText(doc.title),
          status: doc.status,
          latestConsultation: doc.round
            ? {
                id: doc.round.id,
                round: doc.round.round,
                status: doc.round.status,
                outcome: doc.round.outcome,
                deadline: doc.round.deadline,
              }
            : null,
        }
      : null,
  };
}

/** The standards register is part of the internal record: every signed-in user reads it. */
async function loadStandard(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.StandardRow> {
  requireSignedIn(ctx.actor);
  const row = await repo.findStandard(db, id);
  if (!row) {
    throw notFound('standard');
  }
  return row;
}

export async function getStandard(ctx: Ctx, id: string): Promise<Standard> {
  return present(ctx, ctx.db, await loadStandard(ctx, id));
}

function filtersOf(q: Omit<StandardListQuery, 'limit' | 'cursor'>): repo.StandardFilters {
  return {
    status: q.status,
    bodyId: q.bodyId,
    leadMemberState: q.leadMemberState,
    decisionId: q.decisionId,
    adoptedBy: q.adoptedBy,
    q: q.q ? likePattern(q.q) : undefined,
  };
}

export async function listStandardsPage(
  ctx: Ctx,
  q: StandardListQuery,
): Promise<Page<StandardListItem>> {
  requireSignedIn(ctx.actor);
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listStandards(ctx.db, filtersOf(q), after, q.limit);
  const items = await presentMany(ctx, ctx.db, rows.slice(0, q.limit));
  const byId = new Map(items.map((i) => [i.id, i]));
  return toPage(
    rows,
    q.limit,
    (r) => [r.sortKey, r.id],
    (r) => byId.get(r.id) as StandardListItem,
  );
}

/** Every standard under the list's filters, in its order, batch by batch (for exports). */
export async function standardBatches(
  ctx: Ctx,
  q: Omit<StandardListQuery, 'limit' | 'cursor'>,
  size = 500,
): Promise<AsyncGenerator<StandardListItem[]>> {
  requireSignedIn(ctx.actor);
  const filters = filtersOf(q);
  async function* batches(): AsyncGenerator<StandardListItem[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await repo.listStandards(ctx.db, filters, after, size);
      const shown = rows.slice(0, size);
      yield await presentMany(ctx, ctx.db, shown);
      const last = shown[shown.length - 1];
      if (rows.length <= size || !last) {
        return;
      }
      after = [last.sortKey, last.id];
    }
  }
  return batches();
}

// ---- Checks shared by the registers ------------------------------------------------------------

/** The decisions each program names (the link tables share one shape). */
export function linkedDecisions(
  rows: { entryId: string; id: string; number: string; title: string; adoptedOn: string }[],
): Map<string, LinkedDecision[]> {
  return repo.groupDecisions(rows);
}

/** Every named decision exists (decisions are readable by every signed-in user). */
export async function checkDecisionIds(db: Tx, ids: string[]): Promise<void> {
  const found = await repo.existingDecisionIds(db, ids);
  const errors: FieldError[] = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `decisionIds.${i}`, message: 'No such decision.' }],
  );
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }
}

export async function checkBody(db: Tx, bodyId: string | null): Promise<void> {
  if (bodyId === null) {
    return;
  }
  if (!(await repo.bodyExists(db, bodyId))) {
    throw invalid('bodyId', 'No such body.');
  }
}

export async function checkMemberState(db: Tx, path: string, code: string | null): Promise<void> {
  if (code === null) {
    return;
  }
  if (!(await repo.findMemberState(db, code))) {
    throw invalid(path, 'No such member state.');
  }
}

async function checkReferences(
  ctx: Ctx,
  db: Tx,
  input: {
    bodyId?: string | null;
    leadMemberState?: string | null;
    documentId?: string | null;
    decisionIds?: string[];
  },
): Promise<void> {
  if (input.bodyId !== undefined) {
    await checkBody(db, input.bodyId);
  }
  if (input.leadMemberState !== undefined) {
    await checkMemberState(db, 'leadMemberState', input.leadMemberState);
  }
  if (input.documentId) {
    const readable = await repo.readableDocumentIds(db, ctx.actor, [input.documentId]);
    if (!readable.has(input.documentId)) {
      throw invalid('documentId', 'No such document.');
    }
  }
  if (input.decisionIds) {
    await checkDecisionIds(db, input.decisionIds);
  }
}

/** The audit trail's record of a standard: its fields as the API shows them. */
function snapshot(row: repo.StandardRow, decisionIds: string[]) {
  return {
    designation: row.designation,
    title: parseText(row.title),
    description: parseTextOrNull(row.description),
    status: row.status,
    leadMemberState: row.leadMemberState,
    bodyId: row.bodyId,
    documentId: row.documentId,
    decisionIds,
  };
}

const DUPLICATE = 'Another standard has this designation.';

export async function createStandard(ctx: Ctx, input: StandardCreate): Promise<Standard> {
  requireContentWriter(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(ctx, trx, input);
    const now = nowIso();
    const row: repo.StandardRow = {
      id: newId(),
      designation: input.designation,
      title: storeText(input.title) as string,
      description: storeText(input.description),
      status: input.status,
      leadMemberState: input.leadMemberState,
      bodyId: input.bodyId,
      documentId: input.documentId,
      searchText: searchText(input.designation, input.title),
      sortKey: sortKeyOf(input.designation),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await guardConstraints(() => repo.insertStandard(trx, row), {
      unique: DUPLICATE,
      uniqueErrors: [{ path: 'designation', message: 'Already in use' }],
    });
    await repo.replaceStandardDecisions(trx, row.id, input.decisionIds);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'standard',
      entityId: row.id,
      change: snapshot(row, input.decisionIds),
    });
    await reindex(trx, 'standard', row.id);
    return row.id;
  });
  return getStandard(ctx, id);
}

export async function updateStandard(
  ctx: Ctx,
  id: string,
  patch: StandardPatch,
  ifMatch: number | null,
): Promise<Standard> {
  requireContentWriter(ctx.actor);
  const current = await loadStandard(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale('standard', current.version);
  }
  if (patch.status !== undefined) {
    requireTransition(
      'standard',
      STANDARD_TRANSITIONS,
      current.status as StandardStatus,
      patch.status,
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await checkReferences(ctx, trx, patch);
    const beforeDecisions = (await repo.standardDecisions(trx, [id])).get(id) ?? [];
    const designation = patch.designation ?? current.designation;
    const title = patch.title ?? parseText(current.title);
    const values = {
      designation,
      title: storeText(title) as string,
      description:
        patch.description !== undefined ? storeText(patch.description) : current.description,
      status: patch.status ?? current.status,
      leadMemberState:
        patch.leadMemberState !== undefined ? patch.leadMemberState : current.leadMemberState,
      bodyId: patch.bodyId !== undefined ? patch.bodyId : current.bodyId,
      documentId: patch.documentId !== undefined ? patch.documentId : current.documentId,
      searchText: searchText(designation, title),
      sortKey: sortKeyOf(designation),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    const updated = await guardConstraints(
      () => repo.updateStandardRow(trx, id, current.version, values),
      { unique: DUPLICATE, uniqueErrors: [{ path: 'designation', message: 'Already in use' }] },
    );
    if (updated === 0) {
      throw stale('standard', current.version + 1);
    }
    const decisionIds = patch.decisionIds ?? beforeDecisions.map((d) => d.id);
    if (patch.decisionIds) {
      await repo.replaceStandardDecisions(trx, id, patch.decisionIds);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: patch.status && patch.status !== current.status ? 'status' : 'update',
      entityType: 'standard',
      entityId: id,
      change: diff(
        snapshot(
          current,
          beforeDecisions.map((d) => d.id),
        ),
        snapshot({ ...current, ...values }, decisionIds),
      ),
    });
    await reindex(trx, 'standard', id);
  });
  return getStandard(ctx, id);
}

/**
 * Removes a standard entered by mistake: only while no state has recorded an adoption decision
 * (adopted, with reservations, not adopted). A standard with a history of adoption is withdrawn.
 */
export async function deleteStandard(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  requireContentWriter(ctx.actor);
  const current = await loadStandard(ctx, id);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale('standard', current.version);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const adoptions = await repo.adoptionsOf(trx, [id]);
    if (adoptions.some((a) => a.status !== 'pending')) {
      throw new AppError(
        'in_use',
        'Member states have recorded their adoption of this standard; withdraw it instead.',
      );
    }
    if ((await repo.deleteStandardRow(trx, id, current.version)) === 0) {
      throw stale('standard', current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'standard',
      entityId: id,
      change: { designation: current.designation, title: parseText(current.title) },
    });
    await reindex(trx, 'standard', id);
  });
}

// ---- Adoptions ---------------------------------------------------------------------------------

function mapAdoption(standardId: string, memberState: string, row?: repo.AdoptionRow): Adoption {
  if (!row) {
    return {
      standardId,
      memberState,
      status: 'pending',
      reservations: null,
      nationalReference: null,
      effectiveDate: null,
      updatedBy: null,
      recorded: false,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    standardId,
    memberState,
    status: row.status as AdoptionStatus,
    reservations: parseTextOrNull(row.reservations),
    nationalReference: row.nationalReference,
    effectiveDate: row.effectiveDate,
    updatedBy: row.updatedByName !== null ? { id: row.updatedById, name: row.updatedByName } : null,
    recorded: true,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** Every member state's adoption (states without a record read as pending), by state code. */
export async function listAdoptions(ctx: Ctx, standardId: string): Promise<Adoption[]> {
  await loadStandard(ctx, standardId);
  const [rows, members] = await Promise.all([
    repo.adoptionsOf(ctx.db, [standardId]),
    repo.memberStateCodes(ctx.db),
  ]);
  const byState = new Map(rows.map((r) => [r.memberState, r]));
  // A state that has left keeps its record; it shows beside the current members.
  const states = [...new Set([...members, ...byState.keys()])].sort();
  return states.map((s) => mapAdoption(standardId, s, byState.get(s)));
}

async function loadAdoptionState(db: Tx, memberState: string): Promise<void> {
  const state = await repo.findMemberState(db, memberState);
  if (!state) {
    throw notFound('member state');
  }
  if (state.status !== 'member') {
    throw new AppError(
      'unprocessable',
      'Only member states adopt standards; this state is an observer or a former member.',
    );
  }
}

export async function getAdoption(
  ctx: Ctx,
  standardId: string,
  memberState: string,
): Promise<Adoption> {
  await loadStandard(ctx, standardId);
  const row = await repo.findAdoption(ctx.db, standardId, memberState);
  if (!row) {
    await loadAdoptionState(ctx.db, memberState);
  }
  return mapAdoption(standardId, memberState, row);
}

/**
 * The rules of an adoption record (DESIGN §2): an adoption names the national reference and the
 * effective date; one with reservations states them. Answers 422 with each missing field.
 */
function checkAdoption(input: AdoptionPut): void {
  const errors: FieldError[] = [];
  if (input.status === 'adopted' || input.status === 'adopted_with_reservations') {
    if (!input.nationalReference) {
      errors.push({
        path: 'nationalReference',
        message: 'An adoption names the national standard that adopts it.',
      });
    }
    if (!input.effectiveDate) {
      errors.push({
        path: 'effectiveDate',
        message: 'An adoption names the date from which it takes effect.',
      });
    }
  }
  if (input.status === 'adopted_with_reservations' && !input.reservations) {
    errors.push({
      path: 'reservations',
      message: 'An adoption with reservations states the reservations.',
    });
  }
  if (input.status !== 'adopted_with_reservations' && input.reservations) {
    errors.push({
      path: 'reservations',
      message: 'Only an adoption with reservations carries reservations.',
    });
  }
  if (errors.length > 0) {
    throw new AppError('unprocessable', errors.map((e) => e.message).join(' '), { errors });
  }
}

/**
 * PUT /standards/{id}/adoptions/{memberState}: creates or replaces a state's adoption record. A
 * delegate writes only its own state's record (403 otherwise); If-Match names the record's
 * version (0 before the first record). A state records its decision on a standard once the
 * commission has adopted it; a withdrawn standard takes no new records.
 */
export async function putAdoption(
  ctx: Ctx,
  standardId: string,
  memberState: string,
  input: AdoptionPut,
  ifMatch: number | null,
): Promise<Adoption> {
  const standard = await loadStandard(ctx, standardId);
  requireActsForState(ctx.actor, memberState);
  await loadAdoptionState(ctx.db, memberState);
  checkAdoption(input);
  if (standard.status === 'withdrawn') {
    throw new AppError(
      'invalid_transition',
      'The standard is withdrawn; adoption records are closed.',
    );
  }
  if (input.status !== 'pending' && standard.status !== 'adopted') {
    throw new AppError(
      'invalid_transition',
      'Member states record their adoption once the standard is adopted by the commission.',
    );
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await repo.findAdoption(trx, standardId, memberState);
      const currentVersion = current?.version ?? 0;
      if (ifMatch !== null && ifMatch !== currentVersion) {
        throw stale('adoption record', currentVersion);
      }
      const now = nowIso();
      const values = {
        status: input.status,
        reservations: storeText(input.reservations),
        nationalReference: input.nationalReference,
        effectiveDate: input.effectiveDate,
        updatedById: ctx.actor.id,
        updatedByName: ctx.actor.name,
        version: currentVersion + 1,
        updatedAt: now,
      };
      if (current) {
        const n = await repo.updateAdoption(trx, standardId, memberState, currentVersion, values);
        if (n === 0) {
          throw stale('adoption record', currentVersion + 1);
        }
      } else {
        await repo.insertAdoption(trx, { standardId, memberState, createdAt: now, ...values });
      }
      const before = current
        ? {
            status: current.status,
            reservations: parseTextOrNull(current.reservations),
            nationalReference: current.nationalReference,
            effectiveDate: current.effectiveDate,
          }
        : { status: 'pending', reservations: null, nationalReference: null, effectiveDate: null };
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: current ? 'update' : 'create',
        entityType: 'standard_adoption',
        entityId: `${standardId}/${memberState}`,
        change: {
          memberState,
          ...diff(before, {
            status: input.status,
            reservations: input.reservations,
            nationalReference: input.nationalReference,
            effectiveDate: input.effectiveDate,
          }),
        },
      });
    });
  } catch (error) {
    // Two first records at once: the primary key let one in; the other edited a stale state.
    if (isUniqueViolation(error)) {
      throw stale('adoption record', 1);
    }
    throw error;
  }
  return getAdoption(ctx, standardId, memberState);
}

// ---- The adoption matrix -----------------------------------------------------------------------

/**
 * Standards × member states under the filters (at most 2000 standards). Adoption status is not
 * secret: every signed-in user, delegates included, sees every state's column.
 */
export async function adoptionMatrix(ctx: Ctx, q: AdoptionMatrixQuery): Promise<AdoptionMatrix> {
  requireSignedIn(ctx.actor);
  const rows = await repo.listStandards(ctx.db, filtersOf(q), null, MATRIX_LIMIT);
  const shown = rows.slice(0, MATRIX_LIMIT);
  const [members, adoptions] = await Promise.all([
    repo.memberStateCodes(ctx.db),
    repo.adoptionsOf(
      ctx.db,
      shown.map((r) => r.id),
    ),
  ]);
  const cellOf = new Map(adoptions.map((a) => [`${a.standardId}/${a.memberState}`, a]));
  const totals = members.map((memberState) => ({
    memberState,
    pending: 0,
    adopted: 0,
    adoptedWithReservations: 0,
    notAdopted: 0,
  }));
  const matrixRows = shown.map((r) => ({
    standard: {
      id: r.id,
      designation: r.designation,
      title: parseText(r.title),
      status: r.status as StandardStatus,
      leadMemberState: r.leadMemberState,
      bodyId: r.bodyId,
    },
    cells: members.map((state, i) => {
      const a = cellOf.get(`${r.id}/${state}`);
      const status = (a?.status ?? 'pending') as AdoptionStatus;
      const total = totals[i] as (typeof totals)[number];
      if (status === 'adopted') {
        total.adopted++;
      } else if (status === 'adopted_with_reservations') {
        total.adoptedWithReservations++;
      } else if (status === 'not_adopted') {
        total.notAdopted++;
      } else {
        total.pending++;
      }
      return {
        status,
        nationalReference: a?.nationalReference ?? null,
        effectiveDate: a?.effectiveDate ?? null,
      };
    }),
  }));
  return {
    memberStates: members,
    rows: matrixRows,
    totals,
    truncated: rows.length > MATRIX_LIMIT,
  };
}

// ---- History and cross-links -------------------------------------------------------------------

/**
 * GET /standards/{id}/history: the standard's changes and its adoption records', newest first.
 * Every reader of the standard reads its history: adoption is not secret, and the register has
 * no hidden fields.
 */
export async function getStandardHistory(
  ctx: Ctx,
  id: string,
): Promise<{ items: RegisterHistoryEvent[] }> {
  await loadStandard(ctx, id);
  return { items: await entryHistory(ctx.db, 'standard', id, ['standard_adoption']) };
}

/**
 * The standards that name a decision, for the decision's page. Standards are readable by every
 * signed-in user; anonymous callers get none.
 */
export async function entriesNamingDecision(
  ctx: Ctx,
  decisionId: string,
): Promise<RegisterEntryRef[]> {
  if (ctx.actor.role === 'anonymous') {
    return [];
  }
  const rows = await repo.standardsNamingDecision(ctx.db, decisionId);
  return rows.map((r) => ({
    type: 'standard' as const,
    id: r.id,
    title: parseText(r.title),
    status: r.status,
  }));
}
