import { type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './dialect.ts';
import { migrations } from './migrations/index.ts';

/**
 * Applies every pending migration; throws with the failing one's name. On PostgreSQL pass the
 * schema the tables live in: Kysely looks for its bookkeeping tables across all schemas otherwise,
 * and another schema's tables (e.g. a parallel test run) would confuse it.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await withCatalogRetry(() => migrator.migrateToLatest(), schema);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * Runs a migrator, once more when PostgreSQL reports that another schema vanished meanwhile:
 * Kysely looks for its bookkeeping tables with a catalog query over every schema, which fails
 * when some other schema is dropped at that instant (parallel test runs drop theirs all the
 * time). Nothing was applied then: on PostgreSQL a run is one transaction.
 */
export async function withCatalogRetry(
  run: () => Promise<MigrationResultSet>,
  schema: string | undefined,
): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt++) {
    const result = await run();
    // Another schema, or a table of one, dropped while the catalog was read.
    const vanished = /(?:schema|relation) "([^".]+)(?:\.[^"]*)?" does not exist/.exec(
      String(result.error ?? ''),
    );
    if (!vanished || vanished[1] === schema || attempt >= 5) {
      return result;
    }
  }
}
