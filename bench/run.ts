/**
 * `npm run bench`: generates the DESIGN §6 dataset into a fresh database, starts a bare Fastify
 * baseline and the Plenum server in processes of their own, loads each endpoint with autocannon
 * and reports requests per second, p50/p99 latency, the ratio to the bare baseline measured in
 * the same run, the budget and PASS/FAIL, and the server's RSS. Results also go to
 * bench/results/<timestamp>.json. The exit code is 0 even when a budget fails: the bench reports.
 *
 * Options: --duration=S (8) --warmup=S (2) --connections=N (10) --scale=X (1) --pg[=URL]
 *          --only=id,id (endpoint ids) --profile (CPU profile of the Plenum server) --keep
 *          --reuse=FILE|SCHEMA (measure a database kept by --keep instead of generating one)
 *          --stream-clients=N (1000) --stream-changes=N (20): the live-events run (`--only=stream`
 *          runs it alone, beside the baselines)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generate } from './generate.ts';
import {
  type Baseline,
  BUDGETS,
  type EndpointKind,
  judge,
  RSS_BUDGET_BYTES,
  STREAM_BUDGET_MS,
  type Verdict,
} from './lib/budgets.ts';
import { type BenchDatabase, openFreshDatabase, pgUrlFromArgs } from './lib/database.ts';
import { openKeptDatabase, reuseDataset } from './lib/kept-dataset.ts';
import { type LoadResult, runLoad } from './lib/load.ts';
import { type ProfileSummary, summarizeProfile } from './lib/profile.ts';
import { formatCount, formatSeconds, Progress } from './lib/progress.ts';
import { SEARCH_QUERIES_EN, SEARCH_QUERIES_RU } from './lib/search-queries.ts';
import { ServerProcess } from './lib/servers.ts';
import { measureBundle, portalScripts } from './lib/static-budgets.ts';
import { measureStreams, type StreamResult } from './lib/stream.ts';
import { makeUploadBody, runUploadLoad, type UploadBody, uploadOnce } from './lib/upload.ts';
import type { MemoryReport } from './servers/protocol.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const API = '/api/v1';

// ---- Options ---------------------------------------------------------------------------------

interface RunOptions {
  duration: number;
  warmup: number;
  connections: number;
  scale: number;
  pgUrl: string | null;
  only: string[] | null;
  profile: boolean;
  keep: boolean;
  /** A kept database to measure again: the SQLite file, or with --pg the schema. */
  reuse: string | null;
  /** Concurrent live-event clients on one meeting, and the changes sent to them. */
  streamClients: number;
  streamChanges: number;
}

function parseOptions(args: readonly string[]): RunOptions {
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0
      ? args[i + 1]
      : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!(n > 0)) {
      throw new Error(`--${name} takes a positive number.`);
    }
    return n;
  };
  const known = [
    '--duration',
    '--warmup',
    '--connections',
    '--scale',
    '--pg',
    '--only',
    '--profile',
    '--keep',
    '--reuse',
    '--stream-clients',
    '--stream-changes',
  ];
  for (const a of args) {
    if (a.startsWith('--') && !known.some((k) => a === k || a.startsWith(`${k}=`))) {
      throw new Error(`Unknown option ${a}. Options: ${known.join(' ')}`);
    }
  }
  return {
    duration: number('duration', 8),
    warmup: number('warmup', 2),
    connections: Math.round(number('connections', 10)),
    scale: number('scale', 1),
    pgUrl: pgUrlFromArgs(args),
    only: value('only')?.split(',') ?? null,
    profile: args.includes('--profile'),
    keep: args.includes('--keep'),
    reuse: value('reuse') ?? null,
    streamClients: Math.round(number('stream-clients', 1000)),
    streamChanges: Math.round(number('stream-changes', 20)),
  };
}

// ---- Endpoints -------------------------------------------------------------------------------

interface Endpoint {
  id: string;
  /** As printed: the route with its parameters as placeholders. */
  label: string;
  server: 'bare' | 'plenum';
  kind: EndpointKind;
  /** Concrete paths; each connection cycles through them. */
  paths: string[];
  /**
   * Whose token the requests carry (Plenum endpoints): the secretariat officer by default; the
   * public portal's pages are requested anonymously, without a token.
   */
  as?: 'secretariat' | 'delegate' | 'anonymous';
  /** POSTs the 20 MB multipart upload body to the (single) path instead of GETs. */
  upload?: boolean;
  /**
   * Concurrent connections, when not --connections: the implementation review's and search's
   * budgets are the time of one review or search (a person opening it), not of ten at once queued
   * behind each other.
   */
  connections?: number;
}

interface Samples {
  stateCodes: string[];
  meetingIds: string[];
  /** Bodies with the most held meetings, for the filtered list. */
  busyBodyIds: string[];
  /** 200 decisions spread over the register. */
  decisionIds: string[];
  /** Member states with assignments, for the register filtered by assignee. */
  assigneeStates: string[];
  /** The coming (not yet held) meeting of each commission, the one with most decisions first. */
  reviewMeetingIds: string[];
  /** Numbers of a few decisions spread over the register (`21/3`), to search for. */
  decisionNumbers: string[];
  /** About 100 slugs of news public now, spread over the ten years. */
  newsSlugs: string[];
}

