import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { BackupProgress } from './backup/manifest.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/dialect.ts';
import { DemoLoadError, DemoRefused } from './demo/errors.ts';
import type { DemoLogin } from './demo/loader.ts';
import type { Actor } from './platform/context.ts';
import { REPO_ROOT } from './repo-root.ts';

/**
 * The command line (`bin/plenum`): start, serve, migrate, demo, user add, token create, backup,
 * restore.
 * `main(argv)` returns the exit code; `serve` and `start` return once the server has closed.
 */

// The server works in UTC ("today" is the UTC date; times carry their own zones). The calendar
// library formats a meeting's wall-clock time through the process's zone, so a host zone with
// daylight-saving gaps could shift a meeting that starts inside one: run in UTC whatever the host.
process.env.TZ = 'UTC';

const WEB_PACKAGE = path.join(REPO_ROOT, 'packages', 'web');

/** Wrong use of the command line: exit code 2 with a pointer to the help. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/**
 * The server's modules, imported on first use: `--help` and usage errors answer at once instead
 * of waiting for the whole application to load.
 */
async function importRuntime() {
  const [
    app,
    config,
    dialect,
    migrate,
    data,
    loader,
    users,
    usersRepo,
    auth,
    authPlatform,
    shared,
    search,
    files,
  ] = await Promise.all([
    import('./app.ts'),
    import('./config.ts'),
    import('./db/dialect.ts'),
    import('./db/migrate.ts'),
    import('./demo/data.ts'),
    import('./demo/loader.ts'),
    import('./modules/users/service.ts'),
    import('./modules/users/repository.ts'),
    import('./modules/auth/service.ts'),
    import('./platform/auth.ts'),
    import('@plenum/shared'),
    import('./modules/search/indexer.ts'),
    import('./platform/files.ts'),
  ]);
  return {
    buildApp: app.buildApp,
    loadConfig: config.loadConfig,
    openDatabase: dialect.openDatabase,
    migrateToLatest: migrate.migrateToLatest,
    DEMO_PASSWORD: data.DEMO_PASSWORD,
    contentCounts: loader.contentCounts,
    demoLogins: loader.demoLogins,
    hasDemoLogins: loader.hasDemoLogins,
    loadDemo: loader.loadDemo,
    bootstrapAdmin: users.bootstrapAdmin,
    insertUser: users.insertUser,
    findUserByEmail: usersRepo.findUserByEmail,
    createToken: auth.createToken,
    actorFromUser: authPlatform.actorFromUser,
    ZUserCreate: shared.ZUserCreate,
    ensureSearchIndex: search.ensureSearchIndex,
    fileStore: files.fileStore,
  };
}
type Runtime = Awaited<ReturnType<typeof importRuntime>>;
let runtimePromise: Promise<Runtime> | null = null;
const runtime = () => {
  runtimePromise ??= importRuntime();
  return runtimePromise;
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line = '') => process.stderr.write(`${line}\n`);

const CONFIG_HELP = `Configuration comes from the environment (every variable is listed in README.md):
  PLENUM_DATABASE_URL   sqlite:<PLENUM_DATA_DIR>/plenum.db (default) or postgres://user:pass@host/db
  PLENUM_DATA_DIR       ./data, relative to the current directory
  PLENUM_PORT           3000          PLENUM_HOST   0.0.0.0
  PLENUM_ADMIN_EMAIL, PLENUM_ADMIN_PASSWORD   the first administrator of an empty database`;

