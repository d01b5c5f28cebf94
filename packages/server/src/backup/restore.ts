import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type Kysely, Migrator } from 'kysely';
import tar from 'tar-stream';
import type { DbHandle } from '../db/dialect.ts';
import { migrations } from '../db/migrations/index.ts';
import { quoteId } from './backup.ts';
import {
  type BackupProgress,
  ENTRY_BYTES,
  type EntryRecord,
  FILE_ENTRY,
  HEADER_ENTRY,
  type Header,
  headerOf,
  MANIFEST_ENTRY,
  type Manifest,
  manifestChecksum,
  sha256Hex,
  TABLE_ENTRY,
  ZHeader,
  ZManifest,
} from './manifest.ts';
import { appliedMigrations, kyselyQuery, listTables, type TableSpec } from './schema.ts';

/**
 * A restore refused: the archive is damaged, incomplete or does not fit, or the database is not
 * empty. Nothing was written when it is thrown.
 */
export class RestoreError extends Error {}

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  sourceDialect: string;
  createdAt: string;
  /** Migrations applied after the load, when the archive came from an older schema. */
  migratedAfter: string[];
}

export interface RestoreOptions {
  onProgress?: (progress: BackupProgress) => void;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

// A table entry is cut at about ENTRY_BYTES; anything much larger is not one of ours.
const MAX_TABLE_ENTRY = ENTRY_BYTES * 4;
const MAX_JSON_ENTRY = 256 * 1024 * 1024;
// Stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMS = 30_000;

async function readAll(
  entry: AsyncIterable<unknown>,
  limit: number,
  name: string,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const item of entry) {
    const chunk = item as Buffer;
    size += chunk.length;
    if (size > limit) {
      throw new RestoreError(`Entry ${name} is larger than any entry a backup writes.`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function parseJson<T>(
  data: Buffer,
  name: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): T {
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    throw new RestoreError(`Entry ${name} is not valid JSON: the archive is damaged.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RestoreError(`Entry ${name} is not a Plenum backup ${name.replace('.json', '')}.`);
  }
  return parsed.data;
}

function checkValue(
  table: TableSpec,
  index: number,
  value: unknown,
  where: string,
): string | number | null {
  const column = table.columns[index]!;
  const ok =
    value === null ||
    (column.type === 'text' && typeof value === 'string') ||
    (column.type === 'integer' && Number.isSafeInteger(value)) ||
    (column.type === 'real' && typeof value === 'number' && Number.isFinite(value));
  if (!ok) {
    throw new RestoreError(
      `${where}: column ${column.name} holds a value that is not ${column.type}.`,
    );
  }
  return value as string | number | null;
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fsp.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const unreadable = (error: Error) =>
  new RestoreError(
    `The archive cannot be read to its end (${error.message}): it is truncated or damaged.`,
  );

/** Whether the database holds any record, and which tables do (for the refusal's message). */
async function heldRecords(handle: DbHandle): Promise<string[]> {
  const query = kyselyQuery(handle.db);
  const held: string[] = [];
  for (const table of await listTables(query, handle.dialect, handle.schema)) {
    const [row] = await query(`select count(*) as n from ${quoteId(table.name)}`);
    const n = Number(row?.n ?? 0);
    if (n > 0) {
      held.push(`${table.name}: ${n}`);
    }
  }
  return held;
}

/** The archive's schema and the database's must agree table by table and column by column. */
function compareSchemas(header: Header, target: TableSpec[]): void {
  const ours = new Map(target.map((t) => [t.name, t]));
  for (const table of header.tables) {
    const mine = ours.get(table.name);
    if (!mine) {
      throw new RestoreError(`The archive holds table ${table.name}, which this database lacks.`);
    }
    const cols = new Map(mine.columns.map((c) => [c.name, c.type]));
    for (const c of table.columns) {
      if (cols.get(c.name) !== c.type) {
        throw new RestoreError(
          `Table ${table.name}: the archive's column ${c.name} (${c.type}) ` +
            (cols.has(c.name) ? `is ${cols.get(c.name)} here.` : 'does not exist here.'),
        );
      }
    }
    if (mine.columns.length !== table.columns.length) {
      const theirs = new Set(table.columns.map((c) => c.name));
      const extra = mine.columns.filter((c) => !theirs.has(c.name)).map((c) => c.name);
      throw new RestoreError(
        `Table ${table.name}: the archive lacks the column(s) ${extra.join(', ')} of this database.`,
      );
    }
    ours.delete(table.name);
  }
  if (ours.size > 0) {
    throw new RestoreError(
      `The archive lacks the table(s) ${[...ours.keys()].join(', ')} of this database.`,
    );
  }
}

/** The archive's migrations must be this version's first ones, in Kysely's (name) order. */
function checkMigrations(header: Header): void {
  const known = Object.keys(migrations).sort();
  header.migrations.forEach((name, i) => {
    if (known[i] !== name) {
      throw new RestoreError(
        known.includes(name)
          ? `The archive's migrations are not in this version's order (at ${name}).`
          : `The archive was written by a newer Plenum: migration ${name} is unknown here.`,
      );
    }
  });
}

/** Rows of one table entry, inserted in statements of several rows. */
async function insertRows(
  trx: AnyDb,
  table: TableSpec,
  rows: (string | number | null)[][],
): Promise<void> {
  const perStatement = Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / table.columns.length)));
  const self = new Set(table.selfReferences);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => {
      const record: Record<string, unknown> = {};
      table.columns.forEach((c, j) => {
        // References within the table are set once all its rows are in (restoreSelfReferences).
        record[c.name] = self.has(c.name) ? null : row[j];
      });
      return record;
    });
    await trx.insertInto(table.name).values(values).execute();
  }
}

