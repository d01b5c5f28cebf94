import { CompiledQuery, type QueryResult } from 'kysely';
import type { DialectName } from '../db/dialect.ts';

/**
 * What the backup knows of the database it reads or writes: read from the database's own catalog
 * (never from a list kept by hand), so a table added by a migration is carried without anyone
 * remembering it here.
 */

export type ColumnType = 'text' | 'integer' | 'real';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export interface TableSpec {
  name: string;
  /** Every stored column (generated ones are left out: the database computes them again). */
  columns: ColumnSpec[];
  primaryKey: string[];
  /** Columns referring to this same table (a body's parent): restored in a second step. */
  selfReferences: string[];
}

/** A catalog query: SQL text with positional parameters, rows as plain objects. */
export type CatalogQuery = (
  text: string,
  params?: readonly unknown[],
) => Promise<Record<string, unknown>[]>;

/**
 * Tables that hold no records of their own and are rebuilt by the database from others, so the
 * backup leaves them out: Kysely's migration bookkeeping (the archive lists the migrations
 * instead) and PostgreSQL's search keys (a trigger fills them from search_documents). SQLite's
 * FTS5 tables are recognised by their kind (virtual and shadow tables) and need no entry here.
 */
export const DERIVED_TABLES: Readonly<Record<string, string>> = {
  kysely_migration: 'the applied migrations, listed in the manifest',
  kysely_migration_lock: 'the migrator lock',
  search_keys: 'PostgreSQL search keys, filled by a trigger from search_documents',
};

/** What kyselyQuery needs of a Kysely database or transaction. */
interface Executor {
  withoutPlugins(): {
    executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
  };
}

/** A Kysely database or transaction as a catalog query. */
export function kyselyQuery(db: Executor): CatalogQuery {
  // Without plugins: CamelCasePlugin would rename the catalog's columns in the results.
  const raw = db.withoutPlugins();
  return async (text, params = []) =>
    (await raw.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...params]))).rows;
}

function sqliteType(declared: string): ColumnType | null {
  // SQLite's own affinity rules (https://www.sqlite.org/datatype3.html §3.1).
  const t = declared.toUpperCase();
  if (t.includes('INT')) {
    return 'integer';
  }
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) {
    return 'text';
  }
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) {
    return 'real';
  }
  return null;
}

const PG_TYPES: Record<string, ColumnType> = {
  text: 'text',
  'character varying': 'text',
  character: 'text',
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  real: 'real',
  'double precision': 'real',
};

export class UnsupportedSchema extends Error {}

interface RawTable {
  spec: TableSpec;
  references: Set<string>;
}

async function sqliteTables(query: CatalogQuery): Promise<RawTable[]> {
  const tables = await query(
    `select name from pragma_table_list where schema = 'main' and type = 'table'
       and name not like 'sqlite\\_%' escape '\\' order by name`,
  );
  const out: RawTable[] = [];
  for (const { name } of tables) {
    const table = String(name);
    if (table in DERIVED_TABLES) {
      continue;
    }
    const cols = await query('select name, type, pk, hidden from pragma_table_xinfo(?)', [table]);
    const columns: ColumnSpec[] = [];
    const pk: { name: string; n: number }[] = [];
    for (const c of cols) {
      if (Number(c.hidden) !== 0) {
        continue;
      }
      const type = sqliteType(String(c.type ?? ''));
      if (!type) {
        throw new UnsupportedSchema(
          `Column ${table}.${String(c.name)} has the type "${String(c.type)}", which a backup ` +
            'cannot carry between SQLite and PostgreSQL (text, integer and real only).',
        );
      }
      columns.push({ name: String(c.name), type });
      if (Number(c.pk) > 0) {
        pk.push({ name: String(c.name), n: Number(c.pk) });
      }
    }
    const fks = await query(
      'select "table" as ref, "from" as col from pragma_foreign_key_list(?)',
      [table],
    );
    out.push(
      rawTable(
        table,
        columns,
        pk.sort((a, b) => a.n - b.n).map((p) => p.name),
        fks,
      ),
    );
  }
  return out;
}

