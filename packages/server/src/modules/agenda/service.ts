import {
  AGENDA_MAX_DEPTH,
  AGENDA_MAX_ITEMS,
  type AgendaAmendment,
  type AgendaItem,
  type AgendaItemCreate,
  type AgendaItemPatch,
  type AgendaOrder,
  type LocalizedText,
  type Meeting,
  type Page,
  pickText,
} from '@plenum/shared';
import type { Updateable } from 'kysely';
import type { AgendaItemTable } from '../../db/database.ts';
import { isSignedIn, requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, type FieldError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { parseText, storeText } from '../../platform/text.ts';
import * as meetings from '../meetings/service.ts';
import { reindex, removeFromIndex } from '../search/indexer.ts';
import * as repo from './repository.ts';

// ---- The agenda as a tree --------------------------------------------------------------------

interface Laid extends repo.Placement {
  row: repo.AgendaItemRow;
  depth: number;
}

/**
 * Lays the items out depth-first, numbering siblings 1..n: "1", "2", "2.1". Items whose parent
 * is not among `rows` (hidden from the caller) are left out with their whole branch.
 */
function layOut(rows: readonly repo.AgendaItemRow[]): Laid[] {
  const children = new Map<string | null, repo.AgendaItemRow[]>();
  for (const row of [...rows].sort(
    (a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )) {
    const siblings = children.get(row.parentId);
    if (siblings) {
      siblings.push(row);
    } else {
      children.set(row.parentId, [row]);
    }
  }
  const out: Laid[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    for (const [index, row] of (children.get(parentId) ?? []).entries()) {
      const position = prefix ? `${prefix}.${index + 1}` : String(index + 1);
      out.push({ row, ordinal: index + 1, position, depth });
      walk(row.id, position, depth + 1);
    }
  };
  walk(null, '', 1);
  return out;
}

/** An item and its descendants: a contiguous run of the depth-first layout. */
function branchOf(layout: readonly Laid[], index: number): Laid[] {
  const head = layout[index];
  if (!head) {
    return [];
  }
  let end = index + 1;
  while (end < layout.length && (layout[end]?.depth ?? 0) > head.depth) {
    end += 1;
  }
  return layout.slice(index, end);
}

const toDto = (laid: Laid) => repo.mapAgendaItem(laid.row, laid);
const englishTitle = (title: string | LocalizedText) =>
  pickText(typeof title === 'string' ? parseText(title) : title, 'en').text;
const quoted = (laid: { position: string; row: { title: string } }) =>
  `item ${laid.position} "${englishTitle(laid.row.title)}"`;

/** The agenda of a held or cancelled meeting is part of the record and no longer changes. */
function requireAgendaOpen(meeting: { status: string }): void {
  if (meeting.status === 'held' || meeting.status === 'cancelled') {
    throw new AppError(
      'invalid_transition',
      `The meeting is ${meeting.status}; its agenda can no longer change.`,
    );
  }
}

/**
 * An approved agenda changes only through a recorded amendment (DESIGN §2): every change after
 * approval leaves a row saying what changed, why, who and when. Before approval, nothing.
 */
async function recordAmendment(
  trx: Tx,
  ctx: Ctx,
  meeting: { id: string; agendaStatus: string },
  amendment: {
    kind: AgendaAmendment['kind'];
    agendaItemId: string | null;
    summary: string;
    reason: string | undefined;
  },
): Promise<void> {
  if (meeting.agendaStatus !== 'approved') {
    return;
  }
  const reason = amendment.reason?.trim();
  await repo.insertAgendaAmendment(trx, {
    id: newId(),
    meetingId: meeting.id,
    kind: amendment.kind,
    agendaItemId: amendment.agendaItemId,
    summary: amendment.summary,
    reason: reason ? reason : null,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    at: nowIso(),
  });
}

async function checkRapporteur(db: Tx, id: string | null | undefined, errors: FieldError[]) {
  if (id && !(await repo.personExists(db, id))) {
    errors.push({ path: 'rapporteurPersonId', message: 'No person has this id' });
  }
}

const referenceGone = {
  foreignKey: 'The rapporteur was removed meanwhile; choose another person.',
};

// ---- Reading ---------------------------------------------------------------------------------

/**
 * The whole agenda in depth-first order. Anonymous callers read the agenda of public meetings
 * only, and only its public items; the numbering is theirs, as if nothing else existed (§3).
 */
export async function listAgenda(ctx: Ctx, meetingId: string): Promise<Page<AgendaItem>> {
  await meetings.readableMeeting(ctx, meetingId);
  const rows = await repo.listAgendaItems(ctx.db, meetingId, !isSignedIn(ctx.actor));
  return { items: layOut(rows).map(toDto), nextCursor: null };
}

export async function getAgendaItem(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
): Promise<AgendaItem> {
  await meetings.readableMeeting(ctx, meetingId);
  const rows = await repo.listAgendaItems(ctx.db, meetingId, !isSignedIn(ctx.actor));
  const laid = layOut(rows).find((l) => l.row.id === itemId);
  if (!laid) {
    throw notFound('agenda item');
  }
  return toDto(laid);
}

export async function listAmendmentsPage(
  ctx: Ctx,
  meetingId: string,
  q: { cursor?: string; limit: number },
): Promise<Page<AgendaAmendment>> {
  requireSignedIn(ctx.actor);
  await meetings.readableMeeting(ctx, meetingId);
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.listAgendaAmendments(ctx.db, {
    meetingId,
    after: after ? [String(after[0]), String(after[1])] : null,
    limit: q.limit,
  });
  return toPage(rows, q.limit, (r) => [r.at, r.id], repo.mapAgendaAmendment);
}

// ---- Changing items --------------------------------------------------------------------------

/** Adds an item after its siblings, at most AGENDA_MAX_DEPTH levels deep. */
export async function createAgendaItem(
  ctx: Ctx,
  meetingId: string,
  input: AgendaItemCreate,
): Promise<AgendaItem> {
  requireContentWriter(ctx.actor);
  return guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const meeting = await meetings.lockMeeting(trx, ctx.dialect, meetingId);
        requireAgendaOpen(meeting);
        const rows = await repo.listAgendaItems(trx, meetingId);
        if (rows.length >= AGENDA_MAX_ITEMS) {
          throw new AppError(
            'unprocessable',
            `An agenda holds at most ${AGENDA_MAX_ITEMS} items; this one is full.`,
          );
        }
        const layout = layOut(rows);
        const errors: FieldError[] = [];
        if (input.parentId !== null) {
          const parent = layout.find((l) => l.row.id === input.parentId);
          if (!parent) {
            errors.push({ path: 'parentId', message: 'Not an item of this meeting’s agenda' });
          } else if (parent.depth >= AGENDA_MAX_DEPTH) {
            errors.push({
              path: 'parentId',
              message: `An agenda has at most ${AGENDA_MAX_DEPTH} levels; item ${parent.position} cannot have sub-items`,
            });
          }
        }
        await checkRapporteur(trx, input.rapporteurPersonId, errors);
        if (errors.length > 0) {
          throw meetings.invalidFields(errors);
        }
        const siblings = rows.filter((r) => r.parentId === input.parentId);
        const now = nowIso();
        const row: repo.AgendaItemRow = {
          id: newId(),
          meetingId,
          parentId: input.parentId,
          ordinal: siblings.reduce((max, r) => Math.max(max, r.ordinal), 0) + 1,
          title: storeText(input.title) as string,
          kind: input.kind,
          description: storeText(input.description),
          rapporteurPersonId: input.rapporteurPersonId,
          public: input.public ? 1 : 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insertAgendaItem(trx, row);
        const laid = layOut([...rows, row]).find((l) => l.row.id === row.id) as Laid;
        const item = toDto(laid);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'agenda_item',
          entityId: row.id,
          change: item,
        });
        await reindex(trx, 'agenda_item', row.id);
        await recordAmendment(trx, ctx, meeting, {
          kind: 'added',
          agendaItemId: row.id,
          summary: `Added ${quoted(laid)}.`,
          reason: input.reason,
        });
        return item;
      }),
    referenceGone,
  );
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  description: 'description',
  rapporteurPersonId: 'rapporteur',
  public: 'public visibility',
};

