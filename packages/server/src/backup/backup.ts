import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import tar from 'tar-stream';
import type { DbHandle } from '../db/dialect.ts';
import {
  type BackupProgress,
  ENTRY_BYTES,
  type EntryRecord,
  FORMAT,
  FORMAT_VERSION,
  fileEntryName,
  HEADER_ENTRY,
  type Header,
  MANIFEST_ENTRY,
  type Manifest,
  manifestChecksum,
  sha256Hex,
  tableEntryName,
} from './manifest.ts';
import {
  appliedMigrations,
  type CatalogQuery,
  type ColumnSpec,
  kyselyQuery,
  listTables,
  type TableSpec,
} from './schema.ts';

/** A backup that cannot be written as it should be; the message says what and where. */
export class BackupError extends Error {}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  manifest: Manifest;
}

export interface BackupOptions {
  onProgress?: (progress: BackupProgress) => void;
}

const BATCH_ROWS = 500;

export const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One consistent view of the database: its catalog and its rows, as of a single instant. */
interface Snapshot {
  query: CatalogQuery;
  rows(table: TableSpec): AsyncIterable<unknown[][]>;
}

function selectAll(table: TableSpec, dialect: 'sqlite' | 'postgres'): string {
  const cols = table.columns.map((c) => quoteId(c.name)).join(', ');
  const order =
    table.primaryKey.length > 0
      ? ` order by ${table.primaryKey.map(quoteId).join(', ')}`
      : dialect === 'sqlite'
        ? ' order by rowid'
        : '';
  return `select ${cols} from ${quoteId(table.name)}${order}`;
}

/**
 * SQLite: a read transaction on a connection of its own sees one WAL snapshot from its first read
 * to its end, while the server's connection goes on writing (WAL readers never block writers).
 */
async function withSqliteSnapshot<T>(
  handle: DbHandle,
  fn: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  const [main] = await kyselyQuery(handle.db)(
    "select file from pragma_database_list where name = 'main'",
  );
  const file = String(main?.file ?? '');
  if (file === '') {
    throw new BackupError('An in-memory SQLite database has no file a backup could read.');
  }
  const conn = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 5000');
    conn.exec('begin');
    // The snapshot is taken at the first read of the transaction.
    conn.prepare('select count(*) from sqlite_schema').get();
    return await fn({
      query: async (text, params = []) =>
        conn.prepare(text).all(...params) as Record<string, unknown>[],
      async *rows(table) {
        const stmt = conn.prepare(selectAll(table, 'sqlite')).raw(true);
        let batch: unknown[][] = [];
        for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
          batch.push(row);
          if (batch.length >= BATCH_ROWS) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) {
          yield batch;
        }
      },
    });
  } finally {
    if (conn.inTransaction) {
      conn.exec('rollback');
    }
    conn.close();
  }
}

/** PostgreSQL: one REPEATABLE READ, READ ONLY transaction; rows come through a cursor. */
async function withPostgresSnapshot<T>(
  handle: DbHandle,
  fn: (snapshot: Snapshot) => Promise<T>,
): Promise<T> {
  return handle.db
    .withoutPlugins()
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const query = kyselyQuery(trx);
      return fn({
        query,
        async *rows(table) {
          await query(`declare plenum_backup no scroll cursor for ${selectAll(table, 'postgres')}`);
          try {
            for (;;) {
              const rows = await query(`fetch ${BATCH_ROWS} from plenum_backup`);
              if (rows.length === 0) {
                break;
              }
              yield rows.map((row) => table.columns.map((c) => row[c.name]));
            }
          } finally {
            await trx.executeQuery(CompiledQuery.raw('close plenum_backup'));
          }
        },
      });
    });
}

/** A value in its dialect-neutral form: text, a safe integer, a finite real, or null. */
function neutral(table: string, column: ColumnSpec, value: unknown): string | number | null {
  if (value === null || value === undefined) {
    return null;
  }
  switch (column.type) {
    case 'text':
      if (typeof value === 'string') {
        return value;
      }
      break;
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) {
        return value;
      }
      if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
        return Number(value);
      }
      if (typeof value === 'boolean') {
        return value ? 1 : 0;
      }
      break;
    case 'real':
      if (typeof value === 'number' && Number.isFinite(value)) {
        return value;
      }
      break;
  }
  throw new BackupError(
    `Table ${table}, column ${column.name}: a value of type ${typeof value} where ${column.type} ` +
      'is declared; the backup stops rather than carry it changed.',
  );
}

function addBuffer(pack: tar.Pack, name: string, data: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const sink = pack.entry({ name, size: data.length, mtime, mode: 0o644 }, (error) =>
      error ? reject(error) : resolve(),
    );
    sink.on('error', reject);
    sink.end(data);
  });
}

/** The stored files, `<root>/<aa>/<bb>/<sha256>`, in name order (uploads in progress left out). */
async function storedFiles(root: string): Promise<{ sha256: string; path: string }[]> {
  const out: { sha256: string; path: string }[] = [];
  const hex2 = /^[0-9a-f]{2}$/;
  const dirs = async (dir: string) =>
    fs.existsSync(dir)
      ? (await fsp.readdir(dir, { withFileTypes: true })).filter(
          (d) => d.isDirectory() && hex2.test(d.name),
        )
      : [];
  for (const a of (await dirs(root)).sort((x, y) => x.name.localeCompare(y.name))) {
    for (const b of (await dirs(path.join(root, a.name))).sort((x, y) =>
      x.name.localeCompare(y.name),
    )) {
      const dir = path.join(root, a.name, b.name);
      for (const name of (await fsp.readdir(dir)).sort()) {
        if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(a.name + b.name)) {
          out.push({ sha256: name, path: path.join(dir, name) });
        }
      }
    }
  }
  return out;
}

