import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { createToken } from '../../packages/server/src/modules/auth/service.ts';
import { addNews, type GenerateResult } from '../generate.ts';
import type { BenchDatabase } from './database.ts';
import { formatCount, formatSeconds, type Progress } from './progress.ts';

/**
 * A dataset kept by `npm run bench -- --keep`, measured again (`--reuse`) instead of generated
 * anew: the bench and the soak both use it.
 */

const BENCH_EMAIL = 'bench.secretariat@plenum.example';

/**
 * A database kept by an earlier --keep run (the SQLite file, or with --pg its schema), migrated
 * to the latest schema so the server under test finds what it expects. It is kept afterwards.
 */
export async function openKeptDatabase(opts: {
  pgUrl: string | null;
  where: string;
}): Promise<BenchDatabase> {
  const target = opts.pgUrl
    ? { url: opts.pgUrl, schema: opts.where }
    : { url: `sqlite:${path.resolve(opts.where)}`, schema: null };
  if (!opts.pgUrl && !fs.existsSync(opts.where)) {
    throw new Error(`--reuse: no database at ${opts.where}`);
  }
  const handle = openDatabase(target.url, target.schema ? { schema: target.schema } : {});
  await migrateToLatest(handle.db, target.schema ?? undefined);
  return {
    handle,
    target,
    where: opts.pgUrl ? `schema ${opts.where}` : path.resolve(opts.where),
    drop: async () => {},
  };
}

/**
 * What `generate` returns, for a kept database: row counts read from it and fresh API tokens for
 * the bench's secretariat officer and RUS's delegate (a token is stored hashed only).
 */
export async function reuseDataset(bench: BenchDatabase, log: Progress): Promise<GenerateResult> {
  const { db, dialect } = bench.handle;
  // A database kept before news existed: add them (and their search entries) now.
  const added = await addNews(db, dialect, log);
  if (added) {
    log.line(
      `  added ${formatCount(added.items)} news items to the kept dataset in ${formatSeconds(added.ms)}`,
    );
  }
  const counts: Record<string, number> = {};
  for (const table of [
    'meetings',
    'agendaItems',
    'decisions',
    'documents',
    'documentVersions',
    'newsItems',
    'searchDocuments',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = Number(row.n);
  }
  const tokenFor = async (where: { email?: string; memberState?: string }) => {
    let q = db.selectFrom('users').select(['id', 'name', 'role', 'memberState', 'email']);
    q = where.email
      ? q.where('email', '=', where.email)
      : q.where('memberState', '=', where.memberState ?? '').where('role', '=', 'delegate');
    const user = await q.executeTakeFirstOrThrow();
    const actor = {
      id: user.id,
      role: user.role,
      name: user.name,
      memberState: user.memberState,
      bodyIds: [],
    } as unknown as Parameters<typeof createToken>[0]['actor'];
    const { token } = await createToken(
      { db, dialect, actor } as Parameters<typeof createToken>[0],
      'bench',
      user.id,
    );
    return { user, token };
  };
  const secretariat = await tokenFor({ email: BENCH_EMAIL });
  const delegate = await tokenFor({ memberState: 'RUS' });
  return {
    counts,
    ms: added?.ms ?? 0,
    timings: added ? { news: added.ms } : {},
    benchUser: { id: secretariat.user.id, email: BENCH_EMAIL, token: secretariat.token },
    benchDelegate: { id: delegate.user.id, memberState: 'RUS', token: delegate.token },
  };
}
