import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DbHandle } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { loadDemo } from '../../src/demo/loader.ts';
import { createToken } from '../../src/modules/auth/service.ts';
import { findUserByEmail } from '../../src/modules/users/repository.ts';
import { openFreshDatabase } from '../app.ts';

export type HostileCaller = 'secretariat' | 'delegate' | 'anonymous';

export interface DemoApp {
  app: FastifyInstance;
  handle: DbHandle;
  dataDir: string;
  tokens: Record<Exclude<HostileCaller, 'anonymous'>, string>;
  as(caller: HostileCaller, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The demo dataset (every kind of record, so ids in paths resolve) in a fresh database of the
 * dialect under test, with responses checked against their schemas as in every API test.
 */
export async function demoApp(): Promise<DemoApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-hostile-'));
  const { handle, drop } = await openFreshDatabase('hostile');
  await migrateToLatest(handle.db, handle.schema);
  const config = loadConfig(
    { PLENUM_DATA_DIR: dataDir },
    // HOSTILE_LOG=1 shows what a 5xx logged (the answer itself never says).
    {
      logLevel: process.env.HOSTILE_LOG ? 'error' : 'silent',
      webDir: path.join(dataDir, 'no-web'),
    },
  );
  const app = await buildApp({
    config,
    database: handle,
    ...(process.env.HOSTILE_LOG ? {} : { logger: false }),
    checkResponses: true,
  });
  await app.ready();
  await loadDemo(app);

  const tokenFor = async (email: string) => {
    const user = await findUserByEmail(handle.db, email);
    if (!user) {
      throw new Error(`demo user ${email} missing`);
    }
    const made = await createToken(
      {
        db: handle.db,
        dialect: handle.dialect,
        actor: { id: user.id, role: 'admin', name: 'hostile', memberState: null, bodyIds: [] },
      },
      'hostile',
      user.id,
    );
    return made.token;
  };
  const tokens = {
    secretariat: await tokenFor('secretariat@plenum.example'),
    delegate: await tokenFor('delegate.arm@plenum.example'),
  };
  return {
    app,
    handle,
    dataDir,
    tokens,
    as(caller, opts) {
      const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
      if (caller !== 'anonymous' && headers.authorization === undefined) {
        headers.authorization = `Bearer ${tokens[caller]}`;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await handle.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Tables that move on any request, refused or not (rate limits, sign-in attempts, session
 * bookkeeping, stored idempotent answers), and so say nothing about content.
 */
const VOLATILE = new Set([
  'rate_limits',
  'login_attempts',
  'sessions',
  'idempotency_keys',
  'file_texts',
  'kysely_migration',
  'kysely_migration_lock',
]);

export interface Fingerprinter {
  tables: string[];
  take(): Promise<string>;
}

/**
 * A cheap fingerprint of the database: the row count of every content table and its highest
 * version where it has one, read in one statement.
 */
export async function fingerprinter(handle: DbHandle): Promise<Fingerprinter> {
  const db = handle.db;
  const rows =
    handle.dialect === 'postgres'
      ? (
          await sql<{ table: string; column: string }>`
            select table_name as "table", column_name as "column"
            from information_schema.columns where table_schema = ${handle.schema}
            and table_name in (select table_name from information_schema.tables
              where table_schema = ${handle.schema} and table_type = 'BASE TABLE')`.execute(db)
        ).rows
      : (
          await sql<{ table: string; column: string }>`
            select m.name as "table", p.name as "column"
            from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite_%'
              and m.sql not like 'CREATE VIRTUAL%'`.execute(db)
        ).rows;
  const byTable = new Map<string, Set<string>>();
  for (const r of rows) {
    // Shadow tables of SQLite's full-text index are the index's business.
    if (VOLATILE.has(r.table) || /_(data|idx|content|docsize|config)$/.test(r.table)) {
      continue;
    }
    const set = byTable.get(r.table) ?? new Set<string>();
    set.add(r.column);
    byTable.set(r.table, set);
  }
  const tables = [...byTable.keys()].sort();
  const parts = tables.map((t) => {
    const version = byTable.get(t)?.has('version') ? 'max(version)' : '0';
    return `select '${t}' as t, count(*) as n, ${version} as v from "${t}"`;
  });
  const query = sql.raw<{ t: string; n: number | string; v: number | string | null }>(
    parts.join(' union all '),
  );
  return {
    tables,
    async take() {
      const result = await query.execute(db);
      return result.rows.map((r) => `${r.t}:${Number(r.n)}:${Number(r.v ?? 0)}`).join(' ');
    },
  };
}

/** The lines of two fingerprints that differ, to say what a refused request changed. */
export function fingerprintDiff(before: string, after: string): string {
  const a = before.split(' ');
  const b = after.split(' ');
  return b.filter((x, i) => x !== a[i]).join(', ');
}
