import { z } from 'zod';

/**
 * Importing the directory from CSV or XLSX: member states, persons and organizations. The first
 * row names the columns (in any order); each later row is one record. Every row is checked by the
 * schema of the resource's create route, and a file is written whole or not at all.
 */
export const IMPORT_KINDS = ['member-states', 'persons', 'organizations'] as const;
export const ZImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ZImportKind>;

/** The header names a file may use, per kind, in the order the templates give them. */
export const IMPORT_COLUMNS = {
  'member-states': ['code', 'name_en', 'name_ru', 'status'],
  persons: ['name_en', 'name_ru', 'member_state', 'position_en', 'position_ru'],
  organizations: ['name_en', 'name_ru', 'member_state', 'kind'],
} as const satisfies Record<ImportKind, readonly string[]>;

/** At most this many bytes per file, and this many rows below the header. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const ZImportProblem = z.object({
  row: z.number().int().describe('The row in the file; the header is row 1'),
  column: z.string().nullable().describe('The column’s header name, or null for the whole row'),
  message: z.string().describe('What is wrong, in the caller’s language'),
});
export type ImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportSummary = z.object({
  rows: z.number().int().describe('Rows below the header that are not blank'),
  create: z.number().int().describe('Rows that create a record'),
  update: z.number().int().describe('Rows that change an existing record'),
  skip: z.number().int().describe('Rows equal to the record they match: nothing to change'),
  problems: z.number().int().describe('Rows with at least one problem (the header counts)'),
});
export type ImportSummary = z.infer<typeof ZImportSummary>;

export const ZImportResultFields = {
  kind: ZImportKind,
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean(),
  written: z.boolean().describe('Whether the rows were written (all of them) or not (none)'),
  summary: ZImportSummary,
  problems: z.array(ZImportProblem),
};
export const ZImportResult = z.object(ZImportResultFields);
export type ImportResult = z.infer<typeof ZImportResult>;