/** Ids to request, read from the generated data: varied, so no single row stays hot. */
async function readSamples(bench: BenchDatabase): Promise<Samples> {
  const { db } = bench.handle;
  const states = await db.selectFrom('memberStates').select('code').orderBy('code').execute();
  const meetings = await db.selectFrom('meetings').select('id').orderBy('id').execute();
  const step = Math.max(1, Math.floor(meetings.length / 100));
  const busy = await db
    .selectFrom('meetings')
    .select(['bodyId', sql<number>`count(*)`.as('held')])
    .where('status', '=', 'held')
    .groupBy('bodyId')
    .orderBy('held', 'desc')
    .limit(6)
    .execute();
  const decisions = await db
    .selectFrom('decisions')
    .select(['id', 'number'])
    .orderBy('id')
    .execute();
  const decisionStep = Math.max(1, Math.floor(decisions.length / 200));
  const assignees = await db
    .selectFrom('assignments')
    .select('memberState')
    .distinct()
    .where('memberState', 'is not', null)
    .orderBy('memberState')
    .execute();
  const commissions = await db
    .selectFrom('bodies')
    .leftJoin('decisions', 'decisions.bodyId', 'bodies.id')
    .select(['bodies.id', sql<number>`count(decisions.id)`.as('decisions')])
    .where('bodies.kind', '=', 'commission')
    .groupBy('bodies.id')
    .orderBy('decisions', 'desc')
    .execute();
  const reviewMeetingIds: string[] = [];
  for (const c of commissions) {
    const coming = await db
      .selectFrom('meetings')
      .select('id')
      .where('bodyId', '=', c.id)
      .where('status', 'in', ['planned', 'announced', 'in_session'])
      .orderBy('number')
      .limit(1)
      .executeTakeFirst();
    if (coming) {
      reviewMeetingIds.push(coming.id);
    }
  }
  const now = new Date().toISOString();
  const news = await db
    .selectFrom('newsItems')
    .select('slug')
    .where('status', '=', 'published')
    .where('publishedAt', '<=', now)
    .orderBy('publishedAt')
    .execute();
  const newsStep = Math.max(1, Math.floor(news.length / 100));
  return {
    stateCodes: states.map((s) => s.code),
    meetingIds: meetings.filter((_, i) => i % step === 0).map((m) => m.id),
    busyBodyIds: busy.map((b) => b.bodyId),
    decisionIds: decisions.filter((_, i) => i % decisionStep === 0).map((d) => d.id),
    assigneeStates: assignees.map((a) => a.memberState as string),
    reviewMeetingIds,
    decisionNumbers: decisions
      .filter((_, i) => i % Math.max(1, Math.floor(decisions.length / 3)) === 7)
      .map((d) => d.number),
    newsSlugs: news.filter((_, i) => i % newsStep === 0).map((n) => n.slug),
  };
}

const searchPath = (q: string) => `${API}/search?q=${encodeURIComponent(q)}`;

