import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECT, PG_URL } from '../../test/app.ts';
import { type DbHandle, openDatabase } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';

describe.skipIf(DIALECT !== 'postgres')('PostgreSQL introspection of one schema', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let admin: pg.Client;
  let handle: DbHandle;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    handle = openDatabase(PG_URL, { schema });
    await migrateToLatest(handle.db, schema);
  });

  afterAll(async () => {
    await handle.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  it('sees only its schema, Kysely bookkeeping included when asked', async () => {
    const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
    const names = tables.map((t) => t.name);
    expect(names).toContain('kysely_migration');
    expect(names).toContain('meetings');
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([schema]));
    const plain = await handle.db.introspection.getTables();
    expect(plain.map((t) => t.name)).not.toContain('kysely_migration');
    const users = tables.find((t) => t.name === 'users');
    expect(users?.columns.find((c) => c.name === 'email')).toMatchObject({
      dataType: 'text',
      isNullable: false,
    });
  });

  it('keeps working while other schemas are created and dropped (parallel test files)', async () => {
    // Kysely's stock introspector fails here several times in three seconds with `schema "x"
    // does not exist`: it resolves every table of every schema by name while they vanish.
    let churning = true;
    const churn = (async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        while (churning) {
          const other = `churn_${randomBytes(5).toString('hex')}`;
          await c.query(`create schema ${other}`);
          for (let t = 0; t < 30; t++) {
            await c.query(`create table ${other}.t${t} (id serial primary key, x text)`);
          }
          await c.query(`drop schema ${other} cascade`);
        }
      } finally {
        await c.end();
      }
    })();
    try {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const tables = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
        expect(tables.every((t) => t.schema === schema)).toBe(true);
      }
      // A migrator run (nothing pending) introspects too.
      expect(await migrateToLatest(handle.db, schema)).toEqual([]);
    } finally {
      churning = false;
      await churn;
    }
  });
});
