import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';

/** Where a server process finds the bench database: a URL and, on PostgreSQL, the schema. */
export interface DatabaseTarget {
  url: string;
  schema: string | null;
}

export interface BenchDatabase {
  handle: DbHandle;
  target: DatabaseTarget;
  /** For humans: the file or the schema. */
  where: string;
  /** Removes the database: the SQLite folder or the PostgreSQL schema. */
  drop(): Promise<void>;
}

/** The PostgreSQL server used when --pg names none (the one the API tests use). */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The PostgreSQL URL chosen by `--pg`, `--pg=URL` or PLENUM_BENCH_PG_URL; null means SQLite.
 */
export function pgUrlFromArgs(args: readonly string[], env = process.env): string | null {
  const flag = args.find((a) => a === '--pg' || a.startsWith('--pg='));
  if (flag?.startsWith('--pg=')) {
    return flag.slice('--pg='.length);
  }
  if (flag || env.PLENUM_BENCH_PG_URL) {
    return env.PLENUM_BENCH_PG_URL || DEFAULT_PG_URL;
  }
  return null;
}

async function withPgClient(url: string, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database: a new SQLite file (in a temporary folder unless `file` is given,
 * which must not exist yet) or a new schema on the PostgreSQL server at `pgUrl`.
 */
export async function openFreshDatabase(opts: {
  pgUrl: string | null;
  file?: string;
}): Promise<BenchDatabase> {
  const suffix = randomBytes(5).toString('hex');
  let bench: BenchDatabase;
  if (opts.pgUrl) {
    const url = opts.pgUrl;
    const schema = `bench_${suffix}`;
    await withPgClient(url, (c) => c.query(`create schema ${schema}`).then(() => undefined));
    const handle = openDatabase(url, { schema });
    const safeUrl = url.replace(/\/\/[^@/]*@/, '//…@');
    bench = {
      handle,
      target: { url, schema },
      where: `schema ${schema} on ${safeUrl}`,
      drop: () =>
        withPgClient(url, (c) => c.query(`drop schema ${schema} cascade`).then(() => undefined)),
    };
  } else {
    let file: string;
    let removable: string;
    if (opts.file) {
      file = path.resolve(opts.file);
      if (fs.existsSync(file)) {
        throw new Error(`${file} exists; the generator fills a fresh database only.`);
      }
      removable = file;
    } else {
      removable = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-bench-'));
      file = path.join(removable, 'plenum.db');
    }
    const handle = openDatabase(`sqlite:${file}`);
    bench = {
      handle,
      target: { url: `sqlite:${file}`, schema: null },
      where: file,
      drop: async () => {
        for (const f of opts.file ? [file, `${file}-wal`, `${file}-shm`] : [removable]) {
          fs.rmSync(f, { recursive: true, force: true });
        }
      },
    };
  }
  try {
    await migrateToLatest(bench.handle.db, bench.target.schema ?? undefined);
  } catch (error) {
    await bench.handle.close();
    await bench.drop();
    throw error;
  }
  return bench;
}
