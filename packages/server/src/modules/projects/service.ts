import {
  type LocalizedText,
  type Page,
  PROJECT_TRANSITIONS,
  type Project,
  type ProjectCreate,
  type ProjectListItem,
  type ProjectListQuery,
  type ProjectPatch,
  type ProjectStateSummary,
  type ProjectStatus,
  type RegisterEntryRef,
  type RegisterHistoryEvent,
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
import { type Format, type Lang, projectExport } from './export.ts';
import * as repo from './repository.ts';

const stale = (current: number) =>
  new AppError(
    'precondition_failed',
    `This project changed since you read it (now version ${current}); reload and apply your change again.`,
  );

/** The register is part of the internal record: every signed-in user reads it (DESIGN §3). */
async function loadProject(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.ProjectRow> {
  requireSignedIn(ctx.actor);
  const row = await repo.findProject(db, id);
  if (!row) {
    throw notFound('project');
  }
  return row;
}

async function present(db: Tx, row: repo.ProjectRow): Promise<Project> {
  const links = await repo.linksOf(db, [row.id]);
  return repo.mapProject(row, links.get(row.id) as repo.ProjectLinks);
}

export async function getProject(ctx: Ctx, id: string): Promise<Project> {
  return present(ctx.db, await loadProject(ctx, id));
}

function filtersOf(q: Omit<ProjectListQuery, 'limit' | 'cursor'>): repo.ProjectFilters {
  return {
    kind: q.kind,
    status: q.status,
    memberState: q.memberState,
    organizationId: q.organizationId,
    role: q.role,
    measureId: q.measureId,
    decisionId: q.decisionId,
    q: q.q ? likePattern(q.q) : undefined,
  };
}

function cursorOf(cursor: string | undefined): string | null {
  const after = decodeCursor(cursor, 1);
  if (after !== null && typeof after[0] !== 'string') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  return after ? (after[0] as string) : null;
}

export async function listProjectsPage(
  ctx: Ctx,
  q: ProjectListQuery,
): Promise<Page<ProjectListItem>> {
  requireSignedIn(ctx.actor);
  const rows = await repo.listProjects(ctx.db, filtersOf(q), cursorOf(q.cursor), q.limit);
  const links = await repo.linksOf(
    ctx.db,
    rows.slice(0, q.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => repo.mapProjectListItem(r, links.get(r.id) as repo.ProjectLinks),
  );
}

/** The register under the list's filters, batch by batch, for exports. */
export async function projectBatches(
  ctx: Ctx,
  q: Omit<ProjectListQuery, 'limit' | 'cursor'>,
  size = 500,
): Promise<AsyncGenerator<ProjectListItem[]>> {
  requireSignedIn(ctx.actor);
  const filters = filtersOf(q);
  async function* batches(): AsyncGenerator<ProjectListItem[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await repo.listProjects(ctx.db, filters, after, size);
      const shown = rows.slice(0, size);
      const links = await repo.linksOf(
        ctx.db,
        shown.map((r) => r.id),
      );
      yield shown.map((r) => repo.mapProjectListItem(r, links.get(r.id) as repo.ProjectLinks));
      const last = shown[shown.length - 1];
      if (rows.length <= size || !last) {
        return;
      }
      after = last.id;
    }
  }
  return batches();
}

export async function exportProjects(
  ctx: Ctx,
  q: Omit<ProjectListQuery, 'limit' | 'cursor'>,
  lang: Lang,
  format: Format,
) {
  return projectExport(await projectBatches(ctx, q), lang, format, todayIso());
}

// ---- Rules -------------------------------------------------------------------------------------

type Participants = ProjectCreate['participants'];

/**
 * DESIGN §2 and issue 6: each organization once, every one existing, exactly one lead; a joint
 * venture brings together organizations of at least two member states.
 */
async function checkParticipants(db: Tx, kind: string, participants: Participants) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    if (seen.has(p.organizationId)) {
      errors.push({
        path: `participants.${i}.organizationId`,
        message: 'Name each organization once',
      });
    }
    seen.add(p.organizationId);
  });
  const found = new Map(
    (await repo.organizationsByIds(db, [...seen])).map((o) => [o.id, o.memberState]),
  );
  participants.forEach((p, i) => {
    if (!found.has(p.organizationId)) {
      errors.push({ path: `participants.${i}.organizationId`, message: 'No such organization' });
    }
  });
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }
  const leads = participants.filter((p) => p.role === 'lead').length;
  if (leads !== 1) {
    throw new AppError(
      'unprocessable',
      `A project has exactly one lead participant; ${leads} given.`,
      { errors: [{ path: 'participants', message: 'Mark exactly one participant as lead' }] },
    );
  }
  const states = new Set(found.values());
  if (kind === 'joint_venture' && states.size < 2) {
    throw new AppError(
      'unprocessable',
      `A joint venture needs participants from at least two member states; all participants are of ${[...states].join(', ')}.`,
      {
        errors: [
          {
            path: 'participants',
            message: 'Add an organization of another member state',
          },
        ],
      },
    );
  }
}

