import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The archive: a gzip-compressed tar of
 *   header.json                      what follows: format, migrations, dialect, tables and columns
 *   tables/<table>/<000001>.jsonl    the records, one JSON array of typed values per line, in the
 *                                    header's column order; tables in dependency order, each cut
 *                                    into entries of about 1 MB
 *   files/<sha256>                   every file of the file store
 *   manifest.json                    the header again with per-entry row counts, sizes and
 *                                    SHA-256s, every file's SHA-256 and size, and a checksum
 *                                    over the manifest itself
 * The header comes first so a restore can refuse an archive it cannot load before reading it;
 * the manifest comes last because its checksums are known only once everything is written.
 */

export const FORMAT = 'plenum-backup';
export const FORMAT_VERSION = 1;
export const HEADER_ENTRY = 'header.json';
export const MANIFEST_ENTRY = 'manifest.json';
/** A table entry is cut after this many bytes: memory stays bounded while writing and reading. */
export const ENTRY_BYTES = 1024 * 1024;

export const TABLE_ENTRY = /^tables\/([a-z][a-z0-9_]*)\/(\d{6})\.jsonl$/;
export const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;

export const tableEntryName = (table: string, chunk: number) =>
  `tables/${table}/${String(chunk).padStart(6, '0')}.jsonl`;
export const fileEntryName = (sha256: string) => `files/${sha256}`;

const ZName = z.string().regex(/^[a-z][a-z0-9_]*$/);
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ZCount = z.number().int().nonnegative();

const ZTableHeader = z.strictObject({
  name: ZName,
  columns: z.array(z.strictObject({ name: ZName, type: z.enum(['text', 'integer', 'real']) })),
  primaryKey: z.array(ZName),
  selfReferences: z.array(ZName),
});

export const ZHeader = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()).min(1),
  tables: z.array(ZTableHeader),
});
export type Header = z.infer<typeof ZHeader>;

const ZEntryRecord = z.strictObject({
  name: z.string(),
  rows: ZCount,
  size: ZCount,
  sha256: ZSha256,
});
export type EntryRecord = z.infer<typeof ZEntryRecord>;

export const ZManifest = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()).min(1),
  tables: z.array(ZTableHeader.extend({ rows: ZCount, entries: z.array(ZEntryRecord) })),
  files: z.array(z.strictObject({ sha256: ZSha256, size: ZCount })),
  checksum: ZSha256,
});
export type Manifest = z.infer<typeof ZManifest>;

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The checksum of a manifest: SHA-256 of its JSON without the checksum field. */
export function manifestChecksum(manifest: Omit<Manifest, 'checksum'> | Manifest): string {
  const { checksum: _ignored, ...rest } = manifest as Manifest;
  return sha256Hex(JSON.stringify(rest));
}

/** The header a manifest repeats (what must agree between the archive's first and last entry). */
export function headerOf(manifest: Manifest): Header {
  return {
    format: manifest.format,
    formatVersion: manifest.formatVersion,
    createdAt: manifest.createdAt,
    sourceDialect: manifest.sourceDialect,
    migrations: manifest.migrations,
    tables: manifest.tables.map((t) => ({
      name: t.name,
      columns: t.columns,
      primaryKey: t.primaryKey,
      selfReferences: t.selfReferences,
    })),
  };
}

/** Progress of a backup or a restore, for the command line (DESIGN §4: long work shows it). */
export type BackupProgress =
  | { kind: 'table'; table: string; index: number; tables: number; rows: number }
  | { kind: 'files'; files: number; bytes: number; done: boolean };