export async function updateAgendaItem(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  patch: AgendaItemPatch,
  ifMatch: number | null,
): Promise<AgendaItem> {
  requireContentWriter(ctx.actor);
  return guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const meeting = await meetings.lockMeeting(trx, ctx.dialect, meetingId);
        const laid = layOut(await repo.listAgendaItems(trx, meetingId)).find(
          (l) => l.row.id === itemId,
        );
        if (!laid) {
          throw notFound('agenda item');
        }
        const current = laid.row;
        meetings.expectVersion(current.version, ifMatch);
        requireAgendaOpen(meeting);
        const errors: FieldError[] = [];
        if (patch.rapporteurPersonId !== current.rapporteurPersonId) {
          await checkRapporteur(trx, patch.rapporteurPersonId, errors);
        }
        if (errors.length > 0) {
          throw meetings.invalidFields(errors);
        }
        const values: Updateable<AgendaItemTable> = {
          title: patch.title !== undefined ? (storeText(patch.title) as string) : current.title,
          kind: patch.kind ?? current.kind,
          description:
            patch.description !== undefined ? storeText(patch.description) : current.description,
          rapporteurPersonId:
            patch.rapporteurPersonId !== undefined
              ? patch.rapporteurPersonId
              : current.rapporteurPersonId,
          public: patch.public !== undefined ? (patch.public ? 1 : 0) : current.public,
        };
        const before = toDto(laid);
        const next: repo.AgendaItemRow = { ...current, ...values } as repo.AgendaItemRow;
        const changes = diff(before, repo.mapAgendaItem(next, laid));
        const changed = Object.keys(changes);
        if (changed.length === 0) {
          return before;
        }
        next.version = current.version + 1;
        next.updatedAt = nowIso();
        if (
          (await repo.updateAgendaItem(trx, itemId, current.version, {
            ...values,
            version: next.version,
            updatedAt: next.updatedAt,
          })) === 0
        ) {
          throw meetings.staleWrite();
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'agenda_item',
          entityId: itemId,
          change: changes,
        });
        await reindex(trx, 'agenda_item', itemId);
        const formerly = 'title' in changes ? ` (formerly "${englishTitle(current.title)}")` : '';
        await recordAmendment(trx, ctx, meeting, {
          kind: 'changed',
          agendaItemId: itemId,
          summary: `Changed ${quoted({ position: laid.position, row: next })}${formerly}: ${changed
            .map((f) => FIELD_NAMES[f] ?? f)
            .join(', ')}.`,
          reason: patch.reason,
        });
        return repo.mapAgendaItem(next, laid);
      }),
    referenceGone,
  );
}

