/**
 * `npm run test:security` (full) and `npm run test:security:short` (the CI form): Debian's wapiti
 * and sqlmap against a throw-away demo on 127.0.0.1. Exits 1 on any finding, on a 5xx the
 * scanners saw or the server logged, or when the demo server died. See docs/security.md.
 *
 *   node --import tsx packages/server/test/security/run.ts [--short] [--pg] [--keep]
 *        [--only=<regex over "METHOD /path">] [--no-wapiti] [--no-sqlmap]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Credentials, Demo, ROLES, type RoleName } from './demo.ts';
import { pool, runSqlmap, type SqlmapResult } from './sqlmap.ts';
import { buildTargets, Catalog, type OpenApi, type Target } from './targets.ts';
import { runWapiti, WAPITI_MODULES, type WapitiResult } from './wapiti.ts';

const { values: flags } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    pg: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-wapiti': { type: 'boolean', default: false },
    'no-sqlmap': { type: 'boolean', default: false },
  },
});

const SHORT = flags.short === true;
/** Time bounds. The short form is the CI form and must end within about four minutes. */
const LIMITS = SHORT
  ? { sqlmapSeconds: 160, perTargetSeconds: 60, parallel: 2, wapitiScan: 25, wapitiAttack: 10 }
  : { sqlmapSeconds: 3600, perTargetSeconds: 300, parallel: 3, wapitiScan: 180, wapitiAttack: 30 };

/** Never scanned: they end the scanner's own session or are streams without an end. */
const NEVER = [
  /^POST \/api\/v1\/auth\/logout$/,
  /\/events$/, // server-sent events: an open stream per request
];

/** The short form's handful of JSON-body routes (free text that reaches SQL and search). */
const SHORT_BODIES = [
  'POST /api/v1/news',
  'POST /api/v1/decisions',
  'PATCH /api/v1/meetings/{id}',
  'POST /api/v1/consultations/{id}/comments',
  'POST /api/v1/persons',
  'POST /api/v1/auth/login',
];

const SHORT_WAPITI = [/\/search$/, /\/decisions$/, /\/documents$/, /\/news$/, /\/persons$/];

const log = (line: string) => process.stdout.write(`${line}\n`);

function includeOperation(method: string, template: string, op: { parameters?: unknown[] }) {
  const name = `${method.toUpperCase()} ${template}`;
  if (NEVER.some((re) => re.test(name))) {
    return false;
  }
  if (flags.only && !new RegExp(flags.only).test(name)) {
    return false;
  }
  if (!SHORT) {
    return true;
  }
  // Short form: every GET with a filter or a free-text parameter (lists, search, exports'
  // filters), plus a handful of JSON bodies.
  const params = (op.parameters ?? []) as { in: string; name: string }[];
  const filters = params.filter(
    (p) => p.in === 'query' && !['limit', 'cursor', 'lang'].includes(p.name),
  );
  if (method === 'get') {
    // Exports are left to the full form: they run their list's query with the same filters.
    return filters.length > 0 && !/\/export|\.(csv|xlsx|docx|pdf)$/.test(template);
  }
  return SHORT_BODIES.includes(name);
}

async function api(
  demo: Demo,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${demo.origin}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body instanceof FormData || body === undefined
        ? {}
        : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : {} };
}

/**
 * Records the scan may change or delete without losing its own footing: a user (PATCH and
 * DELETE of users would otherwise hit the scanner's own account), a token (DELETE revokes it)
 * and a file attached to a decision (the attachment routes need a real SHA-256).
 */
async function scratchRecords(demo: Demo, admin: string, catalog: Catalog): Promise<void> {
  const email = `scan-user-${Date.now()}@example.org`;
  const password = 'Scan-user-password-2026';
  const user = await api(demo, admin, 'POST', '/api/v1/users', {
    email,
    name: 'Security scan user',
    role: 'observer',
    password,
  });
  if (typeof user.json.id === 'string') {
    catalog.fixed.set('/api/v1/users/{id}', user.json.id);
  }
  // Failed sign-ins lock an account: the login route is scanned with the scratch user's e-mail.
  catalog.loginEmail = email;
  catalog.loginPassword = password;
  const token = await api(demo, admin, 'POST', '/api/v1/auth/tokens', { name: 'scan scratch' });
  if (typeof token.json.id === 'string') {
    catalog.fixed.set('/api/v1/auth/tokens/{id}', token.json.id);
  }
  const form = new FormData();
  form.append('file', new Blob(['Security scan attachment\n'], { type: 'text/plain' }), 'scan.txt');
  const file = await api(demo, admin, 'POST', '/api/v1/files', form);
  const sha = file.json.sha256;
  if (typeof sha === 'string') {
    catalog.shas.add(sha);
    const [decision] = await catalog.ids('/decisions');
    if (decision) {
      await api(demo, admin, 'POST', `/api/v1/decisions/${decision}/attachments`, {
        sha256: sha,
        name: 'scan.txt',
      });
    }
  }
}

