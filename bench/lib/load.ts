import autocannon, { type Request } from 'autocannon';

export interface LoadOptions {
  origin: string;
  /** The paths to request; each connection cycles through them. */
  paths: readonly string[];
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  /** Latency percentiles of 2xx responses, in milliseconds (sub-millisecond resolution). */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** Request bodies sent per second (uploads), when the load sends bodies. */
  bytesPerSecond?: number;
}

/** A growable list of float samples. */
export class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

export const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

/**
 * Sent with every request, as Chromium sends it: Plenum compresses the answers it keeps
 * (platform/compression.ts) for clients that take gzip, as every browser does; the bare routes
 * ignore it.
 */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * Drives `connections` keep-alive connections for `duration` seconds with autocannon and
 * reports throughput and latency. autocannon's own histogram keeps whole milliseconds only,
 * which hides everything below 1 ms, so latencies are collected here from its response events.
 */
export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const requests: Request[] = opts.paths.map((p) => ({ method: 'GET', path: p }));
  const latencies = new Samples();
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.origin,
        connections: opts.connections,
        duration: opts.duration,
        timeout: 10,
        headers: { ...BROWSER_HEADERS, ...opts.headers },
        requests,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const sorted = latencies.sorted();
        resolve({
          rps: latencies.length / result.duration,
          p50: percentile(sorted, 50),
          p90: percentile(sorted, 90),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
          ok: latencies.length,
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds: result.duration,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) {
        latencies.push(ms);
      } else {
        non2xx++;
      }
    });
  });
}
