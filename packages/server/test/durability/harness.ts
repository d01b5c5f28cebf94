/**
 * Durability under SIGKILL (DESIGN §6: "a write that was answered 2xx survives kill -9 of the
 * server at any moment").
 *
 *   node --import tsx packages/server/test/durability/harness.ts [--pg] [--kills=N] [--seconds=S]
 *        [--writers=W]
 *
 * Starts the real server (`bin/plenum serve`) on a fresh SQLite file or PostgreSQL database,
 * puts it under load from several writers (news, meetings with agenda items, documents with
 * versions, uploads attached to agenda items and versions, decisions with assignments and
 * implementation reports, PATCHes with If-Match, POSTs with an Idempotency-Key), kills it with
 * SIGKILL 50–1500 ms after the round's first write was answered, checks the database as the
 * kill left it (engine integrity checks, our invariants, the file store), starts it again and
 * reads back every write it acknowledged. N kills (default 10), or as many as fit in S seconds.
 * Exits non-zero on any loss or inconsistency.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  checkDatabase,
  checkFullTextIndex,
  repeatKeysInFlight,
  verifyAcknowledged,
} from './checks.ts';
import {
  createWorkspace,
  type Dialect,
  type ServerProcess,
  startServer,
  type Workspace,
} from './server.ts';
import { type Api, call, type Kind, type LoadContext, newLedger, writer } from './workload.ts';

export interface DurabilityOptions {
  dialect: Dialect;
  kills: number;
  /** Stop after this many seconds even if fewer kills were made (at least one round runs). */
  seconds?: number;
  writers?: number;
  /** The kill comes this many milliseconds into the load, uniformly at random. */
  killAfterMs?: [number, number];
  /** Keep the database and files of a failed run for inspection. */
  keepOnFailure?: boolean;
  log?: (line: string) => void;
}

export interface DurabilitySummary {
  dialect: Dialect;
  kills: number;
  /** Writes the server answered with a 2xx. */
  acknowledged: number;
  /** Writes in flight at a kill (their outcome is allowed to go either way). */
  unknown: number;
  /** Resources read back after the last restart, by kind. */
  resources: Partial<Record<Kind, number>>;
  /**
   * Idempotency-Keys in flight at a kill that answered 409 "still running" when repeated after
   * the restart: claimed, but the answer never recorded (not a loss; the client waits a day).
   */
  stuckKeys: number;
  /** Losses and inconsistencies; empty when the run passed. */
  failures: string[];
  /** Answers the workload did not expect (not losses, but worth a look). */
  unexpected: string[];
  seconds: number;
  /** Where the run's data stayed (only when kept after a failure). */
  keptAt: string | null;
}