async function checkLinks(
  db: Tx,
  input: { measureIds?: string[]; decisionIds?: string[] },
): Promise<void> {
  const errors: FieldError[] = [];
  for (const [field, table, message] of [
    ['measureIds', 'programMeasures', 'No such program measure'],
    ['decisionIds', 'decisions', 'No such decision'],
  ] as const) {
    const ids = input[field];
    if (!ids) {
      continue;
    }
    const found = await repo.existingIds(db, table, ids);
    ids.forEach((id, i) => {
      if (!found.has(id)) {
        errors.push({ path: `${field}.${i}`, message });
      }
    });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }
}

function checkDates(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate < startDate) {
    throw invalid('endDate', 'The project cannot end before it starts');
  }
}

const FK_MESSAGE = 'An organization, measure or decision named was removed meanwhile.';

// ---- Writing -----------------------------------------------------------------------------------

export async function createProject(ctx: Ctx, input: ProjectCreate): Promise<Project> {
  requireContentWriter(ctx.actor);
  checkDates(input.startDate, input.endDate);
  await checkParticipants(ctx.db, input.kind, input.participants);
  await checkLinks(ctx.db, input);
  const now = nowIso();
  const row = {
    id: newId(),
    title: storeText(input.title) as string,
    description: storeText(input.description),
    descriptionHtml: input.description
      ? JSON.stringify(renderLocalizedMarkdown(input.description))
      : null,
    kind: input.kind,
    status: input.status,
    startDate: input.startDate,
    endDate: input.endDate,
    searchText: searchText(input.title),
    createdBy: ctx.actor.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertProject(trx, row);
        await repo.replaceParticipants(trx, row.id, input.participants);
        await repo.replaceMeasures(trx, row.id, input.measureIds);
        await repo.replaceDecisions(trx, row.id, input.decisionIds);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'project',
          entityId: row.id,
          change: input,
        });
        await reindex(trx, 'project', row.id);
      }),
    { foreignKey: FK_MESSAGE },
  );
  return getProject(ctx, row.id);
}

function snapshot(p: Project) {
  return {
    title: p.title,
    description: p.description,
    kind: p.kind,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    participants: p.participants.map((x) => ({ organizationId: x.organizationId, role: x.role })),
    measureIds: p.measures.map((m) => m.id),
    decisionIds: p.decisions.map((d) => d.id),
  };
}

/**
 * Corrects a project or moves it along its lifecycle (PROJECT_TRANSITIONS: proposed → approved →
 * active → completed; terminated from approved or active); any other status change is a 409.
 * Participants, measures and decisions given replace the current ones.
 */
