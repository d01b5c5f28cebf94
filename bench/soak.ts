/**
 * `npm run soak`: minutes of mixed load on the Plenum server (issue 9) — reads across the modules,
 * the public portal and its feeds, searches in English and Russian, writes, uploads and open
 * live-event streams, all at once, as the secretariat, a delegate and anonymous visitors — with
 * every answer checked and the server's memory sampled every 5 s.
 *
 * It fails (exit code 1) on any 5xx, connection error or unexpected status (a 412 is expected
 * only where the load sends a stale If-Match on purpose), on a live-event stream that stops
 * receiving while changes it may see are written, on server RSS at or over the DESIGN §6 budget
 * (300 MB), and — in runs of five minutes or more — on a memory trend over the last two thirds
 * of the run above --slope-limit MB/min (default 1): the trend of RSS less the answers the server
 * keeps by design (the API and portal caches, bounded by configuration, which fill towards their
 * bound as new pages are read). Shorter runs report the slope without judging it: a minute of
 * samples cannot tell a leak from the heap settling.
 *
 * Options: --minutes=M (10) --scale=X (1; the dataset of bench/generate.ts) --pg[=URL]
 *          --streams=N (6 live-event streams) --slope-limit=MB/min (1)
 *          --skip=part,… (leave parts of the load out, to find what memory grows with: read,
 *          portal, search, write, report, upload) --heap-snapshots (the server writes a V8 heap
 *          snapshot after the warm-up third and at the end, to compare)
 *          --reuse=FILE (a SQLite dataset kept by `npm run bench -- --keep`, copied and used
 *          instead of generating one; the copy is removed afterwards)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './generate.ts';
import { RSS_BUDGET_BYTES } from './lib/budgets.ts';
import { openFreshDatabase, pgUrlFromArgs } from './lib/database.ts';
import { openKeptDatabase, reuseDataset } from './lib/kept-dataset.ts';
import { formatCount, formatSeconds, Progress } from './lib/progress.ts';
import { SEARCH_QUERIES_EN, SEARCH_QUERIES_RU } from './lib/search-queries.ts';
import { ServerProcess } from './lib/servers.ts';
import { SoakStats, SoakUser, StepFailed } from './lib/soak-client.ts';
import {
  type MemorySample,
  type MemoryTrend,
  readChildrenRss,
  readMetrics,
  readRss,
  trend,
} from './lib/soak-memory.ts';
import { type Audience, SoakStream, WriteLog } from './lib/soak-streams.ts';
import { makeUploadBody } from './lib/upload.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const API = '/api/v1';
const SAMPLE_MS = 5_000;
/** Runs at least this long judge the memory trend; shorter ones only report it. */
const JUDGED_TREND_MINUTES = 5;

// ---- Options ---------------------------------------------------------------------------------

interface SoakOptions {
  minutes: number;
  scale: number;
  pgUrl: string | null;
  streams: number;
  /** MB per minute. */
  slopeLimit: number;
  /** Parts of the load left out. */
  skip: Set<string>;
  heapSnapshots: boolean;
  /** A kept SQLite dataset to copy instead of generating one. */
  reuse: string | null;
}

const PARTS = ['read', 'portal', 'search', 'write', 'report', 'upload'] as const;

function parseOptions(args: readonly string[]): SoakOptions {
  const known = [
    '--minutes',
    '--scale',
    '--pg',
    '--streams',
    '--slope-limit',
    '--skip',
    '--heap-snapshots',
    '--reuse',
  ];
  for (const a of args) {
    if (!known.some((k) => a === k || a.startsWith(`${k}=`))) {
      throw new Error(`Unknown option ${a}. Options: ${known.join(' ')}`);
    }
  }
  const number = (name: string, fallback: number) => {
    const raw = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    const n = raw === undefined ? fallback : Number(raw);
    if (!(n > 0)) {
      throw new Error(`--${name} takes a positive number.`);
    }
    return n;
  };
  if (args.some((a) => a.startsWith('--reuse=')) && pgUrlFromArgs(args)) {
    throw new Error('--reuse takes a kept SQLite file; it does not combine with --pg.');
  }
  return {
    minutes: number('minutes', 10),
    scale: number('scale', 1),
    pgUrl: pgUrlFromArgs(args),
    streams: Math.round(number('streams', 6)),
    slopeLimit: number('slope-limit', 1),
    skip: skipped(args),
    heapSnapshots: args.includes('--heap-snapshots'),
    reuse: args.find((a) => a.startsWith('--reuse='))?.slice('--reuse='.length) ?? null,
  };
}

/** A copy of a kept SQLite dataset (and its write-ahead log) in `dir`, so the original stays as kept. */
function copyKept(file: string, dir: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`--reuse: no SQLite database at ${file}`);
  }
  const copy = path.join(dir, 'soak.db');
  fs.copyFileSync(file, copy);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) {
      fs.copyFileSync(file + suffix, copy + suffix);
    }
  }
  return copy;
}

