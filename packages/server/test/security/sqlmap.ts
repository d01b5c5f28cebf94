import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Target } from './targets.ts';

export interface SqlmapOptions {
  origin: string;
  token: string;
  /** sqlmap's --technique: BEUST in the full form, BEUS (no time-based blind) in the short. */
  technique: string;
  outDir: string;
  /** A run that takes longer is stopped and reported as incomplete. */
  perTargetTimeoutMs: number;
}

export interface SqlmapResult {
  target: Target;
  /** Status of the unmarked request, for judging coverage (a 4xx baseline reaches less code). */
  baseline: number;
  /** The problem answered to the unmarked request when it was a 4xx. */
  baselineDetail: string;
  /** Points sqlmap reported as tested and not injectable. */
  tested: number;
  findings: string[];
  /** 5xx answers sqlmap saw, as `500 (Internal Server Error) - 3 times`. */
  serverErrors: string[];
  seconds: number;
  incomplete: string | null;
  log: string;
}

async function baselineStatus(
  opts: SqlmapOptions,
  target: Target,
): Promise<{ status: number; detail: string }> {
  try {
    const res = await fetch(`${opts.origin}${target.url.replaceAll('*', '')}`, {
      method: target.method.toUpperCase(),
      headers: {
        authorization: `Bearer ${opts.token}`,
        ...(target.body ? { 'content-type': 'application/json' } : {}),
      },
      body: target.body?.replaceAll('*', '') ?? null,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    return { status: res.status, detail: res.status >= 400 ? text.slice(0, 300) : '' };
  } catch (error) {
    return { status: 0, detail: String(error) };
  }
}

/** Runs sqlmap on one target and reads its verdict from what it prints. */
export async function runSqlmap(
  opts: SqlmapOptions,
  target: Target,
  index: number,
): Promise<SqlmapResult> {
  const started = Date.now();
  const { status: baseline, detail: baselineDetail } = await baselineStatus(opts, target);
  const dir = path.join(opts.outDir, String(index).padStart(3, '0'));
  fs.mkdirSync(dir, { recursive: true });
  const headers = [`Authorization: Bearer ${opts.token}`];
  if (target.body) {
    headers.push('Content-Type: application/json');
  }
  const args = [
    '-u',
    `${opts.origin}${target.url}`,
    '--method',
    target.method.toUpperCase(),
    // sqlmap splits --headers at a literal backslash-n
    `--headers=${headers.join('\\n')}`,
    '--batch',
    '--risk=1',
    '--level=1',
    `--technique=${opts.technique}`,
    '--time-sec=2',
    '--timeout=10',
    '--retries=1',
    '--flush-session',
    '--skip-waf',
    '--disable-coloring',
    `--output-dir=${dir}`,
  ];
  if (target.body) {
    args.push(`--data=${target.body}`);
  }
  const logFile = path.join(dir, 'sqlmap.log');
  const out = fs.openSync(logFile, 'w');
  let incomplete: string | null = null;
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', out, out] });
    const timer = setTimeout(() => {
      incomplete = `stopped after ${opts.perTargetTimeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, opts.perTargetTimeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(-1);
    });
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  fs.closeSync(out);
  const text = fs.readFileSync(logFile, 'utf8');
  const findings: string[] = [];
  const identified = text.indexOf('identified the following injection point');
  if (identified >= 0) {
    findings.push(text.slice(identified, identified + 1500));
  }
  for (const m of text.matchAll(/^.*parameter '[^']+' is '[^']+' injectable.*$/gm)) {
    findings.push(m[0]);
  }
  const serverErrors = [...text.matchAll(/^(5\d\d \([^)]*\) - \d+ times)$/gm)].map(
    (m) => m[1] ?? '',
  );
  if (/unable to connect to the target URL|connection refused/i.test(text)) {
    incomplete ??= 'the server did not answer';
  }
  if (code !== 0 && code !== null && !incomplete && !/all tested parameters do not/.test(text)) {
    incomplete = `sqlmap exited with ${code}`;
  }
  const tested = (text.match(/does not seem to be injectable/g) ?? []).length;
  return {
    target,
    baseline,
    baselineDetail,
    tested,
    findings,
    serverErrors,
    seconds: (Date.now() - started) / 1000,
    incomplete,
    log: logFile,
  };
}

/** Runs `jobs` with at most `parallel` at once; jobs not started by `deadline` are skipped. */
export async function pool<T, R>(
  items: T[],
  parallel: number,
  deadline: number,
  job: (item: T, index: number) => Promise<R>,
): Promise<{ done: R[]; skipped: T[] }> {
  const done: R[] = [];
  const skipped: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      if (Date.now() > deadline) {
        skipped.push(item);
        continue;
      }
      done.push(await job(item, index));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { done, skipped };
}
