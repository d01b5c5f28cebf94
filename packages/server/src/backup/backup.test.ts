import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECT, PG_URL } from '../../test/app.ts';
import { type EmptyApp, emptyApp } from '../../test/empty-app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type DbHandle, type DialectName, openDatabase } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { demoDataset } from '../demo/data.ts';
import { loadDemo } from '../demo/loader.ts';
import { createToken } from '../modules/auth/service.ts';
import { multipart, pdf } from '../modules/files/test-helpers.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { ANONYMOUS } from '../platform/context.ts';
import { backupDatabase } from './backup.ts';
import { type Manifest, manifestChecksum } from './manifest.ts';
import { RestoreError, restoreDatabase } from './restore.ts';
import { DERIVED_TABLES, kyselyQuery, listTables } from './schema.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

interface Target {
  handle: DbHandle;
  dialect: DialectName;
  dataDir: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, unmigrated database of the given kind (restore migrates it) and a data folder. */
async function freshTarget(dialect: DialectName): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-restore-'));
  const dataDir = path.join(dir, 'data');
  if (dialect === 'postgres') {
    const schema = `restore_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase(PG_URL, { schema });
    return {
      handle,
      dialect,
      dataDir,
      url: PG_URL,
      drop: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = `sqlite:${path.join(dir, 'plenum.db')}`;
  const handle = openDatabase(url);
  return {
    handle,
    dialect,
    dataDir,
    url,
    drop: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function backupToBuffer(
  handle: DbHandle,
  dataDir: string,
  out?: Writable,
  opts: Parameters<typeof backupDatabase>[3] = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink =
    out ??
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        cb();
      },
    });
  await backupDatabase(handle, dataDir, sink, opts);
  return Buffer.concat(chunks);
}

/** Every record of every table, rows as JSON in a stable order, read independently of backup. */
async function dump(handle: DbHandle): Promise<Record<string, string[]>> {
  const tables = await listTables(kyselyQuery(handle.db), handle.dialect, handle.schema);
  const out: Record<string, string[]> = {};
  const raw = handle.db.withoutPlugins();
  for (const table of tables) {
    const cols = table.columns.map((c) => sql.ref(c.name));
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(cols)} from ${sql.table(
      table.name,
    )}`.execute(raw);
    out[table.name] = rows
      .map((row) => JSON.stringify(table.columns.map((c) => row[c.name] ?? null)))
      .sort();
  }
  return out;
}

/** SHA-256 → size of every stored file, checked against its content. */
function storedFiles(dataDir: string): Record<string, number> {
  const root = path.join(dataDir, 'files');
  const out: Record<string, number> = {};
  if (!fs.existsSync(root)) {
    return out;
  }
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const data = fs.readFileSync(path.join(entry.parentPath, entry.name));
      out[createHash('sha256').update(data).digest('hex')] = data.length;
    }
  }
  return out;
}

async function recordCount(handle: DbHandle): Promise<number> {
  const all = await dump(handle);
  return Object.values(all).reduce((n, rows) => n + rows.length, 0);
}

/** The archive's tar entries, uncompressed, for altering them. */
async function entriesOf(archive: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const extract = tar.extract();
  const out: { name: string; data: Buffer }[] = [];
  Readable.from(gunzipSync(archive)).pipe(extract);
  for await (const entry of extract) {
    const parts: Buffer[] = [];
    for await (const chunk of entry) {
      parts.push(chunk as Buffer);
    }
    out.push({ name: entry.header.name, data: Buffer.concat(parts) });
  }
  return out;
}

async function packEntries(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    pack.entry({ name: e.name, size: e.data.length }, e.data);
  }
  pack.finalize();
  const parts: Buffer[] = [];
  for await (const chunk of pack) {
    parts.push(chunk as Buffer);
  }
  return gzipSync(Buffer.concat(parts));
}

/** The archive with one byte of an entry's data changed (in place: the tar stays well-formed). */
function tamper(archive: Buffer, entryName: string, pick: (data: Buffer) => number): Buffer {
  const tarball = gunzipSync(archive);
  const at = tarball.indexOf(Buffer.from(`${entryName}\0`));
  expect(at % 512, 'an entry header starts on a block').toBe(0);
  const data = at + 512;
  const size = Number.parseInt(
    tarball
      .subarray(at + 124, at + 136)
      .toString()
      .trim(),
    8,
  );
  const offset = pick(tarball.subarray(data, data + size));
  tarball[data + offset] = tarball[data + offset]! ^ 0x01;
  return gzipSync(tarball);
}