function skipped(args: readonly string[]): Set<string> {
  const list = args.find((a) => a.startsWith('--skip='))?.slice('--skip='.length);
  const parts = new Set(list ? list.split(',') : []);
  for (const p of parts) {
    if (!(PARTS as readonly string[]).includes(p)) {
      throw new Error(`--skip takes parts of the load: ${PARTS.join(', ')}.`);
    }
  }
  return parts;
}

// ---- What the load requests ------------------------------------------------------------------

/** The bench's searches, and words only the soak's own records contain. */
const SEARCH_EN = [...SEARCH_QUERIES_EN, 'soak'];
const SEARCH_RU = [...SEARCH_QUERIES_RU, 'нагрузочного'];

/** Ids and slugs to read, from the dataset and from what the load itself creates. */
interface Pool {
  meetings: string[];
  decisions: string[];
  documents: string[];
  news: string[];
  /** As the delegate reads them (its lists leave out what it may not read). */
  delegateMeetings: string[];
  delegateDecisions: string[];
  delegateDocuments: string[];
  publicMeetings: string[];
  newsSlugs: string[];
  bodySlugs: string[];
  /** Bodies that hold meetings and own documents (commissions, councils, working groups). */
  workingBodies: string[];
  reviewMeetings: string[];
  assignments: Array<{ id: string; decisionId: string }>;
  consultationId: string;
  states: string[];
}

interface List<T> {
  items: T[];
}
type Row = Record<string, unknown> & { id: string };

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const ids = (list: List<Row>) => list.items.map((r) => r.id);
/** Keeps a list of ids made by the load bounded (the newest stay). */
const remember = (list: string[], value: string) => {
  list.push(value);
  if (list.length > 200) {
    list.splice(0, 100);
  }
};
const text = (en: string, ru: string) => ({ en, ru });
const isoDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function readPool(sec: SoakUser, del: SoakUser, anon: SoakUser): Promise<Pool> {
  const k = 'setup';
  const bodies = await sec.json<List<Row>>(k, 'GET', `${API}/bodies?limit=200`);
  const meetings = await sec.json<List<Row>>(k, 'GET', `${API}/meetings?limit=200`);
  const coming = await sec.json<List<Row>>(
    k,
    'GET',
    `${API}/meetings?status=planned,announced&limit=20`,
  );
  const decisions = await sec.json<List<Row>>(k, 'GET', `${API}/decisions?limit=200`);
  const documents = await sec.json<List<Row>>(k, 'GET', `${API}/documents?limit=200`);
  const news = await sec.json<List<Row>>(k, 'GET', `${API}/news?limit=200`);
  const states = await sec.json<List<Row & { code: string }>>(k, 'GET', `${API}/member-states`);
  const dMeetings = await del.json<List<Row>>(k, 'GET', `${API}/meetings?limit=200`);
  const dDecisions = await del.json<List<Row>>(k, 'GET', `${API}/decisions?limit=200`);
  const dDocuments = await del.json<List<Row>>(k, 'GET', `${API}/documents?limit=200`);
  const assignments = await del.json<List<Row & { decisionId: string }>>(
    k,
    'GET',
    `${API}/assignments?memberState=RUS&open=true&limit=200`,
  );
  const pMeetings = await anon.json<List<Row>>(k, 'GET', `${API}/meetings?limit=100`);
  const pNews = await anon.json<List<Row & { slug: string }>>(k, 'GET', `${API}/news?limit=100`);
  const working = bodies.items.filter((b) =>
    ['commission', 'council', 'working_group'].includes(String(b.kind)),
  );
  const need = {
    'working bodies': working.length,
    meetings: meetings.items.length,
    decisions: decisions.items.length,
    documents: documents.items.length,
    'public news': pNews.items.length,
    'public meetings': pMeetings.items.length,
    "the delegate's open assignments": assignments.items.length,
  };
  const missing = Object.entries(need).filter(([, n]) => n === 0);
  if (missing.length > 0) {
    throw new Error(`The dataset has no ${missing.map(([w]) => w).join(', ')} to load.`);
  }
  // A draft decision in consultation with RUS: the delegate comments on it during the load.
  const body = (working.find((b) => b.kind === 'commission') ?? working[0]) as Row;
  const doc = await sec.json<Row>(k, 'POST', `${API}/documents`, {
    json: {
      title: text('Soak draft decision', 'Проект решения для нагрузочного теста'),
      kind: 'draft_decision',
      bodyId: body.id,
    },
  });
  await sec.request(k, 'POST', `${API}/documents/${doc.id}/versions`, {
    json: { text: text('Article 1. The parties agree.', 'Статья 1. Стороны согласны.') },
  });
  const consultation = await sec.json<Row>(k, 'POST', `${API}/consultations`, {
    json: { documentId: doc.id, memberStates: ['RUS'], deadline: isoDay(60) },
  });
  return {
    meetings: ids(meetings),
    decisions: ids(decisions),
    documents: ids(documents),
    news: ids(news),
    delegateMeetings: ids(dMeetings),
    delegateDecisions: ids(dDecisions),
    delegateDocuments: ids(dDocuments),
    publicMeetings: ids(pMeetings),
    newsSlugs: pNews.items.map((n) => n.slug),
    bodySlugs: bodies.items.map((b) => String(b.slug)),
    workingBodies: working.map((b) => b.id),
    reviewMeetings: ids(coming).slice(0, 6),
    assignments: assignments.items.map((a) => ({ id: a.id, decisionId: a.decisionId })),
    consultationId: consultation.id,
    states: states.items.map((s) => s.code),
  };
}