/** Removes an item with its sub-items and renumbers the remaining siblings 1..n. */
export async function deleteAgendaItem(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  reason: string | undefined,
  ifMatch: number | null,
): Promise<void> {
  requireContentWriter(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetings.lockMeeting(trx, ctx.dialect, meetingId);
    const rows = await repo.listAgendaItems(trx, meetingId);
    const layout = layOut(rows);
    const index = layout.findIndex((l) => l.row.id === itemId);
    const laid = layout[index];
    if (!laid) {
      throw notFound('agenda item');
    }
    meetings.expectVersion(laid.row.version, ifMatch);
    requireAgendaOpen(meeting);
    const branch = branchOf(layout, index);
    await repo.deleteAgendaItems(
      trx,
      meetingId,
      branch.map((l) => l.row.id),
    );
    const now = nowIso();
    const siblings = layout.filter(
      (l) => l.row.parentId === laid.row.parentId && l.row.id !== itemId,
    );
    for (const [i, sibling] of siblings.entries()) {
      if (sibling.row.ordinal !== i + 1) {
        const updated = await repo.updateAgendaItem(trx, sibling.row.id, sibling.row.version, {
          ordinal: i + 1,
          version: sibling.row.version + 1,
          updatedAt: now,
        });
        if (updated === 0) {
          throw meetings.staleWrite();
        }
      }
    }
    const subItems = branch.length - 1;
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'agenda_item',
      entityId: itemId,
      change: { ...toDto(laid), removedSubItemIds: branch.slice(1).map((l) => l.row.id) },
    });
    for (const l of branch) {
      await removeFromIndex(trx, 'agenda_item', l.row.id);
    }
    await recordAmendment(trx, ctx, meeting, {
      kind: 'removed',
      agendaItemId: itemId,
      summary: `Removed ${quoted(laid)}${
        subItems > 0 ? ` with its ${subItems} sub-item${subItems === 1 ? '' : 's'}` : ''
      }.`,
      reason,
    });
  });
}

// ---- Order -----------------------------------------------------------------------------------

type OrderNode = { id: string; children?: unknown[] };

/**
 * Where each item goes under a new order. The order must name every item of the agenda exactly
 * once and nothing else, at most AGENDA_MAX_DEPTH levels deep; otherwise a 400 names the ids.
 */
function placeOrder(
  items: readonly OrderNode[],
  rows: readonly repo.AgendaItemRow[],
): Map<string, { parentId: string | null; ordinal: number }> {
  const known = new Set(rows.map((r) => r.id));
  const seen = new Set<string>();
  const placements = new Map<string, { parentId: string | null; ordinal: number }>();
  const errors: FieldError[] = [];
  const walk = (
    nodes: readonly OrderNode[],
    parentId: string | null,
    depth: number,
    path: string,
  ) => {
    for (const [index, node] of nodes.entries()) {
      const here = `${path}.${index}`;
      if (!known.has(node.id)) {
        errors.push({ path: `${here}.id`, message: `Not an item of this agenda: ${node.id}` });
      } else if (seen.has(node.id)) {
        errors.push({ path: `${here}.id`, message: `Named more than once: ${node.id}` });
      } else {
        seen.add(node.id);
        placements.set(node.id, { parentId, ordinal: index + 1 });
      }
      if (depth > AGENDA_MAX_DEPTH) {
        errors.push({
          path: here,
          message: `An agenda has at most ${AGENDA_MAX_DEPTH} levels; ${node.id} would be on level ${depth}`,
        });
      } else {
        walk((node.children ?? []) as OrderNode[], node.id, depth + 1, `${here}.children`);
      }
    }
  };
  walk(items, null, 1, 'items');
  const missing = rows.filter((r) => !seen.has(r.id)).map((r) => r.id);
  if (missing.length > 0) {
    errors.push({ path: 'items', message: `Missing from the order: ${missing.join(', ')}` });
  }
  if (errors.length > 0) {
    throw new AppError(
      'validation_failed',
      `The order must name every item of this agenda exactly once, at most ${AGENDA_MAX_DEPTH} levels deep.`,
      { errors },
    );
  }
  return placements;
}

