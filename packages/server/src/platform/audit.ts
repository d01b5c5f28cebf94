import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DialectName } from '../db/dialect.ts';
import type { Actor, Tx } from './context.ts';
import { nowIso } from './context.ts';

const GENESIS = '0'.repeat(64);
// Any constant: serialises appends to the chain across PostgreSQL connections and instances.
const CHAIN_LOCK = 7_270_001;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  change: unknown;
}

interface ChainFields {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change: string;
  prevHash: string;
}

/** The hash of an event covers every field and the previous hash, so edits and deletions show. */
export function auditHash(e: ChainFields): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.change,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an event to the hash chain. Call inside the transaction that makes the change, so the
 * change and its record commit together.
 */
export async function recordAudit(
  trx: Tx,
  dialect: DialectName,
  actor: Actor,
  input: AuditInput,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  }
  const last = await trx
    .selectFrom('auditEvents')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: ChainFields = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actorId: actor.id,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    change: JSON.stringify(input.change ?? null),
    prevHash: last?.hash ?? GENESIS,
  };
  await trx
    .insertInto('auditEvents')
    .values({ ...fields, hash: auditHash(fields) })
    .execute();
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain in order and reports the first event that does not fit. */
export async function verifyAuditChain(db: Tx): Promise<ChainCheck> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const batch = 1000;
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'missing event' };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'chain link broken' };
      }
      if (auditHash(row) !== row.hash) {
        return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'event altered' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batch) {
      return { ok: true, checked, firstBrokenSeq: null, reason: null };
    }
  }
}

/** The fields that differ between two snapshots: `{field: [before, after]}`. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt') {
      continue;
    }
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      out[key] = [before[key] ?? null, after[key] ?? null];
    }
  }
  return out;
}