function endpoints(s: Samples): Endpoint[] {
  return [
    {
      id: 'bare-json',
      label: 'bare Fastify: GET /json (2 KB)',
      server: 'bare',
      kind: 'baseline',
      paths: ['/json'],
    },
    {
      id: 'bare-html',
      label: 'bare Fastify: GET /html (20 KB)',
      server: 'bare',
      kind: 'baseline',
      paths: ['/html'],
    },
    {
      id: 'member-state',
      label: `GET ${API}/member-states/:code`,
      server: 'plenum',
      kind: 'single',
      paths: s.stateCodes.map((c) => `${API}/member-states/${c}`),
    },
    {
      id: 'meeting',
      label: `GET ${API}/meetings/:id`,
      server: 'plenum',
      kind: 'single',
      paths: s.meetingIds.map((id) => `${API}/meetings/${id}`),
    },
    {
      id: 'meetings-list',
      label: `GET ${API}/meetings?limit=50`,
      server: 'plenum',
      kind: 'list',
      paths: [`${API}/meetings?limit=50`],
    },
    {
      id: 'meetings-filtered',
      label: `GET ${API}/meetings?bodyId=…&status=held&limit=50`,
      server: 'plenum',
      kind: 'list',
      paths: s.busyBodyIds.map((id) => `${API}/meetings?bodyId=${id}&status=held&limit=50`),
    },
    {
      id: 'meeting-agenda',
      label: `GET ${API}/meetings/:id/agenda-items`,
      server: 'plenum',
      kind: 'list',
      paths: s.meetingIds.map((id) => `${API}/meetings/${id}/agenda-items`),
    },
    {
      id: 'decision',
      label: `GET ${API}/decisions/:id`,
      server: 'plenum',
      kind: 'single',
      paths: s.decisionIds.map((id) => `${API}/decisions/${id}`),
    },
    {
      id: 'decisions-overdue',
      label: `GET ${API}/decisions?status=overdue&limit=50`,
      server: 'plenum',
      kind: 'list',
      paths: [`${API}/decisions?status=overdue&limit=50`],
    },
    {
      id: 'decisions-by-state',
      label: `GET ${API}/decisions?memberState=…&sort=due&limit=50`,
      server: 'plenum',
      kind: 'list',
      paths: s.assigneeStates.map(
        (code) => `${API}/decisions?memberState=${code}&sort=due&limit=50`,
      ),
    },
    {
      id: 'decisions-counts',
      label: `GET ${API}/decisions/counts`,
      server: 'plenum',
      kind: 'list',
      paths: [`${API}/decisions/counts`],
    },
    {
      id: 'search',
      label: `GET ${API}/search?q=… (English words, decision numbers; 1 connection)`,
      server: 'plenum',
      kind: 'search',
      paths: [...SEARCH_QUERIES_EN, '21/3', ...s.decisionNumbers].map(searchPath),
      connections: 1,
    },
    {
      id: 'search-ru',
      label: `GET ${API}/search?q=… (Russian words; 1 connection)`,
      server: 'plenum',
      kind: 'search',
      paths: SEARCH_QUERIES_RU.map(searchPath),
      connections: 1,
    },
    {
      id: 'search-delegate',
      label: `GET ${API}/search?q=… as a delegate (access lists applied; 1 connection)`,
      server: 'plenum',
      kind: 'search',
      as: 'delegate',
      paths: [...SEARCH_QUERIES_EN, ...SEARCH_QUERIES_RU, '21/3', ...s.decisionNumbers].map(
        searchPath,
      ),
      connections: 1,
    },
    {
      id: 'search-load',
      label: `GET ${API}/search?q=… (English and Russian words, decision numbers; at --connections)`,
      server: 'plenum',
      kind: 'search-load',
      paths: [...SEARCH_QUERIES_EN, ...SEARCH_QUERIES_RU, '21/3', ...s.decisionNumbers].map(
        searchPath,
      ),
    },
    {
      id: 'portal-news',
      label: 'GET /{en,ru}/news/:slug (public news page, anonymous)',
      server: 'plenum',
      kind: 'page',
      as: 'anonymous',
      paths: s.newsSlugs.flatMap((slug) => [`/en/news/${slug}`, `/ru/news/${slug}`]),
    },
    {
      id: 'portal-home',
      label: 'GET /{en,ru}/ (portal home page, anonymous)',
      server: 'plenum',
      kind: 'home',
      as: 'anonymous',
      paths: ['/en/', '/ru/'],
    },
    {
      id: 'bare-upload',
      label: `bare Fastify: POST /upload (${UPLOAD_MB} MB multipart, discarded; 1 connection)`,
      server: 'bare',
      kind: 'baseline',
      paths: ['/upload'],
      upload: true,
      connections: 1,
    },
    {
      id: 'upload-20mb',
      label: `POST ${API}/files (${UPLOAD_MB} MB PDF, multipart; 1 connection)`,
      server: 'plenum',
      kind: 'upload',
      paths: [`${API}/files`],
      upload: true,
      connections: 1,
    },
    {
      id: 'implementation-review',
      label: `GET ${API}/meetings/:id/implementation-review (1 connection)`,
      server: 'plenum',
      kind: 'review',
      paths: s.reviewMeetingIds.map((id) => `${API}/meetings/${id}/implementation-review`),
      connections: 1,
    },
  ];
}

// ---- Measuring -------------------------------------------------------------------------------

interface Probe {
  status: number;
  bytes: number;
  contentType: string;
  /** Items in a list answer ({items: [...]}), entries of a review ({entries: [...]}), or a bare array. */
  items: number | null;
}

/** One request before the load: does the endpoint answer, and with what? */
async function probe(origin: string, p: string, headers: Record<string, string>): Promise<Probe> {
  const response = await fetch(`${origin}${p}`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  let items: number | null = null;
  if (contentType.includes('json') && response.ok) {
    const json = JSON.parse(body.toString('utf8')) as unknown;
    if (Array.isArray(json)) {
      items = json.length;
    } else if (json && typeof json === 'object') {
      const { items: list, entries } = json as { items?: unknown; entries?: unknown };
      if (Array.isArray(list)) {
        items = list.length;
      } else if (Array.isArray(entries)) {
        items = entries.length;
      }
    }
  }
  return { status: response.status, bytes: body.length, contentType, items };
}

interface Measured {
  endpoint: Endpoint;
  probe: Probe;
  load: LoadResult | null;
  skipped: string | null;
  /** With --profile: where the server's time went during the measured run. */
  profile: ProfileSummary | null;
  /** Search endpoints: each query once on its own, after the run (matches and time). */
  queries?: QueryTiming[];
}

interface QueryTiming {
  q: string;
  /** Matching entries the caller may read (the facets' sum). */
  matches: number;
  ms: number;
}

/** Times each search query alone (the best of two), to tell cheap queries from costly ones. */
async function timeQueries(
  origin: string,
  paths: string[],
  headers: Record<string, string>,
): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  for (const p of paths) {
    let best = Number.POSITIVE_INFINITY;
    let matches = 0;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const response = await fetch(`${origin}${p}`, { headers });
      const json = (await response.json()) as { facets?: Record<string, number> };
      best = Math.min(best, performance.now() - t0);
      matches = Object.values(json.facets ?? {}).reduce((a, b) => a + b, 0);
    }
    const q = new URL(p, origin).searchParams.get('q') ?? p;
    out.push({ q, matches, ms: best });
  }
  return out;
}

/** The upload body, made once (20 MB of random image data) and stamped per upload. */
let uploadBody: UploadBody | null = null;
const UPLOAD_MB = 20;
function theUploadBody(): UploadBody {
  uploadBody ??= makeUploadBody(UPLOAD_MB * 1024 * 1024);
  return uploadBody;
}