describe(`backup and restore (${DIALECT} source)`, () => {
  let source: EmptyApp;
  let app: FastifyInstance;
  let sourceDir: string;
  let token: string;
  let archive: Buffer;
  let sourceDump: Record<string, string[]>;
  const targets: Target[] = [];

  const as = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } });

  const target = async (dialect: DialectName) => {
    const t = await freshTarget(dialect);
    targets.push(t);
    return t;
  };

  /** A refused restore left the database without a record and the file store without a file. */
  const expectUntouched = async (t: Target) => {
    expect(await recordCount(t.handle)).toBe(0);
    expect(storedFiles(t.dataDir)).toEqual({});
  };

  beforeAll(async () => {
    source = await emptyApp();
    app = source.app;
    sourceDir = app.config.dataDir;
    await loadDemo(app);
    const admin = await source.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoDataset.admin.email)
      .executeTakeFirstOrThrow();
    token = (
      await createToken(
        {
          db: source.handle.db,
          dialect: source.handle.dialect,
          actor: { ...ANONYMOUS, id: admin.id, role: 'admin', name: 'test' },
        },
        'backup test',
        admin.id,
      )
    ).token;
    // Files of several sizes (one spans many tar blocks and gzip chunks).
    for (const content of [pdf('one'), pdf(randomBytes(300_000).toString('hex'))]) {
      const body = multipart(content, { name: 'attachment.pdf' });
      const res = await as({
        method: 'POST',
        url: '/api/v1/files',
        payload: body.payload,
        headers: body.headers,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The text of an upload is extracted after it is answered: let that finish first, so the
    // source stays as it was backed up.
    for (let i = 0; i < 100; i += 1) {
      const [files, texts] = await Promise.all(
        (['files', 'fileTexts'] as const).map(async (table) =>
          Number(
            (
              await source.handle.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
      if (files === texts) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    archive = await backupToBuffer(source.handle, sourceDir);
    sourceDump = await dump(source.handle);
  }, 180_000);

  afterAll(async () => {
    for (const t of targets) {
      await t.drop();
    }
    await source?.close();
  });

  it('archives every table the database holds, except those rebuilt from others', async () => {
    const manifest = (await entriesOf(archive)).find((e) => e.name === 'manifest.json');
    const parsed = JSON.parse(manifest!.data.toString()) as Manifest;
    // Read from the catalog here, not from the backup's list: a table unknown to it would show.
    const raw = source.handle.db.withoutPlugins();
    const catalog =
      source.handle.dialect === 'postgres'
        ? (
            await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = ${source.handle.schema} and table_type = 'BASE TABLE'`.execute(
              raw,
            )
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select name from sqlite_schema where type = 'table'
              and name not like 'sqlite%' and sql not like 'CREATE VIRTUAL TABLE%'
              and name not like 'search_fts_%' and name not like 'search_title_fts_%'`.execute(raw)
          ).rows.map((r) => r.name);
    const expected = catalog.filter((name) => !(name in DERIVED_TABLES)).sort();
    expect(parsed.tables.map((t) => t.name).sort()).toEqual(expected);
    expect(parsed.migrations.length).toBeGreaterThan(10);
    expect(parsed.sourceDialect).toBe(DIALECT);
    expect(parsed.checksum).toBe(manifestChecksum(parsed));
    // The demo fills the tables that matter, and their counts are in the manifest.
    for (const table of ['users', 'meetings', 'decisions', 'audit_events', 'files']) {
      expect(parsed.tables.find((t) => t.name === table)?.rows).toBe(sourceDump[table]!.length);
      expect(sourceDump[table]!.length).toBeGreaterThan(0);
    }
    // Parents come before the tables that refer to them.
    const order = parsed.tables.map((t) => t.name);
    expect(order.indexOf('meetings')).toBeLessThan(order.indexOf('decisions'));
    expect(order.indexOf('decisions')).toBeLessThan(order.indexOf('assignments'));
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`restores into a fresh ${dialect} database every record and every file`, async () => {
      const t = await target(dialect);
      const summary = await restoreDatabase(t.handle, t.dataDir, Readable.from(archive));
      expect(summary.sourceDialect).toBe(DIALECT);
      expect(await dump(t.handle)).toEqual(sourceDump);
      const files = storedFiles(t.dataDir);
      expect(files).toEqual(storedFiles(sourceDir));
      expect(Object.keys(files).length).toBeGreaterThanOrEqual(2);
      const chain = await verifyAuditChain(t.handle.db);
      expect(chain).toMatchObject({ ok: true, checked: sourceDump.audit_events!.length });

      // The restored database works: counters continue (the audit chain, PostgreSQL's identity
      // of search entries) and search finds what was indexed and what is new.
      const config = loadConfig(
        { PLENUM_DATA_DIR: t.dataDir },
        { logLevel: 'silent', webDir: path.join(t.dataDir, 'no-web') },
      );
      const restored = await buildApp({ config, database: t.handle, logger: false });
      try {
        const auth = { authorization: `Bearer ${token}` };
        // The demo administrator's token of the source is a record like any other.
        const me = await restored.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth });
        expect(me.statusCode).toBe(200);
        const created = await restored.inject({
          method: 'POST',
          url: '/api/v1/persons',
          headers: auth,
          payload: { name: { en: 'Restoria Backupova' }, memberState: 'RUS' },
        });
        expect(created.statusCode, created.body).toBe(201);
        const after = await verifyAuditChain(t.handle.db);
        expect(after.ok).toBe(true);
        expect(after.checked).toBeGreaterThan(sourceDump.audit_events!.length);
        const searchIds = await t.handle.db.selectFrom('searchDocuments').select('id').execute();
        expect(new Set(searchIds.map((r) => Number(r.id))).size).toBe(searchIds.length);
      } finally {
        await restored.close();
      }
    }, 120_000);
  }

  it('refuses a truncated archive and leaves nothing behind', async () => {
    for (const cut of [archive.length - 40, Math.floor(archive.length / 2), 100]) {
      const t = await target(DIALECT);
      await expect(
        restoreDatabase(t.handle, t.dataDir, Readable.from(archive.subarray(0, cut))),
      ).rejects.toThrow(/truncated/);
      await expectUntouched(t);
    }
  });

  it('refuses an archive with one byte changed in a table entry, naming the entry', async () => {
    const entry = 'tables/decisions/000001.jsonl';
    const altered = tamper(archive, entry, (data) => data.indexOf(' the ') + 1);
    const t = await target(DIALECT);
    const refused = restoreDatabase(t.handle, t.dataDir, Readable.from(altered));
    await expect(refused).rejects.toThrow(RestoreError);
    await expect(refused).rejects.toThrow(`Entry ${entry}: its SHA-256 differs`);
    await expectUntouched(t);
  });

  it('refuses an archive with one byte changed in a file, naming the file', async () => {
    const [sha] = Object.keys(storedFiles(sourceDir)).sort();
    const altered = tamper(archive, `files/${sha}`, (data) => data.length - 10);
    const t = await target(DIALECT);
    await expect(restoreDatabase(t.handle, t.dataDir, Readable.from(altered))).rejects.toThrow(
      `Entry files/${sha}: the content does not match its SHA-256`,
    );
    await expectUntouched(t);
  });

  it('refuses an archive missing a file, or whose manifest does not match', async () => {
    const entries = await entriesOf(archive);
    const file = entries.find((e) => e.name.startsWith('files/'))!;
    const t1 = await target(DIALECT);
    await expect(
      restoreDatabase(
        t1.handle,
        t1.dataDir,
        Readable.from(await packEntries(entries.filter((e) => e !== file))),
      ),
    ).rejects.toThrow(`File ${file.name} is listed in the manifest but missing`);
    await expectUntouched(t1);

    // A manifest changed without its checksum…
    const manifestAt = entries.findIndex((e) => e.name === 'manifest.json');
    const manifest = JSON.parse(entries[manifestAt]!.data.toString()) as Manifest;
    const decisions = manifest.tables.find((t) => t.name === 'decisions')!;
    decisions.rows += 1;
    decisions.entries[0]!.rows += 1;
    const withManifest = (m: Manifest) =>
      packEntries(
        entries.map((e, i) =>
          i === manifestAt ? { ...e, data: Buffer.from(JSON.stringify(m)) } : e,
        ),
      );
    const t2 = await target(DIALECT);
    await expect(
      restoreDatabase(t2.handle, t2.dataDir, Readable.from(await withManifest(manifest))),
    ).rejects.toThrow('manifest.json does not match its checksum');
    await expectUntouched(t2);

    // …and with it: the rows counted do not match the rows listed.
    const t3 = await target(DIALECT);
    await expect(
      restoreDatabase(
        t3.handle,
        t3.dataDir,
        Readable.from(await withManifest({ ...manifest, checksum: manifestChecksum(manifest) })),
      ),
    ).rejects.toThrow(
      `Entry tables/decisions/000001.jsonl: ${decisions.rows - 1} rows where the manifest lists ${decisions.rows}`,
    );
    await expectUntouched(t3);

    // Not an archive at all.
    const t4 = await target(DIALECT);
    await expect(
      restoreDatabase(t4.handle, t4.dataDir, Readable.from(Buffer.from('not a backup'))),
    ).rejects.toThrow(RestoreError);
    await expectUntouched(t4);
  });

  it('carries a table added behind its back, and refuses it where the schemas differ', async () => {
    const t = await target(DIALECT);
    await restoreDatabase(t.handle, t.dataDir, Readable.from(archive));
    await sql`create table backup_probe (id text primary key, n integer not null)`.execute(
      t.handle.db,
    );
    await sql`insert into backup_probe (id, n) values ('a', 1)`.execute(t.handle.db);
    const probe = await backupToBuffer(t.handle, t.dataDir);
    const manifest = JSON.parse(
      (await entriesOf(probe)).find((e) => e.name === 'manifest.json')!.data.toString(),
    ) as Manifest;
    expect(manifest.tables.find((x) => x.name === 'backup_probe')).toMatchObject({
      rows: 1,
      columns: [
        { name: 'id', type: 'text' },
        { name: 'n', type: 'integer' },
      ],
    });
    // A database of this version has no such table: refused, nothing written.
    const lacking = await target(DIALECT);
    await expect(
      restoreDatabase(lacking.handle, lacking.dataDir, Readable.from(probe)),
    ).rejects.toThrow('The archive holds table backup_probe, which this database lacks.');
    await expectUntouched(lacking);
    // A database with a table the archive lacks: refused too.
    const extra = await target(DIALECT);
    await migrateToLatest(extra.handle.db, extra.handle.schema);
    await sql`create table backup_probe (id text primary key)`.execute(extra.handle.db);
    await expect(
      restoreDatabase(extra.handle, extra.dataDir, Readable.from(archive)),
    ).rejects.toThrow('The archive lacks the table(s) backup_probe of this database.');
    await expectUntouched(extra);
  }, 60_000);

  it('restores an archive of an older schema and migrates it to this version', async () => {
    const names = Object.keys(migrations).sort();
    const old = await target(DIALECT);
    const migrator = new Migrator({
      db: old.handle.db,
      provider: { getMigrations: async () => migrations },
      ...(old.handle.schema ? { migrationTableSchema: old.handle.schema } : {}),
    });
    expect((await migrator.migrateTo(names[names.length - 2]!)).error).toBeUndefined();
    const archived = await backupToBuffer(old.handle, old.dataDir);
    const t = await target(DIALECT);
    const summary = await restoreDatabase(t.handle, t.dataDir, Readable.from(archived));
    expect(summary.migratedAfter).toEqual([names[names.length - 1]]);
    const applied = await t.handle.db
      .withoutPlugins()
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.length).toBe(names.length);
  }, 60_000);

  it('refuses to restore into a database that holds data, changing nothing', async () => {
    const before = await dump(source.handle);
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-restore-busy-'));
    try {
      await expect(
        restoreDatabase(source.handle, otherDir, Readable.from(archive)),
      ).rejects.toThrow(
        /The database is not empty \(.*\); restore only into a new, empty database/,
      );
      expect(await dump(source.handle)).toEqual(before);
      expect(storedFiles(otherDir)).toEqual({});
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
    // A migrated but empty database is fine (what `plenum migrate` leaves).
    const t = await target(DIALECT);
    await migrateToLatest(t.handle.db, t.handle.schema);
    await restoreDatabase(t.handle, t.dataDir, Readable.from(archive));
    expect(await recordCount(t.handle)).toBe(await recordCount(source.handle));
  }, 60_000);

  it('backs up one instant while writers go on', async () => {
    // Assignments of decisions still open (a superseded decision takes no reports).
    const assignments = await source.handle.db
      .selectFrom('assignments')
      .innerJoin('decisions', 'decisions.id', 'assignments.decisionId')
      .select(['assignments.id', 'assignments.decisionId'])
      .where('decisions.closedAs', 'is', null)
      .execute();
    const reportsBefore = (await dump(source.handle)).implementation_reports!.length;
    let writes = 0;
    // The archive's consumer reports implementations while the backup is being written: the
    // backup waits for each write (backpressure), so writes land between its reads.
    const chunks: Buffer[] = [];
    const slow = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        const a = assignments[writes % assignments.length]!;
        writes += 1;
        as({
          method: 'POST',
          url: `/api/v1/decisions/${a.decisionId}/reports`,
          payload: { assignmentId: a.id, status: 'in_progress', text: { en: `Report ${writes}` } },
        }).then(
          (res) => cb(res.statusCode === 201 ? null : new Error(res.body)),
          (error: Error) => cb(error),
        );
      },
    });
    let writesWhileReading = 0;
    await backupToBuffer(source.handle, sourceDir, slow, {
      onProgress: (p) => {
        if (p.kind === 'table' && p.index === p.tables) {
          writesWhileReading = writes;
        }
      },
    });
    const snapshot = Buffer.concat(chunks);
    expect(writesWhileReading).toBeGreaterThan(1);
    const live = await dump(source.handle);
    expect(live.implementation_reports!.length).toBe(reportsBefore + writes);

    const t = await target(DIALECT);
    await restoreDatabase(t.handle, t.dataDir, Readable.from(snapshot));
    const reports = await t.handle.db.selectFrom('implementationReports').select('id').execute();
    // The snapshot was taken when the backup started, before the first write.
    expect(reports.length).toBe(reportsBefore);
    // One instant: every assignment's latest report is in the archive, the reports and their
    // audit events agree, and the chain verifies.
    const ids = new Set(reports.map((r) => r.id));
    const latest = await t.handle.db
      .selectFrom('assignments')
      .select('latestReportId')
      .where('latestReportId', 'is not', null)
      .execute();
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((a) => ids.has(a.latestReportId!))).toBe(true);
    const reported = await t.handle.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'report')
      .where('entityType', '=', 'assignment')
      .executeTakeFirstOrThrow();
    expect(Number(reported.n)).toBe(reports.length);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  }, 120_000);

  it('stops with the error of an output that fails', async () => {
    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        cb(written > 20_000 ? new Error('No space left on device') : null);
      },
    });
    await expect(backupToBuffer(source.handle, sourceDir, failing)).rejects.toThrow(
      'No space left on device',
    );
  });

  it('backs up and restores through the command line, with progress on stderr', async () => {
    // The command line reads the database of its own URL: a SQLite copy of the demo.
    const from = await target('sqlite');
    await restoreDatabase(from.handle, from.dataDir, Readable.from(archive));
    const fromDump = await dump(from.handle);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-cli-backup-'));
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'plenum'), ...args], {
          env: { ...process.env, PLENUM_LOG_LEVEL: 'silent', ...env },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    try {
      const file = path.join(dir, 'plenum.tar.gz');
      const backup = await run(['backup', file], {
        PLENUM_DATABASE_URL: from.url,
        PLENUM_DATA_DIR: from.dataDir,
      });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stderr).toMatch(/decisions\s+\d+ rows/);
      expect(backup.stderr).toMatch(/Backed up \d+ records of \d+ tables and \d+ files/);

      const into = path.join(dir, 'restored');
      const restore = await run(['restore', file], {
        PLENUM_DATABASE_URL: `sqlite:${path.join(into, 'plenum.db')}`,
        PLENUM_DATA_DIR: into,
      });
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stderr).toMatch(/Restored \d+ records .* every checksum verified/);
      const restored = openDatabase(`sqlite:${path.join(into, 'plenum.db')}`);
      try {
        expect(await dump(restored)).toEqual(fromDump);
      } finally {
        await restored.close();
      }
      expect(storedFiles(into)).toEqual(storedFiles(from.dataDir));

      // A truncated archive: a non-zero exit, a message naming the problem, nothing written.
      const cut = path.join(dir, 'cut.tar.gz');
      fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 2000));
      const other = path.join(dir, 'other');
      const refused = await run(['restore', cut], {
        PLENUM_DATABASE_URL: `sqlite:${path.join(other, 'plenum.db')}`,
        PLENUM_DATA_DIR: other,
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/restore refused: .*truncated/);
      expect(storedFiles(other)).toEqual({});
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
