import {
  IMPORT_COLUMNS,
  type ImportKind,
  type ImportProblem,
  type ImportResult,
  type LocalizedText,
  ZMemberStateCreate,
  ZOrganizationCreate,
  ZPersonCreate,
} from '@plenum/shared';
import type { z } from 'zod';
import { requireContentWriter } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { AppError, zodFieldErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { searchText, storeText } from '../../platform/text.ts';
import { insertOrganization, mapOrganization } from '../directory/organizations.repository.ts';
import { insertPerson, mapPerson } from '../directory/persons.repository.ts';
import {
  insertMemberState,
  mapMemberState,
  updateIfVersion,
  updateMemberState,
} from '../directory/repository.ts';
import { sortKey } from '../directory/service.ts';
import type { Lang } from '../exports/labels.ts';
import { reindexOrganization } from '../search/indexer.ts';
import { type ImportMessages, messagesOf } from './messages.ts';
import type { UploadedTable } from './read.ts';
import * as repo from './repository.ts';

/** One row below the header, by column name; empty cells are ''. */
interface Row {
  row: number;
  values: Record<string, string>;
}

/** What a valid row will do, and the write that does it inside the import's transaction. */
interface Step {
  row: number;
  action: 'create' | 'update' | 'skip';
  write: (trx: Tx, ctx: Ctx) => Promise<void>;
}

interface Plan {
  rows: number;
  steps: Step[];
  problems: ImportProblem[];
}

const normalHeader = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads the header row: which column each cell is; unknown, repeated and missing ones are problems. */
function readHeader(
  kind: ImportKind,
  header: string[],
  m: ImportMessages,
): { columns: (string | null)[]; problems: ImportProblem[] } {
  const allowed: readonly string[] = IMPORT_COLUMNS[kind];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((cell) => {
    const name = normalHeader(cell);
    if (name === '') {
      return null;
    }
    if (!allowed.includes(name)) {
      problems.push({ row: 1, column: cell.trim(), message: m.unknownColumn(allowed.join(', ')) });
      return null;
    }
    if (seen.has(name)) {
      problems.push({ row: 1, column: name, message: m.duplicateColumn });
      return null;
    }
    seen.add(name);
    return name;
  });
  if (!seen.has('name_en') && !seen.has('name_ru')) {
    problems.push({ row: 1, column: null, message: m.missingName });
  }
  const required =
    kind === 'member-states' ? ['code'] : kind === 'organizations' ? ['member_state', 'kind'] : [];
  for (const name of required) {
    if (!seen.has(name)) {
      problems.push({ row: 1, column: name, message: m.missingColumn });
    }
  }
  return { columns, problems };
}

/** A localized text from the `<field>_en` and `<field>_ru` cells over what is stored. */
function mergedText(
  stored: LocalizedText | null,
  values: Record<string, string>,
  field: string,
): LocalizedText | null {
  const out: Record<string, string> = { ...(stored ?? {}) };
  for (const lang of ['en', 'ru'] as const) {
    const value = values[`${field}_${lang}`];
    if (value) {
      out[lang] = value;
    }
  }
  return Object.keys(out).length > 0 ? (out as LocalizedText) : null;
}

const sameText = (a: LocalizedText | null, b: LocalizedText | null) =>
  (a?.en ?? null) === (b?.en ?? null) && (a?.ru ?? null) === (b?.ru ?? null);

/** The row's column a schema issue is about. */
function columnOf(path: readonly PropertyKey[]): string | null {
  const [field, lang] = path.map(String);
  switch (field) {
    case 'name':
    case 'position':
      return `${field}_${lang === 'ru' ? 'ru' : 'en'}`;
    case 'memberState':
      return 'member_state';
    case undefined:
      return null;
    default:
      return field;
  }
}

/** The create route's schema applied to the row's record: its issues as the row's problems. */
function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  row: number,
  lang: Lang,
  problems: ImportProblem[],
): z.infer<S> | null {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const issues = result.error.issues as unknown as Parameters<typeof zodFieldErrors>[0];
  const messages = zodFieldErrors(issues, lang);
  result.error.issues.forEach((issue, i) => {
    problems.push({ row, column: columnOf(issue.path), message: messages[i]?.message ?? '' });
  });
  return null;
}

const lower = (text: string) => text.toLocaleLowerCase('ru');

