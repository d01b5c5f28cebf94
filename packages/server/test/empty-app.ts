import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DIALECT, PG_URL } from './app.ts';

export interface EmptyApp {
  app: FastifyInstance;
  handle: DbHandle;
  close: () => Promise<void>;
}

/**
 * A migrated, truly empty database of its own (no member states, no users: what the demo loads
 * into) and the app over it, on the dialect under test. `close` removes both.
 */
export async function emptyApp(): Promise<EmptyApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-empty-'));
  let handle: DbHandle;
  let drop = async () => {};
  if (DIALECT === 'postgres') {
    const schema = `empty_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    handle = openDatabase(PG_URL, { schema });
    drop = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    handle = openDatabase(`sqlite:${path.join(dir, 'plenum.db')}`);
  }
  try {
    await migrateToLatest(handle.db, handle.schema);
  } catch (error) {
    // Leave nothing behind when the setup itself fails.
    await handle.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const config = loadConfig(
    { PLENUM_DATA_DIR: dir },
    { logLevel: 'silent', webDir: path.join(dir, 'no-web') },
  );
  const app = await buildApp({ config, database: handle, logger: false });
  await app.ready();
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
