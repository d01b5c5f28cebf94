import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Workspace } from './server.ts';
import {
  type Api,
  call,
  contentOf,
  download,
  type Json,
  type Ledger,
  sameContent,
  sha256Of,
  type Tracked,
  track,
} from './workload.ts';

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Reads every acknowledged write back through the API (DESIGN §6: a write answered 2xx survives
 * kill -9). A resource must show its acknowledged content, or the content of the one change that
 * was in flight at the kill, at its acknowledged version or later; a file must download with the
 * same SHA-256. Afterwards the ledger takes what the server holds, so the next round's If-Match
 * headers are right. Returns the failures.
 */
export async function verifyAcknowledged(api: Api, ledger: Ledger): Promise<string[]> {
  const failures: string[] = [];
  const fail = (item: Tracked, why: string) =>
    failures.push(`${item.kind} ${item.path} (${item.id}): ${why}`);

  const settle = (item: Tracked, json: Json) => {
    const content = contentOf(item.kind, json);
    const known =
      sameContent(content, item.content) || (item.pending && sameContent(content, item.pending));
    if (!known) {
      fail(
        item,
        `content ${JSON.stringify(content)} is neither the acknowledged ` +
          `${JSON.stringify(item.content)} nor the change in flight ${JSON.stringify(item.pending)}`,
      );
      return;
    }
    if (item.version !== null) {
      const version = json.version as number;
      if (!(version >= item.version)) {
        fail(item, `version ${version} is below the acknowledged ${item.version}`);
        return;
      }
      item.version = version;
    }
    item.content = content;
    item.pending = null;
  };

  await eachLimited(ledger.items, 8, async (item) => {
    switch (item.kind) {
      case 'file': {
        const bytes = await download(api, item.id);
        if (!bytes) {
          fail(item, 'does not download');
        } else if (sha256Of(bytes) !== item.id) {
          fail(item, `downloads with SHA-256 ${sha256Of(bytes)}`);
        }
        return;
      }
      case 'attachment': {
        const res = await call(api, 'GET', item.path);
        const items = (res.json.items ?? []) as Json[];
        if (res.status !== 200 || !items.some((a) => a.sha256 === item.id)) {
          fail(item, `not attached (${res.status})`);
        }
        return;
      }
      case 'replay': {
        const { id, body } = item.content as { id: string; body: Json };
        const res = await call(api, 'POST', item.path, body, {
          'idempotency-key': item.ref.key as string,
        });
        if (res.status !== 201 || res.json.id !== id) {
          fail(
            item,
            `repeated POST answered ${res.status} ${String(res.json.id)}, not the first answer`,
          );
        }
        return;
      }
      case 'report': {
        const res = await call(api, 'GET', item.path);
        const found = ((res.json.items ?? []) as Json[]).find((r) => r.id === item.id);
        if (res.status !== 200 || !found) {
          fail(item, `missing from the decision's reports (${res.status})`);
        } else {
          settle(item, found);
        }
        return;
      }
      default: {
        const res = await call(api, 'GET', item.path);
        if (res.status !== 200) {
          fail(item, `GET answered ${res.status}`);
        } else {
          settle(item, res.json);
        }
      }
    }
  });

  const audit = await call(api, 'GET', '/audit-events/verify');
  if (audit.status !== 200 || audit.json.ok !== true) {
    failures.push(`audit chain: ${audit.status} ${JSON.stringify(audit.json)}`);
  }
  return failures;
}

type Rows = Record<string, unknown>[];

interface Connection {
  query(text: string): Promise<Rows>;
  close(): Promise<void>;
}

/** A second connection to the database, read-only for SQLite (the server is stopped). */
async function connect(ws: Workspace): Promise<Connection> {
  if (ws.sqliteFile) {
    const db = new SQLite(ws.sqliteFile, { readonly: true, fileMustExist: true });
    return {
      query: async (text) => db.prepare(text).all() as Rows,
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: ws.databaseUrl });
  await client.connect();
  return {
    query: async (text) => (await client.query(text)).rows as Rows,
    close: () => client.end(),
  };
}

/** SQLite's own checks of the file: page structure, indexes, foreign keys. */
async function sqliteIntegrity(db: Connection): Promise<string[]> {
  const failures: string[] = [];
  const integrity = await db.query('pragma integrity_check');
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    failures.push(`integrity_check: ${JSON.stringify(integrity).slice(0, 1000)}`);
  }
  const foreign = await db.query('pragma foreign_key_check');
  if (foreign.length > 0) {
    failures.push(`foreign_key_check: ${JSON.stringify(foreign).slice(0, 1000)}`);
  }
  return failures;
}

