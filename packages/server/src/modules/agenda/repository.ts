import type { AgendaAmendment, AgendaItem } from '@plenum/shared';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AgendaAmendmentTable, AgendaItemTable } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

// ---- Agenda items ----------------------------------------------------------------------------

export type AgendaItemRow = Selectable<AgendaItemTable>;

/** Where an item stands in the agenda as the caller sees it (derived, never stored). */
export interface Placement {
  ordinal: number;
  position: string;
}

export function mapAgendaItem(row: AgendaItemRow, placement: Placement): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    parentId: row.parentId,
    ordinal: placement.ordinal,
    position: placement.position,
    title: parseText(row.title),
    kind: row.kind as AgendaItem['kind'],
    description: parseTextOrNull(row.description),
    rapporteurPersonId: row.rapporteurPersonId,
    public: row.public === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every item of a meeting's agenda (an agenda is small: at most AGENDA_MAX_ITEMS). */
export function listAgendaItems(db: Tx, meetingId: string, publicOnly = false) {
  let query = db.selectFrom('agendaItems').selectAll().where('meetingId', '=', meetingId);
  if (publicOnly) {
    query = query.where('public', '=', 1);
  }
  return query.orderBy('ordinal').orderBy('id').execute();
}

export async function countAgendaItems(db: Tx, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('agendaItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const insertAgendaItem = (db: Tx, row: Insertable<AgendaItemTable>) =>
  db.insertInto('agendaItems').values(row).execute();

/** Updates when the stored version is still `version`; returns the number of rows changed. */
export async function updateAgendaItem(
  db: Tx,
  id: string,
  version: number,
  values: Updateable<AgendaItemTable>,
): Promise<number> {
  const result = await db
    .updateTable('agendaItems')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the given items of one meeting; returns how many went. */
export async function deleteAgendaItems(
  db: Tx,
  meetingId: string,
  ids: readonly string[],
): Promise<number> {
  const result = await db
    .deleteFrom('agendaItems')
    .where('meetingId', '=', meetingId)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function personExists(db: Tx, id: string): Promise<boolean> {
  const row = await db.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

// ---- Amendments ------------------------------------------------------------------------------

export type AgendaAmendmentRow = Selectable<AgendaAmendmentTable>;

export function mapAgendaAmendment(row: AgendaAmendmentRow): AgendaAmendment {
  return {
    id: row.id,
    meetingId: row.meetingId,
    kind: row.kind as AgendaAmendment['kind'],
    agendaItemId: row.agendaItemId,
    summary: row.summary,
    reason: row.reason,
    actorId: row.actorId,
    actorName: row.actorName,
    at: row.at,
  };
}

export const insertAgendaAmendment = (db: Tx, row: Insertable<AgendaAmendmentTable>) =>
  db.insertInto('agendaAmendments').values(row).execute();

/** A page of a meeting's amendments, oldest first. */
export function listAgendaAmendments(
  db: Tx,
  q: { meetingId: string; after: [string, string] | null; limit: number },
) {
  let query = db.selectFrom('agendaAmendments').selectAll().where('meetingId', '=', q.meetingId);
  if (q.after) {
    const [at, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('at')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}