/** The keys a person or organization is matched by: its member state with either name. */
function nameKeys(state: string | null, name: LocalizedText | null): string[] {
  const keys: string[] = [];
  if (name?.en) {
    keys.push(`${state ?? ''}|en|${lower(name.en)}`);
  }
  if (name?.ru) {
    keys.push(`${state ?? ''}|ru|${lower(name.ru)}`);
  }
  return keys;
}

function indexByName<T extends { id: string; name: string; memberState: string | null }>(
  rows: T[],
): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    for (const key of nameKeys(row.memberState, JSON.parse(row.name) as LocalizedText)) {
      index.set(key, [...(index.get(key) ?? []), row]);
    }
  }
  return index;
}

/**
 * The stored record a row names (DESIGN: persons and organizations are matched by member state
 * and English name, else Russian name), or 'ambiguous' when several are.
 */
function matchByName<T>(index: Map<string, T[]>, keys: string[]): T | 'ambiguous' | undefined {
  for (const key of keys) {
    const found = index.get(key);
    if (found && found.length > 1) {
      return 'ambiguous';
    }
    if (found?.length === 1) {
      return found[0];
    }
  }
  return undefined;
}

/** Flags a row naming the same record as an earlier row of the file. */
function duplicateOf(
  seen: Map<string, number>,
  keys: string[],
  row: number,
  column: string,
  m: ImportMessages,
  problems: ImportProblem[],
): void {
  const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
  if (earlier !== undefined) {
    problems.push({ row, column, message: m.sameAsRow(earlier) });
  }
  for (const key of keys) {
    if (!seen.has(key)) {
      seen.set(key, row);
    }
  }
}

async function planMemberStates(db: Tx, rows: Row[], lang: Lang): Promise<Plan> {
  const m = messagesOf(lang);
  const stored = new Map((await repo.listAllMemberStates(db)).map((s) => [s.code, s]));
  const problems: ImportProblem[] = [];
  const steps: Step[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const code = values.code ?? '';
    const before = problems.length;
    duplicateOf(seen, code ? [code] : [], row, 'code', m, problems);
    const current = stored.get(code);
    const name = mergedText(
      current ? (JSON.parse(current.name) as LocalizedText) : null,
      values,
      'name',
    );
    const input = check(
      ZMemberStateCreate,
      { code, name, status: values.status || current?.status || 'member' },
      row,
      lang,
      problems,
    );
    if (!input || problems.length > before) {
      continue;
    }
    if (!current) {
      steps.push({
        row,
        action: 'create',
        write: async (trx, ctx) => {
          const at = nowIso();
          await insertMemberState(trx, {
            code: input.code,
            name: storeText(input.name) as string,
            status: input.status,
            searchText: searchText(input.code, input.name),
            version: 1,
            createdAt: at,
            updatedAt: at,
          });
          await recordAudit(trx, ctx.dialect, ctx.actor, {
            action: 'create',
            entityType: 'member_state',
            entityId: input.code,
            change: input,
          });
        },
      });
      continue;
    }
    const old = mapMemberState(current);
    if (sameText(old.name, input.name) && old.status === input.status) {
      steps.push({ row, action: 'skip', write: async () => {} });
      continue;
    }
    steps.push({
      row,
      action: 'update',
      write: async (trx, ctx) => {
        const next = {
          ...current,
          name: storeText(input.name) as string,
          status: input.status,
          searchText: searchText(input.code, input.name),
          version: current.version + 1,
          updatedAt: nowIso(),
        };
        if ((await updateMemberState(trx, code, current.version, next)) === 0) {
          throw staleWrite();
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'member_state',
          entityId: code,
          change: diff(old, mapMemberState(next)),
        });
      },
    });
  }
  return { rows: rows.length, steps, problems };
}

const staleWrite = () =>
  new AppError('precondition_failed', 'This record changed meanwhile; reload and try again.');

/** The member state a row names, checked against the directory. */
function stateOf(
  values: Record<string, string>,
  states: Set<string>,
  row: number,
  m: ImportMessages,
  problems: ImportProblem[],
): string | null {
  const code = values.member_state ?? '';
  if (code && /^[A-Z]{3}$/.test(code) && !states.has(code)) {
    problems.push({ row, column: 'member_state', message: m.noSuchState });
  }
  return code || null;
}

