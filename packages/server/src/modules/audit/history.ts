import type { RegisterHistoryEvent } from '@plenum/shared';
import type { Tx } from '../../platform/context.ts';

/**
 * An entry's history from the audit trail, newest first (at most 500 events): the events of the
 * entry itself and of its children, whose audit ids are `<entry id>/<child id>` so that they are
 * found also after the child is gone. Register pages show it; the rows read as
 * RegisterHistoryEvent with who acted.
 */
export async function entryHistory(
  db: Tx,
  entityType: string,
  id: string,
  childTypes: string[] = [],
): Promise<RegisterHistoryEvent[]> {
  const rows = await db
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select([
      'e.seq',
      'e.at',
      'e.actorId',
      'u.name as actorName',
      'e.action',
      'e.entityType',
      'e.entityId',
      'e.change',
    ])
    .where((eb) => {
      const own = eb.and([eb('e.entityType', '=', entityType), eb('e.entityId', '=', id)]);
      return childTypes.length === 0
        ? own
        : eb.or([
            own,
            eb.and([
              eb('e.entityType', 'in', childTypes),
              // Ids are UUIDs: no LIKE wildcard can occur in the prefix.
              eb('e.entityId', 'like', `${id}/%`),
            ]),
          ]);
    })
    .orderBy('e.seq', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    change: JSON.parse(row.change) as unknown,
  }));
}
