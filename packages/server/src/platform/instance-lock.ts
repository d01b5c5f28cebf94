import { sql } from 'kysely';
import type { Db, DialectName } from '../db/dialect.ts';

// Any constant (the audit chain uses 7_270_001); the second key names the job and the schema.
const LOCK_CLASS = 7_270_002;

/**
 * Runs `run` unless another instance is running the same `name` right now (then returns false
 * without running it): a scheduled job runs once, not once per instance. On PostgreSQL a
 * session-level advisory lock, held on one pooled connection for the whole run, so it ends with
 * the run or with the connection if the process dies. The key includes the schema, as advisory
 * locks are database-wide. SQLite is one process, whose scheduler never overlaps its runs.
 */
export async function onceAcrossInstances(
  db: Db,
  dialect: DialectName,
  name: string,
  run: () => Promise<void>,
): Promise<boolean> {
  if (dialect !== 'postgres') {
    await run();
    return true;
  }
  return db.connection().execute(async (conn) => {
    const key = sql`hashtext(current_schema() || ${`:${name}`})`;
    const got = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${LOCK_CLASS}, ${key}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) {
      return false;
    }
    try {
      await run();
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_CLASS}, ${key})`.execute(conn);
    }
  });
}
