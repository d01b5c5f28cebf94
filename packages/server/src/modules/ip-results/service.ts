import type {
  IpResult,
  IpResultCreate,
  IpResultListItem,
  IpResultListQuery,
  IpResultPatch,
  Page,
  RegisterEntryRef,
  RegisterHistoryEvent,
} from '@plenum/shared';
import { requireContentWriter, requireRole, requireSignedIn } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx, todayIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderLocalizedMarkdown } from '../../platform/markdown.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { likePattern, parseText, searchText, storeText } from '../../platform/text.ts';
import { entryHistory } from '../audit/history.ts';
import { reindex } from '../search/indexer.ts';
import { type Format, ipResultExport, type Lang } from './export.ts';
import * as repo from './repository.ts';

const stale = (current: number) =>
  new AppError(
    'precondition_failed',
    `This result changed since you read it (now version ${current}); reload and apply your change again.`,
  );

/**
 * A result the actor may read, or a 404 exactly as if it did not exist (DESIGN §3): a
 * restricted (confidential) result is readable by the secretariat and its access list only.
 */
async function loadReadable(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.IpResultRow> {
  requireSignedIn(ctx.actor);
  const row = await repo.findReadableIpResult(db, ctx.actor, id);
  if (!row) {
    throw notFound('intellectual-property result');
  }
  return row;
}

async function present(db: Tx, row: repo.IpResultRow): Promise<IpResult> {
  const links = await repo.linksOf(db, [row]);
  return repo.mapIpResult(row, links.get(row.id) as repo.IpLinks);
}

export async function getIpResult(ctx: Ctx, id: string): Promise<IpResult> {
  return present(ctx.db, await loadReadable(ctx, id));
}

function filtersOf(q: Omit<IpResultListQuery, 'limit' | 'cursor'>): repo.IpFilters {
  return {
    kind: q.kind,
    projectId: q.projectId,
    classification: q.classification,
    holderState: q.holderState,
    protectedIn: q.protectedIn,
    protectionStatus: q.protectionStatus,
    decisionId: q.decisionId,
    q: q.q ? likePattern(q.q) : undefined,
  };
}

export async function listIpResultsPage(
  ctx: Ctx,
  q: IpResultListQuery,
): Promise<Page<IpResultListItem>> {
  requireSignedIn(ctx.actor);
  const after = decodeCursor(q.cursor, 1);
  if (after !== null && typeof after[0] !== 'string') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  const rows = await repo.listIpResults(
    ctx.db,
    ctx.actor,
    filtersOf(q),
    after ? (after[0] as string) : null,
    q.limit,
  );
  const links = await repo.linksOf(ctx.db, rows.slice(0, q.limit));
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => repo.mapIpResultListItem(r, links.get(r.id) as repo.IpLinks),
  );
}

/** The readable results under the list's filters, batch by batch, for exports. */
async function* batches(
  ctx: Ctx,
  q: Omit<IpResultListQuery, 'limit' | 'cursor'>,
  size = 500,
): AsyncGenerator<IpResultListItem[]> {
  const filters = filtersOf(q);
  let after: string | null = null;
  for (;;) {
    const rows = await repo.listIpResults(ctx.db, ctx.actor, filters, after, size);
    const shown = rows.slice(0, size);
    const links = await repo.linksOf(ctx.db, shown);
    yield shown.map((r) => repo.mapIpResultListItem(r, links.get(r.id) as repo.IpLinks));
    const last = shown[shown.length - 1];
    if (rows.length <= size || !last) {
      return;
    }
    after = last.id;
  }
}

export async function exportIpResults(
  ctx: Ctx,
  q: Omit<IpResultListQuery, 'limit' | 'cursor'>,
  lang: Lang,
  format: Format,
) {
  requireSignedIn(ctx.actor);
  return ipResultExport(batches(ctx, q), lang, format, todayIso());
}

// ---- Rules -------------------------------------------------------------------------------------

type AccessInput = { memberStates: string[]; bodyIds: string[] } | null;
type Holders = IpResultCreate['rightsHolders'];
type Protections = IpResultCreate['protections'];

interface Checked {
  accessList: AccessInput;
  holders: { organizationId: string | null; memberState: string | null; hundredths: number }[];
}

