import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.ts';
import { SchemaScopedPostgresDialect } from './introspector.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** PostgreSQL schema holding the tables (`public` unless opened with another). */
  schema?: string;
  /** PostgreSQL: the connection URL, for connections of their own (LISTEN). */
  url?: string;
  close(): Promise<void>;
}

// pg is loaded only for a PostgreSQL URL (synchronously, as opening is): about 16 MB of RSS a
// server on SQLite does not need.
const require = createRequire(import.meta.url);
let pgModule: typeof pg | undefined;
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = require('pg') as typeof pg;
    // COUNT(*) and BIGINT come back from pg as strings; our counts fit in a double.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; on SQLite preparing costs more than running a small query.
 * Queries are built from the same code paths, so their SQL repeats: keep the prepared
 * statements (least recently used dropped first). Safe because Kysely runs one query at a time
 * on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (stmt) {
          cache.delete(source);
        } else {
          stmt = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) {
            cache.delete(cache.keys().next().value as string);
          }
        }
        cache.set(source, stmt);
        return stmt;
      };
    },
  });
}

/**
 * Opens the database named by a URL: `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…`.
 * `schema` places every table in that PostgreSQL schema (tests use a fresh one per file).
 */
export function openDatabase(url: string, opts: { schema?: string } = {}): DbHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new (loadPg().Pool)({
      connectionString: url,
      max: 10,
      // JIT compilation pays off for analytics, not for short queries: it added 70 ms to the review.
      options: `-c jit=off${opts.schema ? ` -c search_path=${opts.schema}` : ''}`,
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({
      dialect: new SchemaScopedPostgresDialect({ pool }, opts.schema ?? 'public'),
      plugins: [new CamelCasePlugin()],
    });
    return {
      db,
      dialect: 'postgres',
      schema: opts.schema ?? 'public',
      url,
      close: () => db.destroy(),
    };
  }
  if (!url.startsWith('sqlite:')) {
    throw new Error(`Unsupported database URL: ${url.split(':')[0]}:…`);
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process (only power loss can drop the last commits).
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The query planner needs table statistics: without them the review's candidate query took
  // twice as long. SQLite's advice for long-lived connections: a bounded optimize at open, then
  // again from time to time (it analyzes only tables whose size changed a lot).
  sqlite.pragma('optimize = 0x10002');
  const optimizer = setInterval(() => sqlite.pragma('optimize'), 6 * 3600_000);
  optimizer.unref();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    close: () => {
      clearInterval(optimizer);
      return db.destroy();
    },
  };
}