// ---- The simulated users ---------------------------------------------------------------------

type Step = (i: number) => Promise<void>;

/** Runs `step` over and over until the deadline; a failed step is recorded and the next one runs. */
async function loop(deadline: number, stats: SoakStats, step: Step, pauseMs = 0): Promise<void> {
  for (let i = 0; Date.now() < deadline; i++) {
    try {
      await step(i);
    } catch (error) {
      if (!(error instanceof StepFailed)) {
        // A fault of the soak itself (an answer of an unexpected shape): reported, not hidden.
        stats.fail('soak', 'step', error instanceof Error ? error.message : String(error));
      }
      // After a failure, do not hammer the server with the same failing step.
      await sleep(500);
    }
    if (pauseMs > 0) {
      await sleep(pauseMs);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The secretariat and the delegate reading the workspace's lists and pages. */
function workspaceReader(user: SoakUser, pool: Pool, delegate: boolean): Step {
  const meetings = () => (delegate ? pool.delegateMeetings : pool.meetings);
  const decisions = () => (delegate ? pool.delegateDecisions : pool.decisions);
  const documents = () => (delegate ? pool.delegateDocuments : pool.documents);
  const reads: Array<[string, (i: number) => string]> = [
    ['list', () => `${API}/meetings?limit=50`],
    ['single', (i) => `${API}/meetings/${pick(meetings(), i)}`],
    ['list', (i) => `${API}/meetings/${pick(meetings(), i)}/agenda-items`],
    ['list', (i) => `${API}/meetings/${pick(meetings(), i)}/participants`],
    ['list', () => `${API}/decisions?limit=50`],
    ['list', () => `${API}/decisions?status=overdue&limit=50`],
    ['list', (i) => `${API}/decisions?memberState=${pick(pool.states, i)}&sort=due&limit=50`],
    ['single', (i) => `${API}/decisions/${pick(decisions(), i)}`],
    ['list', () => `${API}/decisions/counts`],
    ['list', (i) => `${API}/decisions/${pick(decisions(), i)}/assignments`],
    ['list', () => `${API}/documents?limit=50`],
    ['single', (i) => `${API}/documents/${pick(documents(), i)}`],
    ['list', (i) => `${API}/documents/${pick(documents(), i)}/versions`],
    ['list', () => `${API}/news?limit=50`],
    ['list', () => `${API}/consultations?limit=50`],
    ['list', () => `${API}/consultations/${pool.consultationId}/comments?limit=50`],
    ['list', (i) => `${API}/assignments?memberState=${pick(pool.states, i)}&limit=50`],
    ['register', () => `${API}/member-states`],
    ['register', () => `${API}/bodies?limit=100`],
    ['register', () => `${API}/persons?limit=50`],
    ['register', () => `${API}/organizations?limit=50`],
    ['register', () => `${API}/memberships?limit=50`],
    ['register', () => `${API}/standards?limit=50`],
    ['register', () => `${API}/programs?limit=50`],
    ['register', () => `${API}/projects?limit=50`],
    ['register', () => `${API}/ip-results?limit=50`],
  ];
  if (!delegate) {
    reads.push(['single', (i) => `${API}/news/${pick(pool.news, i)}`]);
  }
  return async (i) => {
    const [kind, at] = pick(reads, i);
    await user.request(kind, 'GET', at(Math.floor(i / reads.length) + i));
    // The implementation review is a secretary's heavy page: now and then, not in every round.
    if (!delegate && i % 40 === 39 && pool.reviewMeetings.length > 0) {
      await user.request(
        'review',
        'GET',
        `${API}/meetings/${pick(pool.reviewMeetings, i)}/implementation-review`,
      );
    }
  };
}

/** An anonymous visitor of the public portal, its feeds and the public API. */
function portalVisitor(user: SoakUser, pool: Pool): Step {
  const redirect = [302];
  const pages: Array<[string, (i: number) => string, number[]?]> = [
    ['portal', () => '/', redirect],
    ['portal', () => '/en/'],
    ['portal', () => '/ru/'],
    ['portal', () => '/en/news'],
    ['portal', () => '/ru/news'],
    ['portal', (i) => `/en/news/${pick(pool.newsSlugs, i)}`],
    ['portal', (i) => `/ru/news/${pick(pool.newsSlugs, i + 1)}`],
    ['portal', () => '/en/news/section/announcements'],
    ['portal', () => '/en/meetings'],
    ['portal', (i) => `/ru/meetings/${pick(pool.publicMeetings, i)}`],
    ['portal', () => '/ru/bodies'],
    ['portal', (i) => `/en/bodies/${pick(pool.bodySlugs, i)}`],
    ['feed', () => '/feeds/news.rss'],
    ['feed', () => '/feeds/news.atom'],
    ['feed', () => '/ru/feeds/news.rss'],
    ['feed', () => '/calendar.ics'],
    ['feed', () => '/sitemap.xml'],
    ['list', () => `${API}/news?limit=20`],
    ['list', () => `${API}/meetings?limit=20`],
  ];
  return async (i) => {
    const [kind, at, expect] = pick(pages, i);
    await user.request(kind, 'GET', at(Math.floor(i / pages.length) + i), expect ? { expect } : {});
  };
}

/** Searches in English and Russian, as the secretariat and as the delegate. */
function searcher(sec: SoakUser, del: SoakUser): Step {
  return async (i) => {
    const user = i % 3 === 2 ? del : sec;
    const ru = i % 2 === 1;
    const q = pick(ru ? SEARCH_RU : SEARCH_EN, Math.floor(i / 2));
    await user.request(
      ru ? 'search-ru' : 'search-en',
      'GET',
      `${API}/search?q=${encodeURIComponent(q)}`,
    );
  };
}

interface Versioned extends Row {
  version: number;
}
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/**
 * The secretariat at work: meetings announced and changed (and once per round a change on a stale
 * version, which must answer 412), agenda items, news written and published, documents and their
 * versions. Each 2xx is logged for the streams' stall check with who may see the change.
 */
function secretariatWriter(user: SoakUser, pool: Pool, writes: WriteLog): Step {
  let meeting: (Versioned & { status: string }) | null = null;
  let agendaItems = 0;
  let document: Row | null = null;
  let versions = 0;
  return async (i) => {
    let m = meeting;
    if (!m || agendaItems >= 12) {
      const status = i % 2 === 0 ? 'announced' : 'planned';
      m = await user.json<Versioned & { status: string }>('write', 'POST', `${API}/meetings`, {
        json: {
          bodyId: pick(pool.workingBodies, i),
          startDate: isoDay(30 + (i % 300)),
          timeZone: 'Europe/Minsk',
          status,
          location: { city: text('Minsk', 'Минск'), country: 'BLR' },
        },
      });
      meeting = m;
      agendaItems = 0;
      writes.mark(status === 'announced' ? 'public' : 'internal');
      remember(pool.meetings, m.id);
      remember(pool.delegateMeetings, m.id);
      if (status === 'announced') {
        remember(pool.publicMeetings, m.id);
      }
    }
    const audience: Audience = m.status === 'announced' ? 'public' : 'internal';
    const stale = m.version;
    m = await user.json<Versioned & { status: string }>(
      'write',
      'PATCH',
      `${API}/meetings/${m.id}`,
      {
        headers: ifMatch(m.version),
        json: { notes: text(`Soak round ${i}`, `Раунд нагрузочного теста ${i}`) },
      },
    );
    meeting = m;
    writes.mark(audience);
    // A client that edits what it read before that change: refused, and nothing changes.
    await user.request('stale-412', 'PATCH', `${API}/meetings/${m.id}`, {
      headers: ifMatch(stale),
      json: { notes: text('Lost update', 'Потерянное изменение') },
      expect: [412],
    });
    const item = await user.json<Versioned>(
      'write',
      'POST',
      `${API}/meetings/${m.id}/agenda-items`,
      {
        json: { title: text(`Soak agenda item ${i}`, `Пункт повестки ${i}`), public: true },
      },
    );
    agendaItems++;
    writes.mark(audience);
    await user.request('write', 'PATCH', `${API}/meetings/${m.id}/agenda-items/${item.id}`, {
      headers: ifMatch(item.version),
      json: { description: text('Changed by the soak.', 'Изменено нагрузочным тестом.') },
    });
    writes.mark(audience);

    if (i % 3 === 0) {
      const create = {
        title: text(`Soak news ${i} ${Date.now()}`, `Новость нагрузочного теста ${i}`),
        summary: text('A news item of the soak.', 'Новость нагрузочного теста.'),
        body: text('The **soak** wrote this.', 'Это написал **нагрузочный** тест.'),
      };
      const key = { 'idempotency-key': `soak-news-${process.pid}-${i}` };
      const news = await user.json<Versioned>('write', 'POST', `${API}/news`, {
        headers: key,
        json: create,
      });
      if (i % 9 === 0) {
        // The same POST again: the first answer, and nothing new created.
        const again = await user.json<Versioned>('write', 'POST', `${API}/news`, {
          headers: key,
          json: create,
        });
        if (again.id !== news.id) {
          throw new Error(`A repeated Idempotency-Key created news ${again.id} beside ${news.id}.`);
        }
      }
      const patched = await user.json<Versioned>('write', 'PATCH', `${API}/news/${news.id}`, {
        headers: ifMatch(news.version),
        json: { summary: text('Changed summary.', 'Изменённое описание.') },
      });
      const published = await user.json<Versioned & { slug: string }>(
        'write',
        'POST',
        `${API}/news/${news.id}/publish`,
        { headers: ifMatch(patched.version), json: {} },
      );
      writes.mark('public');
      remember(pool.news, news.id);
      remember(pool.newsSlugs, published.slug);
    }

    if (!document || versions >= 5) {
      document = await user.json<Row>('write', 'POST', `${API}/documents`, {
        json: {
          title: text(`Soak report ${i}`, `Отчёт нагрузочного теста ${i}`),
          kind: 'report',
          bodyId: pick(pool.workingBodies, i),
          classification: i % 2 === 0 ? 'public' : 'internal',
        },
      });
      versions = 0;
      remember(pool.documents, document.id);
      remember(pool.delegateDocuments, document.id);
    }
    await user.request('write', 'POST', `${API}/documents/${document.id}/versions`, {
      json: {
        text: text(
          `Version ${versions + 1} of round ${i}.`,
          `Редакция ${versions + 1}, раунд ${i}.`,
        ),
        note: text('Soak', 'Тест'),
      },
    });
    versions++;
  };
}

/** The delegate of RUS: implementation reports on RUS's assignments and consultation comments. */
function delegateWriter(user: SoakUser, pool: Pool): Step {
  return async (i) => {
    if (i % 2 === 0) {
      const a = pick(pool.assignments, i / 2);
      await user.request('report', 'POST', `${API}/decisions/${a.decisionId}/reports`, {
        json: {
          assignmentId: a.id,
          status: 'in_progress',
          text: text(`Work continues (round ${i}).`, `Работа продолжается (раунд ${i}).`),
        },
      });
    } else {
      await user.request(
        'comment',
        'POST',
        `${API}/consultations/${pool.consultationId}/comments`,
        {
          json: {
            memberState: 'RUS',
            clause: `Article ${1 + (i % 12)}`,
            comment: text(`Comment ${i} of the soak.`, `Замечание ${i} нагрузочного теста.`),
          },
        },
      );
    }
  };
}

/**
 * Files of 50 KB to 2 MB (sizes spread evenly on a log scale), each a new PDF, uploaded and then
 * made a version of a document, as a secretary attaches a signed copy.
 */
function uploader(user: SoakUser, pool: Pool): Step {
  let document: Row | null = null;
  let versions = 0;
  let bytes = 0;
  const step: Step & { bytes?: () => number } = async (i) => {
    const size = Math.round(50 * 1024 * (2048 / 50) ** ((i * 0.618) % 1));
    const body = makeUploadBody(size);
    const file = await user.json<{ sha256: string; name: string; size: number }>(
      'upload',
      'POST',
      `${API}/files`,
      { body: { bytes: body.payload, contentType: body.contentType } },
    );
    bytes += file.size;
    if (!document || versions >= 10) {
      document = await user.json<Row>('write', 'POST', `${API}/documents`, {
        json: {
          title: text(`Soak scans ${i}`, `Сканы нагрузочного теста ${i}`),
          kind: 'other',
          bodyId: pick(pool.workingBodies, i),
          classification: 'internal',
        },
      });
      versions = 0;
    }
    await user.request('write', 'POST', `${API}/documents/${document.id}/versions`, {
      json: { fileSha256: file.sha256, fileName: `scan-${i}.pdf` },
    });
    versions++;
  };
  step.bytes = () => bytes;
  return step;
}

/** Waits until `count` heap snapshots are in `dir` and the last has stopped growing. */
async function snapshotWritten(dir: string, count: number): Promise<void> {
  let lastSize = -1;
  for (let i = 0; i < 240; i++) {
    await sleep(1_000);
    const sizes = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.heapsnapshot'))
      .map((f) => fs.statSync(path.join(dir, f)).size);
    const size = sizes.reduce((a, b) => a + b, 0);
    if (sizes.length >= count && sizes.every((s) => s > 0) && size === lastSize) {
      return;
    }
    lastSize = size;
  }
}

// ---- Reporting -------------------------------------------------------------------------------

const MB = 1024 * 1024;
const perMin = (b: number) => (Number.isNaN(b) ? '—' : `${(b / MB).toFixed(2)} MB/min`);
const mb = (b: number) => (Number.isNaN(b) ? '—' : `${(b / MB).toFixed(1)} MB`);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const red = (s: string) => (color ? `\x1b[1;31m${s}\x1b[0m` : s);
const green = (s: string) => (color ? `\x1b[32m${s}\x1b[0m` : s);

function table(header: string[], rows: string[][], right: Set<number>): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) =>
        right.has(i) ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) {
    console.log(line(r));
  }
}