/**
 * Writes one archive of every record of every table (as of one instant, while writers go on)
 * and every file of the file store to `out`, gzip-compressed. Memory stays bounded: rows are read
 * in batches and written in entries of about a megabyte, files are streamed.
 */
export async function backupDatabase(
  handle: DbHandle,
  dataDir: string,
  out: Writable,
  opts: BackupOptions = {},
): Promise<BackupSummary> {
  const createdAt = new Date();
  const pack = tar.pack();
  const gzip = createGzip();
  pack.on('error', (error: Error) => gzip.destroy(error));
  pack.pipe(gzip);
  const written = pipeline(gzip, out);
  // An output that fails (a full disk) stops the entries waiting on it; the awaits below raise it.
  let outputError: Error | null = null;
  written.catch((error: Error) => {
    outputError = error;
    pack.destroy(error);
  });

  try {
    const snapshot = handle.dialect === 'postgres' ? withPostgresSnapshot : withSqliteSnapshot;
    const referencedFiles = new Set<string>();
    const { header, tables } = await snapshot(handle, async (snap) => {
      const specs = await listTables(snap.query, handle.dialect, handle.schema);
      const header: Header = {
        format: FORMAT,
        formatVersion: FORMAT_VERSION,
        createdAt: createdAt.toISOString(),
        sourceDialect: handle.dialect,
        migrations: await appliedMigrations(snap.query, handle.dialect, handle.schema),
        tables: specs,
      };
      if (header.migrations.length === 0) {
        throw new BackupError(
          'The database has no migrations applied: there is nothing to back up.',
        );
      }
      await addBuffer(pack, HEADER_ENTRY, Buffer.from(JSON.stringify(header)), createdAt);

      const tables: Manifest['tables'] = [];
      for (const [index, spec] of specs.entries()) {
        const entries: EntryRecord[] = [];
        let lines: string[] = [];
        let bytes = 0;
        let rows = 0;
        const flush = async () => {
          const data = Buffer.from(lines.join(''));
          const name = tableEntryName(spec.name, entries.length + 1);
          entries.push({ name, rows: lines.length, size: data.length, sha256: sha256Hex(data) });
          await addBuffer(pack, name, data, createdAt);
          lines = [];
          bytes = 0;
        };
        const shaColumn =
          spec.name === 'files' ? spec.columns.findIndex((c) => c.name === 'sha256') : -1;
        for await (const batch of snap.rows(spec)) {
          for (const row of batch) {
            const values = spec.columns.map((c, i) => neutral(spec.name, c, row[i]));
            if (shaColumn >= 0) {
              referencedFiles.add(String(values[shaColumn]));
            }
            const line = `${JSON.stringify(values)}\n`;
            lines.push(line);
            bytes += Buffer.byteLength(line);
            rows += 1;
            if (bytes >= ENTRY_BYTES) {
              await flush();
            }
          }
        }
        if (lines.length > 0) {
          await flush();
        }
        tables.push({ ...spec, rows, entries });
        opts.onProgress?.({
          kind: 'table',
          table: spec.name,
          index: index + 1,
          tables: specs.length,
          rows,
        });
      }
      return { header, tables };
    });

    // Files after the records: a file is stored before any record refers to it and is never
    // changed, so every file the snapshot refers to is present by now.
    const files: Manifest['files'] = [];
    let fileBytes = 0;
    const root = path.resolve(dataDir, 'files');
    for (const file of await storedFiles(root)) {
      const size = (await fsp.stat(file.path)).size;
      const hash = createHash('sha256');
      await new Promise<void>((resolve, reject) => {
        const sink = pack.entry(
          { name: fileEntryName(file.sha256), size, mtime: createdAt, mode: 0o644 },
          (error) => (error ? reject(error) : resolve()),
        );
        sink.on('error', reject);
        (async () => {
          for await (const chunk of fs.createReadStream(file.path)) {
            hash.update(chunk as Buffer);
            if (!sink.write(chunk)) {
              await once(sink, 'drain');
            }
          }
          sink.end(() => {});
        })().catch((error: unknown) => {
          sink.destroy(error as Error);
          reject(error);
        });
      });
      if (hash.digest('hex') !== file.sha256) {
        throw new BackupError(
          `The stored file ${file.sha256} does not match its SHA-256: the file store is damaged.`,
        );
      }
      files.push({ sha256: file.sha256, size });
      fileBytes += size;
      if (files.length % 100 === 0) {
        opts.onProgress?.({ kind: 'files', files: files.length, bytes: fileBytes, done: false });
      }
    }
    opts.onProgress?.({ kind: 'files', files: files.length, bytes: fileBytes, done: true });
    const archived = new Set(files.map((f) => f.sha256));
    const missing = [...referencedFiles].filter((sha) => !archived.has(sha));
    if (missing.length > 0) {
      throw new BackupError(
        `The database refers to ${missing.length} file(s) missing from ${root} ` +
          `(${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}); ` +
          'a backup without them could not be restored.',
      );
    }

    const unsigned: Omit<Manifest, 'checksum'> = { ...header, tables, files };
    const manifest: Manifest = { ...unsigned, checksum: manifestChecksum(unsigned) };
    await addBuffer(pack, MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)), createdAt);
    pack.finalize();
    await written;
    return {
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      files: files.length,
      fileBytes,
      manifest,
    };
  } catch (error) {
    pack.destroy(error as Error);
    await written.catch(() => {});
    // The output's own failure is the cause, whatever step it interrupted.
    throw outputError ?? error;
  }
}