const SUMMARY_MOVES = 20;

/** Sets the whole order and nesting of the agenda at once; answers the new agenda. */
export async function reorderAgenda(
  ctx: Ctx,
  meetingId: string,
  order: AgendaOrder,
): Promise<Page<AgendaItem>> {
  requireContentWriter(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetings.lockMeeting(trx, ctx.dialect, meetingId);
    requireAgendaOpen(meeting);
    const rows = await repo.listAgendaItems(trx, meetingId);
    const placements = placeOrder(order.items, rows);
    const now = nowIso();
    const nextRows: repo.AgendaItemRow[] = [];
    let moved = 0;
    for (const row of rows) {
      const place = placements.get(row.id) as { parentId: string | null; ordinal: number };
      if (place.parentId === row.parentId && place.ordinal === row.ordinal) {
        nextRows.push(row);
        continue;
      }
      moved += 1;
      const next = { ...row, ...place, version: row.version + 1, updatedAt: now };
      if (
        (await repo.updateAgendaItem(trx, row.id, row.version, {
          parentId: next.parentId,
          ordinal: next.ordinal,
          version: next.version,
          updatedAt: now,
        })) === 0
      ) {
        throw meetings.staleWrite();
      }
      nextRows.push(next);
    }
    const after = layOut(nextRows);
    if (moved === 0) {
      return { items: after.map(toDto), nextCursor: null };
    }
    const wasAt = new Map(layOut(rows).map((l) => [l.row.id, l.position]));
    const moves = after
      .filter((l) => wasAt.get(l.row.id) !== l.position)
      .map((l) => ({ id: l.row.id, from: wasAt.get(l.row.id) ?? null, to: l.position, laid: l }));
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'agenda_reorder',
      entityType: 'meeting',
      entityId: meetingId,
      change: { moves: moves.map(({ id, from, to }) => ({ id, from, to })) },
    });
    const listed = moves
      .slice(0, SUMMARY_MOVES)
      .map((m) => `item ${m.from} "${englishTitle(m.laid.row.title)}" is now ${m.to}`);
    const more = moves.length > SUMMARY_MOVES ? `; and ${moves.length - SUMMARY_MOVES} more` : '';
    await recordAmendment(trx, ctx, meeting, {
      kind: 'reordered',
      agendaItemId: null,
      summary:
        moves.length > 0
          ? `Reordered the agenda: ${listed.join('; ')}${more}.`
          : 'Reordered the agenda; every item keeps its number.',
      reason: order.reason,
    });
    return { items: after.map(toDto), nextCursor: null };
  });
}

// ---- Approval --------------------------------------------------------------------------------

/** Approves the draft agenda; from then on every change is a recorded amendment. */
export async function approveAgenda(
  ctx: Ctx,
  meetingId: string,
  ifMatch: number | null,
): Promise<Meeting> {
  requireContentWriter(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const meeting = await meetings.lockMeeting(trx, ctx.dialect, meetingId);
    meetings.expectVersion(meeting.version, ifMatch);
    requireAgendaOpen(meeting);
    if (meeting.agendaStatus === 'approved') {
      throw new AppError(
        'invalid_transition',
        `The agenda was approved at ${meeting.agendaApprovedAt}; change it by amending items.`,
      );
    }
    if ((await repo.countAgendaItems(trx, meetingId)) === 0) {
      throw new AppError('unprocessable', 'An empty agenda cannot be approved; add items first.');
    }
    const at = nowIso();
    if (!(await meetings.markAgendaApproved(trx, meeting, at))) {
      throw meetings.staleWrite();
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'agenda_approve',
      entityType: 'meeting',
      entityId: meetingId,
      change: { agendaStatus: ['draft', 'approved'], agendaApprovedAt: [null, at] },
    });
  });
  return meetings.getMeeting(ctx, meetingId);
}