const percent = (hundredths: number) => `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/**
 * The rules of an IP result (DESIGN §2, §3): each rights holder is an organization or a member
 * state (exactly one), named once, existing; the shares total exactly 100% (422 saying the
 * total); a granted protection carries its number; a restricted result names at least one state
 * or body that may read it, other classifications none; linked decisions and project exist.
 */
async function checkResult(
  db: Tx,
  input: {
    classification: string;
    accessList: AccessInput;
    rightsHolders: Holders;
    protections: Protections;
    decisionIds: string[];
    projectId: string | null;
  },
): Promise<Checked> {
  const errors: FieldError[] = [];
  const access = input.accessList
    ? {
        memberStates: [...new Set(input.accessList.memberStates)],
        bodyIds: [...new Set(input.accessList.bodyIds)],
      }
    : null;
  const refs = await repo.existingReferences(db, {
    memberStates: [
      ...(access?.memberStates ?? []),
      ...input.rightsHolders.flatMap((h) => (h.memberState ? [h.memberState] : [])),
      ...input.protections.map((p) => p.memberState),
    ],
    bodyIds: access?.bodyIds ?? [],
    organizationIds: input.rightsHolders.flatMap((h) =>
      h.organizationId ? [h.organizationId] : [],
    ),
    decisionIds: input.decisionIds,
  });
  const seen = new Set<string>();
  input.rightsHolders.forEach((h, i) => {
    if ((h.organizationId === null) === (h.memberState === null)) {
      errors.push({
        path: `rightsHolders.${i}`,
        message: 'Name an organization or a member state, not both',
      });
      return;
    }
    const key = h.organizationId ? `o:${h.organizationId}` : `s:${h.memberState}`;
    if (seen.has(key)) {
      errors.push({ path: `rightsHolders.${i}`, message: 'Name each rights holder once' });
    }
    seen.add(key);
    if (h.organizationId && !refs.organizationIds.has(h.organizationId)) {
      errors.push({ path: `rightsHolders.${i}.organizationId`, message: 'No such organization' });
    }
    if (h.memberState && !refs.memberStates.has(h.memberState)) {
      errors.push({ path: `rightsHolders.${i}.memberState`, message: 'No such member state' });
    }
  });
  input.protections.forEach((p, i) => {
    if (!refs.memberStates.has(p.memberState)) {
      errors.push({ path: `protections.${i}.memberState`, message: 'No such member state' });
    }
  });
  input.decisionIds.forEach((id, i) => {
    if (!refs.decisionIds.has(id)) {
      errors.push({ path: `decisionIds.${i}`, message: 'No such decision' });
    }
  });
  access?.memberStates.forEach((code, i) => {
    if (!refs.memberStates.has(code)) {
      errors.push({ path: `accessList.memberStates.${i}`, message: 'No such member state' });
    }
  });
  access?.bodyIds.forEach((id, i) => {
    if (!refs.bodyIds.has(id)) {
      errors.push({ path: `accessList.bodyIds.${i}`, message: 'No such body' });
    }
  });
  if (input.projectId && !(await repo.projectExists(db, input.projectId))) {
    errors.push({ path: 'projectId', message: 'No such project' });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }

  const holders = input.rightsHolders.map((h) => ({
    organizationId: h.organizationId,
    memberState: h.memberState,
    hundredths: Math.round(h.share * 100),
  }));
  const total = holders.reduce((sum, h) => sum + h.hundredths, 0);
  if (total !== 10_000) {
    throw new AppError(
      'unprocessable',
      `The rights holders' shares total ${percent(total)}; they must total exactly 100%.`,
      { errors: [{ path: 'rightsHolders', message: 'The shares must total exactly 100%' }] },
    );
  }
  const ungranted = input.protections.findIndex((p) => p.status === 'granted' && !p.number);
  if (ungranted !== -1) {
    throw new AppError('unprocessable', 'A granted protection needs the number of its title.', {
      errors: [{ path: `protections.${ungranted}.number`, message: 'Give the number' }],
    });
  }
  const empty = !access || access.memberStates.length + access.bodyIds.length === 0;
  if (input.classification !== 'restricted') {
    if (!empty) {
      throw new AppError('unprocessable', 'An access list applies to restricted results only.', {
        errors: [{ path: 'accessList', message: 'Only for restricted results' }],
      });
    }
    return { accessList: null, holders };
  }
  if (empty) {
    throw new AppError(
      'unprocessable',
      'A restricted result needs an access list naming at least one member state or body.',
      { errors: [{ path: 'accessList', message: 'Name at least one member state or body' }] },
    );
  }
  return { accessList: access, holders };
}

const FK_MESSAGE =
  'An organization, member state, body, project or decision named was removed meanwhile.';

// ---- Writing -----------------------------------------------------------------------------------

export async function createIpResult(ctx: Ctx, input: IpResultCreate): Promise<IpResult> {
  requireContentWriter(ctx.actor);
  const checked = await checkResult(ctx.db, input);
  const now = nowIso();
  const row = {
    id: newId(),
    title: storeText(input.title) as string,
    description: storeText(input.description),
    descriptionHtml: input.description
      ? JSON.stringify(renderLocalizedMarkdown(input.description))
      : null,
    kind: input.kind,
    projectId: input.projectId,
    classification: input.classification,
    accessList: checked.accessList ? JSON.stringify(checked.accessList) : null,
    searchText: searchText(input.title),
    createdBy: ctx.actor.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertIpResult(trx, row);
        await repo.replaceAccess(trx, row.id, checked.accessList);
        await repo.replaceHolders(trx, row.id, checked.holders);
        await repo.replaceProtections(trx, row.id, input.protections);
        await repo.replaceDecisions(trx, row.id, input.decisionIds);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'ip_result',
          entityId: row.id,
          change: { ...input, accessList: checked.accessList },
        });
        await reindex(trx, 'ip_result', row.id);
      }),
    { foreignKey: FK_MESSAGE },
  );
  return getIpResult(ctx, row.id);
}

