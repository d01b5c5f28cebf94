import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SERVER_ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'plenum-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Records the URL of every module Node resolves for an import (the hooks run on another thread).
const HOOKS = `
let port;
export async function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`;

/**
 * Started in a plain Node process (vitest's own loader would hide what Node loads): builds the app
 * on SQLite, waits until ready and lists the packages loaded by then, whether imported (the
 * resolve hook) or required (require.cache).
 */
const SCRIPT = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const files = [];
port1.on('message', (url) => files.push(url));
port1.unref();
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), {
  data: { port: port2 },
  transferList: [port2],
});
const { buildApp } = await import('./src/app.ts');
const { loadConfig } = await import('./src/config.ts');
const config = loadConfig(
  { PLENUM_DATABASE_URL: 'sqlite:${dir}/lazy.db', PLENUM_DATA_DIR: '${dir}/data' },
  { logLevel: 'silent' },
);
const app = await buildApp({ config, logger: false });
await app.ready();
await new Promise((resolve) => setTimeout(resolve, 200));
files.push(...Object.keys(createRequire(import.meta.url).cache));
const names = new Set();
for (const file of files) {
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
  if (m) names.add(m[1]);
}
await app.close();
console.log(JSON.stringify([...names]));
`;

const HEAVY = [
  'exceljs',
  'docx',
  'pdfmake',
  'pdf-lib',
  'nodemailer',
  'qrcode',
  'openid-client',
  'pg',
];

describe('idle memory (DESIGN §6)', () => {
  it('a server on SQLite that has exported, mailed and enrolled nothing has loaded none of the libraries it needs only for that', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', SCRIPT],
      { cwd: SERVER_ROOT, timeout: 60_000 },
    );
    const loaded: string[] = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]');
    // The probe sees what it should: the SQLite driver the app uses is listed.
    expect(loaded).toContain('better-sqlite3');
    for (const heavy of HEAVY) {
      expect(loaded, heavy).not.toContain(heavy);
    }
  }, 90_000);
});
