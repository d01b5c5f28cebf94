import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { DbHandle } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { openFreshDatabase } from './app.ts';

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
  const { handle, drop } = await openFreshDatabase('empty');
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
