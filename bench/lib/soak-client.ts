/**
 * The soak's HTTP client: every answer is checked. A 5xx, a connection error, a timeout or a
 * status the caller did not expect is a failure, recorded with the request that caused it; the
 * latency of each answered request is kept per kind of request for the summary.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { percentile, Samples } from './load.ts';

/** No answer within this long is a failure (a soak wants answers, not a queue that grows). */
const TIMEOUT_MS = 30_000;
/** How much of a failed answer's body the report shows. */
const EXCERPT = 300;

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Failure {
  at: number;
  kind: string;
  request: string;
  reason: string;
}

export interface KindStats {
  kind: string;
  count: number;
  /** Answers whose status was expected but not 2xx (e.g. 412 on a deliberate stale If-Match). */
  expected4xx: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A JSON body (sent with content-type application/json) or raw bytes with their type. */
  json?: unknown;
  body?: { bytes: Buffer; contentType: string };
  /** Statuses this request may answer; default: any 2xx. */
  expect?: readonly number[];
}

/** Tallies of all requests of one soak, shared by every simulated user. */
export class SoakStats {
  readonly failures: Failure[] = [];
  private readonly kinds = new Map<
    string,
    { latencies: Samples; expected4xx: number; failures: number }
  >();
  /** Set when the load is over: answers that arrive later (shutting down) are not judged. */
  closed = false;

  private entry(kind: string) {
    let e = this.kinds.get(kind);
    if (!e) {
      e = { latencies: new Samples(), expected4xx: 0, failures: 0 };
      this.kinds.set(kind, e);
    }
    return e;
  }

  ok(kind: string, ms: number, status: number): void {
    const e = this.entry(kind);
    e.latencies.push(ms);
    if (status >= 400) {
      e.expected4xx++;
    }
  }

  fail(kind: string, request: string, reason: string): void {
    if (this.closed) {
      return;
    }
    this.entry(kind).failures++;
    const failure = { at: Date.now(), kind, request, reason };
    this.failures.push(failure);
    // Printed as it happens, so a long run shows its first failure at once (stderr: progress).
    if (this.failures.length <= 20) {
      console.error(`FAIL ${kind}: ${request} → ${reason}`);
    }
  }

  summary(seconds: number): Array<KindStats & { rps: number }> {
    return [...this.kinds.entries()]
      .map(([kind, e]) => {
        const sorted = e.latencies.sorted();
        return {
          kind,
          count: e.latencies.length + e.failures,
          expected4xx: e.expected4xx,
          failures: e.failures,
          rps: e.latencies.length / seconds,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
        };
      })
      .sort((a, b) => a.kind.localeCompare(b.kind));
  }

  get total(): number {
    let n = 0;
    for (const e of this.kinds.values()) {
      n += e.latencies.length + e.failures;
    }
    return n;
  }
}

/** Thrown to end the simulated user's current step after a failure (already recorded). */
export class StepFailed extends Error {}

/**
 * One simulated user: its own keep-alive connections and credentials, as a browser or an API
 * client of that person would have.
 */
export class SoakUser {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(
    readonly name: string,
    private readonly origin: string,
    private readonly auth: Record<string, string>,
    private readonly stats: SoakStats,
  ) {}

  /** Sends one request and checks its answer; throws StepFailed when it fails. */
  async request(kind: string, method: string, path: string, opts: RequestOptions = {}) {
    const label = `${method} ${path} (${this.name})`;
    // As a browser takes them: kept answers come gzip-compressed, and are read decompressed.
    const headers: Record<string, string> = {
      'accept-encoding': 'gzip',
      ...this.auth,
      ...opts.headers,
    };
    let payload: Buffer | undefined;
    if (opts.json !== undefined) {
      payload = Buffer.from(JSON.stringify(opts.json));
      headers['content-type'] = 'application/json';
    } else if (opts.body) {
      payload = opts.body.bytes;
      headers['content-type'] = opts.body.contentType;
    }
    if (payload) {
      headers['content-length'] = String(payload.length);
    }
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await this.send(method, path, headers, payload);
    } catch (error) {
      this.stats.fail(kind, label, `connection error: ${(error as Error).message}`);
      throw new StepFailed(label);
    }
    const ms = performance.now() - started;
    const { status } = answer;
    const expected = opts.expect ? opts.expect.includes(status) : status >= 200 && status < 300;
    if (status >= 500 || !expected) {
      const excerpt = answer.body.toString('utf8').slice(0, EXCERPT).replace(/\s+/g, ' ');
      this.stats.fail(kind, label, `HTTP ${status} ${excerpt}`);
      throw new StepFailed(label);
    }
    this.stats.ok(kind, ms, status);
    return answer;
  }

  /** A request whose JSON answer is returned. */
  async json<T>(kind: string, method: string, path: string, opts: RequestOptions = {}) {
    const answer = await this.request(kind, method, path, opts);
    return JSON.parse(answer.body.toString('utf8')) as T;
  }

  private send(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload: Buffer | undefined,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL(path, this.origin),
        { method, headers, agent: this.agent, timeout: TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const raw = Buffer.concat(chunks);
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw,
              });
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