const HELP: Record<string, string> = {
  main: `Plenum — the secretariat platform of an intergovernmental commission

Usage: plenum <command> [options]

Commands:
  start          Build the workspace when needed, migrate, load the demo into an empty
                 database, and serve (what \`npm start\` runs)
  serve          Migrate and serve the API and the workspace
  migrate        Apply pending database migrations
  demo           Load the demo dataset into an empty database
  user add       Create a user
  token create   Issue an API token for a user
  backup FILE    Write every record and file to one archive while the server keeps serving
  restore FILE   Load an archive into an empty database and its files into PLENUM_DATA_DIR

Options:
  -h, --help     Show this help; \`plenum <command> --help\` shows a command's options

${CONFIG_HELP}`,

  start: `Usage: plenum start

Builds the web client when packages/web/dist is missing or older than its sources, applies
pending migrations, creates the first administrator from PLENUM_ADMIN_EMAIL and
PLENUM_ADMIN_PASSWORD on an empty database, loads the demo dataset when the database holds no
data, prints the address and the demo logins, and serves on PLENUM_PORT until SIGINT or SIGTERM.
A missing or failing web build is reported; the API is served regardless.

Options:
  -h, --help     Show this help

${CONFIG_HELP}`,

  serve: `Usage: plenum serve [--port <n>] [--host <address>] [--demo]

Applies pending migrations, creates the first administrator from PLENUM_ADMIN_EMAIL and
PLENUM_ADMIN_PASSWORD when the database has no users, and serves the API (/api/v1), its
reference (/api/docs) and the built workspace (/app/) until SIGINT or SIGTERM, then closes
gracefully.

Options:
  --port <n>         Port to listen on (default PLENUM_PORT, else 3000)
  --host <address>   Address to listen on (default PLENUM_HOST, else 0.0.0.0)
  --demo             Load the demo dataset first when the database holds no data
  -h, --help         Show this help

${CONFIG_HELP}`,

  migrate: `Usage: plenum migrate

Applies every pending migration to the database of PLENUM_DATABASE_URL and lists them.

Options:
  -h, --help     Show this help`,

  demo: `Usage: plenum demo

Loads the demo dataset (the CSTO Interstate Commission for Military-Economic Cooperation, its
councils, the XX and XXI meetings, one user per role) into an empty database, through the API
so that every rule applies and every change is audited. Applies pending migrations first.
Refuses, with exit code 1, a database that already holds data.

Options:
  -h, --help     Show this help`,

  'user add': `Usage: plenum user add --email <e-mail> --name <name> --role <role> [options]

Creates a user. Without --password a strong password is generated and printed once.

Options:
  --email <e-mail>        Sign-in e-mail (required)
  --name <name>           Display name (required)
  --role <role>           admin, secretariat, delegate or observer (required)
  --member-state <code>   ISO 3166-1 alpha-3 code of the state a delegate represents
                          (required for delegates, refused for other roles)
  --body <slug or id>     A body in the user's scope; repeat for several
  --language <en|ru>      Interface language (default en)
  --password <password>   At least 12 characters; generated when omitted
  -h, --help              Show this help`,

  'token create': `Usage: plenum token create --email <e-mail> --name <name>

Issues an API token for the user with that e-mail (send it as "Authorization: Bearer <token>").
The token is printed once, alone on standard output; only its hash is stored.

Options:
  --email <e-mail>   The user the token acts as (required)
  --name <name>      What the token is for, e.g. "reporting" (required)
  -h, --help         Show this help`,

  backup: `Usage: plenum backup FILE

Writes one archive (tar, gzip-compressed) of every record of every table, as of a single
instant, and every file of the file store (PLENUM_DATA_DIR/files), with a manifest of row
counts and SHA-256 checksums. The server may keep serving meanwhile: writers are not blocked.
The archive is written beside FILE and renamed to FILE once complete. Progress goes to stderr.

Options:
  -h, --help     Show this help

${CONFIG_HELP}`,

  restore: `Usage: plenum restore FILE

Loads an archive written by \`plenum backup\` (from SQLite or PostgreSQL) into the empty database
of PLENUM_DATABASE_URL (migrating it first) and its files into PLENUM_DATA_DIR/files. All or
nothing: every count and checksum is verified before the records commit; a damaged or
truncated archive, or a database that holds data, is refused with exit code 1 and nothing
written. Progress goes to stderr.

Options:
  -h, --help     Show this help

${CONFIG_HELP}`,
};

type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

function parse(command: string, args: string[], options: OptionSpec) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | string[] | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