async function measure(
  endpoint: Endpoint,
  server: ServerProcess,
  headers: Record<string, string>,
  opts: RunOptions,
  log: Progress,
  profileDir: string | null = null,
): Promise<Measured> {
  if (endpoint.paths.length === 0) {
    log.line(`  ${endpoint.label}: nothing in the dataset to request — skipped`);
    const none: Probe = { status: 0, bytes: 0, contentType: '', items: null };
    return { endpoint, probe: none, load: null, skipped: 'no data', profile: null };
  }
  let first: Probe;
  if (endpoint.upload) {
    const answer = await uploadOnce(
      server.origin,
      endpoint.paths[0] as string,
      headers,
      theUploadBody(),
    );
    first = {
      // Created (201) or, from the bare route, read (200): either means accepted.
      status: answer.status === 201 ? 200 : answer.status,
      bytes: theUploadBody().fileBytes,
      contentType: 'application/pdf',
      items: null,
    };
    if (answer.status >= 300) {
      log.line(`  ${endpoint.label}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    }
  } else {
    first = await probe(server.origin, endpoint.paths[0] as string, headers);
  }
  if (first.status !== 200) {
    log.line(`  ${endpoint.label}: HTTP ${first.status} — skipped`);
    return { endpoint, probe: first, load: null, skipped: `HTTP ${first.status}`, profile: null };
  }
  const load = {
    origin: server.origin,
    paths: endpoint.paths,
    headers,
    connections: endpoint.connections ?? opts.connections,
  };
  const run = (duration: number) =>
    endpoint.upload
      ? runUploadLoad({
          origin: server.origin,
          path: endpoint.paths[0] as string,
          headers,
          body: theUploadBody(),
          duration,
        })
      : runLoad({ ...load, duration });
  await run(opts.warmup);
  if (profileDir) {
    await server.startProfile();
  }
  const result = await run(opts.duration);
  let profile: ProfileSummary | null = null;
  if (profileDir) {
    const file = path.join(profileDir, `${endpoint.id}.cpuprofile`);
    await server.stopProfile(file);
    profile = summarizeProfile(file, INCLUSIVE_PATTERNS);
  }
  const queries =
    endpoint.kind === 'search'
      ? await timeQueries(server.origin, endpoint.paths, headers)
      : undefined;
  log.line(
    `  ${endpoint.label}: ${formatCount(Math.round(result.rps))} req/s, p95 ${result.p95.toFixed(2)} ms, ` +
      `p99 ${result.p99.toFixed(2)} ms` +
      (result.bytesPerSecond !== undefined ? `, ${formatMBps(result.bytesPerSecond)}` : '') +
      (result.non2xx + result.errors > 0
        ? ` (${result.non2xx} non-2xx, ${result.errors} errors)`
        : ''),
  );
  return {
    endpoint,
    probe: first,
    load: result,
    skipped: null,
    profile,
    ...(queries ? { queries } : {}),
  };
}

const formatMBps = (bytesPerSecond: number) => `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MB/s`;

// ---- Reporting -------------------------------------------------------------------------------

interface Row {
  id: string;
  label: string;
  kind: EndpointKind;
  rps: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  ratio: number | null;
  budget: string;
  verdict: Verdict | null;
  bytes: number;
  items: number | null;
  non2xx: number;
  errors: number;
  skipped: string | null;
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const red = (s: string) => (color ? `\x1b[1;31m${s}\x1b[0m` : s);
const green = (s: string) => (color ? `\x1b[32m${s}\x1b[0m` : s);
const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);

function printTable(rows: Row[]): void {
  const header = [
    'endpoint',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'ratio',
    'bytes',
    'budget',
    'result',
  ];
  const ms = (v: number | null) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(2));
  const cells = rows.map((r) => [
    r.label,
    r.rps === null ? '—' : r.rps < 10 ? r.rps.toFixed(2) : formatCount(Math.round(r.rps)),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.ratio === null ? '—' : `${(r.ratio * 100).toFixed(1)}%`,
    `${formatCount(r.bytes)}${r.items !== null ? ` (${r.items} items)` : ''}`,
    r.budget,
    r.skipped
      ? `SKIP (${r.skipped})`
      : r.verdict === null
        ? 'baseline'
        : r.kind !== 'baseline' && BUDGETS[r.kind].reportOnly
          ? 'reported'
          : r.verdict.pass
            ? `PASS${r.verdict.notes.length ? ` (${r.verdict.notes.join('; ')})` : ''}`
            : `FAIL: ${r.verdict.failures.join('; ')}${r.verdict.notes.length ? ` (${r.verdict.notes.join('; ')})` : ''}`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] as string).length)),
  );
  const right = new Set([1, 2, 3, 4, 5, 6]);
  const line = (c: string[]) =>
    c
      .map((v, i) =>
        right.has(i) ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number),
      )
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  rows.forEach((r, i) => {
    const text = line(cells[i] as string[]).trimEnd();
    if (r.verdict && !r.verdict.pass) {
      console.log(red(`${text}   ✗✗✗`));
    } else if (r.verdict?.pass && !(r.kind !== 'baseline' && BUDGETS[r.kind].reportOnly)) {
      console.log(green(text));
    } else {
      console.log(r.skipped ? dim(text) : text);
    }
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The id that selects the live-events run in --only. */
const STREAM_ID = 'stream';

/** The live-events run: delivery latencies and the issue-8 verdict ("within one second"). */
function printStream(r: StreamResult, memory: MemoryReport | null): boolean {
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
  const pass = r.missed === 0 && r.toLast.p99 < STREAM_BUDGET_MS;
  console.log(
    `\nLive events: ${formatCount(r.clients)} concurrent streams on one meeting, ` +
      `${r.changes} changes (all live after ${ms(r.connectMs)} ms)`,
  );
  console.log(
    `  write's 2xx → each client:      p50 ${ms(r.perClient.p50)}  p95 ${ms(r.perClient.p95)}  ` +
      `p99 ${ms(r.perClient.p99)}  max ${ms(r.perClient.max)} ms`,
  );
  const line =
    `  write's 2xx → the last client:  p50 ${ms(r.toLast.p50)}  p95 ${ms(r.toLast.p95)}  ` +
    `p99 ${ms(r.toLast.p99)}  max ${ms(r.toLast.max)} ms; budget p99 < ${STREAM_BUDGET_MS} ms, ` +
    `none missed (${r.missed}): ${pass ? 'PASS' : 'FAIL'}`;
  console.log(pass ? green(line) : red(`${line}   ✗✗✗`));
  if (memory) {
    console.log(
      dim(`  server RSS with the streams open: ${mb(memory.rss)} (heap ${mb(memory.heapUsed)})`),
    );
  }
  return pass;
}

function printProfile(label: string, summary: ProfileSummary): void {
  console.log(
    `\n${label} — CPU profile of the Plenum server during the measured run\n` +
      `${path.relative(process.cwd(), summary.file)}: busy ${formatSeconds(summary.busyMs)}, ` +
      `idle ${formatSeconds(summary.idleMs)}. Self time by package:`,
  );
  for (const e of summary.byPackage.slice(0, 12)) {
    console.log(`  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`);
  }
  console.log('Self time by function:');
  for (const e of summary.byFunction.slice(0, 20)) {
    console.log(`  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`);
  }
  if (summary.inclusive.length > 0) {
    console.log('Inclusive time (the function and what it calls):');
    for (const e of summary.inclusive) {
      console.log(`  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`);
    }
  }
}

/** Frames whose inclusive time tells where a request's time goes. */
const INCLUSIVE_PATTERNS = [
  /^\S+ plenum server\/platform\//,
  /^\S+ plenum server\/modules\//,
  /^\S+ plenum shared\//,
  /^(serialize|onSendEnd|preHandlerCallback|preValidationCallback|hookRunner) fastify:/,
  /^(executeQuery|compileQuery|transformQuery|transformResult) kysely:/,
  /^(all|run|get|prepare) \(native\)/,
  /^(buildHelmetOnRoutes|replyDecorators) @fastify\/helmet:/,
  /^writev \(native\)/,
];

/** Uploads: MB/s and the time of one upload, Plenum against the bare multipart route. */
function printUploads(judged: Judged[], bare: Measured[]): void {
  const bareLoads = bare.map((m) => m.load).filter((l): l is LoadResult => l !== null);
  for (const j of judged) {
    const load = j.measured.load;
    if (!j.measured.endpoint.upload || !load || bareLoads.length === 0) {
      continue;
    }
    const bareMBps = mean(bareLoads.map((l) => l.bytesPerSecond ?? 0));
    const bareP50 = mean(bareLoads.map((l) => l.p50));
    console.log(
      `\nUpload of ${UPLOAD_MB} MB, one connection: Plenum ${formatMBps(load.bytesPerSecond ?? 0)}, ` +
        `${load.p50.toFixed(0)} ms per upload (p95 ${load.p95.toFixed(0)}, p99 ${load.p99.toFixed(0)}; ` +
        `${load.ok} uploads); bare multipart route ${formatMBps(bareMBps)}, ${bareP50.toFixed(0)} ms ` +
        `per upload; ratio ${j.baselineRps ? ((load.rps / j.baselineRps) * 100).toFixed(1) : '—'}%`,
    );
  }
}

/** Search endpoints: each query alone, to show which ones cost the time. */
function printQueries(judged: Judged[]): void {
  for (const j of judged) {
    const queries = j.measured.queries;
    if (!queries) {
      continue;
    }
    console.log(
      dim(
        `\n${j.measured.endpoint.id}, each query alone (best of two): ` +
          queries
            .map((q) => `"${q.q}" ${formatCount(q.matches)} matches ${q.ms.toFixed(1)} ms`)
            .join('; '),
      ),
    );
  }
}

// ---- Main ------------------------------------------------------------------------------------

interface Judged {
  measured: Measured;
  /** Mean req/s of the baseline runs just before and just after this endpoint. */
  baselineRps: number | null;
  /** Runs it took to measure between two baselines that agree (see STEADY). */
  attempts: number;
  /** Whether the two baselines around the kept run agreed. */
  steady?: boolean;
}

/** Two baselines around a run agree when the slower is at least this share of the faster. */
const STEADY = 0.75;
/** Runs of one endpoint before its last measurement is kept, steady or not. */
const MAX_ATTEMPTS = 3;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Measures every endpoint between two runs of its bare baseline: the machine's speed drifts
 * (DESIGN §6: two- to threefold), so each ratio divides by the baseline measured right around it.
 */
async function measureAll(
  list: Endpoint[],
  servers: { bare: ServerProcess; plenum: ServerProcess },
  auth: Record<'secretariat' | 'delegate' | 'anonymous', Record<string, string>>,
  opts: RunOptions,
  log: Progress,
  profileDir: string | null,
): Promise<{ judged: Judged[]; baselines: Record<Baseline, Measured[]> }> {
  const judged: Judged[] = [];
  const baselines: Record<Baseline, Measured[]> = { json: [], html: [], upload: [] };
  for (const baseline of ['json', 'html', 'upload'] as const) {
    const bareEndpoint = list.find((e) => e.id === `bare-${baseline}`) as Endpoint;
    const targets = list.filter(
      (e) => e.kind !== 'baseline' && BUDGETS[e.kind].baseline === baseline,
    );
    // The upload baseline runs only when an upload is measured (it sends 20 MB bodies).
    if (baseline === 'upload' && targets.length === 0) {
      continue;
    }
    let before = await measure(bareEndpoint, servers.bare, {}, opts, log);
    baselines[baseline].push(before);
    for (const e of targets) {
      for (let attempt = 1; ; attempt++) {
        const m = await measure(
          e,
          servers.plenum,
          auth[e.as ?? 'secretariat'],
          opts,
          log,
          profileDir,
        );
        if (!m.load) {
          judged.push({ measured: m, baselineRps: null, attempts: attempt });
          break;
        }
        const after = await measure(bareEndpoint, servers.bare, {}, opts, log);
        baselines[baseline].push(after);
        const around = [before, after].map((b) => b.load?.rps ?? Number.NaN);
        before = after;
        // Baselines that disagree by more than a quarter mean the machine changed speed during
        // the run (another tenant, a burst of I/O): the ratio would measure that, not Plenum.
        const steady = Math.min(...around) >= STEADY * Math.max(...around);
        if (steady || attempt === MAX_ATTEMPTS) {
          judged.push({ measured: m, baselineRps: mean(around), attempts: attempt, steady });
          break;
        }
        log.line(
          `  ${e.id}: the baseline moved ${around.map((r) => r.toFixed(0)).join(' → ')} req/s around it; measuring again`,
        );
      }
    }
  }
  return { judged, baselines };
}

function baselineRow(endpoint: Endpoint, runs: Measured[]): Row {
  const loads = runs.map((r) => r.load).filter((l): l is LoadResult => l !== null);
  return {
    id: endpoint.id,
    label: endpoint.label,
    kind: 'baseline',
    rps: loads.length ? mean(loads.map((l) => l.rps)) : null,
    p50: loads.length ? mean(loads.map((l) => l.p50)) : null,
    p95: loads.length ? mean(loads.map((l) => l.p95)) : null,
    p99: loads.length ? mean(loads.map((l) => l.p99)) : null,
    ratio: null,
    budget: `baseline (mean of ${loads.length} runs)`,
    verdict: null,
    bytes: runs[0]?.probe.bytes ?? 0,
    items: null,
    non2xx: loads.reduce((a, l) => a + l.non2xx, 0),
    errors: loads.reduce((a, l) => a + l.errors, 0),
    skipped: runs[0]?.skipped ?? null,
  };
}

function endpointRow({ measured: m, baselineRps, attempts, steady }: Judged, all: Judged[]): Row {
  const { endpoint, load } = m;
  const budget = BUDGETS[endpoint.kind as Exclude<EndpointKind, 'baseline'>];
  const ratio = load && baselineRps ? load.rps / baselineRps : null;
  // The endpoint whose req/s this one must reach (issue 5), when this run measured it.
  const other = budget.atLeastAs
    ? (all.find((j) => j.measured.endpoint.id === budget.atLeastAs)?.measured.load?.rps ?? null)
    : null;
  return {
    id: endpoint.id,
    label: endpoint.label,
    kind: endpoint.kind,
    rps: load?.rps ?? null,
    p50: load?.p50 ?? null,
    p95: load?.p95 ?? null,
    p99: load?.p99 ?? null,
    ratio,
    budget: budget.text,
    verdict:
      load && ratio !== null
        ? withUnsteadyNote(judge(budget, ratio, load.p99, load.p95, load.rps, other), {
            attempts,
            steady,
          })
        : null,
    bytes: m.probe.bytes,
    items: m.probe.items,
    non2xx: load?.non2xx ?? 0,
    errors: load?.errors ?? 0,
    skipped: m.skipped,
  };
}

/** A verdict whose baselines never agreed says so: its ratio carries the machine's drift. */
function withUnsteadyNote(v: Verdict, run: { attempts: number; steady?: boolean }): Verdict {
  return run.steady === false
    ? { ...v, notes: [...v.notes, `baseline unsteady in all ${run.attempts} runs`] }
    : v;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const log = new Progress();
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryMB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg(),
  };
  const database = opts.pgUrl ? 'PostgreSQL' : 'SQLite';
  log.line(
    `Plenum bench — Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${database}, ` +
      `${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s per run`,
  );

  const bench = opts.reuse
    ? await openKeptDatabase({ pgUrl: opts.pgUrl, where: opts.reuse })
    : await openFreshDatabase({ pgUrl: opts.pgUrl });
  log.line(
    opts.reuse
      ? `Reusing the kept dataset in ${bench.where} (migrated to the latest schema)`
      : `Generating the dataset into ${bench.where}`,
  );
  const servers: ServerProcess[] = [];
  let databaseOpen = true;
  // The Plenum server's data directory (the uploads' file store): fresh, removed after the run.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-bench-data-'));
  try {
    const generated = opts.reuse
      ? await reuseDataset(bench, log)
      : await generate(bench.handle.db, bench.handle.dialect, { scale: opts.scale }, log);
    const totalRows = Object.values(generated.counts).reduce((a, b) => a + b, 0);
    log.line(
      `  ${formatCount(totalRows)} rows in ${formatSeconds(generated.ms)} (documents ` +
        `${formatSeconds(generated.timings.documents ?? 0)}, news ` +
        `${formatSeconds(generated.timings.news ?? 0)}, search index ` +
        `${formatSeconds(generated.timings['search index'] ?? 0)})`,
    );
    const samples = await readSamples(bench);
    await bench.handle.close();
    databaseOpen = false;

    const resultsDir = path.join(here, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const profileDir = opts.profile ? path.join(resultsDir, `profile-${stamp}`) : null;
    if (profileDir) {
      fs.mkdirSync(profileDir, { recursive: true });
    }
    log.line('Starting the servers');
    const bare = await ServerProcess.start('bare', 'bare');
    servers.push(bare);
    const plenum = await ServerProcess.start('plenum', 'plenum', [JSON.stringify(bench.target)], {
      PLENUM_DATA_DIR: dataDir,
    });
    servers.push(plenum);
    const auth = {
      anonymous: {},
      secretariat: { authorization: `Bearer ${generated.benchUser.token}` },
      delegate: { authorization: `Bearer ${generated.benchDelegate.token}` },
    };
    const all = endpoints(samples);
    const unknown = (opts.only ?? []).filter(
      (id) => id !== STREAM_ID && !all.some((e) => e.id === id),
    );
    if (unknown.length > 0) {
      throw new Error(
        `--only: no endpoint ${unknown.join(', ')}; choose from ${[...all.map((e) => e.id), STREAM_ID].join(', ')}`,
      );
    }
    const list = all.filter((e) => e.kind === 'baseline' || !opts.only || opts.only.includes(e.id));

    log.line('Measuring (each endpoint between two runs of its bare baseline)');
    const { judged, baselines } = await measureAll(
      list,
      { bare, plenum },
      auth,
      opts,
      log,
      profileDir,
    );
    const memory: MemoryReport = await plenum.memory();
    const bareMemory: MemoryReport = await bare.memory();
    const portalPages = await portalScripts(plenum.origin, [
      '/en/',
      '/ru/',
      '/en/news',
      ...(samples.newsSlugs[0] ? [`/en/news/${samples.newsSlugs[0]}`] : []),
      '/ru/meetings',
      '/en/bodies',
    ]);
    const bundle = measureBundle();
    // After the RSS reading the budget judges: the streams' memory is reported on its own.
    let stream: StreamResult | null = null;
    let streamMemory: MemoryReport | null = null;
    if (!opts.only || opts.only.includes(STREAM_ID)) {
      const meetingId = samples.meetingIds[0] as string;
      log.line(
        `Live events: ${opts.streamClients} streams on meeting ${meetingId}, ${opts.streamChanges} changes`,
      );
      stream = await measureStreams({
        origin: plenum.origin,
        meetingId,
        clientHeaders: auth.delegate,
        writerHeaders: auth.secretariat,
        clients: opts.streamClients,
        changes: opts.streamChanges,
        progress: (line) => log.line(`  ${line}`),
      });
      streamMemory = await plenum.memory();
    }
    for (const s of servers.splice(0).reverse()) {
      await s.stop();
    }

    const rows: Row[] = [
      baselineRow(list.find((e) => e.id === 'bare-json') as Endpoint, baselines.json),
      baselineRow(list.find((e) => e.id === 'bare-html') as Endpoint, baselines.html),
      ...(baselines.upload.length > 0
        ? [baselineRow(list.find((e) => e.id === 'bare-upload') as Endpoint, baselines.upload)]
        : []),
      ...judged.map((j) => endpointRow(j, judged)),
    ];
    console.log(
      `\nPlenum bench ${startedAt.toISOString()} — ${database}, ${opts.connections} connections, ` +
        `${opts.duration} s per run after ${opts.warmup} s warm-up; ` +
        `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`,
    );
    console.log(
      `Dataset: ${Object.entries(generated.counts)
        .map(([t, n]) => `${t} ${formatCount(n)}`)
        .join(', ')}`,
    );
    console.log(
      `Generated in ${formatSeconds(generated.ms)}; documents ` +
        `${formatSeconds(generated.timings.documents ?? 0)}, news ` +
        `${formatSeconds(generated.timings.news ?? 0)}, search index (reindexAll) ` +
        `${formatSeconds(generated.timings['search index'] ?? 0)}; the delegate searching is ` +
        `${generated.benchDelegate.memberState}'s\n`,
    );
    printTable(rows);
    printUploads(judged, baselines.upload);
    printQueries(judged);
    const streamPass = stream ? printStream(stream, streamMemory) : true;
    const spread = (runs: Measured[]) =>
      runs.map((r) => (r.load ? formatCount(Math.round(r.load.rps)) : '—')).join(', ');
    console.log(
      dim(
        `\nBaseline runs (req/s, in order): bare JSON ${spread(baselines.json)}; ` +
          `bare HTML ${spread(baselines.html)}` +
          (baselines.upload.length > 0 ? `; bare upload ${spread(baselines.upload)}` : '') +
          '. Each ratio divides by the mean of the runs around it.',
      ),
    );
    const rssPass = memory.rss < RSS_BUDGET_BYTES;
    const rssLine =
      `Plenum server RSS after the run: ${mb(memory.rss)} (peak ${mb(memory.peakRss)}, ` +
      `heap ${mb(memory.heapUsed)}); budget < ${mb(RSS_BUDGET_BYTES)}: ${rssPass ? 'PASS' : 'FAIL'}` +
      ` — the bare server, compiled the same way: ${mb(bareMemory.rss)}`;
    console.log(rssPass ? green(rssLine) : red(`${rssLine}   ✗✗✗`));
    const scriptPass = portalPages.every((p) => p.status === 200 && p.scripts.length === 0);
    const scriptLine = `Public pages without JavaScript (${portalPages.map((p) => p.path).join(', ')}): ${
      scriptPass
        ? 'PASS'
        : `FAIL — ${portalPages
            .filter((p) => p.status !== 200 || p.scripts.length > 0)
            .map((p) => `${p.path} ${p.status} ${p.scripts.join(' ')}`)
            .join('; ')}`
    }`;
    console.log(scriptPass ? green(scriptLine) : red(`${scriptLine}   ✗✗✗`));
    const bundlePass = bundle.routes?.every((r) => r.pass) ?? true;
    if (bundle.routes) {
      for (const r of bundle.routes) {
        const line =
          `Workspace first route ${r.route}: JavaScript ${kb(r.js)} (budget ≤ ${kb(bundle.budget.js)}), ` +
          `CSS ${kb(r.css)} (budget ≤ ${kb(bundle.budget.css)}), gzipped: ${r.pass ? 'PASS' : 'FAIL'}`;
        console.log(r.pass ? green(line) : red(`${line}   ✗✗✗`));
      }
    } else {
      console.log(dim('Workspace first route: not built (npm run build), not judged.'));
    }
    for (const r of rows.filter((x) => x.non2xx + x.errors > 0)) {
      console.log(
        red(`${r.label}: ${r.non2xx} non-2xx answers and ${r.errors} errors during the load.`),
      );
    }
    const failed = rows.filter((r) => r.verdict && !r.verdict.pass).map((r) => r.id);
    if (!rssPass) {
      failed.push('rss');
    }
    if (!streamPass) {
      failed.push(STREAM_ID);
    }
    if (!scriptPass) {
      failed.push('portal-scripts');
    }
    if (!bundlePass) {
      failed.push('bundle');
    }
    console.log(
      failed.length
        ? red(`\n${failed.length} budget(s) FAILED: ${failed.join(', ')}`)
        : green('\nAll measured budgets PASS.'),
    );

    for (const j of judged) {
      if (j.measured.profile) {
        printProfile(j.measured.endpoint.label, j.measured.profile);
      }
    }
    if (opts.profile) {
      console.log(
        red('\nProfiled run: the profiler slows the server, so its ratios understate Plenum.'),
      );
    }

    const resultFile = path.join(resultsDir, `${stamp}.json`);
    const report = {
      startedAt: startedAt.toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg() },
      database: opts.pgUrl ? 'postgres' : 'sqlite',
      load: {
        tool: 'autocannon',
        connections: opts.connections,
        warmupS: opts.warmup,
        durationS: opts.duration,
      },
      dataset: {
        scale: opts.scale,
        counts: generated.counts,
        generateMs: Math.round(generated.ms),
        areaMs: Object.fromEntries(
          Object.entries(generated.timings).map(([k, v]) => [k, Math.round(v)]),
        ),
      },
      baselines: {
        json: baselines.json.map((m) => m.load),
        html: baselines.html.map((m) => m.load),
        upload: baselines.upload.map((m) => m.load),
      },
      endpoints: rows.map((r) => {
        const j = judged.find((x) => x.measured.endpoint.id === r.id);
        return {
          ...r,
          budget: r.kind === 'baseline' ? null : BUDGETS[r.kind],
          baselineRps: j?.baselineRps ?? null,
          attempts: j?.attempts ?? null,
          steadyBaseline: j?.steady ?? null,
          paths: list.find((e) => e.id === r.id)?.paths.length ?? 0,
          connections: list.find((e) => e.id === r.id)?.connections ?? opts.connections,
          load: j?.measured.load ?? null,
          queries: j?.measured.queries ?? null,
          profile: j?.measured.profile ?? null,
        };
      }),
      memory: { ...memory, budgetBytes: RSS_BUDGET_BYTES, pass: rssPass, bare: bareMemory },
      portalScripts: { pages: portalPages, pass: scriptPass },
      bundle: { ...bundle, pass: bundlePass },
      stream: stream && {
        ...stream,
        budgetMs: STREAM_BUDGET_MS,
        pass: streamPass,
        memory: streamMemory,
      },
      failed,
      profiled: opts.profile,
    };
    fs.writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(dim(`Results: ${path.relative(process.cwd(), resultFile)}`));
  } finally {
    for (const s of servers) {
      await s.stop();
    }
    if (databaseOpen) {
      await bench.handle.close();
    }
    if (opts.keep || opts.reuse) {
      log.line(`Kept the database: ${bench.where}`);
    } else {
      await bench.drop();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
