import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkDatabase, verifyAcknowledged } from './durability/checks.ts';
import { adminToken, formatSummary, runDurability, seed } from './durability/harness.ts';
import { createWorkspace, type ServerProcess, startServer } from './durability/server.ts';
import { type Api, newLedger, writer } from './durability/workload.ts';

const DIALECT = process.env.PLENUM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const KILLS = 6;
// About a minute on a quiet machine; on a crowded one the run ends after the round that passes
// this budget, with fewer kills, rather than timing out.
const BUDGET_SECONDS = 120;

/**
 * DESIGN §6: a write answered 2xx survives kill -9 of the server at any moment. The short form
 * of the harness (packages/server/test/durability/harness.ts; `npm run test:durability` runs
 * the long form on both databases): the real server as a child process, killed with SIGKILL at
 * random moments under load, its database checked and every acknowledged write read back.
 */
describe(`durability under SIGKILL (${DIALECT})`, () => {
  it(`every write answered 2xx survives up to ${KILLS} kills at random moments; the database stays consistent`, async () => {
    const summary = await runDurability({
      dialect: DIALECT,
      kills: KILLS,
      seconds: BUDGET_SECONDS,
    });
    expect(summary.failures, formatSummary(summary)).toEqual([]);
    expect(summary.kills).toBeGreaterThanOrEqual(3);
    expect(summary.acknowledged).toBeGreaterThan(0);
    // No 5xx and nothing else unexpected under load either.
    expect(summary.unexpected, formatSummary(summary)).toEqual([]);
  }, 420_000);

  it('the checks notice a lost write, a changed record and a damaged stored file', async () => {
    const ws = await createWorkspace(DIALECT);
    let server: ServerProcess | null = await startServer(ws);
    try {
      const api: Api = { base: server.base, token: await adminToken(server.base, ws) };
      const seeded = await seed(api);
      const ledger = newLedger();
      const enough = () =>
        ledger.items.filter((i) => i.kind === 'news').length >= 2 &&
        ledger.items.some((i) => i.kind === 'file');
      const deadline = Date.now() + 60_000;
      await Promise.all(
        [0, 1, 2, 3].map((i) =>
          writer({ api, ledger, ...seeded, stopped: () => enough() || Date.now() > deadline }, i),
        ),
      );
      expect(enough()).toBe(true);
      expect(await checkDatabase(ws, ledger)).toEqual([]);
      await server.kill();
      server = null;

      // What a server that answered before committing would leave behind.
      const [lost, changed] = ledger.items.filter((i) => i.kind === 'news');
      const file = ledger.items.find((i) => i.kind === 'file');
      if (!lost || !changed || !file) {
        throw new Error('the load made too little');
      }
      const title = JSON.stringify({ en: 'Not what was acknowledged' });
      if (ws.sqliteFile) {
        const db = new SQLite(ws.sqliteFile);
        db.prepare('delete from news_items where id = ?').run(lost.id);
        db.prepare('update news_items set title = ? where id = ?').run(title, changed.id);
        db.close();
      } else {
        const db = new pg.Client({ connectionString: ws.databaseUrl });
        await db.connect();
        await db.query('delete from news_items where id = $1', [lost.id]);
        await db.query('update news_items set title = $1 where id = $2', [title, changed.id]);
        await db.end();
      }
      const stored = path.join(
        ws.dataDir,
        'files',
        file.id.slice(0, 2),
        file.id.slice(2, 4),
        file.id,
      );
      // A torn write: the same size, other bytes.
      const bytes = fs.readFileSync(stored);
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      fs.writeFileSync(stored, bytes);

      const onDisk = await checkDatabase(ws, ledger);
      expect(onDisk.join('\n')).toContain(`file ${file.id}: stored content differs`);

      server = await startServer(ws);
      const read = await verifyAcknowledged({ ...api, base: server.base }, ledger);
      const report = read.join('\n');
      expect(report).toContain(`news /news/${lost.id} (${lost.id}): GET answered 404`);
      expect(report).toContain(`news /news/${changed.id} (${changed.id}): content`);
      expect(report).toContain(`file /files/${file.id} (${file.id}): downloads with SHA-256`);
    } finally {
      await server?.kill();
      await ws.remove();
    }
  }, 180_000);
});
