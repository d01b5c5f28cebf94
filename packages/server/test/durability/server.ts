import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root, found from this file so the harness runs from any directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const PLENUM_BIN = path.join(REPO_ROOT, 'bin', 'plenum');

export type Dialect = 'sqlite' | 'postgres';

/** Where one harness run keeps its database and files, and how to remove them afterwards. */
export interface Workspace {
  dialect: Dialect;
  databaseUrl: string;
  /** The SQLite file (SQLite only). */
  sqliteFile: string | null;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
  remove(): Promise<void>;
}

/** The PostgreSQL server the tests use (PLENUM_TEST_PG_URL), at another database of it. */
function pgUrlFor(database: string): string {
  const url = new URL(process.env.PLENUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A temporary data directory and a fresh database: a SQLite file in it, or a new PostgreSQL
 * database (created through the maintenance database, dropped again by `remove`).
 */
export async function createWorkspace(dialect: Dialect): Promise<Workspace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-durability-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  const common = {
    dialect,
    dataDir,
    adminEmail: 'durability-admin@example.org',
    // Long and random, so whatever password policy applies accepts it.
    adminPassword: `durability-${randomBytes(12).toString('hex')}`,
  };
  if (dialect === 'sqlite') {
    const sqliteFile = path.join(root, 'plenum.db');
    return {
      ...common,
      databaseUrl: `sqlite:${sqliteFile}`,
      sqliteFile,
      remove: async () => fs.rmSync(root, { recursive: true, force: true }),
    };
  }
  const database = `plenum_durability_${randomBytes(6).toString('hex')}`;
  const maintenance = pgUrlFor('postgres');
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  return {
    ...common,
    databaseUrl: pgUrlFor(database),
    sqliteFile: null,
    remove: async () => {
      const c = new pg.Client({ connectionString: maintenance });
      await c.connect();
      try {
        // FORCE: a killed server's connections may linger until PostgreSQL notices.
        await c.query(`drop database if exists ${database} with (force)`);
      } finally {
        await c.end();
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One running `plenum serve` child process. */
export interface ServerProcess {
  base: string;
  pid: number;
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
  /** The last lines the server printed, for reports of a failure. */
  output(): string;
}

const OUTPUT_KEEP = 20_000;

// Servers still running when the harness process ends (an aborted run) die with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/**
 * Starts `node bin/plenum serve` on the workspace and waits for /readyz. The environment is the
 * caller's without any PLENUM_ setting (so nothing of the developer's own configuration leaks
 * in) plus the workspace's.
 */
export async function startServer(ws: Workspace, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // NODE_OPTIONS of a test runner may carry loaders meant for it, not for the server.
    if (!key.startsWith('PLENUM_') && key !== 'NODE_OPTIONS') {
      env[key] = value;
    }
  }
  Object.assign(env, {
    PLENUM_DATABASE_URL: ws.databaseUrl,
    PLENUM_DATA_DIR: ws.dataDir,
    PLENUM_ADMIN_EMAIL: ws.adminEmail,
    PLENUM_ADMIN_PASSWORD: ws.adminPassword,
    PLENUM_JOB_INTERVAL_SECONDS: '0',
    PLENUM_LOG_LEVEL: 'warn',
    PLENUM_WEB_DIR: path.join(ws.dataDir, 'no-web'),
  });
  const child: ChildProcess = spawn(
    process.execPath,
    [PLENUM_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });
  const base = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    base,
    pid: child.pid ?? -1,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
      await exited;
    },
    output: () => output,
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        return server;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.kill();
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${output}`);
}
