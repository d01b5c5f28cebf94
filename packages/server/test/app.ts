import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createToken } from '../src/modules/auth/service.ts';
import { insertUser } from '../src/modules/users/service.ts';
import { type Actor, ANONYMOUS } from '../src/platform/context.ts';

export const DIALECT = process.env.PLENUM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
export const PG_URL = process.env.PLENUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'] as const;
export const PASSWORD = 'correct horse battery staple';

export type Caller =
  | 'anonymous'
  | 'admin'
  | 'secretariat'
  | 'delegateArm'
  | 'delegateBlr'
  | 'observer';

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  /** Bearer tokens of the standard test users. */
  tokens: Record<Exclude<Caller, 'anonymous'>, string>;
  userIds: Record<Exclude<Caller, 'anonymous'>, string>;
  /** The app's own data directory (files live under `files/`). */
  dataDir: string;
  /** Sends a request as one of the standard callers (bearer token; no CSRF needed). */
  as(caller: Caller, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A fresh database of the dialect under test: a new SQLite file in a directory of its own, or a
 * new PostgreSQL schema named `<prefix>_<random>`. `drop` removes it.
 */
export async function openFreshDatabase(
  prefix = 'test',
): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const suffix = randomBytes(6).toString('hex');
  if (DIALECT === 'postgres') {
    const schema = `${prefix}_${suffix}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase(PG_URL, { schema });
    return {
      handle,
      drop: async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-test-'));
  const handle = openDatabase(`sqlite:${path.join(dir, 'plenum.db')}`);
  return { handle, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const SYSTEM: Actor = { ...ANONYMOUS, id: null, role: 'admin', name: 'test' };

/**
 * A migrated database of its own (a real SQLite file, or a fresh PostgreSQL schema), the six
 * member states, and one user per role with an API token.
 */
export async function createTestApp(
  opts: { webDir?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const { handle, drop } = await openFreshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-test-data-'));
  await migrateToLatest(handle.db, handle.schema);
  const config = loadConfig(
    // A data directory of its own, so stored files of one test app never meet another's.
    { PLENUM_DATA_DIR: dataDir, ...opts.env },
    { logLevel: 'silent', webDir: opts.webDir ?? path.join(os.tmpdir(), 'plenum-no-web') },
  );
  const app = await buildApp({ config, database: handle, logger: false, checkResponses: true });
  await app.ready();

  const now = new Date().toISOString();
  for (const code of STATES) {
    await handle.db
      .insertInto('memberStates')
      .values({
        code,
        name: JSON.stringify({ en: `State ${code}`, ru: `Государство ${code}` }),
        status: 'member',
        searchText: code.toLowerCase(),
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  const users = {
    admin: { role: 'admin', memberState: null },
    secretariat: { role: 'secretariat', memberState: null },
    delegateArm: { role: 'delegate', memberState: 'ARM' },
    delegateBlr: { role: 'delegate', memberState: 'BLR' },
    observer: { role: 'observer', memberState: null },
  } as const;
  const tokens = {} as TestApp['tokens'];
  const userIds = {} as TestApp['userIds'];
  for (const [key, u] of Object.entries(users) as [
    keyof typeof users,
    (typeof users)[keyof typeof users],
  ][]) {
    const user = await insertUser(handle.db, handle.dialect, SYSTEM, {
      email: `${key.toLowerCase()}@example.org`,
      name: key,
      role: u.role,
      memberState: u.memberState,
      bodyIds: [],
      language: 'en',
      active: true,
      password: PASSWORD,
    });
    userIds[key] = user.id;
    const created = await createToken(
      { db: handle.db, dialect: handle.dialect, actor: { ...SYSTEM, id: user.id } },
      'test',
      user.id,
    );
    tokens[key] = created.token;
  }

  return {
    app,
    handle,
    tokens,
    userIds,
    dataDir,
    as(caller, injectOpts) {
      const headers = { ...(injectOpts.headers ?? {}) } as Record<string, string>;
      if (caller !== 'anonymous') {
        headers.authorization = `Bearer ${tokens[caller]}`;
      }
      return app.inject({ ...injectOpts, headers });
    },
    async close() {
      await app.close();
      await handle.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in with the password and returns the cookie header and CSRF token of the session. */
export async function loginWithPassword(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<{ cookie: string; csrfToken: string; response: LightMyRequestResponse }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  const setCookie = response.cookies.find((c) => c.name === 'plenum_session');
  return {
    cookie: setCookie ? `plenum_session=${setCookie.value}` : '',
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
    response,
  };
}