function required(values: Record<string, unknown>, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name} is required.`, command);
  }
  return value.trim();
}

/** The database URL with any password hidden, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '****';
    }
    return parsed.protocol === 'sqlite:' ? url : parsed.toString();
  } catch {
    return url;
  }
}

async function openMigrated(config: Config, log: (line: string) => void = out): Promise<DbHandle> {
  const { openDatabase, migrateToLatest } = await runtime();
  const handle = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(handle.db, handle.schema);
    for (const name of applied) {
      log(`Applied migration ${name}`);
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function printLogins(logins: DemoLogin[], password: string): void {
  out(`Demo logins (every one with the password ${password}):`);
  const width = Math.max(...logins.map((l) => l.email.length));
  for (const login of logins) {
    const state = login.memberState ? ` (${login.memberState})` : '';
    out(`  ${login.email.padEnd(width)}  ${login.role}${state}`);
  }
}

/** Loads the demo into the app's database, reporting each step on the terminal. */
async function loadDemoWithProgress(app: FastifyInstance): Promise<void> {
  const { loadDemo } = await runtime();
  const started = Date.now();
  let stepStarted = started;
  const result = await loadDemo(app, {
    onProgress: ({ step, steps, label, count }) => {
      if (step === 1) {
        out('Loading the demo dataset through the API:');
      }
      const now = Date.now();
      const seconds = ((now - stepStarted) / 1000).toFixed(1);
      out(`  [${step}/${steps}] ${label.padEnd(14)} ${String(count).padStart(3)}   ${seconds} s`);
      stepStarted = now;
    },
  });
  out(`Demo dataset loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  for (const email of result.keptUsers) {
    out(`  ${email} existed already and was left as it was.`);
  }
}

// ---- start and serve ---------------------------------------------------------------------------

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) {
    return 0;
  }
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * Builds the workspace when its build is missing or older than its sources (its own and the
 * shared schemas it bundles). A missing package or a failed build is reported, not fatal.
 */