async function planPersons(db: Tx, rows: Row[], lang: Lang): Promise<Plan> {
  const m = messagesOf(lang);
  const states = new Set((await repo.listAllMemberStates(db)).map((s) => s.code));
  const named = [...new Set(rows.map((r) => r.values.member_state).filter((s) => s))] as string[];
  const stored = indexByName(
    await repo.listPersonsOfStates(
      db,
      named,
      rows.some((r) => !r.values.member_state),
    ),
  );
  const problems: ImportProblem[] = [];
  const steps: Step[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const before = problems.length;
    const memberState = stateOf(values, states, row, m, problems);
    const given = mergedText(null, values, 'name');
    const keys = nameKeys(memberState, given);
    duplicateOf(seen, keys, row, values.name_en ? 'name_en' : 'name_ru', m, problems);
    const current = matchByName(stored, keys);
    if (current === 'ambiguous') {
      problems.push({ row, column: values.name_en ? 'name_en' : 'name_ru', message: m.ambiguous });
      continue;
    }
    const old = current ? mapPerson(current) : null;
    const input = check(
      ZPersonCreate,
      {
        name: mergedText(old?.name ?? null, values, 'name'),
        memberState,
        position: mergedText(old?.position ?? null, values, 'position'),
      },
      row,
      lang,
      problems,
    );
    if (!input || problems.length > before) {
      continue;
    }
    const columns = {
      name: storeText(input.name) as string,
      memberState: input.memberState,
      position: storeText(input.position),
      searchText: searchText(input.name),
      sortKey: sortKey(input.name),
    };
    if (!current || !old) {
      steps.push({
        row,
        action: 'create',
        write: async (trx, ctx) => {
          const at = nowIso();
          const id = newId();
          await insertPerson(trx, { id, ...columns, version: 1, createdAt: at, updatedAt: at });
          await recordAudit(trx, ctx.dialect, ctx.actor, {
            action: 'create',
            entityType: 'person',
            entityId: id,
            change: input,
          });
        },
      });
      continue;
    }
    if (sameText(old.name, input.name) && sameText(old.position, input.position)) {
      steps.push({ row, action: 'skip', write: async () => {} });
      continue;
    }
    steps.push({
      row,
      action: 'update',
      write: async (trx, ctx) => {
        const next = { ...current, ...columns, version: current.version + 1, updatedAt: nowIso() };
        if (!(await updateIfVersion(trx, 'persons', current.id, current.version, next))) {
          throw staleWrite();
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'person',
          entityId: current.id,
          change: diff(old, mapPerson(next)),
        });
      },
    });
  }
  return { rows: rows.length, steps, problems };
}

async function planOrganizations(db: Tx, rows: Row[], lang: Lang): Promise<Plan> {
  const m = messagesOf(lang);
  const states = new Set((await repo.listAllMemberStates(db)).map((s) => s.code));
  const named = [...new Set(rows.map((r) => r.values.member_state).filter((s) => s))] as string[];
  const stored = indexByName(await repo.listOrganizationsOfStates(db, named));
  const problems: ImportProblem[] = [];
  const steps: Step[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const before = problems.length;
    const memberState = stateOf(values, states, row, m, problems);
    const given = mergedText(null, values, 'name');
    const keys = nameKeys(memberState, given);
    duplicateOf(seen, keys, row, values.name_en ? 'name_en' : 'name_ru', m, problems);
    const current = matchByName(stored, keys);
    if (current === 'ambiguous') {
      problems.push({ row, column: values.name_en ? 'name_en' : 'name_ru', message: m.ambiguous });
      continue;
    }
    const old = current ? mapOrganization(current) : null;
    const input = check(
      ZOrganizationCreate,
      {
        name: mergedText(old?.name ?? null, values, 'name'),
        memberState,
        kind: values.kind || old?.kind || '',
      },
      row,
      lang,
      problems,
    );
    if (!input || problems.length > before) {
      continue;
    }
    const columns = {
      name: storeText(input.name) as string,
      memberState: input.memberState,
      kind: input.kind,
      searchText: searchText(input.name),
      sortKey: sortKey(input.name),
    };
    if (!current || !old) {
      steps.push({
        row,
        action: 'create',
        write: async (trx, ctx) => {
          const at = nowIso();
          const id = newId();
          await insertOrganization(trx, {
            id,
            ...columns,
            version: 1,
            createdAt: at,
            updatedAt: at,
          });
          await recordAudit(trx, ctx.dialect, ctx.actor, {
            action: 'create',
            entityType: 'organization',
            entityId: id,
            change: input,
          });
        },
      });
      continue;
    }
    if (sameText(old.name, input.name) && old.kind === input.kind) {
      steps.push({ row, action: 'skip', write: async () => {} });
      continue;
    }
    steps.push({
      row,
      action: 'update',
      write: async (trx, ctx) => {
        const next = { ...current, ...columns, version: current.version + 1, updatedAt: nowIso() };
        if (!(await updateIfVersion(trx, 'organizations', current.id, current.version, next))) {
          throw staleWrite();
        }
        // Projects and IP results are found by their organizations' names.
        if (current.name !== next.name) {
          await reindexOrganization(trx, current.id);
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'organization',
          entityId: current.id,
          change: diff(old, mapOrganization(next)),
        });
      },
    });
  }
  return { rows: rows.length, steps, problems };
}

