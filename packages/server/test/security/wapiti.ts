import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Attack modules that judge the application. Left out: the passive header and cookie checks
 * (http_headers, csp, cookieflags: helmet's policy is tested by the platform tests, and the
 * cookie is Secure only behind TLS), those that need the internet or a wordlist brute force
 * (ssrf and xxe call wapiti's public endpoint; buster, nikto, brute_login_form, wapp), csrf (it
 * knows hidden form tokens only; the API checks X-CSRF-Token) and shellshock (no CGI here).
 */
export const WAPITI_MODULES = {
  full: 'xss,permanentxss,sql,blindsql,exec,file,crlf,redirect,backup,htaccess,methods',
  short: 'xss,permanentxss,sql,exec,file,crlf,redirect',
};

/**
 * Starts Debian's wapiti 3.0.4 with its exclusion patterns repaired: it compiles `…\Z(?ms)`,
 * which Python 3.11 refuses ("global flags not at the start"), so any `-x` would crash it.
 */
const BOOT = `
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile('(?ms)' + ''.join('.*' if c == '*' else re.escape(c) for c in pattern) + r'\\Z')
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = 'wapiti'
sys.exit(wapiti_main())
`;

export interface WapitiRun {
  name: string;
  origin: string;
  /** The session cookie's value, or null for the anonymous scan. */
  cookie: string | null;
  startUrls: string[];
  excludes: string[];
  modules: string;
  maxScanSeconds: number;
  maxAttackSeconds: number;
  workDir: string;
}

export interface WapitiResult {
  name: string;
  urls: number;
  findings: string[];
  seconds: number;
  incomplete: string | null;
  log: string;
}

interface WapitiEntry {
  method?: string;
  path?: string;
  info?: string;
  parameter?: string;
  http_request?: string;
}

/** Runs wapiti once and reads its JSON report: every vulnerability and anomaly is a finding. */
export async function runWapiti(run: WapitiRun): Promise<WapitiResult> {
  const started = Date.now();
  const dir = path.join(run.workDir, `wapiti-${run.name}`);
  fs.mkdirSync(dir, { recursive: true });
  const report = path.join(dir, 'report.json');
  const args = [
    '-u',
    `${run.origin}/`,
    // "folder" under the origin's root: this host and port only, never another server.
    '--scope',
    'folder',
    '-m',
    run.modules,
    '--max-scan-time',
    String(run.maxScanSeconds),
    '--max-attack-time',
    String(run.maxAttackSeconds),
    '-t',
    '10',
    '-d',
    '4',
    '--flush-session',
    '--store-session',
    path.join(dir, 'session'),
    '--store-config',
    path.join(dir, 'config'),
    '--no-bugreport',
    '-v',
    '1',
    '-f',
    'json',
    '-o',
    report,
  ];
  for (const url of run.startUrls) {
    args.push('-s', url);
  }
  for (const url of run.excludes) {
    args.push('-x', url);
  }
  if (run.cookie) {
    // wapiti's cookie file (wapiti-getcookie's format): domain → path → name → attributes.
    const jar = path.join(dir, 'cookies.json');
    const host = new URL(run.origin).hostname;
    fs.writeFileSync(
      jar,
      JSON.stringify({
        [host]: {
          '/': {
            plenum_session: {
              value: run.cookie,
              version: 0,
              expires: null,
              secure: false,
              port: null,
            },
          },
        },
      }),
    );
    args.push('-c', jar);
  }
  const logFile = path.join(dir, 'wapiti.log');
  const out = fs.openSync(logFile, 'w');
  let incomplete: string | null = null;
  // --max-scan-time bounds the crawl and --max-attack-time each module: a margin on their sum.
  const modules = run.modules.split(',').length;
  const hardLimitMs = (run.maxScanSeconds + run.maxAttackSeconds * modules + 90) * 1000;
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('/usr/bin/python3', ['-c', BOOT, ...args], { stdio: ['ignore', out, out] });
    const timer = setTimeout(() => {
      incomplete = `stopped after ${hardLimitMs / 1000} s`;
      child.kill('SIGKILL');
    }, hardLimitMs);
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
  const findings: string[] = [];
  let urls = 0;
  const text = fs.readFileSync(logFile, 'utf8');
  urls = Number(/Wapiti found (\d+) URLs/.exec(text)?.[1] ?? 0);
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      vulnerabilities?: Record<string, WapitiEntry[]>;
      anomalies?: Record<string, WapitiEntry[]>;
    };
    for (const kind of ['vulnerabilities', 'anomalies'] as const) {
      for (const [category, entries] of Object.entries(json[kind] ?? {})) {
        for (const e of entries) {
          findings.push(
            `${kind === 'anomalies' ? 'anomaly' : 'vulnerability'} · ${category} · ${e.method ?? ''} ${e.path ?? ''} · ${e.parameter ?? ''} · ${e.info ?? ''}\n${e.http_request ?? ''}`,
          );
        }
      }
    }
  } else {
    incomplete ??= `no report (wapiti exited with ${code})`;
  }
  return {
    name: run.name,
    urls,
    findings,
    seconds: (Date.now() - started) / 1000,
    incomplete,
    log: logFile,
  };
}