async function postgresTables(query: CatalogQuery, schema: string): Promise<RawTable[]> {
  const tables = await query(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`,
    [schema],
  );
  const columnRows = await query(
    `select table_name as t, column_name as name, data_type as type from information_schema.columns
      where table_schema = $1 and is_generated = 'NEVER' order by table_name, ordinal_position`,
    [schema],
  );
  const pkRows = await query(
    `select k.table_name as t, k.column_name as name from information_schema.table_constraints c
       join information_schema.key_column_usage k
         on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
      where c.table_schema = $1 and c.constraint_type = 'PRIMARY KEY'
      order by k.table_name, k.ordinal_position`,
    [schema],
  );
  const fkRows = await query(
    `select cl.relname as t, rf.relname as ref, a.attname as col
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid
       join pg_namespace n on n.oid = cl.relnamespace
       join pg_class rf on rf.oid = c.confrelid
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and n.nspname = $1`,
    [schema],
  );
  const out: RawTable[] = [];
  for (const { name } of tables) {
    const table = String(name);
    if (table in DERIVED_TABLES) {
      continue;
    }
    const columns = columnRows
      .filter((c) => c.t === table)
      .map((c) => {
        const type = PG_TYPES[String(c.type)];
        if (!type) {
          throw new UnsupportedSchema(
            `Column ${table}.${String(c.name)} has the type "${String(c.type)}", which a backup ` +
              'cannot carry between SQLite and PostgreSQL (text, integer and real only).',
          );
        }
        return { name: String(c.name), type };
      });
    const pk = pkRows.filter((p) => p.t === table).map((p) => String(p.name));
    out.push(
      rawTable(
        table,
        columns,
        pk,
        fkRows.filter((f) => f.t === table),
      ),
    );
  }
  return out;
}

function rawTable(
  name: string,
  columns: ColumnSpec[],
  primaryKey: string[],
  fks: Record<string, unknown>[],
): RawTable {
  const references = new Set<string>();
  const selfReferences = new Set<string>();
  for (const fk of fks) {
    if (fk.ref === name) {
      selfReferences.add(String(fk.col));
    } else {
      references.add(String(fk.ref));
    }
  }
  return {
    spec: { name, columns, primaryKey, selfReferences: [...selfReferences].sort() },
    references,
  };
}

/**
 * The tables holding records, parents before the tables that refer to them (so rows restore in
 * that order under enforced foreign keys), alphabetical where the order is free.
 */
export async function listTables(
  query: CatalogQuery,
  dialect: DialectName,
  schema = 'public',
): Promise<TableSpec[]> {
  const raw =
    dialect === 'postgres' ? await postgresTables(query, schema) : await sqliteTables(query);
  const pending = new Map(raw.map((t) => [t.spec.name, t]));
  const ordered: TableSpec[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) =>
      [...t.references].every((ref) => !pending.has(ref)),
    );
    if (ready.length === 0) {
      throw new UnsupportedSchema(
        `The tables ${[...pending.keys()].join(', ')} refer to each other in a cycle; ` +
          'the backup cannot order them.',
      );
    }
    for (const t of ready) {
      ordered.push(t.spec);
      pending.delete(t.spec.name);
    }
  }
  return ordered;
}

/** The migrations applied to the database, in order (empty before the first `migrate`). */
export async function appliedMigrations(
  query: CatalogQuery,
  dialect: DialectName,
  schema = 'public',
) {
  const exists =
    dialect === 'postgres'
      ? await query(
          `select 1 from information_schema.tables
            where table_schema = $1 and table_name = 'kysely_migration'`,
          [schema],
        )
      : await query(
          `select 1 from sqlite_schema where type = 'table' and name = 'kysely_migration'`,
        );
  if (exists.length === 0) {
    return [];
  }
  const rows = await query('select name from kysely_migration order by name');
  return rows.map((r) => String(r.name));
}