/** GETs first, then writes, then DELETEs deepest path first (children before parents). */
function ordered(targets: Target[]): Target[][] {
  const reads = targets.filter((t) => t.method === 'get');
  const writes = targets.filter((t) => t.method !== 'get' && t.method !== 'delete');
  const deletes = targets
    .filter((t) => t.method === 'delete')
    .sort((a, b) => b.template.split('/').length - a.template.split('/').length);
  // The short form's time bound ends the reads, not its few JSON bodies.
  return SHORT ? [writes, reads, deletes] : [reads, writes, deletes];
}

function pad(s: string | number, n: number): string {
  const t = String(s);
  return t.length >= n ? t : t + ' '.repeat(n - t.length);
}

async function main(): Promise<number> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-security-'));
  log(
    `Security scan (${SHORT ? 'short' : 'full'} form, ${flags.pg ? 'PostgreSQL' : 'SQLite'}) in ${workDir}`,
  );
  const demo = await Demo.start(workDir, flags.pg === true);
  log(`Demo ready at ${demo.origin} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const failures: string[] = [];
  const notes: string[] = [];
  let sqlmapResults: SqlmapResult[] = [];
  const sqlmapSkipped: Target[] = [];
  const wapitiResults: WapitiResult[] = [];
  try {
    const creds = {} as Record<RoleName, Credentials>;
    for (const role of Object.keys(ROLES) as RoleName[]) {
      creds[role] = await demo.signIn(role);
    }
    const openapi = (await (await fetch(`${demo.origin}/api/v1/openapi.json`)).json()) as OpenApi;
    // The admin reads everything the secretariat reads, and also users and the audit trail.
    const catalog = new Catalog(demo.origin, creds.admin.token);
    await scratchRecords(demo, creds.admin.token, catalog);
    const { targets, unresolved } = await buildTargets(
      openapi,
      catalog,
      { freeTextOnly: SHORT },
      includeOperation,
    );
    for (const op of unresolved) {
      notes.push(`not scanned by sqlmap (no record to fill its path): ${op}`);
    }
    log(
      `${targets.length} operations, ${targets.reduce((n, t) => n + t.points.length, 0)} injection points`,
    );

    const sqlmapPhase = async () => {
      if (flags['no-sqlmap']) {
        return;
      }
      const deadline = Date.now() + LIMITS.sqlmapSeconds * 1000;
      const phases = ordered(targets);
      for (const [i, phase] of phases.entries()) {
        const { done, skipped } = await pool(phase, LIMITS.parallel, deadline, (t, index) => {
          return runSqlmap(
            {
              origin: demo.origin,
              // Admin: reads and writes all content and also users (DESIGN §3).
              token: creds.admin.token,
              technique: SHORT ? 'BEUS' : 'BEUST',
              outDir: path.join(workDir, 'sqlmap', String(i)),
              perTargetTimeoutMs: LIMITS.perTargetSeconds * 1000,
            },
            t,
            index,
          ).then((r) => {
            log(
              `  sqlmap ${pad(r.target.operation, 70)} ${pad(r.baseline, 4)} ${r.seconds.toFixed(1)} s${r.findings.length ? '  FINDING' : ''}${r.incomplete ? `  (${r.incomplete})` : ''}`,
            );
            return r;
          });
        });
        sqlmapResults.push(...done);
        sqlmapSkipped.push(...skipped);
      }
    };

    const wapitiPhase = async () => {
      if (flags['no-wapiti']) {
        return;
      }
      const o = demo.origin;
      const excludes = [
        `${o}/api/v1/auth/logout*`,
        `${o}/api/v1/auth/oidc/*`,
        `${o}/api/v1/auth/calendar-feed*`,
        `${o}/api/v1/auth/tokens*`,
        `${o}/api/v1/events*`,
        `${o}/api/v1/meetings/*/events*`,
        `${o}/api/docs*`,
      ];
      const portal = ['/', '/en/', '/ru/', '/en/news', '/ru/news', '/feeds/news.rss']
        .concat(['/feeds/news.atom', '/calendar.ics', '/sitemap.xml', '/robots.txt'])
        .map((p) => `${o}${p}`);
      // The API pages a role reads, with their filters as query parameters to attack.
      // In the short form a few lists with free text, so that each module reaches them in time.
      const apiPages = targets
        .filter((t) => t.method === 'get' && !/\.(xlsx|docx|pdf)$/.test(t.template))
        .filter((t) => !SHORT || SHORT_WAPITI.some((re) => re.test(t.template)))
        .map((t) => `${o}${t.plainUrl}`);
      const workspace = [`${o}/app/`, `${o}/api/v1/auth/me`, ...apiPages];
      const runs: { name: string; cookie: string | null; start: string[] }[] = [
        { name: 'anonymous', cookie: null, start: portal },
        ...(Object.keys(ROLES) as RoleName[]).map((role) => ({
          name: role,
          cookie: creds[role].cookie,
          start: workspace,
        })),
      ];
      // The short form: the portal anonymously and the API as one staff and one delegate.
      const chosen = SHORT
        ? runs.filter((r) => ['anonymous', 'secretariat', 'delegate'].includes(r.name))
        : runs;
      for (const run of chosen) {
        const result = await runWapiti({
          name: run.name,
          origin: o,
          cookie: run.cookie,
          startUrls: run.start,
          excludes,
          modules: SHORT ? WAPITI_MODULES.short : WAPITI_MODULES.full,
          maxScanSeconds: LIMITS.wapitiScan,
          maxAttackSeconds: LIMITS.wapitiAttack,
          workDir,
        });
        log(
          `  wapiti ${pad(result.name, 12)} ${pad(result.urls, 5)} URLs ${result.seconds.toFixed(0)} s, ${result.findings.length} findings${result.incomplete ? ` (${result.incomplete})` : ''}`,
        );
        wapitiResults.push(result);
      }
    };

    await Promise.all([sqlmapPhase(), wapitiPhase()]);

    // The cookies must still be valid: a scanner that signed itself out scanned nothing after.
    for (const role of Object.keys(ROLES) as RoleName[]) {
      const me = await fetch(`${demo.origin}/api/v1/auth/me`, {
        headers: { cookie: `plenum_session=${creds[role].cookie}` },
      });
      if (me.status !== 200) {
        notes.push(
          `the ${role} session ended during the scan (GET /auth/me answered ${me.status})`,
        );
      }
    }
  } finally {
    if (!demo.alive) {
      failures.push('the demo server died during the scan');
    }
    for (const line of demo.serverErrors()) {
      failures.push(`server log: ${line}`);
    }
    await demo.stop();
  }

  sqlmapResults = sqlmapResults.sort((a, b) =>
    a.target.operation.localeCompare(b.target.operation),
  );
  for (const r of sqlmapResults) {
    for (const f of r.findings) {
      failures.push(`sqlmap ${r.target.operation}: ${f}\n  log: ${r.log}`);
    }
    for (const e of r.serverErrors) {
      failures.push(`sqlmap ${r.target.operation} got ${e} (${r.log})`);
    }
    if (r.incomplete) {
      notes.push(`sqlmap ${r.target.operation}: ${r.incomplete} (${r.log})`);
    }
    if (r.baseline >= 400) {
      notes.push(
        `sqlmap ${r.target.operation}: the unmarked request answered ${r.baseline} ${r.baselineDetail.replace(/\s+/g, ' ')}`,
      );
    }
  }
  for (const r of wapitiResults) {
    for (const f of r.findings) {
      failures.push(`wapiti (${r.name}): ${f}`);
    }
    if (r.incomplete) {
      notes.push(`wapiti ${r.name}: ${r.incomplete} (${r.log})`);
    }
  }
  for (const t of sqlmapSkipped) {
    notes.push(`sqlmap skipped (time bound): ${t.operation}`);
  }

  const points = sqlmapResults.reduce((n, r) => n + r.target.points.length, 0);
  const tested = sqlmapResults.reduce((n, r) => n + r.tested, 0);
  const reached = sqlmapResults.filter((r) => r.baseline >= 200 && r.baseline < 300).length;
  const sqlmapSeconds = sqlmapResults.reduce((n, r) => n + r.seconds, 0);
  const sqlmapFindings = sqlmapResults.reduce(
    (n, r) => n + r.findings.length + r.serverErrors.length,
    0,
  );
  log('');
  log('scanner  runs  operations/URLs  parameters  findings  time');
  log(
    `sqlmap   ${pad(sqlmapResults.length, 5)} ${pad(`${sqlmapResults.length} (${reached} answered 2xx unmarked)`, 16)} ${pad(`${points} (${tested} tested)`, 11)} ${pad(sqlmapFindings, 9)} ${sqlmapSeconds.toFixed(0)} s of sqlmap`,
  );
  log(
    `wapiti   ${pad(wapitiResults.length, 5)} ${pad(
      wapitiResults.reduce((n, r) => n + r.urls, 0),
      16,
    )} ${pad('-', 11)} ${pad(
      wapitiResults.reduce((n, r) => n + r.findings.length, 0),
      9,
    )} ${wapitiResults.reduce((n, r) => n + r.seconds, 0).toFixed(0)} s`,
  );
  log(`total    ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (notes.length > 0) {
    log(`\nNotes (${notes.length}):`);
    for (const n of notes) {
      log(`  ${n}`);
    }
  }
  if (failures.length > 0) {
    log(`\nFINDINGS (${failures.length}):`);
    for (const f of failures) {
      log(`- ${f}`);
    }
  } else {
    log('\nNo findings.');
  }
  if (!flags.keep && failures.length === 0) {
    fs.rmSync(workDir, { recursive: true, force: true });
  } else {
    log(`Logs and reports kept in ${workDir}`);
  }
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 2;
  },
);