/** Signs the first admin in and makes a bearer token (tokens outlive restarts: they are rows). */
export async function adminToken(base: string, ws: Workspace): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ws.adminEmail, password: ws.adminPassword }),
  });
  const session = (await login.json()) as { csrfToken?: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (login.status !== 200 || !session.csrfToken) {
    throw new Error(
      `Sign-in of the first admin failed: ${login.status} ${JSON.stringify(session)}`,
    );
  }
  const created = await fetch(`${base}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookie.join('; '),
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ name: 'durability harness' }),
  });
  const token = (await created.json()) as { token?: string };
  if (created.status !== 201 || !token.token) {
    throw new Error(`Token creation failed: ${created.status} ${JSON.stringify(token)}`);
  }
  return token.token;
}

/** The member state and body every record of the run belongs to. */
export async function seed(api: Api): Promise<{ bodyId: string; memberState: string }> {
  const state = await call(api, 'POST', '/member-states', {
    code: 'ARM',
    name: { en: 'Armenia', ru: 'Армения' },
  });
  const body = await call(api, 'POST', '/bodies', {
    slug: 'durability-commission',
    name: { en: 'Durability commission', ru: 'Комиссия по надёжности' },
    kind: 'commission',
  });
  if (state.status !== 201 || body.status !== 201) {
    throw new Error(`Seeding failed: ${JSON.stringify([state, body])}`);
  }
  return { bodyId: body.json.id as string, memberState: 'ARM' };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDurability(opts: DurabilityOptions): Promise<DurabilitySummary> {
  const log = opts.log ?? (() => {});
  const [minMs, maxMs] = opts.killAfterMs ?? [50, 1500];
  const writers = opts.writers ?? 8;
  const started = Date.now();
  const deadline = opts.seconds ? started + opts.seconds * 1000 : Number.POSITIVE_INFINITY;
  const ledger = newLedger();
  const failures: string[] = [];
  const ws = await createWorkspace(opts.dialect);
  let server: ServerProcess | null = null;
  let kills = 0;
  let stuckKeys = 0;
  let keptAt: string | null = null;
  try {
    server = await startServer(ws);
    const api: Api = { base: server.base, token: await adminToken(server.base, ws) };
    const seeded = await seed(api);

    while (kills < opts.kills && (kills === 0 || Date.now() < deadline)) {
      let stopped = false;
      const ctx: LoadContext = { api, ledger, ...seeded, stopped: () => stopped };
      const before = ledger.acknowledged;
      const load = Promise.all(Array.from({ length: writers }, (_, i) => writer(ctx, i)));
      // The load counts from its first answer: a freshly started server takes a while over its
      // first requests, and a kill before any write got through would test little.
      for (let waited = 0; ledger.acknowledged === before && waited < 10_000; waited += 10) {
        await sleep(10);
      }
      const killAfter = minMs + Math.floor(Math.random() * (maxMs - minMs));
      await sleep(killAfter);
      await server.kill();
      stopped = true;
      kills++;
      await load;

      const round: string[] = [];
      const t0 = Date.now();
      round.push(...(await checkDatabase(ws, ledger)));
      const t1 = Date.now();
      server = await startServer(ws);
      api.base = server.base;
      const t2 = Date.now();
      round.push(...(await verifyAcknowledged(api, ledger)));
      round.push(...checkFullTextIndex(ws));
      stuckKeys += await repeatKeysInFlight(api, ledger);
      const t3 = Date.now();
      failures.push(...round.map((f) => `kill ${kills}: ${f}`));
      log(
        `kill ${kills}/${opts.kills} at ${killAfter} ms: ${ledger.acknowledged - before} writes ` +
          `acknowledged, ${ledger.items.length} resources verified` +
          (round.length > 0 ? `, ${round.length} FAILURES` : ', all present and consistent') +
          ` (checks ${t1 - t0} ms, restart ${t2 - t1} ms, read-back ${t3 - t2} ms)`,
      );
    }
  } catch (error) {
    failures.push(`harness: ${(error as Error).stack ?? String(error)}`);
    if (server) {
      failures.push(`server output:\n${server.output()}`);
    }
  } finally {
    await server?.kill();
    if (failures.length > 0 && opts.keepOnFailure) {
      keptAt = `${ws.dataDir} (${ws.databaseUrl})`;
    } else {
      await ws.remove();
    }
  }
  const resources: Partial<Record<Kind, number>> = {};
  for (const item of ledger.items) {
    resources[item.kind] = (resources[item.kind] ?? 0) + 1;
  }
  return {
    dialect: opts.dialect,
    kills,
    acknowledged: ledger.acknowledged,
    unknown: ledger.unknown,
    resources,
    stuckKeys,
    failures,
    unexpected: ledger.unexpected,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    keptAt,
  };
}

export function formatSummary(s: DurabilitySummary): string {
  const kinds = Object.entries(s.resources)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const lines = [
    `Durability on ${s.dialect}: ${s.kills} kills in ${s.seconds} s; ${s.acknowledged} writes ` +
      `acknowledged, ${s.unknown} in flight at a kill; verified ${kinds}.`,
  ];
  if (s.stuckKeys > 0) {
    lines.push(
      `${s.stuckKeys} Idempotency-Keys in flight at a kill answer 409 "still running" when ` +
        'repeated after the restart (claimed, answer never recorded; they expire after a day).',
    );
  }
  if (s.unexpected.length > 0) {
    lines.push(`${s.unexpected.length} unexpected answers (not losses):`);
    lines.push(...s.unexpected.slice(0, 20).map((u) => `  ${u}`));
  }
  if (s.failures.length > 0) {
    lines.push(`FAILED: ${s.failures.length} problems:`);
    lines.push(...s.failures.slice(0, 50).map((f) => `  ${f}`));
  } else {
    lines.push('Every acknowledged write was present; the database passed its integrity checks.');
  }
  if (s.keptAt) {
    lines.push(`The run's data is kept at ${s.keptAt}.`);
  }
  return lines.join('\n');
}

async function cli(): Promise<number> {
  const { values } = parseArgs({
    options: {
      pg: { type: 'boolean', default: false },
      kills: { type: 'string', default: '10' },
      seconds: { type: 'string' },
      writers: { type: 'string', default: '8' },
    },
  });
  const kills = Number(values.kills);
  const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
  const writers = Number(values.writers);
  if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(writers) || writers < 1) {
    process.stderr.write('--kills and --writers take a positive whole number\n');
    return 2;
  }
  if (seconds !== undefined && !(seconds > 0)) {
    process.stderr.write('--seconds takes a positive number\n');
    return 2;
  }
  const summary = await runDurability({
    dialect: values.pg ? 'postgres' : 'sqlite',
    kills,
    seconds,
    writers,
    keepOnFailure: true,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.failures.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await cli();
}