function snapshot(r: IpResult) {
  return {
    title: r.title,
    description: r.description,
    kind: r.kind,
    projectId: r.projectId,
    classification: r.classification,
    accessList: r.accessList,
    rightsHolders: r.rightsHolders.map((h) => ({
      organizationId: h.organizationId,
      memberState: h.organizationId ? null : h.memberState,
      share: h.share,
    })),
    protections: r.protections,
    decisionIds: r.decisions.map((d) => d.id),
  };
}

/**
 * Corrects a result. Rights holders, protections and decisions given replace the current ones;
 * a restricted result keeps its access list unless the patch gives another, and leaving the
 * restricted classification drops it.
 */
export async function updateIpResult(
  ctx: Ctx,
  id: string,
  patch: IpResultPatch,
  ifMatch: number | null,
): Promise<IpResult> {
  const current = await loadReadable(ctx, id);
  requireContentWriter(ctx.actor);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale(current.version);
  }
  const before = await present(ctx.db, current);
  const prior = snapshot(before);
  const classification = patch.classification ?? before.classification;
  const requested =
    patch.accessList !== undefined
      ? patch.accessList
      : classification === 'restricted'
        ? before.accessList
        : null;
  const next = {
    classification,
    accessList: requested,
    rightsHolders: patch.rightsHolders ?? prior.rightsHolders,
    protections: patch.protections ?? before.protections,
    decisionIds: patch.decisionIds ?? prior.decisionIds,
    projectId: patch.projectId !== undefined ? patch.projectId : before.projectId,
  };
  const checked = await checkResult(ctx.db, next);
  const title = patch.title ?? before.title;
  const description = patch.description !== undefined ? patch.description : before.description;
  const values = {
    title: storeText(title) as string,
    description: storeText(description),
    descriptionHtml:
      patch.description !== undefined
        ? description
          ? JSON.stringify(renderLocalizedMarkdown(description))
          : null
        : current.descriptionHtml,
    kind: patch.kind ?? before.kind,
    projectId: next.projectId,
    classification,
    accessList: checked.accessList ? JSON.stringify(checked.accessList) : null,
    searchText: searchText(title),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if ((await repo.updateIpResultRow(trx, id, current.version, values)) === 0) {
          throw stale(current.version + 1);
        }
        await repo.replaceAccess(trx, id, checked.accessList);
        if (patch.rightsHolders) {
          await repo.replaceHolders(trx, id, checked.holders);
        }
        if (patch.protections) {
          await repo.replaceProtections(trx, id, patch.protections);
        }
        if (patch.decisionIds) {
          await repo.replaceDecisions(trx, id, patch.decisionIds);
        }
        const after = await present(trx, { ...current, ...values });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'ip_result',
          entityId: id,
          change: diff(prior, snapshot(after)),
        });
        await reindex(trx, 'ip_result', id);
      }),
    { foreignKey: FK_MESSAGE },
  );
  return getIpResult(ctx, id);
}

export async function deleteIpResult(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  const current = await loadReadable(ctx, id);
  requireContentWriter(ctx.actor);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale(current.version);
  }
  const before = await present(ctx.db, current);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteIpResultIfVersion(trx, id, current.version)) === 0) {
      throw stale(current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'ip_result',
      entityId: id,
      change: snapshot(before),
    });
    await reindex(trx, 'ip_result', id);
  });
}

// ---- History and links -------------------------------------------------------------------------

/** GET /ip-results/{id}/history: the result's audit trail, for the secretariat and admins. */
export async function getIpResultHistory(
  ctx: Ctx,
  id: string,
): Promise<{ items: RegisterHistoryEvent[] }> {
  requireRole(ctx.actor, 'secretariat', 'admin');
  await loadReadable(ctx, id);
  return { items: await entryHistory(ctx.db, 'ip_result', id) };
}

/**
 * The results that name a decision, for GET /decisions/{id}/register-entries, leaving out the
 * restricted ones the caller may not read. `status` is the result's classification (a result
 * has no lifecycle of its own; its protections have one per state).
 */
export async function entriesNamingDecision(
  ctx: Ctx,
  decisionId: string,
): Promise<RegisterEntryRef[]> {
  const rows = await repo.ipResultsNamingDecision(ctx.db, ctx.actor, decisionId);
  return rows.map((r) => ({
    type: 'ip_result' as const,
    id: r.id,
    title: parseText(r.title),
    status: r.classification,
  }));
}