async function ensureWebClient(config: Config): Promise<void> {
  const dist = path.join(WEB_PACKAGE, 'dist');
  if (path.resolve(config.webDir) !== dist) {
    out(`Serving the workspace from PLENUM_WEB_DIR (${config.webDir}); not building it.`);
    return;
  }
  if (!fs.existsSync(path.join(WEB_PACKAGE, 'package.json'))) {
    out('The web client package (packages/web) is missing: serving the API only.');
    return;
  }
  const index = path.join(dist, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(WEB_PACKAGE, 'src')),
    newestMtime(path.join(WEB_PACKAGE, 'index.html')),
    newestMtime(path.join(WEB_PACKAGE, 'vite.config.ts')),
    newestMtime(path.join(WEB_PACKAGE, 'package.json')),
    newestMtime(path.join(REPO_ROOT, 'packages', 'shared', 'src')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) {
    out('The workspace build is up to date.');
    return;
  }
  out(
    fs.existsSync(index)
      ? 'The workspace sources changed since the last build: building the web client…'
      : 'Building the web client (first start)…',
  );
  const started = Date.now();
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn('npm', ['run', 'build', '-w', '@plenum/web'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 1));
  });
  if (code === 0 && fs.existsSync(index)) {
    out(`Web client built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } else {
    out(
      `The web client build failed (${typeof code === 'number' ? `exit code ${code}` : code}): ` +
        'serving the API without the workspace.',
    );
  }
}

async function serve(opts: {
  port?: string;
  host?: string;
  demo: boolean;
  buildWeb: boolean;
}): Promise<number> {
  const env = { ...process.env };
  if (opts.port !== undefined) {
    env.PLENUM_PORT = opts.port;
  }
  if (opts.host !== undefined) {
    env.PLENUM_HOST = opts.host;
  }
  const rt = await runtime();
  const config = rt.loadConfig(env);
  if (opts.buildWeb) {
    await ensureWebClient(config);
  }
  const handle = await openMigrated(config);
  let app: FastifyInstance | null = null;
  try {
    const first = await rt.bootstrapAdmin(
      handle.db,
      handle.dialect,
      config.adminEmail,
      config.adminPassword,
    );
    if (first) {
      out(`Created the first administrator, ${first.email}, from PLENUM_ADMIN_EMAIL.`);
    }
    app = await rt.buildApp({ config, database: handle, defaultMetrics: true });
    if (opts.demo) {
      if (Object.keys(await rt.contentCounts(handle.db)).length === 0) {
        await loadDemoWithProgress(app);
      } else {
        out('The database holds data: the demo dataset is not loaded.');
      }
    }
    // A database that predates search (or was restored without its index) gets it built once.
    const store = rt.fileStore(config.dataDir, config.filesMaxBytes);
    if (await rt.ensureSearchIndex(handle.db, { files: store })) {
      out('Built the search index.');
    }
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(
          `Port ${config.port} on ${config.host} is in use; set PLENUM_PORT or pass --port.`,
        );
      }
      throw error;
    }
    // From here a signal closes the server gracefully (app.drain): /readyz answers 503 at once,
    // PLENUM_SHUTDOWN_DELAY_MS (3 s) later the open event streams end (their clients resume on
    // another instance), open requests finish, then the database closes.
    const running = app;
    const stopped = new Promise<void>((resolve) => {
      let closing = false;
      const stop = (signal: NodeJS.Signals) => {
        if (closing) {
          err(`${signal} again: stopping at once.`);
          process.exit(1);
        }
        closing = true;
        out(`${signal} received: unready, then finishing open streams and requests…`);
        running.drain().then(resolve, (error: unknown) => {
          err(`Closing failed: ${(error as Error).message}`);
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    const port = (app.server.address() as AddressInfo).port;
    const base = (process.env.PLENUM_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
    const webBuilt = fs.existsSync(path.join(config.webDir, 'index.html'));
    out('');
    out('Plenum is running.');
    out(`  Public portal   ${base}/`);
    out(
      `  Workspace       ${webBuilt ? `${base}/app/` : 'not built (run `npm run build`); the API works'}`,
    );
    out(`  API reference   ${base}/api/docs`);
    out(`  OpenAPI         ${base}/api/v1/openapi.json`);
    out(`  Database        ${safeUrl(config.databaseUrl)}`);
    if (await rt.hasDemoLogins(handle.db)) {
      printLogins(rt.demoLogins(), rt.DEMO_PASSWORD);
    }
    out('Stop with Ctrl+C.');
    out('');

    await stopped;
    app = null;
    out('Plenum stopped.');
    return 0;
  } finally {
    if (app) {
      await app.close();
    }
    await handle.close();
  }
}

// ---- the other commands ------------------------------------------------------------------------

async function migrateCommand(): Promise<number> {
  const { loadConfig, openDatabase, migrateToLatest } = await runtime();
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    out(`Migrating ${safeUrl(config.databaseUrl)}…`);
    const applied = await migrateToLatest(handle.db, handle.schema);
    for (const name of applied) {
      out(`  applied ${name}`);
    }
    out(
      applied.length === 0
        ? 'The database is up to date.'
        : `${applied.length} migration(s) applied.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function demoCommand(): Promise<number> {
  const { loadConfig, buildApp, demoLogins, DEMO_PASSWORD } = await runtime();
  const config = loadConfig();
  const handle = await openMigrated(config);
  // The logger stays on, so an unexpected failure of a request is logged with its cause.
  const app = await buildApp({ config, database: handle });
  try {
    await loadDemoWithProgress(app);
    printLogins(demoLogins(), DEMO_PASSWORD);
    return 0;
  } finally {
    await app.close();
    await handle.close();
  }
}

async function userAdd(args: string[]): Promise<number> {
  const command = 'user add';
  const values = parse(command, args, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'member-state': { type: 'string' },
    body: { type: 'string', multiple: true },
    language: { type: 'string' },
    password: { type: 'string' },
  });
  if (values.help) {
    out(HELP[command]);
    return 0;
  }
  const email = required(values, 'email', command);
  const name = required(values, 'name', command);
  const role = required(values, 'role', command);
  const generated = values.password === undefined;
  const password = generated ? randomBytes(18).toString('base64url') : String(values.password);
  const memberState = values['member-state'];

  const { loadConfig, ZUserCreate, insertUser } = await runtime();
  const config = loadConfig();
  const handle = await openMigrated(config);
  try {
    const bodyIds: string[] = [];
    for (const ref of (values.body as string[] | undefined) ?? []) {
      const body = await handle.db
        .selectFrom('bodies')
        .select('id')
        .where((eb) => eb.or([eb('id', '=', ref), eb('slug', '=', ref)]))
        .executeTakeFirst();
      if (!body) {
        throw new UsageError(`--body ${ref}: no body has this slug or id.`, command);
      }
      bodyIds.push(body.id);
    }
    const parsed = ZUserCreate.safeParse({
      email,
      name,
      role,
      memberState: typeof memberState === 'string' ? memberState.toUpperCase() : null,
      bodyIds,
      ...(typeof values.language === 'string' ? { language: values.language } : {}),
      password,
    });
    if (!parsed.success) {
      const flags: Record<string, string> = { memberState: 'member-state', bodyIds: 'body' };
      const lines = parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        const message =
          issue.message === 'v.password' ? 'use at least 12 characters' : issue.message;
        return `--${flags[field] ?? field}: ${message}`;
      });
      throw new UsageError(lines.join('\n'), command);
    }
    const system: Actor = {
      id: null,
      role: 'admin',
      name: 'command line',
      memberState: null,
      bodyIds: [],
    };
    const user = await insertUser(handle.db, handle.dialect, system, parsed.data);
    const state = user.memberState ? ` for ${user.memberState}` : '';
    out(`Created ${user.role}${state} ${user.email} (${user.name}), id ${user.id}.`);
    if (generated) {
      out(`Password (shown this once; store it now): ${password}`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

async function tokenCreate(args: string[]): Promise<number> {
  const command = 'token create';
  const values = parse(command, args, { email: { type: 'string' }, name: { type: 'string' } });
  if (values.help) {
    out(HELP[command]);
    return 0;
  }
  const email = required(values, 'email', command).toLowerCase();
  const name = required(values, 'name', command);
  if (name.length > 100) {
    throw new UsageError('--name: use at most 100 characters.', command);
  }
  const { loadConfig, findUserByEmail, actorFromUser, createToken } = await runtime();
  const config = loadConfig();
  // Messages go to stderr, so `TOKEN=$(plenum token create …)` captures the token alone.
  const handle = await openMigrated(config, err);
  try {
    const user = await findUserByEmail(handle.db, email);
    if (!user) {
      err(`No user has the e-mail ${email}.`);
      return 1;
    }
    if (user.active !== 1) {
      err(`${email} is deactivated; a token would not work.`);
      return 1;
    }
    const actor = actorFromUser(user);
    const token = await createToken(
      { db: handle.db, dialect: handle.dialect, actor },
      name,
      user.id,
    );
    err(`API token "${token.name}" (id ${token.id}) for ${user.email}, ${user.role}.`);
    err('It is shown this once; store it now:');
    out(token.token);
    return 0;
  } finally {
    await handle.close();
  }
}

// ---- backup and restore ------------------------------------------------------------------------

function backupProgress(progress: BackupProgress): void {
  if (progress.kind === 'table') {
    const at = `[${progress.index}/${progress.tables}]`.padStart(7);
    err(`  ${at} ${progress.table.padEnd(32)} ${String(progress.rows).padStart(8)} rows`);
  } else if (progress.done || progress.files % 1000 === 0) {
    const mb = (progress.bytes / 1024 / 1024).toFixed(1);
    err(`  files ${String(progress.files).padStart(8)}   ${mb} MB${progress.done ? '' : ' …'}`);
  }
}

/** The one positional argument of backup and restore. */
function archiveArgument(command: string, args: string[]): string | null {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
  if (parsed.values.help) {
    out(HELP[command]);
    return null;
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0]!.trim() === '') {
    throw new UsageError('Name the archive file: one FILE argument.', command);
  }
  return path.resolve(parsed.positionals[0]!);
}

async function backupCommand(args: string[]): Promise<number> {
  const file = archiveArgument('backup', args);
  if (file === null) {
    return 0;
  }
  // Only what a backup needs: loading the whole application would only slow it down.
  const [{ loadConfig }, { openDatabase }, { backupDatabase }] = await Promise.all([
    import('./config.ts'),
    import('./db/dialect.ts'),
    import('./backup/backup.ts'),
  ]);
  const config = loadConfig();
  if (!fs.existsSync(path.dirname(file))) {
    err(`plenum: the folder ${path.dirname(file)} does not exist.`);
    return 1;
  }
  const handle = openDatabase(config.databaseUrl);
  // Written under another name and renamed once complete: FILE is never a half archive.
  const partial = `${file}.partial-${process.pid}`;
  try {
    err(`Backing up ${safeUrl(config.databaseUrl)} and ${path.resolve(config.dataDir, 'files')}…`);
    const started = Date.now();
    const output = fs.createWriteStream(partial, { flags: 'wx' });
    const summary = await backupDatabase(handle, config.dataDir, output, {
      onProgress: backupProgress,
    });
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
    err(
      `Backed up ${summary.rows} records of ${summary.tables} tables and ${summary.files} files ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file} (${size} MB).`,
    );
    return 0;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    err(`plenum: the backup failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await handle.close();
  }
}

async function restoreCommand(args: string[]): Promise<number> {
  const file = archiveArgument('restore', args);
  if (file === null) {
    return 0;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    err(`plenum: ${file} is not a file.`);
    return 1;
  }
  const [{ loadConfig }, { openDatabase }, { restoreDatabase, RestoreError }] = await Promise.all([
    import('./config.ts'),
    import('./db/dialect.ts'),
    import('./backup/restore.ts'),
  ]);
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    err(`Restoring ${file} into ${safeUrl(config.databaseUrl)}…`);
    const started = Date.now();
    const summary = await restoreDatabase(handle, config.dataDir, fs.createReadStream(file), {
      onProgress: backupProgress,
    });
    err(
      `Restored ${summary.rows} records of ${summary.tables} tables and ${summary.files} files ` +
        `(backed up from ${summary.sourceDialect} at ${summary.createdAt}) in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; every checksum verified.`,
    );
    for (const name of summary.migratedAfter) {
      err(`  then applied migration ${name}`);
    }
    return 0;
  } catch (error) {
    err(`plenum: restore refused: ${(error as Error).message}`);
    if (error instanceof RestoreError) {
      err('Nothing was restored: the database and the file store are as they were.');
    }
    return 1;
  } finally {
    await handle.close();
  }
}

// ---- entry -------------------------------------------------------------------------------------

async function run(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined) {
    err(HELP.main);
    return 2;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    out(HELP.main);
    return 0;
  }
  switch (first) {
    case 'start':
    case 'serve': {
      const values = parse(
        first,
        argv.slice(1),
        first === 'serve'
          ? { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' } }
          : {},
      );
      if (values.help) {
        out(HELP[first]);
        return 0;
      }
      return serve({
        port: values.port as string | undefined,
        host: values.host as string | undefined,
        demo: first === 'start' || values.demo === true,
        buildWeb: first === 'start',
      });
    }
    case 'migrate':
    case 'demo': {
      const values = parse(first, argv.slice(1), {});
      if (values.help) {
        out(HELP[first]);
        return 0;
      }
      return first === 'migrate' ? migrateCommand() : demoCommand();
    }
    case 'user':
      if (second === 'add') {
        return userAdd(rest);
      }
      throw new UsageError(
        second === undefined || second.startsWith('-')
          ? 'Say what to do with users: plenum user add …'
          : `Unknown user command "${second}"; the one there is: user add.`,
        'user add',
      );
    case 'token':
      if (second === 'create') {
        return tokenCreate(rest);
      }
      throw new UsageError(
        second === undefined || second.startsWith('-')
          ? 'Say what to do with tokens: plenum token create …'
          : `Unknown token command "${second}"; the one there is: token create.`,
        'token create',
      );
    case 'backup':
      return backupCommand(argv.slice(1));
    case 'restore':
      return restoreCommand(argv.slice(1));
    default:
      throw new UsageError(`Unknown command "${first}".`);
  }
}

/** Runs one command line; resolves to the process's exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`plenum: ${error.message}`);
      err(
        error.command
          ? `Run \`plenum ${error.command} --help\` for its options.`
          : 'Run `plenum --help` for the commands.',
      );
      return 2;
    }
    if (error instanceof DemoRefused) {
      err(`plenum: ${error.message}`);
      err('Point PLENUM_DATABASE_URL or PLENUM_DATA_DIR at a new database to load the demo.');
      return 1;
    }
    const { AppError, localizeMessage } = await import('./platform/errors.ts');
    if (error instanceof AppError) {
      err(`plenum: ${error.message}`);
      for (const field of error.errors ?? []) {
        // Some refusals carry message keys (v.password …): say them in words.
        err(`  ${field.path}: ${localizeMessage(field.message, 'en')}`);
      }
      return 1;
    }
    if (error instanceof DemoLoadError) {
      err(`plenum: loading the demo failed: ${error.message}`);
      err('The database now holds part of the demo: start again from an empty database.');
      return 1;
    }
    err(`plenum: ${(error as Error).message ?? String(error)}`);
    if (process.env.PLENUM_LOG_LEVEL === 'debug' || process.env.PLENUM_LOG_LEVEL === 'trace') {
      err((error as Error).stack ?? '');
    }
    return 1;
  }
}