/**
 * SQLite: FTS5's own check of the title index against its content table. It is a write
 * statement in form, so it runs on a second, writable connection while the server is up again:
 * run before, that connection would be the last to close and would checkpoint the WAL, doing
 * the recovery the restarted server is meant to do itself.
 */
export function checkFullTextIndex(ws: Workspace): string[] {
  if (!ws.sqliteFile) {
    return [];
  }
  const db = new SQLite(ws.sqliteFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare(`insert into search_title_fts(search_title_fts) values ('integrity-check')`).run();
    return [];
  } catch (error) {
    return [`FTS5 integrity-check of search_title_fts: ${(error as Error).message}`];
  } finally {
    db.close();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * PostgreSQL: amcheck's bt_index_check (with heapallindexed: every heap tuple has its index
 * entry) on every valid B-tree index, verify_heapam on every table, and every foreign key
 * re-checked by a query (a constraint trigger that lost a row would not show otherwise).
 */
async function postgresIntegrity(db: Connection): Promise<string[]> {
  const failures: string[] = [];
  await db.query('create extension if not exists amcheck');
  const indexes = await db.query(`
    select c.oid::regclass::text as name
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_am a on a.oid = c.relam
     where a.amname = 'btree' and i.indisvalid and i.indisready and c.relpersistence <> 't'`);
  for (const { name } of indexes) {
    try {
      await db.query(`select bt_index_check(${pgLiteral(String(name))}::regclass, true)`);
    } catch (error) {
      failures.push(`bt_index_check(${name}): ${(error as Error).message}`);
    }
  }
  const tables = await db.query(`
    select c.oid::regclass::text as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname = 'public'`);
  for (const { name } of tables) {
    const problems = await db.query(
      `select blkno, offnum, msg from verify_heapam(${pgLiteral(String(name))}::regclass) limit 5`,
    );
    if (problems.length > 0) {
      failures.push(`verify_heapam(${name}): ${JSON.stringify(problems)}`);
    }
  }
  const keys = await db.query(`
    select con.conname as name, cl.relname as child, pa.relname as parent,
           array(select a.attname from unnest(con.conkey) with ordinality k(n, o)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n
                  order by k.o)::text[] as columns,
           array(select a.attname from unnest(con.confkey) with ordinality k(n, o)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n
                  order by k.o)::text[] as refs
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_class pa on pa.oid = con.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where con.contype = 'f' and n.nspname = 'public'`);
  for (const key of keys) {
    const columns = key.columns as string[];
    const refs = key.refs as string[];
    const present = columns.map((c) => `c.${quote(c)} is not null`).join(' and ');
    const match = columns.map((c, i) => `p.${quote(refs[i] as string)} = c.${quote(c)}`);
    const orphans = await db.query(
      `select count(*)::int as n from ${quote(String(key.child))} c where ${present} and not exists ` +
        `(select 1 from ${quote(String(key.parent))} p where ${match.join(' and ')})`,
    );
    if (Number(orphans[0]?.n) > 0) {
      failures.push(`foreign key ${key.name}: ${orphans[0]?.n} rows refer to nothing`);
    }
  }
  const unkeyed = await db.query(
    'select count(*)::int as n from search_documents d where not exists (select 1 from search_keys k where k.id = d.id)',
  );
  if (Number(unkeyed[0]?.n) > 0) {
    failures.push(`${unkeyed[0]?.n} search entries without their search_keys row`);
  }
  return failures;
}

const pgLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Invariants of our own schema that a half-applied change would break. */
const INVARIANTS: { what: string; sql: string }[] = [
  {
    what: 'documents whose latest_version is not their newest version row',
    sql: `select d.id from documents d
           where d.latest_version <> coalesce(
             (select max(v.number) from document_versions v where v.document_id = d.id), 0)`,
  },
  {
    what: 'decisions whose assignment_count disagrees with their assignments',
    sql: `select d.id from decisions d
           where d.assignment_count <> (select count(*) from assignments a where a.decision_id = d.id)`,
  },
  {
    what: 'assignments whose latest report is missing or another assignment’s',
    sql: `select a.id from assignments a
           where (a.latest_report_id is not null and not exists (select 1 from implementation_reports r
                   where r.id = a.latest_report_id and r.assignment_id = a.id))
              or (a.latest_report_id is null and exists (select 1 from implementation_reports r
                   where r.assignment_id = a.id))`,
  },
  {
    what: 'file links to files the store does not know',
    sql: `select l.id from file_links l where not exists (select 1 from files f where f.sha256 = l.sha256)`,
  },
  {
    what: 'document versions whose file has no link',
    sql: `select v.id from document_versions v where v.file_sha256 is not null and not exists
           (select 1 from file_links l where l.owner_type = 'document_version' and l.owner_id = v.id)`,
  },
];

/** Search entries the harness expects for each kind it writes (reindexed in the change's transaction). */
const SEARCH_TYPES: Partial<Record<Tracked['kind'], string>> = {
  meeting: 'meeting',
  agendaItem: 'agenda_item',
  document: 'document',
  decision: 'decision',
};

/** Audit entity types of the records the harness creates. */
const AUDIT_TYPES: Partial<Record<Tracked['kind'], string>> = {
  news: 'news',
  meeting: 'meeting',
  agendaItem: 'agenda_item',
  document: 'document',
  documentVersion: 'document_version',
  decision: 'decision',
  // A report's event is its assignment's ('report' action on the assignment).
  assignment: 'assignment',
};

/**
 * The database after a kill, before the server starts again: the engine's own integrity checks,
 * our invariants, every file row backed by a complete file in the store, and every acknowledged
 * record with its audit event and search entry (both written in the record's transaction).
 */
export async function checkDatabase(ws: Workspace, ledger: Ledger): Promise<string[]> {
  const db = await connect(ws);
  try {
    const failures = ws.sqliteFile ? await sqliteIntegrity(db) : await postgresIntegrity(db);
    for (const invariant of INVARIANTS) {
      const rows = await db.query(invariant.sql);
      if (rows.length > 0) {
        failures.push(`${invariant.what}: ${JSON.stringify(rows.slice(0, 5))}`);
      }
    }

    const files = await db.query('select sha256, size from files');
    const filesRoot = path.join(ws.dataDir, 'files');
    for (const row of files) {
      const sha256 = String(row.sha256);
      const file = path.join(filesRoot, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      if (!fs.existsSync(file)) {
        failures.push(`file ${sha256}: in the database, not in the store`);
        continue;
      }
      const bytes = fs.readFileSync(file);
      if (bytes.length !== Number(row.size) || sha256Of(bytes) !== sha256) {
        failures.push(`file ${sha256}: stored content differs (${bytes.length} bytes)`);
      }
    }
    const known = new Set(files.map((f) => String(f.sha256)));
    for (const item of ledger.items) {
      if (item.kind === 'file' && !known.has(item.id)) {
        failures.push(`file ${item.id}: acknowledged upload without its files row`);
      }
    }

    const audited = new Set(
      (await db.query('select distinct entity_type, entity_id from audit_events')).map(
        (r) => `${r.entity_type} ${r.entity_id}`,
      ),
    );
    const indexed = new Set(
      (await db.query('select entity_type, entity_id from search_documents')).map(
        (r) => `${r.entity_type} ${r.entity_id}`,
      ),
    );
    for (const item of ledger.items) {
      const auditType = AUDIT_TYPES[item.kind];
      if (auditType && !audited.has(`${auditType} ${item.id}`)) {
        failures.push(`${item.kind} ${item.id}: acknowledged without its audit event`);
      }
      const searchType = SEARCH_TYPES[item.kind];
      if (searchType && !indexed.has(`${searchType} ${item.id}`)) {
        failures.push(`${item.kind} ${item.id}: acknowledged without its search entry`);
      }
    }
    return failures;
  } finally {
    await db.close();
  }
}

/**
 * Repeats, once, each POST with an Idempotency-Key that was in flight at the kill. Whatever
 * happened to it, the repeat may answer 201 (the first answer replayed, or created now if the
 * key never committed). A 409 means the key was claimed, but its answer never recorded: the
 * client cannot learn the outcome until the key expires (a day). Those are counted, not failed:
 * nothing is lost or duplicated, yet the client is stuck.
 */
export async function repeatKeysInFlight(api: Api, ledger: Ledger): Promise<number> {
  let stuck = 0;
  const waiting = ledger.keysInFlight.splice(0);
  for (const { key, body, owner } of waiting) {
    const res = await call(api, 'POST', '/news', body, { 'idempotency-key': key });
    if (res.status === 201) {
      ledger.acknowledged++;
      track(ledger, 'news', `/news/${res.json.id}`, owner, res.json);
      const replay = track(ledger, 'replay', '/news', owner, res.json, { key });
      replay.content = { id: res.json.id, body };
    } else if (res.status === 409) {
      stuck++;
    } else {
      ledger.unexpected.push(`repeated POST /news with key ${key} → ${res.status}`);
    }
  }
  return stuck;
}
