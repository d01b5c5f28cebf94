import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
const PG_ADMIN_URL =
  process.env.PLENUM_SECURITY_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const READY_TIMEOUT_MS = 180_000;

/** The demo's sign-ins (packages/server/src/demo/data.ts); the password is DEMO_PASSWORD there. */
export const ROLES = {
  admin: 'admin@plenum.example',
  secretariat: 'secretariat@plenum.example',
  delegate: 'delegate.arm@plenum.example',
  observer: 'observer@plenum.example',
} as const;
export type RoleName = keyof typeof ROLES;
const DEMO_PASSWORD = 'plenum-demo-2023';

export interface Credentials {
  /** The value of the `plenum_session` cookie. */
  cookie: string;
  csrfToken: string;
  /** A bearer token created for this run. */
  token: string;
}

/** A port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function pgAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A throw-away demo (`plenum serve --demo`) on 127.0.0.1: its own database (a temporary SQLite
 * file, or a PostgreSQL database created for it and dropped after) and data directory, so that
 * every write the scanners make lands in a copy nobody needs.
 */
export class Demo {
  private constructor(
    readonly origin: string,
    readonly logFile: string,
    private readonly child: ChildProcess,
    private readonly dropDatabase: (() => Promise<void>) | null,
  ) {}

  static async start(workDir: string, usePg: boolean): Promise<Demo> {
    const port = await freePort();
    const dataDir = path.join(workDir, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    let databaseUrl = `sqlite:${path.join(dataDir, 'plenum.db')}`;
    let dropDatabase: (() => Promise<void>) | null = null;
    if (usePg) {
      const name = `plenum_security_${randomBytes(5).toString('hex')}`;
      await pgAdmin(`create database ${name}`);
      databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
      dropDatabase = () => pgAdmin(`drop database if exists ${name} with (force)`);
    }
    const logFile = path.join(workDir, 'server.log');
    const log = fs.openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'plenum'), 'serve', '--demo', '--port', String(port)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PLENUM_DATABASE_URL: databaseUrl,
          PLENUM_DATA_DIR: dataDir,
          PLENUM_HOST: '127.0.0.1',
          PLENUM_PUBLIC_URL: `http://127.0.0.1:${port}`,
          PLENUM_JOB_INTERVAL_SECONDS: '0',
          PLENUM_SMTP_URL: '',
          PLENUM_OIDC_ISSUER: '',
        },
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    const demo = new Demo(`http://127.0.0.1:${port}`, logFile, child, dropDatabase);
    try {
      await demo.waitReady();
    } catch (error) {
      await demo.stop();
      throw error;
    }
    return demo;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.alive) {
        throw new Error(`The demo server exited early; see ${this.logFile}`);
      }
      try {
        const res = await fetch(`${this.origin}/readyz`);
        // The demo is loaded before the server listens, so ready means loaded.
        if (res.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`The demo server was not ready within ${READY_TIMEOUT_MS / 1000} s`);
  }

  /** Signs a demo user in: the session cookie, its CSRF token and a new bearer token. */
  async signIn(role: RoleName): Promise<Credentials> {
    const login = await fetch(`${this.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ROLES[role], password: DEMO_PASSWORD }),
    });
    if (!login.ok) {
      throw new Error(`Signing in ${ROLES[role]} failed: ${login.status} ${await login.text()}`);
    }
    const cookie = login.headers
      .getSetCookie()
      .map((c) => /^plenum_session=([^;]+)/.exec(c)?.[1])
      .find(Boolean);
    if (!cookie) {
      throw new Error(`No session cookie for ${ROLES[role]}`);
    }
    const me = (await (
      await fetch(`${this.origin}/api/v1/auth/me`, {
        headers: { cookie: `plenum_session=${cookie}` },
      })
    ).json()) as { csrfToken: string };
    const created = await fetch(`${this.origin}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: {
        cookie: `plenum_session=${cookie}`,
        'x-csrf-token': me.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: `security scan ${role}` }),
    });
    if (created.status !== 201) {
      throw new Error(`Creating a token for ${ROLES[role]} failed: ${created.status}`);
    }
    const { token } = (await created.json()) as { token: string };
    return { cookie, csrfToken: me.csrfToken, token };
  }

  /**
   * What the server's log says went wrong: unhandled errors (level ≥ 50), any logged 5xx status
   * and "Internal Server Error". Request logging is off at the default level, so an error a
   * route did not turn into a problem shows up as the error handler's `unhandled error` line.
   */
  serverErrors(): string[] {
    const lines = fs.readFileSync(this.logFile, 'utf8').split('\n');
    const found: string[] = [];
    for (const line of lines) {
      let bad = /Internal Server Error/.test(line) || /"statusCode":\s*5\d\d/.test(line);
      if (line.startsWith('{')) {
        try {
          const entry = JSON.parse(line) as { level?: number };
          bad ||= (entry.level ?? 0) >= 50;
        } catch {
          // not a pino line
        }
      }
      if (bad) {
        found.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
      }
    }
    return found;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        this.child.kill('SIGTERM');
      });
    }
    if (this.dropDatabase) {
      await this.dropDatabase().catch((error: unknown) => {
        process.stderr.write(`Could not drop the scan database: ${String(error)}\n`);
      });
    }
  }
}
