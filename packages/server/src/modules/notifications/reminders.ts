import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { parseText } from '../../platform/text.ts';
import { localizedParams, type NotificationKind, notify } from './notify.ts';
import * as repo from './repository.ts';

/** Days before a consultation's deadline at which invited states still silent are reminded. */
export const DEADLINE_SOON_DAYS = 3;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/**
 * Reminds the delegates of every invited state that has not given its position in an open
 * consultation round: once when the deadline is three days away or nearer, once when it has
 * passed. Each reminder's dedupe key is consultation + state + kind, so running the job again
 * (or on several instances) adds nothing. Returns how many reminders were due.
 */
export async function runReminders(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const today = dayOf(now);
  const soonUntil = addDays(today, DEADLINE_SOON_DAYS);
  const rows = await db
    .selectFrom('consultations as c')
    .innerJoin('consultationStates as s', 's.consultationId', 'c.id')
    .innerJoin('documents as d', 'd.id', 'c.documentId')
    .select([
      'c.id',
      'c.documentId',
      'c.round',
      'c.deadline',
      'c.silenceProcedure',
      's.memberState',
      'd.title',
    ])
    .where('c.status', '=', 'open')
    .where('s.position', 'is', null)
    .where('c.deadline', '<=', soonUntil)
    .orderBy('c.deadline')
    .orderBy('c.id')
    .orderBy('s.memberState')
    .execute();
  const due = rows.map((row) => {
    const kind: NotificationKind =
      row.deadline < today ? 'consultation_deadline_passed' : 'consultation_deadline_soon';
    return { row, kind, dedupeKey: `consultation:${row.id}:${row.memberState}:${kind}` };
  });
  // Reminders already given are skipped before their audience is resolved: a round past its
  // deadline stays open for a while, and the job runs every minute.
  const given = await repo.notifiedKeys(
    db,
    due.map((d) => d.dedupeKey),
  );
  let sent = 0;
  for (const { row, kind, dedupeKey } of due) {
    if (given.has(dedupeKey)) {
      continue;
    }
    sent++;
    await db.transaction().execute((trx) =>
      notify(trx, {
        kind,
        dedupeKey,
        audience: { memberStates: [row.memberState] },
        entity: { type: 'consultation', id: row.id },
        params: {
          ...localizedParams('document', parseText(row.title)),
          round: String(row.round),
          deadline: row.deadline,
          silenceProcedure: row.silenceProcedure ? 'true' : 'false',
        },
        link: `/app/consultations/${row.id}`,
      }),
    );
  }
  return sent;
}