const PLANNERS: Record<ImportKind, (db: Tx, rows: Row[], lang: Lang) => Promise<Plan>> = {
  'member-states': planMemberStates,
  persons: planPersons,
  organizations: planOrganizations,
};

/** Checks every row of the table (header first) and plans what each valid row will do. */
async function plan(db: Tx, kind: ImportKind, table: UploadedTable, lang: Lang): Promise<Plan> {
  const m = messagesOf(lang);
  const [header, ...body] = table.rows;
  if (!header) {
    throw new AppError('validation_failed', m.empty, {
      errors: [{ path: 'file', message: m.empty }],
    });
  }
  const { columns, problems } = readHeader(kind, header.cells, m);
  const rows: Row[] = [];
  const stray: ImportProblem[] = [];
  for (const { row, cells } of body) {
    if (cells.every((c) => c.trim() === '')) {
      continue;
    }
    const values: Record<string, string> = {};
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) {
        values[column] = cell.trim();
      } else if (cell.trim() !== '' && stray.at(-1)?.row !== row) {
        stray.push({ row, column: null, message: m.strayValue });
      }
    });
    rows.push({ row, values });
  }
  if (rows.length === 0) {
    throw new AppError('validation_failed', m.noRows, {
      errors: [{ path: 'file', message: m.noRows }],
    });
  }
  if (problems.length > 0) {
    // Without a sound header the rows cannot be read column by column.
    return { rows: rows.length, steps: [], problems };
  }
  const planned = await PLANNERS[kind](db, rows, lang);
  return { ...planned, problems: [...stray, ...planned.problems].sort((a, b) => a.row - b.row) };
}

function resultOf(
  kind: ImportKind,
  table: UploadedTable,
  planned: Plan,
  dryRun: boolean,
  written: boolean,
): ImportResult {
  const withProblems = new Set(planned.problems.map((p) => p.row));
  const count = (action: Step['action']) =>
    planned.steps.filter((s) => s.action === action && !withProblems.has(s.row)).length;
  return {
    kind,
    format: table.format,
    dryRun,
    written,
    summary: {
      rows: planned.rows,
      create: count('create'),
      update: count('update'),
      skip: count('skip'),
      problems: withProblems.size,
    },
    problems: planned.problems,
  };
}

/**
 * Imports a table of directory records (secretariat and admins). A dry run checks every row and
 * says what would happen; otherwise the rows are checked again inside the transaction that
 * writes them all, with an audit event each, or, if any row has a problem, none of them.
 */
export async function importTable(
  ctx: Ctx,
  kind: ImportKind,
  table: UploadedTable,
  opts: { dryRun: boolean; lang: Lang },
): Promise<ImportResult> {
  requireContentWriter(ctx.actor);
  if (opts.dryRun) {
    return resultOf(kind, table, await plan(ctx.db, kind, table, opts.lang), true, false);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const planned = await plan(trx, kind, table, opts.lang);
    if (planned.problems.length > 0) {
      // Nothing of the file is written.
      return resultOf(kind, table, planned, false, false);
    }
    for (const step of planned.steps) {
      await step.write(trx, ctx);
    }
    return resultOf(kind, table, planned, false, true);
  });
}