/**
 * The second step of a table whose rows refer to each other (a body's parent body): the
 * references, held back while the rows went in, are set now that every row exists.
 */
async function restoreSelfReferences(
  trx: AnyDb,
  table: TableSpec,
  pending: { key: unknown[]; column: string; value: unknown }[],
): Promise<void> {
  if (pending.length > 0 && table.primaryKey.length === 0) {
    throw new RestoreError(`Table ${table.name} refers to itself but has no primary key.`);
  }
  for (const p of pending) {
    let update = trx.updateTable(table.name).set({ [p.column]: p.value });
    table.primaryKey.forEach((k, i) => {
      update = update.where(k, '=', p.key[i]);
    });
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new RestoreError(`Table ${table.name}: a reference within the table could not be set.`);
    }
  }
}

/** PostgreSQL identity columns continue after the highest restored value. */
async function resetSequences(handle: DbHandle, trx: AnyDb): Promise<void> {
  if (handle.dialect !== 'postgres') {
    // SQLite's integer primary keys continue from the highest row by themselves.
    return;
  }
  const query = kyselyQuery(trx);
  const identities = await query(
    `select table_name as t, column_name as c from information_schema.columns
      where table_schema = $1 and (is_identity = 'YES' or column_default like 'nextval(%')`,
    [handle.schema ?? 'public'],
  );
  for (const { t, c } of identities) {
    const table = quoteId(String(t));
    const column = quoteId(String(c));
    await query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce(max(${column}), 0) + 1, false)
         from ${table}`,
      [`${quoteId(String(handle.schema ?? 'public'))}.${table}`, String(c)],
    );
  }
}

/**
 * Loads an archive written by `backupDatabase` into an empty database (SQLite or PostgreSQL,
 * whichever wrote it) and its files into `<dataDir>/files`. All or nothing: the records go in
 * one transaction that commits only after every entry's row count and SHA-256, every file's
 * SHA-256 and the manifest's own checksum were verified; files wait in a temporary folder and
 * move into place after the commit. Anything wrong throws a RestoreError naming the entry.
 */
export async function restoreDatabase(
  handle: DbHandle,
  dataDir: string,
  input: Readable,
  opts: RestoreOptions = {},
): Promise<RestoreSummary> {
  const held = await heldRecords(handle);
  if (held.length > 0) {
    input.destroy();
    throw new RestoreError(
      `The database is not empty (${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}); ` +
        'restore only into a new, empty database.',
    );
  }

  const filesRoot = path.resolve(dataDir, 'files');
  const staging = path.join(filesRoot, 'tmp', `restore-${randomBytes(8).toString('hex')}`);
  const extract = tar.extract();
  const gunzip = createGunzip();
  let readError: Error | null = null;
  const fail = (error: Error) => {
    readError ??= error;
    extract.destroy(error);
  };
  input.on('error', fail);
  gunzip.on('error', fail);
  input.pipe(gunzip).pipe(extract);
  const entries = extract[Symbol.asyncIterator]();

  /** The next entry, with a reading failure (truncation, corruption) told as such. */
  const next = async () => {
    try {
      const result = await entries.next();
      return result.done ? null : result.value;
    } catch (error) {
      if (error instanceof RestoreError) {
        throw error;
      }
      throw unreadable(error as Error);
    }
  };

  let migratedAfter: string[] = [];
  let summary: Omit<RestoreSummary, 'migratedAfter'>;
  try {
    summary = await load();
  } catch (error) {
    if (readError && !(error instanceof RestoreError)) {
      throw unreadable(readError);
    }
    throw error;
  } finally {
    input.destroy();
    extract.destroy();
    await fsp.rm(staging, { recursive: true, force: true });
  }
  return { ...summary, migratedAfter };

  async function load(): Promise<Omit<RestoreSummary, 'migratedAfter'>> {
    const first = await next();
    if (!first || first.header.name !== HEADER_ENTRY) {
      throw new RestoreError(
        `The archive does not start with ${HEADER_ENTRY}: not a Plenum backup.`,
      );
    }
    const header = parseJson(
      await readAll(first, MAX_JSON_ENTRY, HEADER_ENTRY),
      HEADER_ENTRY,
      ZHeader,
    );
    checkMigrations(header);

    // Bring the database to the archive's schema (it may predate this version's newest tables).
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => migrations },
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
    const applied = await appliedMigrations(kyselyQuery(handle.db), handle.dialect, handle.schema);
    const target = header.migrations[header.migrations.length - 1]!;
    if (applied.length > header.migrations.length) {
      throw new RestoreError(
        `The database is migrated past the archive (to ${applied[applied.length - 1]}, the ` +
          `archive to ${target}); restore into a database that was not migrated, or one as old.`,
      );
    }
    const { error } = await migrator.migrateTo(target);
    if (error) {
      throw new Error(`Migrating the database to ${target} failed: ${String(error)}`);
    }
    const specs = await listTables(kyselyQuery(handle.db), handle.dialect, handle.schema);
    compareSchemas(header, specs);

    await fsp.mkdir(staging, { recursive: true });
    const summary = await (handle.db.withoutPlugins() as unknown as AnyDb)
      .transaction()
      .execute(async (trx) => {
        // The archive's columns (in its order), this database's keys: a key or a reference
        // within a table is never taken from the archive.
        const mine = new Map(specs.map((t) => [t.name, t]));
        const load: TableSpec[] = header.tables.map((t) => ({
          ...t,
          primaryKey: mine.get(t.name)!.primaryKey,
          selfReferences: mine.get(t.name)!.selfReferences,
        }));
        const tableIndex = new Map(load.map((t, i) => [t.name, i]));
        const seen = new Map<string, EntryRecord[]>();
        const files = new Map<string, number>();
        let fileBytes = 0;
        let current = -1;
        let pending: { key: unknown[]; column: string; value: unknown }[] = [];
        let tableRows = 0;
        const finishTable = async () => {
          if (current >= 0 && current < load.length) {
            const spec = load[current]!;
            await restoreSelfReferences(trx, spec, pending);
            opts.onProgress?.({
              kind: 'table',
              table: spec.name,
              index: current + 1,
              tables: header.tables.length,
              rows: tableRows,
            });
          }
          pending = [];
          tableRows = 0;
        };
        let manifest: Manifest | null = null;

        for (let entry = await next(); entry; entry = await next()) {
          const name = entry.header.name;
          if (manifest) {
            throw new RestoreError(`Entry ${name} follows the manifest: the archive was altered.`);
          }
          if (entry.header.type !== 'file') {
            throw new RestoreError(`Entry ${name} is not a plain file: not a Plenum backup entry.`);
          }
          const tableMatch = TABLE_ENTRY.exec(name);
          const fileMatch = FILE_ENTRY.exec(name);
          if (tableMatch) {
            const index = tableIndex.get(tableMatch[1]!);
            if (index === undefined || index < current || files.size > 0) {
              throw new RestoreError(`Entry ${name} is out of place or names an unknown table.`);
            }
            if (index !== current) {
              await finishTable();
              current = index;
            }
            const spec = load[index]!;
            const records = seen.get(spec.name) ?? [];
            if (Number(tableMatch[2]) !== records.length + 1) {
              throw new RestoreError(`Entry ${name} is out of sequence: an entry is missing.`);
            }
            const data = await readAll(entry, MAX_TABLE_ENTRY, name);
            const text = data.toString('utf8');
            const lines = text === '' ? [] : text.split('\n');
            if (lines.length > 0 && lines.pop() !== '') {
              throw new RestoreError(`Entry ${name} ends in the middle of a row: it is damaged.`);
            }
            const rows = lines.map((line, n) => {
              const where = `Entry ${name}, row ${n + 1}`;
              let values: unknown;
              try {
                values = JSON.parse(line);
              } catch {
                throw new RestoreError(`${where} is not valid JSON: the archive is damaged.`);
              }
              if (!Array.isArray(values) || values.length !== spec.columns.length) {
                throw new RestoreError(
                  `${where} does not have the table's ${spec.columns.length} columns.`,
                );
              }
              return values.map((v, i) => checkValue(spec, i, v, where));
            });
            for (const column of spec.selfReferences) {
              const c = spec.columns.findIndex((col) => col.name === column);
              const keys = spec.primaryKey.map((k) =>
                spec.columns.findIndex((col) => col.name === k),
              );
              for (const row of rows) {
                if (row[c] !== null) {
                  pending.push({ key: keys.map((k) => row[k]), column, value: row[c] });
                }
              }
            }
            try {
              await insertRows(trx, spec, rows);
            } catch (error) {
              // Checksums are compared at the end; a damaged row may already break a constraint.
              throw new RestoreError(
                `Entry ${name} could not be loaded (${(error as Error).message}): ` +
                  'the archive is damaged or altered.',
              );
            }
            tableRows += rows.length;
            records.push({ name, rows: rows.length, size: data.length, sha256: sha256Hex(data) });
            seen.set(spec.name, records);
          } else if (fileMatch) {
            await finishTable();
            current = header.tables.length;
            const sha256 = fileMatch[1]!;
            if (files.has(sha256)) {
              throw new RestoreError(`Entry ${name} appears twice: the archive was altered.`);
            }
            const hash = createHash('sha256');
            let size = 0;
            const out = fs.createWriteStream(path.join(staging, sha256), { flags: 'wx' });
            try {
              for await (const item of entry) {
                const chunk = item as Buffer;
                hash.update(chunk);
                size += chunk.length;
                if (!out.write(chunk)) {
                  await new Promise<void>((resolve) => out.once('drain', resolve));
                }
              }
            } finally {
              await new Promise<void>((resolve, reject) =>
                out.end((error?: Error | null) => (error ? reject(error) : resolve())),
              );
            }
            if (hash.digest('hex') !== sha256) {
              throw new RestoreError(
                `Entry ${name}: the content does not match its SHA-256 (changed or damaged).`,
              );
            }
            // On disk before the records that refer to it commit (as platform/files.ts does).
            await fsyncPath(path.join(staging, sha256));
            files.set(sha256, size);
            fileBytes += size;
            if (files.size % 100 === 0) {
              opts.onProgress?.({
                kind: 'files',
                files: files.size,
                bytes: fileBytes,
                done: false,
              });
            }
          } else if (name === MANIFEST_ENTRY) {
            await finishTable();
            current = header.tables.length;
            manifest = parseJson(await readAll(entry, MAX_JSON_ENTRY, name), name, ZManifest);
          } else {
            throw new RestoreError(`Entry ${name} is not part of a Plenum backup.`);
          }
        }
        if (!manifest) {
          throw new RestoreError(
            `The archive ends without its ${MANIFEST_ENTRY}: it is truncated.`,
          );
        }
        opts.onProgress?.({ kind: 'files', files: files.size, bytes: fileBytes, done: true });

        // Everything is read: now the manifest must vouch for every entry.
        if (manifestChecksum(manifest) !== manifest.checksum) {
          throw new RestoreError(
            `The ${MANIFEST_ENTRY} does not match its checksum: it was altered.`,
          );
        }
        if (JSON.stringify(headerOf(manifest)) !== JSON.stringify(header)) {
          throw new RestoreError(`The ${MANIFEST_ENTRY} disagrees with ${HEADER_ENTRY}.`);
        }
        let rows = 0;
        for (const table of manifest.tables) {
          const got = seen.get(table.name) ?? [];
          const listed = new Map(table.entries.map((e) => [e.name, e]));
          for (const entry of got) {
            const expected = listed.get(entry.name);
            if (!expected) {
              throw new RestoreError(`Entry ${entry.name} is not listed in the manifest.`);
            }
            if (expected.sha256 !== entry.sha256 || expected.size !== entry.size) {
              throw new RestoreError(
                `Entry ${entry.name}: its SHA-256 differs from the manifest's (changed or damaged).`,
              );
            }
            if (expected.rows !== entry.rows) {
              throw new RestoreError(
                `Entry ${entry.name}: ${entry.rows} rows where the manifest lists ${expected.rows}.`,
              );
            }
            listed.delete(entry.name);
          }
          const [absent] = listed.keys();
          if (absent) {
            throw new RestoreError(`Entry ${absent} is listed in the manifest but missing.`);
          }
          const total = got.reduce((n, e) => n + e.rows, 0);
          if (total !== table.rows) {
            throw new RestoreError(
              `Table ${table.name}: ${total} rows where the manifest lists ${table.rows}.`,
            );
          }
          rows += total;
        }
        for (const file of manifest.files) {
          const size = files.get(file.sha256);
          if (size === undefined) {
            throw new RestoreError(
              `File files/${file.sha256} is listed in the manifest but missing.`,
            );
          }
          if (size !== file.size) {
            throw new RestoreError(
              `File files/${file.sha256} differs in size from the manifest's.`,
            );
          }
        }
        if (manifest.files.length !== files.size) {
          throw new RestoreError('The archive holds files the manifest does not list.');
        }
        // Every file a record refers to must be there.
        if (header.tables.some((t) => t.name === 'files')) {
          const stored = await trx.selectFrom('files').select('sha256').execute();
          const lacking = stored.find((f) => !files.has(String(f.sha256)));
          if (lacking) {
            throw new RestoreError(
              `The archive lacks the file ${String(lacking.sha256)} its records refer to.`,
            );
          }
        }
        await resetSequences(handle, trx);
        return {
          tables: manifest.tables.length,
          rows,
          files: files.size,
          fileBytes,
          sourceDialect: manifest.sourceDialect,
          createdAt: manifest.createdAt,
        };
      });

    // Committed: the files move into place (same file system, so each move is a rename).
    const dirs = new Set<string>();
    for (const name of await fsp.readdir(staging)) {
      const target = path.join(filesRoot, name.slice(0, 2), name.slice(2, 4), name);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) {
        await fsp.rm(path.join(staging, name));
      } else {
        await fsp.rename(path.join(staging, name), target);
        dirs.add(path.dirname(target));
      }
    }
    for (const dir of dirs) {
      await fsyncPath(dir);
    }
    // An archive of an older schema is brought up to this version's.
    const after = await new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => migrations },
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    }).migrateToLatest();
    if (after.error) {
      throw new Error(`The archive was restored, but migrating it failed: ${String(after.error)}`);
    }
    migratedAfter = (after.results ?? []).map((r) => r.migrationName);
    return summary;
  }
}
