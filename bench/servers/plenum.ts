/**
 * The Plenum server as `plenum serve` runs it — buildApp with its logger (at warn, so that the
 * bench's terminal stays readable; per-request logging is off below debug anyway) and process
 * metrics — on the bench database named by the JSON argument {url, schema}. The built workspace
 * is not served unless PLENUM_WEB_DIR names it: static files are not what the bench measures.
 */
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import type { DatabaseTarget } from '../lib/database.ts';
import { serveForBench } from './serve.ts';

const target = JSON.parse(process.argv[2] ?? '{}') as DatabaseTarget;
if (!target.url) {
  throw new Error('Pass the database as a JSON argument: {"url": "...", "schema": null}.');
}
const handle = openDatabase(target.url, target.schema ? { schema: target.schema } : {});
const config = loadConfig({
  ...process.env,
  PLENUM_DATABASE_URL: target.url,
  PLENUM_DATA_DIR: process.env.PLENUM_DATA_DIR ?? path.join(os.tmpdir(), 'plenum-bench-data'),
  PLENUM_LOG_LEVEL: process.env.PLENUM_LOG_LEVEL ?? 'warn',
  // The API is measured; the built workspace's static files are not (set it to serve them).
  PLENUM_WEB_DIR: process.env.PLENUM_WEB_DIR ?? path.join(os.tmpdir(), 'plenum-bench-no-web'),
});
const app = await buildApp({ config, database: handle, defaultMetrics: true });
await serveForBench(app, () => handle.close());