export async function updateProject(
  ctx: Ctx,
  id: string,
  patch: ProjectPatch,
  ifMatch: number | null,
): Promise<Project> {
  const current = await loadProject(ctx, id);
  requireContentWriter(ctx.actor);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale(current.version);
  }
  const before = await present(ctx.db, current);
  const status = (patch.status ?? current.status) as ProjectStatus;
  if (status !== before.status && !PROJECT_TRANSITIONS[before.status].includes(status)) {
    const allowed = PROJECT_TRANSITIONS[before.status];
    throw new AppError(
      'invalid_transition',
      allowed.length === 0
        ? `The project is ${before.status}; its status no longer changes.`
        : `A ${before.status} project moves only to ${allowed.join(' or ')}, not to ${status}.`,
    );
  }
  const kind = patch.kind ?? before.kind;
  const startDate = patch.startDate !== undefined ? patch.startDate : before.startDate;
  const endDate = patch.endDate !== undefined ? patch.endDate : before.endDate;
  checkDates(startDate, endDate);
  const participants =
    patch.participants ??
    before.participants.map((p) => ({ organizationId: p.organizationId, role: p.role }));
  if (patch.participants || patch.kind) {
    await checkParticipants(ctx.db, kind, participants);
  }
  await checkLinks(ctx.db, patch);
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
    kind,
    status,
    startDate,
    endDate,
    searchText: searchText(title),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if ((await repo.updateProjectRow(trx, id, current.version, values)) === 0) {
          throw stale(current.version + 1);
        }
        if (patch.participants) {
          await repo.replaceParticipants(trx, id, patch.participants);
        }
        if (patch.measureIds) {
          await repo.replaceMeasures(trx, id, patch.measureIds);
        }
        if (patch.decisionIds) {
          await repo.replaceDecisions(trx, id, patch.decisionIds);
        }
        const after = await present(trx, { ...current, ...values });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: status !== before.status ? 'status' : 'update',
          entityType: 'project',
          entityId: id,
          change: diff(snapshot(before), snapshot(after)),
        });
        await reindex(trx, 'project', id);
      }),
    { foreignKey: FK_MESSAGE },
  );
  return getProject(ctx, id);
}

/**
 * Removes a project entered by mistake: only while it is proposed (later it is part of the
 * record: terminate it instead), and not while IP results name it (409).
 */
export async function deleteProject(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  const current = await loadProject(ctx, id);
  requireContentWriter(ctx.actor);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw stale(current.version);
  }
  if (current.status !== 'proposed') {
    throw new AppError(
      'invalid_transition',
      'Only a proposed project can be deleted; terminate it instead.',
    );
  }
  const before = await present(ctx.db, current);
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if ((await repo.deleteProjectIfVersion(trx, id, current.version)) === 0) {
          throw stale(current.version + 1);
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'delete',
          entityType: 'project',
          entityId: id,
          change: snapshot(before),
        });
        await reindex(trx, 'project', id);
      }),
    { foreignKey: 'Intellectual-property results name this project; change them first.' },
  );
}

// ---- Summary, history, links -------------------------------------------------------------------

/** GET /projects/summary-by-state: per member state, its projects by status and role. */
export async function summarizeByState(
  ctx: Ctx,
  q: { kind?: string },
): Promise<{ items: ProjectStateSummary[] }> {
  requireSignedIn(ctx.actor);
  return { items: await repo.summaryByState(ctx.db, q.kind) };
}

/** GET /projects/{id}/history: the project's audit trail, for the secretariat and admins. */
export async function getProjectHistory(
  ctx: Ctx,
  id: string,
): Promise<{ items: RegisterHistoryEvent[] }> {
  requireRole(ctx.actor, 'secretariat', 'admin');
  await loadProject(ctx, id);
  return { items: await entryHistory(ctx.db, 'project', id) };
}

/**
 * The projects that name a decision, for GET /decisions/{id}/register-entries. Projects are
 * internal: every signed-in user reads them, anonymous callers get none.
 */
export async function entriesNamingDecision(
  ctx: Ctx,
  decisionId: string,
): Promise<RegisterEntryRef[]> {
  if (ctx.actor.role === 'anonymous') {
    return [];
  }
  const rows = await repo.projectsNamingDecision(ctx.db, decisionId);
  return rows.map((r) => ({
    type: 'project' as const,
    id: r.id,
    title: parseText(r.title) as LocalizedText,
    status: r.status,
  }));
}
