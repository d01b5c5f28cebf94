import { Migrator } from 'kysely';
import type { Db } from './dialect.ts';
import { migrations } from './migrations/index.ts';

/**
 * Applies every pending migration; throws with the failing one's name. On PostgreSQL pass the
 * schema the tables live in, where Kysely keeps its bookkeeping tables (the database handle's
 * introspection sees that schema only; see SchemaIntrospector).
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