// ---- Main ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const log = new Progress();
  const startedAt = new Date();
  const database = opts.pgUrl ? 'PostgreSQL' : 'SQLite';
  const judgeTrend = opts.minutes >= JUDGED_TREND_MINUTES;
  log.line(
    `Plenum soak — ${opts.minutes} min of mixed load on ${database}, dataset scale ${opts.scale}, ` +
      `${opts.streams} live-event streams; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-soak-data-'));
  const bench = opts.reuse
    ? await openKeptDatabase({ pgUrl: null, where: copyKept(opts.reuse, dataDir) })
    : await openFreshDatabase({ pgUrl: opts.pgUrl });
  log.line(`${opts.reuse ? 'Using a copy of' : 'Generating'} the dataset in ${bench.where}`);
  let databaseOpen = true;
  let server: ServerProcess | null = null;
  const users: SoakUser[] = [];
  const streams: SoakStream[] = [];
  try {
    const generated = opts.reuse
      ? await reuseDataset(bench, log)
      : await generate(bench.handle.db, bench.handle.dialect, { scale: opts.scale }, log);
    await bench.handle.close();
    databaseOpen = false;
    log.line(
      `  ${formatCount(Object.values(generated.counts).reduce((a, b) => a + b, 0))} rows in ` +
        formatSeconds(generated.ms),
    );
    // --heap-snapshots: V8 writes one into dataDir/.. whenever the process gets SIGUSR2.
    const snapshotDir = opts.heapSnapshots
      ? fs.mkdtempSync(path.join(here, 'results', 'soak-heap-'))
      : null;
    server = await ServerProcess.start('plenum', 'plenum', [JSON.stringify(bench.target)], {
      PLENUM_DATA_DIR: dataDir,
      ...(snapshotDir
        ? {
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}`,
          }
        : {}),
    });
    const pid = server.pid as number;
    const origin = server.origin;
    const stats = new SoakStats();
    const secAuth = { authorization: `Bearer ${generated.benchUser.token}` };
    const delAuth = { authorization: `Bearer ${generated.benchDelegate.token}` };
    const user = (name: string, auth: Record<string, string>) => {
      const u = new SoakUser(name, server?.origin as string, auth, stats);
      users.push(u);
      return u;
    };
    const sec = user('secretariat', secAuth);
    const del = user('delegate RUS', delAuth);
    const anon = user('anonymous', {});
    const pool = await readPool(sec, del, anon);

    // Streams: a third anonymous (public changes only), a third the delegate, the rest staff.
    const writes = new WriteLog();
    for (let s = 0; s < opts.streams; s++) {
      const audience: Audience = (['staff', 'internal', 'public'] as const)[s % 3] as Audience;
      const headers = audience === 'staff' ? secAuth : audience === 'internal' ? delAuth : {};
      const who =
        audience === 'staff' ? 'secretariat' : audience === 'internal' ? 'delegate' : 'anonymous';
      const stream = new SoakStream(
        `stream ${s + 1} ${who}`,
        audience,
        server.origin,
        headers,
        stats,
      );
      stream.open();
      streams.push(stream);
    }
    const readyBy = Date.now() + 10_000;
    while (!streams.every((s) => s.ready) && Date.now() < readyBy) {
      await sleep(100);
    }
    if (!streams.every((s) => s.ready)) {
      throw new Error('Not every live-event stream became ready within 10 s.');
    }

    const seconds = opts.minutes * 60;
    const loadStart = Date.now();
    const deadline = loadStart + seconds * 1000;
    const samples: MemorySample[] = [];
    const sample = async () => {
      const t = (Date.now() - loadStart) / 1000;
      const rss = readRss(pid);
      // The server's own gauges when /metrics answers; its process otherwise (over IPC).
      const metrics = await readMetrics(origin, secAuth);
      const m = metrics && rss !== null ? null : await server?.memory();
      samples.push({
        t,
        rss: rss ?? m?.rss ?? Number.NaN,
        heapUsed: metrics?.heapUsed ?? m?.heapUsed ?? Number.NaN,
        heapTotal: metrics?.heapTotal ?? Number.NaN,
        external: metrics?.external ?? Number.NaN,
        cached: metrics?.cached ?? Number.NaN,
      });
    };
    await sample();
    // Child processes (an upload's text parser) live a second or two: watched more often than
    // the server, and reported beside it.
    const children = { peak: 0, peakTogether: 0 };
    const childWatch = setInterval(() => {
      const own = readRss(pid);
      const theirs = readChildrenRss(pid);
      children.peak = Math.max(children.peak, theirs);
      if (own !== null) {
        children.peakTogether = Math.max(children.peakTogether, own + theirs);
      }
    }, 200);
    for (const s of streams) {
      s.resetGap();
    }
    let lastProgress = Date.now();
    const sampler = setInterval(() => {
      void sample().catch((error: unknown) => stats.fail('memory', 'IPC memory', String(error)));
      for (const s of streams) {
        s.check(writes);
      }
      if (Date.now() - lastProgress >= 30_000) {
        lastProgress = Date.now();
        const last = samples[samples.length - 1];
        log.line(
          `  ${((Date.now() - loadStart) / 1000).toFixed(0)} s: ${formatCount(stats.total)} requests, ` +
            `${stats.failures.length} failures, RSS ${mb(last?.rss ?? Number.NaN)}, heap ` +
            `${mb(last?.heapUsed ?? Number.NaN)}, events ${streams.map((s) => s.events).join('/')}`,
        );
      }
    }, SAMPLE_MS);

    log.line(`Load until ${new Date(deadline).toISOString().slice(11, 19)} UTC`);
    const upload = uploader(user('uploader', secAuth), pool) as Step & { bytes: () => number };
    const parts: Array<[string, () => Promise<void>]> = [
      [
        'read',
        () =>
          loop(deadline, stats, workspaceReader(user('secretariat reader', secAuth), pool, false)),
      ],
      [
        'read',
        () =>
          loop(
            deadline,
            stats,
            workspaceReader(user('secretariat reader 2', secAuth), pool, false),
          ),
      ],
      [
        'read',
        () => loop(deadline, stats, workspaceReader(user('delegate reader', delAuth), pool, true)),
      ],
      ['portal', () => loop(deadline, stats, portalVisitor(user('visitor', {}), pool))],
      ['portal', () => loop(deadline, stats, portalVisitor(user('visitor 2', {}), pool))],
      [
        'search',
        () =>
          loop(
            deadline,
            stats,
            searcher(user('searcher', secAuth), user('delegate searcher', delAuth)),
          ),
      ],
      [
        'write',
        () =>
          loop(deadline, stats, secretariatWriter(user('secretary', secAuth), pool, writes), 200),
      ],
      [
        'report',
        () => loop(deadline, stats, delegateWriter(user('delegate writer', delAuth), pool), 200),
      ],
      ['upload', () => loop(deadline, stats, upload, 1_000)],
    ];
    const snapshot = () => {
      if (snapshotDir) {
        process.kill(pid, 'SIGUSR2');
      }
    };
    const firstSnapshot = setTimeout(snapshot, (seconds * 1000) / 3);
    await Promise.all(parts.filter(([part]) => !opts.skip.has(part)).map(([, run]) => run()));
    clearTimeout(firstSnapshot);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    clearInterval(sampler);
    clearInterval(childWatch);
    for (const s of streams) {
      s.check(writes);
    }
    await sample();
    stats.closed = true;
    if (snapshotDir) {
      snapshot();
      await snapshotWritten(snapshotDir, 2);
      log.line(`Heap snapshots: ${path.relative(process.cwd(), snapshotDir)}`);
    }
    for (const s of streams) {
      s.close();
    }

    // ---- The report ----
    const kinds = stats.summary(loadSeconds);
    const streamReports = streams.map((s) => s.report());
    const rss = trend(samples, loadSeconds, 'rss');
    const heap = trend(samples, loadSeconds, 'heapUsed');
    const heapTotal = trend(samples, loadSeconds, 'heapTotal');
    const external = trend(samples, loadSeconds, 'external');
    const cached = trend(samples, loadSeconds, 'cached');
    const beyond = trend(samples, loadSeconds, 'rssBeyondCaches');
    // The caches fill towards their configured bound while new pages are read; what a leak
    // would raise is the rest. Without the gauges (an older server), RSS itself is judged.
    const judged = Number.isFinite(beyond.slope) ? beyond : rss;
    const slopeMB = judged.slope / MB;
    const memoryRows: Array<[string, MemoryTrend]> = [
      ['RSS', rss],
      ['kept answers', cached],
      ['RSS beyond them', beyond],
      ['heap used', heap],
      ['heap reserved', heapTotal],
      ['external', external],
    ];
    const checks: Array<{ name: string; pass: boolean; judged: boolean; detail: string }> = [
      {
        name: 'no 5xx, connection errors or unexpected statuses',
        pass: stats.failures.length === 0,
        judged: true,
        detail: `${stats.failures.length} failures in ${formatCount(stats.total)} requests`,
      },
      {
        name: 'every live-event stream kept receiving',
        // Without the secretary's writes a quiet stream is no failure.
        pass: streamReports.every(
          (s) => (s.events > 0 || opts.skip.has('write')) && s.stalls === 0,
        ),
        judged: true,
        detail: `${streamReports.map((s) => s.events).join(' / ')} events`,
      },
      {
        name: `server RSS < ${mb(RSS_BUDGET_BYTES)}`,
        pass: rss.max < RSS_BUDGET_BYTES,
        judged: true,
        detail: `max ${mb(rss.max)}`,
      },
      {
        name: `trend of RSS beyond the bounded caches, last two thirds < ${opts.slopeLimit} MB/min`,
        pass: slopeMB < opts.slopeLimit,
        judged: judgeTrend,
        detail: `${slopeMB.toFixed(2)} MB/min${judgeTrend ? '' : ` (reported, not judged: runs under ${JUDGED_TREND_MINUTES} min are too short)`}`,
      },
    ];
    const pass = checks.every((c) => c.pass || !c.judged);

    console.log(
      `\nPlenum soak ${startedAt.toISOString()} — ${database}, dataset scale ${opts.scale}, ` +
        `${loadSeconds.toFixed(0)} s of load; ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ` +
        `Node ${process.version}; load average at the end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    console.log(
      `Dataset: ${Object.entries(generated.counts)
        .map(([t, n]) => `${t} ${formatCount(n)}`)
        .join(', ')}\n`,
    );
    const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
    table(
      ['kind', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'expected 4xx', 'failures'],
      kinds.map((k) => [
        k.kind,
        formatCount(k.count),
        k.rps.toFixed(1),
        ms(k.p50),
        ms(k.p99),
        ms(k.max),
        String(k.expected4xx),
        String(k.failures),
      ]),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    );
    const total = kinds.reduce((a, k) => a + k.count, 0);
    console.log(
      `all: ${formatCount(total)} requests, ${(total / loadSeconds).toFixed(1)} req/s; uploads ` +
        `${mb(upload.bytes())} in all\n`,
    );
    table(
      ['stream', 'events', 'reconnects', 'resets', 'longest gap s', 'stalls'],
      streamReports.map((s) => [
        s.name,
        formatCount(s.events),
        String(s.reconnects),
        String(s.resets),
        (s.maxGapMs / 1000).toFixed(1),
        String(s.stalls),
      ]),
      new Set([1, 2, 3, 4, 5]),
    );
    console.log(
      `\nServer memory (${samples.length} samples every ${SAMPLE_MS / 1000} s; slope: least ` +
        `squares over t ≥ ${(loadSeconds / 3).toFixed(0)} s)\n` +
        memoryRows
          .map(
            ([name, m]) =>
              `  ${name.padEnd(15)} start ${mb(m.start)}  max ${mb(m.max)}  end ${mb(m.end)}  ` +
              `slope ${perMin(m.slope)}  per-minute floor's slope ${perMin(m.floorSlope)}`,
          )
          .join('\n') +
        `\n  child processes (text parsers of uploads, sampled every 0.2 s): peak ${mb(children.peak)}; ` +
        `server and children together: peak ${mb(children.peakTogether)}`,
    );
    for (const f of stats.failures.slice(0, 20)) {
      console.log(
        red(
          `  ${new Date(f.at).toISOString().slice(11, 19)} ${f.kind}: ${f.request} → ${f.reason}`,
        ),
      );
    }
    if (stats.failures.length > 20) {
      console.log(red(`  … and ${stats.failures.length - 20} more failures`));
    }
    console.log('');
    for (const c of checks) {
      const mark = !c.judged ? 'REPORTED' : c.pass ? 'PASS' : 'FAIL';
      const lineText = `${mark.padEnd(8)} ${c.name}: ${c.detail}`;
      console.log(c.judged && !c.pass ? red(lineText) : c.judged ? green(lineText) : lineText);
    }
    console.log(pass ? green('\nSoak PASSED.') : red('\nSoak FAILED.'));

    const resultsDir = path.join(here, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(
      resultsDir,
      `soak-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          startedAt: startedAt.toISOString(),
          database: opts.pgUrl ? 'postgres' : 'sqlite',
          options: { ...opts, pgUrl: undefined },
          loadSeconds,
          counts: generated.counts,
          kinds,
          streams: streamReports,
          memory: {
            samples,
            rss,
            cached,
            rssBeyondCaches: beyond,
            heap,
            heapTotal,
            external,
            children,
          },
          checks,
          failures: stats.failures,
          pass,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const s of streams) {
      s.close();
    }
    for (const u of users) {
      u.close();
    }
    await server?.stop();
    if (databaseOpen) {
      await bench.handle.close();
    }
    await bench.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
